"""Round 20 (rev20): calm tweets that the round's tweet-speak frustration cues read as frustrated.

Each wording below is a family the round's new patterns matched on calm text: a security question
("is this a scam?"), an excited wish ("will you ever deliver to Hawaii? would love to order"), a
check ("it should be there by Friday, right?"), a question about a name ("what do you call this
colour?"), praise with a negated loss ("thanks to your amazing staff I never missed my
connection"), a feature that removes something unwanted, loyalty to the company ("I'll fly with
you from now on"), a lost business card, an old card cut up, a hashtag about a season or a Monday,
a plea to share a bake sale, "sorry if this isn't helpful", a suggestion, a joke, "don't bother
calling me back, found it, thanks", sincere "customer service at its finest! Thank you", "not a
waste of money". The sour
wordings the patterns were written for stay frustrated (tests/signals/test_frustration_round20.py).
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone

CALM = [
    "@ShopCoHelp is this a scam? got a text saying I won a voucher",
    "@ShopCoHelp is this a trick question in your quiz? haha",
    "@ShopCoHelp will you ever deliver to Hawaii? would love to order",
    "@CafeCo you gonna finally bring back the pumpkin latte?",
    "@ShopCoHelp it should be there by Friday, right?",
    "@ShopCoHelp the sale should just start at 9am right?",
    "@ShopCoHelp what do you call this colour? I love it",
    "@CafeCo so much for my diet, your new donuts are amazing",
    "@ShopCoHelp well done guys, another record year!",
    "@ShopCoHelp great job, again! thanks for the quick delivery",
    "@AirCo thanks to your amazing staff I never missed my connection!",
    "@AirCo thanks to your great team I didn't have to wait at all",
    "@AppCo great new feature that removes the ads, love it",
    "@AppCo nice update that deletes old messages automatically, so tidy",
    "@ShopCoHelp let's see if you can help me find the perfect gift!",
    "@CafeCo #mondaysucks but at least your coffee is great",
    "@ShopCoHelp I have 3 emails in my inbox about the sale, which code do I use?",
    "@ShopCoHelp sorry if this isn't helpful but your sign on Main St has a typo",
    "@ShopCoHelp should have known better than to doubt you, it arrived a day early!",
    "@AirCo I'll fly with you from now on, best flight ever",
    "@ShopCoHelp so glad I can order from anywhere with your app",
    "@ShopCoHelp I lost my business card at your store, can you check lost and found?",
    "@BankCo my new card arrived, time to cut up the old card!",
    "@CafeCo #goodbyesummer hello pumpkin spice",
    "@ShopCoHelp please share this, our school bake sale is on Saturday!",
    "@AppCo I use your app way too often lol",
    "@CafeCo what a mess I made, spilled my latte everywhere lol",
    "@ShopCoHelp I'm gutted I missed the sale haha, next time!",
    "@ShopCoHelp you could do better on the size chart, just a suggestion, love the jeans",
    "@CafeCo I demand more of your cookies lol",
    "@ShopCoHelp don't bother calling me back, found the answer online, thanks!",
    "@ShopCoHelp customer service at its finest! Thank you Sarah for sorting my order",
    "@AppCo I use your app every single day",
    "@ShopCoHelp yet another email from you lol, I love the newsletter though",
    "@ShopCoHelp your new bags are so cute, definitely not a waste of money!",
]

SOUR = [
    "@TvCoHelp is this a trick? no sports channels in my area this afternoon! why?",
    "@GameCoHelp a headset should be a simple plug in and go, right?",
    "@AirCo thanks to your stellar support I missed my flight",
    "@ShopCoHelp so much for your next-day guarantee",
    "@ShopCoHelp way to go, lost my parcel again",
]


@pytest.mark.parametrize("text", CALM)
def test_calm_tweets_are_not_frustrated(text: str) -> None:
    assert alone(text).frustration < 0.4


@pytest.mark.parametrize("text", SOUR)
def test_the_sour_wordings_stay_frustrated(text: str) -> None:
    assert alone(text).frustration >= 0.4
