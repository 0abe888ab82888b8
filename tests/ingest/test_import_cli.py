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
