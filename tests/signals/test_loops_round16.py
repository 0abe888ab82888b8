"""The loop shapes of round 16, each beside its near misses: options the customer took none
of shown again (`menu_loop`), a "no" to "Did that answer your question?" after an answer that
came back (`stuck_loop`), a bot that keeps misreading the question while the customer asks it
again (`stuck_loop`), a yes/no question asked again after it was answered and answered the same
again (`stuck_loop`), and the Dutch "ik begrijp uw vraag niet" as a failure."""

from __future__ import annotations

import pytest

from cxreview.signals.conversation import ConversationSignals
from tests.signals.dialogue import run


def loop_rule(result: ConversationSignals) -> str | None:
    return next((f.rule for f in result.flags if f.flag == "bot_loop"), None)


MENU_EN = "Are you looking to: a) check your balance b) make an overpayment c) download your statement?"
MENU_NL = "Wil je: a) je saldo bekijken b) extra aflossen c) je jaaroverzicht downloaden?"

LOOPS = [
    (  # options taken by none, shown again, taken by none again; a person takes over after
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "I'd like to speak to an advisor about my mortgage renewal"),
            ("bot", "I can help with mortgages! " + MENU_EN),
            ("customer", "None of those. My fixed rate ends next month."),
            ("bot", "Did you know you can see your balance in online banking?"),
            ("customer", "yes I know"),
            ("bot", "To direct your question: " + MENU_EN),
            ("customer", "neither! I want an advisor"),
            ("bot", "I'll connect you to an advisor now."),
            ("agent", "Hello, Malik from the mortgage team."),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Waarmee kan ik je helpen?"),
            ("customer", "mijn rentevaste periode loopt af, wat nu"),
            ("bot", "Ik help je graag! " + MENU_NL),
            ("customer", "geen van drieën, het gaat om oversluiten"),
            ("bot", "Om je goed te helpen: " + MENU_NL),
            ("customer", "niks daarvan. oversluiten."),
        ],
    ),
    (  # an answer that came back, each met by "no" to "Did that answer your question?"
        "en",
        [
            ("bot", "Hi, I'm the assistant."),
            ("customer", "Does my annual travel policy cover a trip of 6 weeks?"),
            ("bot", "Our annual travel policy covers trips worldwide, see My Account. Did that answer your question?"),
            ("customer", "No. How long can one trip be?"),
            ("bot", "Sorry! Our annual travel policy gives worldwide cover for trips. Did that answer your question?"),
            ("customer", "No it didn't. 6 weeks is 42 days, am I covered or not for a trip that long?"),
            ("bot", "Everything about trips is in your policy wording in My Account. Did that answer your question?"),
            ("customer", "no, and the policy wording is 60 pages. can someone from your team just tell me"),
            ("bot", "I'll transfer you to one of our team."),
        ],
    ),
    (  # a bot that keeps misreading the question, answering something else each time
        "en",
        [
            ("bot", "Hi, I'm the travel assistant."),
            ("customer", "Can I bring my bike on the train part of the tour?"),
            ("bot", "Our tours include a guided walk in each city and breakfast."),
            ("customer", "that's not what I asked. can I take a bike on the train?"),
            ("bot", "You can cancel a tour free of charge up to 30 days before departure."),
            ("customer", "No. I asked about bikes on the train."),
            ("bot", "Luggage on our coaches is one suitcase per traveller."),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Hallo, ik ben de assistent."),
            ("customer", "mag mijn hond mee in het vakantiehuisje?"),
            ("bot", "Alle vakantiehuisjes hebben een keuken en wifi."),
            ("customer", "dat vroeg ik niet. mag een hond mee in het huisje?"),
            ("bot", "Je kunt tot 6 weken voor aankomst gratis annuleren."),
            ("customer", "Nee. Ik vraag of ik mijn hond mee mag nemen"),
            ("bot", "Inchecken kan vanaf 15:00 uur."),
        ],
    ),
    (  # a yes/no question asked again after it was answered, answered the same again, louder
        "en",
        [
            ("bot", "Welcome to GridPower. To get started, please enter your postcode."),
            ("customer", "M14 5RQ"),
            ("bot", "Thanks. Are you reporting a power cut?"),
            ("customer", "yes whole street is out since 6am"),
            ("bot", "To check for power cuts in your area, please enter your postcode."),
            ("customer", "M14 5RQ"),
            ("bot", "Thanks. Are you reporting a power cut?"),
            ("customer", "YES"),
            ("bot", "To check for power cuts in your area, please enter your postcode."),
            ("customer", "M14 5RQ!!! you already asked me this twice"),
        ],
    ),
    (
        "nl",
        [
            ("bot", "Welkom bij de gemeente. Stel uw vraag."),
            ("customer", "mijn afvalpas werkt niet meer bij de container"),
            ("bot", "U kunt een nieuwe afvalpas aanvragen als u verhuist. Gaat u verhuizen?"),
            ("customer", "nee, ik woon hier al jaren. de pas doet het niet meer"),
            ("bot", "Fijn dat u hier woont! Kan ik u nog ergens mee helpen?"),
            ("customer", "ja. de afvalpas. die werkt niet."),
            ("bot", "U kunt een nieuwe afvalpas aanvragen als u verhuist. Gaat u verhuizen?"),
            ("customer", "NEE ik ga niet verhuizen"),
            ("bot", "Geen probleem. Kan ik u nog ergens mee helpen?"),
            ("customer", "m'n pas is KAPOT. hoe vraag ik een nieuwe aan"),
            ("bot", "U kunt een nieuwe afvalpas aanvragen als u verhuist. Gaat u verhuizen?"),
            ("customer", "ongelooflijk"),
        ],
    ),
    (  # "ik begrijp uw vraag niet" is a failure
        "nl",
        [
            ("bot", "Waarmee kan ik u helpen?"),
            ("customer", "er komt geen water uit de kraan"),
            ("bot", "Excuses, ik begrijp uw vraag niet. U kunt vragen stellen over uw rekening."),
            ("customer", "GEEN WATER. storing"),
            ("bot", "Excuses, ik begrijp uw vraag niet. U kunt vragen stellen over uw rekening."),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), LOOPS)
