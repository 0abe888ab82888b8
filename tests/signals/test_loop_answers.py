"""What the customer's replies bring to a question asked again (round 9, second part): a
value written another way is the same value, "I don't have it" brings nothing new, and
confirming a value just given is a step of a form, not the question asked again."""

from __future__ import annotations

import pytest

from cxreview.signals.answers import says_nothing, values
from tests.signals.test_loops import loop_flag, run


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("1234 ab", "1234ab"),
        ("3 march", "03 03"),
        ("march 3rd", "3rd of march"),
        ("i told you march 3", "3 maart"),
        ("0612 345 678", "0612345678"),
    ],
)
def test_one_value_written_two_ways(one: str, other: str) -> None:
    assert values(one) == values(other) != set()


@pytest.mark.parametrize(
    ("one", "other"), [("1234 ab", "4321 ba"), ("3 march", "4 march"), ("4 people at 4 45", "445")]
)
def test_other_values(one: str, other: str) -> None:
    assert values(one) != values(other)


@pytest.mark.parametrize(
    ("norm", "language", "nothing"),
    [
        ("i don t have it", "en", True),
        ("i just said i don t have it", "en", True),
        ("no idea", "en", True),
        ("i can t find it anywhere", "en", True),
        ("there is no account number", "en", True),
        ("", "en", True),
        ("dat heb ik niet", "nl", True),
        ("ik heb geen klantnummer", "nl", True),
        ("weet ik niet", "nl", True),
        ("i already did that", "en", True),
        ("dat heb ik al gedaan", "nl", True),
        ("i don t have time for this", "en", False),
        ("i already did the payment", "en", False),
        ("it doesn t fit", "en", False),
        ("ik heb geen tijd", "nl", False),
        ("1012ab", "nl", False),
    ],
)
def test_replies_that_cannot_give_the_value(norm: str, language: str, nothing: bool) -> None:
    assert says_nothing(norm, language) is nothing


def test_the_issues_example_is_a_loop() -> None:
    """Issue 12: three rephrasings of one question, the customer cannot give the value."""
    result = run(
        [
            ("bot", "Could you tell me your order number?"),
            ("customer", "I don't have an order number, it was a gift"),
            ("bot", "Can you tell me your order number please?"),
            ("customer", "I just said I don't have it"),
            ("bot", "Could you please tell me your order number?"),
            ("customer", "I DON'T HAVE IT"),
        ]
    )
    assert loop_flag(result) == ("bot repeats", [3, 5])


def test_a_customer_who_cannot_give_the_value_brings_nothing_new() -> None:
    turns = [
        ("bot", "Wat is je klantnummer?"),
        ("customer", "dat heb ik niet"),
        ("bot", "Wat is je klantnummer?"),
        ("customer", "ik heb geen klantnummer"),
        ("bot", "Wat is je klantnummer?"),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [3, 5])
    answered = [*turns[:3], ("customer", "K-4521"), turns[4]]
    assert loop_flag(run(answered, language="nl")) is None
    another_value = [*turns[:3], ("customer", "dat heb ik niet, mijn postcode is 1234 AB"), turns[4]]
    assert loop_flag(run(another_value, language="nl")) is None


def test_the_same_postcode_written_another_way_brings_nothing_new() -> None:
    turns = [
        ("bot", "Wat is je postcode?"),
        ("customer", "1234 AB"),
        ("bot", "Wat is je postcode?"),
        ("customer", "1234ab"),
        ("bot", "Wat is je postcode?"),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [3, 5])
    corrected = [*turns[:3], ("customer", "4321 BA sorry"), turns[4]]
    assert loop_flag(run(corrected, language="nl")) is None


def test_enter_confirm_and_re_enter_a_new_value_is_no_loop() -> None:
    """A new phone number asked, confirmed and typed again (review P08)."""
    result = run(
        [
            ("bot", "What is your new phone number?"),
            ("customer", "0612345678"),
            ("bot", "Please confirm your new phone number."),
            ("customer", "0612345678"),
            ("bot", "Please re-enter your new phone number."),
            ("customer", "0612345678"),
            ("bot", "Saved."),
        ]
    )
    assert loop_flag(result) is None


def test_a_confirmation_asked_again_and_again_is_a_loop() -> None:
    turns = [("bot", "What is your date of birth?"), ("customer", "1 May 1980")]
    for reply in ("1 May 1980", "I just did", "01-05-1980"):
        turns += [("bot", "Could you confirm your date of birth?"), ("customer", reply)]
    turns.append(("bot", "Could you confirm your date of birth?"))
    assert loop_flag(run(turns)) is not None


