"""Corrections of submitted reviews: the first submission kept, revisions with their changes, settings."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cxreview.store.clock import now_iso


def keep_originals(conn: sqlite3.Connection, review_id: int) -> None:
    """Copy the submitted scores into review_originals once, before the first change after
    submission; the review's own first judgement is what calibration compares."""
    conn.execute(
        "INSERT OR IGNORE INTO review_originals (review_id, criterion, score, na, suggested) "
        "SELECT review_id, criterion, score, na, suggested FROM review_scores WHERE review_id = ?",
        (review_id,),
    )
    conn.execute(
        "UPDATE reviews SET original_score = coalesce(original_score, score) WHERE id = ? AND status = 'submitted'",
        (review_id,),
    )


def score_of(conn: sqlite3.Connection, review_id: int, criterion: str) -> tuple[int | None, bool]:
    """The stored (score, na) of one criterion; (None, False) when never scored."""
    row = conn.execute(
        "SELECT score, na FROM review_scores WHERE review_id = ? AND criterion = ?", (review_id, criterion)
    ).fetchone()
    return (None, False) if row is None else (row["score"], bool(row["na"]))


def changes_log(conn: sqlite3.Connection, review_id: int) -> list[sqlite3.Row]:
    """The undo log of the current editing, oldest first."""
    return conn.execute(
        "SELECT field, target, before, after FROM review_changes WHERE review_id = ? ORDER BY id", (review_id,)
    ).fetchall()


def add_revision(
    conn: sqlite3.Connection,
    review_id: int,
    editor: str,
    role: str,
    reason: str,
    edits: list[tuple[str, str, Any, Any]],
    dispute_id: int | None = None,
) -> int:
    """One save that changed a submitted review: who, as what, why, and each (field, target, before, after)."""
    cursor = conn.execute(
        "INSERT INTO review_revisions (review_id, editor, role, reason, dispute_id, at) VALUES (?, ?, ?, ?, ?, ?)",
        (review_id, editor, role, reason, dispute_id, now_iso()),
    )
    revision_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO review_edits (revision_id, field, target, before, after) VALUES (?, ?, ?, ?, ?)",
        [
            (revision_id, f, t, json.dumps(b, ensure_ascii=False), json.dumps(a, ensure_ascii=False))
            for f, t, b, a in edits
        ],
    )
    return revision_id


def revisions(conn: sqlite3.Connection, review_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM review_revisions WHERE review_id = ? ORDER BY id", (review_id,)).fetchall()


def edits(conn: sqlite3.Connection, review_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT e.* FROM review_edits e JOIN review_revisions r ON r.id = e.revision_id "
        # Scores first, then by criterion: a stable order on every engine (no rowid).
        "WHERE r.review_id = ? ORDER BY e.revision_id, CASE e.field WHEN 'score' THEN 0 ELSE 1 END, e.target, e.field",
        (review_id,),
    ).fetchall()


def edits_since(conn: sqlite3.Connection, review_id: int, after_revision: int, not_by: str) -> list[sqlite3.Row]:
    """Changes someone else saved after a given revision (what a reviewer with the review
    open has not seen yet)."""
    return conn.execute(
        "SELECT r.id AS revision_id, r.editor, r.role, r.dispute_id, e.field, e.target, e.before, e.after "
        "FROM review_revisions r JOIN review_edits e ON e.revision_id = r.id "
        "WHERE r.review_id = ? AND r.id > ? AND r.editor != ? "
        "ORDER BY r.id, CASE e.field WHEN 'score' THEN 0 ELSE 1 END, e.target, e.field",
        (review_id, after_revision, not_by),
    ).fetchall()


def last_revision_id(conn: sqlite3.Connection, review_id: int) -> int:
    row = conn.execute("SELECT max(id) FROM review_revisions WHERE review_id = ?", (review_id,)).fetchone()
    return int(row[0] or 0)


def last_edit_of(conn: sqlite3.Connection, review_id: int, field: str, target: str) -> sqlite3.Row | None:
    """The latest saved change of one value, with who made it."""
    return conn.execute(
        "SELECT r.editor, r.role, r.dispute_id, r.at, e.before, e.after FROM review_edits e "
        "JOIN review_revisions r ON r.id = e.revision_id "
        "WHERE r.review_id = ? AND e.field = ? AND e.target = ? ORDER BY r.id DESC LIMIT 1",
        (review_id, field, target),
    ).fetchone()


def edit_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Number of revisions per review, for exports."""
    return {
        row[0]: row[1] for row in conn.execute("SELECT review_id, count(*) FROM review_revisions GROUP BY review_id")
    }


def originals(conn: sqlite3.Connection) -> dict[tuple[int, str], tuple[int | None, bool]]:
    """The reviewer's first submitted (score, na) per (review, criterion) for changed reviews."""
    return {
        (row["review_id"], row["criterion"]): (row["score"], bool(row["na"]))
        for row in conn.execute("SELECT review_id, criterion, score, na FROM review_originals")
    }


def original_scores(conn: sqlite3.Connection) -> dict[int, float | None]:
    return {
        row[0]: row[1]
        for row in conn.execute("SELECT id, original_score FROM reviews WHERE original_score IS NOT NULL")
    }


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def latest_score_changes(conn: sqlite3.Connection) -> dict[tuple[int, str], sqlite3.Row]:
    """The latest saved change of each criterion score, with who made it and why (reports)."""
    rows = conn.execute(
        "SELECT r.review_id, e.target, r.editor, r.role, r.reason, r.dispute_id FROM review_edits e "
        "JOIN review_revisions r ON r.id = e.revision_id WHERE e.field = 'score' ORDER BY r.id"
    )
    return {(row["review_id"], row["target"]): row for row in rows}
