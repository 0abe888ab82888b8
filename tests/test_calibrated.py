"""Stored calibrated scores: review_overview shows what the export shows, and follows every change."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from cxreview import reviews
from cxreview.calibrated import refresh
from cxreview.disputes import accept, open_dispute
from cxreview.export import export_reviews
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database, open_database
from cxreview.store.calibrated import review_stamp
from cxreview.store.search import overview_rows
from tests.conftest import REPO


def _review(db: Database, conversation_id: str, reviewer: str, levels: dict[str, int]) -> int:
    rubric = resolve_rubric("default")
    review = reviews.start_review(db, conversation_id, reviewer, rubric)
    for criterion, level in levels.items():
        reviews.set_score(db, review.id, criterion, level)
    reviews.submit(db, review.id)
    return review.id


def _calibration_data(db: Database) -> list[str]:
    """The demo conversations, 14 of them scored by three reviewers; ana one point more lenient."""
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    ids = [r["conversation_id"] for r in overview_rows(db, "conversation_overview")]
    for i, conversation_id in enumerate(ids[:14]):
        base = 2 + i % 3
        for reviewer, lift in (("ana", 1), ("ben", 0), ("cem", 0)):
            _review(db, conversation_id, reviewer, {"empathy": base + lift, "clarity": base + lift, "resolution": 3})
    return ids


def _agree(db: Database) -> dict[int, dict[str, Any]]:
    out = io.StringIO()
    export_reviews(db, "review", Filters(), out, "jsonl")
    exported = {r["review_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    view = {r["review_id"]: r for r in overview_rows(db, "review_overview")}
    assert set(view) == set(exported)
    for review_id, row in view.items():
        want = exported[review_id]
        got = (row["raw_score"], row["calibrated_score"], bool(row["pass"]), bool(row["critical_fail"]))
        assert got == (want["raw_score"], want["calibrated_score"], want["pass"], want["critical_fail"]), review_id
        assert row["offsets"] == want["offsets"]
    return view


def test_the_view_agrees_with_the_export_and_follows_changes(engine_db: Database) -> None:
    db = engine_db
    ids = _calibration_data(db)
    view = _agree(db)
    moved = [r for r in view.values() if r["calibrated_score"] != r["raw_score"]]
    # Offsets centred on the group: the lenient ana comes down, the others go up a little.
    assert moved and all((r["calibrated_score"] < r["raw_score"]) == (r["reviewer"] == "ana") for r in moved)
    assert db.scalar("SELECT count(*) FROM calibration_offsets WHERE applied <> 0") > 0

    # A new review on a shared conversation refits; one on a conversation nobody else scored does not.
    shared = _review(db, ids[0], "dan", {"empathy": 5, "clarity": 5, "resolution": 5})
    alone = _review(db, ids[40], "ana", {"empathy": 3, "clarity": 3, "resolution": 3})
    view = _agree(db)
    assert view[shared]["calibrated_score"] is not None
    assert view[alone]["calibrated_score"] < view[alone]["raw_score"]  # ana's offsets, from the stored fit

    # A correction and an accepted dispute change the final scores: the stored row follows.
    edited = next(r["review_id"] for r in view.values() if r["reviewer"] == "ben")
    stamp = review_stamp(db.conn)
    reviews.correct_score(db, edited, "clarity", 1, na=False, by="ben", reason="missed the typo")
    assert review_stamp(db.conn) != stamp  # a refit computed meanwhile would be done again under the lock
    disputed = next(r["review_id"] for r in view.values() if r["reviewer"] == "cem")
    dispute = open_dispute(db, disputed, "empathy", by="agent", reason="I was kind")
    accept(db, dispute.id, by="lead", score=5)
    view = _agree(db)
    assert view[edited]["raw_score"] != view[edited]["original_score"]

    # Reopened: a draft has no calibrated score until it is submitted again.
    reviews.reopen(db, alone)
    assert {r["review_id"]: r for r in overview_rows(db, "review_overview")}[alone]["calibrated_score"] is None


def test_an_upgraded_database_is_filled_by_the_next_command(tmp_path: Path, run_cli: Any, db_path: Path) -> None:
    with open_database(db_path) as db:
        _calibration_data(db)
        refresh(db)
        before = {r["review_id"]: r["calibrated_score"] for r in overview_rows(db, "review_overview")}
        with db.transaction() as conn:  # what the schema 11 migration leaves behind
            conn.execute("DELETE FROM calibrated_reviews")
            conn.execute("DELETE FROM settings WHERE key = 'calibrated_scores'")
    result = run_cli("sessions")
    assert result.exit_code == 0, result.output
    with open_database(db_path) as db:
        after = {r["review_id"]: r["calibrated_score"] for r in overview_rows(db, "review_overview")}
        assert after == before and db.scalar("SELECT value FROM settings WHERE key = 'calibrated_scores'") is not None
