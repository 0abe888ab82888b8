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
    "4: the number to reach you on, a work number, a number to text": (
        "en",
        _turns(
            "Hi, I can book your engineer visit.",
            "ok",
            "What's the best number to reach you on?",
            "07700 900123",
            "What number can we call you on if you're not home, e.g. a work number?",
            "07700 900456",
            "And what number should we text you on for updates?",
            "07700 900123 same as first",
        ),
    ),
    "4: numbers with no shared group": (
        "en",
        _turns(
            "Hi, I can book your engineer visit.",
            "ok",
            "What's the best number to reach you on?",
            "0612345678",
            "What number can we call you on if you're not home, e.g. a work number?",
            "0201234567",
            "And what number should we text you on for updates?",
            "0612345678",
        ),
    ),
    "5: T1, T2 and teruglevering": (
        "nl",
        _turns(
            "Hoi, we nemen je meterstanden op.",
            "ok",
            "Wat staat er op je elektriciteitsmeter bij T1 (normaaltarief)?",
            "12345",
            "Wat staat er op je elektriciteitsmeter bij T2 (daltarief)?",
            "23456",
            "Wat staat er op je elektriciteitsmeter bij teruglevering?",
            "345",
        ),
    ),
    "5: gas, then the meter for power and for water": (
        "nl",
        _turns(
            "Hoi, we nemen je meterstanden op.",
            "ok",
            "Wat staat er op je gasmeter?",
            "12345",
            "Wat staat er op je meter voor stroom?",
            "23456",
            "Wat zijn de cijfers op je meter voor water?",
            "345",
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
        # 4: which of the customer's numbers is another item; a new number is a new value
        (
            "en",
            (
                "What's the best number to reach you on?",
                "07700 900123",
                "What number can we call you on if you're not home, e.g. a work number?",
            ),
        ),
        ("en", ("What's the best number to reach you on?", "07700 900123", "And what number should we text you on?")),
        ("nl", ("Op welk nummer kunnen we je bereiken?", "0612345678", "Op welk nummer kunnen we je sms'en?")),
        ("nl", ("Op welk nummer kunnen we je bereiken?", "0612345678", "Via welk tweede nummer kunnen we je bellen?")),
        # 5: the register or meter after "meter" is part of the value; a fault is no reading
        (
            "en",
            ("What does your meter show for the day rate?", "12345", "What does your meter show for the night rate?"),
        ),
        ("en", ("What does your gas meter show?", "12345", "Thanks. Now the electricity: what does your meter show?")),
        (
            "en",
            (
                "Please enter your meter reading.",
                "12345",
                "What does your meter show? If it shows E3, press the reset button.",
            ),
        ),
        (
            "en",
            (
                "Please enter your meter reading.",
                "12345",
                "What does the display of your thermostat meter show? Is there an error code?",
            ),
        ),
        (
            "nl",
            (
                "Wat staat er op je elektriciteitsmeter bij T1 (normaaltarief)?",
                "12345",
                "Wat staat er op je elektriciteitsmeter bij teruglevering?",
            ),
        ),
        ("nl", ("Wat staat er op je gasmeter?", "12345", "Wat staat er op je meter voor stroom?")),
        ("nl", ("Wat staat er op je gasmeter?", "12345", "Dank je. Nu de stroom: wat staat er op je meter?")),
        # 7: "check your X is correct / against / on ..." is a look at a document
        (
            "en",
            (
                "Please enter your account number.",
                "12345678",
                "Please check your account number is correct on your bank statement.",
            ),
        ),
        (
            "en",
            ("Please enter your account number.", "12345678", "Please check your account number against your bill."),
        ),
        ("en", ("Please enter your postcode.", "BS1 6AA", "Please check your postcode is correct on the letter.")),
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
        # 4: the number to reach you on, asked again in other words
        (
            "en",
            ("What's the best number to reach you on?", "07700 900123", "Which phone number can we reach you at?"),
            "phone",
        ),
        (
            "en",
            ("What's the best number to reach you on?", "I'd rather not say", "What number can we call you on?"),
            "phone",
        ),
        (
            "nl",
            ("Op welk nummer kunnen we je bereiken?", "0612345678", "Op welk nummer ben je bereikbaar?"),
            "telefoon",
        ),
        # 5: the same register or meter, asked again
        (
            "en",
            (
                "What does your meter show for the night rate?",
                "12345",
                "Please enter your meter reading for the night rate.",
            ),
            "night rate",
        ),
        (
            "en",
            ("What does your meter show?", "12345", "Please type the numbers shown on your meter."),
            "meter reading",
        ),
        ("nl", ("Wat staat er op je gasmeter?", "12345", "Wat is je gasmeterstand?"), "gasmeterstand"),
        # 7: checking the number itself asks for it again
        (
            "en",
            ("Please enter your account number.", "12345678", "Could you check your account number?"),
            "account number",
        ),
    ],
)
def test_review_true_repeats(language: str, texts: tuple[str, ...], shown: str) -> None:
    detail = _repeat(texts, language)
    assert detail is not None and shown in detail


