"""`cxreview import` with presets and mapping options, as a user types it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"


def test_list_presets(run_cli: Callable[..., Any]) -> None:
    result = run_cli("import", "--list-presets")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert names == ["chatbot-events", "freshdesk", "intercom", "zendesk"]


def test_preset_import_says_what_was_left_out(run_cli: Callable[..., Any]) -> None:
    result = run_cli("import", "--no-analyze", str(FIXTURES / "zendesk_tickets.json"), "--preset", "zendesk")
    assert result.exit_code == 0, result.output
    assert "Imported 3 conversations (8 messages)" in result.output
    assert "Left out 3 internal notes (--keep-notes keeps them as notes)." in result.output
    assert "Skipped 1 conversation with nothing but internal notes or events." in result.output


def test_a_typo_in_an_option_imports_nothing(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("conversation_id,role,text,created_at\nA,customer,hi,1772719320\n", encoding="utf-8")
    result = run_cli("import", "--no-analyze", str(path), "--map", "creatd_at=at")
    assert result.exit_code == 1
    assert 'no record has a field "creatd_at"; did you mean "created_at"?' in result.output
    assert "Traceback" not in result.output
    assert run_cli("import", "--no-analyze", str(path), "--map", "created_at=at").exit_code == 0


def test_an_unused_role_value_warns(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("conversation_id,role,text\nA,customer,hi\n", encoding="utf-8")
    result = run_cli("import", "--no-analyze", str(path), "--roles", "end-user=customer")
    assert result.exit_code == 0
    assert 'warning: --roles end-user=customer: no message has role "end-user"' in result.output


def test_files_are_required_without_list_presets(run_cli: Callable[..., Any]) -> None:
    result = run_cli("import")
    assert result.exit_code == 2 and "--list-presets" in result.output


def test_one_conversation_changed_in_two_files_of_one_run_is_analysed_once(
    run_cli: Callable[..., Any], write_jsonl: Callable[..., Path], db_path: Any
) -> None:
    """Found importing Monday's and Tuesday's exports together, where a ticket reopened on
    Tuesday is in both: analysis after the import died with a traceback (UNIQUE constraint
    failed: conversation_phases.conversation_id), and the summary counted both versions'
    messages ("1 conversation (2 messages)" for one stored message)."""
    from cxreview.store import open_database
    from tests.conftest import conversation

    monday = write_jsonl(
        [conversation("c1", messages=[{"role": "customer", "text": "where is my parcel"}])], "mon.jsonl"
    )
    tuesday = write_jsonl([conversation("c1", messages=[{"role": "customer", "text": "still nothing"}])], "tue.jsonl")
    for _ in range(2):  # new in the run, then updated in the run
        result = run_cli("import", str(monday), str(tuesday))
        assert result.exit_code == 0, result.output
        assert "Imported 1 conversation (1 message)" in result.output, result.output
        with open_database(db_path) as db:
            assert db.scalar("SELECT count(*) FROM conversation_phases") == 1
            assert db.scalar("SELECT text FROM messages WHERE conversation_id = 'c1'") == "still nothing"
        run_cli("import", "-q", str(monday))  # change it back, so the second round updates


def test_a_failed_first_import_leaves_no_database(run_cli: Callable[..., Any], db_path: Any, tmp_path: Path) -> None:
    """A first import that failed used to leave an empty database behind, on which later commands
    said "no sessions" or "no conversation" instead of "no database, import first". A database
    that existed (or holds conversations) is never removed."""
    bad = tmp_path / "bad.csv"
    bad.write_text("conversation_id,role,text\nA,robot,hi\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("conversation_id,role,text\nA,customer,hi\n", encoding="utf-8")
    result = run_cli("import", "--no-analyze", str(bad))
    assert result.exit_code == 1 and 'has role "robot"' in result.output
    if isinstance(db_path, Path):  # PostgreSQL: the database is the server's, made by the fixture
        assert list(tmp_path.glob(f"{db_path.name}*")) == []
        assert "no database at" in run_cli("sessions").output
    assert run_cli("import", "--no-analyze", str(good)).exit_code == 0
    assert run_cli("import", "--no-analyze", str(bad)).exit_code == 1
    assert "conversations: 1\n" in run_cli("db", "info").output


def test_a_reviewed_conversation_that_changes_is_named(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    """Found by try26: importing changed content for a conversation with a submitted review gave
    no warning, and its review and message notes then read the new text without anyone knowing."""
    first = tmp_path / "monday.csv"
    first.write_text("conversation_id,role,text\nA,customer,hi\nB,customer,hello\n", encoding="utf-8")
    scores = tmp_path / "scores.csv"
    scores.write_text(
        "conversation_id,reviewer,criterion,score\nA,ana,empathy,4\nA,ana,clarity,3\nA,ana,resolution,5\n",
        encoding="utf-8",
    )
    changed = tmp_path / "tuesday.csv"
    changed.write_text(
        "conversation_id,role,text\nA,customer,hi\nA,customer,still there?\nB,customer,hello again\n", encoding="utf-8"
    )
    assert run_cli("import", "--no-analyze", str(first)).exit_code == 0
    assert run_cli("scores", "import", str(scores), "--rubric", "default").exit_code == 0
    result = run_cli("import", "--no-analyze", str(changed))
    assert result.exit_code == 0, result.output
    assert "2 updated" in result.output
    assert (
        "warning: 1 conversation with submitted reviews changed; their reviews and message notes now refer "
        "to the new text (e.g. A)" in result.output
    )
    again = run_cli("import", "--no-analyze", str(changed))  # unchanged now: nothing to say
    assert "warning" not in again.output
