"""Round 20 (rev20): calm public posts that the round's 'contacted before' reading took for repeats.

A tweet that tells of a contact is a repeat when the customer contacted the company before about
this. Not when someone else made the contact or did not answer (a relative, a seller, a bank, a
restaurant), when the words name no contact at all (getting through a checkout, three e-mails in
an inbox, a telecom's calling feature), when the post praises how the contact went, nor "I did,
still slow" answering the step an agent asked to try before writing to them. Nor is "why would
someone text me?" (or a joke about it) a request for a person.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run

SOMEONE_ELSE = [
    "@ShopCoHelp my dad rang you 2 days ago and you said it would ship today, any news on mine?",
    "@ShopCoHelp your courier called 10 mins ago to say he's outside, brilliant",
    "@ShopCoHelp the seller hasn't responded to my messages, can you help?",
    "@ShopCoHelp I never had a reply from the seller, what should I do?",
    "@ShopCoHelp my landlord never replied to me about the router, can you check the line?",
    "@ShopCoHelp I can't get through to my bank, are payments down?",
    "@ShopCoHelp no one answered the phone at the restaurant so I booked in your app instead, worked great",
    "@ShopCoHelp nobody replied on the forum but I figured it out, all good",
    "@ShopCoHelp already reported it to the police, just letting you know my card was stolen",
    "@TelCoHelp I can't reach anyone on whatsapp since the update, is there an outage?",
    "@ShopCoHelp I already wrote a review for the hotel, 5 stars",
]

NO_CONTACT = [
    "@ShopCoHelp I can't get through the checkout, it keeps spinning",
    "@AirCoHelp couldn't get through security in time and missed my flight lol my fault",
    "@ShopCoHelp I have 3 emails in my inbox saying my order shipped, which one is right?",
    "@ShopCoHelp got 2 messages in a row about the same parcel, just checking it's fine",
    "@TelCoHelp calling isn't working on my new phone, only data",
    "@ShopCoHelp customer service was not very busy today, got through in 2 minutes!",
    "@ShopCoHelp I answered your survey, loved the new store!",
    "@ShopCoHelp since I emailed the photos, do you need anything else?",
    "@ShopCoHelp I haven't replied to my email from you yet, is the offer still valid?",
]

PRAISED = [
    "@ShopCoHelp I called your customer service and they were amazing, sorted in 5 minutes!",
    "@ShopCoHelp just spoke to a rep named Sam who was super helpful, thank you",
    "@ShopCoHelp I already contacted you and it's sorted, thanks!",
    "@ShopCoHelp since I emailed you everything has been perfect, thanks",
    "@ShopCoHelp you answer my emails so fast, love it",
]


def _flags(turns: list[tuple[str, str]]) -> set[str]:
    return {f.flag for f in run(turns).messages[-1].flags}


@pytest.mark.parametrize("text", SOMEONE_ELSE)
def test_someone_elses_contact_is_no_repeat(text: str) -> None:
    assert "customer_repeat" not in _flags([("customer", text)])


@pytest.mark.parametrize("text", NO_CONTACT)
def test_words_that_name_no_contact_are_no_repeat(text: str) -> None:
    assert "customer_repeat" not in _flags([("customer", text)])


@pytest.mark.parametrize("text", PRAISED)
def test_praise_of_a_contact_is_no_repeat(text: str) -> None:
    assert "customer_repeat" not in _flags([("customer", text)])


def test_praise_said_sourly_stays_a_repeat() -> None:
    text = "@ShopCoHelp 3rd time tweeting you and still not fixed, amazing"
    assert "customer_repeat" in _flags([("customer", text)])


def test_done_before_answering_a_step_with_a_dm_offer_is_no_repeat() -> None:
    turns = [
        ("customer", "@TelCoHelp my internet is so slow tonight"),
        ("agent", "@48213 Have you tried restarting the router? If that doesn't help, send us a DM. ^AB"),
        ("customer", "@TelCoHelp I did but it's still slow"),
    ]
    assert "customer_repeat" not in _flags(turns)


@pytest.mark.parametrize(
    "text",
    [
        "@BankCoHelp why would someone text me pretending to be you? is this a scam",
        "@BankCoHelp did somebody text me from this number?",
        "@BankCoHelp somebody text me back lol my phone is dead",
    ],
)
def test_a_question_whether_someone_wrote_is_no_request_for_a_person(text: str) -> None:
    assert "human_request" not in _flags([("customer", text)])


def test_someone_asked_to_write_stays_a_request() -> None:
    assert "human_request" in _flags([("customer", "@BankCoHelp can somebody email me please")])
