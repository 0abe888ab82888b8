"""Round 12 review (r12_review.md items 2-7): the readings of what a bot asks must not make
different steps or values one. Logging out on another device or site, a shared step after
"and" beside another main step, a work number beside the number to reach you on, the
registers and meters of one reading session, a look at a document; each with the re-asks
that must stay a repeat, and the whole conversations of the review that must be no loop."""

from __future__ import annotations

import pytest

from tests.signals.test_loops import loop_flag, run

Turns = list[tuple[str, str]]


def _turns(*texts: str) -> Turns:
    """Bot and customer in turn, the bot first."""
    return [("bot" if index % 2 == 0 else "customer", text) for index, text in enumerate(texts)]


def _repeat(texts: tuple[str, ...], language: str) -> str | None:
    """The detail of the last message's bot_repeat, or None."""
    result = run(_turns(*texts), language=language)
    return next((f.detail for f in result.messages[-1].flags if f.flag == "bot_repeat"), None)


NOT_LOOPS: dict[str, tuple[str, Turns]] = {
    "2: log out and in on the phone, the TV, the tablet": (
        "en",
        _turns(
            "Hi, how can I help?",
            "my show is missing",
            "Please sign out of the app on your phone and sign back in.",
            "done, still not there",
            "Please sign out of the app on your TV and sign back in.",
            "done, still not there",
            "Please sign out of the app on your tablet and sign back in.",
            "done, still not there",
        ),
    ),
    "2: uitloggen in de app, op de website, in Mijn Omgeving": (
        "nl",
        _turns(
            "Hoi, waarmee kan ik helpen?",
            "ik zie mijn factuur niet",
            "Log uit in de app en log daarna weer in.",
            "gedaan, nog steeds niet",
            "Log uit op de website en log opnieuw in.",
            "gedaan, nog steeds niet",
            "Meld je af in Mijn Omgeving en meld je weer aan.",
            "gedaan, nog steeds niet",
        ),
    ),
    "3: another main step, then the same restart": (
        "en",
        _turns(
            "Hi, how can I help?",
            "my wifi is not working",
            "Please unplug the router cable and restart your laptop.",
            "done, nothing",
            "Please update the network driver and restart your laptop.",
            "done, nothing",
            "Please turn off the VPN and restart your laptop.",
            "done, nothing",
        ),
    ),
}


@pytest.mark.parametrize("name", NOT_LOOPS)
def test_review_conversations_are_no_loop(name: str) -> None:
    language, turns = NOT_LOOPS[name]
    result = run(turns, language=language)
    assert loop_flag(result) is None
    assert not any(f.flag == "bot_repeat" for m in result.messages for f in m.flags)


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        # 2: another device or site is another step
        (
            "en",
            (
                "Please log out of your account on the TV and log back in.",
                "done",
                "Please log out of the app and log back in on your phone.",
            ),
        ),
        ("nl", ("Log uit in de app en log daarna weer in.", "gedaan", "Log uit op de website en log opnieuw in.")),
        ("nl", ("Meld je af in Mijn Omgeving en meld je weer aan.", "gedaan", "Log uit in de app en log weer in.")),
        # 3: the main step decides; a shared step after "and" on another thing is not enough
        (
            "nl",
            (
                "Trek de stekker van de router eruit en herstart je laptop.",
                "gedaan",
                "Update de netwerkdriver en herstart je laptop.",
            ),
        ),
        ("nl", ("Herstart je laptop.", "gedaan", "Zet de VPN uit en herstart je laptop.")),
        ("en", ("Please restart your laptop.", "done", "Please turn off the VPN and restart your laptop.")),
    ],
)
def test_review_near_misses(language: str, texts: tuple[str, ...]) -> None:
    assert _repeat(texts, language) is None


@pytest.mark.parametrize(
    ("language", "texts", "shown"),
    [
        # 2: the same device, or no device on either side, is the same step
        (
            "en",
            (
                "Please sign out of the app on your phone and sign back in.",
                "done",
                "Try logging out of your account on your phone and back in.",
            ),
            "relogin your account on your phone",
        ),
        ("en", ("Please log out and log back in.", "done", "Please sign out of the app and sign in again."), "relogin"),
        (
            "nl",
            ("Log uit in de app en log daarna weer in.", "gedaan", "Log uit in de app en log opnieuw in, graag."),
            "relogin je account in de app",
        ),
        # 3: the main step asked again, with or without its trailing step
        (
            "en",
            (
                "Please unplug the router cable and restart your laptop.",
                "done, nothing",
                "Please unplug the router cable.",
            ),
            "unplug the router cable",
        ),
        ("en", ("Please reinstall the app.", "did that already", "Delete the app and install it again."), "install"),
    ],
)
def test_review_true_repeats(language: str, texts: tuple[str, ...], shown: str) -> None:
    detail = _repeat(texts, language)
    assert detail is not None and shown in detail
