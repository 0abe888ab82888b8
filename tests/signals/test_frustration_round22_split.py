"""Round 22 (lead): two readings of a rejection weighed apart by the frustration model.

- `not_listening`: the answer missed what the customer asked, or they say they are not read
  ("that's not what I asked", "you're not listening", "dat is niet wat ik vroeg"). Every such
  message is a `rejection` too; the model weighs it apart, and its reasons name it once.
- `rejection_unprompted`: "it didn't work", "still not fixed" before any bot or agent answered
  rejects no answer; real readers of opening messages (rsics22) and of tweets whose replies
  they could not see (spot22) call most of these a calm report, while after an answer the same
  words reject it.
"""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import message_features, text_features

CONFIG = load_config()
FLAG = CONFIG["frustration"]["frustrated_at"]


def last(turns: list[tuple[str, str]], language: str = "en"):
    messages = [(i, role, None, message_features(role, text, language)) for i, (role, text) in enumerate(turns, 1)]
    return analyze("split", language, messages, CONFIG).messages[-1]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("That's not what I asked.", "en"),
        ("that wasn't my question", "en"),
        ("You're not listening to me", "en"),
        ("Are you even reading my messages?", "en"),
        ("read what I wrote please", "en"),
        ("this doesn't answer anything", "en"),
        ("Dat is niet wat ik vroeg.", "nl"),
        ("je luistert gewoon niet", "nl"),
        ("Lees eens wat ik schrijf.", "nl"),
        ("Dat zeg je steeds.", "nl"),
    ],
)
def test_a_missed_question_is_not_listening_and_still_a_rejection(text: str, language: str) -> None:
    cues = text_features(text, language).cues
    assert "not_listening" in cues and "rejection" in cues, cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It didn't work.", "en"),
        ("I've tried that already", "en"),
        ("Your suggestion didn't help.", "en"),
        ("Het werkte niet.", "nl"),
        ("Heb ik al geprobeerd.", "nl"),
        ("What do you mean, the code is not valid?", "en"),
    ],
)
def test_a_step_that_did_not_help_is_no_missed_question(text: str, language: str) -> None:
    assert "not_listening" not in text_features(text, language).cues


def test_the_missed_question_is_one_reason_and_flags_after_a_wrong_answer() -> None:
    ms = last(
        [
            ("customer", "How do I change the delivery address of order 5521?"),
            ("bot", "You can track your order on the tracking page."),
            ("customer", "That's not what I asked."),
        ]
    )
    assert ms.frustration >= FLAG, (ms.frustration, ms.reasons)
    assert ms.reasons[0] == "says the answer missed what they asked"
    assert "rejects the answer" not in ms.reasons  # the same words: one reason, not two
    assert ms.cues["not_listening_match"] == "That's not what I asked"


def test_a_rejection_before_any_answer_is_weighed_apart_from_one_after_it() -> None:
    opening = last([("customer", "It didn't work, I reset the router twice.")])
    assert "rejection_unprompted" in opening.features and "rejection" not in opening.features
    answered = last(
        [
            ("customer", "My router keeps dropping the connection."),
            ("bot", "Please reset your router by holding the button for 10 seconds."),
            ("customer", "It didn't work, I reset the router twice."),
        ]
    )
    assert "rejection" in answered.features and "rejection_unprompted" not in answered.features
    assert answered.frustration > opening.frustration
