"""Analyse a scripted conversation in one call: the helper the signal tests share.

A test writes its conversation as ``(role, text)`` turns (or ``(role, text, at)`` with a
time stamp); ``run`` reads each text as an analysis does (`features.message_features`: what
a customer, the bot or an agent wrote) and returns the conversation's signals.
"""

from __future__ import annotations

from typing import Any

from cxreview.records import ConversationSignals
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
