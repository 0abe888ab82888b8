"""Round 13's fresh-eyes review (issue 12): a "yes" to a bot's offer to connect or call back is
a request for a person; a request answered with a number or opening hours is not ignored; the
round's new frustration readings stay quiet on calm uses of their words."""

from __future__ import annotations

import pytest

from cxreview.signals.conversation import ConversationSignals
from cxreview.signals.features import text_features
from tests.signals.dialogue import run


def flags(signals: ConversationSignals, position: int) -> list[str]:
    return [f.flag for f in signals.messages[position - 1].flags]


@pytest.mark.parametrize(
    ("offer", "reply", "language"),
    [
        ("Would you like me to connect you with a colleague?", "yes please", "en"),
        ("Shall I transfer you to a human agent?", "yes please", "en"),
        ("Do you want me to put you through to one of our advisors?", "sure, thanks", "en"),
        ("I can connect you with a colleague. Would you like that?", "yes", "en"),
        ("Want me to hand you over to a person?", "please do", "en"),
        ("Would you like a callback from our team?", "yes please", "en"),
        ("Zal ik een terugbelverzoek voor je inplannen?", "ja graag", "nl"),
        ("Wil je dat een medewerker je terugbelt?", "ja graag", "nl"),
    ],
)
def test_a_yes_to_a_person_offered_asks_for_one(offer: str, reply: str, language: str) -> None:
    assert "human_request" in flags(run([("bot", offer), ("customer", reply)], language), 2)


@pytest.mark.parametrize(
    ("offer", "reply", "language"),
    [
        ("Shall I transfer you to the payment page?", "yes please", "en"),
        ("Would you like me to connect you to our FAQ?", "yes", "en"),
        ("Wil je een nieuwe pas aanvragen?", "ja graag", "nl"),
    ],
)
def test_a_yes_to_something_else_asks_for_nobody(offer: str, reply: str, language: str) -> None:
    assert "human_request" not in flags(run([("bot", offer), ("customer", reply)], language), 2)


def test_a_request_answered_with_opening_hours_or_a_number_is_not_ignored() -> None:
    hours = run(
        [
            ("bot", "How can I help?"),
            ("customer", "what time does customer service open?"),
            ("bot", "Our customer service is open from 8:00 to 20:00 on weekdays."),
            ("customer", "is customer service open on Sunday?"),
            ("bot", "On Sundays our phone lines are open from 10:00 to 16:00."),
            ("customer", "ok thanks"),
        ]
    )
    assert hours.max_ignored_bot_turns == 0 and not hours.stuck_in_bot
    number = run(
        [
            ("bot", "Waarmee kan ik je helpen?"),
            ("customer", "ik wil een medewerker spreken"),
            ("bot", "Je kunt onze klantenservice bellen op 020 123 4567."),
        ],
        "nl",
    )
    assert number.max_ignored_bot_turns == 0
    # A bot that goes on asking still ignores the request.
    asked = run(
        [
            ("bot", "How can I help?"),
            ("customer", "agent please"),
            ("bot", "Can you tell me your order number?"),
            ("customer", "agent!!"),
            ("bot", "Can you tell me your order number?"),
        ]
    )
    assert asked.max_ignored_bot_turns == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ik bestel nooit meer bij die andere winkel, jullie zijn veel beter", "nl"),
        ("ik bestel nooit meer iets anders dan jullie koffie", "nl"),
        ("ik hoef nooit meer naar de winkel nu ik online kan bestellen, fijn!", "nl"),
        ("ik bestel nooit meer bij jullie zonder kortingscode haha, die is echt top", "nl"),
        ("never again will I forget my password, I wrote it down now", "en"),
        ("still not sure which size to pick", "en"),
        ("nog steeds niet zeker welke maat ik moet nemen", "nl"),
        ("mijn hoofdpijn wordt steeds erger dus ik wil de levering verzetten", "nl"),
        ("het weer wordt steeds slechter, kan de bezorger nog komen?", "nl"),
        ("the signal got worse and worse but since your fix it is perfect", "en"),
        ("it's been over 3 weeks and I love the new phone", "en"),
        ("24 hours seriously is all it took? amazing", "en"),
        ("al 3 dagen blij met mijn nieuwe telefoon", "nl"),
        ("what's the point of this chat feature? can I save the transcript?", "en"),
        ("I'd recommend everyone to avoid the 3rd floor entrance, it's closed", "en"),
        ("I'd tell everyone to avoid the express option, standard was just as fast", "en"),
    ],
)
def test_calm_uses_of_the_new_readings_are_not_frustrated(text: str, language: str) -> None:
    cues = text_features(text, language, True).cues
    assert not {"escalation", "grievance", "impatience", "rejection", "rhetorical"} & set(cues)


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("ik bestel nooit meer", "nl", "escalation"),
        ("bestel hier nooit iets, mensen!", "nl", "escalation"),
        ("don't ever order from this company", "en", "escalation"),
        ("I will tell everyone to stay away from you", "en", "escalation"),
        ("Never again. Worst airline ever", "en", "escalation"),
        ("still not working", "en", "impatience"),
        ("nog steeds niet opgelost", "nl", "impatience"),
        ("jullie service wordt steeds slechter", "nl", "grievance"),
    ],
)
def test_the_real_ones_still_read(text: str, language: str, cue: str) -> None:
    assert cue in text_features(text, language, True).cues


