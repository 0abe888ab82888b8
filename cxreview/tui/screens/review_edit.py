"""Correcting a submitted review from the review screen: `e` reopens it, `enter` saves it
again with an optional reason, and changes others saved meanwhile are told, never overwritten."""

from __future__ import annotations

from typing import Any

from textual import work

from cxreview import corrections, reviews
from cxreview.errors import CxReviewError
from cxreview.tui.messages import WorkFailed

REOPEN_HINT = "This review is submitted; press e to reopen it and correct it."


class ReviewCorrections:
    """Mixed into ReviewScreen: the part of the screen that deals with corrections."""

    review: Any
    item: Any
    app: Any
    bookmark: int = 0  # the last revision this screen has shown; later ones are news

    def action_edit(self) -> None:
        if self.review is not None and self.review.submitted:
            self._reopen(self.review.id, self.bookmark)

    @work(thread=True, exclusive=True, group="reopen", exit_on_error=False)
    def _reopen(self, review_id: int, bookmark: int) -> None:
        store, me = self.app.store, self.app.reviewer
        try:
            review = store.run(lambda db: reviews.reopen(db, review_id, by=me))
            news = store.run(lambda db: corrections.news_since(db, review_id, bookmark, me))
            self.bookmark = store.run(lambda db: corrections.last_revision(db, review_id))
        except CxReviewError as error:
            self.post_message(WorkFailed(error.one_line()))  # type: ignore[attr-defined]
            return
        note = "Reopened: change what you need; enter saves it again (with a reason if you like)."
        if news:
            note = "Changed by others since you opened it: " + "; ".join(news) + ". " + note
        self.app.call_from_thread(self._reopened, review, note)

    def _reopened(self, review: Any, note: str) -> None:
        self.item.status = "in progress"
        self.review = review  # the database's version: it may hold an arbiter's change
        self._refresh_rubric()  # type: ignore[attr-defined]
        self.refresh_keys()  # type: ignore[attr-defined]
        self.app.notify(note, timeout=8)

    def ask_reason_then(self, submit: Any) -> None:
        """Saving a corrected review again: ask why (optional), then submit with it."""
        from cxreview.tui.screens.modals import NoteModal

        def done(reason: str | None) -> None:
            if reason is not None:  # escape keeps the review open; ctrl+s saves, with or without a reason
                submit(reason)

        self.app.push_screen(NoteModal("Why did you change this review? (optional; ctrl+s saves)", ""), done)

    def news_after_submit(self, review_id: int) -> str:
        """In the submit worker: what others saved while the reviewer had the review open."""
        store, me, bookmark = self.app.store, self.app.reviewer, self.bookmark
        news = store.run(lambda db: corrections.news_since(db, review_id, bookmark, me))
        return ("Meanwhile " + "; ".join(news) + ".") if news else ""

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def reload_after_conflict(self, review_id: int) -> None:
        """A score someone else changed was refused: show the database's version now."""
        review = self.app.store.review(review_id)
        self.app.call_from_thread(self._take_fresh, review)

    def _take_fresh(self, review: Any) -> None:
        if self.review is not None and self.review.id == review.id:
            self.review = review
            self._refresh_rubric()  # type: ignore[attr-defined]
            self.refresh_keys()  # type: ignore[attr-defined]
