"""Accepting AutoQA suggestions in the headless review model: rounding, never overwriting,
the `suggested` mark, undo, and no suggestions in blind calibration."""

from __future__ import annotations

from cxreview import reviews, suggestions
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database
from cxreview.store.autoqa import suggestions_for
from tests.autoqa_helpers import predict
from tests.conftest import conversation


def test_nearest_level_clips_and_rounds_halfway_down() -> None:
    empathy = resolve_rubric("default").criterion("empathy")  # 1-5
    assert [suggestions.nearest_level(empathy, v) for v in (0.2, 1.49, 2.5, 2.51, 4.6, 9.0)] == [1, 1, 2, 3, 5, 5]


def test_accepting_writes_marked_scores_but_never_over_the_reviewers(db: Database, write_jsonl) -> None:
    import_files(db, [str(write_jsonl([conversation("c1")]))])
    rubric = resolve_rubric("default")
    for criterion, reliable, value in (("empathy", True, 3.7), ("clarity", True, 4.2), ("resolution", False, 2.0)):
        predict(db, criterion, [("c1", value, 0.4, ["a reason"])], reliable=reliable)
    review = reviews.start_review(db, "c1", "ana", rubric)
    reviews.set_score(db, review.id, "clarity", 2)
    found = suggestions_for(db, "c1", "default", 1)
    assert suggestions.shown(found, calibration=True) == {}
    plan = suggestions.plan_accept(reviews.get_review(db, review.id), suggestions.shown(found, calibration=False))
    assert plan.levels == {"empathy": 4} and plan.kept == ["Clarity"] and plan.not_reliable == ["Resolution"]
    # Written as planned, except over a score given meanwhile (here: none) or the clarity 2.
    assert reviews.accept_suggestions(db, review.id, {"empathy": 4, "clarity": 4}) == ["empathy"]
    after = reviews.get_review(db, review.id)
    assert (after.criteria["empathy"].score, after.criteria["empathy"].suggested) == (4, True)
    assert (after.criteria["clarity"].score, after.criteria["clarity"].suggested) == (2, False)
    reviews.set_na(db, review.id, "resolution")
    reviews.set_score(db, review.id, "empathy", 5)
    assert not reviews.get_review(db, review.id).criteria["empathy"].suggested
    reviews.undo(db, review.id)
    assert reviews.get_review(db, review.id).criteria["empathy"].suggested  # back to the accepted one
    reviews.submit(db, review.id)
    assert reviews.get_review(db, review.id).criteria["empathy"].suggested


def test_a_value_clipped_to_the_scales_end_says_how_far_past_it(db: Database, write_jsonl) -> None:
    """1.0 on the screen may stand for -0.4 in the model: the focused line says so."""
    from cxreview.store.autoqa import MachineScore, NewModel, save_model, write_scores

    import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2")]))])
    model = save_model(db, NewModel("default", 1, "empathy", 40, 40, "t", {}, True, "alpha 0.80 [0.72, 0.86]"))
    write_scores(db, model, [MachineScore("c1", 1.0, 0.4, (), unclipped=-0.43), MachineScore("c2", 2.2, 0.4, ())])
    first, second = (suggestions_for(db, c, "default", 1)["empathy"] for c in ("c1", "c2"))
    assert (first.value, first.unclipped, second.unclipped) == (1.0, -0.43, None)
    assert suggestions.past_end(1, 5, first.unclipped) == " (model value -0.4, below the scale's 1)"
    assert suggestions.past_end(1, 5, 5.7) == " (model value 5.7, above the scale's 5)"
    assert suggestions.past_end(1, 5, 1.02) == suggestions.past_end(1, 5, None) == ""
