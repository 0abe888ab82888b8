"""Frustration features of round 21, learned on real public support tweets (twcs20 dev and
twcs21; benchmarks/frustration_crossfit.py): a duration of what it has taken ("it's been 2
weeks", "over an hour late") and an exasperated "ugh", "sigh" or "#fail"-style hashtag, and the
wordings near them that must not fire. The wordings are paraphrases written for these tests,
not the tweets' own."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from cxreview.signals.frustration import FEATURES
from cxreview.signals.reasons import REASONS
from tests.signals.dialogue import alone


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("@Telco it's been about a week now, any news?", "been about a week"),
        ("@Bank It has been 3 weeks since I asked", "been 3 weeks"),
        ("@ShopCo my parcel came over an hour late", "over an hour"),
        ("@Telco internet has been down for almost 30 mins now", "been down for almost 30 mins"),
        ("@Telco been like this for past 30 min!", "been like this for past 30 min"),
        ("@Airline waited 2 hours at the gate", "waited 2 hours"),
        ("@ShopCo ordered 3 days ago and still nothing", "3 days ago"),
        ("@Telco no signal for days now", "for days now"),
        ("@Airline delayed twice in the last two days", "in the last two days"),
        ("@Phones the screen died after 2 weeks", "after 2 weeks"),
    ],
)
def test_a_duration_of_what_it_has_taken_is_read(text: str, words: str) -> None:
    assert text_features(text, "en").cues.get("duration") == words


@pytest.mark.parametrize(
    "text",
    [
        "@ShopCo it should arrive in 2 days, right?",
        "@Airline the sale ends in less than a week",
        "@Telco fixed in 20 mins, thanks!",
        "@Airline my flight is at 5, what time does check-in open?",
        "@Bank I'll be abroad next week, will my card work?",
        "@Telco my contract has 3 months left",
    ],
)
def test_no_duration_in_a_future_or_a_plain_time(text: str) -> None:
    assert "duration" not in text_features(text, "en").cues


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ugh. @Airline lost my bag again", "Ugh"),
        ("@Telco ughhh the app logged me out", "ughhh"),
        ("@Bank sigh. same error as yesterday", "sigh"),
        ("@ShopCo wrong size again #thanksnothanks", "#thanksnothanks"),
        ("@Phones update broke the camera #fixyourapp", "#fixyourapp"),
        ("@ShopCo charged twice, great 🙃", "🙃"),
    ],
)
def test_an_exasperated_sound_or_hashtag_is_read(text: str, words: str) -> None:
    assert text_features(text, "en").cues.get("exasperation") == words


@pytest.mark.parametrize(
    "text",
    [
        "@Airline off to Rome #holiday #sunshine",
        "@ShopCo love the new sighting feature",
        "@Phones the new Fugh model looks great",  # a name, not an "ugh"
        "@ShopCo what a day #fail",  # the complaint hashtags of round 18 are a grievance, not counted twice
        "@Airline smh",  # so is "smh"
    ],
)
def test_no_exasperation_in_calm_words_nor_twice(text: str) -> None:
    assert "exasperation" not in text_features(text, "en").cues


def test_both_are_features_of_the_model_with_words_for_a_supervisor() -> None:
    for name in ("duration", "exasperation"):
        assert name in FEATURES
        assert REASONS[name]
    message = alone("@Telco ugh, it's been 2 weeks and still no engineer")
    assert message.features.get("duration") == 1.0
    assert message.features.get("exasperation") == 1.0
    # The words that matched are the evidence a supervisor sees with the reasons.
    assert message.cues["duration_match"] == "been … weeks"  # numbers are values, not shown
    assert message.cues["exasperation_match"] == "ugh"
    calm = alone("@Telco can you check my order status please?")
    assert "duration" not in calm.features and "exasperation" not in calm.features
