"""Analyse a scripted conversation in one call: the helper the signal tests share.

A test writes its conversation as ``(role, text)`` turns (or ``(role, text, at)`` with a
time stamp); ``run`` reads each text as an analysis does (`features.message_features`: what
a customer, the bot or an agent wrote) and returns the conversation's signals.
"""

from __future__ import annotations

from typing import Any

from cxreview.records import ConversationSignals, MessageSignals
from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import TextFeatures, message_features

CONFIG = load_config()

Turn = tuple[str, str] | tuple[str, str, str | None]


def messages_of(
    turns: list[Turn], language: str = "en", clock: bool = False
) -> list[tuple[int, str, str | None, TextFeatures]]:
    """The (position, role, at, features) rows ``analyze`` takes; ``clock`` stamps a minute apart."""
    rows = []
    for position, turn in enumerate(turns, start=1):
        role, text = turn[0], turn[1]
        at = turn[2] if len(turn) > 2 else (f"2026-03-05T10:{position:02d}:00Z" if clock else None)
        rows.append((position, role, at, message_features(role, text, language)))
    return rows


def run(
    turns: list[Turn],
    language: str = "en",
    config: dict[str, Any] | None = None,
    *,
    clock: bool = False,
    **kwargs: Any,
) -> ConversationSignals:
    """Analyse ``turns`` with the default signals config (or ``config``)."""
    return analyze("t", language, messages_of(turns, language, clock), config or CONFIG, **kwargs)


def alone(text: str, language: str = "en") -> MessageSignals:
    """The signals of the customer's ``text`` said alone (a conversation of one message)."""
    return run([("customer", text)], language).messages[-1]


# A short opening exchange, so the message under test is not the customer's first.
OPENING = {
    "en": [("bot", "Hi! How can I help?"), ("customer", "hi, a question about my account")],
    "nl": [("bot", "Hoi! Waarmee kan ik je helpen?"), ("customer", "hoi, vraagje over mijn account")],
}


def after_opening(text: str, language: str, before: str, role: str = "bot") -> MessageSignals:
    """The signals of the customer's ``text`` after the opening exchange and ``before`` (by ``role``)."""
    return run([*OPENING[language], (role, before), ("customer", text)], language).messages[-1]


def asks_for_person(text: str, language: str, before: str, role: str = "bot") -> bool:
    """Whether ``text``, after the opening exchange and ``before`` (by ``role``), asks for a person."""
    return any(flag.flag == "human_request" for flag in after_opening(text, language, before, role).flags)
