"""Round 12's new readings of what a bot asks, pair by pair: a re-ask in other words after one
customer reply is a repeat (a step by its means, after "and", "let's" / "laten we", a hold of
a button, a phrase that is one verb; a value by what it means, one item written another way),
and the near misses each reading must keep apart. Whole conversations are in
test_loop_semantic.py."""

from __future__ import annotations

import pytest

from tests.signals.test_loops import run

Turns = list[tuple[str, str]]


def _repeats(turns: Turns, language: str = "en") -> bool:
    result = run(turns, language=language)
    return any(f.flag == "bot_repeat" for f in result.messages[-1].flags)


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        # a step said by its means is the step of the means too
        (
            "en",
            [
                ("bot", "Hold the A button for 5 seconds."),
                ("customer", "done"),
                ("bot", "Reset it by holding the A button."),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Houd de resetknop 10 seconden ingedrukt."),
                ("customer", "gedaan"),
                ("bot", "Reset je router door de resetknop ingedrukt te houden."),
            ],
        ),
        # a step after "and"; the app's cache is the cache of the app
        (
            "en",
            [
                ("bot", "Let's clear the app's cache."),
                ("customer", "done"),
                ("bot", "Open Settings and clear the cache of the app."),
            ],
        ),
        # "let's", "laten we"; a duration of another step in the text is no other value
        (
            "en",
            [
                ("bot", "Let's restart your router."),
                ("customer", "did that already"),
                ("bot", "Please restart the router and wait 2 minutes."),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Laten we je modem herstarten."),
                ("customer", "heb ik al gedaan"),
                ("bot", "Herstart je modem en wacht 2 minuten."),
            ],
        ),
        # a qualifier the conversation named before
        (
            "en",
            [
                ("customer", "my in-home display is blank"),
                ("bot", "Please reset the display."),
                ("customer", "done"),
                ("bot", "First reset your in-home display."),
            ],
        ),
        # what a meter shows is its reading
        ("en", [("bot", "What is your meter reading?"), ("customer", "04512"), ("bot", "What does your meter show?")]),
        ("nl", [("bot", "Wat is je meterstand?"), ("customer", "04512"), ("bot", "Wat staat er op je meter?")]),
        # "track & trace" lost its "&": one item with "track and trace"
        (
            "en",
            [
                ("bot", "Please enter your track & trace code."),
                ("customer", "3STKBG1234"),
                ("bot", "What is your track and trace code?"),
            ],
        ),
        # an "address" or "number" after a word that names the value alone adds nothing
        (
            "en",
            [("bot", "What is your email address?"), ("customer", "a@b.nl"), ("bot", "Could you give me your email?")],
        ),
        (
            "en",
            [
                ("bot", "Which IBAN did you pay from?"),
                ("customer", "NL91ABNA0417164300"),
                ("bot", "I need the IBAN number."),
            ],
        ),
        (
            "en",
            [
                ("bot", "What is your meter reading?"),
                ("customer", "04512"),
                ("bot", "Please type the numbers shown on your meter."),
            ],
        ),
        ("nl", [("bot", "Wat is je meterstand?"), ("customer", "04512"), ("bot", "Geef de cijfers op je meter door.")]),
        # when you were born is your date of birth; the number to reach you on is your phone number
        ("en", [("bot", "What is your date of birth?"), ("customer", "3 March 1980"), ("bot", "When were you born?")]),
        ("en", [("bot", "When were you born?"), ("customer", "3 March 1980"), ("bot", "Please enter your DOB.")]),
        ("nl", [("bot", "Wat is je geboortedatum?"), ("customer", "3 maart 1980"), ("bot", "Wanneer ben je geboren?")]),
        (
            "en",
            [
                ("bot", "What's the best number to reach you on?"),
                ("customer", "0612345678"),
                ("bot", "Which phone number can we reach you at?"),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Op welk nummer kunnen we je bereiken?"),
                ("customer", "0612345678"),
                ("bot", "Wat is je telefoonnummer?"),
            ],
        ),
        # to do a step again is the step: "reinstall" / "install it again"; "make sure" is a check
        (
            "en",
            [
                ("bot", "Please reinstall the app."),
                ("customer", "did that already"),
                ("bot", "Delete the app and install it again."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Please reinstall the app."),
                ("customer", "done"),
                ("bot", "Try removing and reinstalling the app."),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Installeer de app opnieuw."),
                ("customer", "gedaan"),
                ("bot", "Probeer de app opnieuw te installeren."),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Installeer de app opnieuw."),
                ("customer", "gedaan"),
                ("bot", "Verwijder de app en installeer hem opnieuw."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Please check that the cable is plugged in."),
                ("customer", "it is"),
                ("bot", "Make sure the cable is plugged in."),
            ],
        ),
        # one item written another way: an ID is a number, a zip code a postcode, "no." a number
        (
            "en",
            [
                ("bot", "What is your customer ID?"),
                ("customer", "C-88812"),
                ("bot", "Please enter your customer number."),
            ],
        ),
        ("en", [("bot", "What is your zip code?"), ("customer", "90210"), ("bot", "Sorry, what is your postal code?")]),
        ("en", [("bot", "What's your account no.?"), ("customer", "AC1234"), ("bot", "What is your account number?")]),
        ("en", [("bot", "Please enter your username."), ("customer", "jsmith"), ("bot", "What is your user name?")]),
        ("nl", [("bot", "Wat is je klant-ID?"), ("customer", "88812"), ("bot", "Wat is je klantnummer?")]),
        ("nl", [("bot", "Wat is je e-mail?"), ("customer", "a@b.nl"), ("bot", "Wat is je e-mailadres?")]),
        (
            "en",
            [
                ("bot", "Could you tell me when you were born?"),
                ("customer", "3 March 1980"),
                ("bot", "What is your date of birth?"),
            ],
        ),
        # logging out and back in is one step
        (
            "en",
            [
                ("bot", "Please log out and log back in."),
                ("customer", "did that already"),
                ("bot", "Try signing out and signing in again."),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Log uit en weer in."),
                ("customer", "heb ik al gedaan"),
                ("bot", "Probeer uit te loggen en opnieuw in te loggen."),
            ],
        ),
        # asked to check a number after a failed look-up: the number again
        (
            "en",
            [
                ("bot", "What is your account number?"),
                ("customer", "AC1234"),
                ("bot", "Could you check your account number?"),
            ],
        ),
    ],
)
def test_new_readings_repeat(language: str, turns: Turns) -> None:
    assert _repeats(turns, language)


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        # another button, another duration of the same hold, a hold that is no step
        (
            "en",
            [
                ("bot", "Reset the display by holding the A button."),
                ("customer", "done"),
                ("bot", "Hold the B button."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Hold the power button for 5 seconds."),
                ("customer", "done"),
                ("bot", "Now hold the power button for 30 seconds."),
            ],
        ),
        ("en", [("bot", "Please hold."), ("customer", "ok"), ("bot", "Hold the A button.")]),
        # another thing after "and", another step by its means
        (
            "en",
            [
                ("bot", "Go to Settings and clear the cache."),
                ("customer", "done"),
                ("bot", "Go to Settings and update the app."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Reset the router by pressing the reset button."),
                ("customer", "done"),
                ("bot", "Please press the WPS button."),
            ],
        ),
        # a qualifier not named before: another thing
        (
            "en",
            [
                ("bot", "Let's clear the cache."),
                ("customer", "done"),
                ("bot", "Please go to Settings and clear the cache of your browser."),
            ],
        ),
        # "let's" with no step; "laten we" with no thing
        ("en", [("bot", "Let's fix that."), ("customer", "ok"), ("bot", "Let's check your order.")]),
        (
            "nl",
            [("bot", "Laten we kijken wat er mis is."), ("customer", "ok"), ("bot", "Laten we je factuur bekijken.")],
        ),
        # what another meter, or something other than a meter, shows
        (
            "en",
            [
                ("bot", "What does your gas meter show?"),
                ("customer", "04512"),
                ("bot", "What does your electricity meter show?"),
            ],
        ),
        (
            "en",
            [
                ("bot", "What does the display show?"),
                ("customer", "E04"),
                ("bot", "What does the screen of your router show?"),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Wat staat er op je gasmeter?"),
                ("customer", "04512"),
                ("bot", "Wat staat er op je stroommeter?"),
            ],
        ),
        # "account" alone is no account number; numbers on another thing than a meter
        (
            "en",
            [
                ("bot", "What is your account number?"),
                ("customer", "AC1234"),
                ("bot", "Which account would you like to use?"),
            ],
        ),
        (
            "en",
            [
                ("bot", "What is your meter reading?"),
                ("customer", "04512"),
                ("bot", "Please type the numbers shown on your card."),
            ],
        ),
        # a number read back to confirm, the number to call the company on, another date
        (
            "en",
            [
                ("bot", "What's the best number to reach you on?"),
                ("customer", "0612345678"),
                ("bot", "Is 0612345678 the best number to reach you on?"),
            ],
        ),
        (
            "en",
            [
                ("bot", "What is your phone number?"),
                ("customer", "0612345678"),
                ("bot", "Do you know the number to call us on?"),
            ],
        ),
        (
            "en",
            [
                ("bot", "When were you born?"),
                ("customer", "3 March 1980"),
                ("bot", "When did you move to this address?"),
            ],
        ),
        # another step with the same thing; the cable plugged in, then the light on
        (
            "en",
            [
                ("bot", "Please reinstall the app."),
                ("customer", "done"),
                ("bot", "Delete the app and clear the cache."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Make sure the cable is plugged in."),
                ("customer", "it is"),
                ("bot", "Make sure the light is on."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Make sure the cable is plugged in."),
                ("customer", "it is"),
                ("bot", "Make sure the cable is plugged out."),
            ],
        ),
        # another item that shares a word
        ("en", [("bot", "What is your house number?"), ("customer", "12"), ("bot", "What is your postcode?")]),
        (
            "en",
            [("bot", "What is your email address?"), ("customer", "a@b.nl"), ("bot", "What is your email password?")],
        ),
        ("en", [("bot", "What is your order ID?"), ("customer", "AB1234"), ("bot", "What is your customer ID?")]),
        # logging in is no logging out and back in; out of the app, then out of the website
        (
            "en",
            [
                ("bot", "Please log out and log back in."),
                ("customer", "done"),
                ("bot", "Please log in to your account."),
            ],
        ),
        (
            "en",
            [
                ("bot", "Sign out of the app and sign in again."),
                ("customer", "done"),
                ("bot", "Sign out of the website and sign in again."),
            ],
        ),
        # checking a folder is a step, not a value
        ("en", [("bot", "What is your email address?"), ("customer", "a@b.nl"), ("bot", "Please check your email.")]),
    ],
)
def test_new_readings_near_misses(language: str, turns: Turns) -> None:
    assert not _repeats(turns, language)
