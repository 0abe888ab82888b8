"""Requests for a person, round 16 (issue 12): families from blind15's misses and two probe rounds.

- a question whether the bot or agent is a person ("r u a real person", "ben jij een echt
  persoon") asks what the customer talks to, never for a person; an ask after it still counts;
- a sentence that is only the person asked for ("An advisor. A human being.", "ADVISEUR. Een
  mens.") asks; a person in a sentence that says more, a signature, or an answer to a question
  that named the person does not;
- an offer said as what the bot can do, with a question for consent ("Dan wil ik je graag
  doorverbinden met een medewerker. Is dat goed?"), more offers read by their parts, and "the
  latter" picking the person of two options;
- the decision: with a bot, before any person took over, a bare "someone" asked to do the task
  asks for a person ("kan er niet gewoon iemand op mijn naam zoeken?"); with an agent, in an
  opening that says what the customer wants, as a question for an answer, for help, a visit or
  a job at the door, it does not.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run

_OPENER = {"en": "How can I help?", "nl": "Waarmee kan ik je helpen?"}


def _flagged(turns: list[tuple[str, str]], language: str) -> list[bool]:
    """Per customer message of ``turns``: whether it is flagged as a request for a person."""
    result = run(turns, language)
    return [
        any(flag.flag == "human_request" for flag in signals.flags)
        for (role, _), signals in zip(turns, result.messages, strict=True)
        if role == "customer"
    ]


def _asks(text: str, language: str, before: str | None = None, role: str = "bot") -> bool:
    return _flagged([(role, before or _OPENER[language]), ("customer", text)], language)[0]


IDENTITY = [
    ("en", "r u a real person", False),
    ("en", "are you a real person or a robot?", False),
    ("en", "r u a bot or a real agent", False),
    ("en", "is this an actual human", False),
    ("en", "is this a bot?", False),
    ("en", "am I talking to a real person?", False),
    ("en", "are you guys even human", False),
    ("nl", "ben jij een echt persoon", False),
    ("nl", "is dit een echt mens?", False),
    ("nl", "praat ik nu met een mens of met een computer?", False),
    ("nl", "ben je een robot", False),
    ("nl", "ben ik nou met een computer aan het praten?", False),
    # An ask after the question, or one that only looks alike, still asks.
    ("en", "are you a bot? I want a human", True),
    ("en", "r u a bot or can I talk to a person", True),
    ("en", "can I talk to a real person", True),
    ("en", "is there a real person here?", True),
    ("en", "are you able to put me through to a real person?", True),
    ("en", "Human error on your side, please refund me. I want a real person to check it", True),
    ("nl", "ben je een robot? ik wil een mens spreken", True),
    ("nl", "kan ik met een echt mens praten?", True),
]


@pytest.mark.parametrize(("language", "text", "asks"), IDENTITY)
def test_asking_whether_the_bot_is_a_person_is_no_request(language: str, text: str, asks: bool) -> None:
    assert _asks(text, language) is asks


BARE = [
    ("en", "This is the fourth time I've asked. An advisor. A human being. Mortgage renewal.", True),
    ("en", "EMPLOYED. ADVISER. PLEASE.", True),
    ("en", "Claims handler. Now.", True),
    ("en", "Person. Real one. Please.", True),
    ("en", "Staff member please", True),
    ("nl", "Voor de vierde keer: ADVISEUR. Een mens. Oversluiten.", True),
    ("nl", "Een medewerker. Alstublieft.", True),
    ("nl", "Al 6 dagen. Mens!!", True),
    # A person in a sentence that says more, a name, a signature: no request.
    ("en", "the agent was helpful yesterday", False),
    ("en", "Agent Smith told me it was fine", False),
    ("en", "advisor said 3 days", False),
    ("en", "Thanks for your help.\nKind regards,\nJo Bloggs\nManager", False),
    ("en", "Human error. You charged me twice.", False),
    ("nl", "De medewerker was erg vriendelijk.", False),
    ("nl", "Met vriendelijke groet,\nJan\nAdviseur", False),
]


@pytest.mark.parametrize(("language", "text", "asks"), BARE)
def test_a_sentence_that_is_only_the_person_asks(language: str, text: str, asks: bool) -> None:
    assert _asks(text, language) is asks


@pytest.mark.parametrize(
    ("language", "bot", "reply", "asks"),
    [
        ("en", "Did you book through an agent or directly?", "Agent.", False),
        ("en", "Who did you speak to last time, an advisor or the shop?", "An advisor.", False),
        ("nl", "Heb je via een adviseur of zelf afgesloten?", "Adviseur.", False),
        ("en", "Would you like to speak to an advisor?", "An advisor please.", True),
        (
            "nl",
            "Ik kan een monteur voor je inplannen of je doorzetten naar een collega. Wat heeft je voorkeur?",
            "collega graag",
            True,
        ),
    ],
)
def test_a_person_word_that_answers_a_question_asks_for_nobody(language: str, bot: str, reply: str, asks: bool) -> None:
    assert _asks(reply, language, bot) is asks


OFFERS = [
    (
        "nl",
        "Dank je. Dan wil ik je graag doorverbinden met een medewerker van de technische dienst. Is dat goed?",
        "ja graag",
        True,
    ),
    (
        "en",
        "This needs our fraud team. I can put you through now, wait time is about 3 minutes. OK?",
        "yes do it",
        True,
    ),
    (
        "en",
        "Our retention team may be able to offer you a better deal. Shall I put you in touch with them?",
        "go on then",
        True,
    ),
    ("nl", "Dit moet door ons fraudeteam worden opgepakt. Wil je doorverbonden worden?", "ja graag", True),
    ("nl", "Wil je dat een wijkverpleegkundige je vandaag terugbelt?", "Ja graag, zo snel mogelijk", True),
    (
        "nl",
        "Ik kan de beschikbaarheid niet inzien. Wil je dat de locatiemanager contact met je opneemt?",
        "Ja, liefst vandaag nog",
        True,
    ),
    (
        "nl",
        "Dan kan ik je een tegoedbon aanbieden. Of wil je liever dat een reisadviseur met je meekijkt?",
        "Het laatste",
        True,
    ),
    (
        "en",
        "Would you like me to log a lost property report, or put you in touch with our lost property team?",
        "the second one please",
        True,
    ),
    # Near misses: consent to something else, a notice, the other option.
    ("nl", "Ik kan je bestelling annuleren. Is dat goed?", "ja graag", False),
    ("en", "I can ask our team to refund you. OK?", "yes", False),
    ("nl", "Wil je dat we je bellen als je pakket er is?", "ja graag", False),
    ("nl", "Wil je een adviseur spreken of een tegoedbon?", "het laatste", False),
    ("en", "I can send you a link to our returns page. Is that OK?", "yes please", False),
]


@pytest.mark.parametrize(("language", "bot", "reply", "asks"), OFFERS)
def test_offers_read_by_their_parts(language: str, bot: str, reply: str, asks: bool) -> None:
    assert _asks(reply, language, bot) is asks


PARTS = [
    ("en", "Chat is fine then, transfer me", True),
    ("en", "Which safe place?? Get a person on here please", True),
    ("en", "yes obviously. i want to report it to a human not a chatbot", True),
    ("en", "No. I need someone from billing to sort this out", True),
    ("en", "pass me to the team then", True),
    ("en", "can you give me a number for the outpatients department", True),
    ("nl", "Wanneer belt die teamleider dan?", True),
    ("nl", "Of kan ik jullie beter bellen?", True),
    ("en", "I want to report it to the police", False),
    ("en", "get a refund for me", False),
    ("nl", "Wanneer belt de monteur dan?", False),
]


@pytest.mark.parametrize(("language", "text", "asks"), PARTS)
def test_requests_read_by_their_parts(language: str, text: str, asks: bool) -> None:
    assert _asks(text, language) is asks


_BOT = {"en": "I can help with that. Please check the app.", "nl": "Ik help je graag. Kijk even in de app."}
_OPENING = {"en": "my bill is wrong", "nl": "mijn rekening klopt niet"}

SOMEONE = [
    ("en", "can someone please just cancel my order", True),
    ("en", "I need someone to look at my record", True),
    ("en", "can someone from cobalt just tell me yes or no", True),
    ("nl", "kan er niet gewoon iemand op mijn naam of mailadres zoeken?", True),
    ("nl", "Kan er iemand mijn adres aanpassen?", True),
    ("nl", "Kan er iemand naar mijn claim kijken? Het duurt te lang", True),
    # A question for an answer, help, a visit, anyone in general, someone else.
    ("en", "can someone tell me when it arrives", False),
    ("en", "can someone help me", False),
    ("en", "can someone come out and fix the boiler", False),
    ("en", "i need someone to actually replace the part", False),
    ("en", "can anyone use my discount code?", False),
    ("en", "can someone from my bank call you", False),
    ("en", "can someone else collect my parcel?", False),
    ("en", "will someone be home to sign for it?", False),
    ("nl", "Kan iemand mij uitleggen waarom mijn rekening hoger is?", False),
    ("nl", "kan er iemand langskomen om de lekkage te bekijken?", False),
    ("nl", "kan iemand met een uitkering dit aanvragen?", False),
    ("nl", "mag iemand anders mijn pas gebruiken?", False),
    ("nl", "Is er iemand die dit ook heeft?", False),
]


@pytest.mark.parametrize(("language", "text", "asks"), SOMEONE)
def test_someone_asked_to_act_with_a_bot_asks_for_a_person(language: str, text: str, asks: bool) -> None:
    turns = [("bot", _OPENER[language]), ("customer", _OPENING[language]), ("bot", _BOT[language]), ("customer", text)]
    assert _flagged(turns, language)[1] is asks


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "can someone please just cancel my order"), ("nl", "kan er niet gewoon iemand op mijn naam zoeken?")],
)
def test_someone_asked_to_act_is_no_request_with_an_agent_or_after_a_promise(language: str, text: str) -> None:
    agent = {"en": "Hi, Sam here. How can I help?", "nl": "Hoi, met Lotte. Waarmee kan ik helpen?"}[language]
    assert (
        _flagged([("agent", agent), ("customer", _OPENING[language]), ("agent", "Ok."), ("customer", text)], language)[
            1
        ]
        is False
    )
    promise = {
        "en": "Thanks for your email. We aim to respond within 10 working days.",
        "nl": "Bedankt. We reageren binnen 5 werkdagen.",
    }
    turns = [("customer", _OPENING[language]), ("bot", promise[language]), ("customer", text)]
    assert _flagged(turns, language)[1] is False


@pytest.mark.parametrize(
    ("language", "opening", "asks"),
    [
        ("nl", "kan iemand mijn bestelling nog annuleren? ik heb per ongeluk 2x besteld", False),
        ("en", "can someone cancel my order please", False),
        ("en", "my tax code changed to 0T, I need someone to look at my record", True),
    ],
)
def test_someone_in_the_opening_asks_only_as_a_wish(language: str, opening: str, asks: bool) -> None:
    assert _flagged([("bot", _OPENER[language]), ("customer", opening)], language)[0] is asks
