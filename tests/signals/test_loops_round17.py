"""The loop shape of round 17 beside its near misses: a bot that goes round in a cycle, two of
its turns in a row each repeating a different earlier turn, while the customer gets nowhere
(`cycle_loop`). Fresh wordings of the families of blind16's missed loops (a question asked
again after an intake step, a rating asked again after a complaint, a policy answer and a
closing offer said again)."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run
from tests.signals.test_loops_round16 import loop_rule

CYCLES = [
    (  # intake question and "how can I help" again, whatever the customer said
        "en",
        [
            ("bot", "Welcome to Harbour Water. Are you a household or a business customer?"),
            ("customer", "household"),
            ("bot", "Great. What can I do for you?"),
            ("customer", "there's brown water coming out of every tap since this morning"),
            ("bot", "Are you a household or a business customer?"),
            ("customer", "household, I told you"),
            ("bot", "Great. What can I do for you?"),
            ("customer", "brown water from the taps"),
        ],
    ),
    (  # a survey and a closing offer again after a complaint
        "en",
        [
            ("bot", "Hi! What's up with your order?"),
            ("customer", "the courier left my parcel in the rain and everything is soaked"),
            ("bot", "Sorry to hear that! How would you rate your delivery from 1 to 5?"),
            ("customer", "that's not the point"),
            ("bot", "Thanks for rating us! Is there anything else I can help with?"),
            ("customer", "you're not listening. the parcel is ruined"),
            ("bot", "Sorry to hear that! How would you rate your delivery from 1 to 5?"),
            ("customer", "1"),
            ("bot", "Thanks for rating us! Is there anything else I can help with?"),
        ],
    ),
    (  # a policy answer and the one after it, again and again
        "nl",
        [
            ("bot", "Hallo! Waarmee kan ik je helpen?"),
            ("customer", "mijn wasmachine lekt, hij is 8 maanden oud"),
            ("bot", "Je kunt een product binnen 14 dagen kosteloos retourneren. Die termijn is verstreken."),
            ("customer", "ik wil niet retourneren, ik wil een reparatie onder garantie"),
            ("bot", "Die termijn is verstreken. Kan ik je nog ergens anders mee helpen?"),
            ("customer", "zei ik toch, ik wil een reparatie onder garantie"),
            ("bot", "Je kunt een product binnen 14 dagen kosteloos retourneren. Die termijn is verstreken."),
            ("customer", "pff"),
            ("bot", "Die termijn is verstreken. Kan ik je nog ergens anders mee helpen?"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), CYCLES)
def test_a_cycle_of_bot_turns_come_back_is_a_loop(language: str, turns: list[tuple[str, str]]) -> None:
    result = run(turns, language)
    assert result.bot_loop, result.flags
    assert loop_rule(result) == "cycle"


NOT_CYCLES = [
    (  # the same two questions for each item returned, each answered with a new one
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "I want to return 3 things from order AB-5521"),
            ("bot", "Sure! Which item would you like to return?"),
            ("customer", "the red scarf"),
            ("bot", "Got it. Why are you returning it? 1) Too small 2) Too big 3) Faulty"),
            ("customer", "2"),
            ("bot", "Thanks. Which item would you like to return next?"),
            ("customer", "wool socks"),
            ("bot", "Got it. Why are you returning it? 1) Too small 2) Too big 3) Faulty"),
            ("customer", "3"),
            ("bot", "Thanks. Which item would you like to return next?"),
            ("customer", "the gloves"),
            ("bot", "Your return label has been emailed."),
        ],
    ),
    (  # an offer and a closing offer again for a second booking, declined with thanks
        "en",
        [
            ("bot", "I found a table at Luigi's at 7 pm."),
            ("customer", "That works for me."),
            ("bot", "Shall I book it for you?"),
            ("customer", "No, not right now."),
            ("bot", "Do you need anything else?"),
            ("customer", "I need a taxi there for 2 people."),
            ("bot", "A taxi will be 18 dollars."),
            ("customer", "That works for me."),
            ("bot", "Shall I book it for you?"),
            ("customer", "No, not right now."),
            ("bot", "Do you need anything else?"),
            ("customer", "No, not right now. Thanks."),
        ],
    ),
    (  # two orders asked after in turn, in Dutch
        "nl",
        [
            ("bot", "Hoi! Waar kan ik je mee helpen?"),
            ("customer", "waar blijven mijn 2 bestellingen"),
            ("bot", "Wat is je bestelnummer?"),
            ("customer", "100234"),
            ("bot", "Die bestelling wordt morgen bezorgd. Kan ik je nog ergens mee helpen?"),
            ("customer", "ja de andere bestelling"),
            ("bot", "Wat is je bestelnummer?"),
            ("customer", "100299"),
            ("bot", "Die bestelling wordt morgen bezorgd. Kan ik je nog ergens mee helpen?"),
            ("customer", "nee dank je"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), NOT_CYCLES)
def test_turns_asked_again_for_a_new_item_are_no_loop(language: str, turns: list[tuple[str, str]]) -> None:
    result = run(turns, language)
    assert not result.bot_loop, result.flags
