"""Requests for a person, round 17 (issue 12): families from blind16's misses and a probe round.

- a channel's address or number asked bare ("wat is het adres", "nummer?", "the number to call?")
  asks for a person when the message or the bot's message before it names a channel with people,
  or the ask is a call the customer will make or a complaint; a venue's, the customer's own or a
  third party's number, and a bill sent by post, do not;
- a way of contact picked by name ("phone", "call back is better for me", "terugbellen is beter")
  to a bot that offered the company's people or asked which way the customer prefers; an offer
  said last as what the bot can do ("I can also connect you with a colleague in chat right now.")
  taken by a yes;
- with a bot, "who can?" after it could not ("ok then who can?", "wie kan dat dan wel?"); not
  "who can sign for it", "who can see my data";
- phrasings: "escalate please", a department asked to call ("laat de schadeafdeling me maar even
  bellen"), the case passed to someone of the company, when a line staffed by people is open,
  contact details of a team, "Klantenservice. Nu.";
- false flags fixed: "Mensen." sighed, "ik wil dat iemand dit weet", "ik heb gisteren iemand aan
  de lijn gehad en die zei ...", "Adviseur?" asked back about a word the bot used, a signature's
  job title ("Tom Baker\nAccount Manager") as a request or an escalation;
- a second block from the second probe round: "a human would be good", a callback asked bare with
  a number, which department handles it, "who does then", "wie dan wel", a pick naming the person
  offered and the call ("the specialist call");
- a third block from a third probe round: an offer to pass the customer's details to a team named
  before ("Would you like me to pass your details to them?"), a department's address or a line's
  number, the direct number of whoever handles the case, "is de lijn nu open?", "te pakken krijgen".
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import OPENING, asks_for_person, run

DETAIL_ASKS = [
    (
        "nl",
        "Je kunt je vraag ook per mail stellen.",
        "kan ik dit per mail naar jullie klantenservice sturen? wat is het adres",
    ),
    ("nl", "Je kunt schade melden via het formulier.", "laat maar, ik bel de schadelijn wel. nummer?"),
    ("nl", "Wij zijn bereikbaar van ma-vr 9-17.", "ok en op welk nummer dan?"),
    ("nl", "Dat heb ik niet begrepen.", "naar welk mailadres kan ik mijn klacht sturen?"),
    ("en", "You can report a leak using the online form.", "the form won't load. what number do I ring for leaks?"),
    ("en", "Our customer service team is available from 8am to 6pm.", "ok, and the number to call in those hours?"),
    ("en", "I can't change that here.", "fine, I'll phone your helpline. the number?"),
]

DETAIL_NOT = [
    ("en", "Benissimo Restaurant & Bar is located in Corte Madera.", "What's the phone number?"),
    ("en", "Please confirm: an appointment for March 7th at 4:15 pm.", "Yes sounds great. What's the phone number?"),
    ("en", "You can call the venue directly to check parking.", "what's their number?"),
    ("en", "Your parcel is at the pickup point.", "what's the address?"),
    ("en", "Which number should our team call you on?", "which number?"),
    ("nl", "U kunt de rekening opsturen via de app of per post.", "Per post graag, naar welk adres"),
    ("nl", "Je pakket ligt bij het afhaalpunt.", "wat is het adres?"),
    ("nl", "Op welk nummer kunnen we je bellen?", "welk nummer?"),
]


@pytest.mark.parametrize(("language", "before", "text"), DETAIL_ASKS)
def test_a_channels_detail_asked_bare_in_contextasks_for_person(language: str, before: str, text: str) -> None:
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), DETAIL_NOT)
def test_a_venues_own_or_postal_detail_asks_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)


CHANNEL_PICKS = [
    ("en", "Our advisors are available by chat or phone. Which do you prefer?", "phone"),
    ("en", "Would you like to chat with an adviser or get a call back?", "call back is better for me"),
    (
        "en",
        "You can call our desk on 0300 555 0142. I can also connect you with a colleague in chat right now.",
        "chat is fine, yes please",
    ),
    ("nl", "Onze adviseurs zijn bereikbaar via chat of telefoon. Wat heeft je voorkeur?", "telefonisch"),
    ("nl", "Wil je chatten met een adviseur of teruggebeld worden?", "terugbellen is beter"),
    ("nl", "Ik kan je ook direct doorverbinden met een collega.", "ja graag"),
]

CHANNEL_NOT = [
    ("en", "Would you like a reminder by text or email?", "text please"),
    ("en", "I can send the invoice to your email address. Shall I do that?", "yes please"),
    ("en", "We can deliver on Tuesday or Thursday. Which do you prefer?", "Thursday please"),
    ("nl", "Wil je de bon per mail of per post?", "per post graag"),
    ("nl", "Ik kan je op de wachtlijst zetten. Is dat goed?", "ja"),
    ("nl", "Ik kan je een nieuwe code sturen.", "ja graag"),
]


@pytest.mark.parametrize(("language", "before", "text"), CHANNEL_PICKS)
def test_a_way_of_contact_picked_or_an_ability_offer_takenasks_for_person(
    language: str, before: str, text: str
) -> None:
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), CHANNEL_NOT)
def test_a_pick_of_no_person_asks_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)


def test_who_can_after_the_bot_could_not_asks_only_with_a_bot() -> None:
    assert asks_for_person(
        "ok then who can? I need this fixed before friday", "en", "I'm sorry, I can't change the name on a booking."
    )
    assert asks_for_person(
        "The letter is wrong I think. Who can check this?", "en", "Sorry, I don't understand your question."
    )
    assert asks_for_person("wie kan dat dan wel? het moet voor vrijdag", "nl", "Helaas kan ik de naam niet wijzigen.")
    assert not asks_for_person("who can sign for the parcel?", "en", "Your parcel arrives tomorrow.")
    assert not asks_for_person("Who can see my medical data?", "en", "How else can I help?")
    assert not asks_for_person("wie kan mijn gegevens inzien?", "nl", "Kan ik nog iets voor je doen?")
    assert not asks_for_person("ok then who can check this?", "en", "I'm afraid I can't change that.", role="agent")


PHRASES = [
    ("en", "I didn't catch that. You can ask me about payments.", "escalate please"),
    ("en", "Your claim is being processed.", "can you get your claims department to ring me, it's been six weeks"),
    (
        "en",
        "Sorry, I can only answer questions about your account.",
        "then send this to someone in your team who can deal with it",
    ),
    ("en", "What would you like to do?", "Contact details for the complaints team pls"),
    ("en", "Is there anything else?", "yes, where do I send a written complaint?"),
    ("en", "Please use the online form.", "seriously? give me the emergency repairs number"),
    ("en", "Sorry, I didn't understand that.", "is there an email address I can write to about this?"),
    ("en", "Is there anything else?", "yes. a whatsapp number for your support?"),
    ("nl", "Je claim is in behandeling.", "laat de schadeafdeling me maar even bellen, het duurt al 6 weken"),
    (
        "nl",
        "Sorry, ik kan alleen vragen over je contract beantwoorden.",
        "stuur dit dan door naar iemand die er wel wat mee kan",
    ),
    ("nl", "Dat begreep ik niet.", "dit schiet niet op. hoe laat is het klantcontactcentrum telefonisch bereikbaar?"),
    ("nl", "Wat wil je doen?", "contactgegevens van de klachtenafdeling graag"),
    ("nl", "Kan ik nog iets voor je doen?", "ja. heeft de klantenservice ook een whatsappnummer?"),
    ("nl", "Waarmee kan ik je helpen?", "Klantenservice. Nu."),
    ("nl", "Ik help je graag!", "ik handel dit liever af met een medewerker"),
]

PHRASES_NOT = [
    ("en", "How can I help?", "can you get my husband to call me when it arrives"),
    ("en", "How can I help?", "I need to update the emergency contact number on my policy"),
    ("en", "How can I help?", "I updated my contact details for the team account"),
    ("en", "How can I help?", "the game says escalate to level 3, what does that mean"),
    ("nl", "Waarmee kan ik je helpen?", "hoe laat is de winkel in Utrecht open?"),
    ("nl", "Waarmee kan ik je helpen?", "stuur het pakket door naar mijn buurvrouw"),
    ("nl", "Waarmee kan ik je helpen?", "ik moet het noodnummer op mijn polis aanpassen"),
    ("nl", "Waarmee kan ik je helpen?", "ik wil mijn contactgegevens voor het team aanpassen"),
]


@pytest.mark.parametrize(("language", "before", "text"), PHRASES)
def test_round17_phrasings_ask(language: str, before: str, text: str) -> None:
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), PHRASES_NOT)
def test_round17_near_misses_ask_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)


def test_people_sighed_someone_to_know_a_story_and_a_word_asked_back_ask_for_nobody() -> None:
    assert not asks_for_person("Mensen.", "nl", "Je pakket is onderweg.")
    assert asks_for_person("Echte mensen.", "nl", "Waarmee kan ik je helpen?")
    assert not asks_for_person("ik wil dat iemand dit weet", "nl", "Wat vervelend om te horen.")
    assert not asks_for_person(
        "ik heb gisteren iemand aan de lijn gehad en die zei dat de terugbetaling goedgekeurd was",
        "nl",
        "Waarmee kan ik je helpen?",
    )
    assert not asks_for_person("Adviseur?", "nl", "Ik heb je vraag aan de adviseur voorgelegd.")
    assert asks_for_person("Adviseur?", "nl", "Met wie wil je praten?")


# Second block: families from the second probe round (measured before they were added).
PROBE2_FAMILIES = [
    ("en", "Please select: 1) Track order 2) Returns 3) Something else", "something else. a human would be good"),
    ("en", "Let me know what you need.", "Callback request please, 07700 900555"),
    ("en", "I'm sorry, I can't help with that.", "which department handles this then? I'll call them"),
    ("en", "I'm not able to process refunds over £100.", "fine, who does then"),
    (
        "en",
        "I can offer you a £10 voucher, or I can arrange for a specialist to call you. Which would you prefer?",
        "the specialist call",
    ),
    ("nl", "Laat maar weten wat je nodig hebt.", "Terugbelverzoek aub, 0612345678"),
    ("nl", "Sorry, daar kan ik je niet mee helpen.", "welke afdeling gaat hier dan over? dan bel ik ze"),
    ("nl", "Ik kan geen terugbetalingen boven de 100 euro verwerken.", "wie dan wel"),
    ("nl", "Ons team is bereikbaar van 8 tot 20 uur via 088-1234567 of via de chat.", "chat graag"),
    (
        "nl",
        "Ik kan je een tegoedbon van 10 euro geven, of een specialist laten bellen. Wat heeft je voorkeur?",
        "de specialist laten bellen",
    ),
]

PROBE2_NOT = [
    ("en", "How can I help?", "the callback function in the app doesn't work"),
    ("en", "Which department do you work in?", "accounts, why?"),
    (
        "en",
        "I can offer you a £10 voucher, or I can arrange for a specialist to call you. Which would you prefer?",
        "who is the specialist?",
    ),
    (
        "en",
        "I can offer you a £10 voucher, or I can arrange for a specialist to call you. Which would you prefer?",
        "the voucher please",
    ),
    ("en", "Our shop is open 9-5 and you can reach us by phone.", "great, thanks"),
    ("nl", "Welke afdeling heeft je geholpen?", "de afdeling retouren denk ik"),
    (
        "nl",
        "Ik kan je een tegoedbon van 10 euro geven, of een specialist laten bellen. Wat heeft je voorkeur?",
        "de tegoedbon graag",
    ),
    ("nl", "Je bestelling wordt morgen bezorgd.", "wie dan?"),
]


@pytest.mark.parametrize(("language", "before", "text"), PROBE2_FAMILIES)
def test_probe2_families_ask(language: str, before: str, text: str) -> None:
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), PROBE2_NOT)
def test_probe2_near_misses_ask_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)


def test_a_signature_title_is_no_request_nor_an_escalation() -> None:
    signed = [
        "Hi, invoice 4471 was charged twice, please refund one.\n\nTom Baker\nAccount Manager",
        "Hi, invoice 4471 was charged twice.\nThanks\nJane Doe\nSenior Claims Handler",
        "Invoice 4471 was charged twice.\n\nBest regards,\nTom Baker\nCustomer Success Manager",
    ]
    for text in signed:
        result = run([*OPENING["en"], ("bot", "What can I do for you?"), ("customer", text)], "en")
        assert not any(flag.flag == "human_request" for flag in result.messages[-1].flags), text
        assert "escalation" not in result.messages[-1].cues, text
    assert asks_for_person("I've asked three times\nAn advisor", "en", "What can I do for you?")
    result = run(
        [
            *OPENING["en"],
            ("bot", "What can I do for you?"),
            ("customer", "I want to speak to a manager\nthis is ridiculous"),
        ]
    )
    assert "escalation" in result.messages[-1].cues


# Third block: families from a third probe round (measured before they were added).
PROBE3_FAMILIES = [
    (
        "en",
        "Our customer care team can look into that. Would you like me to pass your details to them?",
        "yes go ahead",
    ),
    ("nl", "Onze klantenservice kan dit voor je uitzoeken. Zal ik je gegevens aan hen doorgeven?", "ja doe maar"),
    (
        "en",
        "You can upload documents in the app.",
        "the app doesn't work. where can I post them, what's the address of your claims team?",
    ),
    ("nl", "Je kunt documenten uploaden in de app.", "de app werkt niet. wat is het adres van de schadeafdeling?"),
    ("nl", "Waarmee kan ik je helpen?", "Hallo, wat is het nummer van jullie storingslijn?"),
    ("nl", "Je zaaknummer is 55821.", "dank je, wat is het directe nummer van degene die het behandelt?"),
    ("nl", "Je kunt mailen of bellen naar 0800-1234.", "ik bel wel. is de lijn nu open?"),
    (
        "nl",
        "Ik help je met vragen over je energierekening.",
        "dit schiet niet op. hoe krijg ik een echte adviseur te pakken",
    ),
]

PROBE3_NOT = [
    ("en", "Our engineers can look at it. Would you like me to pass your details to them?", "yes please"),
    ("en", "How can I help?", "what's the address of your head office?"),
    ("nl", "Waarmee kan ik je helpen?", "is de winkel in Utrecht nu open?"),
    ("nl", "Waarmee kan ik je helpen?", "wat is het adres van jullie winkel?"),
    ("nl", "Waarmee kan ik je helpen?", "ik krijg de bezorger niet te pakken"),
    ("nl", "Waarmee kan ik je helpen?", "welk telefoonnummer staat er bij mijn account?"),
]


@pytest.mark.parametrize(("language", "before", "text"), PROBE3_FAMILIES)
def test_probe3_families_ask(language: str, before: str, text: str) -> None:
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), PROBE3_NOT)
def test_probe3_near_misses_ask_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)


# Fourth block: families from a fourth probe round (measured before they were added).
PROBE4_FAMILIES = [
    ("en", "Would you like to speak to an advisor now, or book a call for later?", "now please"),
    ("nl", "Wil je nu een adviseur spreken of een belafspraak maken?", "nu graag"),
    ("en", "Would you prefer a call or an email from our team?", "a call, after 6pm"),
    ("nl", "Wil je liever gebeld of gemaild worden door ons team?", "gebeld, na 18 uur"),
    ("en", "Our phone lines are busy at the moment.", "then put me in the queue for the next available agent"),
    ("nl", "Onze lijnen zijn op dit moment druk.", "zet me dan in de wachtrij voor de eerstvolgende medewerker"),
    ("en", "I'm afraid I can't discuss account security here.", "fine. the fraud team's number then?"),
    ("nl", "Ik kan hier niet over accountbeveiliging praten.", "prima. het nummer van het fraudeteam dan?"),
    ("nl", "Sorry, dat begreep ik niet.", "telefonist"),
    (
        "en",
        "I can answer questions about your order status.",
        "ok but I'd prefer to sort this out with someone from your team",
    ),
]

PROBE4_NOT = [
    ("en", "Would you like to speak to an agent or track your parcel?", "track my parcel"),
    ("en", "Would you like to speak to an advisor now, or book a call for later?", "not now, thanks"),
    ("nl", "Wil je nu een adviseur spreken of een belafspraak maken?", "nee, niet nodig"),
    ("en", "Your new card is on the way.", "thanks! what number do I call to activate it once it arrives?"),
    ("nl", "Je nieuwe pas is onderweg.", "dank je! welk nummer moet ik bellen om hem te activeren als hij er is?"),
    (
        "nl",
        "Waarmee kan ik je helpen?",
        "ik heb iemand nodig die voor mijn pakket tekent als ik weg ben, mag de buurvrouw?",
    ),
    ("nl", "Waarmee kan ik je helpen?", "wat is het nummer van de winkel in de Kalverstraat?"),
    ("en", "How can I help?", "what's the number of the Oxford Street store?"),
    (
        "en",
        "I can book you an appointment with an advisor or talk through our product-transfer rates now. Which would you prefer?",
        "Rates now please, thank you.",
    ),
    ("en", "Would you like a gynecologist, an ENT specialist, or something else?", "I need an ENT specialist."),
]


@pytest.mark.parametrize(("language", "before", "text"), PROBE4_FAMILIES)
def test_probe4_families_ask(language: str, before: str, text: str) -> None:
    assert asks_for_person(text, language, before)


@pytest.mark.parametrize(("language", "before", "text"), PROBE4_NOT)
def test_probe4_near_misses_ask_for_nobody(language: str, before: str, text: str) -> None:
    assert not asks_for_person(text, language, before)
