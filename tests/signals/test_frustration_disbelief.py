"""Disbelief said alone or ending a message is impatience ("unreal", "you're joking",
"ongelofelijk dit", "dat meen je niet"; from blind18's misses after its count), not when
praise follows or the word is part of a name or a compliment."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone

FRUSTRATED_AT = 0.4
# Disbelief alone lifts a message from about 0.1 to near the flag: since round 20 the model, trained
# on real support tweets too, weighs one cue alone at about 0.37, just under `frustrated_at` (0.31
# since round 21 added twcs21's 1,270 real tweets to its training).
ALONE_AT = 0.3


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("unreal", "en"),
        ("charged twice again. unreal", "en"),
        ("this is unreal.", "en"),
        ("you're joking", "en"),
        ("you must be joking", "en"),
        ("you're kidding me. another week?", "en"),
        ("ongelofelijk dit", "nl"),
        ("echt ongelofelijk.", "nl"),
        ("dat meen je niet", "nl"),
        ("dat meen je niet. en dat hoor ik nu pas?", "nl"),
    ],
)
def test_disbelief_alone_or_at_the_end_is_impatience(text: str, language: str) -> None:
    message = alone(text, language)
    assert message.frustration >= ALONE_AT, message.reasons
    assert "impatience" in message.reasons


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("unreal, that's amazing news", "en"),
        ("the graphics are unreal", "en"),
        ("Unreal Engine won't start, which version do you support?", "en"),
        ("you're joking, that's brilliant", "en"),
        ("you're kidding, you fixed it already? thanks!", "en"),
        ("I hope you're joking about the fee haha", "en"),
        ("ongelofelijk mooi", "nl"),
        ("ik vind het ongelofelijk dat jullie zo snel zijn, top", "nl"),
        ("dat meen je niet, wat leuk!", "nl"),
    ],
)
def test_disbelief_before_praise_or_inside_a_compliment_is_none(text: str, language: str) -> None:
    message = alone(text, language)
    assert "impatience" not in message.reasons
    assert message.frustration < FRUSTRATED_AT, message.reasons
