"""Calm support messages a reviewer found flagged as frustrated (round 7): praise read as sarcasm,
"still trying to" read as impatience, a status question read as rhetorical, grievance wordings
without their target. Each must stay under the flag and without the cue; the frustrated wordings
next to them must keep it."""

from __future__ import annotations

import pytest

from tests.signals.test_frustration import CONFIG, customer

FLAG = CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Great service. Thanks a lot!", "sarcasm"),
        ("Great service. I'll recommend you to my friends.", "sarcasm"),
        ("How nice. Thank you so much for sorting this out.", "sarcasm"),
        ("How helpful. Thanks, that's exactly what I needed.", "sarcasm"),
        ("That was very helpful.", "sarcasm"),
        ("I'm still trying to find the setting, one moment.", "impatience"),
        ("Still trying to log in, give me a sec.", "impatience"),
        ("I still can't remember which email I used for the account.", "impatience"),
        ("No worries, I still can't make it on Friday anyway, so Monday works.", "impatience"),
        ("What's going on with my order? It says pending.", "rhetorical"),
        ("What's up with my refund? Just checking on the status.", "rhetorical"),
        ("You have never let me down, thanks again!", "grievance"),
        ("We have poor service in the basement, is there a signal booster?", "grievance"),
        ("I had a bad experience with my old provider, that's why I'm switching to you.", "grievance"),
        ("I can't get anyone to sign for the parcel during the day, can it go to a pickup point?", "grievance"),
        ("I'm quite disappointed the blue one is sold out, but the black one is fine.", "grievance"),
        ("Your agent Sarah was really helpful last time.", "escalation"),
        ("Sorry for the confusion, I meant the blue one.", "confusion"),
        ("I ordered it two days ago, is it still on its way?", "grievance"),
        ("I moved here two weeks ago, can I update my address?", "impatience"),
        ("I'll be away for 2 weeks, can you pause my deliveries?", "grievance"),
        ("Can I rent the car for 3 days instead of 2?", "grievance"),
    ],
)
def test_calm_message_is_not_flagged(text: str, cue: str) -> None:
    message = customer(text)
    assert cue not in message.features
    assert (message.frustration or 0.0) < FLAG, message.reasons


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Great service. Still waiting for my refund after three weeks.", "sarcasm"),
        ("It still doesn't work. Very helpful.", "sarcasm"),
        ("You really let me down this time.", "grievance"),
        ("Terrible customer service, nobody answers.", "grievance"),
        ("I can't get anyone to answer the phone.", "grievance"),
        ("What's going on with your support? Third time I ask.", "rhetorical"),
        ("I am so confused by these menus.", "confusion"),
        ("Ordered 10 days ago, nothing yet.", "impatience"),
        ("I've been on hold for 40 minutes.", "waiting"),
    ],
)
def test_frustrated_wording_keeps_its_cue(text: str, cue: str) -> None:
    assert cue in customer(text).features
