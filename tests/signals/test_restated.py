"""customer_repeat for a request, complaint or value said again in other words or louder
(`signals/restated.py`, round 15): each shape beside its near misses (a follow-up question, a
yes to a confirmation, a value the bot read back, a corrected value, another menu's option, a
thanks said twice, a bare no to a question). A person asked for again is
`customer_repeats.person_asked_again`'s (tests/signals/test_person_again.py)."""

from __future__ import annotations

import pytest

from cxreview.signals.conversation import ConversationSignals
from tests.signals.dialogue import run


def _repeats(result: ConversationSignals) -> dict[int, str]:
    """position -> detail of each customer_repeat flag."""
    return {ms.position: f.detail for ms in result.messages for f in ms.flags if f.flag == "customer_repeat"}


SAID_AGAIN = [
    (  # round 16: the options shown again taken by none, and the request said again
        "en",
        [
            ("bot", "Reply with a number: 1 Pay a bill 2 Submit a meter reading 3 Move home"),
            ("customer", "neither of those, my direct debit was taken twice"),
            ("bot", "Sorry, I can only help with: 1 Pay a bill 2 Submit a meter reading 3 Move home"),
            ("customer", "none of them. a double direct debit"),
        ],
        'says again what they said in message 2: "direct debit"',
    ),
    (
        "nl",
        [
            ("bot", "Kies: 1 Rekening 2 Meterstand 3 Verhuizen"),
            ("customer", "geen van deze, er is dubbel afgeschreven"),
            ("bot", "Ik kan je helpen met: 1 Rekening 2 Meterstand 3 Verhuizen."),
            ("customer", "niks daarvan. dubbel afgeschreven"),
        ],
        'says again what they said in message 2: "dubbel afgeschreven"',
    ),
    (
        "en",
        [
            ("bot", "Hi, how can I help with your trip?"),
            ("customer", "my flight got cancelled and I want a refund not a voucher"),
            ("bot", "I'm sorry! I can help you rebook. Would you like to see alternative flights?"),
            ("customer", "NO. REFUND. to my card"),
        ],
        'says again what they said in message 2: "refund"',
    ),
    (
        "en",
        [
            ("bot", "Welcome. What can I help with?"),
            ("customer", "i want to cancel my contract"),
            ("bot", "Did you know you can upgrade to Unlimited for just 5 pounds more?"),
            ("customer", "cancel cancel cancel"),
        ],
        'says again what they said in message 2: "cancel"',
    ),
    (
        "en",
        [
            ("bot", "Hello! What can I help you with?"),
            ("customer", "I want to report a gas smell in my street"),
            ("bot", "I can help you report a fault with your electricity meter."),
            ("customer", "GAS. SMELL. in the street"),
        ],
        'says again what they said in message 2: "gas smell street"',
    ),
    (
        "nl",
        [
            ("bot", "Welkom! Waarmee kan ik je helpen?"),
            ("customer", "ik wil mijn bestelling annuleren, is nog niet verzonden"),
            ("bot", "Je bestelling wordt binnen 1-3 werkdagen bezorgd. Volg hem via Mijn Account."),
            ("customer", "annuleren. niet volgen. annuleren"),
        ],
        'says again what they said in message 2: "annuleren"',
    ),
    (
        "nl",
        [
            ("bot", "Hoi! Waarmee kan ik je helpen?"),
            ("customer", "ik wil mijn geld terug voor bestelling 55812"),
            ("bot", "Wat vervelend! Je kunt je bestelling ruilen voor een ander artikel."),
            ("customer", "GELD TERUG. op mijn rekening"),
        ],
        'says again what they said in message 2: "geld terug"',
    ),
    (
        "nl",
        [
            ("bot", "Wat is uw vraag?"),
            ("customer", "mijn afvalpas werkt niet meer bij de container"),
            ("bot", "Sorry, ik begrijp uw vraag niet. Kunt u het anders formuleren?"),
            ("customer", "afvalpas kapot"),
        ],
        'says again what they said in message 2: "afvalpas kapot"',
    ),
]


@pytest.mark.parametrize(("language", "turns", "detail"), SAID_AGAIN)
def test_said_again_in_other_words_or_louder(language: str, turns: list[tuple[str, str]], detail: str) -> None:
    assert _repeats(run(turns, language=language)).get(len(turns)) == detail


