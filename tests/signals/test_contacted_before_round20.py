"""Round 20 (req20): a public post that says the customer contacted the company before.

The labelled public support threads (customers tweeting at a brand) count as a repeat every
tweet that says the company was contacted before about this, in the first tweet too: "already
contacted them", "I DM'd you hours ago", "nobody gets back to me", "can't get through on the
phone", "I rang customer care and they said ...", and "I did. No answer." to the agent's ask to
write to them. Not in chats (the blind sets' writers read an opening's earlier contacts as
background), not a step done before, not "just did" / "DM sent" to the ask, not a third party.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run

PUBLIC_CONTACTS = [
    "@RailCoHelp already got in touch 4-5 times this month, every time I'm told it's escalated",
    "@RailCoHelp I already messaged y'all an hour ago, it's all in there",
    "@RailCoHelp I already answered via direct message",
    "@RailCoHelp I DMd hours ago and the app still won't load",
    "@RailCoHelp it's been 3 days since I emailed you and nothing",
    "@RailCoHelp no refund yet. 5th time tweeting you about it",
    "@RailCoHelp so annoyed, nobody will get back to me!!",
    "@RailCoHelp can someone reply to me on my DMs please",
    "@RailCoHelp 12 emails in and I have to keep explaining the same thing",
    "@RailCoHelp trying to book a seat for my bike but can't get through on the phone",
    "@RailCoHelp I rang customer care the day I posted this and they promised a credit. still waiting",
    "@RailCoHelp I went to the ticket office and spoke to a supervisor, she refused to refund",
    "@RailCoHelp and your customer service rep was no help at all",
]

# The agent asks the customer to write to them; the answer says it was done before, to no avail.
DONE_BEFORE = [
    "I did. Nothing back.",
    "I have tried. It won't let me log in to write to you",
    "I already tried that. It failed.",
]

NOT_CONTACTS = [
    # a step done before is no contact (round 18's decision)
    "@RailCoHelp I already restarted the app twice, still crashing",
    # a third party
    "@RailCoHelp I already contacted my bank and they said it's on your side",
    # a past call that tells something else
    "@RailCoHelp one of your staff shouted at me on the platform today",
    # a count that is no contact
    "@RailCoHelp the 8:10 was late 3 times this week",
    # a wait on hold alone (tw19's writer: no repeat)
    "@RailCoHelp been on hold 25 mins now, this is urgent",
    # people answering the door, not the company
    "@ParcelCo driver says nobody answered the door, I was home all day",
]


def _repeat(turns: list[tuple[str, str]]) -> bool:
    return any(f.flag == "customer_repeat" for f in run(turns).messages[-1].flags)


@pytest.mark.parametrize("text", PUBLIC_CONTACTS)
def test_a_public_post_that_says_the_company_was_contacted_before_repeats(text: str) -> None:
    assert _repeat([("customer", text)])


@pytest.mark.parametrize("text", DONE_BEFORE)
def test_done_before_answering_an_ask_to_write_repeats(text: str) -> None:
    turns = [
        ("customer", "@CabCoHelp my driver took the wrong route and charged double"),
        ("agent", "@48213 Sorry about that! Send us a note via the link so our team can connect."),
        ("customer", f"@CabCoHelp {text}"),
    ]
    assert _repeat(turns)


@pytest.mark.parametrize("text", ["Just did", "DM sent", "done, thanks"])
def test_doing_it_now_answering_an_ask_to_write_is_no_repeat(text: str) -> None:
    turns = [
        ("customer", "@CabCoHelp my driver took the wrong route and charged double"),
        ("agent", "@48213 Sorry about that! Send us a DM with your email so we can follow up."),
        ("customer", f"@CabCoHelp {text}"),
    ]
    assert not _repeat(turns)


def test_done_before_answering_a_step_is_no_repeat() -> None:
    turns = [
        ("customer", "@StreamCoHelp the app keeps freezing on my tv"),
        ("agent", "@48213 Sorry! Could you try reinstalling the app? /KB"),
        ("customer", "@StreamCoHelp I did. No luck."),
    ]
    assert not _repeat(turns)


@pytest.mark.parametrize("text", NOT_CONTACTS)
def test_no_contact_with_the_company_is_no_repeat(text: str) -> None:
    assert not _repeat([("customer", text)])


def test_an_earlier_contact_opening_a_chat_stays_background() -> None:
    assert not _repeat([("customer", "Hi, I already emailed you an hour ago about my refund")])


MORE_CONTACTS = [
    # ".@Brand" opening a tweet is a handle too (Twitter's way of making a reply public)
    ".@RailCoHelp your phone line tells me to ring back before 6pm... it's 3pm!",
    "@AirCoSupport how long until my voucher is processed? I replied to the email on 25/10",
    "@FoodCoHelp you answer everyone else within minutes but have not responded to me. I email support and never get a reply",
]


@pytest.mark.parametrize("text", MORE_CONTACTS)
def test_more_ways_of_saying_the_company_was_contacted_before(text: str) -> None:
    assert _repeat([("customer", text)])


def test_tried_and_not_allowed_answering_an_ask_to_write_repeats() -> None:
    turns = [
        ("customer", "@ShopCoHelp charged for a membership I can't cancel"),
        ("agent", "@48213 Please reach us via phone or chat here: https://t.co/abc ^KP"),
        ("customer", "@ShopCoHelp I have tried. It's not allowing me into my account at all"),
    ]
    assert _repeat(turns)


@pytest.mark.parametrize(
    "text",
    [
        "Once again @FlyCo you set the bar for what flying should be",
        "@RailCoHelp thanks, I only just mentioned it because I have a ticket for that train, that's all",
    ],
)
def test_praise_once_again_and_a_mention_explained_are_no_repeat(text: str) -> None:
    assert not _repeat(
        [
            ("customer", "@RailCoHelp is the 7:10 still running next month?"),
            ("agent", "@1 Yes it is! ^JT"),
            ("customer", text),
        ]
    )


def test_a_clarification_for_the_agent_in_a_public_thread_is_no_repeat() -> None:
    turns = [
        ("customer", "@MarketCoHelp why did you remove the option to add a photo to your phone from the computer?"),
        ("agent", "@48213 Was this option in the Sell form, or somewhere else? ^K"),
        (
            "customer",
            "@MarketCoHelp It was an option when you sold from your computer. You clicked send to phone. It's gone",
        ),
    ]
    assert not _repeat(turns)


# The helper's probe after tuning (req20, round 20) and tw19: an earlier tweet named, a channel
# line counted, nobody picking up, and a contact done before with its time.
PROBE_CONTACTS = [
    "@BoxCoCare the reference is in my tweet above",
    "@BoxCoCare order number is in my first tweet, but fine",
    "@AirCoHelp called your customer line four times this week, nobody picks up",
]


@pytest.mark.parametrize("text", PROBE_CONTACTS)
def test_an_earlier_tweet_named_or_a_line_that_nobody_answers(text: str) -> None:
    turns = [
        ("customer", "@BoxCoCare still no refund for the order I sent back"),
        ("agent", "@48213 Sorry! Could you DM us the order number? ^AV"),
        ("customer", text),
    ]
    assert _repeat(turns)


def test_a_review_requested_before_with_its_time_repeats() -> None:
    turns = [
        ("customer", "@RideCoHelp the driver never came and I was still charged a fee"),
        ("agent", "@48213 Sorry! Please go to Help in the app and request a review of the fee ^SW"),
        ("customer", "@RideCoHelp did that two days ago. only got a canned answer"),
    ]
    assert _repeat(turns)


def test_a_step_done_with_its_time_is_no_repeat() -> None:
    turns = [
        ("customer", "@RideCoHelp the app shows the wrong pickup point"),
        ("agent", "@48213 Sorry! Could you update the app and restart your phone? ^SW"),
        ("customer", "@RideCoHelp did that yesterday, still wrong"),
    ]
    assert not _repeat(turns)
