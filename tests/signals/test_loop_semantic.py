"""Round 12's loops asked in other words, as whole conversations: the same step or item asked
three times however it is worded (a reset by its button, a restart proposed as "let's", an
e-mail asked four ways, an IBAN asked as "the account you used", a code asked again after
the bot's menu started over, a meter reading asked by what its display shows), each with
the near misses that must stay no loop (another item, another party's item, a confirmation,
a new order, the same template after each new item, gas then electricity, a new value)."""

from __future__ import annotations

import pytest

from tests.signals.test_loops import loop_flag, run

Turns = list[tuple[str, str]]

LOOPS: dict[str, tuple[str, Turns]] = {
    "display reset, three wordings": (
        "en",
        [
            ("bot", "Hi, I'm Sparky, the EnergyCo assistant. How can I help?"),
            ("customer", "my in-home display is blank"),
            ("bot", "Let's fix that. Hold the A button for 5 seconds until the screen flashes."),
            ("customer", "done that, still blank"),
            ("bot", "Please reset the display by holding the A button."),
            ("customer", "I just did that"),
            ("bot", "To continue, first reset your in-home display (hold A for 5 s)."),
            ("customer", "I DID. three times now"),
        ],
    ),
    "modem restart, laten we / herstart": (
        "nl",
        [
            ("bot", "Hallo, ik ben de digitale assistent van NetNL. Waarmee kan ik u helpen?"),
            ("customer", "mijn internet doet het niet"),
            ("bot", "Vervelend! Laten we uw modem herstarten. Haal de stekker er 10 seconden uit."),
            ("customer", "gedaan, werkt nog steeds niet"),
            ("bot", "Herstart uw modem en wacht 2 minuten."),
            ("customer", "heb ik al gedaan"),
            ("bot", "Probeer eerst uw modem opnieuw op te starten."),
            ("customer", "heb ik al gedaan!! twee keer"),
        ],
    ),
    "e-mail address, then e-mail, then by pronoun": (
        "en",
        [
            ("bot", "Hi! To look up your order, what is your email address?"),
            ("customer", "j.smith@mail.com"),
            ("bot", "I couldn't find an order for that. Could you give me your email?"),
            ("customer", "j.smith@mail.com"),
            ("bot", "Please enter it below."),
            ("customer", "j.smith@mail.com"),
        ],
    ),
    "e-mail four ways, the last by pronoun": (
        "en",
        [
            ("bot", "Welcome to ShopBot! What is the email address on your account?"),
            ("customer", "j.smith@mail.com"),
            ("bot", "I couldn't find that. Could you give me your email?"),
            ("customer", "j.smith@mail.com"),
            ("bot", "Which email did you register with?"),
            ("customer", "the same one, j.smith@mail.com"),
            ("bot", "Your email address is the one you use to log in. Please enter it below."),
            ("customer", "j.smith@mail.com !!!"),
        ],
    ),
    "IBAN as the account you used, then 'share it'": (
        "en",
        [
            ("bot", "Hi! I can help with refunds. Which IBAN did you pay from?"),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "Thanks. Can you confirm the account you used?"),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "I need your IBAN to find the payment."),
            ("customer", "I just gave it to you"),
            ("bot", "Could you share it?"),
            ("customer", "NL91 ABNA 0417 1643 00"),
        ],
    ),
    "track & trace code after the menu started over": (
        "en",
        [
            ("bot", "Hi, I'm ParcelBot. What can I help you with? Track a parcel, or returns."),
            ("customer", "Track a parcel"),
            ("bot", "Please enter your track & trace code."),
            ("customer", "3STKBG123456789"),
            ("bot", "I couldn't find a parcel with that code. Could you check your track & trace code?"),
            ("customer", "3STKBG123456789 it's in your own email"),
            ("bot", "Sorry, let's start over. How can I help you? Track a parcel, or returns."),
            ("customer", "Track a parcel"),
            ("bot", "Please enter your track & trace code."),
            ("customer", "3STKBG123456789"),
        ],
    ),
    "track & trace code in the restart message": (
        "en",
        [
            ("bot", "Hi, I'm ParcelBot. Please enter your track & trace code."),
            ("customer", "3STKBG123456789"),
            ("bot", "Hmm, that code does not look right. What is your track and trace code?"),
            ("customer", "3STKBG123456789 is what your email says"),
            (
                "bot",
                "Sorry, let's start over. What can I help you with? To track a parcel, please enter your track & trace code.",
            ),
            ("customer", "why do you keep asking"),
        ],
    ),
    "meter reading asked by what the display shows": (
        "en",
        [
            ("bot", "Hello! To submit a reading, please give your meter reading."),
            ("customer", "04512"),
            ("bot", "What does the display of your meter show?"),
            ("customer", "04512 like I said"),
            ("bot", "Please enter your meter reading (numbers only)."),
            ("customer", "04512"),
        ],
    ),
    "policy number inside a longer noun phrase": (
        "en",
        [
            ("bot", "Hi, I'm the InsureCo assistant. What is your policy number?"),
            ("customer", "PL-448812"),
            ("bot", "Please enter the 8-digit policy number printed on your insurance card."),
            ("customer", "PL-448812"),
            ("bot", "I need the policy number from your welcome letter to continue."),
            ("customer", "I already told you"),
        ],
    ),
    "NL: meterstand by its display": (
        "nl",
        [
            ("bot", "Welkom! Wat is je meterstand?"),
            ("customer", "04512"),
            ("bot", "Wat staat er op het display van je meter?"),
            ("customer", "04512"),
            ("bot", "Vul je meterstand in."),
            ("customer", "dat zei ik al"),
        ],
    ),
    "NL: e-mailadres three ways, the last by pronoun": (
        "nl",
        [
            ("bot", "Hoi! Op welk e-mailadres heb je je account?"),
            ("customer", "sanne@voorbeeld.nl"),
            ("bot", "Dat adres ken ik niet. Wat is je mailadres?"),
            ("customer", "sanne@voorbeeld.nl"),
            ("bot", "Met je e-mailadres log je in. Vul het hieronder in."),
            ("customer", "sanne@voorbeeld.nl, dat zei ik al"),
        ],
    ),
    "NL: reset by the button, three wordings": (
        "nl",
        [
            ("bot", "Hallo! Waarmee kan ik helpen?"),
            ("customer", "mijn wifi valt steeds weg"),
            ("bot", "Houd de resetknop van je router 10 seconden ingedrukt."),
            ("customer", "gedaan"),
            ("bot", "Reset je router door de resetknop ingedrukt te houden."),
            ("customer", "heb ik al gedaan"),
            ("bot", "Laten we eerst je router resetten."),
            ("customer", "dat heb ik al 2 keer gedaan"),
        ],
    ),
    "EN: log out and back in, three wordings": (
        "en",
        [
            ("bot", "Hi! What can I help you with?"),
            ("customer", "I can't see my invoices in the app"),
            ("bot", "Please log out and log back in."),
            ("customer", "did that, still nothing"),
            ("bot", "Have you tried signing out of the app and signing in again?"),
            ("customer", "yes I did"),
            ("bot", "Let's try logging out and back in."),
            ("customer", "I ALREADY DID THAT"),
        ],
    ),
    "EN: clear the cache, three wordings": (
        "en",
        [
            ("bot", "Hi! What can I help you with?"),
            ("customer", "the app keeps crashing"),
            ("bot", "Let's try clearing the app's cache first."),
            ("customer", "did that already"),
            ("bot", "Please clear the cache of the app in your phone settings."),
            ("customer", "I already did that"),
            ("bot", "Go to Settings > Apps and clear the cache."),
            ("customer", "ALREADY DID IT"),
        ],
    ),
    "NL: IBAN as het rekeningnummer, then by pronoun": (
        "nl",
        [
            ("bot", "Van welk IBAN heb je betaald?"),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "Ik heb je rekeningnummer nodig om de betaling te vinden."),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "Met je IBAN vinden we je betaling. Wil je het hier invullen?"),
            ("customer", "heb ik toch al gegeven"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(LOOPS))
