"""The compact footer's keys drawn as one widget, looking and acting like Textual's keys.

Textual's footer makes every key a widget of its own, styled, laid out and painted one by
one: the review screen's nine keys were a third of its widgets and about a tenth of the
app's start. Here they are one line of text with the same styles: a key that cannot act is
dim and rings the bell when clicked, the key under the mouse is highlighted and shows its
tooltip, a click presses the key (one that cannot act also rings the bell, and the screen
says why). The key names come from the keymap (``get_key_display``)
and are never read as markup.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets._footer import FooterKey  # not exported by Textual: its styles are copied

# The mouse pointer over a key, where Textual's own keys set it (newer Textual versions only:
# an older one would refuse the property).
_POINTER = "&:hover { pointer: pointer; }" if "pointer:" in FooterKey.DEFAULT_CSS else ""


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class KeyStrip(Widget):
    """Footer keys in one line (the styles are those of Textual's compact FooterKey)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "key-strip--item", "key-strip--hover"}
    DEFAULT_CSS = (
        """
    KeyStrip {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-strip--item { background: $footer-item-background; }
        & > .key-strip--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        POINTER
    }
    """
    ).replace("POINTER", _POINTER)

    def __init__(self, entries: list[FooterEntry]) -> None:
        super().__init__()
        self.entries = entries
        self._spans: list[tuple[int, int]] = []  # cells of each key, for the mouse
        self._hover: int | None = None

    def show(self, entries: list[FooterEntry]) -> None:
        """New keys (the screen's bindings changed): drawn again, nothing is mounted."""
        self.entries = entries
        self._spans = []  # the old keys' cells mean nothing now: measured again when drawn
        self._hover = None
        self.tooltip = None
        self.refresh(layout=True)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key", partial=True)
        description_style = self.get_component_rich_style("footer-key--description", partial=True)
        item = self.rich_style + self.get_component_rich_style("key-strip--item", partial=True)
        hover = self.get_component_rich_style("key-strip--hover", partial=True)
        line = Text(no_wrap=True, end="")
        spans = []
        for index, entry in enumerate(self.entries):
            start = line.cell_len
            if entry.description:
                key = Text.assemble((entry.display, key_style), (" " + entry.description, description_style))
            else:
                key = Text(entry.display, key_style)
            style = item if entry.enabled else item + Style(dim=True)
            key.stylize_before(style + hover if index == self._hover else style)
            line.append_text(key)
            spans.append((start, line.cell_len))
            line.append(" ")  # the margin after each key
        self._spans = spans
        return line

    def _at(self, x: int) -> int | None:
        spans = self._spans[: len(self.entries)]
        return next((index for index, (start, end) in enumerate(spans) if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = self.entries[index].tooltip or None if index is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._at(event.x)
        if index is None:
            return
        if not self.entries[index].enabled:
            self.app.bell()
        # A key that cannot act is pressed too: the screen says why (no key is silent).
        self.app.simulate_key(self.entries[index].key)
