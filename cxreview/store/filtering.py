"""Filters as a SQL condition on the conversations table (the in-memory twin is Filters.matches)."""

from __future__ import annotations

from typing import Any

from cxreview.filters import Filters


def where(filters: Filters, alias: str = "c") -> tuple[str, list[Any]]:
    """A condition on ``alias`` (a conversations row) and its parameters; "1 = 1" when no filter is set."""
    clauses: list[str] = []
    params: list[Any] = []
    start, end = filters.start, filters.end
    if start is not None:
        clauses.append(f"{alias}.started_at >= ?")
        params.append(start)
    if end is not None:
        clauses.append(f"{alias}.started_at < ?")
        params.append(end)
    for column, values in filters.values():
        clauses.append(f"{alias}.{column} IN ({','.join('?' * len(values))})")
        params.extend(values)
    return (" AND ".join(clauses) or "1 = 1"), params
