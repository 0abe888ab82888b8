"""Random probes fetched ahead: the rowids a seeded generator asks for next, in one query.

Sampling probes random rowids (cxreview.sampling). One query per probe costs nothing on
SQLite but a round trip each on PostgreSQL, so the next rowids are read off a copy of the
generator and fetched together. The generator itself is used exactly as before: the same
seed and data give the same session, probe for probe, on both engines.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any, Protocol

from cxreview.store import Database
from cxreview.store import probes as sql

BATCH = 256  # rowids per query: a round trip's worth of work, few wasted when picks finish
KEEP = 100_000  # rows kept between batches; beyond that the cache starts again (memory)


class Remembers(Protocol):
    """What the probes tell the candidate checks: which rows are taken, and their kinds."""

    wants_kind: bool

    def remember(self, rows: Iterable[Any]) -> None: ...


class Probes:
    """The row at a rowid (or None), from batches fetched ahead of the generator.

    ``randoms_per_probe``: how many ``random()`` calls the caller makes between two probes
    (spotlight draws one per probed conversation it weighs). A wrong guess only costs
    another query: a rowid not fetched ahead is fetched when it is asked for."""

    def __init__(
        self,
        db: Database,
        candidates: Remembers,
        rng: random.Random,
        bounds: tuple[int, int],
        randoms_per_probe: int = 0,
    ) -> None:
        self.db = db
        self.candidates = candidates
        self.rng = rng
        self.low, self.high = bounds
        self.randoms = randoms_per_probe
        self._rows: dict[int, Any] = {}

    def row(self, rowid: int) -> Any | None:
        if rowid not in self._rows:
            self._fetch(rowid)
        return self._rows[rowid]

    def _fetch(self, rowid: int) -> None:
        if len(self._rows) > KEEP:
            self._rows.clear()
        ahead = random.Random()
        ahead.setstate(self.rng.getstate())  # a copy: the real generator is not moved
        wanted = {rowid}
        for _ in range(BATCH - 1):
            for _ in range(self.randoms):
                ahead.random()
            wanted.add(ahead.randint(self.low, self.high))
        found = {row["rowid"]: row for row in sql.rows_at(self.db.conn, sorted(wanted), self.candidates.wants_kind)}
        self.candidates.remember(found.values())
        for number in wanted:
            self._rows[number] = found.get(number)
