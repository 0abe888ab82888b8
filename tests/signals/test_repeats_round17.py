"""customer_repeat and the `repetition` cue of round 17, each beside its near misses: a wait
for a person said after asking for one (the ask again, promised or not), the Dutch telling put
first ("zeg ik toch", "zoals ik zei"), and a count of the customer's own mishaps ("al de 3e
keer dit jaar dat ik mn sjaal laat liggen"), which counts no contact."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from tests.signals.dialogue import run


def repeats(turns: list[tuple[str, str]], language: str) -> list[tuple[int, str]]:
    result = run(turns, language)
    return [(ms.position, f.rule) for ms in result.messages for f in ms.flags if f.flag == "customer_repeat"]


WAITS = [
    (
        "en",
        [
            ("bot", "Hi, I'm the Skyline assistant. How can I help?"),
            ("customer", "my train was cancelled, I need to speak to someone now"),
            ("bot", "I'm connecting you with a colleague. The wait is about 15 minutes."),
            ("customer", "15 minutes?? I'm on the platform with my kids"),
            ("customer", "hello?? still waiting for someone"),
        ],
    ),
    (
        "en",
        [
            ("bot", "Hello! What can I do for you?"),
            ("customer", "can I talk to a real person please"),
            ("bot", "Sure, please hold while I find an agent."),
            ("customer", "is anyone there?"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Hoi! Waarmee kan ik je helpen?"),
            ("customer", "ik wil een medewerker spreken over mijn factuur"),
            ("bot", "Ik verbind je door. De wachttijd is ongeveer 10 minuten."),
            ("customer", "ok"),
            ("customer", "hallo?? zit hier al 12 min te wachten op een medewerker"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), WAITS)
def test_a_wait_for_the_person_asked_for_repeats_the_ask(language: str, turns: list[tuple[str, str]]) -> None:
    found = repeats(turns, language)
    assert (len(turns), "person again") in found, found


NOT_WAITS = [
    (  # a wait for something else after asking for a person
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "I want to speak to an agent about my refund"),
            ("bot", "I'll pass you to an agent. Meanwhile: refunds take 5 days."),
            ("customer", "I'm still waiting for my refund from March though"),
        ],
    ),
    (  # a wait for a person with no ask before it: a complaint, told once
        "nl",
        [
            ("bot", "Hoi! Waarmee kan ik je helpen?"),
            ("customer", "ik wacht al 2 weken op een monteur voor mijn cv-ketel"),
        ],
    ),
    (  # after a person joined
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "agent please"),
            ("agent", "Hi, Sam here. I'll ask the warehouse."),
            ("customer", "ok, I'm waiting for the team to confirm then"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), NOT_WAITS)
def test_other_waits_are_no_person_again(language: str, turns: list[tuple[str, str]]) -> None:
    found = repeats(turns, language)
    assert all(rule != "person again" for _, rule in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zeg ik toch, hij staat er niet!", True),
        ("particulier, zeg ik al", True),
        ("ik heb hier geen brieven bij mij, zoals ik zei zit ik op vakantie", True),
        ("zoals gezegd: ik wil opzeggen", True),
        ("dit is al de 3e keer dat ik bel", True),
        ("zoals ik al dacht, werkt het niet", False),
        ("zoals ik al zei tegen mijn vrouw, jullie zijn top", False),
        ("wat zeg ik toch allemaal", False),
        ("zoals vermeld in de brief moet ik 145 euro betalen", False),
        ("ik word gek van mezelf, al de 3e keer dit jaar dat ik mn sjaal in de trein laat liggen", False),
        ("de derde keer dat ik mijn fiets kwijt ben", False),
    ],
)
def test_dutch_repetition_cue(text: str, expected: bool) -> None:
    assert ("repetition" in text_features(text, "nl", True).cues) is expected


DECLINED = [
    (
        "en",
        [
            ("bot", "Hi! What can I help you with?"),
            ("customer", "cancel my membership"),
            (
                "bot",
                "Sorry to see you go! Before you cancel: you can freeze it for 2 months for free. Want to freeze instead?",
            ),
            ("customer", "no, cancel"),
        ],
    ),
    (
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "I want to close my account"),
            ("bot", "We'd hate to lose you! We can give you 3 months at half price. Interested?"),
            ("customer", "no. close it"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Hoi! Waarmee kan ik helpen?"),
            ("customer", "ik wil mijn lidmaatschap opzeggen"),
            ("bot", "Jammer! Wist je dat je je lidmaatschap ook 3 maanden kunt pauzeren?"),
            ("customer", "nee, opzeggen"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), DECLINED)
def test_no_to_an_offer_then_the_request_again_repeats_it(language: str, turns: list[tuple[str, str]]) -> None:
    found = repeats(turns, language)
    assert (len(turns), "said again") in found, found


NOT_DECLINED = [
    ("en", "I want a refund for the broken kettle", "Do you need anything else?", "no, just the refund"),
    ("en", "I want a refund for the broken kettle", "Do you need anything else?", "no thanks, the refund is all"),
    ("en", "where is my parcel", "Would you like to pause your subscription instead?", "no, cancel it"),
]


@pytest.mark.parametrize(("language", "asked", "question", "reply"), NOT_DECLINED)
def test_a_no_that_answers_is_no_repeat(language: str, asked: str, question: str, reply: str) -> None:
    turns = [("bot", "Hi! How can I help?"), ("customer", asked), ("bot", question), ("customer", reply)]
    assert repeats(turns, language) == []


OFFER_TURNED_DOWN = [
    (
        "en",
        "I want to return the shoes I ordered, too small",
        "Here is our size guide: shop.example/sizes",
        "I don't need a size guide, I want to send them back",
        True,
    ),
    (
        "nl",
        "ik wil de schoenen retourneren, te klein",
        "Je kunt ook een tegoedbon krijgen.",
        "ik hoef geen tegoedbon, ik wil ze terugsturen",
        True,
    ),
    (
        "en",
        "I want to return the shoes I ordered, too small",
        "Here is our size guide: shop.example/sizes",
        "I don't want to return them, can I exchange them for a bigger size?",
        False,
    ),
    (
        "nl",
        "ik wil de schoenen retourneren, te klein",
        "Je kunt ook een tegoedbon krijgen.",
        "ik hoef geen tegoedbon, wat is jullie adres?",
        False,
    ),
]


@pytest.mark.parametrize(("language", "asked", "offer", "reply", "expected"), OFFER_TURNED_DOWN)
def test_an_offer_turned_down_then_the_request_again(
    language: str, asked: str, offer: str, reply: str, expected: bool
) -> None:
    turns = [("bot", "Hi! How can I help?"), ("customer", asked), ("bot", offer), ("customer", reply)]
    assert ((4, "said again") in repeats(turns, language)) is expected
