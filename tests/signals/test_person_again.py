"""customer_repeat for a person asked for again after an earlier ask was not met
(`customer_repeats.person_asked_again`, round 16): a product decision (the customer had to
say it again), each shape beside its near misses (the first ask, "yes please" to an offer,
"how long?" after a promise, an ask after a person joined and left)."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run


def _person_again(turns: list[tuple[str, str]], language: str = "en") -> dict[int, str]:
    """Position -> detail of the ``person again`` repeat flags."""
    result = run(turns, language=language)
    return {
        ms.position: flag.detail
        for ms in result.messages
        for flag in ms.flags
        if flag.flag == "customer_repeat" and flag.rule == "person again"
    }


REPEATS = [
    (  # ignored: the bot goes on with its menu
        "en",
        [
            ("bot", "Hi, how can I help?"),
            ("customer", "I want to talk to a person about my bill"),
            ("bot", "I can help with billing! Do you want to see your balance or pay a bill?"),
            ("customer", "neither, please connect me to an agent"),
        ],
    ),
    (  # a promise the bot did not keep: it went on with its questions
        "en",
        [
            ("bot", "Hi, how can I help?"),
            ("customer", "there's a leak, can I speak to someone please"),
            ("bot", "I'll pass you to an advisor shortly. Is the leak inside or outside?"),
            ("customer", "inside"),
            ("bot", "Is the water coming from the ceiling?"),
            ("customer", "PUT ME THROUGH TO A HUMAN"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Waarmee kan ik je helpen?"),
            ("customer", "ik wil graag een medewerker spreken over mijn declaratie"),
            ("bot", "Ik help je graag met declaraties. Gaat het om een afgewezen declaratie?"),
            ("customer", "mag ik gewoon iemand aan de lijn"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), REPEATS)
def test_a_person_asked_for_again_is_a_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    found = _person_again(turns, language)
    assert list(found) == [len(turns)]
    assert found[len(turns)].startswith("asked for a person before: ")


NEAR_MISSES = [
    (  # the first ask
        "en",
        [
            ("bot", "Hi, how can I help?"),
            ("customer", "my bill is wrong"),
            ("bot", "I can help with billing. What is wrong with it?"),
            ("customer", "can I talk to a person please"),
        ],
    ),
    (  # yes please to the person offered
        "en",
        [
            ("bot", "Hi, how can I help?"),
            ("customer", "can I speak with someone about my bill"),
            ("bot", "Would you like me to connect you with a colleague?"),
            ("customer", "yes please"),
        ],
    ),
    (  # a yes to a callback offered, after an earlier ask: it takes the offer
        "en",
        [
            ("bot", "Hi, how can I help?"),
            ("customer", "can I talk to someone about my mortgage"),
            ("bot", "Our advisers are busy. Would you like us to ring you later today?"),
            ("customer", "yes please. call me back on 07700 900123, any time after 2"),
        ],
    ),
    (  # a person to the transfer promised: a confirmation, and "how long" waits
        "en",
        [
            ("bot", "Hi, how can I help?"),
            ("customer", "I want to talk to an agent"),
            ("bot", "Sure, I'll connect you to an agent now."),
            ("customer", "ok an agent please, how long will it take?"),
        ],
    ),
    (  # a person joined and left: a new reason
        "nl",
        [
            ("bot", "Waarmee kan ik je helpen?"),
            ("customer", "ik wil iemand spreken over mijn factuur"),
            ("bot", "Ik verbind je door met een collega."),
            ("agent", "Hoi, met Sam. Ik heb de dubbele afschrijving teruggestort."),
            ("customer", "dank je wel"),
            ("bot", "Kan ik je nog ergens anders mee helpen?"),
            ("customer", "ja, ik wil ook een medewerker spreken over mijn modem"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), NEAR_MISSES)
def test_near_misses_are_no_person_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    assert _person_again(turns, language) == {}
