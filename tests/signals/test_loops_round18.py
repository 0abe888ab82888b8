"""Round 18 (loop18): one value asked again in other words is one request ("What's your
postcode?" / "Please enter the postcode of the address." / "Which postcode area is your home
in?"; "For your privacy, please enter your date of birth" / "Please verify your identity by
entering your date of birth"), so three asks are a loop; another address's postcode, a second
verification step that asks for something else and a purpose before the ask are not."""

from __future__ import annotations

import pytest

from cxreview.signals.features import message_features
from cxreview.signals.requested import asked_for, same_item
from tests.signals.dialogue import run


def _asked(text: str, language: str = "en") -> tuple[str, tuple[str, ...]] | None:
    found = asked_for(message_features("bot", text, language).norm, language)
    return None if found is None else (found.step, found.item)


def _same(a: str, b: str, language: str = "en") -> bool:
    first = asked_for(message_features("bot", a, language).norm, language)
    second = asked_for(message_features("bot", b, language).norm, language)
    return first is not None and second is not None and same_item(first, second)


@pytest.mark.parametrize(
    ("text", "language", "item"),
    [
        ("For your privacy, please enter your date of birth (DD-MM-YYYY).", "en", ("date", "birth")),
        ("Thank you. Please verify your identity by entering your date of birth.", "en", ("date", "birth")),
        ("Please confirm who you are by providing your account number.", "en", ("account", "number")),
        ("Vul ter verificatie je geboortedatum in.", "nl", ("geboortedate",)),
    ],
)
def test_the_value_that_verifies_is_what_is_asked(text: str, language: str, item: tuple[str, ...]) -> None:
    assert _asked(text, language) == ("give", item)


def test_verifying_alone_and_a_purpose_before_nothing_asked() -> None:
    assert _asked("Please verify your identity.") == ("confirm", ("identity",))
    # the purpose is no item; the ask after it is found
    assert _asked("For your order, your postcode please.") == ("give", ("postcode",))
    assert _asked("Thanks! To check your delivery, please give me your order number.") == ("give", ("order", "number"))


def test_a_postcode_is_of_the_address_anyway() -> None:
    assert _same("What's your postcode?", "Please enter the postcode of the address.")
    assert _same("What's your postcode?", "Almost there! Which postcode area is your home in?")
    assert _same("Wat is je postcode?", "Vul de postcode van je adres in.", "nl")
    # another address, another postcode
    assert not _same("What's the postcode of your old address?", "What's the postcode of your new address?")
    assert not _same("What's your postcode?", "What's the postcode of your new address?")
    assert not _same("What's your postcode?", "What's your house number?")


def test_a_postcode_asked_three_times_in_other_words_is_a_loop() -> None:
    turns = [
        ("bot", "Hi, I'm Sol. Want a quote for energy? Let's get started!"),
        ("customer", "yes please, for a flat"),
        ("bot", "Great! What's your postcode?"),
        ("customer", "1017 XN"),
        ("bot", "Thanks. And where will we be delivering energy? Please enter the postcode of the address."),
        ("customer", "1017 XN"),
        ("bot", "Almost there! Which postcode area is your home in?"),
        ("customer", "1017XN"),
        ("bot", "Thanks! What's your house number?"),
        ("customer", "88-2"),
    ]
    assert run(turns, "en").bot_loop


def test_two_postcodes_of_a_move_are_no_loop() -> None:
    turns = [
        ("bot", "Welkom bij Energie Oost. Waarmee kan ik helpen?"),
        ("customer", "ik ben verhuisd"),
        ("bot", "Wat is de postcode van je oude adres?"),
        ("customer", "7511 AB"),
        ("bot", "En wat is de postcode van je nieuwe adres?"),
        ("customer", "7522 CD"),
        ("bot", "Dank je. Vanaf welke datum woon je op het nieuwe adres?"),
        ("customer", "1 december"),
    ]
    assert not run(turns, "nl").bot_loop
    english = [
        ("bot", "Hi! How can I help?"),
        ("customer", "I moved house"),
        ("bot", "What's your postcode?"),
        ("customer", "AB1 2CD"),
        ("bot", "Thanks. What's the postcode of your new address?"),
        ("customer", "EF3 4GH"),
        ("bot", "And from which date do you live there?"),
        ("customer", "the 1st of December"),
    ]
    assert not run(english, "en").bot_loop


