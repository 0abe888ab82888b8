"""Round 19 (loop19): customer repeats and their near misses.

- contacts counted about another matter are no repeat of this one ("I have called you twice this
  year about other stuff and it was always fine, but now my router keeps dropping", "ik heb jullie
  dit jaar twee keer gebeld over iets anders"); contacts counted about this one still are ("I've
  called you three times about this", "ik heb jullie al twee keer gebeld hierover").
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone

OTHER_MATTER = [
    (
        "en",
        "@TeleNet I have called you twice this year about other stuff and it was always fine, but now my router keeps dropping",
    ),
    ("en", "I have contacted you twice before about something else, all good then. now my bill is wrong"),
    ("en", "I've emailed you 3 times about a different order, all sorted. this one is new"),
    (
        "nl",
        "@Kabelz ik heb jullie dit jaar twee keer gebeld over iets anders, altijd goed geholpen. nu doet mijn tv-kastje raar",
    ),
    ("nl", "ik heb al drie keer gemaild over een andere bestelling, dat is opgelost. nu gaat het om deze"),
]

THIS_MATTER = [
    ("en", "I've called you three times about this and nothing happens"),
    ("en", "I called you twice about this and you said it was something else"),
    ("nl", "ik heb jullie al twee keer gebeld hierover"),
    ("nl", "ik heb al drie keer gebeld, steeds over dit probleem"),
]


def _repeats(language: str, text: str) -> bool:
    return any(flag.flag == "customer_repeat" for flag in alone(text, language).flags)


@pytest.mark.parametrize(("language", "text"), OTHER_MATTER)
def test_contacts_counted_about_another_matter_are_no_repeat(language: str, text: str) -> None:
    assert not _repeats(language, text)


@pytest.mark.parametrize(("language", "text"), THIS_MATTER)
def test_contacts_counted_about_this_matter_are_a_repeat(language: str, text: str) -> None:
    assert _repeats(language, text)
