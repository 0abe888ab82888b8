"""Frustration readings of round 26, judged by left-out corpora (`frustration_crossfit.py`): a "like"
that compares or hedges is no praise ("It's been like this for weeks", "sounds like a generic reply"),
while liking ("I like the app") and a polite wish ("I'd like a refund") keep their valence; a short reply in a public thread is not "much shorter
than usual" (a tweet answering a question is short). The
wordings are written for these tests, not the tweets' own."""

from __future__ import annotations

import pytest

from cxreview.signals.sentiment import english_senses, reference_sentiment, sentiment
from tests.signals.dialogue import run


@pytest.mark.parametrize(
    "text",
    [
        "@Telco It's been like this for weeks. Can you confirm?",
        "Sounds like a generic reply to me",
        "Feels like I'm talking to a wall",
        "Looks like my parcel went to the wrong town",
        "@Shop my order is stuck like this again",
        "The app crashes like this every morning",
    ],
)
def test_a_like_that_compares_or_hedges_is_no_praise(text: str) -> None:
    assert sentiment(text, "en", customer=True) <= 0
    assert sentiment(text, "en") == reference_sentiment(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "I like the new app",
        "I really like this update",
        "I'd like that, thanks",
        "I would like to change my plan",
        "We like these playlists",
    ],
)
def test_liking_and_a_polite_wish_keep_their_valence(text: str) -> None:
    assert sentiment(text, "en", customer=True) > 0
    assert sentiment(text, "en") == reference_sentiment(text, "en")


def test_the_sense_is_rewritten_only_where_like_compares() -> None:
    assert english_senses("Sounds like a plan") == "Sounds as a plan"
    assert english_senses("LIKE THIS IS A JOKE") == "AS THIS IS A JOKE"
    assert english_senses("I don't like it") == "I don't like it"
    assert english_senses("nothing to see here") == "nothing to see here"


def _thread(first: str, reply: str):
    return run([("customer", first), ("agent", "Sorry to hear that. Could you send us your order number?"), ("customer", reply)])


def test_a_short_reply_in_a_public_thread_is_not_curt() -> None:
    public = _thread("@Shop I ordered a blue jacket last week and it still has not arrived at my house", "@Shop ok no")
    assert "curt" not in public.messages[2].features
    assert "curt" not in public.messages[2].cues


def test_a_short_reply_in_a_chat_is_still_curt() -> None:
    chat = _thread("Hello there, I ordered a blue jacket last week and it has not arrived yet", "ok no")
    assert "curt" in chat.messages[2].features
