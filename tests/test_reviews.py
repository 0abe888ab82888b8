"""The headless review model: every change stored at once, undo, submit, reopen, rubric versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxreview import reviews
from cxreview.errors import ConflictError, NotFoundError, UsageError
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.rubrics.loader import parse_rubric
from cxreview.store import Database, open_database
from tests.conftest import conversation


@pytest.fixture
def loaded(db: Database, write_jsonl) -> Database:
    import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2")]))])
    return db


def test_changes_are_in_the_database_immediately(loaded: Database, db_path: Path) -> None:
    rubric = resolve_rubric("default")
    review = reviews.start_review(loaded, "c1", "ana", rubric)
    reviews.set_score(loaded, review.id, "empathy", 4)
    reviews.set_na(loaded, review.id, "resolution")
    reviews.set_root_causes(loaded, review.id, "clarity", ["jargon", "missing next step"])
    reviews.set_criterion_note(loaded, review.id, "clarity", "said 'SLA' twice")
    reviews.set_message_note(loaded, review.id, 2, "customer is upset here")
    reviews.set_overall_note(loaded, review.id, "Good recovery [bold]really[/bold]")
    # A second, independent connection (another process, or after a crash) sees everything.
    with open_database(db_path) as other:
        again = reviews.get_review(other, review.id)
    assert again.criteria["empathy"].score == 4
    assert again.criteria["resolution"].na
    assert again.criteria["clarity"].root_causes == ["jargon", "missing next step"]
    assert again.criteria["clarity"].note == "said 'SLA' twice"
    assert again.message_notes == {2: "customer is upset here"}
    assert again.overall_note == "Good recovery [bold]really[/bold]"
    assert again.last_criterion == "resolution"


def test_start_review_resumes_the_same_draft(loaded: Database) -> None:
    rubric = resolve_rubric("default")
    first = reviews.start_review(loaded, "c1", "ana", rubric)
    reviews.set_score(loaded, first.id, "empathy", 2)
    second = reviews.start_review(loaded, "c1", "ana", rubric)
    assert second.id == first.id and second.criteria["empathy"].score == 2
    other = reviews.start_review(loaded, "c1", "ben", rubric)
    assert other.id != first.id


def test_undo_reverts_changes_in_reverse_order(loaded: Database) -> None:
    review = reviews.start_review(loaded, "c1", "ana", resolve_rubric("default"))
    reviews.set_score(loaded, review.id, "empathy", 2)
    reviews.set_score(loaded, review.id, "empathy", 5)
    reviews.set_overall_note(loaded, review.id, "note")
    assert reviews.undo(loaded, review.id) == "coaching note"
    assert reviews.get_review(loaded, review.id).overall_note == ""
    assert reviews.undo(loaded, review.id) == "score of empathy"
    assert reviews.get_review(loaded, review.id).criteria["empathy"].score == 2
    reviews.undo(loaded, review.id)
    assert reviews.get_review(loaded, review.id).criteria["empathy"].score is None
    assert reviews.undo(loaded, review.id) is None


def test_submit_requires_every_criterion_and_stores_the_score(loaded: Database) -> None:
    review = reviews.start_review(loaded, "c1", "ana", resolve_rubric("default"))
    reviews.set_score(loaded, review.id, "empathy", 5)
    with pytest.raises(ConflictError, match="Clarity, Resolution are not scored yet"):
        reviews.submit(loaded, review.id)
    reviews.set_score(loaded, review.id, "clarity", 3)
    reviews.set_score(loaded, review.id, "resolution", 4)
    result = reviews.submit(loaded, review.id)
    # (2 x 100 + 1 x 50 + 2 x 75) / 5 = 80
    assert result.score == pytest.approx(80.0)
    row = loaded.query("SELECT status, score, passed, submitted_at FROM reviews WHERE id = ?", (review.id,))[0]
    assert row["status"] == "submitted" and row["score"] == pytest.approx(80) and row["passed"] == 1
    assert row["submitted_at"]
    with pytest.raises(ConflictError, match="reopen"):
        reviews.set_score(loaded, review.id, "empathy", 1)
    reopened = reviews.reopen(loaded, review.id)
    assert reopened.status == "draft"
    reviews.set_score(loaded, review.id, "empathy", 1)


def test_invalid_edits_are_refused(loaded: Database) -> None:
    review = reviews.start_review(loaded, "c1", "ana", resolve_rubric("default"))
    with pytest.raises(UsageError, match="score it from 1 to 5"):
        reviews.set_score(loaded, review.id, "empathy", 9)
    with pytest.raises(UsageError, match="cannot be N/A"):
        reviews.set_na(loaded, review.id, "empathy")
    with pytest.raises(UsageError, match="not a root cause"):
        reviews.set_root_causes(loaded, review.id, "empathy", ["bad luck"])
    with pytest.raises(NotFoundError, match="no criterion"):
        reviews.set_score(loaded, review.id, "speed", 3)
    with pytest.raises(NotFoundError, match="no message 99"):
        reviews.set_message_note(loaded, review.id, 99, "x")
    with pytest.raises(NotFoundError, match="no conversation"):
        reviews.start_review(loaded, "nope", "ana", resolve_rubric("default"))


def test_changed_rubric_under_same_version_is_refused_and_old_reviews_keep_theirs(
    loaded: Database, tmp_path: Path
) -> None:
    text = (Path(resolve_rubric("default").source)).read_text()
    review = reviews.start_review(loaded, "c1", "ana", parse_rubric(text, "team.yaml"))
    edited = parse_rubric(text.replace("weight: 2", "weight: 3", 1), "team.yaml")
    with pytest.raises(ConflictError) as info:
        reviews.start_review(loaded, "c2", "ana", edited)
    assert "raise version to 2" in info.value.fix
    bumped = parse_rubric(text.replace("weight: 2", "weight: 3", 1).replace("version: 1", "version: 2"), "team.yaml")
    reviews.start_review(loaded, "c2", "ana", bumped)
    old = reviews.get_review(loaded, review.id)
    assert old.rubric.version == 1 and old.rubric.criterion("empathy").weight == 2
    stored = json.loads(loaded.scalar("SELECT definition FROM rubrics WHERE id = 'default' AND version = 2"))
    assert stored["criteria"][0]["weight"] == 3


def test_review_time_accumulates(loaded: Database) -> None:
    review = reviews.start_review(loaded, "c1", "ana", resolve_rubric("default"))
    reviews.add_time(loaded, review.id, 12.5)
    reviews.add_time(loaded, review.id, 7.5)
    assert reviews.get_review(loaded, review.id).review_seconds == 20.0
