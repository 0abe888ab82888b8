"""Round 19 (loop19): bot loops by families from the development sets' missed loops.

- an ask to describe the problem in other words is one ask ("Kun je je probleem omschrijven?" /
  "Wat is er aan de hand?" / "Kun je meer vertellen over je probleem?", "Can you tell me more
  about your problem?"), and "ik begrijp je niet (helemaal)" is a failure to understand (blind18);
  not a problem of something named ("the problem with your second order");
- an answer sent again with another tail that only points to more to read ("E-tickets zijn geldig
  ... Bekijk voor meer informatie onze voorwaarden.") gives the answer again (blind17); two answers
  of one template that go on with news do not;
- a request for a person in reply to an answer the bot came back to gets nowhere, even when the bot
  then hands over: the loop came before the handover (blind17); a request after a first answer is
  no loop;
- "Probeer je modem opnieuw op te starten. Is het lampje nu groen?" asks the restart step again (a
  Dutch clause ends at its infinitive);
- a value given again with "same one" or a count ("same one, priya.n@fastmail.com", "Lissabon. derde
  keer") is the customer having to repeat to the bot: twice is a loop (blind12), once is not.
"""

from __future__ import annotations

import pytest

from cxreview.signals.features import message_features
from cxreview.signals.requested import asked_for
from tests.signals.dialogue import run


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kun je je probleem omschrijven?", "nl"),
        ("Sorry, ik begrijp je niet helemaal. Kun je meer vertellen over je probleem?", "nl"),
        ("Ik wil je graag goed helpen. Wat is er aan de hand?", "nl"),
        ("Can you tell me more about your problem?", "en"),
        ("Could you tell me a bit more about the issue?", "en"),
    ],
)
def test_an_ask_to_describe_the_problem(text: str, language: str) -> None:
    found = asked_for(message_features("bot", text, language).norm, language)
    assert found is not None and found.item == ("problem",)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Could you tell me more about the problem with your second order?", "en"),
        ("I will explain the problem to my colleague.", "en"),
        ("Kun je meer vertellen over het probleem met je tweede bestelling?", "nl"),
    ],
)
def test_a_problem_of_something_named_is_no_such_ask(text: str, language: str) -> None:
    found = asked_for(message_features("bot", text, language).norm, language)
    assert found is None or found.item != ("problem",)


def test_ik_begrijp_je_niet_is_a_failure() -> None:
    assert "failure" in message_features("bot", "Sorry, ik begrijp je niet helemaal.", "nl").cues
    assert "failure" in message_features("bot", "Ik begrijp u niet goed, kunt u het anders zeggen?", "nl").cues
    assert "failure" not in message_features("bot", "Ik begrijp je frustratie.", "nl").cues


