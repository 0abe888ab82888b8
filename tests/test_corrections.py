"""Correcting a submitted review: reopen rights, revisions with who/what/when/why, originals kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview import corrections, reviews
from cxreview.errors import ConflictError
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database, open_database
from tests.conftest import conversation


@pytest.fixture
def loaded(db: Database, write_jsonl) -> Database:
    import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2")]))])
    return db


def submitted(db: Database, reviewer: str = "ana", conv: str = "c1", scores=(2, 3, 4)) -> int:
    review = reviews.start_review(db, conv, reviewer, resolve_rubric("default"))
    for criterion, score in zip(("empathy", "clarity", "resolution"), scores, strict=True):
        reviews.set_score(db, review.id, criterion, score)
    reviews.submit(db, review.id)
    return review.id


def revisions(db: Database, review_id: int) -> list:
    return db.query("SELECT * FROM review_revisions WHERE review_id = ? ORDER BY id", (review_id,))


def test_first_submission_is_not_an_edit(loaded: Database) -> None:
    review_id = submitted(loaded)
    assert revisions(loaded, review_id) == []
    row = loaded.query("SELECT first_submitted_at, original_score FROM reviews WHERE id = ?", (review_id,))[0]
    assert row["first_submitted_at"] and row["original_score"] is None  # nothing changed yet
    events = corrections.history(loaded, review_id)
    assert [e.what for e in events] == ["submitted (score 50.0)"]


def test_edit_records_who_what_when_from_to_and_reason(loaded: Database) -> None:
    review_id = submitted(loaded)
    reviews.reopen(loaded, review_id, by="ana")
    reviews.set_score(loaded, review_id, "empathy", 3)
    reviews.set_score(loaded, review_id, "empathy", 5)  # two steps, one net change 2 -> 5
    reviews.set_score(loaded, review_id, "clarity", 4)
    reviews.set_score(loaded, review_id, "clarity", 3)  # back where it was: no change
    reviews.set_overall_note(loaded, review_id, "missed the apology")
    reviews.submit(loaded, review_id, reason="misread the transcript")
    [rev] = revisions(loaded, review_id)
    assert (rev["editor"], rev["role"], rev["reason"], rev["dispute_id"]) == (
        "ana",
        "reviewer",
        "misread the transcript",
        None,
    )
    assert rev["at"].endswith("Z")
    edits = loaded.query("SELECT field, target, before, after FROM review_edits WHERE revision_id = ?", (rev["id"],))
    assert [tuple(e) for e in edits] == [
        ("score", "empathy", "[2, false]", "[5, false]"),
        ("overall_note", "", '""', '"missed the apology"'),
    ]
    # The reviewer's first submission stays, for calibration and exports.
    originals = loaded.query(
        "SELECT criterion, score FROM review_originals WHERE review_id = ? ORDER BY 1", (review_id,)
    )
    assert [tuple(o) for o in originals] == [("clarity", 3), ("empathy", 2), ("resolution", 4)]
    row = loaded.query("SELECT original_score, score, edit_by FROM reviews WHERE id = ?", (review_id,))[0]
    assert row["original_score"] == pytest.approx(50.0) and row["score"] > row["original_score"]
    assert row["edit_by"] is None
    lines = [(e.who, e.role, e.what, e.changes, e.reason) for e in corrections.history(loaded, review_id)]
    assert lines[1] == (
        "ana",
        "reviewer",
        "edited",
        ["empathy score: 2 -> 5", 'coaching note: empty -> "missed the apology"'],
        "misread the transcript",
    )


def test_saving_again_without_changes_adds_no_revision(loaded: Database) -> None:
    review_id = submitted(loaded)
    reviews.reopen(loaded, review_id)
    reviews.submit(loaded, review_id)
    assert revisions(loaded, review_id) == []


def test_only_the_reviewer_or_an_arbiter_reopens(loaded: Database) -> None:
    review_id = submitted(loaded)
    with pytest.raises(ConflictError, match="--as-arbiter"):
        reviews.reopen(loaded, review_id, by="ben")
    assert reviews.get_review(loaded, review_id).submitted  # nothing written
    reviews.reopen(loaded, review_id, by="lead", as_arbiter=True)
    with pytest.raises(ConflictError, match="being corrected by lead"):
        reviews.reopen(loaded, review_id, by="ana")
    reviews.set_score(loaded, review_id, "resolution", 5)
    reviews.submit(loaded, review_id, reason="policy allows refunds")
    [rev] = revisions(loaded, review_id)
    assert (rev["editor"], rev["role"]) == ("lead", "arbiter")


def test_two_edits_make_two_revisions_with_the_count(loaded: Database) -> None:
    review_id = submitted(loaded)
    for score in (3, 4):
        reviews.reopen(loaded, review_id)
        reviews.set_score(loaded, review_id, "empathy", score)
        reviews.submit(loaded, review_id)
    assert len(revisions(loaded, review_id)) == 2
    [original] = loaded.query(
        "SELECT score FROM review_originals WHERE review_id = ? AND criterion = 'empathy'", (review_id,)
    )
    assert original["score"] == 2  # still the first submission, not the first edit


def test_a_score_changed_by_someone_else_is_not_overwritten(loaded: Database, db_path: Path) -> None:
    review_id = submitted(loaded)
    reviews.reopen(loaded, review_id)
    seen = reviews.get_review(loaded, review_id).criteria["empathy"]
    with open_database(db_path) as other:  # the arbiter, in another process
        reviews.set_score(other, review_id, "empathy", 4)
    with pytest.raises(ConflictError, match="changed Empathy to 4 while you had this review open"):
        reviews.set_score(loaded, review_id, "empathy", 3, expected=(seen.score, seen.na))
    assert reviews.get_review(loaded, review_id).criteria["empathy"].score == 4
    reviews.set_score(loaded, review_id, "empathy", 3, expected=(4, False))  # seen now: allowed
    assert reviews.get_review(loaded, review_id).criteria["empathy"].score == 3


def test_undo_does_not_revert_a_change_made_by_someone_else(loaded: Database, db_path: Path) -> None:
    review = reviews.start_review(loaded, "c2", "ana", resolve_rubric("default"))
    reviews.set_score(loaded, review.id, "empathy", 2)
    with open_database(db_path) as other:
        reviews.set_score(other, review.id, "empathy", 5)
        other.execute("DELETE FROM review_changes WHERE id = (SELECT max(id) FROM review_changes)")
    with pytest.raises(ConflictError, match="changed Empathy"):
        reviews.undo(loaded, review.id)
    assert reviews.get_review(loaded, review.id).criteria["empathy"].score == 5


def test_the_agent_of_the_conversation_is_no_arbiter_of_its_review(loaded: Database) -> None:
    """Found as an agent: 'reviews edit 1 --criterion clarity --score 5 --by "Sanne de Vries"
    --as-arbiter --reason "I deserve it"' raised Sanne's own score, recorded as an arbiter's."""
    review_id = submitted(loaded)  # c1, handled by Sanne, reviewed by ana
    with pytest.raises(ConflictError, match="Sanne is the agent of conversation c1"):
        reviews.reopen(loaded, review_id, by="Sanne", as_arbiter=True)
    with pytest.raises(ConflictError, match="Sanne is the agent of conversation c1"):
        reviews.correct_score(loaded, review_id, "clarity", 5, False, by=" Sanne ", as_arbiter=True)
    assert reviews.get_review(loaded, review_id).submitted and revisions(loaded, review_id) == []
    assert reviews.get_review(loaded, review_id).criteria["clarity"].score == 3
