"""Requests for a person, round 15 (issue 12): families rather than phrases.

Two probe rounds of customer wordings were written before they were measured (single messages in
benchmarks/eval/human_requests_round15.txt, checked by test_flag_phrasings; replies to an offer
here). The families:

- an offer of a person read as its parts, by a bot or an agent ("Would you like to chat with our
  membership team about it?", "Wilt ge met een medewerker spreken?", "Kan hij u morgen
  terugbellen?"), and a yes that goes on ("yes please, I have a few questions about the
  classes", "ja graag, na 17u");
- the phone as a way of contact ("Mag het ook telefonisch?", "bent u telefonisch bereikbaar?",
  "could we do this on the phone"), the company's number asked bare ("telefoonnummer?????");
- named roles ("the handler", "uw verantwoordelijke", "put me through to accounts").

And the decisions, each with its near misses:

- a bare "someone" asked to act ("I need someone to check it", "Could someone please look at
  X?", "kan iemand dat even narekenen?") is no request: a QA reviewer's "asked for a person" is a
  request to be put in contact with a human. The company's people named ("a real person to look
  at my claim", "someone from your team", "someone on your end") or a contact in the work
  ("someone to explain this to me", "do it for me") still ask;
- the hours of a channel staffed by people ask for it ("When is your helpline open?", "wat
  zijn de openingstijden van de klantenservice?"); a shop's or a branch's hours, or "your
  opening hours" alone, do not;
- a bare "anyone??" right after the bot said a person is on the way nudges a wait and asks for
  nobody new; after anything else it still asks;
- a declined transfer ("no need to pass me to anyone then") and a negated call ("bel me er maar
  niet over") ask for nobody."""

from __future__ import annotations

import pytest

from cxreview.records import ConversationSignals
from tests.signals.dialogue import run

_OPENER = {"en": "How can I help?", "nl": "Waarmee kan ik je helpen?"}


def _run(turns: list[tuple[str, str]], language: str) -> ConversationSignals:
    return run(turns, language)


def _asks(text: str, language: str, before: str | None = None, role: str = "bot") -> bool:
    result = _run([(role, before or _OPENER[language]), ("customer", text)], language)
    return any(flag.flag == "human_request" for flag in result.messages[1].flags)


