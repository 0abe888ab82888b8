"""Review queries: rubrics in use, reviews, criterion scores, notes and the undo log."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cxreview.store.clock import now_iso


def stored_rubric(conn: sqlite3.Connection, rubric_id: str, version: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM rubrics WHERE id = ? AND version = ?", (rubric_id, version)).fetchone()


def latest_rubric(conn: sqlite3.Connection, rubric_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM rubrics WHERE id = ? ORDER BY version DESC LIMIT 1", (rubric_id,)).fetchone()


def insert_rubric(
    conn: sqlite3.Connection,
    rubric_id: str,
    version: int,
    digest: str,
    name: str,
    definition: dict[str, Any],
    source: str,
) -> None:
    conn.execute(
        # Two reviewers starting at once may both register the rubric: the second one's row is
        # not needed (the caller then checks the stored one is the same).
        "INSERT INTO rubrics (id, version, content_hash, name, definition, source, first_used_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING",
        (rubric_id, version, digest, name, json.dumps(definition, ensure_ascii=False), source, now_iso()),
    )


def find_review(conn: sqlite3.Connection, conversation_id: str, reviewer: str, rubric_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM reviews WHERE conversation_id = ? AND reviewer = ? AND rubric_id = ?",
        (conversation_id, reviewer, rubric_id),
    ).fetchone()


def insert_review(
    conn: sqlite3.Connection,
    conversation_id: str,
    reviewer: str,
    rubric_id: str,
    rubric_version: int,
    session_id: int | None,
    source: str = "cxreview",
    status: str = "draft",
    submitted_at: str | None = None,
) -> int:
    now = now_iso()
    cursor = conn.execute(
        "INSERT INTO reviews (conversation_id, reviewer, rubric_id, rubric_version, session_id, status, "
        "source, started_at, updated_at, submitted_at, first_submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conversation_id,
            reviewer,
            rubric_id,
            rubric_version,
            session_id,
            status,
            source,
            now,
            now,
            submitted_at,
            submitted_at if status == "submitted" else None,  # disputes and edits count from it
        ),
    )
    return int(cursor.lastrowid or 0)


def review_row(conn: sqlite3.Connection, review_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()


def score_rows(conn: sqlite3.Connection, review_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM review_scores WHERE review_id = ?", (review_id,)).fetchall()


def message_note_rows(conn: sqlite3.Connection, review_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT position, note FROM message_notes WHERE review_id = ? ORDER BY position", (review_id,)
    ).fetchall()


def criterion_notes(conn: sqlite3.Connection, review_id: int) -> list[sqlite3.Row]:
    """(criterion, note) of the criteria of a review that have a note."""
    return conn.execute(
        "SELECT criterion, note FROM review_scores WHERE review_id = ? AND note != '' ORDER BY criterion", (review_id,)
    ).fetchall()


def upsert_score(conn: sqlite3.Connection, review_id: int, criterion: str, **values: Any) -> None:
    """Write some columns of one criterion's row, creating the row when needed."""
    conn.execute(
        "INSERT INTO review_scores (review_id, criterion, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(review_id, criterion) DO NOTHING",
        (review_id, criterion, now_iso()),
    )
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(
        f"UPDATE review_scores SET {assignments}, updated_at = ? WHERE review_id = ? AND criterion = ?",
        (*values.values(), now_iso(), review_id, criterion),
    )


def set_message_note(conn: sqlite3.Connection, review_id: int, position: int, note: str) -> None:
    if note:
        conn.execute(
            "INSERT INTO message_notes (review_id, position, note, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(review_id, position) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
            (review_id, position, note, now_iso()),
        )
    else:
        conn.execute("DELETE FROM message_notes WHERE review_id = ? AND position = ?", (review_id, position))


def update_review(conn: sqlite3.Connection, review_id: int, **values: Any) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(
        f"UPDATE reviews SET {assignments}, updated_at = ? WHERE id = ?", (*values.values(), now_iso(), review_id)
    )


def log_change(conn: sqlite3.Connection, review_id: int, field: str, target: str, before: Any, after: Any) -> None:
    conn.execute(
        "INSERT INTO review_changes (review_id, field, target, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
        (review_id, field, target, json.dumps(before), json.dumps(after), now_iso()),
    )


def pop_change(conn: sqlite3.Connection, review_id: int) -> sqlite3.Row | None:
    row = conn.execute(
        "SELECT * FROM review_changes WHERE review_id = ? ORDER BY id DESC LIMIT 1", (review_id,)
    ).fetchone()
    if row is not None:
        conn.execute("DELETE FROM review_changes WHERE id = ?", (row["id"],))
    return row


def last_change_of(
    conn: sqlite3.Connection, review_id: int, fields: tuple[str, ...], target: str
) -> sqlite3.Row | None:
    """The latest change still in the undo log of one target, among ``fields``."""
    marks = ", ".join("?" for _ in fields)
    return conn.execute(
        f"SELECT field, after FROM review_changes WHERE review_id = ? AND target = ? AND field IN ({marks}) "
        "ORDER BY id DESC LIMIT 1",
        (review_id, target, *fields),
    ).fetchone()


def add_seconds(conn: sqlite3.Connection, review_id: int, seconds: float) -> None:
    conn.execute("UPDATE reviews SET review_seconds = review_seconds + ? WHERE id = ?", (seconds, review_id))


def message_exists(conn: sqlite3.Connection, conversation_id: str, position: int) -> bool:
    row = conn.execute(
        "SELECT 1 FROM messages WHERE conversation_id = ? AND position = ?", (conversation_id, position)
    ).fetchone()
    return row is not None


def clear_changes(conn: sqlite3.Connection, review_id: int) -> None:
    """Forget the undo log of a review (on submit: a submitted review is not undone)."""
    conn.execute("DELETE FROM review_changes WHERE review_id = ?", (review_id,))


def mark_seen_others(conn: sqlite3.Connection, review_id: int) -> None:
    """Keep the first time the reviewer looked at the other reviewers' scores."""
    conn.execute("UPDATE reviews SET seen_others_at = coalesce(seen_others_at, ?) WHERE id = ?", (now_iso(), review_id))


def reviews_of_conversation(conn: sqlite3.Connection, conversation_id: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, reviewer, status FROM reviews WHERE conversation_id = ? ORDER BY id", (conversation_id,)
    ).fetchall()


def other_review_ids(
    conn: sqlite3.Connection, conversation_id: str, rubric_id: str, reviewer: str
) -> list[sqlite3.Row]:
    """The reviews of a conversation under a rubric by everyone but ``reviewer``."""
    return conn.execute(
        "SELECT id FROM reviews WHERE conversation_id = ? AND rubric_id = ? AND reviewer != ? ORDER BY reviewer",
        (conversation_id, rubric_id, reviewer),
    ).fetchall()


def mark_first_submitted(conn: sqlite3.Connection, review_id: int, at: str) -> None:
    """Keep the first submission time of a review submitted by other means than submit()."""
    conn.execute(
        "UPDATE reviews SET first_submitted_at = coalesce(first_submitted_at, ?) WHERE id = ?", (at, review_id)
    )


def reviewer_exists(conn: sqlite3.Connection, reviewer: str) -> bool:
    """Whether anyone by this name has a review (a --benchmark typo should not pass silently)."""
    return conn.execute("SELECT 1 FROM reviews WHERE reviewer = ? LIMIT 1", (reviewer,)).fetchone() is not None
