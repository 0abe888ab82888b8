"""customer_repeat for what the customer says again in other forms (issue 12, round 13): the
same value typed again after the bot asked for it again, a request restated after the bot did
not understand it, and "I already did that" / "I don't have one" said once more to a question
asked again; each beside the near misses that stay unflagged (a corrected value, a value typed
again to confirm it, a value for another item, a menu number, a new request, a plain yes)."""

from __future__ import annotations

import pytest

from cxreview.signals.conversation import ConversationSignals
from tests.signals.test_loops import run


def _repeats(result: ConversationSignals) -> dict[int, str]:
    """position -> detail of each customer_repeat flag."""
    return {ms.position: f.detail for ms in result.messages for f in ms.flags if f.flag == "customer_repeat"}


@pytest.mark.parametrize(
    ("language", "turns", "detail"),
    [
        (
            "en",
            [
                ("customer", "my parcel never arrived"),
                ("bot", "Sorry about that! What is your tracking number?"),
                ("customer", "TR 5512 0098"),
                ("bot", "Sorry, I couldn't find that shipment. Please enter your tracking number."),
                ("customer", "tr55120098 it's on the receipt"),
            ],
            "gives their tracking number again (first in message 3)",
        ),
        (
            "en",
            [
                ("customer", "I want to add luggage"),
                ("bot", "Sure. Please share your reservation code."),
                ("customer", "it's QX7-41 on my ticket"),
                ("bot", "Hmm, that does not look right. A reservation code has 6 characters."),
                ("customer", "QX741"),
            ],
            "gives the same value again (first in message 3)",
        ),
        (
            "nl",
            [
                ("customer", "mijn bestelling is niet gekomen"),
                ("bot", "Wat is je ordernummer?"),
                ("customer", "ORD-88213"),
                ("bot", "Dat lijkt geen geldig ordernummer. Controleer het en probeer het opnieuw."),
                ("customer", "ord 88213, staat in de bevestiging"),
            ],
            "gives the same value again (first in message 3)",
        ),
    ],
)
def test_a_value_typed_again_after_the_bot_asked_again_is_a_repeat(
    language: str, turns: list[tuple[str, str]], detail: str
) -> None:
    assert _repeats(run(turns, language=language)).get(len(turns)) == detail


