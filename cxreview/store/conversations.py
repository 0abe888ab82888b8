"""Conversation and message queries: bulk upserts for import, reads for everyone else."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from cxreview.roles import NOTE
from cxreview.store.clock import now_iso

if TYPE_CHECKING:  # the record types only for the checker: the review app never writes them
    from cxreview.records import ConversationRecord

_CHUNK = 500


def existing_hashes(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """Content hashes of those ``ids`` that are already stored."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, content_hash FROM conversations WHERE id IN ({marks})", chunk):
            found[row[0]] = row[1]
    return found


def reviewed_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Those ``ids`` that have a submitted review."""
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = (
            f"SELECT DISTINCT conversation_id FROM reviews WHERE status = 'submitted' AND conversation_id IN ({marks})"
        )
        found.update(row[0] for row in conn.execute(sql, chunk))
    return found


def write_conversations(
    conn: sqlite3.Connection, records: Iterable[tuple[ConversationRecord, str]], replace: set[str]
) -> None:
    """Insert or replace conversations with their messages (caller holds a transaction).

    ``replace`` holds the ids that exist already: their old messages go first, and with
    them (by foreign-key cascade) everything derived from those messages.
    """
    now = now_iso()
    conv_rows = []
    message_rows: list[tuple] = []
    for record, digest in records:
        conv_rows.append(
            (
                record.id,
                record.started_at,
                record.channel,
                record.queue,
                record.language,
                record.agent,
                record.customer,
                record.outcome,
                record.csat,
                json.dumps(record.tags, ensure_ascii=False),
                json.dumps(record.meta, ensure_ascii=False, default=str),
                sum(m.role != NOTE for m in record.messages),
                digest,
                now,
            )
        )
        conv_id = record.id
        message_rows.extend(
            (conv_id, position, m.role, m.author, m.text, m.at) for position, m in enumerate(record.messages, start=1)
        )
    if replace:
        ids = [(i,) for i in replace]
        # Message-level signals go with their messages (cascade); conversation-level ones
        # describe the old content, so they go too until the next analysis.
        conn.executemany("DELETE FROM messages WHERE conversation_id = ?", ids)
        conn.executemany("DELETE FROM conversation_signals WHERE conversation_id = ?", ids)
        conn.executemany("DELETE FROM conversation_flags WHERE conversation_id = ?", ids)
    conn.executemany(
        """INSERT INTO conversations (id, started_at, channel, queue, language, agent, customer,
               outcome, csat, tags, meta, n_messages, content_hash, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET started_at = excluded.started_at,
               channel = excluded.channel, queue = excluded.queue, language = excluded.language,
               language_detected = 0,
               agent = excluded.agent, customer = excluded.customer, outcome = excluded.outcome,
               csat = excluded.csat, tags = excluded.tags, meta = excluded.meta,
               n_messages = excluded.n_messages, content_hash = excluded.content_hash,
               imported_at = excluded.imported_at""",
        conv_rows,
    )
    conn.executemany(
        "INSERT INTO messages (conversation_id, position, role, author, text, at) VALUES (?, ?, ?, ?, ?, ?)",
        message_rows,
    )
    if isinstance(conn, sqlite3.Connection) and message_rows:
        # The full-text index (SQLite only, schema 8/9): one set statement per batch is about
        # 5x cheaper than a trigger per message row. Deletions and edits use triggers.
        batch = json.dumps(sorted({row[0] for row in message_rows}))
        conn.execute(
            """INSERT INTO message_fts (rowid, text, conversation_id, position)
               SELECT c.rowid * 1048576 + m.position, m.text, m.conversation_id, m.position
               FROM conversations c JOIN messages m ON m.conversation_id = c.id
               WHERE c.id IN (SELECT value FROM json_each(?))""",
            (batch,),
        )


def count_conversations(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM conversations").fetchone()[0])


# What `cxreview db info` and the demo report: the rows people think in.
COUNTED_TABLES = ("conversations", "messages", "conversation_signals", "sessions", "reviews", "review_scores")


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts of the main tables (the names come from COUNTED_TABLES, never from input)."""
    return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in COUNTED_TABLES}


def conversation_exists(conn: sqlite3.Connection, conversation_id: str) -> bool:
    return conn.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone() is not None


def get_conversation(conn: sqlite3.Connection, conversation_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
    if row is None:
        return None
    data = dict(row)
    data["tags"] = json.loads(data["tags"])
    data["meta"] = json.loads(data["meta"])
    return data


def get_messages(conn: sqlite3.Connection, conversation_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT position, role, author, text, at FROM messages WHERE conversation_id = ? ORDER BY position",
        (conversation_id,),
    ).fetchall()
    return [dict(r) for r in rows]


def conversation_count_estimate(conn: sqlite3.Connection) -> int:
    """About how many conversations there are, at once (the largest rowid, not a count)."""
    row = conn.execute("SELECT max(rowid) FROM conversations").fetchone()
    return int(row[0] or 0)
