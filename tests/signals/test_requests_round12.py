"""Requests for a person and repeats (issue 12, round 12): the wordings an outsider's
development set showed missed (a named role, a wish that someone calls, a department's
number, escalation, misspelt person words, an earlier message named, a step already done),
their near misses (benchmarks/eval/flags_round12.txt, judged in test_flag_phrasings.py), cues that start a clause after a stop
("... didn't help. Human please"), and a repeat of earlier contacts in the customer's first
message, which is no turn of a bot loop."""

from __future__ import annotations

import pytest

from cxreview.signals.features import tone
from tests.signals.dialogue import run


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


def _analysed(language: str, turns: list[tuple[str, str]]):  # noqa: ANN202
    return run(turns, language)


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


def _requests(language: str, turns: list[tuple[str, str]]) -> list[tuple[int, str]]:
    result = _analysed(language, turns)
    return [(m.position, f.rule) for m in result.messages for f in m.flags if f.flag == "human_request"]


@pytest.mark.parametrize(
    ("language", "offer", "reply", "asks"),
    [
        ("en", "Your flight is cancelled. I can offer: 1) Rebook 2) Request a refund 3) Talk to an agent", "3", True),
        ("en", "Your flight is cancelled. I can offer: 1) Rebook 2) Request a refund 3) Talk to an agent", "2", False),
        ("en", "Would you like to speak to someone from the council tax team?", "yes please", True),
        ("en", "Would you like me to check the status of your order?", "yes please", False),
        ("en", "How many bags? 1, 2 or 3", "3", False),
        ("en", "Shall I transfer you to a colleague?", "no thanks", False),
        ("nl", "Je kunt bellen met 030 234 8800 of ik zet je door naar een collega hier.", "doorzetten", True),
        ("nl", "Kies: 1) Omboeken 2) Geld terug 3) Medewerker", "3", True),
        ("nl", "Retouren worden binnen 14 dagen terugbetaald. Wil je een collega spreken?", "ja", True),
        ("nl", "Wil je een collega spreken?", "nee", False),
        ("nl", "Zal ik je bestelling annuleren?", "ja graag", False),
    ],
)
def test_taking_the_person_a_bot_offers_asks_for_one(language: str, offer: str, reply: str, asks: bool) -> None:
    found = _requests(language, [("bot", offer), ("customer", reply)])
    assert found == ([(2, "accepts offer")] if asks else [])


def test_a_yes_to_a_person_offered_is_ignored_when_the_bot_goes_on() -> None:
    result = _analysed(
        "en",
        [
            ("bot", "Would you like to speak to an agent?"),
            ("customer", "yes"),
            ("bot", "Please enter your order number."),
        ],
    )
    assert [f.flag for f in result.messages[2].flags if f.flag == "ignored_human_request"] == ["ignored_human_request"]
