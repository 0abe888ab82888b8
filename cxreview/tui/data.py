"""What the screens show, loaded from the store in worker threads.

One connection serves the app; a lock keeps worker threads from using it at once, and a
FIFO of pending writes keeps every change in the order the reviewer made it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cxreview import reviews
from cxreview.errors import NotFoundError
from cxreview.parties import rubrics_for
from cxreview.reviews import Review
from cxreview.rubrics.model import Rubric
from cxreview.signals.config import repeat_contact_days
from cxreview.store import Database, open_database
from cxreview.store.conversations import get_conversation, get_messages
from cxreview.store.phases import phases_of
from cxreview.store.repeats import came_back_count
from cxreview.store.reviews import other_review_ids
from cxreview.store.sessions import item_reviewers, list_sessions, session_items, session_row
from cxreview.store.signals import conversation_signals, message_signals
from cxreview.suggestions import older_model_note
from cxreview.tui.long_text import Body, prepare


@dataclass
class QueueItem:
    position: int
    conversation_id: str
    status: str  # "to do", "in progress", "done"
    agent: str | None
    queue: str | None
    channel: str | None
    language: str | None
    n_messages: int
    badges: list[str]
    pick: str
    reason: str
    last_criterion: str | None
    kind: str | None = None  # hybrid, bot, agent or none: which rubrics the item needs


@dataclass
class SessionInfo:
    id: int
    name: str
    calibration: bool
    rubric: Rubric
    items: list[QueueItem]
    bot_rubric: Rubric | None = None  # the second rubric, for the bot's part

    def rubrics_for(self, item: QueueItem) -> list[Rubric]:
        """The rubrics this item is scored with, in the order the reviewer meets them."""
        return rubrics_for(item.kind, self.rubric, self.bot_rubric)

    @property
    def done(self) -> int:
        return sum(item.status == "done" for item in self.items)


@dataclass
class ConversationView:
    conversation: dict[str, Any]
    messages: list[dict[str, Any]]
    message_signals: dict[int, dict[str, Any]]
    signals: dict[str, Any] | None
    repeat_contacts: int
    phases: dict[str, Any] | None = None
    # Message bodies shortened in the loading worker, never on the UI thread (a 50 MB message
    # once froze the app and quit with it); each is masked when first shown (bounded in size).
    bodies: list[Body] = field(default_factory=list)


def resume_target(sessions: list[dict[str, Any]], reviewer: str) -> str | None:
    """The session to open without asking: the only open one, or the only one with a review
    in progress. None when there is a real choice (or nothing to open)."""
    if len(sessions) == 1:
        return str(sessions[0]["name"])
    started = [s for s in sessions if s["reviewers"][reviewer].get("started")]
    return str(started[0]["name"]) if len(started) == 1 else None


class TuiStore:
    """Thread-safe access to the database for the TUI."""

    def __init__(self, path: str) -> None:
        self.db: Database = open_database(path, create=False)
        self.lock = threading.RLock()
        self._pending: deque[Callable[[], Any]] = deque()

    def close(self) -> None:
        with self.lock:
            self.db.close()

    # -- reads ---------------------------------------------------------------------------
    def open_sessions(self, reviewer: str) -> list[dict[str, Any]]:
        with self.lock:
            return [
                s
                for s in list_sessions(self.db.conn, reviewer)
                if s["reviewers"][reviewer]["done"] < s["reviewers"][reviewer]["total"]
            ]

    def session(self, name: str, reviewer: str) -> SessionInfo:
        with self.lock:
            row = session_row(self.db.conn, name)
            if row is None:
                raise NotFoundError(f'no session "{name}"', "list sessions with 'cxreview sessions'")
            rubric = reviews.stored_rubric(self.db, row["rubric_id"], row["rubric_version"])
            bot_rubric = (
                reviews.stored_rubric(self.db, row["bot_rubric_id"], row["bot_rubric_version"])
                if row["bot_rubric_id"]
                else None
            )
            rows = session_items(self.db.conn, row["id"], reviewer)
            older = older_model_note(self.db, row)  # a retrain since: the AutoQA reasons are old
            if not rows:
                raise NotFoundError(
                    f'{reviewer} has no conversations in session "{name}"',
                    f"see who has with 'cxreview sessions show {name}'",
                )
        status = {None: "to do", "draft": "in progress", "submitted": "done"}
        items = []
        for r in rows:
            badges = []
            if r["n_spikes"]:
                badges.append("spike")
            if r["bot_loop"]:
                badges.append("loop")
            if r["stuck_in_bot"]:
                badges.append("stuck")
            items.append(
                QueueItem(
                    position=r["position"],
                    conversation_id=r["conversation_id"],
                    status=status[r["review_status"]],
                    agent=r["agent"],
                    queue=r["queue"],
                    channel=r["channel"],
                    language=r["language"],
                    n_messages=r["n_messages"],
                    badges=badges,
                    pick=r["pick"],
                    reason=r["reason"] + (older if r["pick"] == "autoqa" else ""),
                    last_criterion=r["last_criterion"],
                    kind=r["kind"],
                )
            )
        return SessionInfo(row["id"], row["name"], bool(row["calibration"]), rubric, items, bot_rubric)

    def conversation(self, conversation_id: str) -> ConversationView:
        with self.lock:
            conversation = get_conversation(self.db.conn, conversation_id)
            if conversation is None:
                raise NotFoundError(f'no conversation "{conversation_id}"', "it may have been deleted; re-import it")
            messages = get_messages(self.db.conn, conversation_id)
            # The one definition of repeat contact (store/repeats.py), as insights use it.
            repeat = came_back_count(self.db.conn, conversation_id, repeat_contact_days())
            return ConversationView(
                conversation=conversation,
                messages=messages,
                message_signals=message_signals(self.db.conn, conversation_id),
                signals=conversation_signals(self.db.conn, conversation_id),
                repeat_contacts=repeat,
                phases=phases_of(self.db.conn, conversation_id),
                bodies=[prepare(message["text"]) for message in messages],
            )

    def other_reviews(self, conversation_id: str, rubric_id: str, reviewer: str) -> list[Review]:
        """The other reviewers' reviews of a conversation: loaded only for the side-by-side
        view after submitting, never with the transcript (blind, and not on the hot path)."""
        with self.lock:
            return [
                reviews.get_review(self.db, row["id"])
                for row in other_review_ids(self.db.conn, conversation_id, rubric_id, reviewer)
            ]

    def item_reviewers(self, session_id: int, conversation_id: str) -> list[str]:
        with self.lock:
            return item_reviewers(self.db.conn, session_id, conversation_id)

    def start_review(self, conversation_id: str, reviewer: str, rubric: Rubric, session_id: int) -> Review:
        with self.lock:
            return reviews.start_review(self.db, conversation_id, reviewer, rubric, session_id)

    def review(self, review_id: int) -> Review:
        with self.lock:
            return reviews.get_review(self.db, review_id)

    # -- writes, in order ------------------------------------------------------------------
    def enqueue(self, operation: Callable[[], Any]) -> None:
        """Queue a write (called on the UI thread, so the order is the reviewer's order)."""
        self._pending.append(operation)

    def flush(self) -> list[Any]:
        """Run every queued write in order (called in a worker). Whichever worker gets the
        lock first runs them all; later workers find the queue empty."""
        results = []
        failure: Exception | None = None
        with self.lock:
            while self._pending:
                try:
                    results.append(self._pending.popleft()())
                except Exception as error:  # noqa: BLE001 - keep writing the rest, report the first
                    failure = failure or error
        if failure is not None:
            raise failure
        return results

    def run(self, operation: Callable[[Database], Any]) -> Any:
        with self.lock:
            return operation(self.db)