def test_a_value_asked_again_in_other_words_is_given_again() -> None:
    turns = [
        ("bot", "Please send us your membership number to get started."),
        ("customer", "MB-204417"),
        ("bot", "Thanks. I'm passing you to the next step."),
        ("bot", "Could you tell me your membership number?"),
        ("customer", "mb204417, as I sent"),
    ]
    assert 5 in _repeats(run(turns))


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        # a corrected value: another value, not the same one again
        (
            "en",
            [
                ("bot", "What is your order number?"),
                ("customer", "55012873"),
                ("bot", "Hmm, that doesn't look right. Order numbers have 9 digits."),
                ("customer", "550128739"),
            ],
        ),
        # typed again to confirm it: the next step of a form
        (
            "en",
            [
                ("bot", "What is your new phone number?"),
                ("customer", "07700 900 812"),
                ("bot", "Please confirm your new phone number by typing it again."),
                ("customer", "07700900812"),
            ],
        ),
        # the same postcode for another address the bot asks about
        (
            "en",
            [
                ("bot", "What is the postcode of the delivery address?"),
                ("customer", "BS3 4AB"),
                ("bot", "And what is the postcode of your billing address?"),
                ("customer", "BS3 4AB"),
            ],
        ),
        # a menu's number chosen again when the menu comes back
        (
            "nl",
            [
                ("bot", "Kies een onderwerp: 1) Betalen 2) Sparen 3) Overig"),
                ("customer", "3"),
                ("bot", "Ik heb je vraag niet begrepen. Kies een onderwerp: 1) Betalen 2) Sparen 3) Overig"),
                ("customer", "3"),
            ],
        ),
        # the same order number for the second item asked next
        (
            "nl",
            [
                ("bot", "Wat is het ordernummer van het eerste artikel?"),
                ("customer", "77120456"),
                ("bot", "Bedankt! En het ordernummer van het volgende artikel?"),
                ("customer", "77120456"),
            ],
        ),
    ],
)
def test_near_misses_of_a_value_given_again_stay_unflagged(language: str, turns: list[tuple[str, str]]) -> None:
    assert len(turns) not in _repeats(run(turns, language=language))


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",
            [
                ("customer", "someone reversed into my bike in a car park, how do I claim on their insurer"),
                ("bot", "Sorry, I didn't quite get that. Could you rephrase your question?"),
                ("customer", "claim for damage to my bike"),
            ],
        ),
        (
            "en",
            [
                ("customer", "I want to claim for damage to my van"),
                ("bot", "Sorry, I didn't understand. Could you say it another way?"),
                ("customer", "hello?"),
                ("bot", "Sorry, I didn't understand. Could you say it another way?"),
                ("customer", "VAN. DAMAGE. CLAIM."),
            ],
        ),
        (
            "nl",
            [
                ("customer", "wordt een fysiotherapeut voor mijn dochter vergoed"),
                ("bot", "Sorry, dat begrijp ik niet. Kun je je vraag anders stellen?"),
                ("customer", "fysiotherapeut vergoeding"),
            ],
        ),
        (
            "nl",
            [
                ("customer", "ik wil een spaarrekening openen voor mijn zoon"),
                ("bot", "Waar gaat je vraag over? Typ het in een paar woorden."),
                ("customer", "spaarrekening"),
                ("bot", "Waar gaat je vraag over? Typ het in een paar woorden."),
                ("customer", "spaarrekening openen zoon"),
            ],
        ),
    ],
)
def test_a_request_restated_after_the_bot_did_not_understand_is_a_repeat(
    language: str, turns: list[tuple[str, str]]
) -> None:
    found = _repeats(run(turns, language=language)).get(len(turns))
    assert found is not None and found.startswith("says again what they asked in message")


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        # another request after the failure
        (
            "en",
            [
                ("customer", "I want to cancel my order"),
                ("bot", "Sorry, I didn't understand that. Could you rephrase?"),
                ("customer", "change the delivery address of my order"),
            ],
        ),
        # the same request for another order
        (
            "en",
            [
                ("customer", "cancel order 88120"),
                ("bot", "Sorry, I didn't understand that. Could you rephrase?"),
                ("customer", "cancel order 99031"),
            ],
        ),
        # an answer to a new question that shares words with the request
        (
            "en",
            [
                ("customer", "I'd like a vegetarian restaurant in the centre"),
                ("bot", "There are 4 vegetarian restaurants in the centre. Which price range?"),
                ("customer", "cheap ones please, a vegetarian restaurant is fine"),
            ],
        ),
        # a reply to bad news is no restatement
        (
            "nl",
            [
                ("customer", "ik zoek een hotel in het centrum"),
                ("bot", "Helaas zijn er geen hotels in het centrum beschikbaar."),
                ("customer", "een hotel buiten het centrum dan"),
            ],
        ),
    ],
)
def test_near_misses_of_a_restated_request_stay_unflagged(language: str, turns: list[tuple[str, str]]) -> None:
    assert len(turns) not in _repeats(run(turns, language=language))


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",
            [
                ("customer", "the app keeps crashing"),
                ("bot", "Please reinstall the app from the store."),
                ("customer", "done, still crashing"),
                ("bot", "Have you tried reinstalling the app?"),
                ("customer", "yes, twice already"),
            ],
        ),
        (
            "en",
            [
                ("customer", "the page is blank"),
                ("bot", "Please clear your browser cache."),
                ("customer", "done. same"),
                ("bot", "Could you try clearing your browser cache?"),
                ("customer", "did it"),
            ],
        ),
        (
            "nl",
            [
                ("customer", "mijn decoder doet niks"),
                ("bot", "Herstart je decoder even."),
                ("customer", "gedaan, nog steeds zwart beeld"),
                ("bot", "Heb je je decoder al herstart?"),
                ("customer", "ja, al twee keer"),
            ],
        ),
    ],
)
def test_done_said_again_to_a_step_asked_again_is_a_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    found = _repeats(run(turns, language=language)).get(len(turns))
    assert found is not None and found.startswith("says again it was done")


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        # the same yes to each new question about another film
        (
            "en",
            [
                ("bot", "Have you seen The Matrix?"),
                ("customer", "Yes, I did."),
                ("bot", "Have you seen Inception?"),
                ("customer", "Yes, I did."),
            ],
        ),
        # done to two different steps
        (
            "en",
            [
                ("bot", "Please restart your router."),
                ("customer", "done"),
                ("bot", "Now please reset the network settings on your phone."),
                ("customer", "done, still nothing"),
            ],
        ),
        # a greeting and thanks again
        (
            "nl",
            [
                ("customer", "bedankt!"),
                ("bot", "Graag gedaan. Kan ik je nog ergens mee helpen?"),
                ("customer", "bedankt!"),
            ],
        ),
    ],
)
def test_near_misses_of_an_answer_said_again_stay_unflagged(language: str, turns: list[tuple[str, str]]) -> None:
    assert len(turns) not in _repeats(run(turns, language=language))