def test_a_new_number_sharing_a_group_is_a_new_value() -> None:
    """4: "07700 900456" after "07700 900123" shares the group "07700" (an identifier each),
    but gives a new number: the bot asking again after it starts a new run; the same number
    again keeps the loop."""
    asks = (
        "Hi, how can I help?",
        "change my details",
        "What is your phone number?",
        "07700 900123",
        "I couldn't find that. Could you give me your phone number?",
    )
    new = run(_turns(*asks, "sorry, 07700 900456", "Please enter your phone number.", "07700 900456"))
    assert loop_flag(new) is None
    same = run(_turns(*asks, "07700 900123", "Please enter your phone number.", "07700 900123"))
    assert loop_flag(same) == ("bot repeats", [5, 7])


def _repeat_positions(*texts: str) -> list[int] | None:
    result = run(_turns(*texts))
    return next((f.positions for f in result.messages[-1].flags if f.flag == "bot_repeat"), None)


def test_evidence_names_the_ask_with_the_same_qualifier() -> None:
    """6: a re-ask names the earlier ask of the same qualifier (the second order, the
    recipient), not the first match; a re-ask in the same words still names the first ask."""
    assert _repeat_positions(
        "Hi, how can I help?",
        "two orders are late",
        "Please enter your order number.",
        "123456",
        "Could you check your order number for the second order?",
        "654321",
        "Please double check your order number.",
    ) == [5, 7]
    assert _repeat_positions(
        "Hi, let's send your gift.",
        "ok",
        "What's the best number to reach you on?",
        "0612345678",
        "What is the recipient's phone number?",
        "0698765432",
        "What is the phone number we can call the recipient on?",
    ) == [5, 7]
    assert _repeat_positions(
        "Hi, how can I help?",
        "my refund",
        "What is your account number?",
        "AC1234",
        "Please enter your account number.",
        "AC1234",
        "Could you provide your account number?",
    ) == [3, 7]
    # the recipient's number to call is not the customer's number to reach them on
    assert (
        _repeat_positions(
            "What's the best number to reach you on?",
            "0612345678",
            "What is the phone number we can call the recipient on?",
        )
        is None
    )


def test_the_same_template_for_the_next_item_is_no_loop() -> None:
    """Blind12's false loop, in other words: a return of several items asks "which item ...
    next?" for each; each answer names a new item, which is no value with digits."""
    result = run(
        _turns(
            "Hi! How can I help?",
            "I want to send back 3 things from my last order",
            "Sure! Which product would you like to send back first?",
            "the rain jacket",
            "Got it. Why are you sending it back? 1) Too small 2) Too big 3) Other",
            "2",
            "Thanks. Which product would you like to send back next?",
            "the wool socks",
            "Got it. Why are you sending it back? 1) Too small 2) Too big 3) Other",
            "1",
            "Thanks. Which product would you like to send back next?",
            "the scarf",
        )
    )
    assert loop_flag(result) is None
    result = run(
        _turns(
            "Hi! How can I help?",
            "where is my parcel",
            "Which order is it about?",
            "the one from monday",
            "Sorry, which order is it about?",
            "I told you, monday",
            "Which order is it about?",
        )
    )
    assert loop_flag(result) is not None  # the same ask with no "next" stays a loop