@pytest.mark.parametrize(
    ("text", "language", "asks"),
    [
        ("yesterday I asked to speak to a manager", "en", False),
        ("Last week I asked to speak to a manager and he told me to wait", "en", False),
        ("gisteren vroeg ik om een medewerker te spreken", "nl", False),
        ("gisteren heb ik gevraagd om een medewerker", "nl", False),
        # still asking: said again now, or a new ask after the story
        ("I already asked to speak to a manager!", "en", True),
        ("Yesterday I asked for a callback. Can someone call me now?", "en", True),
        ("Gisteren vroeg ik al om een medewerker. Kan iemand mij nu bellen?", "nl", True),
    ],
)
def test_an_ask_told_as_past_is_no_request(text: str, language: str, asks: bool) -> None:
    assert ("human_request" in text_features(text, language, True).cues) is asks


# -- blind13's missed requests, read after counting: general forms with near misses --------


@pytest.mark.parametrize(
    ("text", "language", "asks"),
    [
        ("geef mij nu maar iemand van de technische dienst aub", "nl", True),
        ("heb je een medewerker voor me aub", "nl", True),
        ("kunt ge mij ni gewoon doorschakelen naar iemand van de klantendienst", "nl", True),
        ("kunt u mij doorschakelen naar een collega?", "nl", True),
        ("can a person help me instead", "en", True),
        ("kan een medewerker me even helpen?", "nl", True),
        ("could somebody from your team just change it manually please", "en", True),
        ("kan iemand van jullie dit handmatig checken", "nl", True),
        ("can someone help me", "en", False),
        ("a person helped me last time", "en", False),
        ("I did it manually myself", "en", False),
        ("can I enter the meter reading manually?", "en", False),
        ("heb je een tip voor me?", "nl", False),
        ("hebben jullie een oplader voor me?", "nl", False),
        ("geef mij nu maar de rekening", "nl", False),
        ("kunt u mij doorschakelen naar de betaalpagina?", "nl", False),
    ],
)
def test_requests_from_blind13s_misses(text: str, language: str, asks: bool) -> None:
    assert ("human_request" in text_features(text, language, True).cues) is asks


@pytest.mark.parametrize(
    ("offer", "reply", "language", "asks"),
    [
        ("I'll need to pass you to our billing team. Would you like me to do that?", "yes", "en", True),
        ("Wil je dat ik je nu doorverbind met een fraudespecialist?", "JA", "nl", True),
        ("Ik kan je ook doorzetten naar een medewerker in deze chat.", "doe maar de chat", "nl", True),
        ("I will pass you to our billing team now.", "yes", "en", False),
        ("Shall I pass you the link to our FAQ?", "yes", "en", False),
        ("Wil je dat ik je adres wijzig?", "ja", "nl", False),
    ],
)
def test_offers_from_blind13s_misses(offer: str, reply: str, language: str, asks: bool) -> None:
    assert ("human_request" in flags(run([("bot", offer), ("customer", reply)], language), 2)) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("I'd like to be called back", True),
        ("can I be called back?", True),
        ("could I be contacted by phone?", True),
        ("Let me speak to your boss", True),
        ("Send a human", True),
        ("pls transfer", True),
        ("I want to be called back when it ships", False),
        ("I don't want to be called", False),
        ("transfer the money please", False),
        ("send a photo", False),
        ("my boss will talk to your team", False),
    ],
)
def test_the_reviewers_english_misses(text: str, asks: bool) -> None:
    assert ("human_request" in text_features(text, "en", True).cues) is asks
