"""Round 19 (loop19): customer repeats and their near misses.

- contacts counted about another matter are no repeat of this one ("I have called you twice this
  year about other stuff and it was always fine, but now my router keeps dropping", "ik heb jullie
  dit jaar twee keer gebeld over iets anders"), nor contacts about earlier matters sorted each time
  ("I've complained to you twice before about the 42 and both times you sorted it", "beide keren is
  het opgelost"); contacts counted about this one still are ("I've called you three times about
  this", "ik heb jullie al twee keer gebeld hierover", "I've DMed it twice already", "both times you
  ignored me");
- a value the customer gave alone to an ask, given again with "same one" or a count ("same one,
  finance@korvo.example", "zelfde, 1012 AB", "LISBON. third time", "LISSABON. derde keer"; blind12,
  blind16 and probe 2 label these repeats); not an event counted ("it crashed. third time" after
  "it crashed" told unasked) nor the same product again ("same one in blue please").
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, run

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
    # probe 2: earlier matters sorted each time
    (
        "en",
        "@CityBus I've complained to you twice before about the 42 and both times you sorted it, so thanks. today it didn't show up",
    ),
    (
        "nl",
        "@StadsBus ik heb al twee keer gebeld over lijn 42 en beide keren is het opgelost, dank. vandaag kwam hij niet",
    ),
]

THIS_MATTER = [
    ("en", "I've called you three times about this and nothing happens"),
    ("en", "I called you twice about this and you said it was something else"),
    ("nl", "ik heb jullie al twee keer gebeld hierover"),
    ("nl", "ik heb al drie keer gebeld, steeds over dit probleem"),
    ("en", "I complained twice and both times you ignored me"),
    ("en", "I've DMed it twice already, check your inbox"),
]


def _repeats(language: str, text: str) -> bool:
    return any(flag.flag == "customer_repeat" for flag in alone(text, language).flags)


@pytest.mark.parametrize(("language", "text"), OTHER_MATTER)
def test_contacts_counted_about_another_matter_are_no_repeat(language: str, text: str) -> None:
    assert not _repeats(language, text)


@pytest.mark.parametrize(("language", "text"), THIS_MATTER)
def test_contacts_counted_about_this_matter_are_a_repeat(language: str, text: str) -> None:
    assert _repeats(language, text)


SAME_VALUE = [
    (
        "en",
        [
            ("bot", "What's the e-mail address of the account owner?"),
            ("customer", "finance@korvo.example"),
            ("bot", "Thanks! Could you confirm the admin e-mail for this workspace?"),
            ("customer", "same one, finance@korvo.example"),
        ],
    ),
    (
        "en",
        [
            ("bot", "Which city are you travelling to?"),
            ("customer", "Lisbon"),
            ("bot", "Great. What's your destination city?"),
            ("customer", "LISBON. third time"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Wat is je postcode?"),
            ("customer", "1012 AB"),
            ("bot", "In welk postcodegebied moet de monteur langskomen?"),
            ("customer", "zelfde, 1012 AB"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Naar welke stad reis je?"),
            ("customer", "Lissabon"),
            ("bot", "Wat is je bestemming?"),
            ("customer", "LISSABON. derde keer"),
        ],
    ),
]

SAME_VALUE_NOT = [
    (
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "it crashed"),
            ("bot", "Sorry to hear that. Please update the app."),
            ("customer", "it crashed. third time"),
        ],
    ),
    (
        "en",
        [
            ("bot", "Which size would you like?"),
            ("customer", "medium"),
            ("bot", "Added to your basket. Anything else?"),
            ("customer", "same one in blue please"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Hoi! Waarmee kan ik helpen?"),
            ("customer", "storing"),
            ("bot", "Vervelend! Herstart je modem."),
            ("customer", "storing. derde keer deze week"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), SAME_VALUE)
def test_a_value_given_again_with_same_one_or_a_count_is_a_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    flags = run(turns, language).messages[-1].flags
    assert any(flag.flag == "customer_repeat" for flag in flags)


@pytest.mark.parametrize(("language", "turns"), SAME_VALUE_NOT)
def test_an_event_counted_or_the_same_product_is_no_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    flags = run(turns, language).messages[-1].flags
    assert not any(flag.flag == "customer_repeat" for flag in flags)
