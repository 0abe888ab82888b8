"""A run of asks of one question goes on across other bot messages while the customer brings
nothing new, and a new value starts a new run (round 9). Conversations from a fresh-eyes
review of the round-8 loop rule (reviews/rep8_cases): real loops and near-miss flows."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from tests.signals.test_loops import loop_flag, run


def test_two_questions_asked_in_turn_with_the_same_answers_loop() -> None:
    """Postcode, house number, postcode, house number, postcode: the customer gives the same
    values each time (review R04)."""
    turns = [("bot", "Hi, ParcelPal."), ("customer", "where's my parcel")]
    for _ in range(3):
        turns += [("bot", "What is your postcode?"), ("customer", "1012AB")]
        turns += [("bot", "Thanks! What is your house number?"), ("customer", "12")]
    turns[-1] = ("customer", "why do you keep asking")
    assert loop_flag(run(turns)) == ("bot repeats", [7, 11])


def test_a_question_and_its_hint_repeated_as_a_pair_loop() -> None:
    """A fixed hint between the asks, the customer says they already answered (review S02)."""
    result = run(
        [
            ("bot", "What is your tracking number?"),
            ("customer", "I don't have it"),
            ("bot", "You can find it in your confirmation email."),
            ("bot", "What is your tracking number?"),
            ("customer", "I said I don't have it"),
            ("bot", "You can find it in your confirmation email."),
            ("bot", "What is your tracking number?"),
            ("customer", "NO EMAIL"),
        ]
    )
    assert loop_flag(result) == ("bot repeats", [4, 7])


def test_dutch_questions_asked_in_turn_loop() -> None:
    """Klantnummer, postcode, klantnummer, postcode, klantnummer (review L18)."""
    result = run(
        [
            ("bot", "Wat is je klantnummer?"),
            ("customer", "K12345"),
            ("bot", "Wat is je postcode?"),
            ("customer", "1234 AB"),
            ("bot", "Wat is je klantnummer?"),
            ("customer", "K12345, zei ik al"),
            ("bot", "Wat is je postcode?"),
            ("customer", "1234 AB"),
            ("bot", "Wat is je klantnummer?"),
            ("customer", "dit is belachelijk"),
        ],
        language="nl",
    )
    assert loop_flag(result) == ("bot repeats", [5, 9])


@pytest.mark.parametrize(
    ("language", "template", "answers"),
    [
        ("en", "Added to your cart. Would you like to add another item?", ["yes, a charger", "yes, a case", "no"]),
        ("nl", "Toegevoegd aan je winkelwagen. Wil je nog iets toevoegen?", ["ja een oplader", "ja een hoesje", "nee"]),
        ("en", "Do you recognise this transaction?", ["no", "yes", "no"]),
        (
            "en",
            "Here is the information you asked for. Is there anything else I can help with?",
            ["yes, roaming fees", "and my PUK code", "no thanks"],
        ),
    ],
)
def test_a_template_asked_in_a_row_for_new_items_is_no_loop(language: str, template: str, answers: list[str]) -> None:
    """The same message three times in a row, each time answered with something new
    (reviews P01, P05, P07, P03): repeats, no loop."""
    turns = [("customer", "hi")]
    for answer in answers:
        turns += [("bot", template), ("customer", answer)]
    result = run(turns, language=language)
    assert result.n_bot_repeats == 2 and not result.bot_loop


def test_the_same_question_for_each_new_order_is_no_loop() -> None:
    """Three orders, the order number asked for each (review N07)."""
    result = run(
        [
            ("bot", "What is your order number?"),
            ("customer", "A-100"),
            ("bot", "Order A-100 was delivered on Monday. Anything else I can help with?"),
            ("customer", "yes, another order hasn't arrived"),
            ("bot", "What is the order number of that order?"),
            ("customer", "A-200"),
            ("bot", "Order A-200 is on its way. Anything else I can help with?"),
            ("customer", "and a third one, also missing"),
            ("bot", "Sure, what is your order number?"),
            ("customer", "A-300"),
        ]
    )
    assert result.n_bot_repeats == 2 and not result.bot_loop


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I told you I did! can I talk to someone?", "en"),
        ("4432, I already typed them", "en"),
        ("1012AB already answered that", "en"),
        ("I gave you that already", "en"),
        ("you asked me that already", "en"),
        ("no I said no", "en"),
        ("dat heb ik al gedaan zei ik toch", "nl"),
        ("123456!!! zei ik toch", "nl"),
    ],
)
def test_customers_saying_they_already_answered(text: str, language: str) -> None:
    assert "repetition" in text_features(text, language).cues


def test_telling_about_something_is_no_repetition() -> None:
    assert "repetition" not in text_features("I told you about the bill in the shop", "en").cues


@pytest.mark.parametrize(
    ("first", "again", "repeat"),
    [
        (
            "Could you tell me your order number?",
            "Sorry, I didn't get that. Could you tell me your order number?",
            True,
        ),
        (
            "Can you confirm the last four digits of your card?",
            "Could you please confirm the last 4 digits of your card?",
            True,
        ),
        ("I can help you with cancelling your order.", "I can't help you with cancelling your order.", False),
    ],
)
def test_an_apology_or_a_number_in_figures_asks_the_same(first: str, again: str, repeat: bool) -> None:
    """The bot's own "I didn't get that" negates nothing of the question asked after it."""
    result = run([("bot", first), ("customer", "ok"), ("bot", again)])
    assert (result.n_bot_repeats == 1) is repeat
