"""The compare key of the review screen: this review beside the other reviewers' of the same
conversation, with who has not submitted yet (read in a worker, shown in a modal)."""

from __future__ import annotations

from typing import Any

from textual import work

from cxreview import reviews
from cxreview.reviews import Review


class ReviewCompare:
    """Mixed into ReviewScreen: `v` and the reads behind it."""

    app: Any
    review: Review | None
    item: Any
    session: Any
    last_submitted: tuple[Review, str] | None

    def action_compare(self) -> None:
        target = self._compare_target()
        if target is not None:
            self._load_compare(*target)

    def _compare_target(self) -> tuple[Review, str] | None:
        """The review v compares: this one once submitted, else the one submitted just before."""
        if self.review is not None and self.review.submitted:
            return self.review, self.item.conversation_id
        return self.last_submitted

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def _load_compare(self, mine: Review, conversation_id: str) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        store.run(lambda db: reviews.mark_seen_others(db, mine.id))
        others = store.other_reviews(conversation_id, mine.rubric.id, mine.reviewer)
        assigned = store.item_reviewers(self.session.id, conversation_id)
        submitted = {mine.reviewer} | {r.reviewer for r in others if r.submitted}
        waiting = [name for name in assigned if name not in submitted]
        self.app.call_from_thread(self._show_compare, mine, conversation_id, others, waiting)

    def _show_compare(self, mine: Review, conversation_id: str, others: list[Review], waiting: list[str]) -> None:
        from cxreview.tui.screens.compare import CompareModal

        self.app.push_screen(CompareModal(mine, others, waiting, conversation_id))
