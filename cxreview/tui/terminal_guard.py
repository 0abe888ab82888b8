"""The last guard between stored text and the terminal: no control character is ever drawn.

Textual and Rich strip only BEL, BS, VT, FF and CR from the text they render; ESC and the
other C0/C1 controls reach the terminal as they are, so a stored "\x1b]0;title\x07" or
"\x1b[2J" would retitle or clear the reviewer's terminal. cxreview cleans text and names on
import and on entry (cxreview.hygiene), but a database written by an older version or edited
by another tool (SQL, Datasette) can still hold them. Both libraries strip through one
translation table each; adding every other control character (tab and newline stay) to those
tables makes every display path safe at once, whichever widget draws the text. The tables are
module attributes, not public API: tests/tui/test_terminal_guard.py fails if a new Textual or
Rich drops them, so the guard can never silently stop working.
"""

from __future__ import annotations

import rich.control
import textual.content

# C0 except tab (9) and newline (10), DEL, and C1.
CONTROL_CODES = (*range(0, 9), *range(11, 32), *range(127, 160))


def install() -> None:
    """Extend Rich's and Textual's strip tables (idempotent)."""
    extra = dict.fromkeys(CONTROL_CODES)
    for module in (rich.control, textual.content):
        table = getattr(module, "_CONTROL_STRIP_TRANSLATE", None)
        if isinstance(table, dict):
            table.update(extra)


def installed() -> bool:
    """Whether both tables strip ESC (what the test checks)."""
    return all(27 in getattr(module, "_CONTROL_STRIP_TRANSLATE", {}) for module in (rich.control, textual.content))
