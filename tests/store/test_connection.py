"""The database file: pragmas, migrations, version and ownership checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cxreview.errors import DatabaseError
from cxreview.store import open_database
from cxreview.store.schema import APPLICATION_ID, SCHEMA_VERSION


def test_new_database_is_wal_with_foreign_keys_and_current_schema(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA busy_timeout") >= 10_000
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert db.scalar("PRAGMA application_id") == APPLICATION_ID
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"conversations", "messages"} <= tables


def test_missing_database_without_create_names_the_fix(db_path: Path) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(db_path, create=False)
    assert "cxreview import" in info.value.one_line()
    assert not db_path.exists()


def test_database_from_newer_cxreview_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer cxreview"):
        open_database(db_path)
    assert db_path.read_bytes() == before


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


def test_older_database_is_upgraded_in_place(db_path: Path) -> None:
    """A version-1 database with data gains the later tables and keeps its rows."""
    from cxreview.store.connection import _split_sql
    from cxreview.store.schema import MIGRATIONS

    conn = sqlite3.connect(db_path)
    for statement in _split_sql(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('old', 'h', 'now')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_database(db_path) as db:
        assert db.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert db.scalar("SELECT id FROM conversations") == "old"


def test_transaction_rolls_back_on_error(db: object) -> None:
    from cxreview.store import Database

    assert isinstance(db, Database)
    with pytest.raises(RuntimeError):
        with db.transaction() as conn:
            conn.execute("INSERT INTO conversations (id, content_hash, imported_at) VALUES ('x', 'h', 'n')")
            raise RuntimeError("boom")
    assert db.scalar("SELECT count(*) FROM conversations") == 0


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
