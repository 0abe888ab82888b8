"""Insights for the review app: stored in the database between runs, kept per filter in a run.

On a million messages `compute` takes about a minute; the Insights screen must open in under
2 s. The unfiltered insights are stored in the database with a stamp of their data
(cxreview/insights_cache.py) by whoever computes them: `cxreview insights`, or this app's
warm-up, which starts after the first paint on big databases (its own read connection, a
daemon thread: quit never waits for it) and computes only when the stored result is missing
or stale. A fresh stored result opens at once; a stale one is shown labelled "as of" while the
current one is computed; filtered views are computed live, with their steps on screen. What
the screen shows of each result (the formatted sections, what each row opens, the intro) is
made once, and for the unfiltered view kept only while its data stamps hold: after the
reviewer scores in this run, the next `i` shows it labelled while the review sections (only
they) are computed again.
"""

from __future__ import annotations

import threading
from typing import Any

from cxreview.filters import Filters
from cxreview.progress import SILENT, Phases
from cxreview.store import open_database

WARM_FROM_CONVERSATIONS = 10_000  # about 100,000 messages; below, computing on demand is quick

Parts = tuple[Any, Any, str]  # sections, drill keys, intro


class InsightsCache:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()  # one computation at a time; a second caller waits for it
        self._done: dict[str, Any] = {}
        self._shown: dict[str, Parts] = {}  # per filter: sections, drill keys, intro
        self._stamps: dict[str, Any] = {}  # unfiltered view: the data stamps its result was made from

    @staticmethod
    def _key(filters: Filters) -> str:
        return repr(sorted(filters.described().items()))

    def get(self, filters: Filters, phases: Phases = SILENT) -> Any:
        """The current insights for ``filters``: kept, stored and fresh, or computed now
        (and stored when unfiltered). A second caller waits for a computation under way."""
        from cxreview.insights_cache import cached_or_compute
        from cxreview.signals.config import repeat_contact_days
        from cxreview.store.insights_cache import data_stamps

        key = self._key(filters)
        with self._lock:
            if key not in self._done:
                with open_database(self.path, create=False) as db:
                    before = data_stamps(db.conn) if _stored_view(filters) else None
                    self._done[key] = cached_or_compute(db, filters, repeat_contact_days(), phases)
                    if before is not None and data_stamps(db.conn) == before:
                        self._stamps[key] = before  # else unknown: the next `ready` finds it moved
            return self._done[key]

    def ready(self, filters: Filters) -> Parts | None:
        """What the screen shows for ``filters`` when already made in this run and, for the
        unfiltered view, still current (its data stamps checked: about 0.1 s on a million
        messages); None otherwise (no waiting for a computation under way)."""
        key = self._key(filters)
        parts = self._shown.get(key)
        if parts is not None and _stored_view(filters) and self._moved(key):
            for kept in (self._done, self._shown, self._stamps):
                kept.pop(key, None)  # no lock: a computation under way must not block this
            return None
        return parts

    def _moved(self, key: str) -> bool:
        from cxreview.store.insights_cache import data_stamps

        with open_database(self.path, create=False) as db:
            return bool(self._stamps.get(key) != data_stamps(db.conn))

    def stored_parts(self, filters: Filters) -> tuple[Parts, str, bool] | None:
        """The stored result for ``filters`` without waiting for a computation under way:
        (what the screen shows, computed at, fresh), or None. Fresh ones are kept for the run."""
        from cxreview.insights_cache import stored
        from cxreview.signals.config import repeat_contact_days

        with open_database(self.path, create=False) as db:
            found = stored(db, filters, repeat_contact_days())
        if found is None:
            return None
        parts = _parts(found.insights)
        if found.fresh:  # kept for the run (no lock: a computation under way must not block this)
            self._done.setdefault(self._key(filters), found.insights)
            self._shown.setdefault(self._key(filters), parts)
            self._stamps.setdefault(self._key(filters), found.stamps)
        return parts, found.computed_at, found.fresh

    def screen_parts(self, filters: Filters, phases: Phases = SILENT) -> Parts:
        """What the Insights screen shows for ``filters``: (sections, drill keys, intro),
        formatted once (the warm-up does it too, so pressing i only builds the tables)."""
        insights = self.get(filters, phases)
        key = self._key(filters)
        with self._lock:
            if key not in self._shown:
                self._shown[key] = _parts(insights)
            return self._shown[key]

    def warm(self) -> threading.Thread:
        """Start making the unfiltered insights ready in the background on a big database."""
        thread = threading.Thread(target=self._warm, name="insights-warm", daemon=True)
        thread.start()
        return thread

    def _warm(self, warm_from: int = WARM_FROM_CONVERSATIONS) -> None:
        from cxreview.store.conversations import conversation_count_estimate

        try:
            with open_database(self.path, create=False) as db:
                big = conversation_count_estimate(db.conn) >= warm_from
            if big:
                self.screen_parts(Filters())
        except Exception:  # noqa: BLE001 - a warm-up only; the screen computes (and reports) on demand
            return


def _stored_view(filters: Filters) -> bool:
    """The unfiltered view: the one stored with data stamps (filtered ones are computed live)."""
    from cxreview.insights_cache import cache_key

    return cache_key(filters, 0) is not None


def _parts(insights: Any) -> Parts:
    from cxreview.reports.insights_report import intro, sections
    from cxreview.tui.screens.insights import drill_keys

    return sections(insights), drill_keys(insights), intro(insights)
