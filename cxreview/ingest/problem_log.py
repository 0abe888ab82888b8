"""Problems of an import, grouped by kind: one line per kind with its count and first lines.

A file with one systematic mistake (every row has role "end-user") has it on thousands of
lines; the user needs the mistake once, how often it occurs and where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LOCATED = re.compile(r"(?P<file>.+?):(?P<line>\d+)(?::\d+)?: (?P<rest>.*)\Z", re.S)
_CONVERSATION = re.compile(r"(?:conversation [^:]*: |record \d+: )")
_VARIABLE = re.compile(r'"[^"]*"|\d+(?:\.\d+)?')
SHOWN_LINES = 5
MAX_KINDS = 50


@dataclass
class _Kind:
    first: str
    count: int = 0
    lines: list[int] = field(default_factory=list)


class ProblemLog:
    """Collects problem lines; :meth:`summary` gives one line per file and kind."""

    def __init__(self) -> None:
        self.count = 0
        self._kinds: dict[tuple[str, str], _Kind] = {}

    def add(self, problem: str) -> None:
        self.count += 1
        match = _LOCATED.match(problem)
        if match is None:
            key = ("", problem)
            line = None
        else:
            rest = _CONVERSATION.sub("", match["rest"], count=1)
            key = (match["file"], _VARIABLE.sub("#", rest))
            line = int(match["line"])
        kind = self._kinds.get(key)
        if kind is None:
            if len(self._kinds) >= MAX_KINDS:
                key = ("", "...")
                kind = self._kinds.setdefault(key, _Kind("further kinds of problems not shown"))
            else:
                kind = self._kinds[key] = _Kind(problem)
        kind.count += 1
        if line is not None and len(kind.lines) < SHOWN_LINES and line not in kind.lines:
            kind.lines.append(line)

    def extend(self, problems: list[str]) -> None:
        for problem in problems:
            self.add(problem)

    def summary(self) -> list[str]:
        result = []
        for kind in self._kinds.values():
            if kind.count == 1:
                result.append(kind.first)
                continue
            more = ", ..." if kind.count > len(kind.lines) else ""
            place = f", on lines {', '.join(str(n) for n in kind.lines)}{more}" if kind.lines else ""
            result.append(f"{kind.first} [{kind.count:,} times in all{place}]")
        return result
