"""Arbitration: the open disputes oldest first, and one dispute with its conversation, the
review as submitted, the reason and the notes; an arbiter accepts with one key or rejects."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from cxreview import disputes
from cxreview.errors import CxReviewError
from cxreview.tui.widgets.footer import KeyFooter
from cxreview.tui.widgets.transcript import Transcript

_ARBITER_ONLY = "deciding disputes needs an arbiter: start with cxreview review --reviewer NAME --as-arbiter"


def _age(opened_at: str) -> str:
    opened = datetime.fromisoformat(opened_at.replace("Z", "+00:00"))
    hours = (datetime.now(timezone.utc) - opened).total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.0f} d"


class DisputesScreen(Screen[None]):
    """Open disputes, oldest first, with their age; enter opens one."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="disputes.open", tooltip="Open the highlighted dispute"),
        Binding("escape", "back", "Back", id="disputes.back", tooltip="Back to where you came from"),
        Binding("question_mark", "help", "Help", id="disputes.help", tooltip="Show every key"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="disputes-intro")
        yield DataTable(id="disputes", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        self.load()  # a dispute decided in the detail screen leaves the list

    @work(thread=True, exclusive=True, group="disputes", exit_on_error=False)
    def load(self) -> None:
        rows = self.app.store.run(lambda db: disputes.list_disputes(db, status="open"))  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label in ("Id", "Age", "Review", "Criterion", "Score", "Reviewer", "Agent", "Reason"):
            table.add_column(label, key=label)
        for row in rows:
            score = "N/A" if row["na_before"] else str(row["score_before"])
            reason = row["reason"].replace("\n", " ")
            table.add_row(
                Text(str(row["id"])),
                Text(_age(row["opened_at"])),
                Text(str(row["review_id"])),
                Text(row["criterion"]),
                Text(score),
                Text(row["reviewer"]),
                Text(row["agent"] or ""),
                Text(reason[:60] + ("…" if len(reason) > 60 else "")),  # Text: never markup
                key=str(row["id"]),
            )
        arbiter = getattr(self.app, "as_arbiter", False)
        intro = f"{len(rows)} open dispute{'s' * (len(rows) != 1)}, oldest first."
        intro += " Enter opens one." if arbiter else " Read only: start with --as-arbiter to decide."
        self.query_one("#disputes-intro", Static).update(Text(intro, style="bold"))
        if rows:
            table.focus()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.push_screen(DisputeScreen(int(str(key))))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(DisputeScreen(int(str(event.row_key.value))))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("disputes", self.BINDINGS))


_DIGITS = [
    Binding(
        str(d),
        f"accept({d})",
        f"Accept {d}",
        show=False,
        id=f"dispute.accept_{d}",
        tooltip=f"Accept the dispute: the score becomes {d}",
    )
    for d in range(10)
]


