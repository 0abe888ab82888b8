"""Insights for the review app, computed once per filter and warmed at start on big databases.

On a million messages `compute` takes seconds; the Insights screen must open in under 2 s.
So the app computes the unfiltered insights in the background as soon as it starts (on its
own read connection: the review screen's connection and lock stay free), in a daemon thread
(quit never waits for it), and keeps every result for the rest of the run, with what the
screen shows of it (the formatted sections, what each row opens, the intro) made ready too.
"""

from __future__ import annotations

import threading
from typing import Any

from cxreview.filters import Filters
from cxreview.store import open_database

WARM_FROM_CONVERSATIONS = 10_000  # about 100,000 messages; below, computing on demand is quick


class InsightsCache:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()  # one computation at a time; a second caller waits for it
        self._done: dict[str, Any] = {}
        self._shown: dict[str, tuple[Any, Any, str]] = {}  # per filter: sections, drill keys, intro

    @staticmethod
    def _key(filters: Filters) -> str:
        return repr(sorted(filters.described().items()))

    def get(self, filters: Filters) -> Any:
        """The insights for ``filters`` (computed now unless already done or under way)."""
        from cxreview.insights import compute
        from cxreview.signals.config import repeat_contact_days

        key = self._key(filters)
        with self._lock:
            if key not in self._done:
                with open_database(self.path, create=False) as db:
                    self._done[key] = compute(db, filters, repeat_contact_days())
            return self._done[key]

    def screen_parts(self, filters: Filters) -> tuple[Any, Any, str]:
        """What the Insights screen shows for ``filters``: (sections, drill keys, intro),
        formatted once (the warm-up does it too, so pressing i only builds the tables)."""
        from cxreview.reports.insights_report import intro, sections
        from cxreview.tui.screens.insights import drill_keys

        insights = self.get(filters)
        key = self._key(filters)
        with self._lock:
            if key not in self._shown:
                self._shown[key] = (sections(insights), drill_keys(insights), intro(insights))
            return self._shown[key]

    def warm(self) -> threading.Thread:
        """Start computing the unfiltered insights in the background when the database is big."""
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
