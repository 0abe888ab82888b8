"""Session queries: candidate lookups by rowid for sampling, sessions and their items."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cxreview.filters import Filters
from cxreview.store.clock import now_iso
from cxreview.store.filtering import where as filtered
from cxreview.store.phases import kind_sql

CANDIDATE_COLUMNS = "rowid, id, started_at, queue, channel, language, agent, n_messages"


def rowid_bounds(conn: sqlite3.Connection, table: str = "conversations") -> tuple[int, int]:
    """Lowest and highest rowid: O(log n), both ends of the table's b-tree."""
    # Two queries on purpose: SQLite answers a lone min() or max() from the end of the
    # b-tree, but min() and max() together make it scan the whole table.
    low = conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
    high = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    return (low or 0, high or 0)


def conversation_by_rowid(conn: sqlite3.Connection, rowid: int) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {CANDIDATE_COLUMNS} FROM conversations WHERE rowid = ?", (rowid,)).fetchone()


def has_signals(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM conversation_signals)").fetchone()[0] == 1


def conversation_by_id(conn: sqlite3.Connection, conversation_id: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT {CANDIDATE_COLUMNS} FROM conversations WHERE id = ?", (conversation_id,)).fetchone()


def risk_of(conn: sqlite3.Connection, conversation_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT risk, risk_reasons FROM conversation_signals WHERE conversation_id = ?", (conversation_id,)
    ).fetchone()


def is_taken(conn: sqlite3.Connection, conversation_id: str) -> bool:
    """Reviewed (any review, imported ones too) or already in a session."""
    return bool(
        conn.execute(
            "SELECT EXISTS (SELECT 1 FROM reviews WHERE conversation_id = ?) "
            "OR EXISTS (SELECT 1 FROM session_items WHERE conversation_id = ?)",
            (conversation_id, conversation_id),
        ).fetchone()[0]
    )


def _candidate_scope(filters: Filters, min_messages: int) -> tuple[str, list[Any]]:
    where, params = filtered(filters, "c")
    return f"{where} AND c.n_messages >= ?", [*params, min_messages]


def filtered_candidates(conn: sqlite3.Connection, filters: Filters, min_messages: int) -> list[sqlite3.Row]:
    """All conversations passing the filters, through the indexes: the fallback when
    random probing finds too few (very narrow filters)."""
    where, params = _candidate_scope(filters, min_messages)
    return conn.execute(
        f"SELECT {CANDIDATE_COLUMNS} FROM conversations c WHERE {where} ORDER BY rowid", params
    ).fetchall()


def next_value(conn: sqlite3.Connection, column: str, after: str | None) -> str | None:
    """The next distinct agent or queue after ``after``: one index seek, no scan."""
    if after is None:
        row = conn.execute(
            f"SELECT {column} FROM conversations WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 1"
        ).fetchone()
    else:
        row = conn.execute(
            f"SELECT {column} FROM conversations WHERE {column} > ? ORDER BY {column} LIMIT 1", (after,)
        ).fetchone()
    return None if row is None else row[0]


def rows_for_value(
    conn: sqlite3.Connection, column: str, value: str, filters: Filters, min_messages: int
) -> list[sqlite3.Row]:
    where, params = _candidate_scope(filters, min_messages)
    return conn.execute(
        f"SELECT {CANDIDATE_COLUMNS} FROM conversations c WHERE {column} = ? AND {where} ORDER BY rowid",
        [value, *params],
    ).fetchall()


def session_id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM sessions WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def insert_session(
    conn: sqlite3.Connection,
    name: str,
    strategy: str,
    seed: int,
    calibration: bool,
    rubric_id: str,
    rubric_version: int,
    random_share: float | None,
    filters: dict[str, Any],
    notes: list[str],
    bot_rubric: tuple[str, int] | None = None,
    autoqa_models: list[int] | None = None,
) -> int:
    """A new session's row (``autoqa_models``: the models whose scores ranked its picks)."""
    cursor = conn.execute(
        "INSERT INTO sessions (name, created_at, strategy, seed, calibration, rubric_id, rubric_version, "
        "random_share, filters, notes, bot_rubric_id, bot_rubric_version, autoqa_models) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name,
            now_iso(),
            strategy,
            seed,
            int(calibration),
            rubric_id,
            rubric_version,
            random_share,
            json.dumps(filters, ensure_ascii=False),
            json.dumps(notes, ensure_ascii=False),
            *(bot_rubric or (None, None)),
            None if autoqa_models is None else json.dumps(autoqa_models),
        ),
    )
    return int(cursor.lastrowid or 0)


