"""Precision of the request and repeat flags (issue 12, round 11): the fresh-eyes audit's
defects (a request for a person under a negation, "for the second time" about a crash, the
same "I don't have it" to different questions, a bare "no" to a closing template, "Where is
my order" without "?") with the audit's inputs, variations and near misses
(benchmarks/eval/flags_round11.txt holds the single-message ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features
from tests.signals.dialogue import run

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval" / "flags_round11.txt"
CONFIG = load_config()


def _analysed(language: str, turns: list[tuple[str, str]]):  # noqa: ANN202
    return run(turns, language)


def _rows(flag: str) -> list[tuple[int, str, str]]:
    rows = []
    for line in EVAL.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{flag}|"):
            _, label, language, text = line.split("|", 3)
            rows.append((int(label), language, text))
    return rows


@pytest.mark.parametrize("flag", ["human_request", "customer_repeat"])
def test_every_round11_phrasing_is_judged_as_labelled(flag: str) -> None:
    wrong = []
    for label, language, text in _rows(flag):
        result = analyze("eval", language, [(1, "customer", None, text_features(text, language))], CONFIG)
        if any(f.flag == flag for f in result.messages[0].flags) != bool(label):
            wrong.append((label, text))
    assert wrong == []


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",
            [
                ("bot", "Hi, I'm the virtual assistant. How can I help?"),
                ("customer", "I don't want to talk to a person, just tell me where my parcel is"),
                ("bot", "Please give me your tracking number."),
                ("customer", "It's 3SABC1234567"),
                ("bot", "Sorry, I can't find that number. Please check it and try again."),
                ("customer", "I copied it from the e-mail"),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Hoi, ik ben de digitale assistent. Waarmee kan ik je helpen?"),
                ("customer", "Ik wil geen mens spreken, zeg gewoon waar mijn pakket is"),
                ("bot", "Wat is je trackingcode?"),
                ("customer", "3SABC1234567"),
                ("bot", "Ik kan die code niet vinden. Controleer hem en probeer het opnieuw."),
                ("customer", "ik heb hem uit de mail gekopieerd"),
            ],
        ),
    ],
)
def test_a_declined_person_is_no_request_the_bot_ignores(language: str, turns: list[tuple[str, str]]) -> None:
    result = _analysed(language, turns)
    flags = {f.flag for m in result.messages for f in m.flags} | {f.flag for f in result.flags}
    assert not flags & {"human_request", "ignored_human_request", "stuck_in_bot"}


def test_a_request_after_a_declined_callback_still_counts() -> None:
    f = text_features("I don't want a callback, put me through to a person", "en")
    assert "human_request" in f.cues and "declines_human" not in f.cues
    f = text_features("I don't want a callback, thanks", "en")
    assert "declines_human" in f.cues and "human_request" not in f.cues


def _flags(result, name: str) -> list[int]:
    return [m.position for m in result.messages for f in m.flags if f.flag == name]


@pytest.mark.parametrize(
    ("language", "questions", "answer"),
    [
        (
            "en",
            ["What is your order number?", "What is the email address on the order?", "What phone number did you use?"],
            "I don't have it",
        ),
        (
            "nl",
            ["Wat is je ordernummer?", "Op welk e-mailadres heb je besteld?", "Welk telefoonnummer heb je opgegeven?"],
            "weet ik niet",
        ),
        (
            "en",
            ["Is your address still 12 Main Street?", "And is your phone number still 0612345678?"],
            "yes that is correct",
        ),
        (
            "nl",
            ["Wil je het geld terug op dezelfde rekening?", "Wil je een bevestiging per mail?"],
            "ja graag, dank je",
        ),
    ],
)
def test_the_same_short_answer_to_new_questions_is_no_repeat(language: str, questions: list[str], answer: str) -> None:
    turns = [turn for question in questions for turn in (("bot", question), ("customer", answer))]
    result = _analysed(language, turns)
    assert _flags(result, "customer_repeat") == []
    assert _flags(result, "frustrated") == []
    assert result.trajectory_label != "worse"


def test_the_same_answer_to_the_question_asked_again_still_repeats() -> None:
    """The bot asks the same thing in other words: "I don't have it" again is a repeat, and a
    request said again after a new question is one too (the bot did not take it)."""
    asked = [
        "What is your order number?",
        "Could you tell me your order number?",
        "Can you please give me your order number?",
    ]
    result = _analysed("en", [turn for q in asked for turn in (("bot", q), ("customer", "I don't have it"))])
    assert _flags(result, "customer_repeat") == [4, 6]
    turns = [
        ("bot", "How can I help?"),
        ("customer", "I want to cancel my subscription"),
        ("bot", "I can help with billing, delivery or returns. What would you like?"),
        ("customer", "I want to cancel my subscription"),
    ]
    assert _flags(_analysed("en", turns), "customer_repeat") == [4]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "It crashed for the second time today"),
        ("en", "my card got declined for the 2nd time"),
        ("nl", "het is de derde keer dat de app crasht"),
        ("nl", "Voor de tweede keer vandaag werkt de app niet"),
    ],
)
def test_a_problem_that_comes_back_is_impatience_not_a_repeat(language: str, text: str) -> None:
    f = text_features(text, language)
    assert "repetition" not in f.cues and "impatience" in f.cues


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",
            [
                ("bot", "Thanks. Anything else?"),
                ("customer", "I need to change my delivery address"),
                ("bot", "Done, your delivery address has been changed."),
                ("customer", "ok"),
                ("bot", "Thanks. Anything else?"),
                ("customer", "no"),
            ],
        ),
        (
            "en",
            [
                ("bot", "Hi! How can I help?"),
                ("customer", "when does my parcel arrive?"),
                ("bot", "It arrives tomorrow between 9 and 17."),
                ("customer", "great thanks"),
                ("bot", "Is there anything else I can help you with?"),
                ("customer", "nope"),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Hoi! Waarmee kan ik je helpen?"),
                ("customer", "wanneer komt mijn pakket?"),
                ("bot", "Het komt morgen tussen 9 en 17 uur."),
                ("customer", "top, dank je"),
                ("bot", "Kan ik je nog ergens anders mee helpen?"),
                ("customer", "nee"),
            ],
        ),
        (
            "en",
            [
                ("bot", "Hi! How can I help?"),
                ("customer", "when does my parcel arrive?"),
                ("bot", "It arrives tomorrow between 9 and 17."),
                ("customer", "great thanks"),
                ("bot", "Do you want a text message when it ships?"),
                ("customer", "no"),
            ],
        ),
    ],
)
def test_a_bare_no_to_a_closing_offer_ends_calmly(language: str, turns: list[tuple[str, str]]) -> None:
    result = _analysed(language, turns)
    last = result.messages[-1]
    assert last.frustration < 0.25 and last.sentiment == 0
    assert not {f.flag for f in last.flags} & {"frustrated", "emotion_spike"}
    assert "after_bot_repeat" not in last.features
    assert result.trajectory_label != "worse"


def test_a_no_with_a_complaint_after_a_repeated_offer_still_reads_frustrated() -> None:
    turns = [
        ("bot", "Thanks. Anything else?"),
        ("customer", "my parcel never came"),
        ("bot", "Thanks. Anything else?"),
        ("customer", "NO! my parcel never came!"),
    ]
    last = _analysed("en", turns).messages[-1]
    assert "frustrated" in {f.flag for f in last.flags}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Where is my order"),
        ("en", "where is my parcel 🙂"),
        ("en", "hi, where is my refund"),
        ("en", "where's my parcel"),
        ("nl", "Waar blijft mijn pakket 🙂"),
        ("nl", "waar is mijn bestelling"),
    ],
)
def test_a_plain_question_without_its_mark_is_no_frustration(language: str, text: str) -> None:
    asked = _analysed(language, [("customer", text.rstrip(" 🙂") + "?")]).messages[0]
    plain = _analysed(language, [("customer", text)]).messages[0]
    assert plain.frustration == pytest.approx(asked.frustration) and plain.frustration < 0.4


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "where is my order!!!"),
        ("en", "WHERE IS MY ORDER"),
        ("en", "Where is my order. It is 2 weeks late"),
        ("nl", "waar blijft mijn pakket nou, al 2 weken"),
    ],
)
def test_an_impatient_where_is_my_order_stays_frustrated(language: str, text: str) -> None:
    assert _analysed(language, [("customer", text)]).messages[0].frustration >= 0.4
