"""Round 18 review (rev18): calm messages that round 18's frustration wordings read as
complaints: praise after "wow just wow", someone else's old phone or provider, a hashtag that
only starts with a complaint word, a change the customer made themselves, a promise kept better
than paid for, the last straw hat, a call that found nothing wrong, a switch away from another
firm, a child's rudeness. The intended wordings stay (tests/signals/test_frustration_round18.py)."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run

FRUSTRATED_AT = 0.4


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wow just wow, the new design is beautiful", "en"),
        ("my old phone sucks so I'm upgrading with you, which plan?", "en"),
        ("#fail-safe option, does the router have one?", "en"),
        ("I changed my address without telling my bank, can you update it here?", "en"),
        ("I paid for next day delivery and got it the same day, amazing!", "en"),
        ("I felt let down by my old provider, that's why I'm joining you", "en"),
        ("the last straw hat you sold was lovely, any more in stock?", "en"),
        ("Called you on Monday, nothing to worry about, all fixed", "en"),
        ("ik ben ontevreden over mijn oude energieleverancier, daarom stap ik over naar jullie", "nl"),
        ("mijn zoon was onbeschoft tegen zijn juf, maar dat terzijde: ik wil mijn abonnement verlengen", "nl"),
        ("ik betaal voor glasvezel en krijg nog steeds de beste snelheid, top", "nl"),
        ("erg ontevreden ben ik niet hoor, alleen een vraagje", "nl"),
    ],
)
def test_calm_messages_stay_calm(text: str, language: str) -> None:
    assert run([("customer", text)], language).messages[-1].frustration < FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wow just wow. Three weeks and no refund", "en"),
        ("my phone sucks since your update", "en"),
        ("my order was cancelled without notice", "en"),
        ("I pay for premium and get ads anyway", "en"),
        ("A bit let down by the service tbh", "en"),
        ("ik ben erg ontevreden over de service", "nl"),
        ("de bezorger was onbeschoft", "nl"),
    ],
)
def test_the_wordings_still_read(text: str, language: str) -> None:
    assert run([("customer", text)], language).messages[-1].frustration >= FRUSTRATED_AT
