"""Small dialogs: write a note, pick root causes, compare calibration scores."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, Static, TextArea

from cxreview.reviews import Review


class NoteModal(ModalScreen[str | None]):
    """Edit a note; ctrl+s saves, escape cancels. Returns the text, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save", tooltip="Save the note"),
        Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.initial = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield TextArea(self.initial, id="note-text", soft_wrap=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()


class RootCauseModal(ModalScreen[list[str] | None]):
    """Pick root causes with space; enter or ctrl+s saves, escape cancels."""

    BINDINGS = [
        # priority: the selection list would otherwise take enter for itself.
        Binding("ctrl+s,enter", "save", "Save", id="causes.save", tooltip="Save the chosen root causes", priority=True),
        Binding("escape", "cancel", "Cancel", id="causes.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, label: str, causes: tuple[str, ...], chosen: list[str]) -> None:
        super().__init__()
        self.label = label
        self.causes = causes
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(f"Root causes: {self.label} (space toggles, enter saves)"), classes="dialog-title")
            yield SelectionList[str](*[(Text(c), c, c in self.chosen) for c in self.causes], id="causes")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_save(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


class CompareModal(ModalScreen[None]):
    """Calibration: everyone's scores and notes per criterion, side by side."""

    BINDINGS = [Binding("escape,v", "close", "Close", id="compare.close", tooltip="Close the comparison")]

    def __init__(self, mine: Review, others: list[Review]) -> None:
        super().__init__()
        self.mine = mine
        self.others = others

    def compose(self) -> ComposeResult:
        reviews = [self.mine, *self.others]
        table = Table(expand=True, show_lines=True, title=Text("Calibration: scores side by side"))
        table.add_column("Criterion", style="bold")
        for review in reviews:
            status = "" if review.submitted else " (draft)"
            table.add_column(Text(review.reviewer + status))
        for criterion in self.mine.rubric.criteria:
            cells = []
            for review in reviews:
                state = review.criteria.get(criterion.id)
                if state is None:
                    cells.append(Text("-"))
                    continue
                value = "N/A" if state.na else (criterion.level_name(state.score) if state.score is not None else "·")
                cell = Text(value, style="bold")
                if state.note:
                    cell.append("\n").append(Text(state.note, style="dim"))
                cells.append(cell)
            table.add_row(Text(criterion.label), *cells)
        scores = []
        for review in reviews:
            result = review.result()
            scores.append(Text("—" if result.score is None else f"{result.score:.0f}", style="bold"))
        table.add_row(Text("Review score"), *scores)
        notes = [Text(r.overall_note or "", style="dim") for r in reviews]
        table.add_row(Text("Coaching note"), *notes)
        with VerticalScroll(classes="dialog wide"):
            yield Static(table)
            yield Static(Text("escape closes", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