DESCRIBE_LOOP = {
    "nl": [
        ("bot", "Hoi, ik ben Bas van Belnet. Wat kan ik voor je doen?"),
        ("customer", "mn internet valt steeds weg sinds gisteren"),
        ("bot", "Kun je je probleem omschrijven?"),
        ("customer", "internet valt steeds weg"),
        ("bot", "Ik wil je graag goed helpen. Wat is er aan de hand?"),
        ("customer", "internet. valt. weg. steeds."),
        ("bot", "Kun je meer vertellen over je probleem?"),
        ("customer", "laat maar zitten"),
    ],
    "en": [
        ("bot", "Hi, I'm Max from Linkwave. What can I do for you?"),
        ("customer", "my internet keeps dropping since yesterday"),
        ("bot", "Could you describe the problem?"),
        ("customer", "internet keeps dropping"),
        ("bot", "I'd like to help. What seems to be the issue?"),
        ("customer", "internet. keeps. dropping."),
        ("bot", "Can you tell me more about your problem?"),
        ("customer", "forget it"),
    ],
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_problem_asked_again_in_other_words_is_a_loop(language: str) -> None:
    assert run(DESCRIBE_LOOP[language], language).bot_loop


def test_the_problem_asked_of_each_new_thing_is_no_loop() -> None:
    turns = [
        ("bot", "Hi! What seems to be the problem?"),
        ("customer", "my router is down"),
        ("bot", "I've reset your line, it should work in 5 minutes. Anything else?"),
        ("customer", "yes, my TV box freezes too"),
        ("bot", "Sorry to hear that. Could you describe the problem?"),
        ("customer", "it freezes every evening around 8"),
        ("bot", "I'll send you a new box, it arrives on Friday. Anything else?"),
        ("customer", "and the remote is broken"),
        ("bot", "Could you tell me more about the problem with the remote?"),
        ("customer", "the buttons don't respond"),
    ]
    assert not run(turns).bot_loop


TAIL_LOOP = {
    "nl": [
        ("bot", "Hallo, ik ben Ties van SpoorNet. Waar kan ik je mee helpen?"),
        (
            "customer",
            "Ik heb een e-ticket gekocht voor 12 november maar ik kan niet reizen. Kan ik mijn geld terugkrijgen?",
        ),
        (
            "bot",
            "E-tickets zijn geldig op de gekozen reisdag. Je kunt met je e-ticket de hele dag reizen op het gekozen traject.",
        ),
        ("customer", "Dank u. Maar kan ik het ticket annuleren?"),
        (
            "bot",
            "E-tickets zijn geldig op de gekozen reisdag. Je kunt met je e-ticket de hele dag reizen op het gekozen traject.",
        ),
        ("customer", "Ik bedoel: is restitutie mogelijk als ik niet reis?"),
        ("bot", "E-tickets zijn geldig op de gekozen reisdag. Bekijk voor meer informatie onze voorwaarden."),
        ("customer", "Goed, dan lees ik de voorwaarden even door. Dank u wel."),
    ],
    "en": [
        ("bot", "Hi, I'm Rail Assistant. How can I help?"),
        ("customer", "I bought an e-ticket for 12 November but I can't travel that day. Can I get my money back?"),
        (
            "bot",
            "E-tickets are valid on the chosen travel day. You can travel all day on the chosen route with your e-ticket.",
        ),
        ("customer", "Thanks. But can I cancel the ticket?"),
        (
            "bot",
            "E-tickets are valid on the chosen travel day. You can travel all day on the chosen route with your e-ticket.",
        ),
        ("customer", "I mean: is a refund possible if I don't travel?"),
        (
            "bot",
            "E-tickets are valid on the chosen travel day. Please see our terms and conditions for more information.",
        ),
        ("customer", "Fine, I'll read the terms then. Thank you."),
    ],
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_answer_again_with_a_pointer_to_read_more_is_a_loop(language: str) -> None:
    assert run(TAIL_LOOP[language], language).bot_loop


def test_one_template_that_goes_on_with_news_is_no_loop() -> None:
    turns = [
        ("bot", "Hi! How can I help?"),
        ("customer", "where is my refund for order 1234?"),
        ("bot", "Thanks for waiting, I have checked your account details. Your refund was sent on Monday."),
        ("customer", "ok and my new card?"),
        ("bot", "Thanks for waiting, I have checked your account details. Your new card is on its way by post."),
        ("customer", "and the replacement phone?"),
        (
            "bot",
            "Thanks for waiting, I have checked your account details. The phone ships tomorrow from our warehouse.",
        ),
        ("customer", "great, thanks"),
    ]
    assert not run(turns).bot_loop


PERSON_AFTER_LOOP = {
    "en": [
        ("bot", "Hey! I'm Flick, StreamBox's assistant. What can I do for you?"),
        ("customer", "my account says I've reached the max number of devices but I only use my tv and phone"),
        (
            "bot",
            "You can watch StreamBox on up to 4 devices. Read more about managing your devices here: streambox.com/help/devices",
        ),
        ("customer", "I read that. it says to remove devices under settings, but there are only 2 listed"),
        (
            "bot",
            "You can watch StreamBox on up to 4 devices. Read more about managing your devices here: streambox.com/help/devices",
        ),
        ("customer", "same link again. there are TWO devices in the list"),
        (
            "bot",
            "Here's how to manage your devices: streambox.com/help/devices. Is there anything else I can help with?",
        ),
        ("customer", "yes, a person who can actually look at my account please"),
        ("bot", "I'll connect you with our support team. Estimated wait time: 12 minutes."),
        ("customer", "fine"),
    ],
    "nl": [
        ("bot", "Hoi! Ik ben Flick van StreamBox. Wat kan ik voor je doen?"),
        (
            "customer",
            "mijn account zegt dat ik het maximum aantal apparaten heb bereikt maar ik gebruik alleen tv en telefoon",
        ),
        (
            "bot",
            "Je kunt StreamBox op maximaal 4 apparaten kijken. Lees meer over je apparaten beheren: streambox.nl/hulp/apparaten",
        ),
        ("customer", "dat heb ik gelezen, er staan maar 2 apparaten in de lijst"),
        (
            "bot",
            "Je kunt StreamBox op maximaal 4 apparaten kijken. Lees meer over je apparaten beheren: streambox.nl/hulp/apparaten",
        ),
        ("customer", "weer dezelfde link. er staan TWEE apparaten in de lijst"),
        ("bot", "Zo beheer je je apparaten: streambox.nl/hulp/apparaten. Kan ik je nog ergens anders mee helpen?"),
        ("customer", "ja, een medewerker die echt in mijn account kan kijken graag"),
        ("bot", "Ik verbind je door met een medewerker. De wachttijd is ongeveer 12 minuten."),
        ("customer", "prima"),
    ],
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_person_asked_for_after_the_same_answer_again_keeps_the_loop(language: str) -> None:
    assert run(PERSON_AFTER_LOOP[language], language).bot_loop


@pytest.mark.parametrize(
    ("turns", "language"),
    [
        (
            [
                ("bot", "Hi! What can I do for you?"),
                ("customer", "my bill is higher than usual"),
                ("bot", "Bills can go up after an estimated meter reading. You can submit a reading in the app."),
                ("customer", "can I talk to a person please"),
                ("bot", "I'll connect you with a colleague now."),
                ("customer", "thanks"),
            ],
            "en",
        ),
        (
            [
                ("bot", "Hoi! Waarmee kan ik je helpen?"),
                ("customer", "mijn rekening is hoger dan normaal"),
                (
                    "bot",
                    "Een rekening kan hoger zijn na een geschatte meterstand. Je kunt een stand doorgeven in de app.",
                ),
                ("customer", "kan ik een medewerker spreken"),
                ("bot", "Ik verbind je door met een collega."),
                ("customer", "dank je"),
            ],
            "nl",
        ),
    ],
)
def test_a_person_asked_for_after_a_first_answer_is_no_loop(turns: list[tuple[str, str]], language: str) -> None:
    assert not run(turns, language).bot_loop


def test_the_restart_asked_again_with_an_infinitive_is_a_loop() -> None:
    turns = [
        ("bot", "Hoi! Heb je je modem opnieuw opgestart?"),
        ("customer", "ja"),
        ("bot", "Start je modem opnieuw op en wacht even. Brandt het lampje groen?"),
        ("customer", "ik heb hem al herstart. het lampje is rood"),
        ("bot", "Probeer je modem opnieuw op te starten. Is het lampje nu groen?"),
        ("customer", "al 3 keer gedaan. rood."),
    ]
    assert run(turns, "nl").bot_loop


SAME_VALUE_LOOP = {
    "en": [
        ("bot", "Let's get you back in! What's the email address on your account?"),
        ("customer", "priya.n@fastmail.com"),
        ("bot", "Thanks! To keep your account safe, can you tell me which email you used to sign up?"),
        ("customer", "same one, priya.n@fastmail.com"),
        ("bot", "Great. Please type the email address linked to your StreamBox account."),
        ("customer", "priya.n@fastmail.com!!! how many times"),
    ],
    "nl": [
        ("bot", "Naar welke stad reis je?"),
        ("customer", "Lissabon"),
        ("bot", "Leuk. In welke stad wil je overnachten?"),
        ("customer", "zelfde, Lissabon"),
        ("bot", "Prima! Wat is je bestemming?"),
        ("customer", "Lissabon. derde keer"),
    ],
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_value_given_again_twice_with_same_one_or_a_count_is_a_loop(language: str) -> None:
    assert run(SAME_VALUE_LOOP[language], language).bot_loop


def test_a_value_given_again_once_is_no_loop() -> None:
    turns = [
        ("bot", "What's the email address on your account?"),
        ("customer", "priya.n@fastmail.com"),
        ("bot", "Thanks! Which email did you use to sign up?"),
        ("customer", "same one, priya.n@fastmail.com"),
        ("bot", "Great, I've sent a reset link to that address. Anything else?"),
        ("customer", "no thanks"),
    ]
    assert not run(turns).bot_loop
