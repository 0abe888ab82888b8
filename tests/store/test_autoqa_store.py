"""AutoQA in the store on both engines: models replace each other in one transaction,
machine scores are upserted and found again, training data leaves out accepted suggestions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cxreview import reviews
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database
from cxreview.store import autoqa as store
from tests.conftest import conversation

RUBRIC = resolve_rubric("bot")


def _model(criterion: str, reliable: bool = True, alpha: float | None = 0.8) -> store.NewModel:
    return store.NewModel(
        rubric_id=RUBRIC.id,
        rubric_version=RUBRIC.version,
        criterion=criterion,
        n_reviews=40,
        n_conversations=30,
        content_hash="h",
        params={"coef": [0.5, -1.0], "features": ["a", "b"]},
        reliable=reliable,
        reason="alpha 0.80 [0.70, 0.88] vs reviewers 0.75" if reliable else "alpha 0.20 is below 0.667",
        alpha=alpha,
        alpha_low=0.7,
        alpha_high=0.88,
        exact=0.6,
        within_one=0.95,
        reviewers_alpha=0.75,
    )


def test_models_scores_and_suggestions(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    import_files(engine_db, [str(write_jsonl([conversation("a"), conversation("b", customer="C2")]))])
    first = store.save_model(engine_db, _model("transparency"))
    store.write_scores(engine_db, first, [store.MachineScore("a", 3.5, 0.4, ("bot said it is a bot",), "x", None)])
    second = store.save_model(engine_db, _model("transparency"))
    noise = store.save_model(engine_db, _model("handover", reliable=False, alpha=0.2))
    assert second > first
    # The newer model replaced the older one, whose machine scores went with it.
    models = store.active_models(engine_db, RUBRIC.id)
    assert [(m.criterion, m.id, m.reliable) for m in models] == [
        ("handover", noise, False),
        ("transparency", second, True),
    ]
    assert store.count_scores(engine_db, first) == 0
    assert [m.id for m in store.model_history(engine_db, RUBRIC.id, "transparency")] == [second, first]
    assert store.model_params(engine_db, second) == {"coef": [0.5, -1.0], "features": ["a", "b"]}
    # Everything needs scoring by a new model; then only what changed.
    assert store.conversations_to_score(engine_db, second, Filters()) == ["a", "b"]
    hashes = {k: v["content_hash"] for k, v in store.conversation_inputs(engine_db, ["a", "b"]).items()}
    store.write_scores(
        engine_db,
        second,
        [
            store.MachineScore("a", 4.2, 0.3, ("no loops", "Zei 'sorry' — één keer"), hashes["a"]),
            store.MachineScore("b", 1.5, 0.9, (), "stale"),
        ],
    )
    store.write_scores(engine_db, noise, [store.MachineScore("a", 2.0, 1.5, ("noise",), hashes["a"])])
    assert store.conversations_to_score(engine_db, second, Filters()) == ["b"]
    assert store.conversations_to_score(engine_db, second, Filters(), everything=True) == ["a", "b"]
    assert store.conversations_to_score(engine_db, second, Filters(queues=["none"])) == []
    store.write_scores(engine_db, second, [store.MachineScore("b", 1.0, 0.8, ("again",), hashes["b"])])
    assert store.conversations_to_score(engine_db, second, Filters()) == []
    assert store.count_in_scope(engine_db, Filters()) == 2
    suggestions = store.suggestions_for(engine_db, "a", RUBRIC.id, RUBRIC.version)
    assert suggestions["transparency"] == store.Suggestion(
        "transparency", 4.2, 0.3, ("no loops", "Zei 'sorry' — één keer"), True, models[1].reason, second
    )
    assert suggestions["handover"].reliable is False
    assert store.suggestions_for(engine_db, "a", RUBRIC.id, RUBRIC.version + 1) == {}
    assert store.predicted_scores(engine_db, RUBRIC.id, RUBRIC.version) == [
        ("a", "transparency", 4.2, 0.3),
        ("b", "transparency", 1.0, 0.8),
    ]
    assert store.predicted_scores(engine_db, RUBRIC.id, RUBRIC.version, reliable_only=False, criterion="handover") == [
        ("a", "handover", 2.0, 1.5)
    ]


def test_training_scores_leave_out_accepted_suggestions(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    import_files(engine_db, [str(write_jsonl([conversation("a"), conversation("b", customer="C2")]))])
    for conv, reviewer in (("a", "ana"), ("b", "ana"), ("a", "bob")):
        review = reviews.start_review(engine_db, conv, reviewer, RUBRIC)
        for criterion in RUBRIC.criteria:
            reviews.set_score(engine_db, review.id, criterion.id, criterion.max if reviewer == "ana" else criterion.min)
        reviews.submit(engine_db, review.id)
    draft = reviews.start_review(engine_db, "b", "bob", RUBRIC)
    reviews.set_score(engine_db, draft.id, "transparency", 2)
    rows = store.training_scores(engine_db, RUBRIC.id)
    assert len(rows) == 3 * len(RUBRIC.criteria)
    assert ("bot", RUBRIC.version, "transparency", "a", "bob", 1) in rows
    # bob accepted the machine's suggestion for transparency on "a": not a human judgement.
    with engine_db.transaction() as conn:
        conn.execute(
            "UPDATE review_scores SET suggested = 1 WHERE criterion = 'transparency' AND review_id = "
            "(SELECT id FROM reviews WHERE conversation_id = 'a' AND reviewer = 'bob')"
        )
    rows = store.training_scores(engine_db, RUBRIC.id)
    assert ("bot", RUBRIC.version, "transparency", "a", "bob", 1) not in rows
    assert store.training_scores(engine_db, "default") == []


def test_deleting_a_conversation_deletes_its_machine_scores(
    engine_db: Database, write_jsonl: Callable[..., Path]
) -> None:
    import_files(engine_db, [str(write_jsonl([conversation("a")]))])
    model = store.save_model(engine_db, _model("transparency"))
    store.write_scores(engine_db, model, [store.MachineScore("a", 3.0, 0.5, ())])
    with engine_db.transaction() as conn:
        conn.execute("DELETE FROM conversations WHERE id = 'a'")
    assert store.count_scores(engine_db, model) == 0


def test_a_model_that_cannot_be_stored_leaves_the_previous_one_active(engine_db: Database) -> None:
    """Parameters are strict JSON (never pickle, never NaN); a failed save changes nothing."""
    first = store.save_model(engine_db, _model("transparency"))
    broken = _model("transparency")
    with pytest.raises(ValueError):
        store.save_model(engine_db, store.NewModel(**{**broken.__dict__, "params": {"coef": [float("nan")]}}))
    assert [m.id for m in store.active_models(engine_db)] == [first]


def test_withheld_marks_and_counts(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    """Scores of a kind the model is not reliable on are marked, counted and left out, on both engines."""
    from cxreview.store import autoqa_withheld as withheld

    mail = {**conversation("m", customer="C3"), "channel": "email"}
    import_files(engine_db, [str(write_jsonl([conversation("a"), conversation("b", customer="C2"), mail]))])
    model = store.save_model(engine_db, _model("transparency"))
    store.write_scores(
        engine_db,
        model,
        [
            store.MachineScore("a", 4.0, 0.3, ()),
            store.MachineScore("b", 2.0, 0.3, (), far=True),
            store.MachineScore("m", 1.0, 0.3, ()),
        ],
    )

    def why(channel: str, language: str) -> str | None:
        return "channel email" if channel == "email" else None

    assert withheld.mark_withheld(engine_db, model, why) == 1
    assert withheld.mark_withheld(engine_db, model, why) == 0  # only changes are written
    counted = withheld.score_kinds(engine_db, model)
    assert (counted.far, counted.withheld, counted.usable, counted.withheld_where) == (1, 1, 1, {"channel email": 1})
    assert [c for c, _, _, _ in store.predicted_scores(engine_db, RUBRIC.id, RUBRIC.version)] == ["a"]
    assert store.withheld_conversations(engine_db, RUBRIC.id, RUBRIC.version) == {"m": "channel email"}
    left = withheld.left_out(engine_db.conn, RUBRIC.id, RUBRIC.version, Filters())
    assert left == {"far": 1, "withheld": 1, "where": {"channel email": 1}}
    assert withheld.left_out_sentence(left) == (
        "1 outside what AutoQA was trained on, 1 in a channel or language where AutoQA is not reliable (channel email)"
    )
    assert store.suggestions_for(engine_db, "m", RUBRIC.id, RUBRIC.version)["transparency"].withheld == "channel email"
    assert withheld.mark_withheld(engine_db, model, lambda channel, language: None) == 1  # cleared again
    assert withheld.score_kinds(engine_db, model).withheld == 0
