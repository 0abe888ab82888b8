"""customer_repeat for a question asked again after the bot answered something else
(`signals/reasked.py`, round 16): "No. I asked about ...", "that's not what I asked", "nee, ik
vraag hoe ...", "I don't want to cancel, I want to freeze it", each beside its near misses
(nothing said before in common, a turn-down that answers the bot's question, a bare "I
don't want it", "I didn't ask for it" about something done)."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run


def _asked_again(turns: list[tuple[str, str]], language: str) -> dict[int, str]:
    """Position -> detail of the repeat flags (a restatement may be read as `said again` first)."""
    result = run(turns, language=language)
    return {ms.position: flag.detail for ms in result.messages for flag in ms.flags if flag.flag == "customer_repeat"}


REPEATS = [
    (
        "en",
        [
            ("customer", "Does my annual travel policy cover a trip to Canada of 6 weeks?"),
            ("bot", "Our annual travel policy gives worldwide cover. Did that answer your question?"),
            ("customer", "No. I asked about the maximum length of a trip."),
        ],
    ),
    (
        "en",
        [
            ("customer", "can I take my bike on the train during the tour?"),
            ("bot", "Our tours include a guided walk and breakfast."),
            ("customer", "that's not what I asked. is a bike allowed on the train?"),
        ],
    ),
    (
        "en",
        [
            ("customer", "how do I freeze my gym membership while abroad"),
            ("bot", "To cancel your membership go to Account > Membership > Cancel."),
            ("customer", "I don't want to cancel, I want to freeze it"),
        ],
    ),
    (  # a turn-down after an answer that ends in a closing offer
        "en",
        [
            ("customer", "My sofa arrived torn. I'd like a replacement, not a refund."),
            ("bot", "Sorry! Everything about returns is on our returns page. Anything else I can help with?"),
            ("customer", "I don't want to return it, I want a replacement cover or a new sofa"),
        ],
    ),
    (
        "nl",
        [
            ("customer", "kan ik mijn abonnement twee maanden pauzeren?"),
            ("bot", "Een abonnement kost 27,50 per maand."),
            ("customer", "nee, ik vraag hoe ik mijn abonnement kan pauzeren"),
        ],
    ),
    (
        "nl",
        [
            ("customer", "mag mijn hond mee in het vakantiehuisje?"),
            ("bot", "Alle huisjes hebben wifi en een keuken."),
            ("customer", "dat vroeg ik niet. mag de hond mee?"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), REPEATS)
def test_a_question_asked_again_is_a_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    found = _asked_again(turns, language)
    assert list(found) == [len(turns)]
    assert "message 1" in found[len(turns)]


NEAR_MISSES = [
    (  # nothing in common with what they said before
        "en",
        [
            ("customer", "what time do you open on Sunday?"),
            ("bot", "We open at 9:00 on Sundays."),
            ("customer", "I asked my neighbour and she says the pool is closed"),
        ],
    ),
    (  # a turn-down that answers the bot's question
        "en",
        [
            ("customer", "I want to change my membership"),
            ("bot", "Do you want to cancel or pause your membership?"),
            ("customer", "I don't want to cancel, I just want a pause"),
        ],
    ),
    (  # a bare turn-down of the offer
        "en",
        [
            ("customer", "I need a rental car in NYC from the 6th of March"),
            ("bot", "I found a Honda Accord in NYC available on 6 March."),
            ("customer", "I don't want it, show me another car"),
        ],
    ),
    (  # something done that was not asked for
        "en",
        [
            ("customer", "book a table for 4 people at 7 pm"),
            ("bot", "I booked a table for 4 at 7 pm and a taxi."),
            ("customer", "cancel the taxi, I didn't ask for a taxi to the table booking"),
        ],
    ),
    (
        "nl",
        [
            ("customer", "hoe laat gaat het zwembad open?"),
            ("bot", "Het zwembad gaat om 9 uur open."),
            ("customer", "top, en ik vroeg me ook af wat een kaartje kost"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), NEAR_MISSES)
def test_near_misses_are_no_question_asked_again(language: str, turns: list[tuple[str, str]]) -> None:
    assert _asked_again(turns, language) == {}
