"""Dispute queries: agents contest one criterion of a submitted review; an arbiter decides."""

from __future__ import annotations

import sqlite3
from typing import Any

from cxreview.store.clock import now_iso

# The columns a dispute listing shows: the dispute with its review and conversation.
_SELECT = """SELECT d.*, r.reviewer, r.conversation_id, r.rubric_id, r.rubric_version, r.status AS review_status,
                    c.agent
             FROM disputes d JOIN reviews r ON r.id = d.review_id JOIN conversations c ON c.id = r.conversation_id"""


def insert_dispute(
    conn: sqlite3.Connection,
    review_id: int,
    criterion: str,
    opened_by: str,
    reason: str,
    score_before: tuple[int | None, bool],
    opened_at: str | None = None,
) -> int:
    cursor = conn.execute(
        "INSERT INTO disputes (review_id, criterion, opened_by, reason, opened_at, score_before, na_before) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (review_id, criterion, opened_by, reason, opened_at or now_iso(), score_before[0], int(score_before[1])),
    )
    return int(cursor.lastrowid or 0)


def dispute(conn: sqlite3.Connection, dispute_id: int) -> sqlite3.Row | None:
    return conn.execute(f"{_SELECT} WHERE d.id = ?", (dispute_id,)).fetchone()


def open_dispute_on(conn: sqlite3.Connection, review_id: int, criterion: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM disputes WHERE review_id = ? AND criterion = ? AND status = 'open'", (review_id, criterion)
    ).fetchone()


def resolve(
    conn: sqlite3.Connection,
    dispute_id: int,
    status: str,
    by: str,
    answer: str,
    score_after: tuple[int | None, bool] | None = None,
) -> bool:
    """Close an open dispute; False when it was no longer open (someone else decided first)."""
    after = score_after or (None, None)
    cursor = conn.execute(
        "UPDATE disputes SET status = ?, resolved_by = ?, resolved_at = ?, answer = ?, score_after = ?, na_after = ? "
        "WHERE id = ? AND status = 'open'",
        (status, by, now_iso(), answer, after[0], None if after[1] is None else int(after[1]), dispute_id),
    )
    return cursor.rowcount == 1


def add_note(conn: sqlite3.Connection, dispute_id: int, author: str, role: str, text: str) -> None:
    conn.execute(
        "INSERT INTO dispute_notes (dispute_id, author, role, text, at) VALUES (?, ?, ?, ?, ?)",
        (dispute_id, author, role, text, now_iso()),
    )


def notes(conn: sqlite3.Connection, dispute_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM dispute_notes WHERE dispute_id = ? ORDER BY id", (dispute_id,)).fetchall()


def list_disputes(
    conn: sqlite3.Connection, status: str | None = None, agent: str | None = None, review_id: int | None = None
) -> list[sqlite3.Row]:
    """Disputes oldest first, optionally of one status, one agent's conversations or one review."""
    clauses: list[str] = ["1 = 1"]
    params: list[Any] = []
    if status:
        clauses.append("d.status = ?")
        params.append(status)
    if agent:
        clauses.append("(c.agent = ? OR d.opened_by = ?)")
        params.extend([agent, agent])
    if review_id is not None:
        clauses.append("d.review_id = ?")
        params.append(review_id)
    return conn.execute(f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY d.opened_at, d.id", params).fetchall()


def status_by_criterion(conn: sqlite3.Connection) -> dict[tuple[int, str], str]:
    """The latest dispute's status per (review, criterion), for exports and reports."""
    return {
        (row["review_id"], row["criterion"]): row["status"]
        for row in conn.execute("SELECT review_id, criterion, status FROM disputes ORDER BY id")
    }


def accepted_answers(conn: sqlite3.Connection) -> dict[tuple[int, str], sqlite3.Row]:
    """The accepted dispute per (review, criterion), with its reason and the arbiter's answer."""
    return {
        (row["review_id"], row["criterion"]): row
        for row in conn.execute("SELECT * FROM disputes WHERE status = 'accepted' ORDER BY id")
    }
