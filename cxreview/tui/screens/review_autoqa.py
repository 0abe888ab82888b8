"""AutoQA suggestions in the review screen: loaded with the conversation (never in a blind
calibration session), shown beside the scale by the rubric panel, accepted with `a`."""

from __future__ import annotations

from functools import partial
from typing import Any

from cxreview import reviews, suggestions
from cxreview.store.suggestions import suggestions_for

CALIBRATION_HINT = "Blind calibration session: AutoQA suggestions are never shown here, so a accepts nothing."
NO_SUGGESTION_HINT = "No reliable AutoQA suggestion for this conversation (see cxreview autoqa train and score)."


def load_suggestions(db: Any, conversation_id: str, parts: list[Any], calibration: bool) -> dict[int, dict[str, Any]]:
    """In the load worker: every part's suggestions by review id (none at all when blind)."""
    if calibration:
        return {}
    found = {part.id: suggestions_for(db, conversation_id, part.rubric.id, part.rubric.version) for part in parts}
    return {review_id: shown for review_id, shown in found.items() if shown}


class ReviewAutoQA:
    """Mixed into ReviewScreen: the `a` key and what it needs."""

    review: Any
    session: Any
    app: Any
    _write: Any
    _refresh_rubric: Any
    refresh_bindings: Any
    cursor: int
    preview: int | None
    last_scored: int | None
    suggestions: dict[int, dict[str, Any]] = {}  # review id -> criterion -> Suggestion

    def current_suggestions(self) -> dict[str, Any]:
        """What the rubric panel shows for the part on screen (empty: nothing changes)."""
        if self.review is None:
            return {}
        return suggestions.shown(self.suggestions.get(self.review.id, {}), self.session.calibration)

    def why_not_accept(self) -> str | None:
        if self.session.calibration:
            return CALIBRATION_HINT
        shown = self.current_suggestions()
        if shown and not any(s.reliable for s in shown.values()):
            # Models exist, so training and scoring ran: the verdict, not a command, is the point.
            labels = [c.label for c in self.review.rubric.criteria if c.id in shown] if self.review else []
            return f"AutoQA is not reliable for {', '.join(labels)}: score yourself (the panel says why)."
        if not shown:
            return NO_SUGGESTION_HINT
        return None

    def action_accept_suggestions(self) -> None:
        if self.review is None or self.review.submitted:
            return
        review = self.review
        plan = suggestions.plan_accept(review, self.current_suggestions())
        said = suggestions.describe(plan, review)
        if not plan.levels:
            self.app.notify(said, severity="warning", timeout=5)
            return
        for criterion_id, level in plan.levels.items():  # shown at once, written in order
            state = review.criteria[criterion_id]
            state.score, state.na, state.suggested = level, False, True
        self._write(partial(_accept, review.id, plan.levels), said)
        # On to the first criterion still to score (often one whose model is not reliable).
        open_ = [i for i, c in enumerate(review.rubric.criteria) if review.criteria[c.id].value is None]
        if open_:
            self.cursor, self.preview, self.last_scored = open_[0], None, None
        self._refresh_rubric()
        self.refresh_bindings()


def _accept(review_id: int, levels: dict[str, int], db: Any) -> None:
    reviews.accept_suggestions(db, review_id, levels)
