"""Help: every key of the screen it was opened from."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, title: str, bindings: list[Any]) -> None:
        super().__init__()
        self.title_text = title
        self.key_bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table(title=Text(f"Keys: {self.title_text}"), expand=True, show_edge=False)
        table.add_column("Key", no_wrap=True, style="bold")
        table.add_column("Action")
        table.add_column("id (keymap)", style="dim", no_wrap=True)
        keymap: dict[str, str] = getattr(self.app, "_keymap", {})  # the user's keys, when remapped
        seen = set()
        digits = [b for b in self.key_bindings if b.action.startswith("score(")]
        if digits:
            table.add_row(
                Text("0-9"), Text("Give the focused criterion that level and move to the next"), Text("review.score_N")
            )
        for binding in self.key_bindings:
            if binding.action in seen or binding.action.startswith("score("):
                continue
            seen.add(binding.action)
            remapped = keymap.get(binding.id or "")
            keys = (not remapped and binding.key_display) or ", ".join(
                _key_name(k) for k in (remapped or binding.key).split(",")
            )
            table.add_row(Text(keys), Text(binding.tooltip or binding.description), Text(binding.id or ""))
        table.add_row(Text("ctrl+p"), Text("Command palette: search every action by name"), Text(""))
        table.add_row(Text("ctrl+q"), Text("Quit (everything is already saved)"), Text("app.quit"))
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static(Text("Press escape or ? to close.", style="dim"))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


def _key_name(key: str) -> str:
    names = {
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "escape": "esc",
        "enter": "enter",
        "up": "↑",
        "down": "↓",
        "left": "←",
        "right": "→",
    }
    return names.get(key, key)
