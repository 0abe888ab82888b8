"""Round 18 (loop18): more ways of saying "I said it before" ("didn't I just tell you?",
"you've asked me this three times now", "I keep giving you the same number", "third time:
55123", "ik herhaal: 55123", "ik heb het al eens gezegd", "ik blijf hetzelfde nummer
geven"), and their near misses: an event counted ("Second time: the app crashed again"),
"third time lucky", a question whether something was sent, a step that keeps failing, a
recipe repeated, something told to someone else."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import after_opening, run

_BEFORE = {"en": "Could you give me your order number?", "nl": "Wat is je ordernummer?"}


def _repeats(text: str, language: str) -> bool:
    flags = after_opening(text, language, _BEFORE[language]).flags
    return any(flag.flag == "customer_repeat" for flag in flags)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("didn't I just tell you? 55123", "en"),
        ("haven't I told you that already? 55123", "en"),
        ("you've asked me this three times now", "en"),
        ("I keep giving you the same number, 55123", "en"),
        ("third time: 55123", "en"),
        ("REFUND. how many times. person please", "en"),
        ("LK21 XRT, I literally just typed it", "en"),
        ("ik herhaal: 55123", "nl"),
        ("ik heb het al eens gezegd, 55123", "nl"),
        ("al eens gezegd: 55123", "nl"),
        ("ik blijf hetzelfde nummer geven, 55123", "nl"),
    ],
)
def test_said_before_in_other_words(text: str, language: str) -> None:
    assert _repeats(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Second time: the app crashed again", "en"),
        ("third time lucky, it worked", "en"),
        ("didn't I send you the wrong photo?", "en"),
        ("my phone keeps sending it to the old address", "en"),
        ("I keep typing it but the page freezes", "en"),
        ("I order from you 3-4 times a week", "en"),
        ("How many times a day should I charge it?", "en"),
        ("I just typed it wrong, sorry", "en"),
        ("heb je dat al eens gezegd tegen de bezorger?", "nl"),
        ("herhaal het recept: 2 eieren", "nl"),
        ("ik blijf het proberen maar het lukt niet", "nl"),
        ("ik bestel 3 keer per week bij jullie", "nl"),
    ],
)
def test_near_misses_are_no_repeat(text: str, language: str) -> None:
    assert not _repeats(text, language)


# The bot's answer sent again, and what the customer already knew (`told_before`).
_LINK = "You can manage your devices here: streambox.com/help/devices"
_LINK_NL = "Alles over terugleveren lees je op stroomwijzer.nl/zonnepanelen."


def _after_two_answers(text: str, language: str, answer: str) -> list[str]:
    opening = "hi, a question about my account" if language == "en" else "hoi, vraagje over mijn account"
    turns = [("bot", answer), ("customer", opening), ("bot", answer), ("customer", text)]
    return [f.rule for f in run(turns, language).messages[-1].flags if f.flag == "customer_repeat"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("same link again. there are TWO devices in the list", "en"),
        ("that's the same link. I was charged twice", "en"),
        ("you already sent me that page twice", "en"),
        ("it keeps asking the same thing again and again", "en"),
        ("Ik krijg nu voor de derde keer dezelfde link.", "nl"),
        ("hallo?? steeds die link. ik wil iemand spreken", "nl"),
        ("dat is weer dezelfde pagina", "nl"),
    ],
)
def test_the_same_answer_again_said_so(text: str, language: str) -> None:
    assert _after_two_answers(text, language, _LINK if language == "en" else _LINK_NL)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can you send me the same link again please?", "en"),
        ("I'm on the same page now, thanks", "en"),
        ("same error again", "en"),
        ("kun je dezelfde link nog een keer sturen?", "nl"),
        ("die link werkt, dank je", "nl"),
    ],
)
def test_no_complaint_about_the_same_answer(text: str, language: str) -> None:
    assert not _after_two_answers(text, language, _LINK if language == "en" else _LINK_NL)


def test_the_same_answer_looked_back_on_after_a_handover_is_none() -> None:
    turns = [
        ("bot", _LINK),
        ("customer", "my devices are wrong"),
        ("bot", _LINK),
        ("customer", "a person please"),
        ("bot", "I'll connect you with a colleague."),
        ("agent", "Hi, Sam here. I've removed the old devices."),
        ("customer", "thanks. shame it took so long, that's the same link I got twice"),
    ]
    assert not any(f.flag == "customer_repeat" for f in run(turns, "en").messages[-1].flags)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I know where the bill is. I'm saying the amount is wrong", "en"),
        ("yes I KNOW. the link only shows saturday", "en"),
        ("I know, I can see both payments there. I want one of them back", "en"),
        ("Yes I know. That's what the letter says.", "en"),
        ("dat weet ik, daarom heb ik net de dagpas gekocht", "nl"),
        ("Dat weet ik. Maar het bedrag klopt niet.", "nl"),
        ("ja weet ik", "nl"),
        ("ja dat weet ik, heb ik gedaan, zelfde snelheid", "nl"),
    ],
)
def test_what_they_already_knew_put_first(text: str, language: str) -> None:
    before = "You can see your bill in the app under Billing." if language == "en" else "Je ziet je factuur in de app."
    flags = after_opening(text, language, before).flags
    assert [f.rule for f in flags if f.flag == "customer_repeat"] == ["knew it"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I know, thanks!", "en"),
        ("I know my own birthday", "en"),
        ("I know it's not your fault, but the amount is wrong", "en"),
        ("I know what you mean", "en"),
        ("I don't know where the bill is", "en"),
        ("dat weet ik niet", "nl"),
        ("dat weet ik nog niet, ik kijk even", "nl"),
        ("weet ik veel", "nl"),
    ],
)
def test_no_knowing_already(text: str, language: str) -> None:
    before = "You can see your bill in the app under Billing." if language == "en" else "Je ziet je factuur in de app."
    assert not any(f.flag == "customer_repeat" for f in after_opening(text, language, before).flags)


def _last_repeats(turns: list[tuple[str, str]], language: str) -> list[str]:
    return [f.rule for f in run(turns, language).messages[-1].flags if f.flag == "customer_repeat"]


def test_the_same_yes_again_to_a_question_asked_again() -> None:
    english = [
        ("bot", "Welcome to GridPower. Are you reporting a power cut?"),
        ("customer", "yes whole street is out since 6am"),
        ("bot", "To check for power cuts in your area, please enter your postcode."),
        ("customer", "M14 5RQ"),
        ("bot", "Welcome to GridPower. Are you reporting a power cut?"),
        ("customer", "YES"),
    ]
    assert _last_repeats(english, "en") == ["answer again"]
    dutch = [
        ("bot", "Hey! Ik ben Fitz. Wil je je abonnement pauzeren?"),
        ("customer", "ja"),
        ("bot", "Oké! Wil je je abonnement pauzeren? Antwoord met ja of nee."),
        ("customer", "JA"),
    ]
    assert _last_repeats(dutch, "nl") == ["answer again"]


def test_another_answer_a_bare_yes_again_or_a_request_is_no_repeat() -> None:
    # another answer to the template asked again for the next item
    other = [
        ("bot", "Genoteerd! Wil je nog een artikel retourneren?"),
        ("customer", "ja, de broek"),
        ("bot", "Genoteerd! Wil je nog een artikel retourneren?"),
        ("customer", "nee"),
    ]
    assert _last_repeats(other, "nl") == []
    # the same calm bare yes to a template question about each new film answers it
    films = [
        ("bot", "Have you heard of this movie?"),
        ("customer", "Yeah."),
        ("bot", "Have you heard of this movie?"),
        ("customer", "Yeah."),
    ]
    assert "answer again" not in _last_repeats(films, "en")
    # a request in question form
    request = [
        ("bot", "Can you give me a couple of reasons why you like this movie?"),
        ("customer", "yes, the acting is great and so is the music"),
        ("bot", "Can you give me a couple of reasons why you like this movie?"),
        ("customer", "YES"),
    ]
    assert "answer again" not in _last_repeats(request, "en")
