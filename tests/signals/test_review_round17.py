"""Round 17 review: false flags the round's request rules made on ordinary text, narrowed.

Each near miss sits beside the positive its rule was written for, so the narrowing keeps it:
a pick of the way that stays with the bot, an offer the bot says it cannot make, the customer
passing something on to their own colleagues, a parcel's address, a policy's section, a third
party's phone hours, an emergency number abroad, praise of an agent, the customer's own phone
or a parcel sent before a bare "the number?", and a manager's title asked for (an escalation);
and from the loop rules: a wait taken calmly or a visit as the person asked again, and "zoals
aangegeven op de factuur" as a repetition; and from the frustration cues: a plan to cancel
"after the summer", a bargain waited for, amazement, "another sunny day", a calm "not resolved yet".
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import after_opening, asks_for_person, run

NEAR_MISSES = [
    (
        "en",
        "Shall I connect you with an agent by phone, or would you rather continue here in the chat?",
        "chat is fine",
    ),
    ("nl", "Wil je een medewerker aan de telefoon, of blijf je liever met mij chatten?", "chatten"),
    ("en", "Sorry, I can't connect you with a colleague right now.", "ok"),
    ("en", "Sorry, I can not transfer you to an agent.", "ok"),
    ("nl", "Je pakket wordt morgen bezorgd door onze partner.", "Wie doet dat?"),
    ("en", "I can help with that.", "I'll pass this to someone in the finance team and come back to you."),
    ("nl", "Ik kan je daarmee helpen.", "Ik geef het door aan iemand van de administratie."),
    ("en", "I can help with that.", "is there an address I can send my return to?"),
    ("en", "I can help with that.", "what section covers accidental damage?"),
    ("nl", "Ik kan je daarmee helpen.", "Heeft de klantenservice het adres al doorgekregen?"),
    ("en", "I can help with that.", "What's the emergency number in Spain?"),
    ("nl", "Ik kan je daarmee helpen.", "Weet je wanneer de tandarts telefonisch bereikbaar is?"),
    ("en", "I can help with that.", "Agent is great, thank you"),
    ("en", "Please enter the code we sent to your phone.", "the number?"),
    ("nl", "Onze klantenservice heeft je pakket verzonden.", "naar welk adres?"),
    ("nl", "Onze monteur belt je een uur voor aankomst.", "op welk nummer?"),
]

POSITIVES = [
    ("en", "Would you like to chat with an adviser here, or get a call back?", "chat please"),
    ("en", "Would you like to chat with an adviser or get a call back?", "call back is better for me"),
    ("en", "I can also connect you with a colleague in chat right now.", "yes"),
    ("nl", "Helaas kan ik de naam niet wijzigen.", "wie doet dat dan?"),
    ("en", "I can help.", "then send this to someone in your team who can deal with it"),
    ("nl", "Dat begreep ik niet.", "stuur dit dan door naar iemand die er wel wat mee kan"),
    ("en", "I can help.", "is there an address I can send my complaint to?"),
    ("en", "How can I help?", "which team deals with complaints?"),
    ("nl", "Kan ik nog iets voor je doen?", "ja. heeft de klantenservice ook een whatsappnummer?"),
    ("en", "Please use the online form.", "seriously? give me the emergency repairs number"),
    ("nl", "Dat heb ik niet begrepen.", "wanneer zijn jullie telefonisch bereikbaar?"),
    ("en", "Please select: 1) Track order 2) Returns 3) Something else", "something else. a human would be good"),
    ("en", "How can I help?", "a person is better for this"),
    ("en", "Our customer service team is available from 8am to 6pm.", "ok, and the number to call in those hours?"),
    ("nl", "Wij zijn bereikbaar van ma-vr 9-17.", "ok en op welk nummer dan?"),
]


@pytest.mark.parametrize(("language", "before", "text"), NEAR_MISSES)
def test_near_misses_ask_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), POSITIVES)
def test_the_rules_positives_still_ask(language: str, before: str, text: str) -> None:
    assert asks_for_person(text, language, before)


def test_a_managers_title_asked_for_escalates_and_a_signature_does_not() -> None:
    assert "escalation" in after_opening("I want to speak to the general manager", "en", "How can I help?").cues
    assert "escalation" not in after_opening("Tom Baker\nGeneral Manager", "en", "How can I help?").cues
    assert "escalation" not in after_opening("my account manager said it was fine", "en", "How can I help?").cues


def _repeats(turns: list[tuple[str, str]], language: str) -> bool:
    return any(flag.flag == "customer_repeat" for flag in run(turns, language).messages[-1].flags)


def test_a_wait_taken_or_a_visit_is_no_person_asked_again() -> None:
    asked = [("bot", "Hi! How can I help?"), ("customer", "can I speak to an agent please")]
    assert not _repeats(
        [
            *asked,
            ("bot", "An agent will call you back tomorrow."),
            ("customer", "ok thanks, I'll wait for the agent then"),
        ],
        "en",
    )
    assert not _repeats(
        [*asked, ("bot", "I can book an engineer visit."), ("customer", "yes please. is someone coming this week?")],
        "en",
    )
    assert _repeats([*asked, ("bot", "Please hold."), ("customer", "hello?? still waiting for someone")], "en")
    nl = [("bot", "Hoi! Waarmee kan ik je helpen?"), ("customer", "mag ik een medewerker spreken")]
    assert not _repeats(
        [
            *nl,
            ("bot", "Een medewerker belt je morgen."),
            ("customer", "top, dan wacht ik wel op de medewerker. bedankt"),
        ],
        "nl",
    )
    assert _repeats(
        [*nl, ("bot", "Een moment."), ("customer", "hallo?? zit hier al 7 min te wachten op een medewerker")], "nl"
    )


def test_as_stated_on_the_invoice_is_no_repetition() -> None:
    opening = [
        ("bot", "Hoi! Waarmee kan ik je helpen?"),
        ("customer", "ik heb een vraag over mijn factuur"),
        ("bot", "Waar gaat je vraag over?"),
    ]
    assert not _repeats(
        [*opening, ("customer", "zoals aangegeven op de factuur moet ik 50 euro bijbetalen, klopt dat?")], "nl"
    )
    assert not _repeats([*opening, ("customer", "zoals vermeld op jullie website is de eerste maand gratis")], "nl")
    assert _repeats([*opening, ("customer", "zoals al gezegd, de factuur klopt niet")], "nl")


def _frustration(text: str, language: str) -> float:
    return run([("bot", "How can I help?"), ("customer", text)], language).messages[-1].frustration


@pytest.mark.parametrize(
    ("language", "near_miss", "positive"),
    [
        (
            "en",
            "I'm thinking of cancelling my membership after the summer",
            "I'm considering leaving after twelve years with you",
        ),
        (
            "en",
            "I waited for the sale and got it for half price. Perfect.",
            "I've been on hold for 40 minutes. Perfect.",
        ),
        ("nl", "Ik heb 10 minuten gewacht en toen kon ik gelijk mee. Top.", "Al 40 minuten in de wacht. Top."),
        ("nl", "hoe is het mogelijk dat jullie zo snel zijn!", "hoe is het mogelijk dat dit nog steeds niet werkt"),
        ("en", "Great, another sunny day here. Can I change my address?", "Great, another error when paying."),
        (
            "nl",
            "Geweldig, weer een mooie dag vandaag. Ik wil mijn adres wijzigen.",
            "Geweldig, weer een foutmelding bij het betalen.",
        ),
        ("en", "It is not resolved yet, but the engineer is coming tomorrow, so all good", "It is not resolved."),
    ],
)
def test_frust17_cues_spare_their_near_misses(language: str, near_miss: str, positive: str) -> None:
    """frust17's new cues: a plan, a bargain, amazement, a sunny day, a calm status are no frustration."""
    assert _frustration(near_miss, language) < 0.4 <= _frustration(positive, language)
