"""The review TUI (Textual): the only package that imports textual."""

from cxreview.tui.terminal_guard import install as _guard_the_terminal

# Before any widget draws stored text: control characters never reach the terminal.
_guard_the_terminal()
