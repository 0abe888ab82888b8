"""Near misses of the round-16 frustration, sentiment and request wordings found in review:
praise, plain questions and negated complaints that the new rules read as frustration."""

from __future__ import annotations

import pytest

from cxreview.records import MessageSignals
from cxreview.signals.sentiment import sentiment
from tests.signals.dialogue import run


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "love how it keeps ..." is sarcasm only when it keeps doing something wrong.
        ("I love how it keeps my settings", "en"),
        ("i love how the app keeps track of my orders", "en"),
        ("I love how it never crashes", "en"),
        # A negation in the gap makes it sincere relief.
        ("echt fijn hoe de app nooit crasht", "nl"),
        ("fijn dat de app niet meer vastloopt", "nl"),
        # A plain question about what to do.
        ("I'm supposed to pay on Friday, is that right?", "en"),
        ("I am supposed to trust the link in the email?", "en"),
        ("we are meant to pay by card?", "en"),
        # An idiom of joy.
        ("you have no idea how happy I am", "en"),
    ],
)
def test_round16_review_near_misses_stay_calm(text: str, language: str) -> None:
    message = run([("bot", "How can I help?"), ("customer", text)], language).messages[-1]
    assert message.frustration < 0.4


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("I love how it keeps logging me out", "en", "sarcasm"),
        ("so we're expected to pay for your mistake?", "en", "rhetorical"),
        ("I'm just supposed to wait?", "en", "rhetorical"),
        ("I'm expected to wait another week?", "en", "rhetorical"),
        ("leuk dat het weer niet werkt", "nl", "sarcasm"),
    ],
)
def test_round16_review_frustration_still_read(text: str, language: str, cue: str) -> None:
    message = run([("bot", "How can I help?"), ("customer", text)], language).messages[-1]
    assert cue in message.cues


@pytest.mark.parametrize("text", ["Super service!", "Super job guys", "What a pretty garden"])
def test_super_and_pretty_before_a_noun_stay_praise(text: str) -> None:
    assert sentiment(text, "en", customer=True) > 0.05


@pytest.mark.parametrize(
    "text", ["heeft u geen computer nodig voor de aanvraag?", "je hebt geen computer nodig, toch?"]
)
def test_needing_no_computer_asks_for_nobody(text: str) -> None:
    result = run([("bot", "Waarmee kan ik je helpen?"), ("customer", text)], "nl")
    assert "human_request" not in result.messages[-1].cues


BOT = ("bot", "Hi, I am the virtual assistant. How can I help you today?")


@pytest.mark.parametrize(
    "text",
    [
        # Someone to know or to blame, or asked not to do something, is no one to act.
        "I want someone to know how bad this is",
        "i need somebody to blame lol",
        "can somebody not park in front of my garage",
        # A person word labelling a value is no bare request.
        "agent: 12345",
    ],
)
def test_round16_review_no_request_for_a_person(text: str) -> None:
    result = run([BOT, ("customer", "my bill is wrong"), BOT, ("customer", text)], "en")
    assert "human_request" not in result.messages[-1].cues


@pytest.mark.parametrize("text", ["can't someone just fix the website", "Agent. Now."])
def test_round16_review_requests_still_read(text: str) -> None:
    result = run([BOT, ("customer", "my bill is wrong"), BOT, ("customer", text)], "en")
    assert "human_request" in result.messages[-1].cues


def _flags(message: MessageSignals) -> set[str]:
    """The flags on a message (a reply that takes an offer is flagged, with no cue)."""
    return {flag.flag for flag in message.flags}


@pytest.mark.parametrize(
    ("offer", "reply", "language"),
    [
        # What the bot can do for the customer with a consent question offers no person.
        ("I can get you a refund. OK?", "yes please", "en"),
        ("I can put you on hold for a moment. OK?", "ok", "en"),
        ("I can bring you back to the main menu. OK?", "ok", "en"),
        ("I'll hand you a voucher code. OK?", "ok", "en"),
        ("Let me get you the tracking number. OK?", "ok", "en"),
        ("I can chat with you about your options here. OK?", "sure", "en"),
        ("I could call you a taxi. OK?", "yes", "en"),
        # The latter option is a notice of a call, not a person.
        ("Ik kan je een sms sturen of je bellen wanneer de monteur komt. Wat heeft je voorkeur?", "het laatste", "nl"),
    ],
)
def test_round16_review_consent_to_no_person(offer: str, reply: str, language: str) -> None:
    turns = [("bot", "How can I help?"), ("customer", "my order never arrived"), ("bot", offer), ("customer", reply)]
    assert "human_request" not in _flags(run(turns, language).messages[-1])


@pytest.mark.parametrize(
    ("offer", "reply"),
    [
        ("I can put you through now, wait time is about 3 minutes. OK?", "ok"),
        ("I can connect you with an advisor. Is that OK?", "yes"),
        ("I can get you through to our billing team. OK?", "yes please"),
        ("I can pass you over to a specialist. OK?", "ok"),
    ],
)
def test_round16_review_consent_to_a_person(offer: str, reply: str) -> None:
    turns = [("bot", "How can I help?"), ("customer", "my order never arrived"), ("bot", offer), ("customer", reply)]
    assert "human_request" in _flags(run(turns, "en").messages[-1])


@pytest.mark.parametrize(
    "text",
    [
        # A language the bot does not read, and a thanks card, are no grievance.
        "the bot doesn't understand a word of Welsh, can I write in English?",
        "This is the thanks card I ordered, it came damaged",
    ],
)
def test_round16_review_grievance_near_misses(text: str) -> None:
    message = run([("bot", "How can I help?"), ("customer", text)], "en").messages[-1]
    assert "grievance" not in message.cues


@pytest.mark.parametrize(
    "text", ["the bot doesn't understand a word I say", "15 years with you guys and this is the thanks"]
)
def test_round16_review_grievance_still_read(text: str) -> None:
    message = run([("bot", "How can I help?"), ("customer", text)], "en").messages[-1]
    assert "grievance" in message.cues
