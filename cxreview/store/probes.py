"""Sampling's lookups for many conversations at once: one query per batch, not one per row.

On SQLite a query is a function call; on PostgreSQL it is a round trip to the server, so
sampling's random probes (and the checks on each probed conversation) ask for a batch of
rowids or ids in one query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from cxreview.store.phases import kind_sql
from cxreview.store.sessions import CANDIDATE_COLUMNS

_CHUNK = 500  # ids per IN (...) list: well under SQLite's parameter limit
# Reviewed (any review, imported ones too) or already in a session: as sessions.is_taken.
_TAKEN = (
    "(EXISTS (SELECT 1 FROM reviews r WHERE r.conversation_id = c.id) "
    "OR EXISTS (SELECT 1 FROM session_items i WHERE i.conversation_id = c.id))"
)
_COLUMNS = ", ".join(f"c.{name.strip()}" for name in CANDIDATE_COLUMNS.split(","))


def _extra(with_kind: bool) -> str:
    # The kind looks into the messages: only asked for when a rubric leaves kinds out.
    return f"{_TAKEN} AS taken, " + (f"{kind_sql('c.id')} AS kind" if with_kind else "NULL AS kind")


def rows_at(conn: sqlite3.Connection, rowids: Sequence[int], with_kind: bool) -> list[Any]:
    """The candidate columns of the conversations at these rowids (missing rowids give no
    row), with whether each is taken, its kind, and its risk (``signalled`` is 0 without
    signals)."""
    rows: list[Any] = []
    for start in range(0, len(rowids), _CHUNK):
        chunk = list(rowids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        rows += conn.execute(
            f"SELECT {_COLUMNS}, {_extra(with_kind)}, s.risk, s.risk_reasons, "
            "CASE WHEN s.conversation_id IS NULL THEN 0 ELSE 1 END AS signalled "
            "FROM conversations c LEFT JOIN conversation_signals s ON s.conversation_id = c.id "
            f"WHERE c.rowid IN ({marks})",
            chunk,
        ).fetchall()
    return rows


def taken_and_kinds(conn: sqlite3.Connection, ids: Sequence[str], with_kind: bool) -> list[Any]:
    """(id, taken, kind) for these conversation ids."""
    rows: list[Any] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        rows += conn.execute(
            f"SELECT c.id, {_extra(with_kind)} FROM conversations c WHERE c.id IN ({marks})", chunk
        ).fetchall()
    return rows


def risks_of(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Any]:
    """conversation id -> its signal row (risk, risk_reasons), for the analysed ones."""
    found: dict[str, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT conversation_id, risk, risk_reasons FROM conversation_signals WHERE conversation_id IN ({marks})",
            chunk,
        ):
            found[row[0]] = row
    return found
