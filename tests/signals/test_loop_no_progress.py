"""Round 15: the "no progress" loop rule (`signals/stuck_loop.py`). The bot comes back to the
same thing in mixed shapes (a menu again, the same link or place in the app in other words, a
fallback prompt, an answer in other words) while the customer's reply to each gets nowhere; and
the near misses where the customer progresses: a new option from a menu shown again, the next
question answered with the same link, a corrected date read back, the next search result, a
handover after the customer asked for a person, a thank-you."""

from __future__ import annotations

import pytest

from tests.signals.test_loops import loop_flag, run

Turns = list[tuple[str, str]]
B, C, A = "bot", "customer", "agent"

LOOPS: dict[str, tuple[str, Turns]] = {
    "the same place in the app in other words": (
        "en",
        [
            (B, "Welcome to Northvolt Energy! What would you like to do?"),
            (C, "I want to dispute my last bill, it's £412 and I'm normally around £90"),
            (
                B,
                "I can help with your bill! To view your latest bill, log in to My Northvolt and go to Billing > Statements.",
            ),
            (C, "I know where the bill is. I'm saying the amount is wrong"),
            (B, "No problem. Your bill is available in My Northvolt under Billing > Statements. Anything else?"),
            (C, "the AMOUNT is WRONG. I need someone to check it"),
            (B, "You can find all your statements in My Northvolt, under Billing > Statements."),
            (C, "this is useless"),
        ],
    ),
    "the same link, the customer says it does not work": (
        "en",
        [
            (B, "Hi, I'm Max from Greenbank. How can I help?"),
            (C, "my card got blocked abroad and I need it working today"),
            (B, "For card questions, visit greenbank.com/cards"),
            (C, "I'm asking you, not a website"),
            (B, "You'll find all information about your card at greenbank.com/cards"),
            (C, "the website doesn't tell me how to unblock it"),
            (B, "Everything about cards is explained on greenbank.com/cards. Can I help with anything else?"),
            (C, "useless"),
        ],
    ),
    "a menu and its question again, the customer says so": (
        "nl",
        [
            (B, "Welkom bij Telvia. Kies een onderwerp:\n1. Factuur\n2. Storing\n3. Abonnement wijzigen\n4. Overig"),
            (C, "2"),
            (B, "Heb je een storing in je internet, tv of bellen?"),
            (C, "internet en tv allebei al sinds gisteravond"),
            (B, "Heb je je modem al opnieuw opgestart? Haal de stekker er 30 seconden uit en doe hem er weer in."),
            (C, "ja al 3x gedaan"),
            (B, "Heb je een storing in je internet, tv of bellen?"),
            (C, "internet EN tv. zei ik net al"),
            (B, "Heb je je modem al opnieuw opgestart? Haal de stekker er 30 seconden uit en doe hem er weer in."),
            (C, "jaaaa. drie keer. kunnen jullie niet gewoon een monteur sturen"),
            (B, "Heb je een storing in je internet, tv of bellen?"),
            (C, "ik word hier echt gek van. mag ik iemand aan de lijn"),
        ],
    ),
    "the wrong answer in other words, then the customer leaves": (
        "nl",
        [
            (B, "Hoi, ik ben Remy van SpoorNL. Waarmee kan ik helpen?"),
            (C, "mijn trein is gisteren uitgevallen, ik wil mijn geld terug"),
            (B, "Je kunt geld terug bij vertraging aanvragen via spoornl.nl/geldterug."),
            (C, "heb ik geprobeerd, het formulier zegt dat mijn kaartje niet geldig is"),
            (B, "Geld terug bij vertraging vraag je aan met het formulier op spoornl.nl/geldterug."),
            (C, "HET FORMULIER WERKT NIET voor mijn kaartje. daarom ben ik hier"),
            (B, "Vraag je geld terug aan via spoornl.nl/geldterug"),
            (C, "jezus"),
        ],
    ),
    "a fallback prompt again and again": (
        "en",
        [
            (B, "Hi! I'm Zed, Pixelphone's assistant. How can I help?"),
            (C, "I want to return my phone, the screen flickers"),
            (B, "I can help with that! Could you tell me a bit more about what you'd like to do?"),
            (C, "RETURN the phone. screen flickers"),
            (B, "Happy to help! Could you tell me a bit more about what you'd like to do?"),
            (C, "I literally just told you. return"),
            (B, "Sure! What would you like to do today?"),
            (C, "I give up"),
        ],
    ),
    "a menu shown again, the customer says they go round in circles": (
        "en",
        [
            (B, "Welcome to Crestline Bank. Reply with a number:\n1 Balance\n2 Cards\n3 Payments\n4 Other"),
            (C, "i need to dispute a payment i didnt make"),
            (B, "Please reply with a number:\n1 Balance\n2 Cards\n3 Payments\n4 Other"),
            (C, "2"),
            (B, "Cards:\n1 Freeze card\n2 Order a new card\n3 Back to main menu"),
            (C, "3"),
            (B, "Welcome to Crestline Bank. Reply with a number:\n1 Balance\n2 Cards\n3 Payments\n4 Other"),
            (C, "4"),
            (B, "Other:\n1 Opening hours\n2 Back to main menu"),
            (C, "2"),
            (B, "Welcome to Crestline Bank. Reply with a number:\n1 Balance\n2 Cards\n3 Payments\n4 Other"),
            (C, "I've been going round this menu for 10 minutes"),
        ],
    ),
}


