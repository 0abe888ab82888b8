"""Round 25 review (rev25): fixes to the round's new cue patterns.

- `why_question` and `paid_for` looked for the question mark with an unbounded scan from every "why" or "I pay":
  quadratic on a long message ("why, why, why, ..." of 20,000 characters: 0.33 s; now ~0.01 s);
- calm look-alikes of the request patterns: "is there a place I can call home", "what other number can I use for
  two-factor authentication?", "hebben jullie geen mailadres nodig van mij?" (round 25's and an older Dutch one),
  "feel free to email me the coupon code", "how do you reach a human level of realism";
- `paid_for` before an offer question, but not before a complaint put as one;
- negative-word evidence: a word typed beside an emoji is quoted with the emoji, each as written.
"""

from __future__ import annotations

import re
import time

import pytest

from cxreview.signals.lexicon import raw_cues
from tests.signals.dialogue import alone
from tests.signals.test_frustration import customer


def _asks_alone(text: str, language: str = "en") -> bool:
    return any(f.flag == "human_request" for f in alone(text, language).flags)


def _pattern(family: str, marker: str) -> re.Pattern[str]:
    return re.compile(next(p for p in raw_cues()[family]["en"] if marker in p))


@pytest.mark.parametrize(
    ("family", "marker", "unit"),
    [
        ("why_question", "how come", "why,"),
        ("why_question", "how come", "so why "),
        ("paid_for", "do you (have|offer)", "i pay 10, can i x "),
    ],
)
def test_the_question_mark_is_looked_for_a_bounded_way_ahead(family: str, marker: str, unit: str) -> None:
    pattern = _pattern(family, marker)
    text = (unit * (40_000 // len(unit) + 1))[:40_000]
    start = time.perf_counter()
    pattern.findall(text)
    assert time.perf_counter() - start < 0.5  # unbounded: ~1.3 s, bounded: ~0.02 s


def test_a_why_question_is_still_read() -> None:
    assert "why_question" in customer("Why is my bill higher this month?", "en").cues
    assert "why_question" in customer("so why does it keep logging me out every single day again?", "en").cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Is there a place I can call home in your game?", "en"),
        ("What other number can I use for two-factor authentication?", "en"),
        ("which other email could i use to sign up?", "en"),
        ("feel free to email me the coupon code", "en"),
        ("@Brand feel free to contact me if you need more info", "en"),
        ("How do you reach a human level of realism in your graphics?", "en"),
        ("@Brand you need to provide a phone number field in the signup form", "en"),
        ("Hebben jullie geen mailadres nodig van mij?", "nl"),
        ("hebben jullie geen telefoonnummer meer van me nodig?", "nl"),
    ],
)
def test_calm_look_alikes_of_round_25_request_patterns(text: str, language: str) -> None:
    assert not _asks_alone(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("is there anywhere i can call?", "en"),
        ("what other number can i use?", "en"),
        ("what other number can i use to reach you?", "en"),
        ("any other number i can try instead", "en"),
        ("what other number can i call", "en"),
        ("@Brand feel free to email me", "en"),
        ("feel free to contact me asap", "en"),
        ("how do you reach a human?", "en"),
        ("you guys need to provide a phone number!!", "en"),
        ("hebben jullie geen klantenservice meer?", "nl"),
        ("Hebben jullie geen mailadres?", "nl"),
    ],
)
def test_the_requests_stay(text: str, language: str) -> None:
    assert _asks_alone(text, language)


def test_a_negative_word_typed_beside_an_emoji_is_quoted_with_the_emoji() -> None:
    """Typed "angry!" beside 😡 (described "angry face") was quoted as the emoji alone, and the reason read "negative
    emoji" though the customer typed the word; "ANGRY. 😡" read "ANGRY, angry". Now each as written."""
    from cxreview.signals.reasons import reasons_in_words

    for text, quoted in (("I'm so angry! 😡", "angry, 😡"), ("so angry😡", "angry, 😡"), ("ANGRY. 😡", "ANGRY, 😡")):
        ms = customer(text, "en")
        assert ms.cues["negative_sentiment_match"] == quoted
        assert f'negative words ("{quoted}")' in reasons_in_words(ms.cues)
    assert customer("😡😡", "en").cues["negative_sentiment_match"] == "😡"
    assert customer("this is awful 😡", "en").cues["negative_sentiment_match"] == "awful, 😡"


@pytest.mark.parametrize(
    ("text", "paid_for"),
    [
        # A complaint put as a question after what the customer pays is still paid for and not got.
        ("Great, I pay 15 a month. Are there any plans to fix the buffering?", True),
        ("I pay $60 a month, do you have any idea why it keeps dropping?", True),
        ("I pay 10 euro, are there issues with the app today?", True),
        # A question for another offer is none (frust25).
        ("I'm paying £10 a month, is there a cheaper plan for students?", False),
        ("I pay 10 a month, do you have a family plan?", False),
    ],
)
def test_paid_for_before_a_question_for_another_offer_but_not_a_complaint(text: str, paid_for: bool) -> None:
    assert ("paid_for" in customer(text, "en").cues) is paid_for
