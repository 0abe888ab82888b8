"""Requests for a person read as their parts (issue 12, round 13, signals/person_ask.py):
wordings written for this test, not taken from any outsider set, in several registers, and
their near misses (someone else's people, reports, declines, a person talked about, a
question for an answer, people counted for a booking, a name after "call me")."""

from __future__ import annotations

import re

import pytest

from cxreview.signals.lexicon import raw_cues
from cxreview.signals.person_ask import asked_person
from cxreview.signals.person_offer import accepts_person
from tests.signals.dialogue import run

_WORD = re.compile(r"[a-zà-ÿ']+")


def _flag(text: str, language: str):  # noqa: ANN202
    result = run([("customer", text)], language)
    return next((f for f in result.messages[0].flags if f.flag == "human_request"), None)


def _parts(text: str, language: str) -> str | None:
    lower = text.lower()
    return asked_person(text, lower, language, _WORD.findall(lower))


REQUESTS_EN = [
    "Could you make sure a person phones me before Friday?",
    "I'd really like someone to go through the bill with me",
    "can I have a word with your billing team",
    "pls get someone to call me back today",
    "I need somebody who actually understands pensions to look at this",
    "would one of your advisers be able to ring me tomorrow",
    "is there any way I can speak with your fraud department",
    "let me talk to your complaints team",
    "I'd prefer to discuss this with an actual person",
    "can we get a human on the line please",
    "could somebody please contact me about the refund",
    "I want an employee to handle this, not a bot",
    "any chance of a callback this afternoon?",
    "Please have someone from your claims team get in touch with me",
    "how can I reach your returns department",
    "where can I find your customer service phone number",
    "i need to talk with a manager about this",
    "can you put me through to the sales team",
    "who should I contact about a wrong charge",
    "i'd like a colleague of yours to check my file",
    "can I speak to a specialist about my pension",
    "I would appreciate it if a supervisor could call me",
    "can anyone from your team explain this charge to me",
    "make sure an agent reads this",
    "is there a live chat I can use",
    "can I chat with someone from your tech support",
    "would it be possible to speak to a representative",
    "I'd like to be put through to the billing department",
    "please ring me back on my mobile",
    "call me back asap",
    "can your mortgage team contact me",
    "get me through to your loans team",
    "I need someone to explain my invoice",
    "Can I book an appointment with one of your advisors?",
    "how do I get hold of your support team",
    "can someone from customer service get back to me",
    "I want someone who knows what they're doing to handle my claim",
    "is there someone available to talk to",
    "let me speak with your supervisor",
    "may I talk to a person instead",
    "customer care phone number?",
    "Acme support number",
    "I'd rather deal with someone from accounts",
    "can u get ur manager to ring me",
    "I really need to talk this through with somebody",
    "is there a human I can message",
    "Can I please get transferred to billing",
    "Would a member of staff be able to phone me this evening?",
    "hook me up with a real person",
    "where do I go to speak to someone about my pension",
    "please escalate and have a supervisor call me",
    "can I get a call from the repairs team",
    "I want to speak to whoever is in charge",
    "can I ring someone about this",
    "kindly arrange for an agent to contact me",
    "let me chat to one of your advisors",
    "I need a real person to look at my case",
    "how do I contact the complaints department",
    "Could I get the number for your head office?",
    "what's the customer service email",
    "is anyone actually reading my messages",
    "does anybody even read this",
    "ok this bot is useless, can a human take over please",
    "I'd like to speak with whoever handles refunds",
    "could I arrange a call with one of your engineers?",
    "Right, please have someone ring me on my mobile",
    "I need to speak to your accounts department today",
    "can I have a callback from a manager",
    "send someone to talk to me please",
    "just let me speak to a real human being",
    "put me through to the right department please",
    "Is there any chance I could talk to someone in person",
    "Need someone from billing to call me asap",
    "could one of your team look at this for me",
    "I'd like someone senior to review my complaint",
    "what number do I ring to get a person",
    "is there a direct line to your claims team",
    "This is the third time I'm asking. Can a member of your team phone me please, I'm at home all day",
    "tbh I'd rather just talk to one of your people",
    "hi, is it possible to get a call back from the billing team tomorrow morning?",
    "can i get some1 to ring me",
    "Could you arrange for an engineer's manager to contact me",
    "please pass this to a supervisor and have them call me",
    "I need to get hold of someone in your fraud team urgently",
    "your bot isn't helping, let me talk to a person",
    "is there an actual human I could speak to?",
    "Put me in touch with the complaints team",
    "Honestly just put a human on this",
    "is anybody from the lettings team available",
]
REQUESTS_NL = [
    "kan ik even met iemand van jullie bellen",
    "ik wil graag iemand spreken over mijn factuur",
    "kunnen jullie mij morgen terugbellen?",
    "zorg dat er iemand contact met me opneemt",
    "is er een medewerker beschikbaar?",
    "mag ik een collega van je aan de lijn",
    "kan een adviseur mij even bellen",
    "graag een medewerker die mijn dossier bekijkt",
    "hoe kan ik de klantendienst bereiken",
    "ik zou graag met de afdeling facturen praten",
    "kan iemand dit even voor mij regelen",
    "verbind me door met een medewerker",
    "bel mij aub terug",
    "wie moet ik bellen over mijn schade",
    "is er iemand die dit kan uitleggen",
    "ik wil een echte persoon",
    "kunt u mij doorverbinden met de klantenservice",
    "waar kan ik jullie telefoonnummer vinden",
    "kan ik een afspraak maken met een adviseur",
    "liever een medewerker aan de telefoon",
    "geef me iemand van de klantenservice",
    "kan er iemand meekijken naar mijn aanvraag",
    "ik wil met iemand van de schadeafdeling spreken",
    "mag ik de leidinggevende spreken",
    "hoe krijg ik iemand aan de lijn",
    "zou iemand mij kunnen bellen vandaag",
    "kan ik chatten met een medewerker",
    "is er een livechat?",
    "graag iemand die me te woord staat",
    "kan ik jullie helpdesk ergens bellen",
    "ik wil dat iemand het voor me oplost",
    "klantenservice telefoonnummer graag",
    "Ziggo klantenservice nummer",
    "kan de afdeling incasso mij terugbellen",
    "zorg wel dat iemand me belt deze keer",
    "ik zoek een medewerker om mee te praten",
    "is er een adviseur die dit kan nakijken",
    "kan ik iemand spreken die er verstand van heeft",
    "bel me morgen even terug",
    "wie kan ik hiervoor mailen",
    "kan ik met de klantenservice chatten",
    "kan ik iemand van jullie spreken?",
    "Ik wil even iemand aan de telefoon",
    "mag ik iemand van de technische dienst",
    "ik zou graag teruggebeld worden",
    "kan een medewerker dit overnemen",
    "regel even dat iemand me belt",
    "kunnen jullie iemand sturen die me belt",
    "graag contact met een mens",
    "hoe bereik ik een medewerker",
    "is er iemand die me kan helpen met mijn factuur",
    "ik wil gewoon een mens spreken",
    "kunnen we even bellen?",
    "kan ik u bellen?",
    "mail of bel me even",
    "wie kan ik bellen voor een storing",
    "ik wil iemand van de afdeling klachten",
    "liefst iemand die het snapt",
    "kan iemand van de klantenservice mij mailen",
    "waar vind ik het nummer van de klantenservice",
    "bellen aub",
    "Reageert er nog iemand??",
    "leest er eigenlijk wel een mens mee?",
    "zit er iemand achter deze chat",
    "kan er iemand van jullie naar kijken",
    "ik wil dit graag met een mens bespreken",
    "kunt u iemand vragen mij te bellen",
    "zou ik iemand van de afdeling facturatie kunnen spreken",
    "ik wil dat er een medewerker naar kijkt",
    "is het mogelijk om iemand te spreken",
    "graag terugbellen op 0612345678",
    "hoe kom ik in contact met een medewerker",
    "mag ik iemand aan de telefoon",
    "kunnen jullie me doorverbinden",
    "ik heb liever een echt persoon",
    "wanneer belt er iemand terug?",
    "waar kan ik iemand bellen hierover",
    "laat iemand mij even bellen",
    "wie kan mij hiermee verder helpen, een mens graag",
    "kan ik misschien even een medewerker aan de lijn krijgen?",
    "ik zou graag iemand van de klantenservice willen spreken",
    "graag een belletje van een medewerker vandaag",
    "kunt u ervoor zorgen dat een adviseur mij belt",
    "kan er een collega van u naar mijn dossier kijken?",
    "ik wil het liefst met iemand overleggen",
    "geef mij maar een medewerker",
    "hebben jullie een telefoonnummer waar ik iemand kan bereiken?",
    "kan ik ergens een mens spreken",
    "zorg dat er iemand terugbelt aub",
]


