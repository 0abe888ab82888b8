"""Group means of AutoQA's machine scores for insights: per agent or queue, active reliable
models only, over the conversations that pass the filters and lie within what the model was
trained on and are not of a channel or language where it is not reliable (a far or withheld
one's figure is not backed: docs/autoqa.md)."""

from __future__ import annotations

import sqlite3
from typing import Any

from cxreview.filters import Filters
from cxreview.store.autoqa_withheld import USABLE
from cxreview.store.filtering import where

GROUP_COLUMNS = ("agent", "queue")


def reliable_rubrics(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(rubric id, version) with at least one active reliable model."""
    rows = conn.execute(
        "SELECT DISTINCT rubric_id, rubric_version FROM autoqa_models WHERE active = 1 AND reliable = 1 "
        "ORDER BY rubric_id, rubric_version"
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def machine_means(conn: sqlite3.Connection, rubric_id: str, version: int, filters: Filters, column: str) -> list[Any]:
    """(grp, criterion, n, mean) of the reliable active models' scores per agent or queue."""
    if column not in GROUP_COLUMNS:
        raise ValueError(column)
    condition, params = where(filters, "c")
    return conn.execute(
        f"SELECT c.{column} AS grp, m.criterion AS criterion, count(*) AS n, avg(s.value) AS mean "
        "FROM autoqa_scores s JOIN autoqa_models m ON m.id = s.model_id "
        "JOIN conversations c ON c.id = s.conversation_id "
        f"WHERE m.active = 1 AND m.reliable = 1 AND {USABLE} AND m.rubric_id = ? AND m.rubric_version = ? "
        f"AND c.{column} IS NOT NULL AND {condition} GROUP BY c.{column}, m.criterion",
        (rubric_id, version, *params),
    ).fetchall()
