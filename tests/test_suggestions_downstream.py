"""Accepted AutoQA suggestions downstream: never counted as people agreeing (also after a
correction), and marked in the review and criterion exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from cxreview import reviews
from cxreview.cli import cli
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database
from tests.autoqa_helpers import predict
from tests.conftest import REPO

RUBRIC = resolve_rubric("default")


def _review_all(db: Database, accepting: set[str]) -> list[str]:
    """12 conversations reviewed by ana and ben. Whoever is ``accepting`` takes the machine's
    empathy 4 with `a`; the others give empathy 4 themselves. Clarity and resolution are
    their own: ana 4, ben 2."""
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    ids = [r[0] for r in db.query("SELECT id FROM conversations ORDER BY id LIMIT 12")]
    predict(db, "empathy", [(c, 4.0, 0.3, []) for c in ids])
    for reviewer, own in (("ana", 4), ("ben", 2)):
        for cid in ids:
            review = reviews.start_review(db, cid, reviewer, RUBRIC)
            if reviewer in accepting:
                assert reviews.accept_suggestions(db, review.id, {"empathy": 4}) == ["empathy"]
            else:
                reviews.set_score(db, review.id, "empathy", 4)
            reviews.set_score(db, review.id, "clarity", own)
            reviews.set_score(db, review.id, "resolution", own)
            reviews.submit(db, review.id)
    return ids


@pytest.fixture
def both_accepted(db: Database) -> tuple[Database, list[str]]:
    return db, _review_all(db, {"ana", "ben"})


def _run(db: Database, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db.path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _agreement(db: Database) -> dict[str, dict]:
    data = json.loads(_run(db, "calibrate", "--format", "json"))["default@1"]
    return {row["criterion"]: row for row in data["criteria"]}


def test_two_people_accepting_the_same_suggestion_is_not_agreement(both_accepted: tuple[Database, list[str]]) -> None:
    db, ids = both_accepted
    figures = _agreement(db)
    # Without the rule empathy would show 12 conversations of perfect agreement.
    assert figures["empathy"]["conversations"] == 0
    assert figures["clarity"]["conversations"] == 12 and figures["clarity"]["exact_agreement"] == 0
    # A correction after submission keeps the first value's mark: still not counted.
    review_id = db.scalar("SELECT id FROM reviews WHERE reviewer = 'ana' AND conversation_id = ?", (ids[0],))
    reviews.reopen(db, review_id)
    reviews.set_score(db, review_id, "empathy", 2)
    reviews.submit(db, review_id, reason="second look")
    assert db.scalar(
        "SELECT suggested FROM review_originals WHERE review_id = ? AND criterion = 'empathy'", (review_id,)
    )
    assert _agreement(db)["empathy"]["conversations"] == 0


def test_the_same_scores_given_by_people_count(db: Database) -> None:
    _review_all(db, accepting=set())
    figures = _agreement(db)
    assert figures["empathy"]["conversations"] == 12 and figures["empathy"]["exact_agreement"] == 1
    assert figures["clarity"]["conversations"] == 12


def test_one_accepting_leaves_no_pair(db: Database) -> None:
    _review_all(db, accepting={"ben"})
    assert _agreement(db)["empathy"]["conversations"] == 0


def test_exports_mark_accepted_suggestions(both_accepted: tuple[Database, list[str]]) -> None:
    db, ids = both_accepted
    rows = list(csv.DictReader(io.StringIO(_run(db, "export", "--level", "criterion", "--format", "csv"))))
    marks = {(r["reviewer"], r["conversation_id"], r["criterion"]): r["suggested"] for r in rows}
    assert marks[("ana", ids[0], "empathy")] == "true"
    assert marks[("ana", ids[0], "clarity")] == "false"
    review_rows = json.loads("[" + ",".join(_run(db, "export", "--format", "jsonl").splitlines()) + "]")
    assert {r["suggested_count"] for r in review_rows} == {1}
