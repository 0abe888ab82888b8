"""Round 14: a bot stuck on one answer (the same non-answer in other words, a form that
rejects each try, an article offered again), "I didn't understand" in more wordings, "Did this
answer your question?" as a check whether the answer helped, and the near misses that stay
apart: the answer given twice, a template filled with a new item, other numbers or names, a
negation, a menu answered with a new choice each time, a farewell, and "I said it before" that
counts earlier contacts, not turns of this chat."""

from __future__ import annotations

import pytest

from cxreview.signals.answer_runs import answer_key
from cxreview.signals.customer_repeats import about_earlier_contacts
from cxreview.signals.features import text_features
from tests.signals.test_loops import loop_flag, run

SAME_ANSWER = [
    ("customer", "I moved abroad and want to end my gym membership"),
    ("bot", "Sorry to see you go! Memberships can be ended at the front desk of your home gym."),
    ("customer", "I live in Portugal now, I can't get to the gym"),
    ("bot", "A membership can only be ended at the front desk of your home gym. Opening hours are on our website."),
    ("customer", "I just said I'm abroad. how do I end it from here"),
    ("bot", "I understand! To end your membership please visit the front desk of your home gym."),
]


def test_the_same_answer_three_times_in_other_words_is_a_loop() -> None:
    rule, positions = loop_flag(run(SAME_ANSWER)) or ("", [])
    assert rule == "same answer" and positions == [2, 4, 6]


def test_the_same_answer_twice_is_no_loop() -> None:
    assert loop_flag(run(SAME_ANSWER[:4])) is None


def test_a_loop_before_the_handover_stays_a_loop() -> None:
    turns = [*SAME_ANSWER, ("bot", "I'll pass you to a colleague."), ("agent", "Hi, Mia here, I'll end it for you.")]
    result = run(turns)
    assert result.handover and loop_flag(result) == ("same answer", [2, 4, 6])


def test_the_same_link_in_other_words_is_a_loop() -> None:
    turns = [
        ("customer", "My flight was cancelled and I want my money back, not a voucher"),
        ("bot", "You can find everything about refunds on our Refunds page: example.com/refunds"),
        ("customer", "that page only offers me a voucher"),
        ("bot", "For refund questions, please visit example.com/refunds. Is there anything else I can help with?"),
        ("customer", "yes, the same thing. a REFUND"),
        ("bot", "You can find everything about refunds on our Refunds page: example.com/refunds"),
    ]
    assert loop_flag(run(turns)) == ("same answer", [2, 4, 6])


def test_a_form_that_rejects_each_try_is_a_loop() -> None:
    turns = [
        ("bot", "Please enter your new delivery address: street, town, postcode."),
        ("customer", "14 Hollybank Road, Dublin, D09 X2F7"),
        ("bot", "Sorry, that postcode isn't valid. Please enter your address: street, town, postcode."),
        ("customer", "14 Hollybank Road, Dublin, D09X2F7"),
        ("bot", "Sorry, that postcode isn't valid. Please enter your address: street, town, postcode."),
        ("customer", "it's an Eircode, I'm in Ireland"),
        ("bot", "Sorry, that postcode isn't valid. Please enter your address: street, town, postcode."),
    ]
    assert loop_flag(run(turns)) is not None


def test_a_dutch_answer_given_again_in_other_words_is_a_loop() -> None:
    turns = [
        ("customer", "waarom is mijn fysio niet vergoed?"),
        (
            "bot",
            "Voor vragen over je declaraties kun je inloggen op Mijn Polis. Daar zie je per declaratie de status en het vergoede bedrag.",
        ),
        ("customer", "ik heb al ingelogd, daar staat geen uitleg"),
        ("bot", "Je kunt de status van al je declaraties bekijken in Mijn Polis onder 'Declaraties'."),
        ("customer", "ja dat zeg ik toch. waarom is het niet vergoed"),
        ("bot", "Goed dat je het vraagt! Je vindt al je declaraties en vergoedingen terug in Mijn Polis."),
    ]
    assert loop_flag(run(turns, language="nl")) == ("same answer", [2, 4, 6])


def test_an_article_offered_again_after_did_this_answer_your_question_is_a_loop() -> None:
    article = (
        "If your parcel shows as delivered but you can't find it, check with your neighbours and your safe place. "
        "Did this answer your question? (yes/no)"
    )
    turns = [("customer", "parcel says delivered but it's not here"), ("bot", article), ("customer", "no")]
    turns += [("bot", article), ("customer", "no. checked everything, neighbours too"), ("bot", article)]
    assert loop_flag(run(turns)) is not None


# Near misses.


def test_a_template_filled_with_each_new_item_is_no_loop() -> None:
    turns = [("customer", "I want to return some things from my order")]
    for item, reply in (
        ("Linen shirt", "the shirt"),
        ("Chino trousers", "and the chinos"),
        ("Canvas belt", "the belt"),
    ):
        turns += [("customer", reply), ("bot", f"Added the {item} to your return. You can add another item.")]
    assert loop_flag(run(turns)) is None


