"""Small dialogs: write a note, pick root causes (the calibration comparison is compare.py)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, TextArea


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
