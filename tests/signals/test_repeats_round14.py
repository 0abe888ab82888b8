"""Round 14: Dutch "I said it already" in more forms (customer_repeat), from dev13's and
blind13's misses read after their counts: "dat zeg ik toch", a telling counted ("voor de
vijfde keer uit te leggen"), earlier conversations or contacts with words or a date between,
"2x" for "twee keer"; and what stays no repeat."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features


@pytest.mark.parametrize(
    "text",
    [
        "ja dat zeg ik toch. DAAR STAAT GEEN REDEN.",
        "ja maar da zeg ik toch juist, mijn boekhouder wil een bevestiging",
        "Dat heb ik bij de vorige drie gesprekken ook al gedaan, maar goed: 7781 2204.",
        "Met alle respect, maar ik heb geen zin om dit voor de vijfde keer uit te leggen.",
        "ik heb al 2x gebeld maar de wachtrij is 45 min",
        "ik heb hier al 3 keer eerder over gechat en elke keer krijg ik dit antwoord",
        "Mijn man heeft vorige week al met een collega van u gebeld over de aanrijding",
        "Op 3 oktober heb ik u gemaild over mijn termijnbedrag",
        "Ik heb dit overigens in februari ook al telefonisch doorgegeven.",
        "Het kentekenbewijs heb ik bij de aanvraag al geüpload, maar ik stuur het nog een keer mee.",
        "ik heb hem nu 2x gestuurd, zie je hem niet?",
    ],
)
def test_dutch_already_said(text: str) -> None:
    assert "repetition" in text_features(text, "nl", customer=True).cues


@pytest.mark.parametrize(
    "text",
    [
        "heb ik al gedaan",  # answers a step (`nothing_new`), no repeat
        "dat heb ik gisteren al gedaan",
        "ik heb gisteren een nieuwe router gekregen",
        "in maart heb ik een nieuwe auto gekocht",
        "voor de tweede keer vandaag werkt de app niet",  # an event, not a telling
        "ik heb 2x betaald",
        "de monteur is vorige week al geweest",
        "ik heb mijn meterstand in januari doorgegeven en wil nu mijn jaarafrekening",
    ],
)
def test_dutch_no_repeat(text: str) -> None:
    assert "repetition" not in text_features(text, "nl", customer=True).cues


def test_a_count_of_what_happened_last_time_is_no_repeat() -> None:
    event = "nee ik moet om 2 uur mijn kinderen ophalen. en dit is de 2e keer he, vorige week kwam er ook al niemand"
    assert "repetition" not in text_features(event, "nl", customer=True).cues
    contact = "dit is de 2e keer dat ik bel, vorige week belde ik ook al"
    assert "repetition" in text_features(contact, "nl", customer=True).cues


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("TV. As mentioned twice now.", True),
        ("the link says expired, i messaged you about this on monday already and got the same reply", True),
        ("its not a new repair its already reported!!! ref GL-88412", True),
        ("there was nobody at the desk until 10.40!! i explained all this", True),
        ("as mentioned in the article", False),
        ("it is already reported to the police", False),
        ("I explained everything to my landlord", False),
        ("i explained that the bin was full", False),
    ],
)
def test_english_already_said(text: str, repeat: bool) -> None:
    assert ("repetition" in text_features(text, "en", customer=True).cues) is repeat
