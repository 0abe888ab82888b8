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
