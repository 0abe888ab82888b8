"""human_request after a reply that named a place (issue 12, round 9): booking assistants are
asked for a restaurant's or a dentist's number all the time; right after the bot or agent named
a place or third party, a bare ask for "a phone number" is that place's, not a request for the
company's people. An ask that names the company's people or service stays a request.

Round 10: the words of a request inside a report of what someone said or will do ("the shop
said I have to contact you", "he said an advisor would ring me", "de winkel zei dat ik jullie
moest bellen") ask for nothing; a real ask after the story still counts."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from cxreview.signals.lexicon import CUSTOMER_CUES, match_cues
from tests.signals.dialogue import run


def _asks_person(language: str, reply: str, text: str) -> bool:
    result = run([("bot", reply), ("customer", text)], language)
    return any(f.flag == "human_request" for f in result.messages[1].flags)


@pytest.mark.parametrize(
    ("language", "reply", "text"),
    [
        ("en", "Yup, you've to pay to visit this place.", "Do you have any contact number?"),
        (
            "en",
            "Just to confirm, your appointment with Hale Robert H is at 1:30 pm next Wednesday.",
            "Please give me a phone number",
        ),
        ("en", "Okay, you'll instead visit Dental Oakland at 6 pm?", "Yes. Can I have a contact number?"),
        (
            "en",
            "There's one at 1000 1st Avenue that's rated 4.5.",
            "Does it have laundry and can I get a phone number?",
        ),
        ("nl", "Uw afspraak bij tandarts De Vries staat op dinsdag om 10 uur.", "Heeft u een telefoonnummer?"),
    ],
)
def test_a_number_asked_right_after_a_place_is_the_places(language: str, reply: str, text: str) -> None:
    assert not _asks_person(language, reply, text)


@pytest.mark.parametrize(
    ("language", "reply", "text"),
    [
        # The same asks after a reply that names no place: the company's number.
        ("en", "Your order has been shipped.", "Do you have any contact number?"),
        ("en", "I can help you with your bill.", "Please give me a phone number"),
        # After a place, an ask that names the company's people or service.
        ("en", "Yup, you've to pay to visit this place.", "What's your customer service number?"),
        ("en", "Your appointment with Hale Robert H is at 1:30 pm.", "Can I speak to a manager?"),
        ("nl", "Uw afspraak bij tandarts De Vries staat op dinsdag.", "Wat is jullie telefoonnummer?"),
    ],
)
def test_other_asks_stay_requests(language: str, reply: str, text: str) -> None:
    assert _asks_person(language, reply, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The shop said I have to contact you about the refund"),
        ("en", "they said i have to contact you. plz help"),
        ("en", "I was told to speak to a manager in store but there wasn't one"),
        ("en", "the driver said I need to speak to your depot manager"),
        ("en", "ok. the assessor will call me on the number I gave, right?"),
        ("en", "30 mins on hold to talk to someone"),
        ("nl", "volgens de website moet ik jullie bellen"),
    ],
)
def test_a_report_of_what_someone_said_asks_for_nobody(language: str, text: str) -> None:
    assert "human_request" in match_cues(text, language, CUSTOMER_CUES)  # the words are there
    assert "human_request" not in text_features(text, language).cues
    assert not _asks_person(language, "How can I help?", text)


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        # The story, then a real ask: the ask is the evidence.
        ("en", "They told me to call you. Can someone call me back?", "Can someone call me"),
        # The customer's own earlier words are a request said again, not a report.
        ("en", "I told you I want to speak to a manager", "I want to speak to a manager"),
        ("en", "As I said, I need to speak to a manager", "I need to speak to a manager"),
        ("nl", "zoals ik al zei, ik wil een medewerker", "wil een medewerker"),
        ("en", "when will someone call me back?", "someone call me"),
    ],
)
def test_an_ask_beside_or_after_a_report_stays(language: str, text: str, words: str) -> None:
    cues = text_features(text, language).cues
    assert cues.get("human_request") == words
    # The other cues keep their order (the evidence lists them in it).
    assert list(cues) == [name for name in CUSTOMER_CUES if name in cues]
