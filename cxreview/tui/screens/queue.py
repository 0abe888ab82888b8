"""The session queue: every conversation of the session with status, badges and why."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from cxreview.tui.data import QueueItem, SessionInfo
from cxreview.tui.messages import SessionLoaded, WorkFailed

# What a reviewer decides on comes first, so nothing important hides at 80 columns.
COLUMNS = ("#", "Status", "Conversation", "Flags", "Agent", "Why picked", "Queue", "Ch", "Lang", "Msgs")
STATUS_STYLE = {"to do": "", "in progress": "bold dark_orange", "done": "green3"}


class QueueScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Review", id="queue.open", tooltip="Review the highlighted conversation"),
        Binding("n", "next_open", "Next to do", id="queue.next", tooltip="Jump to the next conversation to do"),
        Binding("escape", "back", "Sessions", id="queue.back", tooltip="Back to the list of sessions"),
        Binding("i", "app.insights", "Insights", id="queue.insights", tooltip="Insights across all conversations"),
        Binding("question_mark", "help", "Help", id="queue.help", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", id="queue.quit", tooltip="Leave cxreview (everything is saved)"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.session_name = name
        self.session: SessionInfo | None = None
        self.resume_draft = False
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="queue-title")
        yield ProgressBar(total=1, id="queue-progress", show_eta=False)  # a total: no animated "indeterminate" bar
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def on_screen_suspend(self) -> None:
        self._stale = True  # a review was opened over the queue: statuses may change

    def on_screen_resume(self) -> None:
        if self.session is not None and self._stale:
            self._stale = False
            self.load()

    @work(thread=True, exclusive=True, group="queue", exit_on_error=False)
    def load(self) -> None:
        try:
            session = self.app.store.session(self.session_name, self.app.reviewer)  # type: ignore[attr-defined]
        except Exception as error:  # noqa: BLE001 - shown to the reviewer, the app keeps running
            self.post_message(WorkFailed(str(error)))
            return
        self.post_message(SessionLoaded(session))

    def on_work_failed(self, message: WorkFailed) -> None:
        self.app.notify(message.error, severity="error", timeout=8)

    def on_session_loaded(self, message: SessionLoaded) -> None:
        session = self.session = message.session
        table = self.query_one(DataTable)
        row = table.cursor_row
        cells = [self._cells(item) for item in session.items]
        keys = [item.conversation_id for item in session.items]
        # Column widths come from the content: the table's own auto-width sometimes kept
        # the labels' widths (a race with its idle-time measuring), cutting values off.
        table.clear(columns=True)
        for index, column in enumerate(COLUMNS):
            width = max([len(column)] + [_width(values[index]) for values in cells])
            table.add_column(column, key=column, width=width)
        for key, values in zip(keys, cells, strict=True):
            table.add_row(*values, key=key)
        total, done = len(session.items), session.done
        kind = "blind calibration, " if session.calibration else ""
        self.query_one("#queue-title", Static).update(
            Text(f"Session {session.name} · {kind}rubric {session.rubric.name} · {done}/{total} done", style="bold")
        )
        self.query_one(ProgressBar).update(total=total, progress=done)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        table.focus()
        if self.resume_draft:
            # Reopening resumes where the reviewer was: the conversation left in progress.
            self.resume_draft = False
            for index, item in enumerate(session.items):
                if item.status == "in progress":
                    table.move_cursor(row=index)
                    self.app.open_review(session, index)  # type: ignore[attr-defined]
                    break

    @staticmethod
    def _cells(item: QueueItem) -> list[Text | str]:
        why = item.reason if item.pick != "random" else "random pick"
        return [
            str(item.position),
            Text(item.status, style=STATUS_STYLE[item.status]),
            Text(item.conversation_id),
            Text(" ".join(item.badges) or "-", style="bold red3" if item.badges else "dim"),
            Text(item.agent or "bot only"),
            Text(why if len(why) <= 40 else why[:39] + "…"),
            Text(item.queue or "-"),
            Text(item.channel or "-"),
            Text(item.language or "-"),
            str(item.n_messages),
        ]

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        if self.session is None or not table.row_count:
            return None
        return table.cursor_row

    def action_open(self) -> None:
        index = self._selected()
        if index is not None and self.session is not None:
            self.app.open_review(self.session, index)  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_next_open(self) -> None:
        if self.session is None:
            return
        table = self.query_one(DataTable)
        for index, item in enumerate(self.session.items):
            if item.status != "done":
                table.move_cursor(row=index)
                return
        self.app.notify("Every conversation of this session is done.")

    def action_back(self) -> None:
        self.app.show_picker()  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("session queue", self.BINDINGS))


def _width(value: Text | str) -> int:
    return value.cell_len if isinstance(value, Text) else len(value)
