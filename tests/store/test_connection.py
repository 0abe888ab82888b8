"""The database file: pragmas, migrations, version and ownership checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cxreview.errors import DatabaseError
from cxreview.store import open_database
from cxreview.store.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.conftest import before_last_create


@pytest.mark.sqlite_only(reason="WAL and PRAGMAs of a SQLite file")
def test_new_database_is_wal_with_foreign_keys_and_current_schema(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA busy_timeout") >= 10_000
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert db.scalar("PRAGMA application_id") == APPLICATION_ID
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"conversations", "messages"} <= tables


@pytest.mark.sqlite_only(reason="a missing SQLite file (PostgreSQL: tests/store/test_engines.py)")
def test_missing_database_without_create_names_the_fix(db_path: Path) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(db_path, create=False)
    assert "cxreview import" in info.value.one_line()
    assert not db_path.exists()


@pytest.mark.sqlite_only(reason="byte-for-byte SQLite file (PostgreSQL: tests/store/test_engines.py)")
def test_database_from_newer_cxreview_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer cxreview"):
        open_database(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.sqlite_only(reason="a foreign SQLite file (PostgreSQL: tests/store/test_engines.py)")
def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.close()
    with pytest.raises(DatabaseError, match="did not create"):
        open_database(db_path)


def test_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello, this is not a database at all" * 50)
    with pytest.raises(DatabaseError, match="not a cxreview database"):
        open_database(path)


@pytest.mark.sqlite_only(reason="an old SQLite file built by hand")
def test_older_database_is_upgraded_in_place(db_path: Path) -> None:
    """A version-1 database with data gains the later tables and keeps its rows."""
    from cxreview.store.connection import split_sql
    from cxreview.store.schema import MIGRATIONS

    conn = sqlite3.connect(db_path)
    for statement in split_sql(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('old', 'h', 'now')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_database(db_path) as db:
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert db.scalar("SELECT id FROM conversations") == "old"


@pytest.mark.sqlite_only(reason="an old SQLite file built by hand")
def test_version_7_gains_note_turns_and_keeps_messages_and_flags(db_path: Path) -> None:
    """Migration 10 rebuilds messages (role 'note' allowed): rows, flags and search stay."""
    from cxreview.store.connection import split_sql
    from cxreview.store.schema import MIGRATIONS

    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    for migration in MIGRATIONS[:7]:
        for statement in split_sql(migration):
            conn.execute(statement)
    conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('old', 'h', 'now')")
    conn.execute("INSERT INTO messages VALUES ('old', 1, 'customer', NULL, 'hello', NULL)")
    conn.execute("INSERT INTO message_flags VALUES ('old', 1, 'frustrated', 'r', 'd', '[]')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO messages VALUES ('old', 2, 'note', NULL, 'internal', NULL)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    with open_database(db_path) as db:
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        db.conn.execute("INSERT INTO messages VALUES ('old', 2, 'note', NULL, 'internal', NULL)")
        assert db.scalar("SELECT count(*) FROM messages") == 2
        assert db.scalar("SELECT flag FROM message_flags WHERE position = 1") == "frustrated"
        # The full-text index has the old rows and its triggers still follow changes.
        found = "SELECT count(*) FROM message_fts WHERE message_fts MATCH ?"
        assert db.scalar(found, ("hello",)) == 1
        db.conn.execute("UPDATE messages SET text = 'changed words' WHERE position = 1")
        assert db.scalar(found, ("hello",)) == 0 and db.scalar(found, ("changed",)) == 1
        db.conn.execute("DELETE FROM conversations")  # the cascades still hold
        assert db.scalar("SELECT count(*) FROM message_flags") == 0


def test_transaction_rolls_back_on_error(db: object) -> None:
    from cxreview.store import Database

    assert isinstance(db, Database)
    with pytest.raises(RuntimeError):
        with db.transaction() as conn:
            conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('x', 'h', 'n')")
            raise RuntimeError("boom")
    assert db.scalar("SELECT count(*) FROM conversations") == 0


@pytest.mark.sqlite_only(reason="SQLite's file lock and busy timeout")
def test_a_lock_held_past_the_busy_timeout_is_a_clear_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3 as sqlite

    from cxreview.errors import DatabaseLockedError
    from cxreview.store import connection

    open_database(db_path).close()
    holder = sqlite.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:
        monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.2)
        with open_database(db_path) as db:
            db.conn.execute("PRAGMA busy_timeout = 200")
            with pytest.raises(DatabaseLockedError) as info:
                with db.transaction():
                    pass
        assert "wait for the other import" in info.value.one_line()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _journal_files(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]


@pytest.mark.parametrize("kind", ["foreign tables", "other application", "newer schema"])
def test_a_refused_rollback_journal_file_stays_byte_for_byte_untouched(tmp_path: Path, kind: str) -> None:
    """Issue 14 item 3: refusing must not switch the file to WAL first."""
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    if kind == "other application":
        conn.execute("PRAGMA application_id = 1234")
    if kind == "newer schema":
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError):
        open_database(path)
    assert path.read_bytes() == before
    assert _journal_files(path) == []


def _with_rows(db_path: Path) -> None:
    with open_database(db_path) as db, db.transaction() as conn:
        conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('c1', 'h', 'now')")


@pytest.mark.sqlite_only(reason="file permissions")
def test_a_database_that_is_not_writable_opens_read_only(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14 item 11: reads work, a write is one line saying read-only."""
    from click.testing import CliRunner

    from cxreview.cli import cli
    from cxreview.store import connection

    _with_rows(db_path)
    monkeypatch.setattr(connection, "_writable", lambda path: False)
    with open_database(db_path) as db:
        assert db.read_only and db.scalar("SELECT count(*) FROM conversations") == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.conn.execute("DELETE FROM conversations")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "sample", "--size", "1"])
    assert result.exit_code == 1
    assert "read-only" in result.output and len(result.output.strip().splitlines()) == 1
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", "--level", "conversation"])
    assert result.exit_code == 0 and "c1" in result.output


