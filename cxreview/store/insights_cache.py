"""The stored insights (schema 15): what `compute` returned, with stamps of the data it read.

A stamp is a handful of counts, sums and latest timestamps over tables insights read, one per
group of sections (cxreview.insights.GROUPS): "signals" over conversations and messages,
signals, phases and flags (an import or a re-analysis moves it); "reviews" over those and
reviews and scores, AutoQA models and scores (a score, a submission or a new model moves it
too, and only it). It costs one pass over the conversation and signal rows (about 80 ms on
a million messages).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from cxreview.store.calibrated import review_stamp

_SIGNALS = (
    "SELECT count(*), coalesce(sum(n_messages), 0), max(imported_at) FROM conversations",
    "SELECT count(*), max(analyzed_at) FROM conversation_signals",
    "SELECT count(*) FROM conversation_phases",
    "SELECT count(*) FROM message_flags",
    "SELECT count(*) FROM conversation_flags",
)
_AUTOQA = (
    "SELECT count(*), coalesce(sum(active), 0), coalesce(sum(reliable), 0), max(trained_at) FROM autoqa_models",
    "SELECT count(*), max(scored_at) FROM autoqa_scores",
)


def data_stamps(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    """Per group of sections, what changes whenever data those sections read changes."""
    signals = _parts(conn, _SIGNALS)
    reviews = [*signals, *_parts(conn, _AUTOQA), *_plain(review_stamp(conn))]
    return {"signals": signals, "reviews": reviews}


def _parts(conn: sqlite3.Connection, queries: tuple[str, ...]) -> list[Any]:
    parts: list[Any] = []
    for query in queries:
        parts.extend(conn.execute(query).fetchone())
    return _plain(parts)


def _plain(parts: Any) -> list[Any]:
    """JSON-safe values that compare equal after a round trip (PostgreSQL sums are Decimals)."""
    return [p if p is None or isinstance(p, (int, str)) else float(p) for p in parts]


def read(conn: sqlite3.Connection, key: str) -> tuple[str, str, str] | None:
    """(stamp, computed_at, content) stored under ``key``, or None."""
    row = conn.execute("SELECT stamp, computed_at, content FROM insights_cache WHERE key = ?", (key,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def write(conn: sqlite3.Connection, key: str, stamp: str, computed_at: str, seconds: float, content: str) -> None:
    conn.execute(
        "INSERT INTO insights_cache (key, stamp, computed_at, seconds, content) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET stamp = excluded.stamp, computed_at = excluded.computed_at, "
        "seconds = excluded.seconds, content = excluded.content",
        (key, stamp, computed_at, seconds, content),
    )
