"""The review screen: transcript and signals on the left, the rubric on the right.

Every change is shown at once and written in order by a worker; nothing waits on the
database on the UI thread.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from cxreview import reviews
from cxreview.errors import CxReviewError
from cxreview.parties import agent_label
from cxreview.reviews import Review
from cxreview.tui.data import ConversationView, SessionInfo
from cxreview.tui.messages import ConversationLoaded, ReviewSaved, ReviewSubmitted, WorkFailed
from cxreview.tui.screens.review_autoqa import ReviewAutoQA
from cxreview.tui.screens.review_compare import ReviewCompare
from cxreview.tui.screens.review_edit import REOPEN_HINT, ReviewCorrections
from cxreview.tui.screens.review_keys import REVIEW_BINDINGS
from cxreview.tui.screens.review_load import load_conversation
from cxreview.tui.screens.review_notes import ReviewNotes
from cxreview.tui.screens.review_reading import ReviewReading, RubricScroll
from cxreview.tui.widgets.footer import KeyFooter
from cxreview.tui.widgets.rubric_panel import RubricPanel, signal_values
from cxreview.tui.widgets.signal_summary import SignalSummary
from cxreview.tui.widgets.transcript import Transcript

IDLE_SECONDS = 60  # review time pauses after a minute without input
_ACTIONS = tuple(dict.fromkeys(b.action.split("(")[0] for b in REVIEW_BINDINGS if isinstance(b, Binding)))


def _now() -> float:
    """The review-time clock (a function of its own, so tests can move it)."""
    return time.monotonic()


class ReviewScreen(ReviewCorrections, ReviewNotes, ReviewReading, ReviewAutoQA, ReviewCompare, Screen[None]):
    BINDINGS = REVIEW_BINDINGS

    def __init__(
        self, session: SessionInfo, index: int, queue_below: bool = True, loaded: ConversationLoaded | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.index = index
        self.queue_below = queue_below  # False when resumed straight at start
        self.view: ConversationView | None = None
        self.review: Review | None = None  # the part being scored: the bot's or the agent's
        self.parts: list[Review] = []  # one review per party the conversation needs (cxreview.parties)
        self._title = Text("")
        self.cursor = 0
        # The criterion the reviewer last scored: `c` and `r` act on it (not on the one the
        # cursor moved on to) until the reviewer moves the cursor themselves.
        self.last_scored: int | None = None
        # Calibration: the review submitted last in this screen, which v compares.
        self.last_submitted: tuple[Review, str] | None = None
        self.preview: int | None = None
        self.pending = 0
        self._signal_values: dict[str, str] = {}
        self._last_input = _now()
        self._unsaved_seconds = 0.0
        self.suggestions = {}
        self._keys_state: tuple[bool | None, ...] = ()
        self.footer_ready = False  # the footer's keys are built once the first conversation is in
        # Loaded by the app's start worker (resuming straight into this review): the screen
        # is composed with it and painted once.
        self._preloaded = loaded
        self._resumed = False
        if loaded is not None:
            self._take(loaded)

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            with Vertical(id="left"):
                yield Static(id="conversation-title")
                yield SignalSummary(id="summary")
                yield Transcript(id="transcript")
            with Vertical(id="rubric-column"):
                with RubricScroll(id="rubric-scroll"):
                    yield RubricPanel(id="rubric")
                yield Static(Text("▼ more below: shift+↓ scrolls"), id="rubric-hint")
        yield KeyFooter(compact=True)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume comes right after the mount, which styled every widget: Textual
        # would style all of them again (26 widgets, a tenth of the start's CSS work).
        # Later resumes (back from a dialog or the insights) refresh as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        if self._preloaded is not None:
            self._preloaded = None
            self._show_conversation()
        else:
            self.query_one("#conversation-title", Static).update(Text("Loading…", style="dim"))
            self.load()
        self.set_interval(15, self._save_time)

    @property
    def item(self) -> Any:
        return self.session.items[self.index]

    # -- loading ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="conversation", exit_on_error=False)
    def load(self) -> None:
        try:
            loaded = load_conversation(self.app.store, self.session, self.index, self.app.reviewer)  # type: ignore[attr-defined]
        except Exception as error:  # noqa: BLE001 - reported in the UI, the app keeps running
            self.post_message(WorkFailed(str(error)))
            return
        self.post_message(loaded)

    def on_conversation_loaded(self, message: ConversationLoaded) -> None:
        self._take(message)
        self._show_conversation()

    def _take(self, message: ConversationLoaded) -> None:
        """What the screen holds of a loaded conversation (no widget is touched here)."""
        self.view, self.review = message.view, message.review
        self.parts = message.parts or [message.review]
        self.suggestions = message.suggestions
        self.bookmark = message.bookmark
        self._signal_values = signal_values(self.view)  # once per conversation, not per key
        self.cursor = self._resume_cursor(self.review)
        self.last_scored = None
        self.preview = None
        self.footer_ready = True

    def _show_conversation(self) -> None:
        assert self.view is not None and self.review is not None
        conversation = self.view.conversation
        position = f"{self.index + 1}/{len(self.session.items)}"
        title = Text(f"{position} · {conversation['id']}", style="bold")
        for value in (
            agent_label(conversation.get("agent"), self.item.kind),
            conversation.get("queue"),
            conversation.get("channel"),
            conversation.get("language"),
        ):
            if value:
                title.append(" · ").append(Text(str(value)))
        if self.item.pick == "spotlight":
            title.append("  spotlight", style="dim")
        self._title = title
        self._show_title()
        why = f"{self.item.pick}: {self.item.reason}" if self.item.pick != "random" else "random pick"
        self.query_one(SignalSummary).show(self.view, why)
        transcript = self.query_one(Transcript)
        transcript.show(
            self.view.messages,
            self.view.message_signals,
            self.review.message_notes,
            self.view.phases,
            bodies=self.view.bodies,
        )
        self._refresh_rubric()
        self.refresh_keys()

    def _show_title(self) -> None:
        """The conversation line, and in a two-party review whose criteria are shown."""
        title = self._title.copy()
        if len(self.parts) > 1 and self.review is not None:
            number = next(i for i, p in enumerate(self.parts) if p.id == self.review.id) + 1
            party = "bot" if self.review.rubric.applies_to == "bot" else "agent"
            title.append(f"  scoring the {party}: {self.review.rubric.id} ({number} of {len(self.parts)})", "bold")
        self.query_one("#conversation-title", Static).update(title)

    def _switch_part(self, review: Review, cursor: int | None = None) -> None:
        """Move to the other party's criteria without leaving the conversation."""
        self.review = review
        self.cursor = self._resume_cursor(review) if cursor is None else cursor
        self.preview = None
        self.last_scored = None  # an index into the other party's criteria: c and r follow the cursor
        self.query_one(Transcript).set_notes(review.message_notes)
        self._show_title()
        self._refresh_rubric()
        self.refresh_keys()

    def _next_part(self) -> Review | None:
        """The next part with a criterion left to score, after the current one."""
        assert self.review is not None
        ids = [p.id for p in self.parts]
        here = ids.index(self.review.id) if self.review.id in ids else 0
        for part in self.parts[here + 1 :] + self.parts[:here]:
            if not part.submitted and any(s.value is None for s in part.criteria.values()):
                return part
        return None

    @staticmethod
    def _resume_cursor(review: Review) -> int:
        ids = [c.id for c in review.rubric.criteria]
        start = ids.index(review.last_criterion) if review.last_criterion in ids else 0
        for offset in range(len(ids)):
            index = (start + offset) % len(ids)
            if review.criteria[ids[index]].value is None:
                return index
        return start

    def on_work_failed(self, message: WorkFailed) -> None:
        self.pending = max(0, self.pending - 1)
        self.app.notify(message.error, severity="error", timeout=8)
        if not self.footer_ready:  # the first conversation failed to load: show the keys (escape)
            self.footer_ready = True
            self.refresh_bindings()
        if self.review is not None and self.pending == 0:
            self.reload_after_conflict(self.review.id)  # what is shown may no longer be what is stored

    # -- rendering ---------------------------------------------------------------------------
    def _refresh_rubric(self) -> None:
        if self.review is not None:
            self.query_one(RubricPanel).show(
                self.review,
                self.cursor,
                self.preview,
                self._signal_values,
                self.last_scored,
                self.current_suggestions(),
            )
            self.call_after_refresh(self._rubric_hint)

    # -- writing -----------------------------------------------------------------------------
    def _write(self, operation: Any, message: str = "") -> None:
        """Queue a change (already shown) and let a worker write it."""
        store = self.app.store  # type: ignore[attr-defined]
        seconds, self._unsaved_seconds = self._unsaved_seconds, 0.0
        review_id = self.review.id if self.review else None
        if seconds and review_id is not None:
            store.enqueue(partial(self.app.store.run, partial(reviews.add_time, review_id=review_id, seconds=seconds)))  # type: ignore[attr-defined]
        store.enqueue(partial(store.run, operation))
        self.pending += 1
        self._flush(message)

    @work(thread=True, group="save", exit_on_error=False)
    def _flush(self, message: str) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        try:
            store.flush()
            review = store.review(self.review.id) if self.review else None
        except CxReviewError as error:
            self.post_message(WorkFailed(error.one_line()))
            return
        except Exception as error:  # noqa: BLE001 - reported, never lost silently
            self.post_message(WorkFailed(f"could not save: {error}"))
            return
        if review is not None:
            self.post_message(ReviewSaved(review, message))

    def on_review_saved(self, message: ReviewSaved) -> None:
        self.pending = max(0, self.pending - 1)
        if message.note:
            self.app.notify(message.note, timeout=3)
        # Only take the database's version when no newer change is still on its way.
        self.parts = [message.review if p.id == message.review.id else p for p in self.parts]
        if self.pending == 0 and self.review is not None and message.review.id == self.review.id:
            self.review = message.review
            if message.note == "Undone" and (last := self.review.last_criterion) in (ids := self.review.rubric.ids):
                self.cursor = ids.index(last)  # undo stored the criterion it changed: the next digit re-scores it
            self.query_one(Transcript).set_notes(self.review.message_notes)
            self._refresh_rubric()
            self.refresh_keys()

    def _save_time(self) -> None:
        if self.review is not None and not self.review.submitted and self._unsaved_seconds >= 1:
            seconds, self._unsaved_seconds = self._unsaved_seconds, 0.0
            self.app.store.enqueue(
                partial(self.app.store.run, partial(reviews.add_time, review_id=self.review.id, seconds=seconds))
            )  # type: ignore[attr-defined]
            self.pending += 1
            self._flush("")

    def touch(self) -> None:
        """Count the time since the last input as review time, unless it was a pause (the
        app calls this for every key, dialogs included: writing a note is reviewing)."""
        now = _now()
        gap = now - self._last_input
        if gap <= IDLE_SECONDS:
            self._unsaved_seconds += gap
        self._last_input = now

    # -- actions ------------------------------------------------------------------------------
    _EDITS = (
        "score",
        "na",
        "undo",
        "criterion_note",
        "root_causes",
        "message_note",
        "overall_note",
        "set_preview",
        "accept_suggestions",
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out what does not apply (the footer shows it; ``on_key`` says why when pressed)."""
        if action == "compare" and not self.session.calibration:
            return False
        return None if self.why_not(action) else True

    def refresh_keys(self) -> None:
        """Grey out or enable footer keys, only when one changed: the footer rebuilds itself
        on every refresh_bindings (30-50 ms, after every score and on every conversation)."""
        state = tuple(self.check_action(name, ()) for name in _ACTIONS)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def why_not(self, action: str) -> str | None:
        """Why a key cannot act right now, in a short sentence (None: it can)."""
        if action in self._EDITS or action in ("submit", "compare"):
            if self.review is None:
                return "The conversation is still loading."
            if self.review.submitted and action in self._EDITS:
                return REOPEN_HINT
        if action == "edit" and (self.review is None or not self.review.submitted):
            return "Only a submitted review is reopened with e; this one is open for changes."
        if self.review is None:
            return None
        if action == "na" and not self._criterion().allow_na:
            return f"{self._criterion().label} cannot be N/A in this rubric; score it with a digit."
        if action == "root_causes" and not self._target().root_causes:
            return f"{self._target().label} has no root causes to pick in this rubric."
        if action == "set_preview" and self.preview is None:
            return "Show a level with ← or → first; space then gives that level."
        if action == "compare":
            if not self.session.calibration:
                return "v compares reviewers in calibration sessions only."
            if self._compare_target() is None:
                return "Submit first: the side-by-side view opens after you submitted (the review is blind)."
        if action == "message_note" and self.view is not None and not self.view.messages:
            return "This conversation has no messages to note on."
        if action == "accept_suggestions":
            return self.why_not_accept()
        return None

    def on_key(self, event: events.Key) -> None:
        """A key whose binding is greyed out reaches here: say why instead of doing nothing."""
        bindings = next((b for node, b in self._binding_chain if node is self), self._bindings)  # keymap applied
        for binding in bindings.key_to_bindings.get(event.key, ()):
            reason = self.why_not(binding.action.split("(")[0])
            if reason:
                event.stop()
                self.app.notify(reason, severity="warning", timeout=4)
                return

    def _criterion(self) -> Any:
        assert self.review is not None
        return self.review.rubric.criteria[self.cursor]

    def _target(self) -> Any:
        """The criterion a note or root causes apply to: the one last scored, unless the
        reviewer moved the cursor since (then the focused one)."""
        assert self.review is not None
        index = self.cursor if self.last_scored is None else self.last_scored
        return self.review.rubric.criteria[index]

    def action_score(self, digit: int) -> None:
        if self.review is None:
            return
        if self.review.submitted:
            self.app.notify(REOPEN_HINT, severity="warning", timeout=4)
            return
        criterion = self._criterion()
        level = digit
        if level not in criterion.levels:
            keys = "0 (no) or 1 (yes)" if criterion.binary else f"{criterion.min} to {criterion.max}"
            self.app.notify(f"{criterion.label} takes {keys}", severity="warning", timeout=3)
            return
        self._give(criterion, level)

    def _give(self, criterion: Any, level: int) -> None:
        assert self.review is not None
        state = self.review.criteria[criterion.id]
        seen = (state.score, state.na)  # a value someone else changed meanwhile is not overwritten
        state.score, state.na, state.suggested = level, False, False  # a digit is the reviewer's own score
        self._write(
            partial(reviews.set_score, review_id=self.review.id, criterion_id=criterion.id, score=level, expected=seen)
        )
        self._advance(self.cursor)

    def _advance(self, scored: int) -> None:
        """Move to the next criterion not yet scored; when all are, stay (a digit then corrects
        the criterion just scored, never silently one scored before)."""
        assert self.review is not None
        self.preview = None
        self.last_scored = scored
        criteria = self.review.rubric.criteria
        for offset in range(1, len(criteria) + 1):
            index = (self.cursor + offset) % len(criteria)
            if self.review.criteria[criteria[index].id].value is None:
                self.cursor = index
                break
        else:
            following = self._next_part() if len(self.parts) > 1 else None
            if following is not None:  # this party is scored: on to the other's criteria
                self._switch_part(following)
                return
            # Every criterion is scored: the focus stays (a digit corrects the one just scored).
        self._refresh_rubric()
        self.refresh_keys()

    def action_na(self) -> None:
        if self.review is None:
            return
        criterion = self._criterion()
        state = self.review.criteria[criterion.id]
        state.score, state.na, state.suggested = None, True, False
        self._write(partial(reviews.set_na, review_id=self.review.id, criterion_id=criterion.id))
        self._advance(self.cursor)

    def action_criterion(self, step: int) -> None:
        if self.review is None:
            return
        target = self.cursor + step
        ids = [p.id for p in self.parts]
        if not 0 <= target < len(self.review.rubric.criteria):
            neighbour = (ids.index(self.review.id) + (1 if step > 0 else -1)) if self.review.id in ids else -1
            if len(self.parts) > 1 and 0 <= neighbour < len(self.parts):
                # Past the last bot criterion is the first agent criterion, and back (no wrap).
                other = self.parts[neighbour]
                self.last_scored = None
                self._switch_part(other, 0 if step > 0 else len(other.rubric.criteria) - 1)
                return
            # No wrapping: the next digit would silently overwrite a score given long ago.
            edge = "first" if target < 0 else "last"
            self.app.notify(f"This is the {edge} criterion.", timeout=2)
            return
        self.cursor = target
        self.last_scored = None
        self.preview = None
        self._refresh_rubric()
        self.refresh_keys()
        if not self.review.submitted:
            criterion_id = self._criterion().id
            review_id = self.review.id
            store = self.app.store  # type: ignore[attr-defined]
            store.enqueue(partial(store.run, lambda db: reviews.set_position(db, review_id, criterion_id)))
            self.pending += 1
            self._flush("")

    def action_preview(self, step: int) -> None:
        if self.review is None:
            return
        criterion = self._criterion()
        current = self.preview if self.preview is not None else self.review.criteria[criterion.id].score
        start = current if current is not None else (criterion.min if step > 0 else criterion.max + 1) - step
        self.preview = max(criterion.min, min(criterion.max, start + step))
        self._refresh_rubric()

    def action_set_preview(self) -> None:
        if self.review is not None and self.preview is not None:
            self._give(self._criterion(), self.preview)

    def action_undo(self) -> None:
        if self.review is None:
            return
        review_id = self.review.id

        def undo(db: Any) -> None:
            undone = reviews.undo(db, review_id)
            if undone is None:
                raise _NothingToUndo()

        self._write(undo, "Undone")

    def action_submit(self) -> None:
        if self.review is None:
            return
        if self.review.submitted:
            self._open_next()
            return
        if self.review.editing:
            # A correction: ask why first (optional); escape keeps the review open.
            self.ask_reason_then(self._submit)
            return
        if not self._missing():
            self._submit()

    def _missing(self) -> bool:
        assert self.review is not None
        parts = [p for p in self.parts if not p.submitted] or [self.review]
        missing = [
            (f"{p.rubric.id}: " if len(parts) > 1 else "") + p.rubric.criterion(cid).label
            for p in parts
            for cid, s in p.criteria.items()
            if s.value is None
        ]
        if missing:
            self.app.notify(f"Score {', '.join(missing)} first (or mark N/A where allowed).", severity="warning")
        return bool(missing)

    @work(thread=True, exclusive=True, group="submit", exit_on_error=False)
    def _submit(self, reason: str = "") -> None:
        store = self.app.store  # type: ignore[attr-defined]
        assert self.review is not None
        review_id = self.review.id
        # Both parties of a hybrid conversation are submitted together: one review sitting.
        others = [p.id for p in self.parts if p.id != review_id and not p.submitted]
        seconds, self._unsaved_seconds = self._unsaved_seconds, 0.0
        try:
            store.flush()
            store.run(lambda db: reviews.add_time(db, review_id, seconds))
            # First submissions may move the leniency offsets: known before submitting.
            first = {p.id: p.first_submitted_at is None for p in self.parts if p.id in others}
            first[review_id] = self.review.first_submitted_at is None
            for other in others:
                store.run(lambda db, other=other: reviews.submit(db, other, refresh=False))
            store.run(lambda db: reviews.submit(db, review_id, reason, refresh=False))
            review = store.review(review_id)
            self.parts = [store.review(p.id) for p in self.parts]
            news = self.news_after_submit(review_id)
        except CxReviewError as error:
            self.post_message(WorkFailed(error.one_line()))
            return
        self.post_message(ReviewSubmitted(review, news))
        # Then the stored calibrated scores (review_overview): a refit can take seconds on a
        # large database, and the reviewer should not wait for it to see "submitted".
        try:
            for part_id, inputs_changed in first.items():
                store.run(lambda db, i=part_id, c=inputs_changed: reviews.refresh_calibrated(db, i, c))
        except CxReviewError as error:
            self.post_message(WorkFailed(error.one_line()))

    def on_review_submitted(self, message: ReviewSubmitted) -> None:
        self.review = message.review
        result = message.review.result()
        score = "no score (all N/A)" if result.score is None else f"{result.score:.0f}"
        self.item.status = "done"
        said = f"Submitted: {score}"
        if self.session.calibration:
            # Auto-advance here too; v compares the review just submitted from the next one.
            self.last_submitted = (message.review, self.item.conversation_id)
            said += ". v compares it with the other reviewers."
            if not self._has_next():
                self._refresh_rubric()
                self.refresh_keys()
                if message.note:
                    self.app.notify(message.note, timeout=10)
                self.app.notify(said + " It was the last one to do; esc goes back to the queue.", timeout=8)
                return
        self._open_next()
        if message.note:
            self.app.notify(message.note, timeout=10)
        self.app.notify(said, timeout=5 if self.session.calibration else 3)

    def _has_next(self) -> bool:
        return any(item.status != "done" for item in self.session.items[self.index + 1 :])

    def open_item(self, index: int) -> None:
        """Show another conversation of the session in this same screen (no remount)."""
        self._save_time()
        self.app.clear_notifications()  # old toasts belong to the conversation left behind
        self.index = index
        self.view = None
        self.review = None
        self.parts = []
        self.suggestions = {}
        self.preview = None
        self.last_scored = None
        self.query_one("#conversation-title", Static).update(Text("Loading…", style="dim"))
        # No refresh_bindings() here: the footer would be rebuilt twice per conversation (50 ms
        # of a 500-message open); keys pressed while loading are checked by check_action anyway.
        self.load()

    def _open_next(self) -> None:
        for index in range(self.index + 1, len(self.session.items)):
            if self.session.items[index].status != "done":
                self.open_item(index)
                return
        self.app.notify("That was the last conversation of this session to do.", timeout=5)
        self.app.leave_review(self, self.session.name, self.item.conversation_id)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self._save_time()
        self.app.clear_notifications()
        self.app.leave_review(self, self.session.name, self.item.conversation_id)  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("review", self.BINDINGS))


class _NothingToUndo(CxReviewError):
    def __init__(self) -> None:
        super().__init__("nothing to undo in this review")
