"""The conversation filters of export, sample, insights and reports: one type, two uses.

The store turns a ``Filters`` into a SQL condition (``store/filtering.py``); sampling and
the review export test rows in memory with ``Filters.matches``. Both compare ``started_at``
against the same bounds, normalised to UTC, so the two can never disagree.

Times: stored ``started_at`` values are UTC (``2026-03-05T09:00:00Z``). A bound with an
offset (``2026-03-05T10:00:00+02:00``) is converted to UTC; one without (a bare date, or a
time without offset) is read as UTC. ``--to`` is inclusive: a bare date means up to the end
of that day, a time up to and including that second.

This module imports nothing of cxreview: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

# The filterable columns of a conversation and the Filters field holding the wanted values.
COLUMNS = (("queue", "queues"), ("channel", "channels"), ("agent", "agents"), ("language", "languages"))


def parse_bound(value: str) -> datetime:
    """A date or ISO 8601 time as an aware UTC datetime; ValueError if it is neither."""
    text = value.strip()
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _is_date(value: str) -> bool:
    return len(value.strip()) == 10


def _stored_form(moment: datetime) -> str:
    """Whole seconds, no suffix: compares right against every stored form (``...:00Z``,
    ``...:00.5Z``), because a stored time of the same second is longer and so sorts after."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _ceil_second(moment: datetime) -> datetime:
    return moment.replace(microsecond=0) + timedelta(seconds=1) if moment.microsecond else moment


def empty_range(since: str | None, to: str | None) -> bool:
    """True when ``to`` ends before ``since`` starts (the dates typed the wrong way round):
    no conversation can match."""
    start, end = _bounds(since, to)
    return start is not None and end is not None and start >= end


@lru_cache(maxsize=64)
def _bounds(since: str | None, to: str | None) -> tuple[str | None, str | None]:
    """(inclusive start, exclusive end) in the stored form; cached, as rows are tested one by one."""
    start = _stored_form(_ceil_second(parse_bound(since))) if since else None
    end = None
    if to:
        step = timedelta(days=1) if _is_date(to) else timedelta(seconds=1)
        end = _stored_form(parse_bound(to).replace(microsecond=0) + step)
    return start, end


@dataclass
class Filters:
    """Common filters of export, sample and insights: all optional, combined with AND.

    ``since`` and ``to`` keep what the user typed (for reports); ``start`` and ``end`` are
    the UTC bounds every comparison uses: ``start <= started_at < end``.
    """

    since: str | None = None
    to: str | None = None
    queues: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("since", "to"):
            value = getattr(self, name)
            if value:
                try:
                    parse_bound(value)
                except ValueError:
                    raise ValueError(f'{name} "{value}" is not a date or time; write it as 2026-03-05') from None

    @property
    def start(self) -> str | None:
        """Inclusive lower bound on started_at, in UTC (None: no bound)."""
        return _bounds(self.since, self.to)[0]

    @property
    def end(self) -> str | None:
        """Exclusive upper bound on started_at, in UTC: the day after a bare date, the
        second after a time (None: no bound)."""
        return _bounds(self.since, self.to)[1]

    def values(self) -> list[tuple[str, list[str]]]:
        """(column, wanted values) for each column filter that is set."""
        return [(column, getattr(self, name)) for column, name in COLUMNS if getattr(self, name)]

    def matches(self, row: Mapping[str, Any] | Any) -> bool:
        """True when a conversation row (a mapping with started_at and the filter columns)
        passes; the same test the store's SQL condition makes."""
        start, end = self.start, self.end
        if start is not None or end is not None:
            started = row["started_at"]
            if started is None:
                return False
            if start is not None and started < start:
                return False
            if end is not None and started >= end:
                return False
        return all(row[column] in wanted for column, wanted in self.values())

    def described(self) -> dict[str, Any]:
        """The filters that are set, as the user gave them (for report headers)."""
        return {k: v for k, v in vars(self).items() if v}