def test_a_date_of_birth_asked_again_as_verifying_identity_is_a_loop() -> None:
    turns = [
        ("bot", "Hi, I'm Mila from CareWell. How can I help you?"),
        ("customer", "does my dental cover include braces for my son"),
        ("bot", "I can look that up for you. For your privacy, please enter your date of birth (DD-MM-YYYY)."),
        ("customer", "22-07-1979"),
        ("bot", "Thank you. Please verify your identity by entering your date of birth."),
        ("customer", "22-07-1979 same as before"),
        ("bot", "For your privacy, please enter your date of birth in the format DD-MM-YYYY."),
        ("customer", "22-07-1979 that is the format"),
    ]
    assert run(turns, "en").bot_loop


def test_a_second_verification_step_is_no_loop() -> None:
    turns = [
        ("bot", "Hi! I'm Mo, the assistant of CityRail. Ask me anything."),
        ("customer", "I want to change the email on my account"),
        ("bot", "First I need to verify your identity. What's your date of birth?"),
        ("customer", "11-09-1985"),
        ("bot", "Thanks. Please verify your identity by entering the 6-digit code we just sent to your phone."),
        ("customer", "448120"),
        ("bot", "You're verified. What is the new email address?"),
        ("customer", "ana.koster@example.com"),
        ("bot", "Done, your email address has been changed."),
    ]
    assert not run(turns, "en").bot_loop


def test_one_value_under_names_that_share_no_word() -> None:
    assert _same("What is the registration number of the car?", "Please type the number plate of your vehicle.")
    assert _same("Wat is het kenteken van de auto?", "Welk kenteken heeft je auto?", "nl")
    assert _same("Wat is je trackingcode?", "Kun je de code van je zending doorgeven?", "nl")
    assert _same("Wat is je trackingcode?", "Wat is het volgnummer van je pakket?", "nl")
    assert _same("What is your tracking number?", "Please share the parcel's tracking reference.")
    # another car, another value; an order number is no tracking number
    assert not _same(
        "What is the registration number of the car?", "What is the registration number of your second car?"
    )
    assert not _same("What is your tracking number?", "What is your order number?")


def test_a_tracking_code_asked_three_times_in_other_words_is_a_loop() -> None:
    turns = [
        ("bot", "Hoi, ik ben Joep van PakketNu. Waar kan ik je mee helpen?"),
        ("customer", "mijn pakket is niet bezorgd"),
        ("bot", "Vervelend! Wat is je trackingcode?"),
        ("customer", "PN4410923"),
        ("bot", "Kun je de code van je zending doorgeven?"),
        ("customer", "heb ik net gedaan, PN4410923"),
        ("bot", "Wat is het volgnummer van je pakket?"),
        ("customer", "PN4410923. voor de derde keer"),
    ]
    assert run(turns, "nl").bot_loop


def test_a_parcel_and_then_a_second_parcel_is_no_loop() -> None:
    turns = [
        ("bot", "Hi, I'm Sky from Parcelpoint. How can I help?"),
        ("customer", "I have two parcels that are late"),
        ("bot", "Sure. What is the tracking number of the first parcel?"),
        ("customer", "PP11002233"),
        ("bot", "Thanks, that one is out for delivery today. What is the tracking number of the second parcel?"),
        ("customer", "PP11002299"),
        ("bot", "That one arrives tomorrow between 10:00 and 14:00."),
        ("customer", "great thanks"),
    ]
    assert not run(turns, "en").bot_loop
