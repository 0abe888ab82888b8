"""Round 26 (req26): requests for a person or a staffed channel in public posts, and calm look-alikes that fired
before, by families (English and Dutch):

- no longer a request: an e-mail used for something else ("do you have an email confirmation for this?") and a number
  to verify or sign up an account; a question about a past or odd call ("why did someone call me from this number");
  a call the customer makes in an app or on a device ("how do i call someone on facetime", "hoe kan ik iemand bellen
  in het buitenland", a group call "with 10 people on teams"); a shop's staffing at a time or place ("does anyone work
  at your store on sundays"); whom to ask about a thing rather than a problem of the customer's ("Who can I ask about
  the new features?"); a chat between friends in an app ("is er een chat in de app om met vrienden te praten");
- a request now: whether their service or a desk has a channel or people ("Does customer care have email or a phone
  rep that I can speak with?"); why they cannot be called ("waarom kan ik jullie niet bellen?": a why-not, no
  decline); a number with a choice between ("is there a # or a time bracket I can call"); their people asked to reach
  out or get in touch; why nobody answers their line; their number or address not found, or why they have none; a
  number to a person ("I want a number to someone who can fix what you did"); whether anyone monitors this; Dutch:
  "ik kan nergens een telefoonnummer vinden", "waarom wordt de telefoon niet opgenomen?";
- second step: whether anyone will answer ("anyone going to respond?", "someone respond please"), a person put on
  ("put your manager on"), the hours of their staffed line ("does your live chat work on weekends?"); Dutch:
  "waarom reageert niemand?", a case passed up ("kan dit doorgezet worden naar een leidinggevende?"), their chat or WhatsApp ("waar is jullie chat?",
  "hebben jullie whatsapp?", "kan ik jullie ook appen?"); not a review, a shop's hours, a friend's app.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone


def _asks_alone(text: str, language: str = "en") -> bool:
    return any(f.flag == "human_request" for f in alone(text, language).flags)


ASKS = [
    ("en", "@Brand does your live chat work on weekends?"),
    ("en", "@Brand when does the helpline open?"),
    ("en", "@united Does customer care have email or a phone rep that I can speak with?"),
    ("en", "@Brand does your support team have a phone line?"),
    ("en", "@USAirways is there a # or a time bracket I can call to fix this problem?"),
    ("en", "@Brand who can I ask about my refund?"),
    ("en", "@Brand can someone call me please"),
    ("en", "@Brand does anyone work there??"),
    ("en", "@Brand someone please reach out"),
    ("en", "@Brand can you reach out?"),
    ("en", "@Brand need someone to get in touch"),
    ("en", "@Brand have your team get in touch"),
    ("en", "@Brand why is no one answering the phone?"),
    ("en", "@Brand why won't anyone answer the phone"),
    ("en", "@Brand why does nobody pick up?"),
    ("en", "@Brand why can't I get through to anyone?"),
    ("en", "@Brand why can't I find a phone number anywhere"),
    ("en", "@Brand I can't find your email address anywhere"),
    ("en", "@Brand why don't you have live chat?"),
    ("en", "@Brand do you have a whatsapp number?"),
    ("en", "@united I want a number to someone who can fix what you did."),
    ("en", "@Brand i need a number for someone who can actually help"),
    ("en", "@Brand is anyone monitoring this?"),
    ("en", "@Brand can i speak to someone on whatsapp"),
    ("nl", "@Merk waarom kan ik jullie niet bellen?"),
    ("nl", "@Merk heeft de klantenservice ook een e-mailadres?"),
    ("nl", "@Merk ik kan nergens een telefoonnummer vinden"),
    ("nl", "@Merk waarom wordt de telefoon niet opgenomen?"),
    # second step: whether anyone will answer, a person put on, the staffed line's hours
    ("en", "@Brand anyone going to respond?"),
    ("en", "@Brand someone respond please"),
    ("en", "@Brand put your manager on"),
    ("en", "@Brand does your live chat work on weekends?"),
    ("en", "@Brand what are your phone lines' opening hours?"),
    ("nl", "@Merk waarom reageert niemand?"),
    ("nl", "@Merk kan dit doorgezet worden naar een leidinggevende?"),
    ("nl", "@Merk waar is jullie chat?"),
    ("nl", "@Merk hebben jullie whatsapp?"),
    ("nl", "@Merk kan ik jullie ook appen?"),
]

CALM = [
    ("en", "@Brand do you have an email confirmation for this?"),
    ("en", "@Brand i need a phone number to verify my account?"),
    ("en", "@Brand i can't find your email address field in settings"),
    ("en", "@Brand why did someone call me from this number"),
    ("en", "@Brand did someone call me from your company? i missed it"),
    ("en", "@Brand why would someone call me pretending to be you"),
    ("en", "@Brand how do i call someone on facetime"),
    ("en", "@Brand can i facetime someone on my ipad"),
    ("en", "@Brand can i get on a call with 10 people on teams"),
    ("en", "@Brand does anyone work at your store on sundays"),
    ("en", "@Brand does anyone work on christmas day?"),
    ("en", "@Brand Who can I ask about the new features?"),
    ("en", "@Brand is there a chat in the app to talk with friends"),
    ("en", "@Brand does the hotel have a phone number?"),
    ("en", "@Brand someone will reach out to you within 24 hours"),
    ("en", "@Brand did someone reach out to you yet?"),
    ("en", "@Brand can you reach out to the seller for me"),
    ("en", "@Brand i need someone to reach out to my landlord"),
    ("en", "@Brand why is no one answering at my mom's house"),
    ("en", "@Brand why isn't anyone answering my texts lol"),
    ("en", "@Brand i can't find a phone number for the hotel"),
    ("en", "@Brand why can't I find a phone number to verify my account"),
    ("en", "@Brand I can't find an email from you about my order"),
    ("en", "@Brand why don't you have an app for ipad?"),
    ("en", "@Brand would you like someone to get in touch?"),
    ("en", "@Brand can i take a payment over the phone?"),
    ("nl", "@Merk is er een chat in de app om met vrienden te praten"),
    ("nl", "@Merk hoe kan ik iemand bellen in het buitenland"),
    ("nl", "@Merk kan ik iemand bellen via wifi"),
    ("nl", "@Merk hoe kan ik vrienden bellen via whatsapp"),
    ("nl", "@Merk ik wil niet gebeld worden"),
    ("nl", "@Merk jullie hoeven mij niet te bellen"),
    ("nl", "@Merk bel me niet"),
    ("en", "@Brand anyone going to reply to my review?"),
    ("en", "@Brand got an email saying my order shipped?"),
    ("en", "@Brand put your phone on silent"),
    ("en", "@Brand what are the opening hours of the store?"),
    ("en", "@Brand does the restaurant open on sundays?"),
    ("en", "I need the phone number and the address of the hotel"),
    ("nl", "@Merk waarom reageert niemand als ik mijn moeder app?"),
    ("nl", "@Merk waar is jullie winkel?"),
    ("nl", "@Merk heeft het hotel whatsapp?"),
    ("nl", "@Merk mijn pakket kan doorgestuurd worden naar de buren"),
    ("nl", "@Merk waarom reageert de app niet?"),
    # the lead, reading the merged cues: a channel that breaks is no ask for it
    ("en", "@Brand your live chat times out every time I try"),
    ("en", "Your live chat times out constantly, useless"),
    ("en", "@Brand does the live chat work? it keeps crashing"),
]


@pytest.mark.parametrize(("language", "text"), ASKS)
def test_public_families_ask_for_a_person(language: str, text: str) -> None:
    assert _asks_alone(text, language), text


@pytest.mark.parametrize(("language", "text"), CALM)
def test_look_alikes_stay_calm(language: str, text: str) -> None:
    assert not _asks_alone(text, language), text
