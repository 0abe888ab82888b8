"""Calm messages that name a situation a complaint would name ("on hold", "nobody picks up",
"never mind", "supposed to arrive") while saying it is fine, asking, or talking about a date
still ahead (from a fresh-eyes review of round 8): they stay under the flag, and the real
complaints with the same words keep their cue."""

from __future__ import annotations

import pytest

from tests.signals.test_frustration_support_wordings import FLAG, customer


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No worries, I was on hold for a minute but that's fine.", "en"),
        ("Yes. I was on hold for 2 minutes, super quick.", "en"),
        ("Geen punt, 5 minuten in de wacht is niks.", "nl"),
        ("Ok. If nobody picks up, please leave a voicemail.", "en"),
        ("Never mind, I found the answer in the FAQ. Thanks!", "en"),
        ("Still nothing yet, but I'll give it a few minutes.", "en"),
        ("Ik heb nog niks ontvangen, maar ik wacht nog even af.", "nl"),
        ("It was supposed to arrive in 3-5 days, so I'll check again on Friday.", "en"),
        ("I was promised a call back today, just checking it's still on?", "en"),
    ],
)
def test_reassured_or_asking_stays_under_the_flag(text: str, language: str) -> None:
    message = customer(text, language)
    assert (message.frustration or 0.0) < FLAG, (message.frustration, message.reasons)
    assert not {"grievance", "giving_up", "broken_promise", "escalation", "repetition"} & set(message.features)


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("I've been on hold for 45 minutes, this is ridiculous", "en", "waiting"),
        ("Nobody ever answers the phone", "en", "grievance"),
        ("It was supposed to arrive Monday and it's still not here", "en", "broken_promise"),
        ("I was told someone would call me back and nobody did", "en", "broken_promise"),
        ("Ik hang al een uur in de wacht!", "nl", "waiting"),
        ("Never mind, this is useless", "en", "giving_up"),
        ("I said the blue one, not the red one", "en", "repetition"),
        ("Nooit meer bestel ik hier.", "nl", "escalation"),
    ],
)
def test_the_complaint_with_the_same_words_keeps_its_cue(text: str, language: str, cue: str) -> None:
    assert cue in customer(text, language).features


def test_never_again_a_fault_is_no_churn_threat() -> None:
    # "nooit meer een storing gehad": praise for the new modem, not "never again"; the word
    # "storing" still reads as a reported problem (not fixed: see benchmarks/README round 8).
    assert (
        "escalation"
        not in customer("Nee, ik wilde nog zeggen: nooit meer een storing gehad sinds de nieuwe modem!", "nl").features
    )
