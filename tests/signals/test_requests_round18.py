"""Requests for a person, round 18 (issue 12): families from round 17's leftovers and two probe
rounds in the style of public support tweets and chats.

- a tweet's leading handles name the company written to, no third party ("@UPS I need a
  supervisor to look at this", "@PostNL kan iemand mij even bellen");
- a direct message from the company's people ("can someone from your team DM me", "kunnen jullie me
  een DM sturen met een medewerker"; a bare "can you dm me" is none, as the complaint tweets label it); nobody answering the company's phones ("ik krijg niemand aan de lijn", "er
  neemt niemand op", "does anyone actually pick up the phones"); a line of a service open ("is your
  phone banking line open", "is de BelastingTelefoon vandaag open?"); "hoe kom ik in contact met";
  another way to call the company; "customer service team please"; "graag even bellen";
- a bare "A phone number." after the customer's own earlier ask for a person; a detail asked after
  "Our team will reply to your email" (the company's team and the customer's inbox);
- "I'd like to speak to the property manager" (a letting agent's manager, not a venue);
- "A human\\nNow." after a blank line is no signature;
- probe 3: the chat still there ("does your online chat still exist?", "bestaat jullie chat nog?"), "neem
  aub contact op", "chatten met medewerker", the team the bot just named asked by a pronoun ("can they
  contact me directly please?" after "I've passed this to the team."); not praise that people are easy
  to reach ("love that I can talk to a real person in the app");
- probe 4: whether people read or answer here ("does anyone actually respond on here??", "leest hier
  eigenlijk wel iemand mee?"), someone who speaks the customer's language, "I'd like to request a
  call", "wie is de juiste persoon om te mailen", a complaint to a store's manager; not a bare thanks
  to a transfer announced ("ok dank je" to "Een moment, ik verbind je door met een medewerker.");
- probe 5: people working there at all ("any humans working at wizz?", "werken daar ook mensen?"), an
  e-mail address to use, "need to talk to finance" without a subject, "who handles billing then" /
  "wie gaat dan over facturen?" with a bot, "ik moet iemand van de financiële afdeling hebben", "een
  leidinggevende bij wie ik dit kan neerleggen", "ik zeg liever telefonisch op"; not "are there people
  working on the line today?", "who handles my data?";
- probe 6: "thru", "representitive", reaching people said to be impossible ("why is it impossible to
  contact a human at your company?"), the best way to head office, a team's direct number;
- the development sets' leftovers: "mag ik een mailadres waar ik het naartoe kan sturen" (blind17),
  "PHONE. ME." (dev14), "yes please" to "Would you like me to pass your request to them? They reply by
  e-mail within 24 hours." (blind16);
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
    # probe 3: the chat still there, "neem aub contact op"
    ("en", "@Asda does your online chat still exist? can't find it anywhere"),
    ("nl", "@albertheijn bestaat jullie chat nog? kan hem niet meer vinden"),
    ("nl", "@Transavia als iemand van de klantenservice dit leest, neem aub contact op, boeking 44123"),
    # probe 4: whether people answer here, someone who speaks a language, a call requested, the right person
    ("en", "@Lidl_UK does anyone actually respond on here??"),
    ("en", "@Barclays is this account actually monitored by people or just bots?"),
    ("nl", "@KPN leest hier eigenlijk wel iemand mee?"),
    ("nl", "@Jumbo reageert er hier eigenlijk ooit iemand??"),
    ("nl", "@Ziggo wanneer krijg ik eindelijk antwoord van iemand? ticket staat al 9 dagen open"),
    ("nl", "@Lidl_NL wie is de juiste persoon om te mailen over een terugroepactie?"),
    ("nl", "@HEMA ik wil een klacht indienen bij de bedrijfsleider van de winkel in Utrecht"),
    # probe 5: people working there at all, an e-mail address to use, a manager to take it to
    ("en", "@WizzAir any humans working at wizz? need to change a name on a booking and the site won't let me"),
    ("nl", "@Transavia werken daar ook mensen? ik moet een naam wijzigen en de site laat het niet toe"),
    ("en", "@TSB phone line keeps saying 'too many callers'. is there an email I can use?"),
    ("nl", "@Coolblue monteur kwam 2x niet opdagen. is er een leidinggevende bij wie ik dit kan neerleggen?"),
    # probe 6: reaching people said to be impossible, the best way to head office
    ("en", "@Tesco why is it impossible to contact a human at your company?"),
    ("en", "@Halfords whats the best way to get through to head office?"),
    ("nl", "@Kruidvat wat is de beste manier om het hoofdkantoor te bereiken?"),
]

TWEETS_NOT = [
    ("en", "@DHL_UK my DHL driver left it at the wrong house, can the driver call me"),
    ("en", "@BT_UK I had a call with one of your agents yesterday and she sorted everything, thanks Jess!"),
    ("nl", "@KPN gisteren een medewerker aan de lijn gehad, alles is opgelost. top!"),
    ("en", "@SouthernWater your engineer Steve was brilliant this morning, fixed the leak in 20 mins"),
    ("en", "@Tesco I sent you a DM yesterday about my order"),
    # the complaint tweets' labels: a bare DM asked for is no request (the social team answers either way)
    ("en", "can you dm me for why my order got canceled? Thanks"),
    ("en", "Wasnt helpful plz dm me"),
    ("nl", "@ING ik kreeg een telefoontje van iemand die zei dat hij van ING was. is dat echt?"),
    ("en", "@TfL is the Victoria line open today?"),
    ("nl", "@bol ik bel liever met mijn huisarts, graag bellen met de huisarts"),
    # probe 3: praise that people are easy to reach; a hotel's line; someone else to contact
    ("en", "@Monzo love that I can talk to a real person in the app in minutes, every bank should do this"),
    ("nl", "@bunq fijn dat je in de app binnen een paar minuten een echt mens spreekt, zo hoort het"),
    ("en", "@Expedia your hotel in Rome never answers its phone. how do I contact them about a late check in?"),
    ("nl", "ik moest van jullie contact opnemen met de verhuurder. neem contact op met de verhuurder zei de chatbot"),
    ("en", "@Lidl_UK does anyone actually like the new bread? asking for a friend"),
    ("nl", "@HEMA de bedrijfsleider in Utrecht was echt onbeschoft tegen mijn dochter"),
    ("nl", "@Booking wie is de juiste persoon om te bellen bij het hotel over een late check-in?"),
    ("en", "@WizzAir are humans allowed to bring 2 bags or just one? lol your rules are confusing"),
    ("en", "@NetworkRail are there people working on the line today?"),
    ("nl", "@Transavia mogen mensen nou 1 of 2 tassen meenemen? jullie regels zijn verwarrend"),
    ("en", "@Halfords your head office is in Redditch right? sending a letter"),
    ("en", "it's impossible to contact my landlord, can you send the letter to him directly?"),
    ("nl", "@Kruidvat wat is de beste manier om mijn verhuurder te bereiken over de levering?"),
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
    ("nl", "Wat wil je doen?", "chatten met medewerker", True),
    # The people the bot just named, asked by a pronoun; not a courier, nor a notice.
    ("en", "Thanks for your patience, I've passed this to the team.", "can they contact me directly please?", True),
    ("en", "The courier will deliver it tomorrow between 9 and 5.", "can they call me before they come?", False),
    ("en", "Your order is with our warehouse team now.", "can they email me when it ships?", False),
    # blind14: what will happen is no ask
    (
        "en",
        "I'll pass this to a technician colleague who can look into it further.",
        "ok thanks. will they call me or do it here?",
        False,
    ),
    ("en", "How can I help you today?", "do you have someone who speaks Polish?", True),
    ("en", "How can I help you today?", "does the app work in Polish?", False),
    ("en", "Sorry, I didn't get that.", "I'd like to request a call", True),
    ("en", "Can I help with anything else?", "how do I request a call from my GP through your app?", False),
    # probe 5: a department without a subject, "who handles billing then" with a bot, "ik moet iemand van ... hebben"
    (
        "en",
        "I'm here to help with your order.",
        "order's fine, i have a billing dispute. need to talk to finance",
        True,
    ),
    ("en", "How can I help?", "ok. need to talk to my landlord first", False),
    ("en", "Sorry, I can only help with delivery questions.", "ok who handles billing then", True),
    ("en", "I can help with your account.", "who handles my data?", False),
    ("nl", "Sorry, ik kan alleen helpen met vragen over bezorging.", "wie gaat dan over facturen?", True),
    (
        "nl",
        "Ik help je graag met je bestelling.",
        "bestelling is prima, het gaat om de factuur. ik moet iemand van de financiële afdeling hebben",
        True,
    ),
    ("nl", "Hoe kan ik helpen?", "ik moet een persoon toevoegen aan mijn polis", False),
    ("nl", "Je kunt je abonnement opzeggen in de app.", "ik zeg liever telefonisch op, dan heb ik zekerheid", True),
    ("nl", "Hoe kan ik helpen?", "ik betaal liever telefonisch", False),
    # probe 6: "thru" and a misspelt "representative", a team's direct number
    ("en", "I can help with questions about your energy account.", "can u put me thru to sum1 pls", True),
    ("en", "I didn't quite get that.", "representitive", True),
    ("nl", "Is er nog iets?", "ja, mag ik het directe nummer van het hypotheekteam", True),
    # the development sets' leftovers: an e-mail address to send the form to (blind17), a call shouted (dev14),
    # a yes to an offer to pass the request to a team named before, with a sentence after it (blind16)
    (
        "nl",
        "Opzeggen kan bij de balie van je vestiging of via het opzegformulier in de app.",
        "het formulier geeft een foutmelding bij versturen, al 3x geprobeerd. mag ik een mailadres waar ik het naartoe kan sturen",
        True,
    ),
    ("nl", "Je kunt het pakket terugsturen.", "mag ik een adres waar ik het pakket naartoe kan sturen", False),
    ("en", "I'm sorry, I didn't understand.", "PHONE. ME. 07700 900 412. I already gave you the number", True),
    (
        "en",
        "Exchanges are done by our customer team. Would you like me to pass your request to them? They reply by e-mail within 24 hours.",
        "yes please",
        True,
    ),
    (
        "en",
        "Exchanges are done in store. Would you like me to send the store address to you? It is open until 6.",
        "yes please",
        False,
    ),
    # A bare thanks to a transfer announced asks for nobody; to one offered it takes it.
    ("nl", "Een moment, ik verbind je door met een medewerker.", "ok dank je", False),
    ("en", "Please hold while I connect you to an agent.", "ok thanks", False),
    ("nl", "Ik verbind je door met een medewerker, is dat goed?", "ok dank je", True),
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