VALUES_AND_CHOICES = [
    (
        "en",
        [
            ("customer", "hi, order 77120 arrived damaged, the screen is cracked"),
            ("bot", "Hi! I'm Robin. What's your order number?"),
            ("customer", "77120"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Wat is je postcode?"),
            ("customer", "2512 HT"),
            ("bot", "Dank je! Ik verbind je door met een medewerker."),
            ("agent", "Hoi, met Lisa. Wat is je postcode?"),
            ("customer", "2512 HT"),
        ],
    ),
    (
        "en",
        [
            ("bot", "Please choose: 1 Billing 2 Technical 3 Moving 4 Other"),
            ("customer", "3"),
            ("bot", "Sorry, I didn't understand. Please choose: 1 Billing 2 Technical 3 Moving 4 Other"),
            ("customer", "3!!! moving"),
        ],
    ),
    (  # a code typed in parts, given again to a new agent
        "nl",
        [
            ("customer", "ik heb een parkeerboete gekregen. kenteken XR-512-K"),
            ("bot", "Ik verbind u door met een medewerker."),
            ("agent", "Goedemiddag, met Yvonne. Om welk kenteken gaat het?"),
            ("customer", "XR-512-K"),
        ],
    ),
    (  # the same menu shown again word for word
        "en",
        [
            ("customer", "I need to change the delivery address for my order"),
            ("bot", "Please choose: 1 Track order 2 Returns 3 Payments 4 Other"),
            ("customer", "4"),
            ("bot", "Please choose: 1 Track order 2 Returns 3 Payments 4 Other"),
            ("customer", "Other. 4. change address"),
        ],
    ),
    (  # accents and a diminutive: "DOMICILIERING" / "domiciliëring", "pasje" / "afvalpas"
        "nl",
        [
            ("customer", "ik wil mijn domiciliëring stopzetten"),
            ("bot", "U kunt uw voorschotbedrag aanpassen via Mijn Elektra."),
            ("customer", "neen. DOMICILIERING. niet voorschot"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), VALUES_AND_CHOICES)
def test_a_value_or_choice_given_again_is_a_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    assert len(turns) in _repeats(run(turns, language=language))


NEAR_MISSES = [
    (  # a follow-up question brings new words
        "en",
        [
            ("bot", "How can I help?"),
            ("customer", "how do I cancel my subscription?"),
            ("bot", "Go to Settings > Subscription > Cancel."),
            ("customer", "will cancelling my subscription delete my saved playlists?"),
        ],
    ),
    (  # a yes to a confirmation echoes the bot
        "en",
        [
            ("bot", "How can I help?"),
            ("customer", "cancel my order please"),
            ("bot", "Are you sure you want to cancel order 5561?"),
            ("customer", "yes cancel it"),
        ],
    ),
    (  # the bot took the request up: the customer picks an option of it
        "en",
        [
            ("bot", "How can I help?"),
            ("customer", "I'd like a refund for order 1188"),
            ("bot", "Sure. Do you want the refund to your card or as store credit?"),
            ("customer", "refund to my card please"),
        ],
    ),
    (  # a bare no answers a question about the topic
        "nl",
        [
            ("bot", "Waarmee kan ik helpen?"),
            ("customer", "ik heb alleen mijn paspoort bij me"),
            ("bot", "Heeft u nog een ander identiteitsbewijs?"),
            ("customer", "nee alleen paspoort"),
        ],
    ),
    (  # thanks said twice
        "nl",
        [
            ("bot", "Waarmee kan ik helpen?"),
            ("customer", "dank je, mijn pakket is er"),
            ("bot", "Fijn! Nog iets?"),
            ("customer", "Nogmaals bedankt!"),
        ],
    ),
    (  # a value the bot read back is confirmed
        "en",
        [
            ("bot", "What's your order number?"),
            ("customer", "55120"),
            ("bot", "Thanks. Is that right: order 55120?"),
            ("customer", "55120 correct"),
        ],
    ),
    (  # a corrected value
        "en",
        [
            ("bot", "What's your order number?"),
            ("customer", "441290"),
            ("bot", "I can't find that order. Please check the number."),
            ("customer", "sorry, 441209"),
        ],
    ),
    (  # another menu's option of the same number
        "en",
        [
            ("bot", "Reply with a number: 1 Balance 2 Cards 3 Payments 4 Other questions"),
            ("customer", "2"),
            ("bot", "Cards: 1 Freeze card 2 New card 3 Change PIN 4 Back to main menu"),
            ("customer", "4"),
            ("bot", "Reply with a number: 1 Balance 2 Cards 3 Payments 4 Other questions"),
            ("customer", "4"),
        ],
    ),
    (  # an answer to a question about the street the customer named
        "en",
        [
            ("bot", "How can I help?"),
            ("customer", "There is water coming up through the pavement on Elm Road"),
            ("bot", "Thank you. Please give me the nearest house number and postcode."),
            ("customer", "14 Elm Road, LS6 2QT"),
        ],
    ),
    (  # a count, not a contact
        "en",
        [
            ("bot", "How can I help?"),
            ("customer", "my washing machine leaks 3 times a week"),
            ("bot", "How often does it leak?"),
            ("customer", "about 3 times a week, mostly on long programs"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), NEAR_MISSES)
def test_near_misses_are_no_repeat(language: str, turns: list[tuple[str, str]]) -> None:
    assert len(turns) not in _repeats(run(turns, language=language))


def test_said_through_the_index_is_same_against_every_word() -> None:
    """`restated._said` (set lookups on a message's index) answers what `_same` against each
    of its words answers, on random words sharing stems, endings and compound heads."""
    import random

    from cxreview.signals.restated import _index, _said, _same

    rng = random.Random(16)
    parts = ["pas", "afval", "adres", "bezorg", "refund", "charg", "check", "out", "er", "ed", "ing", "s", "ab", "x"]
    for _ in range(3000):
        words = tuple("".join(rng.choice(parts) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 5)))
        word = "".join(rng.choice(parts) for _ in range(rng.randint(1, 3)))
        assert _said(word, _index(words)) == any(_same(word, other) for other in words), (word, words)


def test_may_share_misses_no_word_said_before() -> None:
    """`restated._may_share` (set operations on all of a message's words at once) is False
    only when `_said` holds for none of them, on random words sharing stems, endings and
    compound heads; each of its four ways is alone the reason in some of them (the test fails
    when one is dropped)."""
    import random

    from cxreview.signals.restated import _index, _may_share, _said

    rng = random.Random(19)
    parts = ["pas", "afval", "adres", "bezorg", "refund", "charg", "check", "out", "er", "ed", "ing", "s", "ab", "x"]
    alone = [0, 0, 0, 0]
    for _ in range(6000):
        earlier = tuple("".join(rng.choice(parts) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4)))
        own = tuple("".join(rng.choice(parts) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4)))
        index, probe = _index(earlier), _index(own)
        said = any(_said(word, index) for word in own)
        assert said <= _may_share(probe, index), (own, earlier)
        ways = [
            not probe.words.isdisjoint(index.words),
            not probe.by_stem.keys().isdisjoint(index.by_stem),
            not probe.words.isdisjoint(index.heads),
            not probe.heads.isdisjoint(index.words),
        ]
        if said and sum(ways) == 1:
            alone[ways.index(True)] += 1
    assert all(alone), alone


def test_may_phrase_misses_no_phrase() -> None:
    """`restated.may_phrase` (the phrases' first two words as neighbouring runs of word
    characters) is False only where the phrases regex finds nothing, on random texts of the
    phrases' words, the phrases, their neighbours, punctuation and other letters; not every
    text passes, and every text does when a phrase is not made of plain words."""
    import random

    from cxreview.signals.restated import _lists, may_phrase, phrase_starts

    lists = _lists()
    words = sorted({word for phrase in lists.phrase_names for word in phrase.split(" ")})
    words += ["x", "é", "niet", "the", "a1", "_"]
    words += sorted(lists.phrase_names) * 2  # whole phrases too, so that many texts match
    rng = random.Random(19)
    found = passed = 0
    for _ in range(6000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", " ", " ", "  ", "-", "'", "é", ""]) for _ in range(rng.randint(1, 8))
        )
        text = text.upper() if rng.random() < 0.05 else text
        match = lists.phrases.search(text) is not None
        may = may_phrase(text, lists.phrase_starts)
        assert may or not match, text
        found += match
        passed += may
    assert 300 < found < passed < 6000, (found, passed)
    assert phrase_starts(["e-mail adres", "geld terug"]) is None
    assert may_phrase("anything", None)
