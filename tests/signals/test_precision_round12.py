"""Round 12 audit (issue 12): reasons that say why a message scored, waiting complaints alike
in English and Dutch, rhetorical questions, plain disappointment, and names in capitals."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import ConversationSignals, analyze
from cxreview.signals.features import text_features

CONFIG = load_config()
FRUSTRATED_AT = CONFIG["frustration"]["frustrated_at"]


def run(turns: list[tuple[str, str]], language: str = "en") -> ConversationSignals:
    messages = [
        (position, role, None, text_features(text, language, role == "customer"))
        for position, (role, text) in enumerate(turns, start=1)
    ]
    return analyze("t", language, messages, CONFIG)


def customer(text: str, language: str = "en") -> float:
    return run([("customer", text)], language).messages[0].frustration or 0.0


# -- 6: a name or product in capitals is no shouting; a phrase in capitals is ----------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I want to cancel my NETFLIX subscription", "en"),
        ("My VODAFONE bill is wrong", "en"),
        ("I paid with PAYPAL", "en"),
        ("Mijn ZIGGO internet doet het niet", "nl"),
        ("Ik heb betaald met PAYPAL", "nl"),
    ],
)
def test_a_name_in_capitals_is_no_shouting(text: str, language: str) -> None:
    f = text_features(text, language)
    assert f.emphasis == 0 and f.caps == 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("WHERE IS MY ORDER", "en"), ("I WANT A REFUND", "en"), ("WAAR BLIJFT MIJN PAKKET", "nl")],
)
def test_a_phrase_in_capitals_shouts(text: str, language: str) -> None:
    assert text_features(text, language).caps > 0.9
    assert customer(text, language) >= FRUSTRATED_AT


def test_a_known_word_in_capitals_is_still_emphasis() -> None:
    assert text_features("I need it fixed IMMEDIATELY", "en").emphasis == 1
    assert text_features("Ik wil het METEEN opgelost hebben", "nl").emphasis == 1
    assert text_features("My NETFLIX account is blocked AGAIN", "en").emphasis == 1
