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
- a toll-free line ("is there an 800 number", "what is your toll free number"), a number to book or
  change a trip by ("what's the number to book a flight"); not "the 800 number didn't work", nor a
  venue's number to book a table;
- a team called, contacted or reached by its work ("I need to call reservations", "how do I reach
  billing"); not "reimbursement of contact cancellation fees";
- when customer service works ("what are your customer service hours?"); not a call made during them;
- a team's number named bare ("baggage services phone number", "reservations number?");
- a number asked after the customer says the bot is no help ("this bot is useless, give me a
  number"); not the customer's own account number, nor "give me a number" alone;
- "what number can I reach you at", "get ahold of customer service";
- a desk's or a team's number named before it ("the billing department phone number", "the tech
  support number"); not "the billing number on my statement" nor "the claims number for my case";
- someone with authority ("I want someone at corporate who can make decisions", "someone with the
  authority to refund me"; twcs21); not "who can make a decision about my refund?";
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
    # round 22, second step
    "is there an 800 number for reservations",
    "what is your toll free number",
    "do you have a toll-free number I can call",
    "what's the number to book a flight",
    "I need the phone number to change my flight",
    "i need to call reservations about my seat",
    "how do I reach billing?",
    "what are your customer service hours?",
    "baggage services phone number",
    "reservations number?",
    "this bot is useless, give me a number",
    "the virtual assistant is no help. what is the phone number?",
    "what number can I reach you at",
    "how can I get ahold of customer service",
    "what is the number to cancel my service",
    "what is the billing department phone number",
    "what is the tech support number",
    "@ShopCo I want someone at your head office who can make decisions.",
    "I need someone with the authority to refund me",
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
    "the 800 number didn't work",
    "I called the 800 number twice and waited",
    "can I have their phone number to make a reservation?",
    "where do i find form to print for reimbursement of contact cancellation fees from old provider",
    "I called during customer service hours yesterday",
    "what is my reservation number",
    "give me a number",
    "the bot asked for my account number. what is the number?",
    "the bot told me my order shipped. what's the tracking number?",
    "where do I find the billing number on my statement",
    "what is my billing account number",
    "what is the claims number for my case",
    "i called the tech support number twice already",
    "who can make a decision about my refund?",
    "my wife is the one who can make decisions about the account",
    "I want someone to make a decision by friday",
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


DUTCH_ASKS = [
    "is er een 0800-nummer?",
    "hebben jullie een gratis nummer",
    "wat is het nummer om mijn boeking te wijzigen?",
    "wat is het telefoonnummer om een reservering te maken",
    "deze chatbot snapt er niks van. wat is het nummer?",
]

DUTCH_CALM = [
    "het 0800-nummer werkt niet",
    "ik heb het 0800-nummer al drie keer gebeld",
    "ik heb hun nummer om te reserveren al",
    "wat is het nummer van mijn bestelling",
    "wat is de status van mijn bestelling",
    "wat is het nummer om mijn saldo te checken",
    "de bot vroeg mijn klantnummer. wat is het nummer?",
    "wat is het telefoonnummer van jullie winkel in Gent?",
]


@pytest.mark.parametrize("text", DUTCH_ASKS)
def test_the_same_families_in_dutch_ask_for_a_staffed_channel(text: str) -> None:
    assert any(f.flag == "human_request" for f in alone(text, "nl").flags), text


@pytest.mark.parametrize("text", DUTCH_CALM)
def test_a_dutch_number_only_mentioned_asks_for_nobody(text: str) -> None:
    assert not any(f.flag == "human_request" for f in alone(text, "nl").flags), text


def test_a_bot_that_introduces_itself_names_no_channel_for_an_address_asked_after_it() -> None:
    """Only the customer's own words about the bot make a bare ask for a number one for its people."""
    assert (
        _asks([("bot", "Hi, I am Ava, your virtual assistant. How can I help?"), ("customer", "what is the address?")])
        == []
    )
    dutch = run([("bot", "Hoi, ik ben de digitale assistent van Bol."), ("customer", "wat is het adres?")], "nl")
    assert not any(f.flag == "human_request" for m in dutch.messages for f in m.flags)
    assert _asks(
        [("bot", "How can I help?"), ("customer", "the virtual assistant is no help. what is the phone number?")]
    ) == [2]
