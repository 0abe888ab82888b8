"""Frustration of polite complaints, of a "no" to details read back, and the cues added for
support text in round 7 (benchmarks/README.md, "Signal quality")."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from cxreview.signals.sentiment import reference_sentiment, sentiment
from tests.signals.dialogue import run
from tests.signals.test_frustration import CONFIG, customer


def dialogue(turns: list[tuple[str, str]], language: str = "en"):  # noqa: ANN201
    return run(turns, language).messages


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Please help, the app logs me out every few minutes", "en"),
        ("Kindly look into my refund, it has been two weeks", "en"),
        ("Kunt u mij alstublieft helpen, mijn pakket is nog niet bezorgd", "nl"),
    ],
)
def test_request_words_are_no_praise_in_a_customer_message(text: str, language: str) -> None:
    # VADER rates "help" +1.7 and "please" +1.3: the complaint read as positive.
    assert sentiment(text, language) > 0
    assert sentiment(text, language, customer=True) <= 0
    assert "positive_sentiment" not in customer(text, language).features
    # Bot, agent and plain sentiment stay VADER's.
    assert text_features(text, language, customer=False).sentiment == sentiment(text, language)
    if language == "en":
        assert sentiment(text, language) == reference_sentiment(text, language)


def test_praise_inside_a_problem_report_counts_for_nothing() -> None:
    message = customer("Love these earbuds but the left one stopped charging")
    assert "problem" in message.features and "positive_sentiment" not in message.features


def test_a_wrong_in_a_problem_report_is_the_problem_not_a_correction() -> None:
    message = customer("I think the parcel went to the wrong address, can you check?")
    assert "problem" in message.features and "correction" not in message.features
    assert message.frustration < CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("bot", "reply", "language", "wrong"),
    [
        ("Please confirm: a table for 2 at Luigi's on March 5th at 7 pm.", "No, make it the 6th.", "en", True),
        ("To confirm, you want 3 tickets for Friday. Is that correct?", "That's not right, I need 2.", "en", True),
        ("So the new address is 12 High Street, right?", "Wrong, it's 21 High Street.", "en", True),
        ("Klopt het dat je de bestelling van maandag wilt annuleren?", "Nee, die van dinsdag.", "nl", True),
        # "No" to an offer is a choice, not a mistake of the bot.
        ("Would you like me to book it?", "No, not right now.", "en", False),
        ("Please confirm: a table for 2 at Luigi's on March 5th at 7 pm.", "Yes, thanks.", "en", False),
    ],
)
def test_a_no_to_details_read_back_means_the_bot_got_them_wrong(
    bot: str, reply: str, language: str, wrong: bool
) -> None:
    messages = dialogue([("customer", "Hello"), ("bot", bot), ("customer", reply)], language)
    assert bool(messages[2].features.get("no_to_confirmation")) is wrong
    if wrong:
        # Counted once, as the correction: one calm correction stays under the flag.
        assert "says the bot got the details wrong" in messages[2].reasons
        assert messages[2].frustration < CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # A pattern ending in a space never let a word follow ("broke after 2 weeks").
        ("The strap broke after 2 weeks of normal use", "problem"),
        ("These headphones went out on me after 3 days", "problem"),
        ("Great service. Nobody answers.", "sarcasm"),
        ("My booking was cancelled without any notice", "problem"),
        ("The printer stopped showing up in the list of devices", "problem"),
        ("I'm having a rather annoying issue with the invoices", "problem"),
        ("I still can't get into my account", "problem"),
        ("Third email about this, what gives?", "rhetorical"),
        ("You really let me down this time", "grievance"),
        ("Pretty disappointed with the quality", "grievance"),
        ("That's not right, the order was for two", "rejection"),
        ("Try searching again, maybe in the west", "correction"),
    ],
)
def test_support_cues_of_round_7_fire(text: str, cue: str) -> None:
    # A correction needs an answer to correct; a rejection before any answer is read apart
    # (`rejection_unprompted`, round 22): both are asked after one.
    if cue in ("correction", "rejection"):
        reply = dialogue([("customer", "Any restaurants?"), ("bot", "I found none in the centre."), ("customer", text)])
        assert cue in reply[2].features
        return
    assert cue in customer(text).features


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I want my booking cancelled, please", "problem"),
        ("Not right now, thanks", "rejection"),
        ("I just couldn't get into that film", "problem"),
        ("Could you explain why my bill is higher this month?", "rhetorical"),
        ("I'm not happy with the colour, can I exchange it?", "grievance"),
    ],
)
def test_support_cues_of_round_7_stay_quiet_on_near_misses(text: str, cue: str) -> None:
    assert cue not in customer(text).features


def test_words_typical_of_complaints_raise_frustration_and_show_the_word() -> None:
    # `complaint_words` (benchmarks/complaint_words.py): words that mark a complaint in every
    # training domain of the public complaint tweets; weak alone, shown as evidence.
    message = customer("The refund is still pending")
    plain = customer("The refund is pending")
    assert message.features.get("complaint_words") == 1.0
    assert message.cues["complaint_words_match"] == "still"
    assert plain.frustration < message.frustration < CONFIG["frustration"]["frustrated_at"]
