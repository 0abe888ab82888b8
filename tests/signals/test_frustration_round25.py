"""Frustration readings of round 25, from the dev misses of real public support tweets (twcs20 dev,
twcs21, spot22 dev) and of messages typed to chatbots (rsics22 dev): a why-question at the company
(`why_question`, a learned feature shown with its words), praise beside trouble denied ("never had a
problem", "nooit problemen gehad") and praise after the customer says it is fixed, which are praise,
not sarcasm. The wordings are written for these tests, not the tweets' own."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features
from cxreview.signals.frustration import FEATURES, Context, denies_trouble, feature_values, said_negations
from cxreview.signals.reasons import REASONS


def opening(text: str, language: str = "en"):
    """The customer's first message of a conversation, analysed."""
    return analyze("t", language, [(1, "customer", None, text_features(text, language))], load_config()).messages[0]


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("@Telco why is my bill higher this month?", "en", "why is my bill higher this month?"),
        ("Why can't I log in to my account?", "en", "Why can't I log in to my account?"),
        ("@Shop how come it still says pending?", "en", "how come it still says pending?"),
        ("@Airline Charged $25 at the desk. Flight not full. WHY?", "en", "WHY?"),
        ("@Music so why would I pay more for the same thing", "en", "so why would I pay more for the same thing"),
        ("@Music Why remove the best feature you had?", "en", "Why remove the best feature you had?"),
        ("@Telco waarom duurt het zo lang?", "nl", "waarom duurt het zo lang?"),
        ("Hallo, waarom werkt de app niet", "nl", "waarom werkt de app niet"),
        ("Is there a reason my app keeps crashing?", "en", "Is there a reason my app keeps crashing?"),
    ],
)
def test_a_why_question_at_the_company_is_read_with_its_words(text: str, language: str, words: str) -> None:
    found = text_features(text, language)
    assert found.cues.get("why_question") == words
    assert feature_values(found, Context())["why_question"] == 1.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sure, why not?", "en"),  # agreement
        ("Why don't you try Saturday instead?", "en"),  # a suggestion
        ("why don't we look at other options", "en"),
        ("And this is why I love you and why you are my favourite app.", "en"),  # no question
        ("I wonder why it is slow today", "en"),  # not opening a clause
        ("Prima, waarom ook niet", "nl"),
        ("Daarom bel ik jullie", "nl"),
        ("is there a reason to upgrade?", "en"),
    ],
)
def test_calm_look_alikes_ask_no_why(text: str, language: str) -> None:
    assert "why_question" not in text_features(text, language).cues


def test_it_is_a_feature_with_a_reason_in_words() -> None:
    assert "why_question" in FEATURES and REASONS["why_question"] == "asks why"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("@Brand great service, never had a problem", "en"),
        ("@Brand amazing service, never had any issues with you", "en"),
        ("@Merk geweldige service, nooit problemen gehad", "nl"),
        ("@Merk top service, nog nooit een probleem gehad", "nl"),
    ],
)
def test_praise_beside_trouble_denied_is_praise(text: str, language: str) -> None:
    message = opening(text, language)
    assert "sarcasm" not in message.cues
    assert message.frustration < 0.2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("@Brand great service, never had a problem until today. App won't open", "en"),
        ("@Merk geweldige service, nooit problemen gehad tot vandaag. App start niet", "nl"),
    ],
)
def test_trouble_denied_until_now_still_complains(text: str, language: str) -> None:
    # every negation still counts: the trouble has begun
    found = text_features(text, language)
    assert not denies_trouble(found) and said_negations(found) == found.negations > 0


def test_never_is_a_negation_not_a_negative_word_in_dutch_as_in_english() -> None:
    # "nooit" had a negative valence of its own, so "nooit problemen" read as bad news
    assert text_features("nooit problemen gehad", "nl").sentiment > 0
    assert text_features("never had problems", "en").sentiment > 0


def test_praise_after_a_fix_is_praise_not_sarcasm() -> None:
    message = opening("@Music the issue I reported seems to have been fixed. Great job guys")
    assert "sarcasm" not in message.cues
    assert message.frustration < 0.2
    # fixed, then broken again: the praise is sour
    sour = opening("@Music it was fixed but now broken again. Great job guys")
    assert "sarcasm" in sour.cues


@pytest.mark.parametrize(
    "text",
    [
        "@Telco I'm paying £10 a month, is there a cheaper plan for students?",
        "@Music I pay £10 a month, do you have a family plan?",
    ],
)
def test_what_the_customer_pays_before_a_question_for_another_offer_is_no_grievance(text: str) -> None:
    assert "paid_for" not in text_features(text, "en").cues


def test_what_the_customer_pays_beside_a_fault_still_is() -> None:
    found = text_features("@Music I pay £10 a month, is there any reason it keeps crashing?", "en")
    assert found.cues["paid_for"] == "I pay £10" and "why_question" in found.cues