def test_answers_with_other_numbers_or_names_are_no_loop() -> None:
    turns = [("customer", "where are my parcels?")]
    for day, reply in (("12", "and the second?"), ("14", "what about the last one"), ("16", "ok")):
        turns += [("bot", f"Your parcel will be delivered on March {day} by our courier."), ("customer", reply)]
    assert loop_flag(run(turns)) is None
    films = ("Annihilation", "Insidious", "Winchester")
    turns = [("customer", "any horror films on this weekend?")]
    for film in films:
        turns += [("bot", f'There is a film in theaters now called "{film}" (2018).'), ("customer", "what else?")]
    assert loop_flag(run(turns)) is None


def test_an_answer_and_its_negation_stay_apart() -> None:
    done, not_done = (
        "Your refund for the jacket has been processed today.",
        "Your refund for the jacket has not been processed today.",
    )
    turns = [("customer", "refund?"), ("bot", done), ("customer", "for the jacket?"), ("bot", not_done)]
    turns += [("customer", "so which is it"), ("bot", done)]
    assert loop_flag(run(turns)) is None


def test_a_menu_answered_with_a_new_choice_each_time_is_no_loop() -> None:
    menu = "Main menu. Reply with a number: 1 Invoices 2 Deliveries 3 Returns"
    turns = [("bot", menu), ("customer", "1"), ("bot", "Your last invoice was paid on 3 May.")]
    turns += [
        ("bot", menu),
        ("customer", "2"),
        ("bot", "Your parcel arrives tomorrow."),
        ("bot", menu),
        ("customer", "3"),
    ]
    assert loop_flag(run(turns)) is None


def test_questions_asked_again_are_the_ask_rules() -> None:
    """An interviewer's "why do you like that movie" after each new film (unpunctuated) and
    "Please give at least 2 reasons why you dislike that movie" are no answers."""
    assert answer_key("why do u like that type of movie", "en") == ()
    assert answer_key("please give at least 2 reasons why you dislike that movie", "en") == ()
    assert answer_key("what is your order number", "en", question=True) == ()
    # A closing offer or check does not make an answer a question.
    closing = (
        "you can check the status of your claim in the app under my claims is there anything else i can help you with"
    )
    assert answer_key(closing, "en", True)


def test_a_farewell_said_again_is_no_loop() -> None:
    turns = [("customer", "thanks"), ("bot", "You're welcome, have a great day!"), ("customer", "you too")]
    turns += [
        ("bot", "You're welcome, have a great day!"),
        ("customer", "bye"),
        ("bot", "You're welcome, have a great day!"),
    ]
    assert loop_flag(run(turns)) is None


def test_bubbles_of_one_turn_give_no_answer_again() -> None:
    text = "You can check the status of your claim at any time in the app under My claims."
    bubbles = [("customer", "status of my claim?"), ("bot", text), ("bot", text), ("bot", text)]
    assert (loop_flag(run(bubbles)) or ("",))[0] != "same answer"  # the same text sent thrice is `bot repeats`


# "I didn't understand" in more wordings; earlier contacts.


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I'm sorry, I didn't quite catch that. Could you tell me in a few words what you need?", "en"),
        ("Sorry, I'm still learning! Could you try rephrasing your question?", "en"),
        ("Hmm, I'm not sure I understood. Can you say more?", "en"),
        ("Jammer! Kunt u uw vraag anders stellen?", "nl"),
        ("Sorry, dat heb ik niet goed begrepen.", "nl"),
    ],
)
def test_more_wordings_of_not_understanding(text: str, language: str) -> None:
    assert "failure" in text_features(text, language, customer=False).cues


def test_two_failures_in_other_words_are_a_loop() -> None:
    turns = [
        ("bot", "Hi, how can I help?"),
        ("customer", "my number transfer from my old provider is stuck"),
        ("bot", "I'm sorry, I didn't quite catch that. Could you tell me in a few words what you need help with?"),
        ("customer", "number transfer stuck"),
        ("bot", "Sorry, I'm still learning! Could you try rephrasing your question?"),
    ]
    assert loop_flag(run(turns)) == ("bot failures", [3, 5])


@pytest.mark.parametrize(
    ("norm", "earlier"),
    [
        ("this is the third time i ve reported this since september", True),
        ("i already called twice last week", True),
        ("dit is de derde keer dat ik dit meld sinds oktober", True),
        ("i messaged you about this on monday already", True),
        ("dat heb ik bij de vorige drie gesprekken ook al gedaan", True),
        ("i literally just said no heating", False),
        ("i sent the receipt last week already", False),
        ("this is the third time i m asking you", False),
        ("ik zeg het nu voor de derde keer", False),
    ],
)
def test_earlier_contacts(norm: str, earlier: bool) -> None:
    assert about_earlier_contacts(norm) is earlier


def test_earlier_contacts_are_no_turn_of_a_loop() -> None:
    turns = [
        ("customer", "boiler's broken again, no heating or hot water"),
        ("bot", "Is this an emergency? An emergency means no heating or hot water and someone vulnerable at home."),
        ("customer", "i literally just said no heating or hot water. my son is 2"),
        ("bot", "Thanks. We have booked an emergency repair for tomorrow."),
        ("customer", "this is the third time I've reported this since september, they keep just resetting it"),
        ("bot", "I've added a note to your repair."),
    ]
    result = run(turns)
    assert loop_flag(result) is None
    assert sum(f.flag == "customer_repeat" for m in result.messages for f in m.flags) == 2  # still repeats
