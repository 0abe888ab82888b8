"""Session queries: candidate lookups by rowid for sampling, sessions and their items."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cxreview.store.clock import now_iso

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


def signal_by_rowid(conn: sqlite3.Connection, rowid: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT conversation_id, risk, risk_reasons FROM conversation_signals WHERE rowid = ?", (rowid,)
    ).fetchone()


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


def filtered_candidates(conn: sqlite3.Connection, where: str, params: list[Any]) -> list[sqlite3.Row]:
    """All conversations passing the filters, through the indexes: the fallback when
    random probing finds too few (very narrow filters)."""
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
    conn: sqlite3.Connection, column: str, value: str, where: str, params: list[Any]
) -> list[sqlite3.Row]:
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
) -> int:
    cursor = conn.execute(
        "INSERT INTO sessions (name, created_at, strategy, seed, calibration, rubric_id, rubric_version, "
        "random_share, filters, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        ),
    )
    return int(cursor.lastrowid or 0)


def insert_items(conn: sqlite3.Connection, rows: list[tuple[int, int, str, str, str, str]]) -> None:
    conn.executemany(
        "INSERT INTO session_items (session_id, position, conversation_id, reviewer, pick, reason) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def list_sessions(conn: sqlite3.Connection, reviewer: str | None = None) -> list[dict[str, Any]]:
    """Sessions with progress per reviewer: done (submitted), started (draft), total."""
    rows = conn.execute(
        """SELECT s.id, s.name, s.created_at, s.strategy, s.calibration, s.rubric_id, s.rubric_version,
                  i.reviewer, count(*) AS total,
                  sum(r.status = 'submitted') AS done, sum(r.status = 'draft') AS started
           FROM sessions s JOIN session_items i ON i.session_id = s.id
           LEFT JOIN reviews r ON r.conversation_id = i.conversation_id AND r.reviewer = i.reviewer
                              AND r.rubric_id = s.rubric_id
           WHERE (? IS NULL OR i.reviewer = ?)
           GROUP BY s.id, i.reviewer ORDER BY s.created_at DESC, s.id DESC, i.reviewer""",
        (reviewer, reviewer),
    ).fetchall()
    sessions: dict[int, dict[str, Any]] = {}
    for row in rows:
        entry = sessions.setdefault(
            row["id"],
            {
                "id": row["id"],
                "name": row["name"],
                "created_at": row["created_at"],
                "strategy": row["strategy"],
                "calibration": bool(row["calibration"]),
                "rubric": f"{row['rubric_id']} v{row['rubric_version']}",
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
    return conn.execute(
        """SELECT i.position, i.conversation_id, i.reviewer, i.pick, i.reason, c.agent, c.queue, c.channel,
                  c.language, c.n_messages, c.started_at, r.id AS review_id, r.status AS review_status,
                  r.last_criterion, s.risk, s.bot_loop, s.stuck_in_bot, s.n_spikes
           FROM session_items i JOIN sessions se ON se.id = i.session_id
           JOIN conversations c ON c.id = i.conversation_id
           LEFT JOIN reviews r ON r.conversation_id = i.conversation_id AND r.reviewer = i.reviewer
                              AND r.rubric_id = se.rubric_id
           LEFT JOIN conversation_signals s ON s.conversation_id = i.conversation_id
           WHERE i.session_id = ? AND (? IS NULL OR i.reviewer = ?)
           ORDER BY i.position, i.reviewer""",
        (session, reviewer, reviewer),
    ).fetchall()
