"""No loop when a bot walks through different steps or fields and the customer gives the same
reply to each (a fresh-eyes review found these false loops), and still a loop when it asks
one thing again."""

from __future__ import annotations

import pytest

from cxreview.signals.loop_runs import asks_to_act
from cxreview.signals.near_misses import owners_apart
from tests.signals.test_loops import loop_flag, run

B, C = "bot", "customer"


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",  # three troubleshooting steps, the same result each time
            [
                (C, "my wifi keeps dropping"),
                (B, "Please restart the router."),
                (C, "still not working"),
                (B, "Please reset the router with the pin button on the back."),
                (C, "still not working"),
                (B, "Please connect your laptop with a network cable."),
                (C, "still not working"),
            ],
        ),
        (
            "nl",
            [
                (C, "mijn internet valt steeds weg"),
                (B, "Start je modem opnieuw op."),
                (C, "werkt nog steeds niet"),
                (B, "Trek nu de stekker van je decoder er 30 seconden uit."),
                (C, "werkt nog steeds niet"),
                (B, "Probeer daarna de wifi van je telefoon uit en aan te zetten."),
                (C, "werkt nog steeds niet"),
            ],
        ),
        (
            "en",  # three readings, one broken meter
            [
                (C, "i want to give my meter readings"),
                (B, "Please enter your electricity meter reading."),
                (C, "the meter is broken"),
                (B, "Please enter your gas meter reading."),
                (C, "the meter is broken"),
                (B, "Please enter your water meter reading."),
                (C, "the meter is broken"),
            ],
        ),
        (
            "en",  # a shipping form: three parties, one person
            [
                (C, "i want to send a parcel to my holiday home"),
                (B, "What is the recipient's phone number?"),
                (C, "0612345678"),
                (B, "What is your phone number?"),
                (C, "0612345678, its me"),
                (B, "What is the phone number of the sender?"),
                (C, "0612345678"),
            ],
        ),
        (
            "en",
            [
                (C, "quote for car insurance"),
                (B, "What is your date of birth?"),
                (C, "3 march 1985"),
                (B, "What is the date of birth of the policy holder?"),
                (C, "3 march 1985, its me"),
                (B, "What is the date of birth of the main driver?"),
                (C, "3 march 1985 also me"),
            ],
        ),
        (
            "nl",
            [
                (C, "teruggave aanvragen"),
                (B, "Wat is je IBAN?"),
                (C, "NL91ABNA0417164300"),
                (B, "Wat is het IBAN van je partner?"),
                (C, "NL91ABNA0417164300 zelfde, we hebben een en/of rekening"),
                (B, "Wat is het IBAN van de rekeninghouder?"),
                (C, "NL91ABNA0417164300"),
            ],
        ),
    ],
)
def test_the_same_reply_to_each_new_step_or_field_is_no_loop(language: str, turns: list) -> None:
    assert loop_flag(run(turns, language=language)) is None


def test_one_thing_asked_again_about_the_customers_own_shipment_still_loops() -> None:
    turns = [
        (C, "where is my parcel"),
        (B, "Please share your tracking number."),
        (C, "i dont have one"),
        (B, "Could you please provide the tracking number of your shipment?"),
        (C, "I DONT HAVE IT"),
        (B, "Sorry, I didn't understand. Please enter your tracking number."),
        (C, "unbelievable"),
    ]
    assert loop_flag(run(turns)) is not None


def test_a_menu_is_no_new_step_so_a_request_said_again_to_it_loops() -> None:
    turns = [
        (B, "Hello, how can I help?"),
        (C, "I want to change the delivery address of my parcel"),
        (B, "Please choose payments or returns."),
        (C, "I want to change the delivery address of my parcel"),
        (B, "Please select one of the options: payments, returns."),
        (C, "I want to change the delivery address of my parcel"),
    ]
    assert loop_flag(run(turns)) == ("customer repeats", [4, 6])


@pytest.mark.parametrize(
    ("a", "b", "language", "apart"),
    [
        ("what is the recipient s phone number", "what is your phone number", "en", True),
        ("what is the phone number of the sender", "what is the recipient s phone number", "en", True),
        ("what is the date of birth of the main driver", "what is your date of birth", "en", True),
        ("wat is de naam van de rekeninghouder", "wat is je naam", "nl", True),
        # the customer's own thing, named by what the conversation is about
        ("what is the tracking number of your shipment", "what is your tracking number", "en", False),
        ("wat is het nummer van je ov chipkaart", "wat is je kaartnummer", "nl", False),
        ("wat is de reden van je opzegging", "waarom wil je opzeggen", "nl", False),
        ("what s your name", "what is your name", "en", False),
    ],
)
def test_owners_apart(a: str, b: str, language: str, apart: bool) -> None:
    assert bool(owners_apart(a.split(), b.split(), language)) is apart


@pytest.mark.parametrize(
    ("norm", "acts"),
    [
        ("please restart the router", True),
        ("thanks now unplug the modem for 30 seconds", True),
        ("start je decoder opnieuw op", True),
        ("please choose payments or returns", False),
        ("i can help with payments and returns", False),
        ("let me check that for you", False),
        ("we ll look into it and send you an update", False),
    ],
)
def test_asks_to_act(norm: str, acts: bool) -> None:
    assert asks_to_act(norm) is acts
