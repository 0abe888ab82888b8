"""Repeat contact, defined once for insights and the review screen.

A conversation *came back* when the same customer started another conversation after it,
within ``days`` days of its start (``repeat_contact.days`` of the signals config, 7 by
default). Only later contacts count: an earlier one cannot be caused by this conversation's
answers, which is what insights measure and what a reviewer wants to know.
"""

from __future__ import annotations

import sqlite3


def came_back_condition(outer: str, later: str = "d") -> str:
    """The SQL test that ``later`` is a repeat contact of ``outer`` (one ``?``: the window
    as a SQLite modifier, see :func:`window`)."""
    return (
        f"{later}.customer = {outer}.customer AND {later}.started_at > {outer}.started_at "
        f"AND {later}.started_at <= strftime('%Y-%m-%dT%H:%M:%SZ', {outer}.started_at, ?)"
    )


def window(days: int) -> str:
    """The parameter of :func:`came_back_condition` for a window of ``days`` days."""
    return f"+{int(days)} days"


def came_back_count(conn: sqlite3.Connection, conversation_id: str, days: int) -> int:
    """How often the customer of this conversation came back within ``days`` days."""
    row = conn.execute(
        f"""SELECT count(*) FROM conversations c JOIN conversations d ON {came_back_condition("c")}
            WHERE c.id = ? AND c.customer IS NOT NULL AND c.started_at IS NOT NULL""",
        (window(days), conversation_id),
    ).fetchone()
    return int(row[0])