# (language, the bot's message, the customer's reply, asks for a person): both probe rounds.
OFFERS = [
    ("en", "Would you like me to connect you with one of our advisors?", "yes please", True),  # round A
    ("en", "I can transfer you to a colleague if you'd like?", "yeah go on then", True),  # round A
    ("en", "Shall I arrange a callback from our billing team?", "sure, that works", True),  # round A
    ("en", "Would you like to speak to an agent?", "ok", True),  # round A
    ("en", "Would you like us to call you back?", "yes, a call tomorrow morning would be best", True),  # round A
    ("en", "Do you want me to put you through to our mortgage team?", "please do", True),  # round A
    ("en", "Would you like to talk to a specialist?", "Yes I'd like that", True),  # round A
    (
        "en",
        "I can ask one of our advisers to give you a call. Would that help?",
        "that would be great thanks",
        True,
    ),  # round A
    ("en", "1. Track my order 2. Speak to an advisor 3. Something else", "2", True),  # round A
    (
        "en",
        "I'm sorry, I can't help with that. An advisor can look into this for you. Would you like me to transfer you?",
        "yes!! finally",
        True,
    ),  # round A
    (
        "en",
        "Our team can call you to go through the options. Shall I book that?",
        "yes please, mornings are best",
        True,
    ),  # round A
    ("en", "Is there anything else I can help with?", "yes", False),  # round A
    ("en", "Would you like me to send you a link to reset your password?", "yes please", False),  # round A
    ("en", "Would you like to receive our newsletter?", "yes", False),  # round A
    ("en", "Would you like to speak to an advisor?", "no thanks", False),  # round A
    ("en", "I can transfer you to a colleague if you'd like?", "nah i'm good", False),  # round A
    ("en", "Shall I arrange a callback?", "no, just email me the form", False),  # round A
    ("en", "What's the best number to reach you on?", "07700 900321", False),  # round A
    ("en", "Can I help with anything else?", "no that's all, cheers", False),  # round A
    ("nl", "Zal ik je doorverbinden met een collega?", "ja graag", True),  # round A
    ("nl", "Wil je dat een adviseur je terugbelt?", "ja graag", True),  # round A
    ("nl", "Ik kan een terugbelverzoek voor je aanmaken, wil je dat?", "ja doe maar", True),  # round A
    ("nl", "Wil je met een medewerker chatten?", "graag", True),  # round A
    ("nl", "Wilt u teruggebeld worden?", "ja, liefst vandaag nog", True),  # round A
    ("nl", "Ik kan je in contact brengen met onze specialist. Zal ik dat doen?", "oké is goed", True),  # round A
    ("nl", "Wilt u een medewerker spreken?", "ja hoor, verbind maar door", True),  # round A
    ("nl", "Zal ik je doorzetten naar een medewerker?", "jaaa eindelijk", True),  # round A
    ("nl", "Een collega kan je hier beter mee helpen. Zal ik je doorverbinden?", "ja", True),  # round A
    ("nl", "Ik kan ervoor zorgen dat een collega contact met je opneemt. Wil je dat?", "ja graag", True),  # round A
    (
        "nl",
        "Onze collega's van de klantenservice kunnen je verder helpen. Wil je met hen chatten?",
        "ja prima",
        True,
    ),  # round A
    ("nl", "1. Status bestelling 2. Chat met een medewerker", "2", True),  # round A
    ("nl", "Zal ik je doorverbinden met een collega?", "nee", False),  # round A
    ("nl", "Zal ik je doorverbinden?", "nee laat maar", False),  # round A
    ("nl", "Wil je een medewerker spreken?", "hoeft niet, de chat is prima", False),  # round A
    ("nl", "Wil je een bevestiging per mail?", "ja", False),  # round A
    ("nl", "Wil je dat ik de link nog een keer stuur?", "ja graag", False),  # round A
    ("nl", "Zal ik je pakket laten ophalen?", "graag", False),  # round A
    ("nl", "Kan ik je nog ergens anders mee helpen?", "ja", False),  # round A
    ("nl", "Wil je dat een collega je terugbelt?", "nee, mailen is beter", False),  # round A
    ("en", "Would you like me to arrange for someone from our loans team to call you?", "yes please", True),  # round B
    (
        "en",
        "I can get a specialist to look at this with you over the phone. Would you like that?",
        "ok sure",
        True,
    ),  # round B
    ("en", "Shall I put you through to one of our advisers?", "yes that'd be great", True),  # round B
    ("en", "Do you want me to connect you with our claims team?", "go ahead", True),  # round B
    (
        "en",
        "Would you like a callback from one of our advisors?",
        "Yes, please. Tomorrow after 2pm works for me.",
        True,
    ),  # round B
    ("en", "Would you like to talk to someone from our team?", "please", True),  # round B
    ("en", "I can pass you to a human colleague. Want me to do that?", "yep", True),  # round B
    ("en", "Choose: 1. Pay a bill 2. Report a fault 3. Talk to someone", "3", True),  # round B
    (
        "en",
        "Would you like to arrange an appointment with one of our mortgage advisers?",
        "yes, I'd like that very much",
        True,
    ),  # round B
    ("en", "Would you like me to email you a copy of your bill?", "yes please", False),  # round B
    ("en", "Would you like to add travel insurance?", "yes", False),  # round B
    ("en", "Would you like me to connect you to an agent?", "no thanks", False),  # round B
    ("en", "Shall I arrange a callback?", "nope, all good now", False),  # round B
    ("en", "Would you like to speak to one of our advisors?", "no, I'll just use the app", False),  # round B
    ("en", "I'm transferring you to an agent now.", "Anyone?", False),  # round B
    ("en", "A colleague will call you within 2 hours.", "thanks, I'll wait", False),  # round B
    ("nl", "Zal ik een collega vragen je terug te bellen?", "ja graag", True),  # round B
    ("nl", "Wil je dat ik je doorzet naar de afdeling klantenservice?", "ja", True),  # round B
    ("nl", "Kunnen we je morgen bellen om het door te nemen?", "graag, morgenochtend", True),  # round B
    ("nl", "Ik kan je doorverbinden met een adviseur. Wil je dat?", "prima, doe maar", True),  # round B
    ("nl", "Wil je met een van onze specialisten praten?", "ja alsjeblieft", True),  # round B
    ("nl", "Zal ik een terugbelafspraak voor je inplannen?", "oké", True),  # round B
    ("nl", "Kies: 1. Factuur 2. Storing 3. Medewerker spreken", "3", True),  # round B
    ("nl", "Wilt u dat een collega contact met u opneemt?", "ja hoor, graag zo snel mogelijk", True),  # round B
    ("nl", "Sorry, dat begrijp ik niet.", "iemand???", True),  # round B
    ("nl", "Wil je met een medewerker chatten?", "nee", False),  # round B
    ("nl", "Zal ik je doorverbinden?", "nee dank u", False),  # round B
    ("nl", "Wilt u teruggebeld worden?", "laat maar, het is al opgelost", False),  # round B
    ("nl", "Wil je een kopie van je factuur per mail?", "ja", False),  # round B
    ("nl", "Zal ik de link opnieuw sturen?", "ja graag", False),  # round B
    ("nl", "Wil je de bestelling annuleren?", "ja", False),  # round B
    ("nl", "Een collega belt u binnen 2 uur.", "oké, ik wacht wel", False),  # round B
    ("nl", "Ik verbind u door met een medewerker.", "iemand??", False),  # round B
]


