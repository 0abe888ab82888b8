"""Requests for a person and repeats (issue 12, round 12): the wordings an outsider's
development set showed missed (a named role, a wish that someone calls, a department's
number, escalation, misspelt person words, an earlier message named, a step already done),
their near misses (benchmarks/eval/flags_round12.txt, judged in test_flag_phrasings.py), cues that start a clause after a stop
("... didn't help. Human please"), and a repeat of earlier contacts in the customer's first
message, which is no turn of a bot loop."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features, tone

CONFIG = load_config()


@pytest.mark.parametrize(
    ("text", "language", "cue", "words"),
    [
        ("Sorry, that didn't help. Human please", "en", "human_request", "Human please"),
        ("ok thanks. For the third time: I want a refund", "en", "repetition", "For the third time:"),
        ("Nee. bellen graag", "nl", "human_request", "bellen graag"),
    ],
)
def test_a_clause_cue_matches_after_a_stop_and_shows_its_words_only(
    text: str, language: str, cue: str, words: str
) -> None:
    assert tone(text, language).cues.get(cue) == words


def test_a_stop_cue_keeps_its_punctuation() -> None:
    assert tone("?? hello", "en").cues.get("impatience") == "??"


def _analysed(language: str, turns: list[tuple[str, str]]):
    messages = [
        (i, role, None, text_features(text, language, role == "customer")) for i, (role, text) in enumerate(turns, 1)
    ]
    return analyze("c", language, messages, CONFIG)


def test_a_repeat_of_earlier_contacts_in_the_first_message_is_no_loop_turn() -> None:
    result = _analysed(
        "en",
        [
            ("bot", "Welcome! I'm the virtual assistant. How can I help?"),
            ("customer", "Where is my refund? I sent the receipt last week already"),
            ("bot", "To process a refund we need your receipt. You can upload it here."),
            ("customer", "I told you, I sent it last week. can I speak to someone please"),
            ("bot", "I'll transfer you to a colleague."),
        ],
    )
    assert [m.position for m in result.messages if any(f.flag == "customer_repeat" for f in m.flags)] == [2, 4]
    assert not result.bot_loop


def test_two_repeats_to_the_bot_after_the_first_message_are_a_loop() -> None:
    result = _analysed(
        "en",
        [
            ("bot", "Welcome! I'm the virtual assistant. How can I help?"),
            ("customer", "Where is my refund?"),
            ("bot", "To process a refund we need your receipt. You can upload it here."),
            ("customer", "I sent the receipt last week already"),
            ("bot", "To process a refund we need your receipt. You can upload it here."),
            ("customer", "I told you already, I sent it last week"),
        ],
    )
    assert result.bot_loop


def test_doing_the_steps_asked_is_no_repeat_and_no_loop() -> None:
    result = _analysed(
        "en",
        [
            ("bot", "Hi, I'm the virtual assistant. What's the problem?"),
            ("customer", "no internet since this morning"),
            ("bot", "Please restart your router."),
            ("customer", "Okay, just did it. What's next?"),
            ("bot", "Please check that the cable is plugged in."),
            ("customer", "Yes, I already tried that."),
            ("bot", "Please log out of the app and log back in."),
            ("customer", "ok just did it"),
        ],
    )
    assert not any(f.flag == "customer_repeat" for m in result.messages for f in m.flags)
    assert not result.bot_loop
