"""`demo --fresh` only ever replaces a database that cxreview built as a demo (issue 14 item 2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from cxreview.cli import cli
from cxreview.store import open_database
from cxreview.store.demo_mark import is_demo_database


def _demo(path: Path, *extra: str) -> object:
    return CliRunner().invoke(cli, ["demo", "--no-tui", "--path", str(path), *extra])


def _real_database(path: Path) -> None:
    with open_database(path) as db, db.transaction() as conn:
        conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('mine', 'h', 'now')")


@pytest.mark.parametrize("kind", ["text", "review database", "foreign sqlite", "symlink to text"])
@pytest.mark.parametrize("fresh", [True, False])
def test_demo_leaves_anything_it_did_not_build_untouched(tmp_path: Path, kind: str, fresh: bool) -> None:
    path = tmp_path / "target.db"
    precious = tmp_path / "notes.txt"
    if kind == "text":
        path.write_text("my notes\n")
    elif kind == "review database":
        _real_database(path)
    elif kind == "foreign sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.close()
    else:
        precious.write_text("my notes\n")
        path.symlink_to(precious)
    before = path.read_bytes()
    result = _demo(path, *(["--fresh"] if fresh else []))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "not a demo database built by cxreview" in result.output  # type: ignore[attr-defined]
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_fresh_rebuilds_a_marked_demo(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert _demo(path).exit_code == 0  # type: ignore[attr-defined]
    assert is_demo_database(path)
    with open_database(path) as db:
        db.execute("DELETE FROM sessions")
    result = _demo(path, "--fresh")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "Built the demo database" in result.output  # type: ignore[attr-defined]
    assert is_demo_database(path)


def test_a_typed_db_is_where_the_demo_goes_but_cxreview_db_from_the_environment_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in (["--db", str(tmp_path / "before.db"), "demo"], ["demo", "--db", str(tmp_path / "after.db")]):
        result = CliRunner().invoke(cli, [*args, "--no-tui"])
        assert result.exit_code == 0, result.output
        assert is_demo_database(Path(args[1] if args[0] == "--db" else args[2]))
    server = CliRunner().invoke(cli, ["--db", "postgresql://qa@localhost/team", "demo", "--no-tui"])
    assert server.exit_code == 2 and "not a database on a server" in server.output
    # From the environment (a team's server, say) it is ignored: the default demo path is used.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CXREVIEW_DB", str(tmp_path / "team.db"))
    result = CliRunner().invoke(cli, ["demo", "--no-tui"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "team.db").exists()