@pytest.mark.parametrize(("language", "bot", "reply", "asks"), OFFERS)
def test_replies_to_an_offer(language: str, bot: str, reply: str, asks: bool) -> None:
    assert _asks(reply, language, bot) is asks


@pytest.mark.parametrize(
    ("language", "agent", "reply", "asks"),
    [
        (
            "nl",
            "Ik leg het voor aan mijn teamverantwoordelijke. Kan hij u morgen terugbellen?",
            "ja graag, na 17u",
            True,
        ),
        (
            "en",
            "I can ask one of our senior advisers to call you tomorrow. Would that help?",
            "yes please, after 3",
            True,
        ),
        (
            "en",
            "I can temporarily enable password login so your team can work. Would that help?",
            "Yes please, this will help a lot",
            False,
        ),
        ("nl", "Wilt ge met een medewerker spreken?", "ja", True),
        ("nl", "Wil je dat ik de factuur opnieuw stuur?", "ja graag", False),
    ],
)
def test_a_yes_to_an_agents_offer_is_read_from_its_cues(language: str, agent: str, reply: str, asks: bool) -> None:
    """An analysis keeps no norm of an agent's message: the offer is read from the system cue
    ``person_offered`` (a yes to "Kan hij u morgen terugbellen?" was missed in blind14)."""
    assert _asks(reply, language, agent, role="agent") is asks


SOMEONE_TO_ACT = [
    ("en", "the AMOUNT is WRONG. I need someone to check it"),
    ("en", "Could someone please look at DR-771204?"),
    ("en", "Is there anyone there who can look at the account properly?"),
    ("en", "can someone look into why my payment failed"),
    ("nl", "kan iemand dat even narekenen?"),
    ("nl", "ik wil iemand die het gewoon oplost"),
    ("nl", "kan iemand nakijken waarom mijn betaling mislukt is?"),
]
A_PERSON_TO_ACT = [
    ("en", "I need a real person to look at my claim"),
    ("en", "I would genuinely like a person to read this."),
    ("en", "can someone on your end just look it up"),
    ("en", "I want someone to explain this to me, not a form"),
    ("en", "can someone just do it for me"),
    ("en", "I'd really like someone to go through the bill with me"),
    ("nl", "kan iemand het gewoon voor me doen"),
    ("nl", "kan iemand van jullie het gewoon even voor me regelen"),
    ("nl", "kan er een mens naar mijn dossier kijken?"),
]


@pytest.mark.parametrize(("language", "text"), SOMEONE_TO_ACT)
def test_a_bare_someone_asked_to_act_asks_for_nobody(language: str, text: str) -> None:
    # Round 16 changed the decision with a bot (test_requests_round16.py): there a bare "someone"
    # asked to act asks for a person; with an agent it still asks that person to act.
    assert not _asks(text, language, role="agent")


@pytest.mark.parametrize(("language", "text"), A_PERSON_TO_ACT)
def test_the_companys_people_or_a_contact_asked_to_act_ask(language: str, text: str) -> None:
    assert _asks(text, language)


@pytest.mark.parametrize(
    ("language", "text", "asks"),
    [
        ("en", "When does your phone line open tomorrow?", True),
        ("en", "what time are your customer service lines open till?", True),
        ("en", "what are the opening hours of your customer service line?", True),
        ("en", "Are your phones manned at weekends?", True),
        ("nl", "wat zijn de openingstijden van de klantenservice?", True),
        ("nl", "Wanneer is de klantenservice telefonisch bereikbaar?", True),
        ("en", "what are your opening hours?", False),
        ("en", "What time does your Manchester branch open?", False),
        ("en", "Is the shop open on Sunday?", False),
        ("nl", "wat zijn jullie openingstijden?", False),
        ("nl", "wat zijn de openingstijden van jullie filiaal in Gent?", False),
        ("nl", "hoe laat gaat de winkel dicht?", False),
    ],
)
def test_the_hours_of_a_channel_with_people_ask_a_shops_do_not(language: str, text: str, asks: bool) -> None:
    assert _asks(text, language) is asks


