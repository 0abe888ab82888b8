"""The whole of a very long message (key x), masked and wrapped in a worker as it streams in.

Only visible lines become strips (the Line API), so a 50 MB message scrolls like a short one;
the screen and quit respond while the rest is still being prepared.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static
from textual.worker import get_current_worker

from cxreview.privacy import mask_pii
from cxreview.tui.long_text import chunks, wrap_plain
from cxreview.tui.messages import LinesWrapped
from cxreview.tui.widgets.footer import KeyFooter


class LongText(ScrollView, can_focus=True):
    """Plain lines, appended as they are wrapped; each visible line is a Text (never markup)."""

    DEFAULT_CSS = "LongText { height: 1fr; scrollbar-gutter: stable; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lines: list[str] = []

    def append(self, lines: list[str]) -> None:
        self.lines.extend(lines)
        self.virtual_size = Size(self.size.width, len(self.lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        text = Text(self.lines[index], style=self.rich_style)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style).apply_offsets(scroll_x, index)


class LongMessageScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,x", "close", "Back", id="long.back", tooltip="Back to the conversation"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="long.page_down", tooltip="Scroll down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="long.page_up", tooltip="Scroll up"),
    ]

    def __init__(self, position: int, text: str, masked: bool) -> None:
        super().__init__()
        self.position = position
        self.text = text
        self.masked = masked
        self.done = 0

    def compose(self) -> ComposeResult:
        yield Static(id="long-title")
        yield LongText(id="long-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._title()
        body = self.query_one(LongText)
        body.focus()
        self.prepare(max(20, body.scrollable_content_region.width or self.app.size.width - 2))

    def _title(self) -> None:
        share = f"{self.done / len(self.text):.0%} prepared" if self.done < len(self.text) else "all shown"
        masked = "personal data masked" if self.masked else "personal data shown"
        self.query_one("#long-title", Static).update(
            Text(f"Message {self.position} · {len(self.text):,} characters · {masked} · {share}", style="bold")
        )

    @work(thread=True, exclusive=True, group="long-message", exit_on_error=False)
    def prepare(self, width: int) -> None:
        """Mask and wrap piece by piece; post lines about ten times a second; stop as soon as
        the screen closes (the worker is cancelled)."""
        worker = get_current_worker()
        batch: list[str] = []
        done = 0
        sent = time.monotonic()
        for done, piece in chunks(self.text):
            if worker.is_cancelled:
                return
            shown = mask_pii(piece) if self.masked else piece
            batch.extend(wrap_plain(shown, width))
            if time.monotonic() - sent > 0.1 or done >= len(self.text):
                self.post_message(LinesWrapped(batch, done))
                batch, sent = [], time.monotonic()
        if batch:
            self.post_message(LinesWrapped(batch, done))

    def on_lines_wrapped(self, message: LinesWrapped) -> None:
        self.done = message.done
        self.query_one(LongText).append(message.lines)
        self._title()

    def action_page(self, step: int) -> None:
        body = self.query_one(LongText)
        body.scroll_to(y=body.scroll_offset.y + step * max(1, body.size.height - 1), animate=False)

    def action_close(self) -> None:
        self.workers.cancel_group(self, "long-message")
        self.app.pop_screen()
