"""The unfiltered insights kept in the database between runs, with a stamp of their data.

`compute` takes about a minute on a million messages, and the review app's Insights screen
must open in under 2 s, also in a fresh run. Whoever computes the default view (all
conversations) stores it: `cxreview insights` without filters, the review app's warm-up.
A stored result counts only while the stamps of the data it read (store/insights_cache.py)
still match; a stale one is never returned as current. The stamps are per group of sections
(cxreview.insights.GROUPS): after a review only the review sections are computed again (a
fraction of a second), the message and signal sections are kept while their data is unchanged.

A result is stored only when nothing was written while it was computed (the stamps are the
same before and after) and every timestamp in them is older than the second computing
started: a later write then always moves a stamp, even one in that same second.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from cxreview.filters import Filters
from cxreview.insights import GROUPS, Group, Insights, Template, compute, recompute
from cxreview.insights_autoqa import MachineRow
from cxreview.progress import SILENT, Phases
from cxreview.store import Database
from cxreview.store import insights_cache as sql
from cxreview.store.clock import now_iso

# Part of the key: a change to what `compute` returns or to this format makes old rows unused.
FORMAT = 4  # 2: a stamp per group of sections; 3: machine_left_out; 4: languages


@dataclass
class Stored:
    insights: Insights
    computed_at: str  # when computing started (UTC)
    stale: list[str]  # the groups of sections whose data changed since (empty: all current)
    stamps: dict[str, Any] = field(default_factory=dict, repr=False)  # per group, as stored

    @property
    def fresh(self) -> bool:
        """The data is still what every section was computed from."""
        return not self.stale


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
        machine_left_out=data["machine_left_out"],
        languages=data["languages"],
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
        stamps = json.loads(stamp)
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(stamps, dict):
        return None
    return Stored(insights, computed_at, _stale(stamps, sql.data_stamps(db.conn)), stamps)


def compute_and_store(
    db: Database, filters: Filters, repeat_days: int, phases: Phases = SILENT, previous: Stored | None = None
) -> Insights:
    """Compute; store the result when it is the default view and the data held still. With
    ``previous`` (the stored result, stale), only the groups of sections whose data changed
    since are computed; the others are kept."""
    key = cache_key(filters, repeat_days)
    if key is None:
        return compute(db, filters, repeat_days, phases)
    started, began = now_iso(), time.perf_counter()
    before = sql.data_stamps(db.conn)
    stale = _stale(previous.stamps, before) if previous is not None else list(GROUPS)
    if previous is not None and not stale:
        return previous.insights  # current again (a change was undone): nothing to compute
    if previous is not None and len(stale) < len(GROUPS):
        insights = recompute(db, previous.insights, stale, filters, repeat_days, phases)
    else:
        insights = compute(db, filters, repeat_days, phases)
    if not db.read_only and sql.data_stamps(db.conn) == before and _latest(before) < started:
        try:
            with db.transaction() as conn:
                sql.write(conn, key, json.dumps(before), started, time.perf_counter() - began, to_content(insights))
        except Exception:  # noqa: BLE001 - a result that cannot be kept (locked, disk full) is only slower next time
            pass
    return insights


def cached_or_compute(db: Database, filters: Filters, repeat_days: int, phases: Phases = SILENT) -> Insights:
    """The stored insights while fresh, else computed now (only the stale groups of sections
    when there is a stored result) and stored."""
    found = stored(db, filters, repeat_days)
    if found is not None and found.fresh:
        return found.insights
    return compute_and_store(db, filters, repeat_days, phases, previous=found)


def _stale(kept: dict[str, Any], current: dict[str, list[Any]]) -> list[str]:
    """The groups whose stamp moved (a group without a kept stamp counts as moved)."""
    return [group for group in GROUPS if kept.get(group) != current[group]]


def _latest(stamps: dict[str, list[Any]]) -> str:
    """The latest timestamp in the stamps (all are ISO UTC text, so text order is time order)."""
    return max((part for parts in stamps.values() for part in parts if isinstance(part, str)), default="")
