"""Round 11's general readings of a loop: values typed in groups, replies that say an action
was already done, and (below) what a bot asks for read as a noun phrase, a pronoun, an action
or a day, each with the near misses that must stay apart."""

from __future__ import annotations

import pytest

from cxreview.signals.answers import says_nothing, values
from tests.signals.test_loops import loop_flag, run


@pytest.mark.parametrize(
    ("grouped", "whole"),
    [
        ("06 12 34 56 78", "0612345678"),
        ("nl91 abna 0417 1643 00", "nl91abna0417164300"),
        ("my iban is nl91 abna 0417 1643 00 thanks", "nl91abna0417164300"),
    ],
)
def test_a_value_typed_in_groups_is_one_value(grouped: str, whole: str) -> None:
    assert values(grouped) == {whole}


def test_a_date_stays_a_date() -> None:
    assert values("03 03 1985") == {"3/3"}
    assert "0612345678" not in values("06 12")


@pytest.mark.parametrize(
    ("norm", "language", "nothing"),
    [
        ("did that already", "en", True),
        ("already did it 3 times", "en", True),
        ("i already paid it", "en", True),
        ("i told you i checked it", "en", True),
        ("i already did the payment", "en", False),
        ("heb ik al gedaan", "nl", True),
        ("heb ik al 2 keer gedaan", "nl", True),
        ("ik heb al betaald", "nl", True),
        ("ik heb al een nieuwe", "nl", False),
        ("ik heb net een nieuwe code gestuurd", "nl", False),
    ],
)
def test_already_done_brings_nothing_new(norm: str, language: str, nothing: bool) -> None:
    assert says_nothing(norm, language) is nothing


def test_an_iban_in_groups_given_again_is_a_loop() -> None:
    turns = [
        ("customer", "terugbetaling"),
        ("bot", "Wat is je IBAN?"),
        ("customer", "NL91ABNA0417164300"),
        ("bot", "Wat is je rekeningnummer?"),
        ("customer", "NL91 ABNA 0417 1643 00"),
        ("bot", "Geef je IBAN door om verder te gaan."),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [4, 6])
    other = [*turns[:4], ("customer", "NL02 RABO 0123 4567 89"), turns[5]]
    assert loop_flag(run(other, language="nl")) is None  # another account: a new value


def test_a_restart_asked_after_heb_ik_al_gedaan_is_a_loop() -> None:
    turns = [
        ("customer", "internet ligt eruit"),
        ("bot", "Heb je je modem al opnieuw opgestart?"),
        ("customer", "ja al 3x"),
        ("bot", "Wil je je modem opnieuw opstarten?"),
        ("customer", "heb ik al gedaan"),
        ("bot", "Start je modem opnieuw op."),
    ]
    assert loop_flag(run(turns, language="nl")) is not None
    fresh = [*turns[:4], ("customer", "ok, nu gedaan. werkt nog steeds niet"), turns[5]]
    assert loop_flag(run(fresh, language="nl")) is None
