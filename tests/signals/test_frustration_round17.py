"""Frustration readings of round 17: complaint words used literally, in small talk or in praise
are no complaint (false flags of the development sets and the last round's review), while the
complaints they stand for still count."""

from __future__ import annotations

import pytest

from cxreview.signals.sentiment import reference_sentiment, sentiment
from tests.signals.dialogue import run

FRUSTRATED_AT = 0.4


def _last(text: str, language: str = "en"):
    return run([("customer", text)], language).messages[-1]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Someone's own boss, or a tool or job called a manager, is no escalation.
        ("Thanks, I'll let my manager know.", "en"),
        ("Your engineer was brilliant, please make sure his manager hears about it.", "en"),
        ("My manager asked me to get this invoice sorted before month end.", "en"),
        ("I use a password manager, can I paste the code?", "en"),
        ("mijn leidinggevende vraagt om een kopie van de factuur", "nl"),
        # The company's own channel, or where an offer was seen.
        ("Shout out to your social media team, they were great.", "en"),
        ("I saw your offer on social media, is it still valid?", "en"),
        # Nobody said of a fact, not of a service that failed.
        ("Nobody lives at number 17, so the parcel can't go there.", "en"),
        ("No, nobody was hurt. Can I file the claim online?", "en"),
        ("Nobody else uses the account, just me.", "en"),
        ("niemand anders gebruikt mijn account", "nl"),
        ("en als niemand ze koopt?", "nl"),
        # A distance, the weather, small talk.
        ("I'm no closer to the station, can the driver pick me up at the hotel?", "en"),
        ("wat een drama die storm he", "nl"),
        ("wat een ellende die regen, maar goed: kan ik mijn afspraak verzetten?", "nl"),
        # Praise with a complaint word as its intensifier, or meant ("just what I needed" with thanks).
        ("dat is belachelijk goedkoop haha, ik neem er twee", "nl"),
        ("top, dank je! precies wat ik nodig had", "nl"),
        ("Perfect, just what I needed, thanks!", "en"),
        # A state of the customer's, no wait for the company.
        ("Hij heeft al een week last van zijn knie, kan ik een afspraak maken?", "nl"),
        ("ik ben al twee weken op vakantie, kan de post naar mijn zus?", "nl"),
        # A call planned for a day is no giving up.
        ("Thanks James. I'll ring them on Monday then.", "en"),
        ("nee ik bel zelf wel even morgen, bedankt", "nl"),
    ],
)
def test_literal_small_talk_and_praise_are_calm(text: str, language: str) -> None:
    assert _last(text, language).frustration < FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Get me a manager.", "en"),
        ("ik wil uw leidinggevende spreken", "nl"),
        ("I'll post this on social media if it isn't fixed", "en"),
        ("Nobody called me back.", "en"),
        ("Nobody is answering the phone!", "en"),
        ("niemand neemt op", "nl"),
        ("I'm no closer to a solution after three calls", "en"),
        ("wat een drama met jullie bezorging", "nl"),
        ("Parcel arrived smashed. Just what I needed.", "en"),
        ("pakket kapot aangekomen. precies wat ik nodig had", "nl"),
        ("al een week wacht ik op antwoord", "nl"),
        ("forget it, I'll just call you", "en"),
        ("laat maar, ik bel zelf wel", "nl"),
    ],
)
def test_the_complaints_they_stand_for_still_count(text: str, language: str) -> None:
    assert _last(text, language).frustration >= FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language", "positive"),
    [
        ("dat is belachelijk goedkoop", "nl", True),
        ("waanzinnig snel geleverd", "nl", True),
        ("That is ridiculously cheap!", "en", True),
        ("INSANELY good value", "en", True),
        # Before anything but praise the complaint word stays what it is.
        ("het duurt belachelijk lang", "nl", False),
        ("dat is echt belachelijk", "nl", False),
        ("ridiculously slow", "en", False),
        ("crazy long wait", "en", False),
    ],
)
def test_a_complaint_word_before_praise_intensifies_it(text: str, language: str, positive: bool) -> None:
    assert (sentiment(text, language, customer=True) >= 0) is positive
    assert reference_sentiment(text, language) == pytest.approx(sentiment(text, language))
