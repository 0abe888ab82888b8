"""Round 23 (rep23): customer_repeat on real public tweets and chatbot messages.

Measured on twcs20 dev, twcs21, spot22 dev and rsics22 dev (LABELS.md). Public posts that say the
company was contacted or asked before, in more families: already DM'd you (anywhere in the post),
another DM sent, asked about it before, reported a few times, nothing heard back, nobody
responding, an open ticket or thread already, tired of telling you, a bare follow-up ("Any update on
this?"). False firings removed: a message sent with no sign of a wait (spot22 holds no replies of the
brand: "I've sent you a DM" answers an ask to write), praise of how the contact went, the customer's
own mailbox ("check my email"), a site that keeps asking, an event counted ("it happened again, this
is the second time"), "once again you are slow"; in a chat's opening, a step on a website ("I
already entered my promo code") and "Again the website won't load". The wordings below are invented, each a general way
of saying it; the calm look-alikes stay 0.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run


def _first(text: str, language: str = "en") -> bool:
    return any(f.flag == "customer_repeat" for f in run([("customer", text)], language).messages[-1].flags)


CONTACTED = [
    "@MusicCoHelp i've got the same issue. Already DM'd you...",
    "@MusicCoHelp ive already messaged pls reply",
    "@MusicCoHelp Thanks. Already responded.",
    "@MusicCoHelp sent another DM about this last night, still the same",
    "@MusicCoHelp this has been going on for ages. I've asked about it before.",
    "@MusicCoHelp I have reported the wrong artist page several times and nothing changed",
    "@MusicCoHelp filled in the help form and have heard nothing. Worried about my account",
    "@MusicCoHelp I replied to that email but I've had nothing back yet",
    "@MusicCoHelp nobody on support has been responding to my emails",
    "@MusicCoHelp it would help if you replied to my messages",
    "@MusicCoHelp I already have a ticket open with you, can someone reply?",
    "@MusicCoHelp I'm tired of telling you the same thing",
    "@MusicCoHelp last time I asked I was told to wait a week",
    "@MusicCoHelp Any update on this?",
    "@MusicCoHelp hi again, any news?",
    "@MusicCoHelp it's been two weeks, any update?",
    "@MusicCoHelp I sent you an email last week and nothing happened yet",
    "@BankCoHelp can I still get my money back? when I filed a claim I was told it was too late",
    # what the company's people did or keep saying, on hold again, customer service again
    "@NetCoHelp I was reporting the outage but you kept asking me to restart the router",
    "@GameCoHelp all my saves are gone because your CS rep didn't know what she was doing",
    "@ShopCoHelp been in three queues and now on hold again",
    "@ShopCoHelp I'm not calling customer service again, they never help",
    # the customer's own words put again first, everyone else answered, already in contact
    "@MusicCoHelp I'm asking when!!",
    "@MusicCoHelp okay wait, I was saying that the songs cut off halfway",
    "@MusicCoHelp That wasn't my question.",
    "@MusicCoHelp you reply to everyone else but not me",
    "@MusicCoHelp no worries, already been in contact with support",
    # still waiting to hear back, following up, on hold a number of times, two channels tried
    "@BankCoHelp still waiting to hear back from your team",
    "@BankCoHelp following up on my previous tweet",
    "@BankCoHelp just following up on this",
    "@BankCoHelp been on hold 3 times today",
    "@BankCoHelp I have emailed and called, nothing",
]


@pytest.mark.parametrize("text", CONTACTED)
def test_an_earlier_contact_told_in_a_public_post_repeats(text: str) -> None:
    assert _first(text)


CALM = [
    # a message sent now, answering an ask to write that the thread does not show
    "@MusicCoHelp I've sent you a DM",
    "@MusicCoHelp I DMed you the screenshots.",
    "@MusicCoHelp still having problems after the update, sigh. I DMed you screenshots.",
    "@MusicCoHelp I've sent you a message, check your inbox",
    "@MusicCoHelp I just sent it",
    "@MusicCoHelp it started working 10 minutes after I tweeted you",
    # praise of the contact
    "@MusicCoHelp I contacted support already and I'm very satisfied with how you handled it",
    "@MusicCoHelp thanks for the quick reply! I already chatted with an agent and he was able to solve it. Good service!",
    # no contact said
    "@MusicCoHelp any updates on the new feature for android?",
    "@MusicCoHelp I'm tired of the ads",
    "@MusicCoHelp I've heard nothing about the new album, when is it out?",
    "@MusicCoHelp I haven't replied to my email from you yet, is the offer still valid?",
    "@MusicCoHelp once again you are being slow",
    "@MusicCoHelp it crashed again, this is the second time. I followed all the steps",
    "@MusicCoHelp I listen 3-4 times a week",
    "@MusicCoHelp thanks again!",
    "@NetCoHelp can I talk to your customer service rep about my bill?",
    "@NetCoHelp your customer service reps are super nice but the app is awful",
    "@NetCoHelp the app keeps telling me to update",
    "@NetCoHelp my order is on hold, why?",
    "@MusicCoHelp I'm asking for a friend, does premium work offline?",
    "@MusicCoHelp I am saying goodbye to you after 5 years",
    "@MusicCoHelp I said to my wife this playlist is perfect",
    "@MusicCoHelp is this playlist available to everyone else?",
    "@MusicCoHelp waiting to hear about the new feature",
    "@MusicCoHelp following up on the new album release, when is it out?",
    "@MusicCoHelp I was on the phone twice with my mum and the call dropped",
    # a bare "again" first in a public post counts an event
    "@NetCoHelp Again",
    "@MusicCoHelp Again, shows albums saved but not downloaded",
]


def test_again_after_an_outage_told_counts_the_event() -> None:
    turns = [
        ("customer", "@NetCoHelp internet down since this morning"),
        ("agent", "@1 Sorry about that! Is it still down? ^KB"),
        ("customer", "@NetCoHelp Again"),
    ]
    assert not any(f.flag == "customer_repeat" for f in run(turns).messages[-1].flags)


@pytest.mark.parametrize("text", CALM)
def test_calm_look_alikes_are_no_repeat(text: str) -> None:
    assert not _first(text)


# Chatbot messages (rsics22): the customer's own mailbox, a site that asks again.
@pytest.mark.parametrize(
    "text",
    [
        "Want to check my email, but it shows a blank page. How do I get my email?",
        "whenever I try to check my email I get looped back to the sign-in page",
        "I can't access my e-mail. Keeps asking for me to sign-in and I do sign in!",
        "I just sent it",
        # an opening: typing or entering was done on the website, "again" counts an event
        "I have already entered my promo code and it did not apply",
        "I already typed in my membership number but it says invalid",
        "Again the website won't load",
        "once again the page is down",
        "I was asked again to enter my pin",
        "why does my modem keep asking for a password",
        "I keep asking myself why I pay for this",
    ],
)
def test_chatbot_look_alikes_are_no_repeat(text: str) -> None:
    assert not _first(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please check my previous email",
        "check my dms",
        "he keeps asking the same thing",
        "LK21 XRT, I just sent it",
        "Again, I don't have a reservation yet.",
        "Once again: I want my money back",
        "@MusicCoHelp Again, I asked for a refund not a voucher",
        "I've typed it twice now",
    ],
)
def test_an_earlier_message_named_still_repeats(text: str) -> None:
    assert _first(text)


# Chatbot messages (rsics22): contacts counted or repeated in other words.
@pytest.mark.parametrize(
    "text",
    [
        "I need to complain again! who do I talk to?",
        "your reps keep telling me it's a problem with the system but it never gets fixed",
        "I have talked with 6 or 7 experts over the last week and each one says something else",
        "I have been calling the station for two days and get a busy signal",
    ],
)
def test_contacts_counted_in_a_chatbot_message_repeat(text: str) -> None:
    assert _first(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've been calling my mum for days and she doesn't pick up",
        "my kids keep telling me to upgrade, what does it cost?",
        "I need to call my bank again about the card",
    ],
)
def test_counted_contacts_with_someone_else_are_no_repeat(text: str) -> None:
    assert not _first(text)


# rev23: the event "again" is the cue's own words first in the message; a message that opens
# with "More ..." or with "Again ..." and tells a repeat later keeps it.
@pytest.mark.parametrize(
    "text",
    [
        "@MusicCoHelp More than a week now. I have told you this three times already",
        "@MusicCoHelp more and more songs vanish, I have told you this three times already",
    ],
)
def test_a_repeat_after_an_opening_more_still_repeats(text: str) -> None:
    assert _first(text)


# rev23: look-alikes of round 23's contacted_before families: a plain question opened with "I am
# asking if", two channels tried with someone else, a door nobody answers, the company's marketing.
@pytest.mark.parametrize(
    "text",
    [
        "@ShopCoHelp I am asking if you ship to Canada",
        "@ShopCoHelp I'm asking whether the card works abroad",
        "@ShopCoHelp I emailed and called my bank, they say the charge is yours",
        "@ShopCoHelp no one has been answering the door when the courier comes",
        "@ShopCoHelp you keep sending me discount codes I can't use",
    ],
)
def test_round23_contact_look_alikes_are_no_repeat(text: str) -> None:
    assert not _first(text)


# rev23: a message sent answers an ask to write when the only "wait" after it is the ask itself
# ("since you asked") or the customer's own offer ("I can answer ...").
@pytest.mark.parametrize(
    "text",
    [
        "@ShopCoHelp I sent you a DM since you asked",
        "@ShopCoHelp I sent you a DM, I can answer any questions there",
    ],
)
def test_a_message_sent_without_a_wait_is_no_repeat(text: str) -> None:
    assert not _first(text)
