"""Progress in phases for long steps: what the core reports, whatever shows it (CLI bar, nothing).

A step that takes seconds on a large database (insights, exports, calibration, reports,
sampling) reports its phases through a ``Phases`` object: the CLI passes a progress bar on
stderr (silent under --quiet or off a terminal), library callers and tests the silent one.
"""

from __future__ import annotations

from typing import Protocol


class Phases(Protocol):
    def reset(self, description: str, total: int | None) -> None:
        """Start a phase of ``total`` units at 0 (None: unknown, the bar pulses)."""

    def advance(self, amount: int) -> None:
        """``amount`` more units of the current phase are done."""


class _Silent:
    def reset(self, description: str, total: int | None) -> None:
        pass

    def advance(self, amount: int) -> None:
        pass


SILENT: Phases = _Silent()


class Steps:
    """A fixed list of named steps, each a phase of its own: "Insights (2/9): loop hotspots".
    A step is mostly one SQL query, whose progress nobody knows: its bar pulses, the
    elapsed time runs, and the name and number say how far the whole is."""

    def __init__(self, phases: Phases, title: str, total: int) -> None:
        self.phases = phases
        self.title = title
        self.total = total
        self.number = 0

    def next(self, name: str) -> None:
        self.number += 1
        self.phases.reset(f"{self.title} ({self.number}/{self.total}): {name}", None)