class DisputeScreen(Screen[None]):
    """One dispute: the conversation, the review as submitted, the reason and the notes."""

    BINDINGS = [
        *_DIGITS,
        Binding("n", "accept_na", "Accept N/A", show=False, id="dispute.accept_na", tooltip="Accept: make it N/A"),
        Binding("x", "reject", "Reject", id="dispute.reject", tooltip="Reject the dispute with an answer"),
        Binding("c", "note", "Note", id="dispute.note", tooltip="Add a note to the dispute"),
        Binding("j", "message(1)", "Next msg", show=False, id="dispute.message_down", tooltip="Next message"),
        Binding("k", "message(-1)", "Prev msg", show=False, id="dispute.message_up", tooltip="Previous message"),
        Binding("escape", "back", "Disputes", id="dispute.back", tooltip="Back to the list of disputes"),
        Binding("question_mark", "help", "Help", id="dispute.help", tooltip="Show every key"),
    ]

    def __init__(self, dispute_id: int) -> None:
        super().__init__()
        self.dispute_id = dispute_id
        self.dispute: dict[str, Any] | None = None
        self.review: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            with Vertical(id="left"):
                yield Static(id="conversation-title")
                yield Transcript(id="transcript")
            with VerticalScroll(id="dispute-side"):
                yield Static(id="dispute-panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#conversation-title", Static).update(Text("Loading…", style="dim"))
        self.load()

    @work(thread=True, exclusive=True, group="dispute", exit_on_error=False)
    def load(self) -> None:
        from cxreview.reviews import get_review

        store = self.app.store  # type: ignore[attr-defined]
        try:
            dispute = dict(store.run(lambda db: disputes.get_dispute(db, self.dispute_id)))
            notes = [dict(n) for n in store.run(lambda db: disputes.notes(db, self.dispute_id))]
            review = store.run(lambda db: get_review(db, dispute["review_id"]))
            view = store.conversation(dispute["conversation_id"])
        except CxReviewError as error:
            self.app.call_from_thread(self.app.notify, error.one_line(), severity="error")
            return
        self.app.call_from_thread(self._show, dispute, notes, review, view)

    def _show(self, dispute: dict[str, Any], notes: list[dict[str, Any]], review: Any, view: Any) -> None:
        self.dispute, self.review = dispute, review
        title = Text(f"Dispute {dispute['id']} · {dispute['conversation_id']}", style="bold")
        if dispute["agent"]:
            title.append(" · ").append(Text(dispute["agent"]))
        self.query_one("#conversation-title", Static).update(title)
        self.query_one(Transcript).show(
            view.messages, view.message_signals, review.message_notes, view.phases, bodies=view.bodies
        )
        self.query_one("#dispute-panel", Static).update(self._panel(dispute, notes, review))
        self.refresh_bindings()

    def _panel(self, dispute: dict[str, Any], notes: list[dict[str, Any]], review: Any) -> Text:
        """Built from Text pieces: reasons, notes and names are never read as markup."""
        criterion = review.rubric.criterion(dispute["criterion"])
        text = Text()
        text.append(f"{dispute['status'].upper()} · opened {_age(dispute['opened_at'])} ago by ", style="bold")
        text.append(Text(dispute["opened_by"], style="bold"))
        text.append(f"\non {criterion.label}\n\n", style="bold")
        text.append(Text(dispute["reason"]))
        text.append("\n\nThe review by ", style="dim")
        text.append(Text(review.reviewer))
        text.append(f" (score {_fmt(review.result().score)}):\n", style="dim")
        for item in review.rubric.criteria:
            state = review.criteria[item.id]
            mark = "▶ " if item.id == criterion.id else "  "
            value = "N/A" if state.na else ("-" if state.score is None else item.level_name(state.score))
            text.append(Text(f"{mark}{item.label}: {value}", style="bold" if item.id == criterion.id else ""))
            if state.note:
                text.append("  ").append(Text(state.note, style="italic"))
            text.append("\n")
        if review.overall_note:
            text.append("Coaching note: ", style="dim").append(Text(review.overall_note)).append("\n")
        text.append(f"\nLevels of {criterion.label}:\n", style="dim")
        for level, anchor in sorted(criterion.anchors.items()):
            text.append(Text(f" {level}  {anchor}\n"))
        if notes:
            text.append("\nNotes:\n", style="dim")
            for note in notes:
                text.append(Text(f"{note['author']} ({note['role']}): ", style="bold")).append(Text(note["text"]))
                text.append("\n")
        if dispute["status"] == "open":
            keys = f"{criterion.min}-{criterion.max} accept with that score · x reject · c note"
            text.append(f"\n{keys}", style="dim")
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "accept_na", "reject"):
            if self.dispute is None:
                return False
            if action == "accept_na" and not self.review.rubric.criterion(self.dispute["criterion"]).allow_na:
                return None  # the palette does not offer what the rubric forbids
            return True if self.dispute["status"] == "open" else None
        return True

    def _arbiter(self) -> str | None:
        if not getattr(self.app, "as_arbiter", False):
            self.app.notify(_ARBITER_ONLY, severity="warning", timeout=6)
            return None
        return str(self.app.reviewer)  # type: ignore[attr-defined]

    def action_accept(self, digit: int) -> None:
        self._accept(digit, False)

    def action_accept_na(self) -> None:
        self._accept(None, True)

    def _accept(self, score: int | None, na: bool) -> None:
        by = self._arbiter()
        if by is None or self.dispute is None or self.review is None:
            return
        state = self.review.criteria[self.dispute["criterion"]]
        seen = (state.score, state.na)  # what the arbiter decided on: a change since is refused
        dispute_id = self.dispute_id
        self._decide(
            lambda db: disputes.accept(db, dispute_id, by, score, na=na, expected=seen),
            f"Accepted dispute {dispute_id}: the score is now {'N/A' if na else score}",
        )

    def action_reject(self) -> None:
        by = self._arbiter()
        if by is None:
            return
        from cxreview.tui.screens.modals import NoteModal

        dispute_id = self.dispute_id

        def done(answer: str | None) -> None:
            if answer:
                self._decide(lambda db: disputes.reject(db, dispute_id, by, answer), f"Rejected dispute {dispute_id}")
            elif answer is not None:
                self.app.notify("A rejection needs an answer for the agent.", severity="warning")

        self.app.push_screen(NoteModal("Why the score stands (the agent reads this)", ""), done)

    def action_note(self) -> None:
        from cxreview.tui.screens.modals import NoteModal

        author = str(self.app.reviewer)  # type: ignore[attr-defined]
        role = "arbiter" if getattr(self.app, "as_arbiter", False) else "reviewer"
        dispute_id = self.dispute_id

        def done(text: str | None) -> None:
            if text:
                self._decide(lambda db: disputes.add_note(db, dispute_id, author, text, role), "Note added", stay=True)

        self.app.push_screen(NoteModal(f"Note on dispute {dispute_id}", ""), done)

    @work(thread=True, exclusive=True, group="decide", exit_on_error=False)
    def _decide(self, operation: Any, done: str, stay: bool = False) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        try:
            notice = store.run(operation)
        except CxReviewError as error:
            self.app.call_from_thread(self.app.notify, error.one_line(), severity="error", timeout=8)
            self.load()  # show what changed meanwhile
            return
        message = done + (f". Note: {notice}" if notice else "")
        self.app.call_from_thread(self._decided, message, stay)

    def _decided(self, message: str, stay: bool) -> None:
        self.app.notify(message, timeout=5)
        if stay:
            self.load()
        else:
            self.app.pop_screen()

    def action_message(self, step: int) -> None:
        self.query_one(Transcript).move(step)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("dispute", self.BINDINGS))


def _fmt(score: float | None) -> str:
    return "-" if score is None else f"{score:.0f}"