def insert_items(conn: sqlite3.Connection, rows: list[tuple[int, int, str, str, str, str]]) -> None:
    conn.executemany(
        "INSERT INTO session_items (session_id, position, conversation_id, reviewer, pick, reason) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


# One row per session item with the state of its review: a conversation in a session with a
# bot rubric needs the bot rubric when the bot took part and the agent rubric when a person
# did (a hybrid one both); the item is done when every review it needs is submitted.
_ITEMS = f"""
    WITH items AS (
        SELECT i.*, se.rubric_id AS agent_rubric, se.bot_rubric_id AS bot_rubric,
               {kind_sql("i.conversation_id")} AS kind
        FROM session_items i JOIN sessions se ON se.id = i.session_id
        WHERE (:session IS NULL OR i.session_id = :session) AND (:reviewer IS NULL OR i.reviewer = :reviewer)
    ),
    needs AS (
        SELECT items.*, bot_rubric IS NULL OR kind NOT IN ('bot') AS needs_agent,
               bot_rubric IS NOT NULL AND kind IN ('bot', 'hybrid') AS needs_bot
        FROM items
    ),
    states AS (
        SELECT needs.*, ra.id AS agent_review, ra.status AS agent_status, ra.last_criterion AS agent_last,
               rb.id AS bot_review, rb.status AS bot_status, rb.last_criterion AS bot_last,
               CASE WHEN (needs_agent AND ra.status IS NOT 'submitted') OR (needs_bot AND rb.status IS NOT 'submitted')
                    THEN CASE WHEN ra.id IS NOT NULL OR rb.id IS NOT NULL THEN 'draft' END
                    ELSE 'submitted' END AS review_status
        FROM needs
        LEFT JOIN reviews ra ON ra.conversation_id = needs.conversation_id AND ra.reviewer = needs.reviewer
                            AND ra.rubric_id = needs.agent_rubric
        LEFT JOIN reviews rb ON rb.conversation_id = needs.conversation_id AND rb.reviewer = needs.reviewer
                            AND rb.rubric_id = needs.bot_rubric
    )"""


def list_sessions(conn: sqlite3.Connection, reviewer: str | None = None) -> list[dict[str, Any]]:
    """Sessions with progress per reviewer: done (submitted), started (draft), total."""
    rows = conn.execute(
        _ITEMS
        + """
        SELECT s.id, s.name, s.created_at, s.strategy, s.calibration, s.rubric_id, s.rubric_version,
               s.bot_rubric_id, s.bot_rubric_version, st.reviewer, count(*) AS total,
               sum(st.review_status = 'submitted') AS done, sum(st.review_status = 'draft') AS started
        FROM sessions s JOIN states st ON st.session_id = s.id
        GROUP BY s.id, st.reviewer ORDER BY s.created_at DESC, s.id DESC, st.reviewer""",
        {"session": None, "reviewer": reviewer},
    ).fetchall()
    sessions: dict[int, dict[str, Any]] = {}
    for row in rows:
        rubric = f"{row['rubric_id']} v{row['rubric_version']}"
        if row["bot_rubric_id"]:
            rubric += f" + bot: {row['bot_rubric_id']} v{row['bot_rubric_version']}"
        entry = sessions.setdefault(
            row["id"],
            {
                "id": row["id"],
                "name": row["name"],
                "created_at": row["created_at"],
                "strategy": row["strategy"],
                "calibration": bool(row["calibration"]),
                "rubric": rubric,
                "reviewers": {},
            },
        )
        entry["reviewers"][row["reviewer"]] = {
            "total": row["total"],
            "done": row["done"] or 0,
            "started": row["started"] or 0,
        }
    return list(sessions.values())


def session_row(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM sessions WHERE name = ?", (name,)).fetchone()


def session_items(conn: sqlite3.Connection, session: int, reviewer: str | None = None) -> list[sqlite3.Row]:
    """The items of a session with the conversation's kind, the state of its review(s) and
    where the reviewer left off (the bot review first, as the bot came first)."""
    return conn.execute(
        _ITEMS
        + """
        SELECT st.position, st.conversation_id, st.reviewer, st.pick, st.reason, st.kind, c.agent, c.queue,
               c.channel, c.language, c.n_messages, c.started_at, coalesce(st.agent_review, st.bot_review) AS review_id,
               st.review_status,
               CASE WHEN st.needs_bot AND st.bot_status IS NOT 'submitted' THEN st.bot_last ELSE st.agent_last END
                   AS last_criterion,
               s.risk, s.bot_loop, s.stuck_in_bot, s.n_spikes
        FROM states st JOIN conversations c ON c.id = st.conversation_id
        LEFT JOIN conversation_signals s ON s.conversation_id = st.conversation_id
        ORDER BY st.position, st.reviewer""",
        {"session": session, "reviewer": reviewer},
    ).fetchall()


def item_reviewers(conn: sqlite3.Connection, session: int, conversation_id: str) -> list[str]:
    """Everyone a session asks to review a conversation (calibration: several), by name."""
    rows = conn.execute(
        "SELECT DISTINCT reviewer FROM session_items WHERE session_id = ? AND conversation_id = ? ORDER BY reviewer",
        (session, conversation_id),
    ).fetchall()
    return [row[0] for row in rows]
