"""The unfiltered insights kept in the database between runs, with a stamp of their data.

`compute` takes about a minute on a million messages, and the review app's Insights screen
must open in under 2 s, also in a fresh run. Whoever computes the default view (all
conversations) stores it: `cxreview insights` without filters, the review app's warm-up.
A stored result counts only while the stamp of the data it read (store/insights_cache.py)
still matches; a stale one is never returned as current.

A result is stored only when nothing was written while it was computed (the stamp is the
same before and after) and every timestamp in the stamp is older than the second computing
started: a later write then always moves the stamp, even one in that same second.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from typing import Any

from cxreview.filters import Filters
from cxreview.insights import Group, Insights, Template, compute
from cxreview.insights_autoqa import MachineRow
from cxreview.progress import SILENT, Phases
from cxreview.store import Database
from cxreview.store import insights_cache as sql
from cxreview.store.clock import now_iso

# Part of the key: a change to what `compute` returns or to this format makes old rows unused.
FORMAT = 1


@dataclass
class Stored:
    insights: Insights
    computed_at: str  # when computing started (UTC)
    fresh: bool  # the data is still what it was computed from


def cache_key(filters: Filters, repeat_days: int) -> str | None:
    """The key of the stored insights; None for a filtered view (computed live, not stored)."""
    if any(filters.described().values()):
        return None
    return f"v{FORMAT} all conversations, repeat contact within {repeat_days} days"


def to_content(insights: Insights) -> str:
    return json.dumps(asdict(insights), ensure_ascii=False, separators=(",", ":"))


def from_content(content: str) -> Insights:
    """The Insights of ``to_content`` again, equal to the computed ones."""
    data: dict[str, Any] = json.loads(content)

    def templates(items: list[dict[str, Any]]) -> list[Template]:
        return [Template(**item) for item in items]

    def groups(items: list[dict[str, Any]]) -> list[Group]:
        return [Group(**item) for item in items]

    return Insights(
        filters=data["filters"],
        conversations=data["conversations"],
        answers={key: templates(items) for key, items in data["answers"].items()},
        unanswered=data["unanswered"],
        loop_prompts=templates(data["loop_prompts"]),
        stuck_by_queue=groups(data["stuck_by_queue"]),
        drivers={key: groups(items) for key, items in data["drivers"].items()},
        agents=groups(data["agents"]),
        handovers=templates(data["handovers"]),
        trajectories=data["trajectories"],
        repeat_days=data["repeat_days"],
        repeat_by_queue=groups(data["repeat_by_queue"]),
        repeat_by_answer=templates(data["repeat_by_answer"]),
        qa=data["qa"],
        csat=groups(data["csat"]),
        weeks=groups(data["weeks"]),
        machine=[MachineRow(**row) for row in data["machine"]],
    )


def stored(db: Database, filters: Filters, repeat_days: int) -> Stored | None:
    """The stored insights for this view, fresh or stale; None when there are none (or they
    were written by a version whose format this one cannot read)."""
    key = cache_key(filters, repeat_days)
    found = sql.read(db.conn, key) if key is not None else None
    if found is None:
        return None
    stamp, computed_at, content = found
    try:
        insights = from_content(content)
    except (ValueError, TypeError, KeyError):
        return None
    return Stored(insights, computed_at, stamp == sql.data_stamp(db.conn))


def compute_and_store(db: Database, filters: Filters, repeat_days: int, phases: Phases = SILENT) -> Insights:
    """Compute; store the result when it is the default view and the data held still."""
    key = cache_key(filters, repeat_days)
    if key is None or db.read_only:
        return compute(db, filters, repeat_days, phases)
    started, began = now_iso(), time.perf_counter()
    before = sql.data_stamp(db.conn)
    insights = compute(db, filters, repeat_days, phases)
    if sql.data_stamp(db.conn) == before and _latest(before) < started:
        try:
            with db.transaction() as conn:
                sql.write(conn, key, before, started, time.perf_counter() - began, to_content(insights))
        except Exception:  # noqa: BLE001 - a result that cannot be kept (locked, disk full) is only slower next time
            pass
    return insights


def cached_or_compute(db: Database, filters: Filters, repeat_days: int, phases: Phases = SILENT) -> Insights:
    """The stored insights while fresh, else computed now (and stored)."""
    found = stored(db, filters, repeat_days)
    if found is not None and found.fresh:
        return found.insights
    return compute_and_store(db, filters, repeat_days, phases)


def _latest(stamp: str) -> str:
    """The latest timestamp in a stamp (all are ISO UTC text, so text order is time order)."""
    return max((part for part in json.loads(stamp) if isinstance(part, str)), default="")
