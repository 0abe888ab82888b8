"""The conversations behind a figure of insights (a queue, an agent, an answer text), for the
review app's drill-down, and adding one of them to a session."""

from __future__ import annotations

import sqlite3
from typing import Any

from cxreview.filters import Filters
from cxreview.store.filtering import where
from cxreview.store.phases import kind_sql

# The conversation columns an insights row can stand for (never user input: a closed list).
GROUP_COLUMNS = ("queue", "channel", "agent", "language")
LIMIT = 500
TEXTS_PER_QUERY = 500
_COLUMNS = (
    "c.id, c.agent, c.queue, c.channel, c.language, c.started_at, c.outcome, "
    "c.n_messages, "
    f"{kind_sql('c.id')} AS parties"  # hybrid, bot, agent or none: "bot only" needs no agent turn
)


def conversations_behind(
    conn: sqlite3.Connection,
    kind: str,
    value: str,
    filters: Filters,
    role: str | None = None,
    limit: int = LIMIT,
    texts: list[str] | None = None,
) -> list[sqlite3.Row]:
    """Conversations (newest first) where ``kind`` (a group column) is ``value``, or, with
    kind "text", where a message by ``role`` reads exactly ``value`` or, given ``texts`` (every
    wording of an answer template), any of them."""
    if kind == "text" and texts:
        return _behind_texts(conn, list(dict.fromkeys([value, *texts])), filters, role, limit)
    condition, params = where(filters, "c")
    columns = _COLUMNS
    if kind in GROUP_COLUMNS:
        sql = f"SELECT {columns} FROM conversations c WHERE c.{kind} = ? AND {condition}"
        args: list[Any] = [value, *params]
    elif kind == "text":
        sql = (
            f"SELECT {columns} FROM conversations c WHERE {condition} AND c.id IN "
            "(SELECT conversation_id FROM messages WHERE text = ? AND (? IS NULL OR role = ?))"
        )
        args = [*params, value, role, role]
    else:
        raise ValueError(f"no drill-down for {kind!r}")
    return conn.execute(sql + " ORDER BY c.started_at DESC, c.id LIMIT ?", [*args, limit]).fetchall()


def _behind_texts(
    conn: sqlite3.Connection, texts: list[str], filters: Filters, role: str | None, limit: int
) -> list[sqlite3.Row]:
    """The conversations behind any of many wordings: asked in chunks (a parameter list has a
    limit on both engines), merged newest first."""
    found: dict[str, sqlite3.Row] = {}
    for start in range(0, len(texts), TEXTS_PER_QUERY):
        chunk = texts[start : start + TEXTS_PER_QUERY]
        condition, params = where(filters, "c")
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT {_COLUMNS} FROM conversations c WHERE {condition} AND c.id IN "
            f"(SELECT conversation_id FROM messages WHERE text IN ({marks}) AND (? IS NULL OR role = ?)) "
            "ORDER BY c.started_at DESC, c.id LIMIT ?"
        )
        for row in conn.execute(sql, [*params, *chunk, role, role, limit]).fetchall():
            found.setdefault(row["id"], row)
    # Newest first, as one query would give them (a missing start time sorts last, as in SQL).
    dated = sorted((r for r in found.values() if r["started_at"] is not None), key=lambda r: r["id"])
    dated.sort(key=lambda r: r["started_at"], reverse=True)
    undated = sorted((r for r in found.values() if r["started_at"] is None), key=lambda r: r["id"])
    return (dated + undated)[:limit]


def in_session(conn: sqlite3.Connection, session_id: int, conversation_id: str, reviewer: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM session_items WHERE session_id = ? AND conversation_id = ? AND reviewer = ?",
        (session_id, conversation_id, reviewer),
    ).fetchone()
    return row is not None


def append_item(conn: sqlite3.Connection, session_id: int, conversation_id: str, reviewer: str, reason: str) -> int:
    """Add a conversation at the end of a reviewer's part of a session; returns its position."""
    position = int(
        conn.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM session_items WHERE session_id = ? AND reviewer = ?",
            (session_id, reviewer),
        ).fetchone()[0]
    )
    conn.execute(
        "INSERT INTO session_items (session_id, position, conversation_id, reviewer, pick, reason) "
        "VALUES (?, ?, ?, ?, 'spotlight', ?)",
        (session_id, position, conversation_id, reviewer, reason),
    )
    return position