@pytest.mark.parametrize(
    ("first", "again", "language"),
    [
        ("What is your last name?", "Could you tell me your surname?", "en"),
        ("May I ask why you want to cancel?", "What is the reason for cancelling?", "en"),
        ("What is the email address on your account?", "What is the email address linked to your account?", "en"),
        ("What is your postcode?", "Your postcode, please.", "en"),
        ("What is your order number?", "I need your order number to continue.", "en"),
        ("Wat is je postcode?", "Hoe luidt je postcode?", "nl"),
        ("Wat is je achternaam?", "Wat is je familienaam?", "nl"),
        ("Waarom wil je opzeggen?", "Wat is de reden van je opzegging?", "nl"),
        ("Wat is je klantnummer?", "Kun je je klantnummer nog een keer sturen?", "nl"),
        ("Wat is je geboortedatum?", "Je geboortedatum graag.", "nl"),
    ],
)
def test_other_words_for_one_question(first: str, again: str, language: str) -> None:
    result = run([("bot", first), ("customer", "hmm"), ("bot", again)], language=language)
    assert result.n_bot_repeats == 1


@pytest.mark.parametrize(
    ("first", "again", "language"),
    [
        ("What is your first name?", "What is your last name?", "en"),
        ("What is your surname?", "What is your maiden name?", "en"),
        ("Why do you want to cancel?", "Do you want to cancel?", "en"),
        ("What is the reason for your return?", "What is the reason for your call?", "en"),
        ("Your postcode please.", "Your house number please.", "en"),
        ("Your order has been cancelled.", "Do you want to cancel your order?", "en"),
        ("Wat is je voornaam?", "Hoe luidt je achternaam?", "nl"),
        ("Ik heb je klantnummer nodig.", "Ik heb je klantnummer gevonden.", "nl"),
        ("Waarom wil je opzeggen?", "Wil je opzeggen?", "nl"),
    ],
)
def test_near_misses_stay_apart(first: str, again: str, language: str) -> None:
    result = run([("bot", first), ("customer", "hmm"), ("bot", again)], language=language)
    assert result.n_bot_repeats == 0


@pytest.mark.parametrize(
    ("first", "again", "language", "repeat"),
    [
        ("What is your postcode?", "Sorry, I didn't catch that. What is your postcode?", "en", True),
        ("What is your order number?", "What is your order number, please? I need it to continue.", "en", True),
        ("Wat is je klantnummer?", "Dat klantnummer ken ik niet. Kun je je klantnummer nog eens sturen?", "nl", True),
        ("Wat is je postcode?", "Die postcode is ongeldig. Wat is je postcode?", "nl", True),
        # the same apology before another question, an answer before the offer
        ("Sorry, I didn't catch that. What is your postcode?", "What is your house number?", "en", False),
        ("Anything else?", "No, the hotel does not offer dry cleaning, sorry. Anything else?", "en", False),
    ],
)
def test_a_sentence_that_only_says_the_answer_failed_is_left_out(
    first: str, again: str, language: str, repeat: bool
) -> None:
    result = run([("bot", first), ("customer", "hmm"), ("bot", again)], language=language)
    assert (result.n_bot_repeats == 1) is repeat


def test_an_apology_before_each_ask_makes_a_loop() -> None:
    turns = [("bot", "What is your account number?"), ("customer", "I don't have one")]
    turns += [
        ("bot", "Sorry, I didn't get that. What is your account number?"),
        ("customer", "I said I don't have one"),
    ]
    turns += [("bot", "Hmm, that didn't work. What is your account number?"), ("customer", "!!!")]
    assert loop_flag(run(turns)) == ("bot repeats", [3, 5])


def test_a_name_sent_again_word_for_word_brings_nothing_new() -> None:
    turns = [("bot", "Wat is je achternaam?"), ("customer", "Jansen")]
    turns += [("bot", "Hoe luidt je achternaam?"), ("customer", "Jansen")]
    turns += [("bot", "Wat is je familienaam?"), ("customer", "JANSEN")]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [3, 5])


def test_the_same_no_to_each_new_question_is_an_answer() -> None:
    turns = [("customer", "hi")]
    for _ in range(4):
        turns += [("bot", "Do you recognise this transaction?"), ("customer", "no")]
    assert loop_flag(run(turns)) is None


def test_one_turn_in_several_bubbles_is_no_loop() -> None:
    """A menu sent as three bubbles, each asking for the order number in other words, with no
    reply between: one turn, not three asks (review loops9 N13)."""
    result = run(
        [
            ("customer", "hi"),
            ("bot", "Track a parcel: please enter your order number below."),
            ("bot", "Start a return: please enter your order number and the item."),
            ("bot", "Change a delivery: please enter your order number and the new date."),
            ("customer", "return"),
        ]
    )
    assert loop_flag(result) is None


def test_the_same_text_sent_three_times_in_a_row_is_a_loop() -> None:
    turns = [("customer", "hi"), ("bot", "Hello.")] + [("bot", "May I suggest a movie for you?")] * 3
    assert loop_flag(run(turns)) == ("bot repeats", [4, 5])
