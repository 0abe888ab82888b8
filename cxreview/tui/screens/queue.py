"""The session queue: every conversation of the session with status, badges and why.

`/` filters (any column, case-insensitive), `s` sorts by the next column (or click a
header); at narrow widths the columns that matter least are left out first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, ProgressBar, Static

from cxreview.parties import agent_label
from cxreview.tui.data import QueueItem, SessionInfo
from cxreview.tui.messages import SessionLoaded, WorkFailed
from cxreview.tui.widgets.footer import KeyFooter

# Shown left to right in this order...
COLUMNS = ("#", "Status", "Conversation", "Flags", "Agent", "Why picked", "Queue", "Ch", "Lang", "Msgs")
# ...and left out from the end of this list first when the screen is too narrow.
PRIORITY = ("Status", "Conversation", "Flags", "Why picked", "#", "Agent", "Queue", "Lang", "Ch", "Msgs")
STATUS_STYLE = {"to do": "", "in progress": "bold dark_orange", "done": "green3"}
STATUS_ORDER = {"in progress": 0, "to do": 1, "done": 2}
WHY_WIDTH = 40  # "why picked" is cut here unless the window has room to spare (the whole reason: key t)
WHY_MIN = 16  # narrower than this a reason says nothing: the column goes instead

SORT_KEYS: dict[str, Callable[[QueueItem], Any]] = {
    "#": lambda item: item.position,
    "Status": lambda item: (STATUS_ORDER[item.status], item.position),
    "Conversation": lambda item: item.conversation_id,
    "Flags": lambda item: (-len(item.badges), item.position),
    "Agent": lambda item: ((item.agent or "").lower(), item.position),
    "Why picked": lambda item: (item.pick, item.reason),
    "Queue": lambda item: ((item.queue or "").lower(), item.position),
    "Ch": lambda item: (item.channel or "", item.position),
    "Lang": lambda item: (item.language or "", item.position),
    "Msgs": lambda item: (-item.n_messages, item.position),
}


class QueueScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Review", id="queue.open", tooltip="Review the highlighted conversation"),
        Binding("n", "next_open", "Next to do", id="queue.next", tooltip="Jump to the next conversation to do"),
        Binding(
            "slash", "search", "Filter", key_display="/", id="queue.filter", tooltip="Filter the queue by any text"
        ),
        Binding("s", "sort", "Sort", id="queue.sort", tooltip="Sort by the next column (again: the one after)"),
        Binding("question_mark", "help", "Help", id="queue.help", tooltip="Show every key"),
        Binding("escape", "back", "Sessions", id="queue.back", tooltip="Clear the filter, or back to the sessions"),
        Binding("i", "app.insights", "Insights", id="queue.insights", tooltip="Insights across all conversations"),
        Binding("q", "app.quit", "Quit", id="queue.quit", tooltip="Leave cxreview (everything is saved)"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.session_name = name
        self.session: SessionInfo | None = None
        # The conversation of a review resumed straight at start (app.leave_review): selected.
        self.resume_at: str | None = None
        self._stale = False
        self.filter_text = ""
        self.sort_column = "#"
        self._first_fill = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="queue-title")
        yield ProgressBar(total=1, id="queue-progress", show_eta=False)  # a total: no animated "indeterminate" bar
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Input(placeholder="filter: agent, queue, flag, id... (enter keeps it, escape clears)", id="queue-filter")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#queue-filter").display = False
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
        selected = self._selected_key()
        if self.resume_at is not None:  # back from the resumed review: on its row
            selected, self.resume_at, self._first_fill = self.resume_at, None, False
        if self._first_fill:
            # Start on the first conversation still to do, not on row 1 (often done).
            self._first_fill = False
            selected = next((i.conversation_id for i in session.items if i.status != "done"), None)
        self._fill(selected)
        total, done = len(session.items), session.done
        kind = "blind calibration, " if session.calibration else ""
        self.query_one("#queue-title", Static).update(
            Text(f"Session {session.name} · {kind}rubric {session.rubric.name} · {done}/{total} done", style="bold")
        )
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one(DataTable).focus()

    # -- the table -------------------------------------------------------------------------
    def visible_items(self) -> list[QueueItem]:
        """The session's conversations that match the filter, in the chosen order."""
        if self.session is None:
            return []
        needle = self.filter_text.casefold()
        items = [item for item in self.session.items if not needle or needle in _haystack(item)]
        return sorted(items, key=SORT_KEYS[self.sort_column])

    def _columns(self, cells: list[list[Text | str]]) -> list[tuple[int, str, int]]:
        """(index, label, width) of the columns that fit, dropping by PRIORITY."""
        widths = {
            label: max([len(label) + (2 if label == self.sort_column else 0)] + [_width(row[i]) for row in cells])
            for i, label in enumerate(COLUMNS)
        }
        full_why = widths["Why picked"]
        widths["Why picked"] = min(full_why, WHY_WIDTH)
        room = (self.size.width or 200) - 2
        keep = list(PRIORITY)
        # Down to the four columns that matter most, then the reason gets narrower before
        # it goes (a short reason beats none), then the rest by priority.
        while len(keep) > 4 and _total(widths, keep) > room:
            keep.pop()
        squeezed = room - _total(widths, [label for label in keep if label != "Why picked"]) - 2
        if _total(widths, keep) > room and squeezed >= WHY_MIN:
            widths["Why picked"] = squeezed
        while len(keep) > 3 and _total(widths, keep) > room:
            keep.pop()
        # Room the kept columns leave goes to the reason, the one column worth reading whole.
        spare = room - _total(widths, keep)
        widths["Why picked"] = min(full_why, widths["Why picked"] + max(0, spare))
        return [(i, label, widths[label]) for i, label in enumerate(COLUMNS) if label in keep]

    def _fill(self, selected: str | None = None) -> None:
        table = self.query_one(DataTable)
        items = self.visible_items()
        cells = [self._cells(item) for item in items]
        columns = self._columns(cells)
        # Column widths come from the content: the table's own auto-width sometimes kept
        # the labels' widths (a race with its idle-time measuring), cutting values off.
        table.clear(columns=True)
        for _index, label, width in columns:
            shown = f"{label} ▲" if label == self.sort_column and label != "#" else label
            table.add_column(shown, key=label, width=width)
        for item, values in zip(items, cells, strict=True):
            table.add_row(*[_cut(values[index], width) for index, _label, width in columns], key=item.conversation_id)
        keys = [item.conversation_id for item in items]
        if selected in keys:
            table.move_cursor(row=keys.index(selected))

    def on_resize(self) -> None:
        if self.session is not None:
            self._fill(self._selected_key())

    @staticmethod
    def _cells(item: QueueItem) -> list[Text | str]:
        why = item.reason if item.pick != "random" else "random pick"
        return [
            str(item.position),
            Text(item.status, style=STATUS_STYLE[item.status]),
            Text(item.conversation_id),
            Text(" ".join(item.badges) or "-", style="bold red3" if item.badges else "dim"),
            Text(agent_label(item.agent, item.kind)),
            Text(why),  # cut to the column's width in _fill
            Text(item.queue or "-"),
            Text(item.channel or "-"),
            Text(item.language or "-"),
            str(item.n_messages),
        ]

    def _selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if self.session is None or not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected(self) -> int | None:
        """The highlighted conversation's index in the session (not the row: rows sort)."""
        key = self._selected_key()
        if key is None or self.session is None:
            return None
        return next(i for i, item in enumerate(self.session.items) if item.conversation_id == key)

    # -- actions ---------------------------------------------------------------------------
    def action_open(self) -> None:
        index = self._selected()
        if index is None:
            self.app.notify("No conversation matches the filter; escape clears it.", timeout=3)
            return
        if self.session is not None:
            self.app.open_review(self.session, index)  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        self._sort_by(str(event.column_key.value))

    def action_sort(self) -> None:
        table = self.query_one(DataTable)
        shown = [str(key.value) for key in table.columns]
        following = shown[(shown.index(self.sort_column) + 1) % len(shown)] if self.sort_column in shown else "#"
        self._sort_by(following)

    def _sort_by(self, column: str) -> None:
        self.sort_column = column
        self._fill(self._selected_key())
        self.app.notify(f"Sorted by {column if column != '#' else 'position'}.", timeout=2)

    def action_search(self) -> None:
        box = self.query_one("#queue-filter", Input)
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self._fill(self._selected_key())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()
        if not self.filter_text:
            event.input.display = False
        elif not self.visible_items():
            self.app.notify(f'Nothing matches "{self.filter_text}"; escape clears the filter.', timeout=4)

    def action_next_open(self) -> None:
        if self.session is None:
            return
        table = self.query_one(DataTable)
        for row, item in enumerate(self.visible_items()):
            if item.status != "done":
                table.move_cursor(row=row)
                return
        self.app.notify("Every conversation shown here is done.")

    def action_back(self) -> None:
        box = self.query_one("#queue-filter", Input)
        if box.display:
            # escape clears the filter first; a second escape leaves the queue
            box.value = ""
            box.display = False
            self.filter_text = ""
            self._fill(self._selected_key())
            self.query_one(DataTable).focus()
            return
        self.app.show_picker()  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("session queue", self.BINDINGS))


def _haystack(item: QueueItem) -> str:
    parts = (
        item.conversation_id,
        item.status,
        agent_label(item.agent, item.kind),
        item.queue,
        item.channel,
        item.language,
        item.pick,
        item.reason,
        " ".join(item.badges),
    )
    return " ".join(p for p in parts if p).casefold()


def _width(value: Text | str) -> int:
    return value.cell_len if isinstance(value, Text) else len(value)


def _total(widths: dict[str, int], labels: list[str]) -> int:
    return sum(widths[label] + 2 for label in labels)


def _cut(value: Text | str, width: int) -> Text | str:
    """A cell no wider than its column, an ellipsis where it was cut."""
    if _width(value) <= width:
        return value
    if isinstance(value, str):
        return value[: width - 1] + "…"
    cut = value.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut
