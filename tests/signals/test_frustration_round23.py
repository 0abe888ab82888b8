"""Frustration cues of round 23, from real public support tweets (spot22 dev, twcs21 and twcs20 dev;
benchmarks/frustration_crossfit.py): a wait or a fault counted in years (`duration`), a why-question
that blames the company (`rhetorical`), the customer saying they pay (`paid_for`) and the service or
a decision judged bad (`contempt`); each with the words a supervisor sees, and the calm wordings near
them that must not fire; then a step done many times already (`impatience`), something taken away
by the company or a scripted reply named (`grievance`) and the company said not to care (`contempt`). The wordings are paraphrases written for these tests, not the tweets' own.
No new feature: the families join cues the model weighs already."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features

FAMILIES = ("duration", "rhetorical", "paid_for", "contempt", "impatience", "grievance")


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        # duration: years
        ("@Music the thread is 5 years and counting", "duration", "5 years and counting"),
        ("@Music people have asked for this since 2015. Nothing changed", "duration", "since 000"),
        ("@Music i joined 2 years ago and still its not in my country", "duration", "2 years ago and still"),
        ("@Music it's been over a year and the limit is still there", "duration", "been over a year"),
        (
            "@Airline I've flown with you for the past ten years and this is how you treat me",
            "duration",
            "for the past ten years",
        ),
        ("@Music people have been asking for years", "duration", "for years"),
        ("@Music that post is 3 years old and still no fix", "duration", "years old and still"),
        ("@Music hopefully you launch here soon, been waiting yeaars", "duration", "yeaars"),
        # rhetorical: a why-question that blames the company or asks why the customer must bear it
        ("@Music Why did you remove it???", "rhetorical", "Why did you remove it?"),
        ("@Music why would you take that away?", "rhetorical", "why would you take that away?"),
        (
            "@Airline why did they cancel my flight without telling me?",
            "rhetorical",
            "why did they cancel my flight without telling me?",
        ),
        ("@Bank why can't you have a phone line?", "rhetorical", "why can't you have a phone line?"),
        ("@Music Why am I paying for this if it doesn't work", "rhetorical", "Why am I paying"),
        ("@Music Vote? Why do I have to vote.", "rhetorical", "Why do I have to"),
        ("@Cable Why should I pay $171 per month?", "rhetorical", "Why should I pay"),
        # paid_for: the customer says they pay
        ("@Music I literally pay for this and it keeps crashing", "paid_for", "I literally pay for this"),
        ("@Music I pay $15/month for a family plan.", "paid_for", "I pay $15"),
        ("@Telco as a paying customer I expect better", "paid_for", "as a paying customer"),
        ("@Music nothing for those of us who pay monthly", "paid_for", "who pay monthly"),
        ("@Telco you ignore your paying customers", "paid_for", "paying customers"),
        # contempt: the service, a decision or the situation judged bad
        ("@Music Terrible decision. But thanks anyway", "contempt", "Terrible decision"),
        ("@Music bad policy, I can no longer pay for it", "contempt", "bad policy"),
        ("@Courier Worst service out there", "contempt", "Worst service"),
        ("@Music well that's pretty lame, I just imported my library", "contempt", "that's pretty lame"),
        ("@Bank cuts out every 20 minutes this is ridiculous", "contempt", "this is ridiculous"),
        # contempt: the company said not to care
        ("@Music They don't care and neither do you", "contempt", "They don't care"),
        ("@Music it's been weeks. Do you really care?", "contempt", "Do you really care"),
        ("@Cable no resolution all day #cabledoesntcare", "contempt", "cabledoesntcare"),
        ("@Music pretend like you care then take my money", "contempt", "pretend like you care"),
        # impatience: a step done many times already
        (
            "@Music I have done that numerous times before. It happens regardless.",
            "impatience",
            "done that numerous times",
        ),
        ("@Music I've already restarted numerous times today", "impatience", "restarted numerous times"),
        ("@Music it's happened like three times now", "impatience", "happened like three times now"),
        ("@Music Been there, done that. Any other ideas?", "impatience", "Been there, done that"),
        ("@Music Of course I did. Then another ad came on", "impatience", "Of course I did"),
        # grievance: something taken away, a scripted reply
        ("@Music you guys just took it away this morning", "grievance", "you guys just took"),
        ("@Music you have removed so many songs lately", "grievance", "you have removed"),
        ("@Phones Why did you get rid of the feature to add photos?", "grievance", "Why did you get rid"),
        ("@Music Same bogus reply again", "grievance", "bogus reply"),
        ("@Music you jumped straight into stock answer mode", "grievance", "stock answer"),
        ("@Music You sound like a bot, you know?", "grievance", "sound like a bot"),
    ],
)
def test_each_family_is_read_with_its_words(text: str, cue: str, words: str) -> None:
    assert text_features(text, "en").cues.get(cue) == words


@pytest.mark.parametrize(
    "text",
    [
        # rev23: a removal thanked for, a charge taken away, a why-question out of curiosity
        "@Bank you removed the charge, thanks!",
        "@Bank you guys removed the late fee, much appreciated",
        "@Music why did you change the logo? just curious",
        "@Airline why do you board by groups? genuinely asking",
        # years that are an age, a film's or song's time, experience or a plain fact
        "I saw it years ago, it was good",
        "Is that song from seven years ago?",
        "Can you find me a song from four years back?",
        "My mother is 84 years old and the form won't take her birth date",
        "I have 3 years experience with another courier",
        "Any good thrillers from a few years ago?",
        # a suggestion, or why the company needs a detail
        "Why don't you try Saturday instead?",
        "Why don't you recommend one of the hotels?",
        "Why do you need my date of birth?",
        "why would you want to scare yourself with a horror film?",
        # how or whether to pay, a thing paid for
        "Can I pay for the taxi with Visa?",
        "How do I pay for my reservations?",
        "I paid for an airport transfer, it's not in my booking",
        "I'll pay your bill tomorrow",
        "Is this offer for paying customers too?",
        # a bad experience told to find another, a sad film
        "I've had a bad experience at the Gold Wok. Is there another restaurant in the north?",
        "That's a shame. Thank you though.",
        "It's so sad, but I loved it",
        # the customer's own "don't care" (any will do), a film not cared for
        "I don't care about the area.",
        "I really don't care, you choose",
        "I didn't really care for that movie",
        # a plain yes, a care taken, asking if it is a bot
        "Of course I have",
        "I can't log in, it says my password is wrong but I reset it 2 times",
        "restarted it several times and now it works",
        "We have poor service in the basement, is there a signal booster?",
        # rev23: phone signal in other words than "poor"
        "We get bad service in the basement, is there a signal booster?",
        "We get awful service in the kitchen, any tips?",
        "I kind of been there done that kind of thing.",
        "You guys took care of it for me yesterday, thanks",
        "No, you have taken care of everything. Thank you.",
        "are you a bot? lol",
        "is this a bot or a real person",
    ],
)
def test_near_misses_fire_none_of_the_round23_families(text: str) -> None:
    cues = text_features(text, "en").cues
    assert not set(FAMILIES) & set(cues), cues
