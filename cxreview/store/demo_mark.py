"""Mark a database as a demo that cxreview built, and recognise one without changing it.

``cxreview demo --fresh`` deletes and rebuilds its database; it must only ever delete a
file that this mark proves to be a demo, never a real review database or another file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cxreview.store.schema import APPLICATION_ID

_SQLITE_MAGIC = b"SQLite format 3\x00"


def mark_demo(conn: sqlite3.Connection) -> None:
    """Record in the database itself that it is a throwaway demo."""
    conn.execute("CREATE TABLE IF NOT EXISTS demo_mark (built_at TEXT NOT NULL)")
    conn.execute("INSERT INTO demo_mark (built_at) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")


def is_cxreview_file(path: Path) -> bool:
    """True if the file's SQLite header carries cxreview's application id (read, never opened)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return header[:16] == _SQLITE_MAGIC and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def is_demo_database(path: Path) -> bool:
    """True only for a cxreview database that carries the demo mark."""
    if not is_cxreview_file(path):
        return False  # text files and other applications' databases are never opened
    # Without a -wal file everything is in the main file: immutable reads it without
    # creating -wal/-shm beside a file that may not be ours to change.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro" + immutable, uri=True)
        try:
            row = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'demo_mark'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(row[0])
