"""Pick one of the reviewer's open sessions."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from cxreview.tui.data import resume_target
from cxreview.tui.widgets.footer import KeyFooter

__all__ = ["SessionPickerScreen", "resume_target"]


class SessionPickerScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="picker.open", tooltip="Open the highlighted session"),
        Binding("i", "app.insights", "Insights", id="picker.insights", tooltip="Insights across all conversations"),
        Binding("d", "app.disputes", "Disputes", id="picker.disputes", tooltip="Open disputes, oldest first"),
        Binding("question_mark", "help", "Help", id="picker.help", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", id="picker.quit", tooltip="Leave cxreview"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="picker-intro")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="picker", exit_on_error=False)
    def load(self) -> list[dict[str, Any]]:
        return self.app.store.open_sessions(self.app.reviewer)  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Any) -> None:
        if event.worker.group != "picker" or not event.worker.is_finished:
            return
        if event.worker.error is not None:
            self.app.notify(str(event.worker.error), severity="error")
            return
        sessions = event.worker.result or []
        reviewer = self.app.reviewer  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        rows = []
        for session in sessions:
            progress = session["reviewers"][reviewer]
            rows.append(
                (
                    session["name"],
                    [
                        Text(session["name"]),
                        Text(session["strategy"] + (", blind" if session["calibration"] else "")),
                        Text(f"{progress['done']}/{progress['total']}"),
                        Text(str(progress["total"] - progress["done"])),
                        Text(session["rubric"]),
                    ],
                )
            )
        labels = ("Session", "Strategy", "Done", "To do", "Rubric")
        table.clear(columns=True)
        # Widths from the content: the table's own auto-width kept the labels' widths here.
        for index, label in enumerate(labels):
            width = max([len(label)] + [cells[index].cell_len for _, cells in rows])
            table.add_column(label, key=label, width=width)
        for key, cells in rows:
            table.add_row(*cells, key=key)
        intro = self.query_one("#picker-intro", Static)
        if sessions:
            intro.update(Text(f"Open sessions for {reviewer}. Enter opens one.", style="bold"))
            table.focus()
        else:
            intro.update(
                Text(
                    f"{reviewer} has no open sessions. Create one with:\n"
                    f"  cxreview sample --size 20 --reviewer {reviewer}"
                )
            )

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            name = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            self.app.open_session(name)  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_session(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("sessions", self.BINDINGS))
