"""Exports and reports use the final score; calibration the reviewer's own first submission."""

from __future__ import annotations

import pytest

from cxreview import disputes, reviews
from cxreview.calibration import load_scores
from cxreview.export import review_records
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.reports.coaching import build_report, to_html, to_markdown
from cxreview.store import Database
from tests.conftest import conversation
from tests.test_corrections import submitted


@pytest.fixture
def corrected(db: Database, write_jsonl) -> Database:
    """Review 1 (ana): empathy disputed and accepted 2 -> 4. Review 2 (ana): clarity corrected
    3 -> 5 by ana. Review 3 (ben): untouched, with a rejected dispute."""
    import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2"), conversation("c3")]))])
    first = submitted(db, conv="c1")
    dispute = disputes.open_dispute(db, first, "empathy", "Sanne", "I apologised twice").id
    disputes.accept(db, dispute, "lead", 4, answer="the apology is in message 3")
    second = submitted(db, conv="c2")
    reviews.reopen(db, second)
    reviews.set_score(db, second, "clarity", 5)
    reviews.submit(db, second, reason="read the wrong transcript")
    third = submitted(db, reviewer="ben", conv="c1")
    rejected = disputes.open_dispute(db, third, "resolution", "Sanne", "it was resolved").id
    disputes.reject(db, rejected, "lead", "the customer wrote back")
    return db


def test_review_export_carries_final_scores_and_what_changed(corrected: Database) -> None:
    rows = {r["review_id"]: r for r in review_records(corrected, "review", Filters(), calibrated=False)}
    assert (rows[1]["edited"], rows[1]["edit_count"], rows[1]["dispute_status"]) == (True, 1, "accepted")
    assert rows[1]["original_score"] == 50.0 and rows[1]["raw_score"] > 50.0
    assert (rows[2]["edited"], rows[2]["edit_count"], rows[2]["dispute_status"]) == (True, 1, None)
    assert (rows[3]["edited"], rows[3]["edit_count"], rows[3]["dispute_status"]) == (False, 0, "rejected")
    assert rows[3]["original_score"] == rows[3]["raw_score"]


def test_criterion_export_has_original_and_dispute_status(corrected: Database) -> None:
    rows = {
        (r["review_id"], r["criterion"]): r for r in review_records(corrected, "criterion", Filters(), calibrated=False)
    }
    empathy = rows[(1, "empathy")]
    assert (empathy["raw"], empathy["original"], empathy["edited"], empathy["dispute_status"]) == (
        4,
        2,
        True,
        "accepted",
    )
    assert (rows[(1, "clarity")]["edited"], rows[(1, "clarity")]["dispute_status"]) == (False, None)
    assert rows[(2, "clarity")]["raw"] == 5 and rows[(2, "clarity")]["original"] == 3


def test_calibration_uses_the_reviewers_first_submission(corrected: Database) -> None:
    scores = {(s.review_id, s.criterion): s.value for s in load_scores(corrected)[("default", 1)]}
    assert scores[(1, "empathy")] == 2 and scores[(2, "clarity")] == 3  # not the final 4 and 5
    reviews.reopen(corrected, 2)  # being corrected again: the original still counts
    assert (2, "clarity") in {(s.review_id, s.criterion) for s in load_scores(corrected)[("default", 1)]}


def test_coaching_report_shows_changed_scores_with_the_reason(corrected: Database) -> None:
    report = build_report(corrected, "Sanne")
    lines = [c.sentence() for c in report.changed]
    assert lines == [
        "c1, Empathy: 2 -> 4 (your dispute was accepted by lead: the apology is in message 3)",
        "c2, Clarity: 3 -> 5 (corrected by the reviewer: read the wrong transcript)",
    ]
    assert "## Changed scores" in to_markdown(report)
    assert "Empathy: 2 -&gt; 4" in to_html(report)