@pytest.mark.sqlite_only(reason="file and folder permissions")
def test_a_read_only_folder_and_file_work_for_reads(db_path: Path) -> None:
    """The real thing: a read-only bind mount (needs mount rights; root in a mount namespace)."""
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import REPO

    if shutil.which("unshare") is None:
        pytest.skip("unshare is not available")
    _with_rows(db_path)
    folder = db_path.parent
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
        f"{sys.executable} -m cxreview --db {db_path} export --level conversation && "
        f"{{ {sys.executable} -m cxreview --db {db_path} sample --size 1; echo rc=$?; }}"
    )
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no permission to create a mount namespace")
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert "c1" in result.stdout, result.stderr
    assert "rc=1" in result.stdout
    assert "Traceback" not in result.stderr and "read-only" in result.stderr


@pytest.mark.sqlite_only(reason="a full disk under a SQLite file")
def test_disk_full_during_an_import_is_one_line_and_changes_nothing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14 item 12: SQLite's page limit makes the disk 'full' part way through an import."""
    import json

    from click.testing import CliRunner

    import cxreview.commands.common as common
    from cxreview.cli import cli
    from tests.conftest import conversation

    _with_rows(db_path)
    real_open = common.open_database

    def nearly_full(path: object, create: bool = False) -> object:
        db = real_open(path, create=create)  # type: ignore[arg-type]
        db.conn.execute(f"PRAGMA max_page_count = {db.scalar('PRAGMA page_count') + 3}")
        return db

    monkeypatch.setattr(common, "open_database", nearly_full)
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(conversation(f"n{i}")) + "\n" for i in range(300)))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "import", "-q", str(source)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: the disk is full: nothing was written to {db_path}, it is as it was; "
        "free some disk space and run the command again"
    ]
    with open_database(db_path) as db:
        assert db.scalar("SELECT count(*) FROM conversations") == 1


@pytest.mark.sqlite_only(reason="a SQLite file set back one schema version by hand")
def test_an_upgrade_that_fails_is_one_line_and_changes_nothing(db_path: Path) -> None:
    from click.testing import CliRunner

    from cxreview.cli import cli

    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    # The last table-creating migration's table already exists, so running it again fails halfway.
    conn.execute(f"PRAGMA user_version = {before_last_create()}")
    conn.close()
    result = CliRunner().invoke(cli, ["--db", str(db_path), "db", "info"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 2, result.output
    assert f"to schema {before_last_create() + 1} failed, nothing was changed" in result.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == before_last_create()
    conn.close()
