"""Full-text search on message text, and reading the SQL views made for analysts.

SQLite: the FTS5 table ``message_fts`` (schema migration 8), kept in sync with ``messages``
by triggers, so an import or re-import updates it in the same transaction. PostgreSQL has
no FTS5; there the same call matches with ``to_tsvector('simple', text)`` without an index
(docs/schema.md), correct but a scan.
"""

from __future__ import annotations

from typing import Any

from cxreview.store import Database


def search_messages(db: Database, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Messages whose text matches ``query`` (words; FTS5 syntax on SQLite), best first."""
    if db.engine == "sqlite":
        # The query is a parameter, never SQL; a stray quote or operator in it is an FTS
        # syntax error, so the words are quoted one by one.
        words = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        rows = db.conn.execute(
            "SELECT conversation_id, position, text FROM message_fts WHERE message_fts MATCH ? ORDER BY rank LIMIT ?",
            (words, limit),
        ).fetchall()
    else:
        rows = db.conn.execute(
            "SELECT conversation_id, position, text FROM messages "
            "WHERE to_tsvector('simple', text) @@ plainto_tsquery('simple', ?) "
            "ORDER BY conversation_id, position LIMIT ?",
            (query, limit),
        ).fetchall()
    return [{"conversation_id": r[0], "position": int(r[1]), "text": r[2]} for r in rows]


def overview_rows(db: Database, view: str) -> list[dict[str, Any]]:
    """Every row of ``conversation_overview`` or ``review_overview``, as dicts."""
    if view not in ("conversation_overview", "review_overview"):
        raise ValueError(f"not a view: {view}")
    key = "conversation_id" if view == "conversation_overview" else "review_id"
    return [dict(row) for row in db.conn.execute(f"SELECT * FROM {view} ORDER BY {key}").fetchall()]
