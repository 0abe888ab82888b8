"""From an insight to its conversations: the list behind a row, one conversation read-only,
and adding it to one of the reviewer's sessions (key a)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, OptionList, Static

from cxreview.errors import CxReviewError
from cxreview.filters import Filters
from cxreview.parties import agent_label
from cxreview.privacy import mask_pii
from cxreview.tui.widgets.footer import KeyFooter
from cxreview.tui.widgets.transcript import Transcript

COLUMNS = ("Conversation", "Started", "Agent", "Queue", "Ch", "Lang", "Msgs", "Outcome")


class DrillScreen(Screen[None]):
    """The conversations behind one row of insights."""

    BINDINGS = [
        Binding("enter", "open", "Read", id="drill.open", tooltip="Read the highlighted conversation (read-only)"),
        Binding("a", "add", "Add to session", id="drill.add", tooltip="Add it to one of your open sessions"),
        Binding("escape", "close", "Insights", id="drill.back", tooltip="Back to the insights"),
    ]

    def __init__(
        self, kind: str, value: str, role: str | None, title: str, filters: Filters, texts: list[str] | None = None
    ) -> None:
        super().__init__()
        self.kind, self.value, self.role = kind, value, role
        self.texts = texts or []  # every wording of an answer template
        self.section_title = title
        self.filters = filters
        self.rows: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="drill-title")
        yield DataTable(id="drill", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        what = f"{self.kind} {self.value}" if self.kind != "text" else f'{self.role or "a"} message "{self.value}"'
        if len(self.texts) > 1:
            what += f" and {len(self.texts) - 1} other wordings of it"
        title = Text(self.section_title, style="bold").append("\n").append(Text(what[:300], style="dim"))
        self.query_one("#drill-title", Static).update(title)
        self.load()

    @work(thread=True, exclusive=True, group="drill", exit_on_error=False)
    def load(self) -> None:
        from cxreview.store.drill import conversations_behind

        try:
            rows = self.app.store.run(  # type: ignore[attr-defined]
                lambda db: [
                    dict(r)
                    for r in conversations_behind(
                        db.conn, self.kind, self.value, self.filters, self.role, texts=self.texts
                    )
                ]
            )
        except Exception as error:  # noqa: BLE001 - shown, the app keeps running
            self.app.call_from_thread(self.app.notify, f"Could not list them: {error}", severity="error")
            return
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for column in COLUMNS:
            table.add_column(column, key=column)
        for row in rows:
            cells = (
                row["id"],
                (row["started_at"] or "-")[:16],
                agent_label(row["agent"], row["parties"]),
                row["queue"] or "-",
                row["channel"] or "-",
                row["language"] or "-",
                str(row["n_messages"]),
                mask_pii(row["outcome"] or "-"),  # imported text: masked like the transcript
            )
            table.add_row(*[Text(str(c)) for c in cells], key=row["id"])
        table.focus()
        count = f"{len(rows)} conversations" + (" (the newest 500)" if len(rows) >= 500 else "")
        self.app.notify(count if rows else "No conversations behind this row under these filters.", timeout=3)

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_open(self) -> None:
        conversation_id = self._selected()
        if conversation_id is None:
            self.app.notify("Nothing to open here.", timeout=3)
            return
        self.app.push_screen(ConversationScreen(conversation_id, f"from insights: {self.section_title}"))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_add(self) -> None:
        conversation_id = self._selected()
        if conversation_id is not None:
            add_to_a_session(self, conversation_id, f"from insights: {self.section_title}")

    def action_close(self) -> None:
        self.app.pop_screen()


class ConversationScreen(Screen[None]):
    """One conversation, read-only: the transcript with its flags, no rubric."""

    BINDINGS = [
        Binding("j", "message(1)", "Next msg", id="read.message_down", tooltip="Focus the next message"),
        Binding("k", "message(-1)", "Prev msg", id="read.message_up", tooltip="Focus the previous message"),
        Binding("a", "add", "Add to session", id="read.add", tooltip="Add it to one of your open sessions"),
        Binding("m", "toggle_mask", "Mask", id="read.mask", tooltip="Show or mask personal data"),
        Binding("escape", "close", "Back", id="read.back", tooltip="Back to the list"),
    ]

    def __init__(self, conversation_id: str, reason: str) -> None:
        super().__init__()
        self.conversation_id = conversation_id
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"{self.conversation_id} · read-only", style="bold"), id="read-title")
        yield Transcript(id="transcript")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="read", exit_on_error=False)
    def load(self) -> None:
        try:
            view = self.app.store.conversation(self.conversation_id)  # type: ignore[attr-defined]
        except CxReviewError as error:
            self.app.call_from_thread(self.app.notify, error.one_line(), severity="error")
            return
        self.app.call_from_thread(self._show, view)

    def _show(self, view: Any) -> None:
        title = Text(f"{self.conversation_id} · read-only", style="bold")
        for value in (view.conversation.get("agent"), view.conversation.get("queue"), view.conversation.get("channel")):
            if value:
                title.append(" · ").append(Text(str(value)))
        self.query_one("#read-title", Static).update(title)
        self.query_one(Transcript).show(view.messages, view.message_signals, {}, view.phases, bodies=view.bodies)

    def action_message(self, step: int) -> None:
        self.query_one(Transcript).move(step)

    def action_toggle_mask(self) -> None:
        transcript = self.query_one(Transcript)
        transcript.masked = not transcript.masked

    def action_add(self) -> None:
        add_to_a_session(self, self.conversation_id, self.reason)

    def action_close(self) -> None:
        self.app.pop_screen()


def add_to_a_session(screen: Screen[Any], conversation_id: str, reason: str) -> None:
    """Add to the reviewer's one open session, or ask which when there are several."""
    app: Any = screen.app
    sessions = [s["name"] for s in app.store.open_sessions(app.reviewer)]
    if not sessions:
        app.notify(
            f"You have no open session; make one with: cxreview sample --size 20 --reviewer {app.reviewer}",
            severity="warning",
            timeout=6,
        )
        return

    def chosen(name: str | None) -> None:
        if name is not None:
            _add(app, name, conversation_id, reason)

    if len(sessions) == 1:
        chosen(sessions[0])
    else:
        app.push_screen(SessionChoice(sessions), chosen)


def _add(app: Any, session: str, conversation_id: str, reason: str) -> None:
    """The write runs in a worker (never on the UI thread); the result comes back as a toast."""
    from cxreview.sampling import add_to_session

    def write() -> None:
        try:
            position = app.store.run(lambda db: add_to_session(db, session, conversation_id, app.reviewer, reason))
        except CxReviewError as error:
            app.call_from_thread(app.notify, error.one_line(), severity="warning", timeout=6)
            return
        app.call_from_thread(app.notify, f"Added {conversation_id} to {session} as number {position}.", timeout=4)

    app.run_worker(write, thread=True, group="add-to-session", exit_on_error=False)


class SessionChoice(ModalScreen[str | None]):
    """Which of your open sessions to add the conversation to."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel", tooltip="Add it nowhere")]

    def __init__(self, sessions: list[str]) -> None:
        super().__init__()
        self.sessions = sessions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text("Add to which session? (enter adds, escape cancels)"), classes="dialog-title")
            yield OptionList(*[Text(name) for name in self.sessions])

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.sessions[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
