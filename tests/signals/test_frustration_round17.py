"""Frustration readings of round 17: complaint words used literally, in small talk or in praise
are no complaint (false flags of the development sets and the last round's review), while the
complaints they stand for still count."""

from __future__ import annotations

import pytest

from cxreview.signals.sentiment import reference_sentiment, sentiment
from tests.signals.dialogue import alone

FRUSTRATED_AT = 0.4


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
    assert alone(text, language).frustration < FRUSTRATED_AT


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
    assert alone(text, language).frustration >= FRUSTRATED_AT


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


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Families of the round's first probe round (support messages written fresh).
        ("My patience has run out. Sort it today please.", "en"),
        ("Every time I log in it asks me to reset my password again. It's maddening.", "en"),
        ("You charged me a late fee for a bill you never sent. How is that my fault?", "en"),
        ("The so-called express delivery took nine days.", "en"),
        ("Why am I being asked for the same documents I uploaded last week?", "en"),
        ("This is the fourth form I've filled in for the same refund.", "en"),
        ("Third week without a working landline.", "en"),
        ("The router has been replaced twice and it still drops every evening.", "en"),
        ("I'm genuinely considering leaving after twelve years with you.", "en"),
        ("Mijn geduld raakt echt op. Dit kost me inmiddels vrije dagen.", "nl"),
        ("Hoe is het mogelijk dat een monteur twee keer niet komt opdagen zonder bericht?", "nl"),
        ("Waarom moet ik voor de derde keer mijn IBAN doorgeven?", "nl"),
        ("Eerst zeggen jullie dat het morgen komt, dan weer volgende week. Wat is het nou?", "nl"),
        ("Jullie app logt me elke dag uit. Schiet lekker op zo.", "nl"),
        ("Twee uur in de wacht gestaan om te horen dat ik moet mailen. Top.", "nl"),
        ("Ik had dit echt niet verwacht van jullie, zo slordig.", "nl"),
    ],
)
def test_fresh_support_wordings_are_frustrated(text: str, language: str) -> None:
    assert alone(text, language).frustration >= FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for your patience with me, I'm not great with apps.", "en"),
        ("It's the so-called PUK code, right? Where do I find it?", "en"),
        ("First you said Tuesday, then Wednesday - either is fine for me, I work from home.", "en"),
        ("Is this the fourth form I need to fill in, or the last one?", "en"),
        ("The third week without sugar is the hardest, haha. Anyway, can I pause my meal box?", "en"),
        ("would be nice to get something off the bill for 2 days without service", "en"),
        ("I'm considering leaving my current provider for you, what are your prices?", "en"),
        ("Mijn geduld wordt beloond, het pakket is er!", "nl"),
        ("Hoe is het mogelijk dat het nu ineens wel werkt? Top, bedankt!", "nl"),
        ("Is dat de zogenaamde pukcode?", "nl"),
        ("Eerst zeggen jullie dinsdag, nu woensdag, maar dat maakt mij niet uit hoor.", "nl"),
        ("Waarom moet ik opnieuw inloggen na de update? Is dat normaal?", "nl"),
        ("Ik heb even gewacht en nu werkt het. Top.", "nl"),
        ("Sorry, ik was een beetje slordig met het invullen.", "nl"),
    ],
)
def test_their_near_misses_stay_calm(text: str, language: str) -> None:
    assert alone(text, language).frustration < FRUSTRATED_AT


def test_a_count_said_with_love_is_loyalty_not_impatience() -> None:
    cues = alone("It's the third time I've ordered this, I love the colour").cues
    assert "impatience" not in cues and "repetition" not in cues


@pytest.mark.parametrize(
    ("text", "language", "frustrated"),
    [
        # Families of the second probe round (counted before these rules, then read).
        ("I've been a customer for nine years and this is how I'm treated?", "en", True),
        ('Got a "your issue is resolved" email. It is not resolved.', "en", True),
        ("I keep getting a different answer, everyone says something different.", "en", True),
        ("Absolutely shocking that you can take money in seconds but need 10 days to give it back.", "en", True),
        ("It's a simple request and somehow it has taken a month.", "en", True),
        ("So I'm expected to stay home all day again on the off chance someone turns up?", "en", True),
        ("You've cut off my internet while I'm working from home. Brilliant timing.", "en", True),
        ("Ik krijg een mail dat mijn melding is opgelost, maar er is niks opgelost.", "nl", True),
        ("Ik heb nu drie verschillende medewerkers gesproken en iedereen zegt iets anders.", "nl", True),
        ("Drie maanden klant en nu al twee keer een verkeerde factuur. Niet normaal.", "nl", True),
        ("Jullie chatbot begrijpt echt helemaal niks, ik draai rondjes.", "nl", True),
        ("Waarom vragen jullie telkens gegevens die ik al lang heb doorgegeven?", "nl", True),
        ("Geweldig, weer een foutmelding bij het betalen.", "nl", True),
        ("Ik moet al de hele week thuisblijven voor een monteur die niet komt.", "nl", True),
        # Their near misses.
        ("Perfect timing, the parcel just arrived. Thanks!", "en", False),
        ("It isn't fixed yet but the engineer comes tomorrow, so no worries.", "en", False),
        ("Everyone says something different about the best plan, what do you recommend?", "en", False),
        ("Great, another parcel arrived today, thank you!", "en", False),
        ("Great, another week is fine for me.", "en", False),
        ("Top, nog een week is geen probleem voor mij.", "nl", False),
        ("So I'm expected to send the meter reading by Friday, right?", "en", False),
        ("The app keeps asking for my date of birth, what format should it be in?", "en", False),
        ("Mooie timing, het pakket is er net. Bedankt!", "nl", False),
        ("Geweldig, weer een pakketje binnen, dank jullie!", "nl", False),
        ("Is dat niet normaal?", "nl", False),
        ("Iedereen zegt iets anders over de beste bundel, wat raden jullie aan?", "nl", False),
        ("De monteur die morgen komt, belt hij van tevoren?", "nl", False),
        ("Ik begrijp het nu helemaal, dank je!", "nl", False),
        ("Niemand van ons was thuis, kan ik een nieuwe bezorgdag kiezen?", "nl", False),
    ],
)
def test_second_probe_round_families(text: str, language: str, frustrated: bool) -> None:
    assert (alone(text, language).frustration >= FRUSTRATED_AT) is frustrated