def test_round16_loops(language: str, turns: list[tuple[str, str]]) -> None:
    assert loop_rule(run(turns, language=language)) is not None


NEAR_MISSES = [
    (  # options taken by none once, then one picked from the menu shown again
        "en",
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "a question about my mortgage"),
            ("bot", MENU_EN),
            ("customer", "none of those really"),
            ("bot", "Sorry, let me ask again. " + MENU_EN),
            ("customer", "b then"),
            ("bot", "You can make an overpayment of up to 10% a year in the app under Mortgages."),
            ("customer", "great, thanks"),
        ],
    ),
    (  # options taken by none, then the bot answers what the customer wants
        "nl",
        [
            ("bot", "Waarmee kan ik je helpen?"),
            ("customer", "vraag over mijn hypotheek"),
            ("bot", MENU_NL),
            ("customer", "geen van deze, ik wil weten wanneer mijn rentevaste periode afloopt"),
            ("bot", "Je rentevaste periode loopt af op 1 december 2026."),
            ("customer", "dank je"),
        ],
    ),
    (  # "no" to "Did that answer your question?" with a new question each time, new answers
        "en",
        [
            ("bot", "Hi, I'm the assistant."),
            ("customer", "How long can I borrow a book?"),
            ("bot", "You can borrow books for three weeks. Did that answer your question?"),
            ("customer", "No, I also want to know how often I can renew"),
            ("bot", "You can renew a loan twice. Did that answer your question?"),
            ("customer", "No, one more: what is the late fee for DVDs?"),
            ("bot", "The late fee for DVDs is 1 euro per day. Did that answer your question?"),
            ("customer", "yes thanks"),
        ],
    ),
    (  # misread once, then answered
        "en",
        [
            ("bot", "Hi! What can I help with?"),
            ("customer", "what's the data limit when I travel in the US?"),
            ("bot", "In the EU you can use your bundle as at home."),
            ("customer", "that's not what I asked, I asked about the US"),
            ("bot", "In the US you get 2 GB per day with the World Pass."),
            ("customer", "perfect, thanks"),
        ],
    ),
    (  # a template asked about each new film, answered the same: each answers a new question
        "en",
        [
            ("bot", "Do you like the movie Gone Girl?"),
            ("customer", "I never saw Gone Girl, I mostly watch comedies."),
            ("bot", "Have you heard of this movie?"),
            ("customer", "Yeah, my sister talks about it a lot."),
            ("bot", "Can you give me a couple of reasons why you like comedies?"),
            ("customer", "they make me laugh"),
            ("bot", "Do you like the movie The Hobbit?"),
            ("customer", "Not really, too long."),
            ("bot", "Have you heard of this movie?"),
            ("customer", "Yeah."),
            ("bot", "Can you give me a couple of reasons why you like comedies?"),
            ("customer", "Yeah, I said they make me laugh and they are short."),
            ("bot", "Thanks, have a nice day."),
        ],
    ),
    (  # the next one asked for, in the same words: progress
        "en",
        [
            ("customer", "Find me some events in New York on the 2nd."),
            ("bot", "I found 3 events. Amber Run is at Brooklyn Steel."),
            ("customer", "Could you please search for some other events?"),
            ("bot", "Jojo Siwa is at Forest Hills Stadium."),
            ("customer", "Could you please search for some other events?"),
            ("bot", "Madonna is at the BAM Opera House."),
            ("customer", "That one is good for me."),
        ],
    ),
]


@pytest.mark.parametrize(("language", "turns"), NEAR_MISSES)
def test_round16_near_misses(language: str, turns: list[tuple[str, str]]) -> None:
    assert loop_rule(run(turns, language=language)) is None
