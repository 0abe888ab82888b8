"""Insights across all conversations, in the review app (key i)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class InsightsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,i", "close", "Back", id="insights.back", tooltip="Back to where you were"),
        Binding("question_mark", "help", "Help", id="insights.help", tooltip="Show every key"),
    ]

    parts: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="insights-body"):
            yield Static(Text("Computing insights over all conversations…", style="dim"), id="insights-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#insights-body").focus()
        self.compute()

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def compute(self) -> None:
        from cxreview.filters import Filters
        from cxreview.insights import compute
        from cxreview.reports.insights_report import renderables

        try:
            parts = self.app.store.run(lambda db: renderables(compute(db, Filters())))  # type: ignore[attr-defined]
        except Exception as error:  # noqa: BLE001 - shown, the app keeps running
            self.app.call_from_thread(self.app.notify, f"Insights failed: {error}", severity="error")
            return
        self.app.call_from_thread(self._show, parts)

    def _show(self, parts: list[Any]) -> None:
        self.parts = parts
        body = self.query_one("#insights-body")
        self.query_one("#insights-status").remove()
        body.mount_all([Static(part) for part in parts])

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("insights", self.BINDINGS))
