"""Round 21 (rep21): more families of a public post that says the company was contacted before.

Measured on the real labelled support tweets (twcs21 and twcs20 dev; LABELS.md): a wait on hold
or on the phone told with its length, a call or message to the company's line, store or
service, what customer service said, contacts counted ("4 tweets and no response"), no answer
to an earlier contact yet ("haven't heard from you", "still no response"), the earlier message
named ("reply to my DM", "check the message above"), and a message sent before ("I sent you a
DM about ...") when the agent did not just ask for one. Dutch equivalents of each family.
The wordings below are invented, each a general way of saying it; false friends stay 0.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import run


def _repeat(turns: list[tuple[str, str]]) -> bool:
    return any(f.flag == "customer_repeat" for f in run(turns).messages[-1].flags)


def _first(text: str) -> bool:
    return _repeat([("customer", text)])


ON_HOLD = [
    "@TelcoHelp I was on hold for 52 minutes and nobody could tell me anything",
    "@TelcoHelp ive been on hold for ages, is your phone line even staffed?",
    "@BankCoHelp after 35 min of being on hold I gave up",
    "@BankCoHelp an hour on the phone and still no fix",
    "@AirCoHelp your call centre keeps you on hold for hours, shameful",
    "@AirCoHelp called help number, 20 min hold, then cut off",
]

CALLED_THE_LINE = [
    "@PizzaCoHelp called the store twice, no answer. what now?",
    "@PowerCoHelp Customer services did not answer the phone all evening",
    "@PowerCoHelp no help by calling, so trying here",
    "@CardCoHelp been trying to call you for the past few hours, it just hangs up",
    "@CabCoHelp after contacting you about my account it was closed again",
    "@ParcelCoHelp just got off the phone with a rep and we still can't get it rerouted",
    "@PhoneCoHelp i talked to you guys last night and you said it was fixed",
    "@NetCoHelp the associate I spoke with said a technician would come",
    "@FoodCoHelp Can't reach cust service to report this",
]

SERVICE_SAID = [
    "@PhoneCoHelp roaming does not work here according to your customer service? really?",
    "@PhoneCoHelp the ad says it's valid until Friday but support is claiming it ended",
    "@NetCoHelp getting conflicting answers from customer support, which is it?",
]

COUNTED = [
    "@CabCoHelp 4 tweets and no response. ridiculous",
    "@GameCoHelp HELP IVE TWEETED U LIKE 10 TIMES",
    "@NetCoHelp over 10 calls a month to get a charge removed",
    "@FlyCoHelp 3rd call to you today about the same booking",
    "@NetCoHelp i wouldn't have to be tweeting you so much if it worked",
    "@CabCoHelp sent in a few messages in the app already",
    "@ShopCoHelp I've emailed support twice and nothing",
    "@ShopCoHelp called your customer line 3 times today",
    "@ShopCoHelp I asked you this before, where is my refund?",
    "@TelcoHelp every time I call they hang up on me",
    "@TelcoHelp why are you ignoring my DMs?",
    "@TelcoHelp spent an hour on live chat and got nowhere",
    "@TelcoHelp the chat agent told me it was sorted, it isn't",
]

NO_ANSWER_YET = [
    "@FlyCoHelp I did that days ago but haven't heard from you",
    "Still no response from @HotelCoHelp about my double booking",
    "@PayCoHelp sent my passport copy a week ago and you still remain silent",
    "@FlyCoHelp they said they'd call me back in 15 minutes but never did",
    "@FlyCoHelp it takes about a week for a reply, unbelievable",
    "@ShopCoHelp still waiting for a reply to my email",
    "@AirCoHelp I've spent weeks chasing this refund, please sort it",
    "@ShopCoHelp it was already escalated twice and nothing happened",
    "@CabCoHelp replied to you 2 hours ago...",
]

EARLIER_MESSAGE = [
    "@GameCoHelp hello please reply to my DM",
    "@FlyCoHelp can you reply on the DM thread?",
    "@MarketCoHelp kindly check the above message",
]

SENT_FIRST = [
    "@FlyCoHelp I sent you guys a DM about my refund, thanks in advance",
    "@PayCoHelp I've sent a dm about a charge, could you get back to me?",
    "@GameCoHelp I sent a question. Can you answer?",
    "@MapCoHelp I've submitted 6 updates for my shop and nothing changed",
]

DUTCH = [
    "@TelcoNL ik hang al 40 minuten in de wacht, belachelijk",
    "@TelcoNL ik heb de klantenservice al drie keer gebeld en niemand weet iets",
    "@TelcoNL volgens de klantenservice is het opgelost, maar niets werkt",
    "@TelcoNL nog steeds geen reactie op mijn mail van maandag",
    "@TelcoNL dit is mijn derde tweet hierover",
    "@TelcoNL zie mijn vorige tweet, het nummer staat erin",
    "@TelcoNL waarom negeren jullie mijn berichten?",
    "@TelcoNL elke keer als ik bel wordt de verbinding verbroken",
]


@pytest.mark.parametrize("text", ON_HOLD + CALLED_THE_LINE + SERVICE_SAID + COUNTED + NO_ANSWER_YET)
def test_an_earlier_contact_told_in_a_public_post_repeats(text: str) -> None:
    assert _first(text)


@pytest.mark.parametrize("text", EARLIER_MESSAGE + SENT_FIRST)
def test_an_earlier_message_named_or_sent_repeats(text: str) -> None:
    assert _first(text)


@pytest.mark.parametrize("text", DUTCH)
def test_dutch_earlier_contacts_repeat(text: str) -> None:
    turns = [("customer", "@TelcoNL mijn internet ligt er al twee dagen uit"), ("agent", "@1 Wat vervelend! ^AB")]
    assert any(f.flag == "customer_repeat" for f in run([*turns, ("customer", text)], "nl").messages[-1].flags)


# False friends: a hold, a count, a "still" or "again", a sending or a call that is no contact
# of the customer's with the company (tw20/21 labellers: 0).
FALSE_FRIENDS = [
    "@CabCoHelp why did my account get put on hold??",
    "@ShopCoHelp my order has been on hold for 3 days, why?",
    "@NetCoHelp internet down again. 7th time this month",
    "@FlyCoHelp the 8:10 was late 3 times this week",
    "@AppCoHelp the app still doesn't work after the update",
    "@StreamCoHelp once again you set the bar, love the new show",
    "@ShopCoHelp can you stop sending 5 emails a day",
    "@PhoneCoHelp my phone keeps dropping calls",
    "@ShopCoHelp who should I contact about my points?",
    "@ShopCoHelp I will contact customer services if it doesn't arrive",
    "@PhoneCoHelp is there a support phone number?",
    "@InsureCoHelp been trying to call my bank all day about this charge",
    "@GameCoHelp the game is still not responding after 2 hours",
    "@FlyCoHelp your gate agent was rude to me yesterday",
    "@TelcoHelp last time I called my mum the line dropped twice",
    "@BankCoHelp I went into my branch and was told it's not possible",
    "@AppCoHelp I tap the button and still no response from the app",
    "@AppCoHelp waiting for a response from the server for ages, is it down?",
    "@ShopCoHelp I'd like an answer from your customer service about the warranty",
    "@AppCoHelp I submitted the form and the page crashed",
    "@ShopCoHelp can this be escalated please?",
]


@pytest.mark.parametrize("text", FALSE_FRIENDS)
def test_false_friends_are_no_repeat(text: str) -> None:
    assert not _first(text)


def test_praise_of_the_call_is_no_repeat() -> None:
    assert not _first(
        "@PhoneCoCares just got off the phone with a rep, one of the best customer service experiences ever!"
    )


@pytest.mark.parametrize(
    "text", ["I DM'ed you", "I sent you a DM with my booking number, thanks!", "I submitted a request."]
)
def test_a_message_sent_to_the_agents_ask_answers_it(text: str) -> None:
    turns = [
        ("customer", "@CabCoHelp I was charged twice for one ride"),
        ("agent", "@48213 Sorry! Please write to us here: https://t.co/abc so we can look into it ^B"),
        ("customer", f"@CabCoHelp {text}"),
    ]
    assert not _repeat(turns)


@pytest.mark.parametrize(
    "text",
    [
        "@TelcoNL ik heb de router al drie keer opnieuw opgestart",
        "@TelcoNL mijn bestelling staat nog in de wachtrij, klopt dat?",
        "@TelcoNL wat is het nummer van de klantenservice?",
    ],
)
def test_dutch_false_friends_are_no_repeat(text: str) -> None:
    assert not any(f.flag == "customer_repeat" for f in run([("customer", text)], "nl").messages[-1].flags)


def test_a_message_sent_after_any_reply_answers_it() -> None:
    turns = [
        ("customer", "@CabCoHelp problem with my last ride"),
        ("agent", "@48213 Hi there, sorry to hear that! What happened? ^B"),
        ("customer", "@CabCoHelp I sent you a DM with the details"),
    ]
    assert not _repeat(turns)
