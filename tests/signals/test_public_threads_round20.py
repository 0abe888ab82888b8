"""Round 20 (req20): public support threads, where customers tweet at a brand and agents reply.

Every tweet of a thread names the same @handles (the brand's, and in anonymised exports the
customer's and others' as numbers: "@48213"). A handle names whom the tweet is written to, not
what it says: read as a word or an order number it made each tweet "say again" the one before,
and a number given again. The order number the customer really gives again is still a repeat.
"""

from __future__ import annotations

from tests.signals.dialogue import run


def _flags(turns: list[tuple[str, str]], flag: str) -> list[int]:
    return [m.position for m in run(turns).messages if any(f.flag == flag for f in m.flags)]


def test_numeric_handles_named_again_are_no_number_given_again() -> None:
    turns = [
        ("customer", "@48213 @ShopHelp my parcel came with a cracked screen protector"),
        ("customer", "@48213 also the charger is missing from the box"),
        ("agent", "@77120 Sorry to hear that! Which store sent it? ^AB"),
        ("customer", "@48213 @ShopHelp it was the one in the high street, not online"),
    ]
    assert _flags(turns, "customer_repeat") == []


def test_brand_handle_named_in_every_tweet_is_no_content_said_again() -> None:
    turns = [
        ("customer", "@FlyAirHelp can you check the waiting list for tomorrow's flight to Denver?"),
        ("agent", "@90211 You are on the upgrade list for that flight. *KL"),
        ("customer", "@FlyAirHelp @FlyAirHelp sure, I'll look later"),
        ("agent", "@90211 Great, let us know. *KL"),
        ("customer", "@FlyAirHelp ok thanks FlyAirHelp"),
    ]
    assert _flags(turns, "customer_repeat") == []


def test_an_order_number_given_again_in_a_public_thread_still_repeats() -> None:
    turns = [
        ("customer", "@ShopHelp order 88412093 never arrived"),
        ("agent", "@48213 Sorry! Can you DM us the details? ^AB"),
        ("customer", "@ShopHelp I told you, it's 88412093. check it"),
    ]
    assert _flags(turns, "customer_repeat") == [3]


def test_a_want_told_as_a_fact_before_is_no_ask_again() -> None:
    # Without the handles the tweet opens with its turn-down, which asks again only what an
    # earlier message asked for; the lost case was told as a fact.
    turns = [
        ("customer", "@SkyLineHelp suitcase was NOT on the flight again. day 3 in the same shirt"),
        ("agent", "@48213 So sorry. Keep receipts for essentials and you can claim them back. ^JT"),
        (
            "customer",
            "@SkyLineHelp i dont want to claim for socks, i want my suitcase. is there a manager i can speak to?",
        ),
    ]
    assert _flags(turns, "customer_repeat") == []


def test_a_want_asked_before_and_turned_down_for_is_asked_again() -> None:
    turns = [
        ("customer", "@GymCoHelp can I freeze my membership for two months?"),
        ("agent", "@48213 You can cancel it online at any time under My Account. ^JT"),
        ("customer", "@GymCoHelp I don't want to cancel, I want to freeze my membership"),
    ]
    assert _flags(turns, "customer_repeat") == [3]
