"""Stored calibration: leniency offsets per rubric version and calibrated review scores (schema 11)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

_KEY = "calibrated_scores"  # settings: 'stale', or when the stored values were last refreshed


def lock(conn: sqlite3.Connection, state: str) -> None:
    """Write the state first: on PostgreSQL its row lock makes concurrent refreshes wait for
    each other (SQLite's BEGIN IMMEDIATE already does), so each one reads what the last wrote."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (_KEY, state),
    )


def state(conn: sqlite3.Connection) -> str:
    """When the stored values were refreshed, or 'stale' (also before the first refresh)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (_KEY,)).fetchone()
    return "stale" if row is None else str(row[0])


def review_stamp(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """A fingerprint of every review and score: it moves whenever one is added or changed."""
    reviews = conn.execute(
        "SELECT count(*), coalesce(sum(blind), 0), coalesce(sum(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END), 0), "
        "max(updated_at) FROM reviews"
    ).fetchone()
    scores = conn.execute(
        "SELECT count(*), coalesce(sum(score), 0), coalesce(sum(na), 0), max(updated_at) FROM review_scores"
    ).fetchone()
    return (*reviews, *scores)


def shares_conversation(conn: sqlite3.Connection, review_id: int) -> bool:
    """Whether this blind review's conversation has another blind review of the same rubric
    version that calibration reads: only then can a new submission move the offsets."""
    row = conn.execute(
        """SELECT 1 FROM reviews r JOIN reviews o
             ON o.conversation_id = r.conversation_id AND o.rubric_id = r.rubric_id
            AND o.rubric_version = r.rubric_version AND o.id <> r.id
           WHERE r.id = ? AND r.blind = 1 AND o.blind = 1
             AND (o.status = 'submitted' OR o.first_submitted_at IS NOT NULL)
           LIMIT 1""",
        (review_id,),
    ).fetchone()
    return row is not None


def rubric_key(conn: sqlite3.Connection, review_id: int) -> tuple[str, int] | None:
    row = conn.execute("SELECT rubric_id, rubric_version FROM reviews WHERE id = ?", (review_id,)).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))


def rubric_keys(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every rubric version some review uses."""
    rows = conn.execute("SELECT DISTINCT rubric_id, rubric_version FROM reviews ORDER BY 1, 2").fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def offset_rows(conn: sqlite3.Connection, key: tuple[str, int]) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT reviewer, criterion, estimate, applied, n, low, high, reason FROM calibration_offsets "
        "WHERE rubric_id = ? AND rubric_version = ?",
        key,
    ).fetchall()


def replace_offsets(conn: sqlite3.Connection, key: tuple[str, int], rows: Iterable[tuple[Any, ...]]) -> None:
    """rows: (reviewer, criterion, estimate, applied, n, low, high, reason)."""
    conn.execute("DELETE FROM calibration_offsets WHERE rubric_id = ? AND rubric_version = ?", key)
    conn.executemany(
        "INSERT INTO calibration_offsets (rubric_id, rubric_version, reviewer, criterion, estimate, applied, n, "
        "low, high, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*key, *row) for row in rows],
    )


def replace_reviews(
    conn: sqlite3.Connection, review_ids: list[int] | tuple[str, int] | None, rows: Iterable[tuple[Any, ...]]
) -> None:
    """Drop the stored rows of these reviews (a list of ids, a rubric version, or None: all),
    then insert rows (review_id, calibrated_score, passed, critical_fail, offsets, refreshed_at)."""
    if review_ids is None:
        conn.execute("DELETE FROM calibrated_reviews")
    elif isinstance(review_ids, tuple):
        conn.execute(
            "DELETE FROM calibrated_reviews WHERE review_id IN "
            "(SELECT id FROM reviews WHERE rubric_id = ? AND rubric_version = ?)",
            review_ids,
        )
    else:
        conn.executemany("DELETE FROM calibrated_reviews WHERE review_id = ?", [(i,) for i in review_ids])
    conn.executemany(
        "INSERT INTO calibrated_reviews (review_id, calibrated_score, passed, critical_fail, offsets, refreshed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        list(rows),
    )


def final_scores(conn: sqlite3.Connection, key: tuple[str, int], review_id: int | None = None) -> list[sqlite3.Row]:
    """(review_id, reviewer, criterion, score, na) of submitted reviews of one rubric version
    (or one review): the final scores that the calibrated score is computed from."""
    extra, params = ("AND r.id = ?", (*key, review_id)) if review_id is not None else ("", key)
    return conn.execute(
        f"""SELECT r.id AS review_id, r.reviewer, sc.criterion, sc.score, sc.na
            FROM reviews r JOIN review_scores sc ON sc.review_id = r.id
            WHERE r.rubric_id = ? AND r.rubric_version = ? AND r.status = 'submitted' {extra}
            ORDER BY r.id, sc.criterion""",
        params,
    ).fetchall()