@pytest.mark.parametrize(("language", "text"), [("en", t) for t in REQUESTS_EN] + [("nl", t) for t in REQUESTS_NL])
def test_requests_are_flagged_and_quoted(language: str, text: str) -> None:
    flag = _flag(text, language)
    assert flag is not None
    quoted = flag.detail.split('"')[1]
    # The evidence quotes the customer's words (a word with digits is left out: "some1").
    assert all(piece.strip() in text.lower() for piece in quoted.lower().split("…"))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my husband will call you tomorrow about it"),
        ("en", "they told me I need to speak to a manager"),
        ("en", "I called yesterday and spoke to an agent"),
        ("en", "no need for an agent, thanks"),
        ("en", "your agent was rude to me"),
        ("en", "I want to complain about your agent"),
        ("en", "can I call my bank about this?"),
        ("en", "can I ask my landlord to contact you"),
        ("en", "is there a fee to speak to an agent?"),
        ("en", "call me when it ships"),
        ("en", "I want to change my phone number"),
        ("en", "terrible customer service"),
        ("en", "I don't want to talk to anyone, just fix it"),
        ("en", "the police told me to contact you"),
        ("en", "I already spoke to someone last week"),
        ("en", "I tried to call your helpline for an hour"),
        ("en", "I need to update the email address on my account"),
        ("en", "can my son call you instead?"),
        ("en", "please don't call me, email is fine"),
        ("en", "I want the agent's name"),
        ("en", "someone called me from your team yesterday"),
        ("en", "can you tell me how to reach the hotel"),
        ("en", "can the courier call me before he comes"),
        ("en", "I'd like to know the opening hours of the store"),
        ("en", "my manager wants me to sort this out"),
        ("en", "I need my phone number changed"),
        ("en", "can I speak to you in Spanish?"),
        ("en", "I want a refund, not a chat"),
        ("nl", "mijn man belt jullie morgen"),
        ("nl", "ik heb gisteren al met een medewerker gesproken"),
        ("nl", "ik wil niet gebeld worden"),
        ("nl", "de medewerker was erg onbeleefd"),
        ("nl", "ik heb een klacht over jullie medewerker"),
        ("nl", "kan ik mijn bank hierover bellen?"),
        ("nl", "kan de bezorger mij bellen voordat hij komt"),
        ("nl", "ik wil mijn telefoonnummer wijzigen"),
        ("nl", "slechte klantenservice"),
        ("nl", "ze zeiden dat ik jullie moest bellen"),
        ("nl", "ik hoef geen medewerker, het is al opgelost"),
        ("nl", "bel me maar als het pakket verzonden is"),
        ("nl", "kan iemand van mijn werk het pakket ophalen"),
        ("nl", "mijn huisbaas wil dat iemand hem belt"),
        ("nl", "ik heb de klantenservice al drie keer gebeld"),
        ("nl", "is er iemand thuis nodig om te tekenen?"),
        ("nl", "wat zijn de kosten om een medewerker te spreken"),
        ("nl", "kan ik iemand van de politie bellen over de inbraak"),
        ("nl", "110 graag. mijn adviseur belt me morgen nog over de zonnepanelen"),
        ("en", "I spoke to your agent Mark yesterday and he was great"),
        ("en", "Can I change the contact person on my account?"),
        ("en", "How many people work at your company?"),
        ("en", "I need a table for 4 people"),
        ("en", "please call me Alex"),
        ("en", "Can you email me the invoice?"),
        ("en", "can I talk about my order here?"),
        ("en", "I want to thank the agent who helped me last week"),
        ("en", "could someone explain why my bill went up"),
        ("en", "the agent said she would call me back"),
        ("en", "I would like to know why nobody called me"),
        ("en", "Please make sure the courier calls me before delivery"),
        ("en", "I need someone to be home to sign for it"),
        ("nl", "ik wil de medewerker van gisteren bedanken"),
        ("nl", "kan iemand uitleggen waarom mijn rekening hoger is"),
        ("nl", "mag ik een medewerker een compliment geven"),
        ("nl", "mijn adviseur zou me terugbellen maar dat is niet gebeurd"),
        ("nl", "hoeveel medewerkers werken er bij jullie?"),
        ("nl", "ik wil een tafel voor vier personen"),
        ("nl", "kunt u mij de factuur mailen?"),
        ("nl", "de koerier belt me als hij er is"),
        ("nl", "zorg dat de bezorger me belt"),
        ("nl", "ik heb al met drie medewerkers gesproken"),
        ("en", "the engineer said he'd call me tomorrow"),
        ("en", "I'd like to speak Spanish if possible"),
        ("en", "can I add my wife to the account?"),
        ("en", "I talked to your colleague and she fixed it"),
        ("en", "how many agents do you have?"),
        ("en", "I need to call the garage first"),
        ("en", "please tell your agent thank you"),
        ("en", "can my accountant contact you about the invoice?"),
        ("nl", "ik bel morgen zelf wel even terug"),
        ("nl", "de monteur zou mij bellen"),
        ("nl", "kan mijn boekhouder contact met jullie opnemen?"),
        ("nl", "ik wil mijn collega toevoegen aan het account"),
        ("nl", "de medewerker heeft me goed geholpen"),
        ("nl", "ik hoef niet gebeld te worden"),
        ("nl", "kunt u de bezorger vragen mij te bellen"),
        ("en", "your supervisor was really helpful last time, thanks"),
        ("en", "can I speak to you about my order here instead"),
        ("en", "I'll call you back later when I have the number"),
        ("en", "the letter says I should contact my insurer"),
        ("en", "we need two people to carry the sofa, can the driver help?"),
        ("en", "is your team working on the outage?"),
        ("nl", "uw collega heeft me gisteren al gebeld"),
        ("nl", "ik ga zelf wel even bellen met de verzekering"),
        ("nl", "de monteur belde mij om te zeggen dat hij later komt"),
        ("nl", "kan ik de medewerker een fooi geven?"),
        ("nl", "hoeveel mensen kunnen er in de auto?"),
        ("nl", "mijn collega wil ook een account"),
    ],
)
def test_near_misses_are_not_requests(language: str, text: str) -> None:
    assert _flag(text, language) is None


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        (
            "en",
            "Fine. Please make sure a person actually rings me this time",
            "Please make sure a person actually rings me",
        ),
        ("en", "no, I want someone to walk me through this, not a form", "I want someone to walk me through"),
        ("en", "that option isn't there. can I chat with your pensions team?", "can I chat with your pensions team"),
        ("en", "Could I talk this through with somebody", "Could I talk this through with somebody"),
        ("nl", "daar staat niks. kan iemand het gewoon voor me regelen", "kan iemand het gewoon voor me regelen"),
        ("nl", "zit er eigenlijk een mens achter die dit leest", "zit er eigenlijk een mens"),
        ("nl", "kunt u me morgen even terugbellen", "kunt u me morgen even terugbellen"),
        ("nl", "Ziggo klantenservice telefoonnummer", "Ziggo klantenservice telefoonnummer"),
        ("nl", "wie kan ik daarover bellen?", "wie kan ik daarover bellen"),
        (
            "nl",
            "kan ik morgen iemand hierover spreken als mijn vrouw thuis is?",
            "kan ik morgen iemand hierover spreken",
        ),
    ],
)
def test_the_parts_quote_the_request(language: str, text: str, words: str) -> None:
    assert _parts(text, language) == words


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "can you call me Bob"),  # a name
        ("en", "Can you call me when it ships?"),  # a notice of an event
        ("en", "I'm online, call me"),  # an advert after a comma
        ("en", "I need a room for 3 nights for one person"),  # people counted
        ("en", "could someone explain why my battery died"),  # a question for an answer
        ("en", "I like how human the characters are"),  # no wish
        ("en", "my adviser calls me tomorrow"),  # a statement, no imperative
        ("en", "can I get your contact number and the model of car"),  # a taxi's details
        ("nl", "mijn adviseur belt me morgen over de zonnepanelen"),
        ("nl", "ik wil dat de klantenservice van Bol mij belt"),  # another firm's people
        ("nl", "mag ik een medewerker complimenteren?"),  # a person, no contact
        ("nl", "ik wil nie dat iemand me belt"),  # a negation in dialect
        ("nl", "met wie moet ik contact opnemen, de verhuurder of de aannemer?"),  # a choice of third parties
        ("nl", "bel me maar als het pakket verzonden is"),
    ],
)
def test_the_parts_check_the_party(language: str, text: str) -> None:
    assert _parts(text, language) is None


