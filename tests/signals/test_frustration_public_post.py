"""A problem told in a public post to the company (a tweet naming it by @handle) weighs more
than the same words in a chat: `TextFeatures.public` and the model feature `public_problem`, with
the near misses that stay calm (an e-mail address, a question or thanks in public, a problem said
to be over). Alone it no longer flags (round 20: the readers of real support tweets, twcs20, call
a calm report calm, where the complaint-tweet corpus calls it a complaint)."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from tests.signals.dialogue import alone

FRUSTRATED_AT = 0.4
SPIKE_AT = 0.7


def test_a_handle_makes_a_text_public_and_an_email_address_does_not() -> None:
    assert text_features("@XboxSupport cant sign in", "en").public
    assert text_features("thanks @Delta for losing my bag", "en").public
    assert not text_features("cant sign in", "en").public
    assert not text_features("mail me at jan@example.com, my router is not working", "en").public
    assert not text_features("meet me @ the store", "en").public


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("@XboxSupport cant sign in to xbox live, error 0x87DD0006. anyone else?", "en"),
        ("@RockstarSupport GTA keeps crashing with a BSOD on my AMD card, can you help?", "en"),
        ("@KPNwebcare mijn internet werkt niet sinds vanochtend", "nl"),
    ],
)
def test_a_problem_told_in_public_weighs_more_than_in_a_chat_and_is_no_spike(text: str, language: str) -> None:
    public = alone(text, language)
    in_chat = alone(text.split(" ", 1)[1], language)
    # 0.1 higher until round 20; about 0.07 since round 21's training on twcs21, and about 0.045 since
    # round 22's on spot22, whose readers too call a calm public report calm.
    assert in_chat.frustration + 0.03 <= public.frustration < SPIKE_AT, public.reasons
    # Among its first two reasons (since round 22 "negative words" can weigh more in a crash report).
    assert "reports a problem in a public post" in public.reasons[:2]
    # One reason for the problem: the plain "reports a problem" is folded into it.
    assert "reports a problem" not in public.reasons
    assert public.cues["public_problem_match"] == public.cues["problem_match"]
    # The same words in a chat are a calm report.
    assert in_chat.frustration < FRUSTRATED_AT
    assert "reports a problem in a public post" not in in_chat.reasons


@pytest.mark.parametrize(
    "text",
    [
        "@SpotifyCares is there a way to download podcasts on the desktop app?",
        "@AmazonHelp thanks, package arrived early",
        "@comcastcares my internet was down this morning but it's fixed now, thanks",
        "mail me at jan@example.com, my router is not working",
    ],
)
def test_a_public_post_without_a_problem_or_an_email_address_stays_calm(text: str) -> None:
    message = alone(text)
    assert message.frustration < FRUSTRATED_AT, message.reasons
    assert "reports a problem in a public post" not in message.reasons
