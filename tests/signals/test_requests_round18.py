"""Requests for a person, round 18 (issue 12): families from round 17's leftovers and two probe
rounds in the style of public support tweets and chats.

- a tweet's leading handles name the company written to, no third party ("@UPS I need a
  supervisor to look at this", "@PostNL kan iemand mij even bellen");
- a direct message asked for ("can someone from your team DM me", "kunnen jullie me een DM sturen
  met een medewerker"); nobody answering the company's phones ("ik krijg niemand aan de lijn", "er
  neemt niemand op", "does anyone actually pick up the phones"); a line of a service open ("is your
  phone banking line open", "is de BelastingTelefoon vandaag open?"); "hoe kom ik in contact met";
  another way to call the company; "customer service team please"; "graag even bellen";
- a bare "A phone number." after the customer's own earlier ask for a person; a detail asked after
  "Our team will reply to your email" (the company's team and the customer's inbox);
- "I'd like to speak to the property manager" (a letting agent's manager, not a venue);
- "A human\\nNow." after a blank line is no signature;
- not: "who can cancel it?" after "Only the account holder can cancel ...", "Customer service." to
  "Who did you speak to?", a thanks to an offer on a condition ("If it hasn't arrived by Friday, I
  can put you through to a colleague."), "We're moving to another city" as a threat to leave.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import asks_for_person, run

TWEETS = [
    ("en", "@UPS I need a supervisor to look at this, driver marked it delivered and it wasn't"),
    ("nl", "@PostNL kan iemand mij even bellen over pakket 3SABC123? staat al 5 dagen stil"),
    ("en", "@British_Airways can someone from your team DM me please, I've been on hold for 2 hours"),
    ("nl", "@ING kunnen jullie me een DM sturen met een medewerker? het gaat om fraude"),
    ("nl", "@VodafoneNL ik krijg niemand aan de lijn, 45 minuten in de wacht."),
    ("nl", "@Jumbo hallo, waarom neemt er niemand op bij de klantenservice?"),
    ("en", "@EE does anyone actually pick up the phones there?"),
    ("en", "@NatWest_Help is your phone banking line open on bank holidays?"),
    ("nl", "@Belastingdienst is de BelastingTelefoon vandaag open?"),
    ("nl", "@HEMA hoe kom ik in contact met jullie klantenservice? kan nergens een nummer vinden"),
    ("nl", "@Eneco is er ook een manier om jullie te bellen? kan nergens een nummer vinden op de site"),
    ("nl", "@Greenchoice graag even bellen over mijn jaarnota, nummer staat in mijn profiel"),
    ("en", "@Boots_UK do you guys have a customer care email? I want to send photos of a damaged delivery"),
    ("en", "@Plusnet what are the opening times for your phone support this weekend?"),
    ("nl", "@ANWB wat is het nummer van de pechhulp? sta langs de A2"),
]

TWEETS_NOT = [
    ("en", "@DHL_UK my DHL driver left it at the wrong house, can the driver call me"),
    ("en", "@BT_UK I had a call with one of your agents yesterday and she sorted everything, thanks Jess!"),
    ("nl", "@KPN gisteren een medewerker aan de lijn gehad, alles is opgelost. top!"),
    ("en", "@SouthernWater your engineer Steve was brilliant this morning, fixed the leak in 20 mins"),
    ("en", "@Tesco I sent you a DM yesterday about my order"),
    ("nl", "@ING ik kreeg een telefoontje van iemand die zei dat hij van ING was. is dat echt?"),
    ("en", "@TfL is the Victoria line open today?"),
    ("nl", "@bol ik bel liever met mijn huisarts, graag bellen met de huisarts"),
]


def _asks(language: str, text: str) -> bool:
    return any(flag.flag == "human_request" for flag in run([("customer", text)], language).messages[-1].flags)


@pytest.mark.parametrize(("language", "text"), TWEETS)
def test_a_tweet_asks_for_the_company_s_people(language: str, text: str) -> None:
    assert _asks(language, text)


@pytest.mark.parametrize(("language", "text"), TWEETS_NOT)
def test_a_tweet_about_people_asks_for_none(language: str, text: str) -> None:
    assert not _asks(language, text)


IN_CONTEXT = [
    ("en", "Sorry, I didn't understand that. Could you rephrase?", "customer service team please", True),
    (
        "en",
        "Our team will reply to your email within 5 working days.",
        "5 days is too long, can I phone instead? what's the number",
        True,
    ),
    ("en", "An engineer can come in 5 working days.", "I'd like to speak to the property manager", True),
    ("en", "Have you tried restarting your router?", "yes, five times\n\nA human\nNow.", True),
    ("en", "Anything else I can help with?", "Yes. Put me in touch with whoever handles refunds.", True),
    ("en", "Only the account holder can cancel the subscription.", "who can cancel it?", False),
    ("en", "Sorry, I can't cancel subscriptions here.", "ok then who can?", True),
    ("en", "Who did you speak to?", "Customer service.", False),
    ("nl", "Met wie heb je toen gesproken?", "Klantenservice.", False),
    ("en", "I'm sorry to hear that. What can I do for you?", "Customer service.", True),
    ("en", "How can I help?", "Great service yesterday.\n\nTom Baker\nAccount Manager", False),
    ("en", "Please enter the code we sent to your phone.", "the number?", False),
    # A thanks to an offer on a condition takes nothing now; "if you'd like" still offers.
    (
        "en",
        "Your refund was sent on Monday. If it hasn't arrived by Friday, I can put you through to a colleague.",
        "great, thanks!",
        False,
    ),
    (
        "nl",
        "Mocht het vrijdag nog niet binnen zijn, dan kan ik je doorverbinden met een collega.",
        "top, dank je!",
        False,
    ),
    ("en", "I can put you through to a colleague who can check this.", "great, thanks!", True),
    ("en", "If you'd like, I can put you through to a colleague.", "yes please", True),
    ("nl", "Als je wilt, kan ik je doorverbinden met een collega.", "ja graag", True),
]


@pytest.mark.parametrize(("language", "before", "text", "expected"), IN_CONTEXT)
def test_a_request_read_in_context(language: str, before: str, text: str, expected: bool) -> None:
    assert asks_for_person(text, language, before) is expected


def test_a_bare_phone_number_after_the_customer_s_own_ask_asks_again() -> None:
    turns = [
        ("bot", "Hi! How can I help?"),
        ("customer", "This is very frustrating. Is there a phone number where I can speak with a person?"),
        ("bot", "You can add extra baggage in Manage My Booking. Would you like the link?"),
        ("customer", "Please. A phone number."),
    ]
    assert any(flag.flag == "human_request" for flag in run(turns).messages[-1].flags)
    turns[1] = ("customer", "I need to pay my bill")
    assert not any(flag.flag == "human_request" for flag in run(turns).messages[-1].flags)


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("We're moving to another city", False),
        ("thinking of moving to another country", False),
        ("I'm moving to another provider", True),
    ],
)
def test_a_move_to_another_place_is_no_threat_to_leave(text: str, threat: bool) -> None:
    message = run([("bot", "Hi! How can I help?"), ("customer", text)]).messages[-1]
    assert ("escalation" in message.cues) is threat
