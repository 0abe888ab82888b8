"""Round 13's loop readings: a form that rejects the value again and again ("that doesn't look
right"), a step asked again after the customer said no to "Did that solve it?", and a step's
thing that ends where the next step starts; each with the near misses that stay apart (a typo
corrected after one rejection, another value each time, another step after the no)."""

from __future__ import annotations

import pytest

from cxreview.signals.asked_steps import asked_steps
from cxreview.signals.lexicon import raw_cues
from cxreview.signals.loop_runs import REJECT_WORDS
from cxreview.signals.requested import Request, same_item
from tests.signals.test_loops import loop_flag, run


def _bot_repeats(turns: list[tuple[str, str]], language: str = "en") -> list[int]:
    result = run(turns, language=language)
    return [ms.position for ms in result.messages for f in ms.flags if f.flag == "bot_repeat"]


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",
            [
                ("customer", "I need to change my seat"),
                ("bot", "Sure! Please enter your reservation code (6 characters)."),
                ("customer", "it's 7TR-4410 on the confirmation"),
                ("bot", "Hmm, that doesn't seem valid. A reservation code has 6 letters and numbers."),
                ("customer", "7TR4410"),
                ("bot", "Hmm, that doesn't seem valid. A reservation code has 6 letters and numbers."),
            ],
        ),
        (
            "nl",
            [
                ("customer", "ik wil mijn abonnement stopzetten"),
                ("bot", "Wat is je klantnummer?"),
                ("customer", "KL 55 1209"),
                ("bot", "Dat is geen geldig klantnummer. Een klantnummer heeft 8 cijfers."),
                ("customer", "kl551209"),
                ("bot", "Dat is geen geldig klantnummer. Een klantnummer heeft 8 cijfers."),
            ],
        ),
    ],
)
def test_a_value_rejected_again_and_again_is_a_loop(language: str, turns: list[tuple[str, str]]) -> None:
    found = loop_flag(run(turns, language=language))
    assert found is not None and found[0] == "bot repeats"


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        # a typo, rejected once, then the bot goes on
        (
            "en",
            [
                ("bot", "What is your order number?"),
                ("customer", "4410288"),
                ("bot", "Hmm, that doesn't look right. Order numbers have 8 digits."),
                ("customer", "44102883"),
                ("bot", "Thanks! I found your order. What would you like to change?"),
            ],
        ),
        # another value after each rejection
        (
            "en",
            [
                ("bot", "Please enter your voucher code."),
                ("customer", "SPRING10"),
                ("bot", "Sorry, that code is not valid."),
                ("customer", "SPRING20"),
                ("bot", "Sorry, that code is not valid."),
                ("customer", "SUMMER15"),
                ("bot", "Sorry, that code is not valid."),
            ],
        ),
        (
            "nl",
            [
                ("bot", "Wat is je postcode?"),
                ("customer", "1234 A"),
                ("bot", "Dat is geen geldige postcode. Een postcode is 4 cijfers en 2 letters."),
                ("customer", "1234 AB"),
                ("bot", "Dank je! Wat is je huisnummer?"),
            ],
        ),
    ],
)
def test_near_misses_of_a_rejected_value_make_no_loop(language: str, turns: list[tuple[str, str]]) -> None:
    assert loop_flag(run(turns, language=language)) is None


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (
            "en",
            [
                ("customer", "the app won't sync"),
                ("bot", "Please log out of the app and restart your phone."),
                ("customer", "done, still not syncing"),
                ("bot", "Did restarting your phone solve the problem?"),
                ("customer", "no"),
                ("bot", "Sorry to hear that. Please restart your phone."),
                ("customer", "I did"),
                ("bot", "Did that fix it?"),
                ("customer", "nope"),
                ("bot", "Let's try this: please restart your phone."),
            ],
        ),
        (
            "nl",
            [
                ("customer", "mijn tv heeft geen beeld"),
                ("bot", "Herstart je decoder."),
                ("customer", "gedaan"),
                ("bot", "Is het probleem nu opgelost?"),
                ("customer", "nee"),
                ("bot", "Jammer. Herstart je decoder."),
                ("customer", "heb ik al gedaan"),
                ("bot", "Werkt het nu?"),
                ("customer", "nee, nog steeds niet"),
                ("bot", "Probeer dit: herstart je decoder."),
            ],
        ),
    ],
)
def test_a_step_asked_again_after_no_to_did_it_help_is_a_loop(language: str, turns: list[tuple[str, str]]) -> None:
    found = loop_flag(run(turns, language=language))
    assert found is not None and found[0] == "bot repeats"


def test_another_step_after_no_to_did_it_help_is_no_repeat() -> None:
    turns = [
        ("customer", "the app won't sync"),
        ("bot", "Please restart your phone."),
        ("customer", "done"),
        ("bot", "Did that fix it?"),
        ("customer", "no"),
        ("bot", "OK, please reinstall the app from the store."),
        ("customer", "done"),
        ("bot", "Did that fix it?"),
        ("customer", "no"),
        ("bot", "Please update your phone's software."),
    ]
    assert loop_flag(run(turns)) is None
    assert _bot_repeats(turns) == [8]  # only "Did that fix it?" again


@pytest.mark.parametrize(
    ("norm", "thing"),
    [
        ("please restart your modem unplug it wait 30 seconds and plug it back in", ("modem",)),
        ("please unplug your router wait a minute and plug it back in", ("router",)),
        ("could you try clearing your cache here s how settings privacy", ("cache",)),
        ("please check the power plug", ("power", "plug")),
        ("please turn off the water tap", ("water", "tap")),
    ],
)
def test_a_steps_thing_ends_where_the_next_step_starts(norm: str, thing: tuple[str, ...]) -> None:
    assert asked_steps(norm, "en")[0].thing == thing


def test_each_rejection_pattern_has_a_prefilter_word() -> None:
    # rejected_ask searches a bot text only when it has one of these words.
    section = raw_cues()["rejects_value"]
    for pattern in (*section["en"], *section["nl"]):
        assert any(word in pattern for word in REJECT_WORDS), pattern


def test_a_number_asked_for_with_a_longer_compound_is_asked_again() -> None:
    turns = [
        ("customer", "ik ben twee keer afgeschreven voor mijn reis"),
        ("bot", "Wat is je pasnummer?"),
        ("customer", "ik heb geen pas, ik betaal met mijn telefoon"),
        ("bot", "Dat is geen geldig pasnummer. Een pasnummer heeft 16 cijfers."),
        ("customer", "ik heb GEEN pas. kan ik iemand spreken?"),
        ("bot", "Om verder te gaan heb ik je OV-bankpasnummer nodig."),
    ]
    assert _bot_repeats(turns, "nl") == [4, 6]
    found = loop_flag(run(turns, language="nl"))
    assert found is not None and found[0] == "bot repeats"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("kaartnumber",), ("ov", "chipkaartnumber"), True),
        (("number",), ("phone", "number"), False),  # a bare head is no compound
        (("kaartnumber",), ("partner", "kaartnumber"), False),  # a qualifier, not a longer compound
    ],
)
def test_a_compound_after_a_split_off_word_is_the_same_item(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    assert same_item(Request("give", a, " ".join(a)), Request("give", b, " ".join(b))) is same


def test_dat_schreef_ik_net_says_it_was_said() -> None:
    turns = [("bot", "Log eerst in met DigiD."), ("customer", "Ik BEN ingelogd. Dat typte ik net")]
    flags = [f for ms in run(turns, language="nl").messages for f in ms.flags if f.flag == "customer_repeat"]
    assert [f.rule for f in flags] == ["says so"]