def test_a_text_without_a_trigger_word_is_not_read() -> None:
    assert _parts("where is my parcel, it has been a week", "en") is None
    assert _parts("waar blijft mijn pakket", "nl") is None


def test_every_part_has_both_languages() -> None:
    section = raw_cues()["person_ask"]
    assert {"frames", "acts", "people", "channels", "third_party", "declines"} <= set(section)
    for name, part in section.items():
        for lists in part.values() if name in ("words", "typos") else [part]:
            assert set(lists) == {"en", "nl"}, name


@pytest.mark.parametrize(
    ("offer", "reply", "asks"),
    [
        ("wil je chatten met een medewerker antwoord met ja of nee", "ja", True),
        ("wilt u praten met een van onze adviseurs", "ja graag", True),
        ("wil je chatten met een medewerker", "nee", False),
        ("wil je praten met onze digitale assistent", "ja", False),
    ],
)
def test_a_yes_to_a_person_offered_verb_first_asks_for_one(offer: str, reply: str, asks: bool) -> None:
    assert accepts_person("nl", offer, reply) is asks


@pytest.mark.parametrize("language", ["en", "nl"])
def test_anchors_part_by_part_find_what_their_alternation_finds(language: str) -> None:
    """`lexicon.person_anchors` (the anchor parts searched one by one) finds something in a
    clause exactly when the alternation of those parts, each held to word boundaries again,
    does: on random clauses of the parts' own words, their neighbours and filler."""
    import random
    import re

    from cxreview.signals.cue_index import compile_patterns
    from cxreview.signals.lexicon import PERSON_ANCHORS, person_anchors
    from cxreview.signals.lexicon import person_ask as parts_of
    from cxreview.signals.person_ask import _anchored

    parts = parts_of(language)
    full = compile_patterns([parts[name].pattern for name in PERSON_ANCHORS])
    words = sorted({w for name in PERSON_ANCHORS for w in re.findall(r"[a-z]+", parts[name].pattern)} - {"w"})
    words += ["x", "agentx", "the", "me", "please", "ik", "wil", "een", "_", "1", "met"]
    rng = random.Random(19)
    found = 0
    for _ in range(4000):
        clause = "".join(
            rng.choice(words) + rng.choice([" ", " ", " ", "", "-", "'"]) for _ in range(rng.randint(1, 7))
        )
        expected = full.search(clause) is not None
        assert _anchored(clause, person_anchors(language)) == expected, clause
        found += expected
    assert 200 < found < 3800  # both answers are tested


def test_anchors_not_bounded_keep_their_alternation() -> None:
    """A part with a pattern not held to a word boundary ("agents?" ends in an optional letter)
    can match where the alternation, which holds each part to boundaries again, cannot
    ("agentsmith"): its alternation is searched then, not the parts."""
    from cxreview.signals.cue_index import compile_patterns
    from cxreview.signals.lexicon import anchor_searches
    from cxreview.signals.person_ask import _anchored

    patterns = [["agents?"], ["(speak|talk) to"]]
    compiled = [compile_patterns(part) for part in patterns]
    assert compiled[0].search("agentsmith") is not None
    searches = anchor_searches(patterns, compiled)
    assert not _anchored("agentsmith", searches)
    assert _anchored("an agent please", searches) and _anchored("talk to", searches)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_parts_compiled_on_first_use_are_the_alternations_of_their_patterns(language: str) -> None:
    """`lexicon.person_ask` compiles each part when first read (`_Parts`): the same pattern
    as the part's alternation compiled at once, every part of cues.yaml there, Dutch with the
    English patterns; `warm_sections` compiles them all."""
    from cxreview.signals.cue_index import compile_patterns
    from cxreview.signals.lexicon import _Parts, languages_read, warm_sections

    section = raw_cues()["person_ask"]
    names = [name for name in section if name not in ("triggers", "words", "typos")]
    fresh = _Parts({name: [p for lang in languages_read(language) for p in section[name][lang]] for name in names})
    assert not fresh
    for name in names:
        expected = compile_patterns([p for lang in languages_read(language) for p in section[name][lang]])
        assert fresh[name] == expected, name
        assert fresh[name] is fresh[name]  # compiled once
    with pytest.raises(KeyError):
        fresh["no such part"]  # noqa: B018
    warm_sections(language)
    from cxreview.signals.lexicon import person_ask

    assert set(person_ask(language)) == set(names)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_anchor_pattern_is_held_to_word_boundaries(language: str) -> None:
    """The anchors are searched part by part only while every pattern of those parts is held to
    word boundaries at both ends; one pattern that is not (round 21: a channel ending in an
    unbounded ``\\s*[?.!]*$``) makes every clause search one large alternation instead (about
    +25% of the analysis's instructions) without any test failing on what it matches. Held to
    boundaries, they are searched in a cue index (round 24)."""
    from cxreview.signals.lexicon import AnchorIndex, person_anchors

    searches = person_anchors(language)
    assert len(searches) == 1 and isinstance(searches[0], AnchorIndex)
