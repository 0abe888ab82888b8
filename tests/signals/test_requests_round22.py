"""Round 22 (req22): requests for a person or a channel with people as customers type them into a
company's chatbot (the rsics22 wordings), by family, each with the false friends that must stay calm.

- contacting a team named by what it is ("I need to contact customer service about ...", "a faster
  way to reach customer relations"); "the contact person on my account" stays a noun;
- a number to call written with "#" ("is there a phone # i can call", "which # do i call?"), "some
  one" for "someone"; masked digits ("call ###-####") and "flight # ##" are no such number;
- a number the customer can call or use to call ("what is a number I can use to call customer
  service", "any number that I could call"); not a number to book a table at a restaurant;
- the number or line of a desk or team named by its work ("phone number for reservations", "the
  number for the premier lounge desk", "a number for billing"); not a booking's reference number,
  a hotel's front desk;
- a phone number provided to the customer ("please provide me with a phone number"); not a
  taxi's contact number and car type, nor a restaurant's number in a task dialogue;
- help by telephone open or available ("will telephone support be available on sunday?");
- where the company's number is ("where is your phone number on this site?"), who the bot would
  recommend contacting;
- "I can't call anyone and no one can call me" reports a dead line, asks for nobody.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, run


def _asks_alone(text: str) -> bool:
    return any(f.flag == "human_request" for f in alone(text).flags)


def _asks(turns: list[tuple[str, str]]) -> list[int]:
    return [m.position for m in run(turns).messages if any(f.flag == "human_request" for f in m.flags)]


ASKS = [
    # a team contacted
    "I need to contact customer service regarding my delayed flight",
    "we need to contact customer support about a double charge",
    "I need a quicker way to contact customer relations, the letter took weeks",
    # "#" and "some one"
    "is there a phone # where i can call and ask a few questions?",
    "i want to speak to one of your agents over the phone, which # do i call?",
    "hi i need to talk to some one about my internet speed",
    "can some body call me back about my bill",
    # a number the customer can call
    "What is a number I can use to call the customer service center",
    "what is a number i can call to change my booking",
    # a desk's or a team's number
    "may I have the phone number for reservations??",
    "What is the number for group bookings when outside the US?",
    "Can you give me the phone number for the premier lounge desk?",
    "what is the phone number for billing",
    # provided
    "your answers don't help. please provide me with a phone number",
    "can you provide us with a contact number",
    # a channel open
    "will telephone assistance be available for tech questions on saturday?",
    "is phone support open on sundays?",
    # where, who
    "where is your telephone number on this site? i have been trying for 40 minutes",
    "who would you recommend I contact regarding a group booking?",
]

CALM = [
    "Can I change the contact person on my account?",
    "who is the contact person for invoices?",
    "can i show my e-ticket on my phone?",
    "my travel agent booked the flight for me",
    "I called yesterday about my refund",
    "call ###-###-#### for the voicemail, it does not work",
    "I left my bag on flight # ## yesterday",
    "what is the phone # to access my voicemail from my phone?",
    "What is a number I can call to book a table at the restaurant?",
    "Could I get the reference number for the bookings?",
    "What is the phone number for the front desk?",
    "what is the confirmation number for my reservation",
    "My phone is disconnected. I cannot call anyone and no one can call me.",
    "My phone service is not working, there is no dial tone",
    "will phone service be available in my area next year?",
    "where is your office located",
    "who would you recommend for a cheap hotel?",
]


@pytest.mark.parametrize("text", ASKS)
def test_a_person_or_a_staffed_channel_typed_to_a_chatbot_is_asked_for(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize("text", CALM)
def test_a_phone_an_agent_or_a_number_only_mentioned_asks_for_nobody(text: str) -> None:
    assert not _asks_alone(text), text


def test_a_taxis_or_a_restaurants_number_provided_in_a_task_dialogue_is_no_channel() -> None:
    turns = [
        ("customer", "I need a taxi to the restaurant by 16:00."),
        ("bot", "I have booked a taxi for you."),
        ("customer", "Please provide me with a contact number and the car type."),
        ("bot", "Royal Spice is a cheap Indian restaurant in the north."),
        ("customer", "Can you please provide me with the phone number and address to the Royal Spice restaurant?"),
    ]
    assert _asks(turns) == []


def test_a_hash_for_number_is_quoted_as_typed() -> None:
    """The request is read with "#" as "number" and quoted in the customer's own words."""
    flags = [f for f in alone("ok then which # do i call for support?").flags if f.flag == "human_request"]
    assert flags and "which # do i call" in flags[0].detail
