"""human_request after a reply that named a place (issue 12, round 9): booking assistants are
asked for a restaurant's or a dentist's number all the time; right after the bot or agent named
a place or third party, a bare ask for "a phone number" is that place's, not a request for the
company's people. An ask that names the company's people or service stays a request."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features

CONFIG = load_config()


def _asks_person(language: str, reply: str, text: str) -> bool:
    messages = [
        (1, "bot", None, text_features(reply, language, False)),
        (2, "customer", None, text_features(text, language)),
    ]
    result = analyze("c", language, messages, CONFIG)
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
