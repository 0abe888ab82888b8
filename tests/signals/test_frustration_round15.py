"""Round 15's frustration readings: praise alone at the end after bad news, asking whether
anyone reads at all, a value said three times, and relief at last; each with its near misses."""

from __future__ import annotations

import pytest

from cxreview.signals.lexicon import CUSTOMER_CUES, match_cues
from tests.signals.dialogue import CONFIG, run

FLAG = CONFIG["frustration"]["frustrated_at"]


def last(turns: list[tuple[str, str]], language: str = "en"):  # noqa: ANN201
    return run(turns, language).messages[-1]


@pytest.mark.parametrize(
    ("before", "text", "language"),
    [
        (
            "The earliest slot is Monday between 8am and 1pm.",
            "monday. it's wednesday. so I just don't have internet for 5 days? brilliant",
            "en",
        ),
        ("You are number 14 in the queue. Estimated wait: 35 minutes.", "35 minutes. great. love that for me", "en"),
        ("Sorry, the engineer is delayed until Friday.", "Friday. Wonderful", "en"),
        ("Je staat op plaats 9 in de wachtrij. Verwachte wachttijd: 25 minuten.", "25 minuten. geweldig", "nl"),
        ("Helaas is je pakket vertraagd.", "Top service weer.", "nl"),
    ],
)
def test_praise_alone_after_bad_news_is_sarcasm(before: str, text: str, language: str) -> None:
    message = last([("agent", before), ("customer", text)], language)
    assert "sarcasm" in message.reasons, (text, message.reasons)
    assert message.frustration >= FLAG


@pytest.mark.parametrize(
    ("before", "text", "language"),
    [
        ("I've refunded the £20, you'll see it in 3 days.", "Brilliant", "en"),
        ("Your new card is on its way.", "Wonderful, thanks so much!", "en"),
        ("Sorry for the wait! I've refunded the £20.", "Perfect.", "en"),
        ("Het pakket is vandaag bezorgd.", "geweldig", "nl"),
        ("Sorry voor het wachten, de monteur komt morgen.", "Prima.", "nl"),
    ],
)
def test_praise_after_good_news_or_thanks_stays_praise(before: str, text: str, language: str) -> None:
    message = last([("agent", before), ("customer", text)], language)
    assert "sarcasm" not in message.reasons, (text, message.reasons)
    assert message.frustration < FLAG


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("are you even reading what i write", "en"),
        ("did you even read my email", "en"),
        ("is there an actual human reading any of this or am i just talking to a wall", "en"),
        ("lees je eigenlijk wel wat ik schrijf?", "nl"),
        ("luisteren jullie überhaupt?", "nl"),
    ],
)
def test_asking_whether_anyone_reads_at_all_is_rhetorical(text: str, language: str) -> None:
    assert "rhetorical" in match_cues(text, language, CUSTOMER_CUES)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Did you read my email about the invoice?", "en"),
        ("are you actually reading the meter yourself?", "en"),
        ("Leest u mijn mail even?", "nl"),
        ("lees je wel even mee?", "nl"),
    ],
)
def test_asking_to_read_something_is_no_rhetorical_question(text: str, language: str) -> None:
    assert "rhetorical" not in match_cues(text, language, CUSTOMER_CUES)


@pytest.mark.parametrize(
    ("text", "language", "said", "shown"),
    [
        ("refund refund refund", "en", "refund refund refund", "refund refund refund"),
        # Order and reference numbers are masked in the evidence a reviewer sees.
        ("KM4471820 KM4471820 KM4471820", "en", "KM4471820 KM4471820 KM4471820", "…"),
        (
            "DV-3340-881. DV-3340-881. DV-3340-881. Duidelijk zo?",
            "nl",
            "DV-3340-881. DV-3340-881. DV-3340-881",
            "…. …. …",
        ),
        ("nee nee nee, dat bedoel ik niet", "nl", "nee nee nee", "nee nee nee"),
    ],
)
def test_a_word_or_value_said_three_times_insists(text: str, language: str, said: str, shown: str) -> None:
    assert match_cues(text, language, CUSTOMER_CUES).get("insistence") == said
    message = last([("bot", "How can I help?"), ("customer", text)], language)
    assert message.cues.get("insistence_match") == shown
    assert not any(f.flag == "customer_repeat" for f in message.flags)  # nothing was said before


@pytest.mark.parametrize(
    "text",
    [
        "ha ha ha",
        "very very very good",
        "I love love love this app",
        "the the the thing is broken",
        "card 3528 3528 3528 0412",
        "Yes Yes Yes",
        "refund refund",
    ],
)
def test_laughter_delight_stutter_and_digit_groups_do_not_insist(text: str) -> None:
    assert "insistence" not in match_cues(text, "en", CUSTOMER_CUES)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("finally. thanks", "en"),
        ("Thank you Sophie. Finally. I appreciate you actually reading it.", "en"),
        ("finally someone who gets it", "en"),
        ("eindelijk. dank je", "nl"),
        ("ah eindelijk duidelijkheid, dank je", "nl"),
        ("Allez, eindelijk. Drie keer bellen voor iets van 5 minuten.", "nl"),
    ],
)
def test_relief_at_last(text: str, language: str) -> None:
    assert "relief" in match_cues(text, language, CUSTOMER_CUES)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("yes, finally.", "en"),
        ("The wait is finally over, just joined!", "en"),
        ("What is the name of the station where the bus will finally stop?", "en"),
        ("hopelijk is het dan eindelijk opgelost", "nl"),
        ("Eindelijk vakantie! Kan ik mijn pakket laten bezorgen bij de buren?", "nl"),
    ],
)
def test_finally_inside_a_sentence_is_no_relief(text: str, language: str) -> None:
    assert "relief" not in match_cues(text, language, CUSTOMER_CUES)