@pytest.mark.parametrize(
    ("language", "before", "text", "asks"),
    [
        ("en", "Thanks. I'll connect you to a technical advisor.", "anyone??", False),
        ("en", "I've escalated this to our claims team.", "Still waiting. Anyone?", False),
        ("nl", "Ik verbind u door met een medewerker.", "iemand??", False),
        ("en", "Sorry, I didn't get that.", "anyone??", True),
        ("nl", "Sorry, dat begrijp ik niet.", "iemand???", True),
        ("en", "Thanks. I'll connect you to a technical advisor.", "anyone?? I want a human", True),
    ],
)
def test_anyone_after_a_person_was_promised_is_a_wait(language: str, before: str, text: str, asks: bool) -> None:
    assert _asks(text, language, before) is asks


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "great. no need to pass me to anyone then"),
        ("en", "there's no need to transfer me, thanks"),
        ("nl", "d.smit@vosenvink.nl. en bel me er maar niet over, mail is prima"),
        ("nl", "u hoeft me niet te bellen hoor"),
        ("nl", "volgens de winkel moet ik contact opnemen met jullie"),
        ("nl", "gisteren had ik iemand aan de lijn die me afwimpelde"),
        ("en", "Call me old fashioned but I prefer paper bills"),
        ("en", "I'm not a bot, I promise"),
        ("nl", "ik wil de medewerker bedanken voor de hulp"),
        ("en", "can I transfer my contract to someone else?"),
        ("en", "Can I pay my bill over the phone?"),
        ("nl", "kan ik telefonisch betalen?"),
        ("nl", "kan ik de bestelling telefonisch wijzigen? of moet dat online?"),
    ],
)
def test_declines_reports_and_other_senses_ask_for_nobody(language: str, text: str) -> None:
    assert not _asks(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "is it possible to speak to the handler today?"),
        ("en", "Please connect to customer care executive"),
        ("en", "put me through to accounts please"),
        ("en", "I would like this escalated and reviewed by a senior member of staff."),
        ("en", "Alternatively, I would be happy to receive a telephone call on 0161 496 0732."),
        ("en", "sent in DM, tomorrow morning is best for a call"),
        ("en", "could we do this on the phone"),
        ("en", "whats ur number"),
        ("en", "can i speak to sum1 pls"),
        ("nl", "50 van de 260. nee sorry, dan wil ik uw verantwoordelijke spreken"),
        ("nl", "Prima, dank je. Mag het ook telefonisch? Ik ben overdag lastig per mail bereikbaar."),
        ("nl", "telefoonnummer?????"),
        ("nl", "hebben jullie ook gewoon een telefoonnummer waar een mens opneemt?"),
        ("nl", "Zijn er medewerkers beschikbaar?"),
        ("nl", "kunde mij efkes terugbellen"),
        ("nl", "Ik verzoek u vriendelijk mij telefonisch te benaderen."),
        ("nl", "ge moogt mij altijd bellen hoor, 0476 11 22 33"),
    ],
)
def test_the_families_of_this_round(language: str, text: str) -> None:
    assert _asks(text, language)


def test_a_bare_number_asked_after_the_bot_asked_for_the_customers_is_no_request() -> None:
    assert _asks("phone number?", "en")
    assert not _asks("phone number?", "en", "Please enter your phone number or your email address.")


@pytest.mark.parametrize(
    ("language", "text", "asks"),
    [
        # Courtesy and impatience between the ask and the person (blind15, read after its count).
        ("nl", "mag ik alsjeblieft gewoon een medewerker", True),
        ("nl", "mag ik nu eindelijk een mens", True),
        ("nl", "kan ik aub iemand spreken", True),
        ("en", "can I finally speak to a person", True),
        # ... and the same fillers before something else than a person.
        ("nl", "mag ik alsjeblieft een bonnetje?", False),
        ("nl", "mag ik alsjeblieft mijn geld terug", False),
        ("nl", "ik wil alsjeblieft een persoon toevoegen aan mijn polis", False),
        ("en", "can I finally get my refund", False),
    ],
)
def test_fillers_between_the_ask_and_the_person(language: str, text: str, asks: bool) -> None:
    assert _asks(text, language) is asks
