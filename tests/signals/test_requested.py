"""What a bot message asks for (`requested.asked_for`), and the bot repeats and loops it finds
when a bot asks for one item again in other words and other sentences."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from cxreview.signals.requested import Request, asked_for, same_item, values_apart
from tests.signals.test_loops import loop_flag, run


def asked(text: str, language: str = "en") -> Request | None:
    return asked_for(text_features(text, language, False).norm, language)


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        (
            "Please enter your account number (it starts with AC).",
            "Sorry, I didn't get that. What is your account number?",
            "en",
        ),
        (
            "Thanks! To continue, could you please provide your account number?",
            "Please type your account number so I can look it up.",
            "en",
        ),
        (
            "Please share your tracking number.",
            "To find your parcel I need the tracking number. It is in your e-mail.",
            "en",
        ),
        (
            "Please enter your 6-character booking reference.",
            "I'm sorry, something went wrong. What's your booking reference?",
            "en",
        ),
        ("What is your postcode?", "Your postcode please.", "en"),
        ("Please enter your date of birth (DD-MM-YYYY).", "What is your date of birth?", "en"),
        ("Which email address did you use?", "Could you give me your email address?", "en"),
        (
            "Wat is je klantnummer? Je vindt het op je factuur.",
            "Sorry, dat begreep ik niet. Kun je je klantnummer invullen?",
            "nl",
        ),
        ("Mag ik het nummer van uw bankkaart?", "Om verder te gaan heb ik uw kaartnummer nodig.", "nl"),
        ("Vul je boekingscode in om verder te gaan.", "Gelieve uw boekingscode in te geven.", "nl"),
        (
            "Wat is het e-mailadres waarmee je hebt besteld?",
            "Op welk e-mailadres heb je je bestelling geplaatst?",
            "nl",
        ),
    ],
)
def test_one_item_asked_in_other_words(first: str, second: str, language: str) -> None:
    a, b = asked(first, language), asked(second, language)
    assert a is not None and b is not None
    assert same_item(a, b), (a, b)


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        # another field, qualifier or step
        ("What is your date of birth?", "What is the date of delivery?", "en"),
        ("Please enter your phone number.", "Please enter your new phone number.", "en"),
        ("Please enter your new phone number.", "Please confirm your new phone number.", "en"),
        ("What is your billing address?", "What is your shipping address?", "en"),
        (
            "What are the 2 things that you like about this movie?",
            "What are the 2 things that you dislike about this movie?",
            "en",
        ),
        ("Wat is je klantnummer?", "Wat is je ordernummer?", "nl"),
        ("What is your phone number?", "What is the phone number of the recipient?", "en"),
        ("What is the address for the invoice?", "What is the address for delivery?", "en"),
        ("Wat is je klantnummer?", "Wat is het klantnummer van je partner?", "nl"),
        ("What is your first name?", "What is your last name?", "en"),
        ("Please enter your email address.", "Please type your email address again to confirm it.", "en"),
        # values read back are told apart by the whole texts, not by the item
        ("Please confirm your reservation for 2 at 7 pm.", "Please confirm your reservation for 4 at 7 pm.", "en"),
    ],
)
def test_other_items_are_not_the_same(first: str, second: str, language: str) -> None:
    a, b = asked(first, language), asked(second, language)
    assert a is None or b is None or not same_item(a, b), (a, b)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Never share your PIN with anyone.", "en"),
        ("Please do not enter your password here.", "en"),
        ("Deel je pincode nooit met anderen.", "nl"),
        ("Please enter the code.", "en"),  # one generic word asks too little to compare
        ("Wil je het geld terug op je rekening?", "nl"),  # a choice, no request for a value
        ("There are 10 results which match your selection.", "en"),
        ("Can we send you your invoice?", "en"),  # the bot acts
        ("We'll send the invoice to your email address.", "en"),
        ("We will never ask you to share your password.", "en"),
        ("Enter your account number on our website to see your balance.", "en"),
        ("Thanks for your patience, please hold.", "en"),
        ("Your order is ready, please collect it.", "en"),
        ("Let me check which orders are linked to your account.", "en"),
    ],
)
def test_no_request_for_a_value(text: str, language: str) -> None:
    assert asked(text, language) is None


def test_dutch_compound_and_its_longer_form() -> None:
    assert same_item(Request("give", ("kaartnumber",), ""), Request("give", ("bankkaartnumber",), ""))
    # too short to be a compound's part
    assert not same_item(Request("give", ("number",), ""), Request("give", ("kaartnumber",), ""))


def test_values_apart_needs_another_value_on_both_sides() -> None:
    twelve, twentyone = (
        text_features(f"Can you confirm your address is {n} Baker Street?", "en", False) for n in (12, 21)
    )
    plain = text_features("Can you confirm your address?", "en", False)
    assert values_apart(twelve, twentyone)
    assert not values_apart(twelve, plain)


def test_three_asks_in_other_words_with_the_value_given_are_a_loop() -> None:
    result = run(
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "my internet drops every evening"),
            ("bot", "I can help with that. Please enter your account number (it starts with AC)."),
            ("customer", "AC20419877"),
            ("bot", "Thanks! To continue, could you please provide your account number?"),
            ("customer", "AC20419877"),
            ("bot", "Sorry, I didn't get that. What is your account number?"),
        ]
    )
    repeats = [f for m in result.messages for f in m.flags if f.flag == "bot_repeat"]
    # the third ask is also the same question after "Sorry, I didn't get that." (round 9)
    assert [f.rule for f in repeats] in (["same request", "same request"], ["same request", "same question"])
    assert 'asked for ("account number")' in repeats[0].detail
    assert loop_flag(result) is not None


def test_dutch_three_asks_are_a_loop() -> None:
    result = run(
        [
            ("bot", "Wat is je klantnummer? Je vindt het op je factuur."),
            ("customer", "1200458831"),
            ("bot", "Dank je. Mag ik je klantnummer?"),
            ("customer", "1200458831"),
            ("bot", "Sorry, dat begreep ik niet. Kun je je klantnummer invullen?"),
        ],
        language="nl",
    )
    assert loop_flag(result) is not None


def test_fields_asked_in_turn_are_no_loop() -> None:
    result = run(
        [
            ("bot", "What is your date of birth?"),
            ("customer", "03-03-1980"),
            ("bot", "Thanks. What is the date of delivery you would like?"),
            ("customer", "next monday"),
            ("bot", "Please enter your new phone number."),
            ("customer", "0612345678"),
            ("bot", "Please confirm your new phone number."),
        ]
    )
    assert not [f for m in result.messages for f in m.flags if f.flag == "bot_repeat"]
    assert loop_flag(result) is None


def test_evidence_shows_the_words_as_written() -> None:
    request = asked("Please enter your date of birth (DD-MM-YYYY).")
    assert request is not None and request.words == "date of birth"
    bank = asked("Mag ik het nummer van uw bankkaart?", "nl")
    assert bank is not None and bank.words == "nummer van uw bankkaart"