@pytest.mark.parametrize("name", LOOPS)
def test_the_bot_coming_back_while_the_customer_gets_nowhere_is_a_loop(name: str) -> None:
    language, turns = LOOPS[name]
    result = run(turns, language=language)
    flag = next(f for f in result.flags if f.flag == "bot_loop")
    assert flag.positions, flag
    bot_positions = {position for position, (role, _) in enumerate(turns, start=1) if role == B}
    assert set(flag.positions) <= bot_positions  # the evidence is the bot turns that came back


NOT_LOOPS: dict[str, tuple[str, Turns]] = {
    "the same link for each next question": (
        "en",
        [
            (B, "Hello! How can I help?"),
            (C, "I want to return my jacket"),
            (B, "You can start a return at shop.com/returns. You'll get a label by email."),
            (C, "ok and the jeans too?"),
            (B, "Yes, the jeans can be returned the same way at shop.com/returns."),
            (C, "and the belt?"),
            (B, "The belt too: start the return at shop.com/returns."),
            (C, "great thanks!"),
        ],
    ),
    "the same place in the app for each next question": (
        "nl",
        [
            (B, "Hoi, ik ben Eva. Waarmee kan ik helpen?"),
            (C, "hoe geef ik mijn meterstand door?"),
            (B, "Je meterstand geef je door in de app onder Account > Meterstanden."),
            (C, "dank je. en waar zie ik mijn laatste factuur?"),
            (B, "Je facturen staan in de app onder Account > Facturen."),
            (C, "en kan ik mijn betaaldatum wijzigen?"),
            (B, "Ja, je betaaldatum wijzig je in de app onder Account > Betalingen."),
            (C, "top, bedankt"),
        ],
    ),
    "a menu shown again, a new option each time": (
        "nl",
        [
            (B, "Welkom bij KabelPlus. Kies: 1. Factuur 2. Storing 3. Verhuizen 4. Anders"),
            (C, "1"),
            (B, "Je laatste factuur is € 32,50. Kies: 1. Factuur 2. Storing 3. Verhuizen 4. Anders"),
            (C, "3"),
            (B, "Verhuizen geef je door op kabelplus.nl/verhuizen. Kies: 1. Factuur 2. Storing 3. Verhuizen 4. Anders"),
            (C, "2"),
            (B, "Er zijn geen storingen bij jou in de buurt. Kies: 1. Factuur 2. Storing 3. Verhuizen 4. Anders"),
            (C, "dat was het, bedankt"),
        ],
    ),
    "a corrected date read back each time": (
        "en",
        [
            (B, "Please confirm your delivery date: Friday 12 March?"),
            (C, "No, the 13th please"),
            (B, "Please confirm your delivery date: Saturday 13 March?"),
            (C, "sorry, actually the 15th"),
            (B, "Please confirm your delivery date: Monday 15 March?"),
            (C, "yes"),
        ],
    ),
    "the next search result, each in the same words": (
        "en",
        [
            (C, "Can you find me a bus to Washington on the 6th?"),
            (B, "Search found 8 results for you. A bus with 0 stops departs at 8:10 am and costs $36."),
            (C, "Can you find something else?"),
            (B, "Search revealed 7 results. A bus with 0 stops departs at 8:20 am and costs $39."),
            (C, "No, something cheaper"),
            (B, "Search revealed 7 results. A bus with 1 stop departs at 9:40 am and costs $29."),
            (C, "That works for me."),
        ],
    ),
    "the same answer again, then a handover after the customer asks for a person": (
        "en",
        [
            (B, "Hi! I'm Loxi. Ask me anything about your order."),
            (C, "where is my order, was meant to come tuesday"),
            (B, "What's your order number?"),
            (C, "LX-558120"),
            (B, "Hmm, I couldn't find an order with that number. Could you double-check it and enter it again?"),
            (C, "LX-558120"),
            (B, "Sorry, I still can't find that order. You can check the status of your orders under My Account."),
            (C, "can someone on your end just look it up for me"),
            (B, "Of course. I'm handing you over to a member of our customer care team now."),
            (A, "Hi, this is Hannah. Found it, it arrives Monday."),
        ],
    ),
    "the next gift idea after each no": (
        "nl",
        [
            (B, "Hoi! Waarmee kan ik helpen?"),
            (C, "ik zoek een cadeau voor mijn vader, hij vist graag"),
            (B, "Wat dacht je van een viskist? Die hebben we voor € 25."),
            (C, "die heeft hij al"),
            (B, "Wat dacht je van een vissershoed? Die hebben we voor € 15."),
            (C, "hmm hij draagt geen hoeden"),
            (B, "Wat dacht je van een klapstoel voor aan de waterkant? Die kost € 30."),
            (C, "oh die is goed, doe maar"),
        ],
    ),
    "a step on another device each time": (
        "en",
        [
            (B, "Hi, how can I help?"),
            (C, "my show is missing"),
            (B, "Please sign out of the app on your phone and sign back in."),
            (C, "done, still not there"),
            (B, "Please sign out of the app on your TV and sign back in."),
            (C, "done, still not there"),
            (B, "Please sign out of the app on your tablet and sign back in."),
            (C, "done, still not there"),
        ],
    ),
}


