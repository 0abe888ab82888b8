"""The cxreview review app: session picker, queue, review screen."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from cxreview.tui.commands import AppActions, ScreenActions
from cxreview.tui.data import SessionInfo, TuiStore, resume_target
from cxreview.tui.insights_cache import InsightsCache
from cxreview.tui.messages import StartResolved

WARM_AFTER_SECONDS = 2.0  # the insights warm-up starts this long after the app
# The collector is paused while the first screen is built, at most this long (see on_mount).
GC_PAUSE_SECONDS = 1.0
_heap_frozen = False


def _freeze_heap() -> None:
    """Keep the collector off what was imported (once per process). Textual, Rich and our
    modules are several hundred thousand objects that live as long as the process; Python's
    full collection walks every one of them (about 20 ms, a tenth of the start-up, and again
    at each full collection during the session) and can free none."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


def _in_progress(session: SessionInfo | None) -> int | None:
    """The position of the session's review in progress, if any."""
    items = session.items if session is not None else []
    return next((i for i, item in enumerate(items) if item.status == "in progress"), None)


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
        _freeze_heap()
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
        self._gc_paused = False

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
        # Building the first screen creates tens of thousands of objects that all stay (widgets,
        # styles, the conversation); the collector would walk them again and again for nothing
        # (about a tenth of the start-up). Paused until the screen is up, as Textual pauses it
        # while scrolling; garbage left meanwhile is collected when it resumes.
        if gc.isenabled():
            gc.disable()
            self.set_timer(GC_PAUSE_SECONDS, gc.enable)
            self._gc_paused = True
        self._load_keymap()
        # Once the first screen is up: on a big database the warm-up (reading the stored
        # insights and formatting them, or computing them) would otherwise share the start
        # with the first screen, its Python holding the GIL the UI thread needs to paint.
        self.set_timer(WARM_AFTER_SECONDS, self.insights.warm)
        self.sub_title = f"{'arbiter' if self.as_arbiter else 'reviewer'} {self.reviewer}"
        if self.store.db.read_only:  # said once, up front, not first at the first score
            self.sub_title += " · read-only"
            self.notify(
                f"{self.db_path} is read-only: conversations and insights can be read, but no score, "
                "note or review can be saved. Ask for write access to the file and its folder, or work on a copy.",
                title="Read-only database",
                severity="warning",
                timeout=30,
            )
        if self.as_arbiter and not self.initial_session:
            self.show_picker()  # an arbiter starts at the picker
        else:
            # Resume straight away when there is no real choice.
            self._resolve_start(self.initial_session)

    @work(thread=True, exclusive=True, group="start", exit_on_error=False)
    def _resolve_start(self, name: str | None) -> None:
        """Where to start, found in one worker before any screen is built: a review resumed
        directly does not compose the picker and the queue first (a tenth of the start-up),
        and its conversation is loaded here too, so its screen is painted once, with it."""
        loaded = None
        try:
            if name is None:
                name = resume_target(self.store.open_sessions(self.reviewer), self.reviewer)
            session = self.store.session(name, self.reviewer) if name is not None else None
        except Exception:  # noqa: BLE001 - the screens below load again and report it
            session = None
        index = _in_progress(session)
        if session is not None and index is not None:
            from cxreview.tui.screens.review_load import load_conversation

            try:
                loaded = load_conversation(self.store, session, index, self.reviewer)
            except Exception:  # noqa: BLE001 - the review screen loads it again and reports it
                loaded = None
        self.post_message(StartResolved(name, session, loaded))

    def on_start_resolved(self, message: StartResolved) -> None:
        if message.name is None:
            self.show_picker()
            return
        index = _in_progress(message.session)
        if message.session is None or index is None:
            self.open_session(message.name)
            return
        from cxreview.tui.screens.review import ReviewScreen

        # No queue below it: leaving the review puts the queue in its place (leave_review).
        self.push_screen(ReviewScreen(message.session, index, queue_below=False, loaded=message.loaded))

    def show_picker(self) -> None:
        from cxreview.tui.screens.picker import SessionPickerScreen

        picker = SessionPickerScreen()
        self.switch_screen(picker) if len(self.screen_stack) > 1 else self.push_screen(picker)

    def open_session(self, name: str, at: str | None = None) -> None:
        """The session's queue, in place of the screen on top; ``at``: the row to select."""
        from cxreview.tui.screens.queue import QueueScreen

        screen = QueueScreen(name)
        screen.resume_at = at
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_review(self, session: SessionInfo, index: int) -> None:
        from cxreview.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(session, index))

    def leave_review(self, screen: Screen, session: str, conversation_id: str) -> None:
        """Back from a review to its queue: below it, or in its place when the review was
        resumed straight at start (then the queue selects the conversation left)."""
        if getattr(screen, "queue_below", True):
            self.pop_screen()
        else:
            self.open_session(session, at=conversation_id)

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
        if self._gc_paused:  # an app closed within the pause must not leave the collector off
            gc.enable()
        self.store.close()
