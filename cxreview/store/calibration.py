"""Queries behind calibration and review exports: submitted scores with their context."""

from __future__ import annotations

import sqlite3
from typing import Any


def score_rows(
    conn: sqlite3.Connection,
    rubric_id: str | None = None,
    session: str | None = None,
    since: str | None = None,
    include_drafts: bool = False,
    blind_only: bool = False,
    first_submission: bool = False,
    lean: bool = False,
) -> list[sqlite3.Row]:
    """One row per criterion score, with the review, conversation and session it belongs to.

    Final scores by default; with ``first_submission`` the reviewer's own first submitted
    scores (what calibration compares: a later correction or an arbiter's decision is not
    the reviewer's independent judgement), also while the reviewer is correcting the review."""
    clauses = ["1 = 1"] if include_drafts else ["r.status = 'submitted'"]
    if first_submission and not include_drafts:
        clauses = ["(r.status = 'submitted' OR r.first_submitted_at IS NOT NULL)"]
    params: list[Any] = []
    if rubric_id:
        clauses.append("r.rubric_id = ?")
        params.append(rubric_id)
    if session:
        clauses.append(
            "r.id IN (SELECT rr.id FROM reviews rr JOIN session_items i ON i.conversation_id = rr.conversation_id "
            "AND i.reviewer = rr.reviewer JOIN sessions s ON s.id = i.session_id WHERE s.name = ?)"
        )
        params.append(session)
    if since:
        clauses.append("coalesce(r.submitted_at, r.updated_at) >= ?")
        params.append(since)
    if blind_only:
        clauses.append("r.blind = 1")
    score = _FIRST if first_submission else _FINAL
    # ``lean``: only what calibration reads (review, conversation, reviewer, rubric, criterion,
    # score, na): a third of the columns to fetch on a hundred thousand scores.
    columns = (
        f"r.id AS review_id, r.conversation_id, r.reviewer, r.rubric_id, r.rubric_version, sc.criterion, {score}"
        if lean
        else f"""r.id AS review_id, r.conversation_id, r.reviewer, r.rubric_id, r.rubric_version, r.source,
                   r.status, r.submitted_at, r.review_seconds, r.overall_note, r.blind,
                   sc.criterion, {score}, sc.root_causes, sc.note"""
    )
    return conn.execute(
        f"""SELECT {columns}
            FROM reviews r JOIN review_scores sc ON sc.review_id = r.id
            LEFT JOIN review_originals o ON o.review_id = sc.review_id AND o.criterion = sc.criterion
            WHERE {" AND ".join(clauses)}
            ORDER BY r.id, sc.criterion""",
        params,
    ).fetchall()


# The first submitted value where a review was changed since, else the stored one; with it,
# whether that value was an accepted AutoQA suggestion.
_FIRST = (
    "CASE WHEN o.review_id IS NULL THEN sc.score ELSE o.score END AS score, coalesce(o.na, sc.na) AS na, "
    "coalesce(o.suggested, sc.suggested) AS suggested"
)
_FINAL = "sc.score, sc.na, sc.suggested"


def rubric_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every stored rubric version: id, version, definition (JSON) and source."""
    return conn.execute("SELECT id, version, definition, source FROM rubrics").fetchall()


def review_context(conn: sqlite3.Connection, include_drafts: bool) -> list[sqlite3.Row]:
    """Reviews with conversation and session context, for the review-level export."""
    status = "" if include_drafts else "WHERE r.status = 'submitted'"
    return conn.execute(
        f"""SELECT r.id AS review_id, r.conversation_id, c.agent, c.queue, c.channel, c.language, c.started_at,
                   r.reviewer, r.status, r.source, r.rubric_id, r.rubric_version, r.submitted_at, r.review_seconds,
                   r.overall_note,
                   (SELECT s.name FROM session_items i JOIN sessions s ON s.id = i.session_id
                     WHERE i.conversation_id = r.conversation_id AND i.reviewer = r.reviewer
                       AND s.rubric_id = r.rubric_id ORDER BY s.id DESC LIMIT 1) AS session,
                   (SELECT i.pick FROM session_items i JOIN sessions s ON s.id = i.session_id
                     WHERE i.conversation_id = r.conversation_id AND i.reviewer = r.reviewer
                       AND s.rubric_id = r.rubric_id ORDER BY s.id DESC LIMIT 1) AS pick
            FROM reviews r JOIN conversations c ON c.id = r.conversation_id {status}
            ORDER BY r.id"""
    ).fetchall()
