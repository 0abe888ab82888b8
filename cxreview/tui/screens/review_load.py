"""One conversation loaded for the review screen, in a worker thread (never on the UI thread).

The review screen loads each conversation it opens with this. The app's start worker uses it
too when it resumes straight into a review in progress: that screen is then composed with its
conversation and painted once, instead of first empty ("Loading…") and again when the data
arrived, a second layout and paint of the whole screen on the start path.
"""

from __future__ import annotations

from functools import partial

from cxreview import corrections
from cxreview.tui.data import SessionInfo, TuiStore
from cxreview.tui.messages import ConversationLoaded
from cxreview.tui.screens.review_autoqa import load_suggestions


def load_conversation(store: TuiStore, session: SessionInfo, index: int, reviewer: str) -> ConversationLoaded:
    """The conversation at ``index`` with every part's review (started if new), its AutoQA
    suggestions and the revision bookmark; raises what the store raises."""
    item = session.items[index]
    parts = [
        store.start_review(item.conversation_id, reviewer, rubric, session.id) for rubric in session.rubrics_for(item)
    ]
    view = store.conversation(item.conversation_id)
    bookmark = 0
    for part in parts:
        # What the screen shows includes every saved revision; later ones are news (review_edit).
        bookmark = store.run(partial(corrections.last_revision, review_id=part.id))
    found = store.run(
        partial(load_suggestions, conversation_id=view.conversation["id"], parts=parts, calibration=session.calibration)
    )
    # Open the first part still to be submitted: the bot's criteria come first.
    review = next((p for p in parts if not p.submitted), parts[-1])
    return ConversationLoaded(view, review, parts, found, bookmark)
