"""Ironic praise: sarcasm in a sour setting, praise after a fix or next to thanks."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from tests.signals.dialogue import run

CONFIG = load_config()
FRUSTRATED_AT = CONFIG["frustration"]["frustrated_at"]


def last_customer(turns: list[tuple[str, str]], language: str = "en"):  # noqa: ANN201
    result = run(turns, language)
    return [m for (role, _), m in zip(turns, result.messages, strict=True) if role == "customer"][-1]


@pytest.mark.parametrize(
    ("agent", "reply", "language"),
    [
        ("I've resent it, it arrives tomorrow.", "Amazing service, thank you so much!", "en"),
        ("Your refund has been processed.", "Really great. Thanks for sorting it.", "en"),
        ("Your refund has been processed.", "Brilliant.", "en"),
        ("Your refund has been processed.", "I love it.", "en"),
        ("Your refund has been processed.", "Wow. Great service. Really great.", "en"),
        ("Uw terugbetaling is verwerkt.", "Prima hoor, dank je wel", "nl"),
        ("Uw terugbetaling is verwerkt.", "Echt geweldig, bedankt voor de snelle hulp!", "nl"),
        ("Uw terugbetaling is verwerkt.", "Heerlijk.", "nl"),
        ("Je pakket is onderweg.", "Fijne service, dank je!", "nl"),
    ],
)
def test_praise_after_a_fix_is_praise(agent: str, reply: str, language: str) -> None:
    opening = "my parcel did not arrive" if language == "en" else "mijn pakket is niet aangekomen"
    message = last_customer([("customer", opening), ("agent", agent), ("customer", reply)], language)
    assert message.frustration < FRUSTRATED_AT
    assert message.sentiment > 0
    assert not any(f.flag in ("frustrated", "emotion_spike") for f in message.flags)


@pytest.mark.parametrize(
    ("agent", "reply", "language"),
    [
        ("Sorry, it's been delayed another week.", "Wow. Great service. Really great.", "en"),
        ("I'm afraid it's been delayed another week.", "Brilliant.", "en"),
        ("I don't understand. Can you rephrase?", "Oh great.", "en"),
        ("Sorry, het duurt nog een week.", "Top hoor.", "nl"),
        ("Helaas is uw pakket vertraagd.", "Echt geweldig.", "nl"),
    ],
)
def test_the_same_praise_after_bad_news_is_sarcasm(agent: str, reply: str, language: str) -> None:
    opening = "where is my parcel?" if language == "en" else "waar is mijn pakket?"
    message = last_customer([("customer", opening), ("agent", agent), ("customer", reply)], language)
    assert message.frustration >= FRUSTRATED_AT
    assert message.sentiment < 0
    assert "sarcasm" in message.reasons


def test_after_a_frustrated_message_praise_is_sarcasm_unless_it_thanks() -> None:
    angry = "This is the THIRD time my parcel is late!!! Ridiculous."
    sour = last_customer([("customer", angry), ("agent", "It will arrive Friday."), ("customer", "Really great.")])
    assert sour.frustration >= FRUSTRATED_AT and "sarcasm" in sour.reasons
    thanks = last_customer(
        [("customer", angry), ("agent", "It will arrive Friday."), ("customer", "Really great, thanks.")]
    )
    assert thanks.frustration < FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wow. Great service. Really great.", "en"),
        ("Top hoor.", "nl"),
        ("Great service. Still no refund after 3 weeks.", "en"),
    ],
)
def test_an_opening_with_ironic_praise_stays_sarcasm(text: str, language: str) -> None:
    message = last_customer([("customer", text)], language)
    assert message.frustration >= FRUSTRATED_AT and message.sentiment < 0


def test_thanks_for_nothing_stays_sarcasm_after_a_fix_wording() -> None:
    message = last_customer(
        [
            ("customer", "my refund?"),
            ("agent", "Your refund has been processed."),
            ("customer", "Thanks for nothing, it's not there."),
        ]
    )
    assert message.frustration >= FRUSTRATED_AT and "sarcasm" in message.reasons


@pytest.mark.parametrize(
    ("text", "language"),
    [("😡🤬", "en"), ("😡😡😡", "en"), ("😡😡", "nl"), ("Great service, really great 🙄", "en"), ("Top hoor 🙄", "nl")],
)
def test_angry_faces_and_rolling_eyes_are_read(text: str, language: str) -> None:
    message = last_customer([("customer", text)], language)
    assert message.sentiment < 0
    assert message.frustration >= FRUSTRATED_AT


@pytest.mark.parametrize(("text", "language"), [("great, thanks 🙂", "en"), ("haha 😂 top, bedankt", "nl")])
def test_friendly_faces_stay_friendly(text: str, language: str) -> None:
    message = last_customer([("customer", text)], language)
    assert message.sentiment > 0 and message.frustration < FRUSTRATED_AT
