"""Messages that workers post back to the UI thread (past tense: what happened)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message

from cxreview.reviews import Review
from cxreview.tui.data import ConversationView, SessionInfo


@dataclass
class SessionLoaded(Message):
    session: SessionInfo


@dataclass
class StartResolved(Message):
    """Where the app starts: the session to open (None: the picker) and, loaded, its items;
    when resuming a review in progress, its conversation too (None: the screen loads it)."""

    name: str | None
    session: SessionInfo | None
    loaded: ConversationLoaded | None = None


@dataclass
class ConversationLoaded(Message):
    view: ConversationView
    review: Review
    parts: list[Review] = field(default_factory=list)  # every party's review, in order
    suggestions: dict[int, dict[str, Any]] = field(default_factory=dict)  # review id -> AutoQA by criterion
    bookmark: int = 0  # the last saved revision when loaded: later ones are news (review_edit)


@dataclass
class ReviewSaved(Message):
    review: Review
    note: str = ""


@dataclass
class ReviewSubmitted(Message):
    review: Review
    note: str = ""  # what others changed meanwhile, to tell the reviewer


@dataclass
class WorkFailed(Message):
    error: str


@dataclass
class LinesWrapped(Message):
    """A piece of a long message, masked and wrapped by a worker."""

    lines: list[str]
    done: int  # characters handled so far
