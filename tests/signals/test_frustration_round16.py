"""Frustration readings added in round 16: "pretty" and "super" as intensifiers, and the
support-thread wordings of the lead's fourth blind round (benchmarks/eval/support_rounds.txt)."""

from __future__ import annotations

import pytest

from cxreview.signals.sentiment import english_senses, reference_sentiment, sentiment
from tests.signals.dialogue import run


@pytest.mark.parametrize(
    ("text", "negative"),
    [
        ("Pretty disappointed!", True),
        ("the app is pretty bad", True),
        ("super annoying that it logs me out", True),
        ("PRETTY BAD service", True),
        # The intensifier keeps praise praise.
        ("pretty good, thanks", False),
        ("super helpful, thank you", False),
    ],
)
def test_pretty_and_super_strengthen_the_next_word(text: str, negative: bool) -> None:
    assert (sentiment(text, "en", customer=True) < -0.05) is negative
    # vaderSentiment itself reads the rewritten text the same way.
    assert (reference_sentiment(text, "en") < -0.05) is negative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pretty disappointed!", "Quite disappointed!"),
        ("PRETTY BAD", "QUITE BAD"),
        ("super slow", "very slow"),
        # Standing alone or before a number it is not an intensifier.
        ("she looks pretty", "she looks pretty"),
        ("Super 8 hotel", "Super 8 hotel"),
        ("supermarket delivery", "supermarket delivery"),
    ],
)
def test_english_senses(text: str, expected: str) -> None:
    assert english_senses(text) == expected


def test_pretty_disappointed_reads_as_frustrated_not_as_praise() -> None:
    result = run([("customer", "Waited all year for it and the one I got was dry. Pretty disappointed!")])
    # VADER alone rates this message +0.10 ("pretty" as praise).
    assert result.messages[-1].sentiment < -0.3


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("bedankt he, voor het kwijtraken van mijn pakket", "nl", "sarcasm"),
        ("Pakket kwijt. Goed bezig jongens 👏", "nl", "sarcasm"),
        ("Your update deleted all my saved addresses. Brilliant work guys 👏", "en", "sarcasm"),
        ("ok so I'm just supposed to sit here without heating in December?", "en", "rhetorical"),
        ("dus ik moet maar gewoon zonder verwarming zitten?", "nl", "rhetorical"),
        ("your chatbot clearly has no idea", "en", "grievance"),
        ("Genuinely the most useless customer service I've ever dealt with", "en", "grievance"),
        ("jullie chatbot snapt er helemaal niks van", "nl", "grievance"),
        ("zo klantonvriendelijk heb ik het nog nooit meegemaakt", "nl", "grievance"),
        # The fifth round.
        ("Why does every call end with 'someone will get back to you' and then nothing", "en", "grievance"),
        ("2 hours on the phone and I'm no closer to getting my bag back", "en", "grievance"),
        ("not even an apology?", "en", "grievance"),
        ("15 years with you guys and this is the thanks", "en", "grievance"),
        ("love how the app crashes every single time I try to pay", "en", "sarcasm"),
        ("Your 'express' delivery took 9 days. What exactly did I pay extra for?", "en", "rhetorical"),
        ("Wat heb ik aan een klantenservice die nooit opneemt", "nl", "rhetorical"),
        ("Ik word gek van jullie app, elke keer uitgelogd", "nl", "grievance"),
        ("zeg maar gewoon dat jullie het niet weten", "nl", "grievance"),
        ("ik ben er echt helemaal klaar mee", "nl", "grievance"),
        ("Wat een drama deze verhuizing via jullie. Niks klopt.", "nl", "grievance"),
        ("Pff, weer een standaardmailtje terug. Lees mijn vraag nou eens", "nl", "grievance"),
        ("fijn hoe de app elke keer crasht", "nl", "sarcasm"),
    ],
)
def test_round16_wordings_read_as_frustration(text: str, language: str, cue: str) -> None:
    message = run([("customer", text)], language).messages[-1]
    assert cue in message.cues
    assert message.frustration >= 0.4


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Sincere praise and thanks, also with a clap.
        ("Thanks, great job guys 👏", "en"),
        ("goed gedaan, bedankt!", "nl"),
        # A question about what to do is a question.
        ("So I'm supposed to enter the code here?", "en"),
        ("dus ik moet gewoon opnieuw inloggen?", "nl"),
        # Superlatives of praise, and not knowing one's own number.
        ("the most helpful agent I've ever dealt with", "en"),
        ("nog nooit zo'n goede service meegemaakt", "nl"),
        ("I have no idea what my account number is", "en"),
        # A calm check on a wait.
        ("Still waiting on the refund but I understand it takes a few days, just checking in", "en"),
        ("Ik wacht nog op mijn terugbetaling, ik snap dat het even duurt, wilde even checken", "nl"),
        # Sincere relief and praise; a bug report told calmly.
        ("I love how it never lags", "en"),
        ("fijn dat het weer werkt", "nl"),
        ("fijn dat het niet fout gaat", "nl"),
        ("I tapped pay and then nothing", "en"),
        # Gek van zichzelf of van blijdschap (blind16, after its count).
        ("ik word gek van mezelf, mijn sjaal in de trein laten liggen", "nl"),
        ("ik word gek van blijdschap", "nl"),
    ],
)
def test_round16_near_misses_stay_calm(text: str, language: str) -> None:
    assert run([("customer", text)], language).messages[-1].frustration < 0.4
