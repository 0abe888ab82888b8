"""Notes from the review screen: on a criterion, on the whole review (the coaching note), on
a message, and root causes; each shown at once and written in order by the screen's writer."""

from __future__ import annotations

from typing import Any

from cxreview import reviews
from cxreview.tui.widgets.transcript import Transcript


class ReviewNotes:
    """Mixed into ReviewScreen: the note and root-cause keys."""

    review: Any
    app: Any
    _write: Any
    _refresh_rubric: Any
    _target: Any
    query_one: Any

    def _edit_note(self, title: str, current: str, show: Any, save: Any, saved: str) -> None:
        """Open the note dialog; on save, ``show`` the text at once and ``save`` it in order."""
        from cxreview.tui.screens.modals import NoteModal

        def done(text: str | None) -> None:
            if text is not None and self.review is not None:
                show(text)
                self._write(lambda db: save(db, text), saved)

        self.app.push_screen(NoteModal(title, current), done)

    def action_criterion_note(self) -> None:
        if self.review is None:
            return
        review, criterion = self.review, self._target()
        state = review.criteria[criterion.id]

        def show(text: str) -> None:
            state.note = text
            self._refresh_rubric()

        self._edit_note(
            f"Note on {criterion.label}",
            state.note,
            show,
            lambda db, text: reviews.set_criterion_note(db, review.id, criterion.id, text),
            "Note saved",
        )

    def action_overall_note(self) -> None:
        if self.review is None:
            return
        review = self.review

        def show(text: str) -> None:
            review.overall_note = text
            self._refresh_rubric()

        self._edit_note(
            "Coaching note for the agent",
            review.overall_note,
            show,
            lambda db, text: reviews.set_overall_note(db, review.id, text),
            "Coaching note saved",
        )

    def action_message_note(self) -> None:
        transcript = self.query_one(Transcript)
        position = transcript.focused_position
        if self.review is None or position is None:
            return
        review = self.review

        def show(text: str) -> None:
            review.message_notes[position] = text
            transcript.set_notes(review.message_notes)

        self._edit_note(
            f"Note on message {position}",
            review.message_notes.get(position, ""),
            show,
            lambda db, text: reviews.set_message_note(db, review.id, position, text),
            "Message note saved",
        )

    def action_root_causes(self) -> None:
        if self.review is None:
            return
        from cxreview.tui.screens.modals import RootCauseModal

        criterion = self._target()
        review_id = self.review.id

        def done(chosen: list[str] | None) -> None:
            if chosen is not None and self.review is not None:
                self.review.criteria[criterion.id].root_causes = chosen
                self._refresh_rubric()
                self._write(
                    lambda db: reviews.set_root_causes(db, review_id, criterion.id, chosen), "Root causes saved"
                )

        self.app.push_screen(
            RootCauseModal(criterion.label, criterion.root_causes, self.review.criteria[criterion.id].root_causes), done
        )
