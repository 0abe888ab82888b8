"""`cxreview disputes` and `cxreview reviews history` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxreview.ingest.importer import import_files
from cxreview.store import Database, open_database
from tests.conftest import conversation
from tests.test_corrections import submitted


@pytest.fixture
def review_id(db_path: Path, write_jsonl) -> int:
    with open_database(db_path) as db:
        import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2")]))])
        return submitted(db)


def rows(db_path: Path) -> int:
    with open_database(db_path) as db:
        return int(db.scalar("SELECT count(*) FROM disputes"))


def test_open_accept_and_history(run_cli, review_id: int, db_path: Path) -> None:
    result = run_cli(
        "disputes", "open", str(review_id), "--criterion", "empathy", "--by", "Sanne", "--reason", "[bold]x"
    )
    assert result.exit_code == 0 and result.output == "Opened dispute 1 on empathy of review 1.\n"
    listed = run_cli("disputes", "list", "--status", "open", "--format", "json")
    [item] = json.loads(listed.output)
    assert (item["criterion"], item["reviewer"], item["agent"], item["reason"]) == (
        "empathy",
        "ana",
        "Sanne",
        "[bold]x",
    )
    assert "[bold" in run_cli("disputes", "list").output  # shown as written, not as markup
    result = run_cli("disputes", "accept", "1", "--score", "4", "--by", "lead", "--answer", "agreed")
    assert result.output == "Accepted dispute 1; the score is now 4.\n"
    history = run_cli("reviews", "history", str(review_id)).output
    assert "lead (arbiter) accepted dispute 1\n    empathy score: 2 -> 4\n    reason: agreed" in history
    stats = json.loads(run_cli("disputes", "stats", "--format", "json").output)
    assert stats["per_reviewer"]["ana"]["acceptance_rate"] == 1.0
    assert "ana" in run_cli("disputes", "stats").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["open", "99", "--criterion", "empathy", "--by", "S", "--reason", "r"], "Error: no review 99; "),
        (["open", "1", "--criterion", "tone", "--by", "S", "--reason", "r"], 'has no criterion "tone"; use one of'),
        (["open", "2", "--criterion", "empathy", "--by", "S", "--reason", "r"], "review 2 is a draft"),
        (["accept", "5", "--score", "4", "--by", "lead"], "no dispute 5"),
        (["accept", "1", "--score", "abc", "--by", "lead"], '"abc" is not a score'),
        (["list", "--status", "shut"], "'shut' is not one of"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(run_cli, review_id: int, db_path: Path, args, message) -> None:
    with open_database(db_path) as db:
        from cxreview import reviews
        from cxreview.rubrics import resolve_rubric

        reviews.start_review(db, "c2", "ana", resolve_rubric("default"))  # review 2, a draft
    result = run_cli("disputes", *args)
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output and result.output.count("Error") == 1
    assert rows(db_path) == 0


def test_after_the_deadline_is_refused(run_cli, review_id: int, db_path: Path) -> None:
    with open_database(db_path) as db:
        db.execute("UPDATE reviews SET first_submitted_at = '2026-01-01T00:00:00Z'")
    assert run_cli("disputes", "deadline", "14").output == "Disputes within 14 days of submission.\n"
    result = run_cli("disputes", "open", "1", "--criterion", "empathy", "--by", "S", "--reason", "late")
    assert result.exit_code == 1
    assert result.output.startswith("Error: the dispute deadline of review 1 passed on 2026-01-15 00:00 UTC")
    assert rows(db_path) == 0
    assert run_cli("disputes", "deadline", "off").exit_code == 0


def test_import_reject_withdraw(run_cli, review_id: int, tmp_path: Path, db_path: Path) -> None:
    sheet = tmp_path / "d.csv"
    sheet.write_text("review_id,criterion,agent,reason\n1,empathy,Sanne,low\n1,clarity,Sanne,clear\n", encoding="utf-8")
    assert run_cli("disputes", "import", str(sheet)).output == "Opened 2 disputes.\n"
    assert run_cli("disputes", "reject", "1", "--by", "lead", "--answer", "no").exit_code == 0
    assert run_cli("disputes", "withdraw", "2", "--by", "Sanne").exit_code == 0
    again = run_cli("disputes", "withdraw", "2", "--by", "Sanne")
    assert again.exit_code == 1 and "dispute 2 is already withdrawn" in again.output
    assert run_cli("disputes", "note", "1", "--by", "Sanne", "--text", "ok").exit_code == 0
    statuses = [d["status"] for d in json.loads(run_cli("disputes", "list", "--format", "json").output)]
    assert statuses == ["rejected", "withdrawn"]


def test_history_of_unknown_review(run_cli, db: Database) -> None:
    result = run_cli("reviews", "history", "7")
    assert result.exit_code == 1 and result.output.startswith("Error: no review 7;")


def test_reviews_edit_by_the_reviewer_and_by_an_arbiter(run_cli, review_id: int, db_path: Path) -> None:
    result = run_cli("reviews", "edit", "1", "--criterion", "empathy", "--score", "3", "--by", "ana", "--reason", "x")
    assert result.exit_code == 0 and result.output.startswith("Review 1: empathy is now 3; review score ")
    refused = run_cli("reviews", "edit", "1", "--criterion", "empathy", "--score", "4", "--by", "ben")
    assert refused.exit_code == 1 and "this review is ana's; ben cannot change it" in refused.output
    bad = run_cli("reviews", "edit", "1", "--criterion", "empathy", "--score", "9", "--by", "lead", "--as-arbiter")
    assert bad.exit_code == 2 and "9 is not a level of Empathy" in bad.output
    assert (
        run_cli(
            "reviews", "edit", "1", "--criterion", "clarity", "--score", "na", "--by", "lead", "--as-arbiter"
        ).exit_code
        == 2
    )
    run_cli("reviews", "edit", "1", "--criterion", "clarity", "--score", "5", "--by", "lead", "--as-arbiter")
    with open_database(db_path) as db:
        revisions = [tuple(r) for r in db.query("SELECT editor, role, reason FROM review_revisions ORDER BY id")]
        assert db.scalar("SELECT status FROM reviews WHERE id = 1") == "submitted"
    assert revisions == [("ana", "reviewer", "x"), ("lead", "arbiter", "")]
    history = json.loads(run_cli("reviews", "history", "1", "--format", "json").output)
    assert [e["changes"] for e in history if e["what"] == "edited"] == [
        ["empathy score: 2 -> 3"],
        ["clarity score: 3 -> 5"],
    ]