def test_the_same_thing_asked_three_times_is_a_loop(name: str) -> None:
    language, turns = LOOPS[name]
    assert loop_flag(run(turns, language=language)) is not None


NEAR_MISSES: dict[str, tuple[str, Turns]] = {
    "another button each time": (
        "en",
        [
            ("bot", "Hold the A button for 5 seconds."),
            ("customer", "done, still blank"),
            ("bot", "Now hold the B button for 5 seconds."),
            ("customer", "done, still blank"),
            ("bot", "Please hold both buttons for 10 seconds."),
            ("customer", "still blank"),
        ],
    ),
    "a step, then the next steps": (
        "en",
        [
            ("bot", "Let's restart your router first."),
            ("customer", "done, still no internet"),
            ("bot", "Please reset the router with the pin button."),
            ("customer", "done, still no internet"),
            ("bot", "Please check the cable between the router and the wall socket."),
            ("customer", "still no internet"),
        ],
    ),
    "email, then phone, then postcode": (
        "en",
        [
            ("bot", "What is the email address on your account?"),
            ("customer", "I don't know"),
            ("bot", "What is the phone number on your account?"),
            ("customer", "I don't know"),
            ("bot", "Please enter the postcode on your account."),
            ("customer", "I don't know"),
        ],
    ),
    "the customer's then the recipient's e-mail": (
        "en",
        [
            ("bot", "What is your email address?"),
            ("customer", "j.smith@mail.com"),
            ("bot", "What is the recipient's email address?"),
            ("customer", "j.smith@mail.com"),
            ("bot", "Please enter the email address of the sender."),
            ("customer", "j.smith@mail.com"),
        ],
    ),
    "the IBAN, then its confirmation": (
        "en",
        [
            ("bot", "Which IBAN should we refund to?"),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "Please confirm your IBAN."),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "Thanks. Your refund is on its way. Anything else?"),
            ("customer", "no"),
        ],
    ),
    "a second and a third order": (
        "en",
        [
            ("bot", "What is your order number?"),
            ("customer", "AB1234"),
            ("bot", "Your order AB1234 ships tomorrow. Please enter the order number of your next order."),
            ("customer", "AB5678"),
            ("bot", "Your order AB5678 ships today. What is the order number of your other order?"),
            ("customer", "AB9012"),
        ],
    ),
    "anything else after each task": (
        "en",
        [
            ("bot", "Your address has been updated. Anything else?"),
            ("customer", "yes, change my phone number to 0612345678"),
            ("bot", "Your phone number has been updated. Anything else?"),
            ("customer", "and my email to j@x.com"),
            ("bot", "Your email address has been updated. Anything else?"),
            ("customer", "no thanks"),
        ],
    ),
    "the same template after each new item": (
        "en",
        [
            ("bot", "Added to your cart. Which item would you like to add next?"),
            ("customer", "a blue jacket"),
            ("bot", "Added to your cart. Which item would you like to add next?"),
            ("customer", "red shoes"),
            ("bot", "Added to your cart. Which item would you like to add next?"),
            ("customer", "a scarf"),
        ],
    ),
    "gas then electricity reading": (
        "en",
        [
            ("bot", "Please enter your gas meter reading."),
            ("customer", "04512"),
            ("bot", "Please enter your electricity meter reading."),
            ("customer", "the display shows nothing"),
            ("bot", "What does the display of your electricity meter show?"),
            ("customer", "nothing, it's blank"),
        ],
    ),
    "NL: gas dan stroom": (
        "nl",
        [
            ("bot", "Wat is je meterstand voor gas?"),
            ("customer", "04512"),
            ("bot", "Wat is je meterstand voor stroom?"),
            ("customer", "weet ik niet"),
            ("bot", "Wat staat er op het display van je stroommeter?"),
            ("customer", "niks"),
        ],
    ),
    "a new value each time": (
        "en",
        [
            ("bot", "Which IBAN did you pay from?"),
            ("customer", "NL91ABNA0417164300"),
            ("bot", "I can't find a payment from that account. Can you confirm the account you used?"),
            ("customer", "oh sorry, NL02RABO0123456789"),
            ("bot", "Still nothing. I need the IBAN you paid from."),
            ("customer", "maybe NL20INGB0001234567"),
        ],
    ),
    "the code, then the next steps after a menu": (
        "en",
        [
            ("bot", "Please enter your track & trace code."),
            ("customer", "3STKBG123456789"),
            ("bot", "Your parcel arrives tomorrow. What else can I help you with? Track a parcel, or returns."),
            ("customer", "Track a parcel"),
            ("bot", "Please enter your track & trace code."),
            ("customer", "3STKBG987654321"),
            ("bot", "That parcel was delivered. What else can I help you with?"),
            ("customer", "Track a parcel"),
            ("bot", "Please enter your track & trace code."),
            ("customer", "3STKBG555555555"),
        ],
    ),
    "NL: modem, dan router, dan decoder herstarten": (
        "nl",
        [
            ("bot", "Laten we uw modem herstarten."),
            ("customer", "gedaan"),
            ("bot", "Herstart nu uw router."),
            ("customer", "gedaan"),
            ("bot", "Herstart ook uw decoder."),
            ("customer", "heb ik al gedaan"),
        ],
    ),
    "restart once more on purpose": (
        "en",
        [
            ("bot", "Let's restart your router."),
            ("customer", "done"),
            ("bot", "Great, the update is installed. Please restart the router once more."),
            ("customer", "done"),
            ("bot", "Perfect, is your internet back?"),
            ("customer", "yes"),
        ],
    ),
    "the display of the meter, then the reading on the invoice": (
        "en",
        [
            ("bot", "What does the display of your meter show?"),
            ("customer", "04512"),
            ("bot", "Thanks. What reading is on your last invoice?"),
            ("customer", "03900"),
            ("bot", "Thanks. Is the display of your meter working?"),
            ("customer", "yes"),
        ],
    ),
    "no to restart, then the restart step": (
        "nl",
        [
            ("bot", "Heeft u uw modem al herstart?"),
            ("customer", "nee"),
            ("bot", "Laten we uw modem herstarten. Haal de stekker er 10 seconden uit."),
            ("customer", "ok gedaan, werkt weer!"),
            ("bot", "Fijn! Kan ik u nog ergens mee helpen?"),
            ("customer", "nee"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(NEAR_MISSES))
def test_near_misses_are_no_loop(name: str) -> None:
    language, turns = NEAR_MISSES[name]
    assert loop_flag(run(turns, language=language)) is None
