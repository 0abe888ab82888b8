"""The cxreview review app: session picker, queue, review screen."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from cxreview.tui.commands import AppActions, ScreenActions
from cxreview.tui.data import SessionInfo, TuiStore
from cxreview.tui.insights_cache import InsightsCache


class ReviewApp(App[None]):
    """Review conversations of a session, one keypress per score."""

    CSS_PATH = "app.tcss"
    TITLE = "cxreview"
    COMMANDS = App.COMMANDS | {ScreenActions, AppActions}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit", tooltip="Leave cxreview (everything is saved)"),
    ]

    def __init__(
        self,
        db_path: str | Path,
        reviewer: str,
        session: str | None = None,
        as_arbiter: bool = False,
        keymap: Path | None = None,
    ) -> None:
        super().__init__()
        from cxreview.tui.keymap import keymap_path

        self.keymap_file = keymap if keymap is not None else keymap_path()
        self.db_path = str(db_path)
        self.reviewer = reviewer
        # An arbiter decides disputes and may correct other reviewers' reviews (recorded as such).
        self.as_arbiter = as_arbiter
        self.initial_session = session
        self.store = TuiStore(self.db_path)
        self.insights = InsightsCache(self.db_path)

    def _load_keymap(self) -> None:
        """The user's keys by binding id; every mistake is said at start with file:line."""
        from cxreview.tui.keymap import load_keymap

        keymap, problems = load_keymap(self.keymap_file)
        if keymap:
            self.set_keymap(keymap)
        for problem in problems[:5]:
            self.notify(problem, title="Keymap", severity="error", timeout=20)
        if len(problems) > 5:
            self.notify(f"... and {len(problems) - 5} more mistakes in the keymap", severity="error", timeout=20)

    def on_mount(self) -> None:
        self._load_keymap()
        # After the first paint: on a big database the warm-up's queries would otherwise
        # share the start with the first screen.
        self.call_after_refresh(self.insights.warm)
        self.sub_title = f"{'arbiter' if self.as_arbiter else 'reviewer'} {self.reviewer}"
        if self.initial_session:
            self.open_session(self.initial_session, resume=True)
        else:
            # Resume straight away when there is no real choice (an arbiter starts at the picker).
            self.show_picker(auto_open=not self.as_arbiter)

    def show_picker(self, auto_open: bool = False) -> None:
        from cxreview.tui.screens.picker import SessionPickerScreen

        picker = SessionPickerScreen(auto_open=auto_open)
        self.switch_screen(picker) if len(self.screen_stack) > 1 else self.push_screen(picker)

    def open_session(self, name: str, resume: bool = False) -> None:
        from cxreview.tui.screens.queue import QueueScreen

        screen = QueueScreen(name)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if resume:
            screen.resume_draft = True  # type: ignore[attr-defined]

    def open_review(self, session: SessionInfo, index: int) -> None:
        from cxreview.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(session, index))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: str = "information",  # type: ignore[override]
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications often quote names or ids from the data: never read them as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)  # type: ignore[arg-type]

    async def on_event(self, event: events.Event) -> None:
        # Every key reaches the app before any widget, dialogs and text areas included
        # (they stop keys from bubbling): the place to notice that the reviewer is active.
        if isinstance(event, events.Key):
            # The review screen is the one with touch(); asked by name, not by class, so the
            # first key pressed elsewhere (i on the queue) does not import the review screen.
            for screen in reversed(self.screen_stack):
                touch = getattr(screen, "touch", None)
                if callable(touch):
                    touch()
                    break
        await super().on_event(event)

    def action_insights(self) -> None:
        from cxreview.tui.screens.insights import InsightsScreen

        if not isinstance(self.screen, InsightsScreen):
            self.push_screen(InsightsScreen())

    def action_disputes(self) -> None:
        from cxreview.tui.screens.disputes import DisputesScreen

        if not isinstance(self.screen, DisputesScreen):
            self.push_screen(DisputesScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own "Keys" panel squeezes the layout and its escape also left the
        conversation: "Keys" opens the screen's own help dialog instead."""
        for command in super().get_system_commands(screen):
            # "Keys" on Textual 4.1+, "Show keys and help panel" before: both are left out.
            if "keys" not in command.title.lower():
                yield command
        help_action = getattr(screen, "action_help", None)
        if help_action is not None:
            yield SystemCommand("Keys", "Every key of this screen (escape closes)", help_action)

    def on_unmount(self) -> None:
        self.store.close()
