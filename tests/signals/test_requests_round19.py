"""Requests for a person, round 19 (issue 12): the leftovers of round 18 as families.

- a person of a kind the company employs, asked for by kind with a contact act or the work ("how
  do I speak to a nurse?", "can I talk to an engineer about the fault?", "kan ik een monteur
  spreken?", "ik wil een verpleegkundige spreken", "kan er een apotheker naar kijken?"); not a visit
  asked for ("hoe krijg ik een monteur?"), what would happen ("toen zou er een monteur gebeld
  worden"), a person of that kind already known or someone else's ("the engineer said he'd call
  me", "my doctor told me to call you", "de monteur zei dat hij zou bellen"), one met before ("I
  spoke to a nurse yesterday"), advice asked ("should I speak to a doctor first?", "moet ik eerst
  met een arts praten?") nor the customer's own job ("I'm an engineer myself");
- a public post (an @handle) that opens by asking whether anyone is there nudges the company's people
  ("@ShopCo hello? anybody home? been trying to reach you for 2 days", "@PostNL hallo? iemand thuis?
  al 3 dagen geen antwoord"); in a chat before anyone wrote it stays a greeting ("hi is anyone there.
  my boiler ...": `test_requests_round14`); so does asking whether anyone minds the account ("any
  humans monitoring this account?", "beheert er eigenlijk iemand dit account?").
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, asks_for_person

KINDS = [
    ("en", "how do I speak to a nurse? my son has had a fever since yesterday"),
    ("en", "can I talk to an engineer about the fault on my line?"),
    ("en", "is there a pharmacist I can talk to about my prescription?"),
    ("nl", "kan ik een monteur spreken? mijn meter geeft een foutcode"),
    ("nl", "ik wil graag een verpleegkundige spreken over mijn zoon"),
    ("nl", "kan ik een apotheker spreken over de dosering?"),
    ("nl", "kan er een apotheker naar kijken?"),  # blind18
    ("en", "I need to speak to a pharmacist please"),  # blind18
    # probe 2 (after the first families): a dietitian or physio of a health service
    ("en", "could I talk to a dietitian about my diet plan?"),
    ("nl", "kan ik een fysiotherapeut spreken over mijn knie?"),
]

KINDS_NOT = [
    ("en", "the engineer said he'd call me back before coming"),
    ("en", "my doctor told me to call you about the prescription"),
    ("en", "I spoke to a nurse yesterday and she said to wait"),
    ("en", "should I speak to a doctor first?"),
    ("en", "I'm an engineer myself so I know the router is fine"),
    ("nl", "de monteur zei dat hij zou bellen"),
    ("nl", "ik heb gisteren een monteur gesproken, die zei dat het de meter is"),
    ("nl", "moet ik eerst met een arts praten?"),
    ("nl", "mijn huisarts zegt dat ik jullie moet bellen"),
    ("nl", "Nogmaals: hoe krijg ik een monteur?"),  # a visit asked for (blind15)
    ("nl", "ik heb gisteren ook al gebeld, toen zou er een monteur gebeld worden maar niks gehoord"),  # dev13
    # an appointment booked or a professional to be found: a booking assistant's task (SGD)
    ("en", "Great. Could you make me an appointment with a doctor on that day?"),
    ("en", "Can you find a doctor to check a few things going on with me?"),
    ("en", "can I book an appointment with a dietitian?"),
    ("nl", "kan ik een afspraak maken met een diëtist?"),
]


@pytest.mark.parametrize(("language", "text"), KINDS)
def test_a_person_of_a_kind_asked_for(language: str, text: str) -> None:
    before = "What can I help you with?" if language == "en" else "Waarmee kan ik je helpen?"
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "text"), KINDS_NOT)
def test_a_person_of_a_kind_talked_about_is_no_request(language: str, text: str) -> None:
    before = "What can I help you with?" if language == "en" else "Waarmee kan ik je helpen?"
    assert not asks_for_person(text, language, before)


NUDGES = [
    ("en", "@ShopCo hello? anybody home? been trying to reach you for 2 days"),
    ("en", "@RailCo anyone there?? my train was cancelled and the app says nothing"),
    ("nl", "@PostNL hallo? iemand thuis? al 3 dagen geen antwoord"),
    ("nl", "@KPN is daar iemand? mijn internet ligt er al de hele dag uit"),
    # probe 2: whether anyone minds the account ("any humans monitoring this account?")
    ("en", "@FlyHigh any humans monitoring this account? need to change a name on a booking"),
    ("en", "is anyone actually checking these DMs?"),
    ("nl", "@Bolcom beheert er eigenlijk iemand dit account? al 2 dagen niks gehoord"),
]

NUDGES_NOT = [
    ("en", "hello? anybody home? my boiler is making a noise"),  # a chat's greeting
    ("en", "@ShopCo hello, my order 88123 has not arrived, is anyone home to sign needed?"),
    ("nl", "hallo, is daar iemand? mijn internet ligt eruit"),
    ("nl", "@PostNL is er iemand thuis nodig om het pakket aan te nemen?"),
    ("en", "@Strava is anyone else's watch not syncing since the update?"),
    ("nl", "ik volg dit account al jaren, top service"),
    ("nl", "@Winkel is er iemand anders wiens bestelling vandaag zomaar geannuleerd is?"),  # probe 3
    ("en", "@ShopMart anyone else had their order cancelled without warning today?"),
]


def _flagged(language: str, text: str) -> bool:
    return any(flag.flag == "human_request" for flag in alone(text, language).flags)


@pytest.mark.parametrize(("language", "text"), NUDGES)
def test_a_public_post_that_asks_whether_anyone_is_there_asks_for_people(language: str, text: str) -> None:
    assert _flagged(language, text)


@pytest.mark.parametrize(("language", "text"), NUDGES_NOT)
def test_a_chat_greeting_or_a_question_about_who_must_be_home_asks_for_none(language: str, text: str) -> None:
    assert not _flagged(language, text)
