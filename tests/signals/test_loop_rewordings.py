"""Re-asks that change tense, modal or person (round 10): a bot that asks to do what the
customer just said was done asks again; after a "no" the same request is the next step. An
open question asks for its value whoever is said to want it ("Which day would you like ...?"
/ "On which day should we ...?"), and a reason asked for is a why."""

from __future__ import annotations

import pytest

from cxreview.signals.answers import given_before, says_again, says_done, says_nothing
from cxreview.signals.requested import asked_for
from tests.signals.test_bot_repeat_wordings import _repeats
from tests.signals.test_loops import loop_flag, run


def _repeat_after(reply: str, first: str, second: str, language: str = "en") -> bool:
    result = run([("bot", first), ("customer", reply), ("bot", second)], language=language)
    return any(f.flag == "bot_repeat" for f in result.messages[2].flags)


@pytest.mark.parametrize(
    ("language", "first", "second", "done", "not_done"),
    [
        ("en", "Have you restarted the router?", "Can you restart the router?", "yes, twice", "no"),
        ("en", "Have you tried restarting your router?", "Please try restarting your router.", "yes I did", "not yet"),
        ("en", "Have you restarted the router?", "Do you want to restart the router?", "I already did that", "nope"),
        (
            "nl",
            "Heb je de router al opnieuw opgestart?",
            "Wil je de router opnieuw opstarten?",
            "ja al drie keer",
            "nee",
        ),
        ("nl", "Heb je de router al opnieuw opgestart?", "Kun je de router herstarten?", "dat heb ik al gedaan", "nee"),
        (
            "nl",
            "Heb je je modem al opnieuw opgestart?",
            "Start je modem opnieuw op en laat het me weten.",
            "ja",
            "nog niet",
        ),
        # a participle in ge- is its verb: "gewijzigd" / "wijzig", "gebeld" / "bellen"
        ("nl", "Heb je je wachtwoord gewijzigd?", "Wijzig je wachtwoord en laat het me weten.", "ja", "nee"),
        ("nl", "Heb je de monteur gebeld?", "Wil je de monteur bellen?", "ja hoor", "nee"),
    ],
)
def test_asked_to_do_what_was_done(language: str, first: str, second: str, done: str, not_done: str) -> None:
    assert _repeat_after(done, first, second, language)
    assert not _repeat_after(not_done, first, second, language)  # the next step after a no
    assert not _repeats(language, first, second)  # alone (the pair files' "hmm"): no repeat


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        # the other way round: asked to do it, then asked whether it was done, is a check
        ("en", "Can you restart the router?", "Have you restarted the router?"),
        ("nl", "Wil je de router opnieuw opstarten?", "Heb je de router al opnieuw opgestart?"),
        # another action
        ("en", "Have you restarted the router?", "Can you reset the router?"),
        ("nl", "Heb je de factuur betaald?", "Wil je de factuur downloaden?"),
    ],
)
def test_done_then_asked_near_misses(language: str, first: str, second: str) -> None:
    assert not _repeat_after("yes", first, second, language)


@pytest.mark.parametrize(
    ("reply", "done"),
    [
        ("yes twice", True),
        ("yes but it didn t help", True),
        ("i already did that", True),
        ("no", False),
        ("not yet", False),
        ("i have not", False),
        ("sure how do i do that", False),
    ],
)
def test_replies_that_say_it_was_done(reply: str, done: bool) -> None:
    assert says_done(reply, "en") is done


@pytest.mark.parametrize(
    ("language", "first", "second", "same"),
    [
        ("en", "Which day would you like your parcel delivered?", "On which day should we deliver your parcel?", True),
        ("en", "Which day would you like your parcel delivered?", "What day would suit you for the delivery?", True),
        ("en", "Which day would you like the delivery?", "On which day should we deliver?", True),
        ("en", "Why would you like to return the item?", "What is the reason for your return?", True),
        ("en", "Where should we send the invoice?", "Where would you like us to send the invoice?", True),
        ("nl", "Waarom wil je het retourneren?", "Wat is de reden van je retour?", True),
        ("nl", "Op welke dag wil je dat we bezorgen?", "Wanneer moeten we je pakket bezorgen?", True),
        # near misses: the past against a wish, a yes / no question keeps its modal
        ("en", "How would you like to pay?", "How did you pay?", False),
        ("en", "What would you like to order?", "What did you order?", False),
        ("en", "When should we deliver your parcel?", "When did we deliver your parcel?", False),
        ("en", "Do you want to cancel your order?", "Should I cancel your order?", False),
        ("en", "Which day would you like your parcel delivered?", "Which day was your parcel delivered?", False),
        ("en", "Please tell me your email address.", "What email address did you use?", True),
    ],
)
def test_open_questions_whoever_wants_it(language: str, first: str, second: str, same: bool) -> None:
    assert _repeats(language, first, second) is same


def test_a_delivery_day_asked_three_ways_is_a_loop() -> None:
    result = run(
        [
            ("customer", "I need to reschedule my delivery"),
            ("bot", "Which day would you like your parcel delivered?"),
            ("customer", "Friday"),
            ("bot", "On which day should we deliver your parcel?"),
            ("customer", "Friday, as I said"),
            ("bot", "What day would suit you for the delivery?"),
            ("customer", "FRIDAY"),
        ]
    )
    assert loop_flag(result) == ("bot repeats", [4, 6])