@pytest.mark.parametrize("name", NOT_LOOPS)
def test_a_customer_who_progresses_is_in_no_loop(name: str) -> None:
    language, turns = NOT_LOOPS[name]
    assert loop_flag(run(turns, language=language)) is None


def test_the_detail_names_each_turn_that_came_back_and_each_reply() -> None:
    language, turns = LOOPS["the same link, the customer says it does not work"]
    flag = next(f for f in run(turns, language=language).flags if f.flag == "bot_loop")
    assert flag.rule in ("no progress", "same answer")
    assert "message 5" in flag.detail and "message 7" in flag.detail


def test_alike_remembered_by_all_it_reads() -> None:
    """`stuck_loop._alike` is remembered per pair keyed by the features `_alike_now` reads
    (`ALIKE_READS`; of the cues only "failure" and "uncertainty"): taking every other feature,
    or the other cues, from another text never changes its answer (the test fails when
    `_alike_now` starts reading something the key leaves out)."""
    import random

    from cxreview.signals.features import message_features
    from cxreview.signals.stuck_loop import ALIKE_READS, _alike_now

    texts = [
        "Your parcel is in transit and will arrive soon.",
        "Your parcel PP88 is in transit and should arrive soon.",
        "Your parcel is not in transit yet and will not arrive soon.",
        "Sorry, I didn't understand. Your parcel is in transit and will arrive soon.",
        "I'm not sure, but your parcel is in transit and will arrive soon!",
        "You can change your address in Mijn Account under Settings.",
        "You can change your delivery address in My Account under Settings.",
        "A bus departs at 8:10 am for $36 and arrives at 9:40 am.",
        "A bus departs at 8:20 am for $39 and arrives at 9:50 am.",
        "The film Annihilation is showing at the Odeon tonight at 8 pm.",
        "The film Winchester is showing at the Odeon tonight at 8 pm.",
        "Please restart your router and wait two minutes before trying again.",
        "Please RESTART your router and wait 2 minutes before trying again!!",
        "Je pakket is onderweg en wordt morgen bezorgd.",
        "Je pakket is nog niet onderweg en wordt niet morgen bezorgd.",
        "Is your parcel in transit? It will arrive soon.",
        "Thanks for waiting! Your parcel is in transit and will arrive soon, sorry for the delay.",
        "Great news!!! Your parcel is in transit and will arrive soon. Anything else I can help with?",
    ]
    features = [message_features("bot", text, language) for text in texts for language in ("en", "nl")]
    rng = random.Random(19)
    alike = 0
    for _ in range(3000):
        a, b, donor = rng.choice(features), rng.choice(features), rng.choice(features)
        expected = _alike_now(a, b)
        alike += expected
        others = {name: getattr(donor, name) for name in a._fields if name not in ALIKE_READS}
        assert _alike_now(a._replace(**others), b) == expected, (a.norm, b.norm, donor.norm)
        kept = {cue: words for cue, words in a.cues.items() if cue in ("failure", "uncertainty")}
        cues = {cue: words for cue, words in donor.cues.items() if cue not in ("failure", "uncertainty")}
        assert _alike_now(a._replace(cues={**cues, **kept}), b) == expected, (a.norm, b.norm, donor.norm)
    assert 100 < alike < 2900  # both answers are tested
