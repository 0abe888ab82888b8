"""Internal notes (role "note") are shown but are not turns: they do not count in
``n_messages`` and do not hide that the customer had the last word (issue 11 residual)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxreview.filters import Filters
from cxreview.records import NOTE, ConversationRecord, MessageRecord
from cxreview.store import open_database
from cxreview.store.conversations import write_conversations
from cxreview.store.drill import conversations_behind
from cxreview.store.insights import unanswered_endings


def _record(cid: str, roles: list[str]) -> ConversationRecord:
    messages = [
        MessageRecord(role=role, text=f"{role} turn {i}", author="Sanne" if role == NOTE else None)
        for i, role in enumerate(roles, start=1)
    ]
    return ConversationRecord(id=cid, messages=messages, queue="billing", agent="sanne")


RECORDS = [
    # the customer wrote last; an agent's note after it does not answer them
    _record("left", ["customer", "agent", NOTE, "customer", NOTE]),
    _record("answered", ["customer", NOTE, "agent"]),
    _record("plain", ["customer", "bot", "customer"]),
]


def _write(db: Any) -> None:
    with db.transaction() as conn:
        write_conversations(conn, [(r, r.content_hash()) for r in RECORDS], replace=set())


def test_notes_are_not_counted_and_do_not_answer_the_customer(new_db_target: Callable[[str], Any]) -> None:
    with open_database(new_db_target("notes.db")) as db:
        _write(db)
        counts = dict(db.conn.execute("SELECT id, n_messages FROM conversations").fetchall())
        assert counts == {"left": 3, "answered": 2, "plain": 3}
        assert unanswered_endings(db.conn, Filters()) == 2  # "left" and "plain"
        rows = conversations_behind(db.conn, "queue", "billing", Filters())
        assert {r["id"]: r["n_messages"] for r in rows} == counts


def test_migration_16_recounts_only_conversations_with_notes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_database(path) as db:
        _write(db)
    # As an older version left it: notes counted, schema 15.
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE conversations SET n_messages = n_messages + 10 WHERE id = 'plain'")
        conn.execute(
            "UPDATE conversations SET n_messages = "
            "(SELECT count(*) FROM messages m WHERE m.conversation_id = conversations.id) WHERE id <> 'plain'"
        )
        # Nor the columns later migrations add (they run again on opening).
        for column in ("feature_hash", "distance", "far", "unclipped", "withheld"):
            conn.execute(f"ALTER TABLE autoqa_scores DROP COLUMN {column}")
        conn.execute("ALTER TABLE sessions DROP COLUMN autoqa_models")
        conn.execute("ALTER TABLE conversations DROP COLUMN language_detected")
        conn.execute("PRAGMA user_version = 15")
    conn.close()
    with open_database(path) as db:
        counts = dict(db.conn.execute("SELECT id, n_messages FROM conversations").fetchall())
    # Recounted where notes are; a conversation without notes is left as it was.
    assert counts == {"left": 3, "answered": 2, "plain": 13}