def test_a_restart_asked_again_after_it_was_done_is_a_loop() -> None:
    turns = [
        ("customer", "mijn internet doet het niet"),
        ("bot", "Heb je je modem al opnieuw opgestart?"),
        ("customer", "ja al drie keer"),
        ("bot", "Wil je je modem opnieuw opstarten?"),
        ("customer", "dat heb ik al gedaan zei ik toch"),
        ("bot", "Start je modem opnieuw op en laat het me weten."),
        ("customer", "ik heb het al gedaan! ik wil iemand spreken"),
    ]
    assert loop_flag(run(turns, language="nl")) is not None
    # a troubleshooting flow: not restarted yet, asked to, done, still broken, next step
    flow = [
        ("customer", "mijn internet doet het niet"),
        ("bot", "Heb je je modem al opnieuw opgestart?"),
        ("customer", "nee"),
        ("bot", "Wil je je modem opnieuw opstarten?"),
        ("customer", "ok, gedaan. werkt nog steeds niet"),
        ("bot", "Heb je je modem al opnieuw opgestart?"),
        ("customer", "ja"),
        ("bot", "Dan stuur ik een monteur. Welke dag komt je uit?"),
    ]
    assert loop_flag(run(flow, language="nl")) is None


@pytest.mark.parametrize(
    ("given", "before", "again"),
    [
        ({"cn448812"}, {"448812"}, True),  # "CN 448812" then "CN448812"
        ({"448812"}, {"cn448812"}, True),
        ({"ac12354"}, {"ac12345"}, False),  # another number
        ({"ab1234"}, {"ac1234"}, False),  # other letters
        ({"x12"}, {"12"}, False),  # too short to be one value
    ],
)
def test_a_number_with_or_without_its_letters(given: set[str], before: set[str], again: bool) -> None:
    assert given_before(given, before) is again


@pytest.mark.parametrize(
    ("norm", "earlier", "again"),
    [
        ("i said sanne", ["sanne"], True),
        ("sanne are you even reading this", ["where is my parcel", "sanne"], True),
        ("bs3 4qt we ve had no water since 7am", ["bs3 4qt"], True),
        ("sanne sorry i mean sandra", ["sanne"], False),  # a correction
        ("ac12345 no wait ac12354", ["ac12345"], False),
        ("ac12345 and ac99887", ["ac12345"], False),  # a new long number
        ("yes please", ["yes"], False),  # an answer to each new question
        ("my parcel never arrived can you check", ["my parcel never arrived can you check it for me please"], False),
    ],
)
def test_an_earlier_answer_said_again_among_other_words(norm: str, earlier: list[str], again: bool) -> None:
    assert says_again(norm, earlier) is again


def test_a_name_given_again_in_other_words_is_a_loop() -> None:
    turns = [
        ("bot", "What is your first name?"),
        ("customer", "Sanne"),
        ("bot", "Sorry, could you enter your first name?"),
        ("customer", "I said Sanne"),
        ("bot", "Please type your first name."),
        ("customer", "SANNE. are you even reading this"),
    ]
    assert loop_flag(run(turns)) == ("bot repeats", [3, 5])
    corrected = [*turns[:3], ("customer", "Sanne, sorry, I mean Sandra"), *turns[4:5], ("customer", "Sandra")]
    assert loop_flag(run(corrected)) is None


def test_another_item_each_time_is_no_loop() -> None:
    turns = [
        ("bot", "Added to your cart. Anything else?"),
        ("customer", "milk"),
        ("bot", "Added to your cart. Anything else?"),
        ("customer", "milk and bread"),
        ("bot", "Added to your cart. Anything else?"),
        ("customer", "eggs"),
    ]
    assert loop_flag(run(turns)) is None


def test_an_iban_asked_as_a_bank_account_number_is_a_loop() -> None:
    turns = [
        ("bot", "Wat is je IBAN?"),
        ("customer", "NL91ABNA0417164300"),
        ("bot", "Mag ik je rekeningnummer?"),
        ("customer", "NL91ABNA0417164300"),
        ("bot", "Kun je je IBAN doorgeven?"),
        ("customer", "NL91ABNA0417164300 staat er toch al"),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [3, 5])
    other = [("bot", "Wat is je IBAN?"), ("customer", "NL91ABNA0417164300"), ("bot", "Wat is je klantnummer?")]
    assert not any(f.flag == "bot_repeat" for f in run(other, language="nl").messages[2].flags)


def test_an_example_value_is_not_part_of_the_item() -> None:
    assert asked_for("could you enter your postcode e g bs1 6aa", "en") == asked_for("please enter your postcode")
    assert asked_for("vul je postcode in bijvoorbeeld 1234 ab", "nl") == asked_for("vul je postcode in", "nl")
    meter = asked_for("please enter your electricity meter reading only numbers no decimals")
    assert meter is not None and meter.item == ("electricity", "meter", "reading")


@pytest.mark.parametrize(
    ("norm", "language"),
    [("i can t read it", "en"), ("there is no reading to give", "en"), ("ik kan hem niet aflezen", "nl")],
)
def test_more_replies_that_cannot_give_the_value(norm: str, language: str) -> None:
    assert says_nothing(norm, language)


def test_confirming_after_a_sigh_is_the_next_step() -> None:
    ask, confirm = "What is your new phone number?", "Please confirm your new phone number."
    assert not _repeat_after("hmm", ask, confirm)
    assert not _repeat_after("0612345678", ask, confirm)
    assert _repeat_after("I don't have a new number yet", ask, confirm)


def test_the_same_item_asked_in_another_tense_is_another_request() -> None:
    """`same request` keeps the tense near miss: the plan a customer had is not the plan they want."""
    assert not _repeats("en", "Which plan did you have before?", "Which plan would you like?")
    assert _repeats("en", "Please enter your account number.", "What account number did you use?")
