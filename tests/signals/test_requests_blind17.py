"""Requests for a person from blind17's misses (read after its count): a person word after a
yes or no to "anything else?", and a person wanted for the job; with their near misses."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run


def _flags(bot: str, customer: str, language: str) -> list[str]:
    return [flag.flag for flag in run([("bot", bot), ("customer", customer)], language).messages[1].flags]


@pytest.mark.parametrize(
    ("bot", "customer", "language"),
    [
        ("Is there anything else I can help with?", "yes, a person who can actually look at my account please", "en"),
        ("Anything else?", "An agent who can explain this would be great", "en"),
        ("How can I help?", "no, a human", "en"),
        ("Kan ik je nog ergens mee helpen?", "ja. met een medewerker.", "nl"),
        ("Kan ik je nog ergens mee helpen?", "ja, een medewerker", "nl"),
        ("Kan ik je nog ergens mee helpen?", "ja, een medewerker die naar mijn contract kan kijken", "nl"),
        ("Shall I connect you with an agent?", "yes, an agent", "en"),
    ],
)
def test_asks_for_a_person(bot: str, customer: str, language: str) -> None:
    assert "human_request" in _flags(bot, customer, language)


@pytest.mark.parametrize(
    ("bot", "customer", "language"),
    [
        # a yes to a question that names the person answers it
        ("Did you speak to the manager?", "Yes, the manager.", "en"),
        ("Did the manager call you back?", "Yes, the manager.", "en"),
        ("Heb je met de medewerker gesproken?", "ja, de medewerker", "nl"),
        ("Heeft de medewerker je teruggebeld?", "ja, de medewerker", "nl"),
        # a person in a statement, not wanted for the job
        ("When will you be home?", "a person who can sign for it will be home after 5", "en"),
        ("Wat is er gebeurd?", "een medewerker die ik gisteren sprak zei dat het geregeld was", "nl"),
    ],
)
def test_answers_and_statements_ask_for_nobody(bot: str, customer: str, language: str) -> None:
    assert "human_request" not in _flags(bot, customer, language)
