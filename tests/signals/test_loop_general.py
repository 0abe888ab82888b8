"""Round 11's general readings of a loop: values typed in groups, replies that say an action
was already done, and (below) what a bot asks for read as a noun phrase, a pronoun, an action
or a day, each with the near misses that must stay apart."""

from __future__ import annotations

import pytest

from cxreview.signals.answers import says_nothing, values
from cxreview.signals.asked_steps import Step, asked_step, same_step
from cxreview.signals.features import text_features
from cxreview.signals.requested import DAY, PRONOUN, Request, asked_for, same_item
from tests.signals.test_loops import loop_flag, run


@pytest.mark.parametrize(
    ("grouped", "whole"),
    [
        ("06 12 34 56 78", "0612345678"),
        ("nl91 abna 0417 1643 00", "nl91abna0417164300"),
        ("my iban is nl91 abna 0417 1643 00 thanks", "nl91abna0417164300"),
    ],
)
def test_a_value_typed_in_groups_is_one_value(grouped: str, whole: str) -> None:
    assert values(grouped) == {whole}


def test_a_date_stays_a_date() -> None:
    assert values("03 03 1985") == values("3 maart 1985") == {"3/3", "1985"}  # one date, however written
    assert values("3 march 1986") != values("3 march 1985")
    assert "0612345678" not in values("06 12")


@pytest.mark.parametrize(
    ("norm", "language", "nothing"),
    [
        ("did that already", "en", True),
        ("already did it 3 times", "en", True),
        ("i already paid it", "en", True),
        ("i told you i checked it", "en", True),
        ("i already did the payment", "en", False),
        ("i ve done that twice", "en", True),
        ("it happened 3 times", "en", False),
        ("al drie keer geprobeerd", "nl", True),
        ("heb ik al gedaan", "nl", True),
        ("heb ik al 2 keer gedaan", "nl", True),
        ("ik heb al betaald", "nl", True),
        ("ik heb al een nieuwe", "nl", False),
        ("ik heb net een nieuwe code gestuurd", "nl", False),
    ],
)
def test_already_done_brings_nothing_new(norm: str, language: str, nothing: bool) -> None:
    assert says_nothing(norm, language) is nothing


def test_an_iban_in_groups_given_again_is_a_loop() -> None:
    turns = [
        ("customer", "terugbetaling"),
        ("bot", "Wat is je IBAN?"),
        ("customer", "NL91ABNA0417164300"),
        ("bot", "Wat is je rekeningnummer?"),
        ("customer", "NL91 ABNA 0417 1643 00"),
        ("bot", "Geef je IBAN door om verder te gaan."),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [4, 6])
    other = [*turns[:4], ("customer", "NL02 RABO 0123 4567 89"), turns[5]]
    assert loop_flag(run(other, language="nl")) is None  # another account: a new value


def test_a_restart_asked_after_heb_ik_al_gedaan_is_a_loop() -> None:
    turns = [
        ("customer", "internet ligt eruit"),
        ("bot", "Heb je je modem al opnieuw opgestart?"),
        ("customer", "ja al 3x"),
        ("bot", "Wil je je modem opnieuw opstarten?"),
        ("customer", "heb ik al gedaan"),
        ("bot", "Start je modem opnieuw op."),
    ]
    assert loop_flag(run(turns, language="nl")) is not None
    fresh = [*turns[:4], ("customer", "ok, nu gedaan. werkt nog steeds niet"), turns[5]]
    assert loop_flag(run(fresh, language="nl")) is None


def asked(text: str, language: str = "en") -> Request | None:
    return asked_for(text_features(text, language, False).norm, language)


@pytest.mark.parametrize(
    ("text", "language", "item"),
    [
        ("What email address did you use?", "en", ("email", "address")),
        ("Welk e-mailadres hoort bij je bestelling?", "nl", ("emailadres",)),
        ("Met welk e-mailadres heb je besteld?", "nl", ("emailadres",)),
        ("Please provide the account number shown on your monthly bill.", "en", ("account", "number")),
        ("Please enter it below.", "en", PRONOUN),
        ("Vul het hieronder in.", "nl", PRONOUN),
        ("Wil je het hier invullen?", "nl", PRONOUN),
        ("Vul het kenteken in.", "nl", ("kenteek",)),
    ],
)
def test_the_item_asked_for(text: str, language: str, item: tuple[str, ...]) -> None:
    request = asked(text, language)
    assert request is not None and request.item == item


@pytest.mark.parametrize(
    "text", ["What movie did you watch last?", "What kind of movies do you like?", "What genre do you prefer?"]
)
def test_a_what_question_about_a_thing_asks_for_no_value(text: str) -> None:
    assert asked(text) is None


def test_an_ask_by_pronoun_asks_for_the_item_asked_before() -> None:
    turns = [
        ("bot", "Welkom bij Belmobiel. Vul je klantnummer in om te beginnen."),
        ("customer", "ik heb prepaid, ik heb geen klantnummer"),
        ("bot", "Geen probleem! Je klantnummer bestaat uit 8 cijfers en begint met een 6. Vul het hieronder in."),
        ("customer", "Dat zei ik net al, ik HEB geen klantnummer"),
        ("bot", "Je vindt je klantnummer rechtsboven op je maandelijkse factuur."),
        ("customer", "Ik krijg geen factuur. Prepaid. Geen factuur, geen klantnummer."),
        ("bot", "Om verder te gaan heb ik je klantnummer nodig."),
    ]
    result = run(turns, language="nl")
    assert loop_flag(result) == ("bot repeats", [3, 7])
    repeat = next(f for f in result.messages[2].flags if f.flag == "bot_repeat")
    assert "klantnummer" in repeat.detail
    # the number given the second time: a new answer, no loop
    given = [*turns[:5], ("customer", "O, gevonden: 61234567"), turns[6]]
    assert loop_flag(run(given, language="nl")) is None


def test_a_reply_without_the_number_asked_brings_nothing_new() -> None:
    turns = [
        ("bot", "Wat is je polisnummer?"),
        ("customer", "Ik heb nog geen polisnummer, ik wil juist een verzekering afsluiten"),
        ("bot", "Je polisnummer vind je op je polisblad. Wil je het hier invullen?"),
        ("customer", "Ik heb geen polisblad, ik ben nog geen klant"),
        ("bot", "Om je vraag te beantwoorden heb ik je polisnummer nodig."),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [3, 5])
    # a question of their own is a new request: instructions that name the number each time
    asking = [
        ("bot", "Log in op Mijn Omgeving en vul je klantnummer in. Je ziet dan al je facturen."),
        ("customer", "en hoe verander ik mijn adres?"),
        ("bot", "Ga naar Mijn Omgeving, vul je klantnummer in en kies Adres wijzigen."),
        ("customer", "en mijn iban aanpassen?"),
        ("bot", "Dat kan ook in Mijn Omgeving: vul je klantnummer in en kies Betaalgegevens."),
    ]
    assert loop_flag(run(asking, language="nl")) is None


def test_an_email_address_asked_three_ways_is_a_loop() -> None:
    turns = [
        ("bot", "Hi there! I can help with your order. What email address did you use?"),
        ("customer", "sophie.lane@example.com"),
        ("bot", "Great. Which email address did you place the order with?"),
        ("customer", "Same one as above: sophie.lane@example.com"),
        ("bot", "Please share the email address linked to your order."),
    ]
    assert loop_flag(run(turns)) == ("bot repeats", [3, 5])
    other = [*turns[:3], ("customer", "oh, it was s.lane@work.example.com"), turns[4]]
    assert loop_flag(run(other)) is None


def step(text: str, language: str = "en") -> Step | None:
    return asked_step(text_features(text, language, False).norm, language)


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("Have you restarted your router?", "Please turn your router off, wait 30 seconds and turn it on again.", "en"),
        (
            "Have you tried restarting your router?",
            "A quick restart fixes most issues! Please switch the router off and on.",
            "en",
        ),
        ("Have you paid the invoice?", "Please pay the invoice via the link below.", "en"),
        ("Have you checked your spam folder?", "Please have a look in your spam folder.", "en"),
        (
            "Have you tried resetting your password?",
            "Please reset your password using the 'Forgot password' link.",
            "en",
        ),
        ("Have you updated the app?", "Can you update the app?", "en"),
        ("Heb je je modem al opnieuw opgestart?", "Zet je modem uit, wacht 30 seconden en zet hem weer aan.", "nl"),
        ("Heb je de factuur al betaald?", "Betaal de factuur via de link hieronder.", "nl"),
        ("Heb je in je spammap gekeken?", "Kun je in je spammap kijken?", "nl"),
        ("Heb je het pakket al teruggestuurd?", "Wil je het pakket terugsturen?", "nl"),
    ],
)
def test_one_step_asked_in_other_words(first: str, second: str, language: str) -> None:
    a, b = step(first, language), step(second, language)
    assert a is not None and b is not None and same_step(a, b)


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("Have you restarted the router?", "Please restart the router once more to install it.", "en"),
        ("Have you already reported the damage?", "Can you report the damage to the police as well?", "en"),
        ("Have you restarted the decoder in the living room?", "Have you restarted the decoder in the bedroom?", "en"),
        ("Have you restarted the router?", "Please unplug the modem for 30 seconds and plug it back in.", "en"),
        ("Have you updated the app?", "Can you update your payment details in the app?", "en"),
        ("Heb je je modem opnieuw opgestart?", "Heb je je tv-ontvanger ook opnieuw opgestart?", "nl"),
        ("Heb je het pakket al teruggestuurd?", "Wil je het tweede pakket ook terugsturen?", "nl"),
        ("Heb je je wachtwoord al gereset?", "Wil je je pincode resetten?", "nl"),
        ("Wil je je abonnement verlengen met een maand?", "Wil je je abonnement verlengen met een jaar?", "nl"),
        ("Can you pay the invoice by card?", "Can you pay the invoice by bank transfer?", "en"),
    ],
)
def test_other_steps_are_not_the_same(first: str, second: str, language: str) -> None:
    a, b = step(first, language), step(second, language)
    assert a is None or b is None or not same_step(a, b)


@pytest.mark.parametrize(
    "text",
    [
        "Have you seen the movie The Wife?",
        "Can you name a movie that you really liked?",
        "Please verify the following details.",
        "Yes, the Curry Garden is an Indian restaurant.",
        "Please enter your account number.",
        "Would you like to pay the next one now?",
        "When did you restart the router?",
    ],
)
def test_no_step_to_take(text: str) -> None:
    assert step(text) is None
    assert step("Waarvoor wil je een afspraak maken?", "nl") is None


RESTARTS = [
    ("bot", "Hi! Sorry you're having trouble. Have you restarted your router?"),
    ("customer", "yes, this morning. I restart it about 3 times a day at the moment"),
    ("bot", "Let's try something. Please turn your router off, wait 30 seconds and turn it on again."),
    ("customer", "did that already"),
    ("bot", "A quick restart fixes most issues! Please switch the router off and on."),
]


def test_a_step_asked_again_after_it_was_done_is_a_loop() -> None:
    result = run(RESTARTS)
    assert loop_flag(result) == ("bot repeats", [3, 5])
    assert [f.rule for f in result.messages[4].flags if f.flag == "bot_repeat"] == ["same step"]


def test_a_step_after_a_no_is_the_next_step() -> None:
    said_no = [RESTARTS[0], ("customer", "no, not yet"), *RESTARTS[2:]]
    result = run(said_no)
    assert not any(f.flag == "bot_repeat" for f in result.messages[2].flags)
    assert loop_flag(result) is None


def test_a_step_asked_once_more_for_a_new_reason_is_no_loop() -> None:
    turns = [
        ("customer", "wifi very slow"),
        ("bot", "Have you restarted the router?"),
        ("customer", "yes this morning"),
        ("bot", "I've sent a firmware update. Please restart the router once more to install it."),
        ("customer", "ok done"),
        ("bot", "The update is installed. Please restart the router one last time to apply the new settings."),
    ]
    assert loop_flag(run(turns)) is None


def test_a_dutch_payment_asked_again_is_a_loop() -> None:
    turns = [
        ("customer", "herinnering ontvangen"),
        ("bot", "Heb je de factuur al betaald?"),
        ("customer", "ja"),
        ("bot", "Wil je de factuur betalen?"),
        ("customer", "heb ik al gedaan"),
        ("bot", "Betaal de factuur via de link hieronder."),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [4, 6])
    # the next invoice, said with "ook": another step
    other = [*turns[:5], ("bot", "Wil je de volgende factuur ook nu al betalen?")]
    assert loop_flag(run(other, language="nl")) is None


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (
            [
                "Which day would you like your parcel delivered?",
                "When should we deliver your package?",
                "What day works best for the delivery?",
            ],
            "en",
        ),
        (
            [
                "On which day should we pick up your return?",
                "Which day would suit you for the pickup?",
                "When would you like us to collect the parcel?",
            ],
            "en",
        ),
        (
            [
                "Op welke dag wil je dat we bezorgen?",
                "Wanneer moeten we je pakket bezorgen?",
                "Welke dag komt het beste uit voor de bezorging?",
            ],
            "nl",
        ),
    ],
)
def test_the_day_of_one_event_asked_three_ways(texts: list[str], language: str) -> None:
    requests = [asked(text, language) for text in texts]
    assert all(request is not None and request.item[0] == DAY for request in requests)
    # each asks what one before it asked ("collect the parcel" / "the pickup" / "pick up your return")
    for index in (1, 2):
        assert any(same_item(requests[index], before) for before in requests[:index])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Which day would you like your parcel delivered?", "Which day should we pick up your old modem?"),
        ("Which day should we pick up your old modem?", "Which day should the technician come to install it?"),
        ("On which date did the accident happen?", "On which date did you buy the phone?"),
        ("When do you want to depart?", "When would you like to return?"),
    ],
)
def test_the_days_of_other_events_differ(first: str, second: str) -> None:
    a, b = asked(first), asked(second)
    assert a is not None and b is not None and not same_item(a, b)


@pytest.mark.parametrize(
    "text",
    ["Which day works for you?", "What do you check for when picking a movie?", "Give them a ring at 510-794-4526."],
)
def test_no_day_of_an_event_asked(text: str) -> None:
    request = asked(text)
    assert request is None or request.item[0] != DAY


def test_a_delivery_day_asked_three_ways_is_a_loop() -> None:
    turns = [
        ("customer", "reschedule"),
        ("bot", "Which day would you like your parcel delivered?"),
        ("customer", "saturday"),
        ("bot", "When should we deliver your package?"),
        ("customer", "saturday i said"),
        ("bot", "What day works best for the delivery?"),
    ]
    assert loop_flag(run(turns)) == ("bot repeats", [4, 6])
    fields = [
        ("customer", "need delivery of the new modem and pickup of the old one"),
        ("bot", "Which day would you like your parcel delivered?"),
        ("customer", "friday"),
        ("bot", "Which day should we pick up your old modem?"),
        ("customer", "friday too"),
        ("bot", "Which day should the technician come to install it?"),
    ]
    assert loop_flag(run(fields)) is None


def test_an_item_named_with_on_is_the_same_item() -> None:
    a = asked("Please enter your electricity meter reading.")
    b = asked("Sorry, I didn't get that. What is the current reading on your electricity meter?")
    assert a is not None and b is not None and same_item(a, b)
    gas = asked("What is the reading on your gas meter?")
    assert gas is not None and not same_item(a, gas)


def test_the_code_and_the_number_on_a_card_stay_apart() -> None:
    turns = [
        ("bot", "What is the code on your gift card?"),
        ("customer", "hmm"),
        ("bot", "What is the number on your gift card?"),
    ]
    assert not any(f.flag == "bot_repeat" for f in run(turns).messages[2].flags)


def test_a_qualifier_that_names_the_context_is_the_same_item() -> None:
    turns = [
        ("bot", "Welkom bij de digitale balie. Voor welk voertuig wil je een bezoekersvergunning?"),
        ("customer", "XK-123-B"),
        ("bot", "Wat is het kenteken van het voertuig?"),
        ("customer", "voor de auto met het kenteken dat ik net gaf"),
        ("bot", "Vul het kenteken in."),
        ("customer", "XK-123-B"),
        ("bot", "Voor welk kenteken wil je de vergunning aanvragen?"),
    ]
    assert loop_flag(run(turns, language="nl")) == ("bot repeats", [5, 7])
    # a qualifier the bot never talked about is another field
    fields = [
        ("bot", "Please enter your postcode."),
        ("customer", "1012AB"),
        ("bot", "Please enter the postcode of the pickup address."),
    ]
    assert not any(f.flag == "bot_repeat" for f in run(fields).messages[2].flags)


def test_the_problem_asked_three_ways_is_a_loop() -> None:
    turns = [
        ("customer", "help"),
        ("bot", "Could you describe the problem?"),
        ("customer", "no internet since yesterday"),
        ("bot", "What seems to be the issue?"),
        ("customer", "no internet i just said"),
        ("bot", "Please tell me what's wrong."),
    ]
    assert loop_flag(run(turns)) == ("bot repeats", [4, 6])
    assert asked("Could you describe the problem with your payment?") is None
    assert asked("What is wrong with your order?") is None


def test_the_day_of_another_visit_is_another_event() -> None:
    first = asked("When would you like the technician to come?")
    assert first is not None and first.item[0] == DAY
    second = asked("When would you like the technician to come for the second visit?")
    assert second is None or not same_item(first, second)


def test_a_step_for_another_month_is_another_step() -> None:
    turns = [
        ("bot", "Can you pay the invoice for March?"),
        ("customer", "hmm"),
        ("bot", "Can you pay the invoice for April?"),
    ]
    assert not any(f.flag == "bot_repeat" for f in run(turns).messages[2].flags)
    same = [turns[0], ("customer", "hmm"), ("bot", "Please pay the invoice for March via the link below.")]
    assert any(f.rule == "same step" for f in run(same).messages[2].flags)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Probeer je modem opnieuw op te starten.", "Heb je je modem al opnieuw opgestart?"),
        ("Heb je geprobeerd de app opnieuw te installeren?", "Kun je proberen de app opnieuw te installeren?"),
    ],
)
def test_dutch_steps_with_proberen(first: str, second: str) -> None:
    a, b = step(first, "nl"), step(second, "nl")
    assert a is not None and b is not None and same_step(a, b)


def test_checking_a_state_is_read_with_the_state() -> None:
    a, b = step("Please check the cable is plugged in."), step("Please check the cable is unplugged.")
    assert a is None or b is None or not same_step(a, b)


def test_a_field_with_a_qualifier_then_without_is_another_field() -> None:
    turns = [
        ("bot", "Please enter the postcode of the pickup address."),
        ("customer", "1012AB"),
        ("bot", "Please enter your postcode."),
    ]
    assert not any(f.flag == "bot_repeat" for f in run(turns).messages[2].flags)


def test_a_pronoun_points_to_the_value_its_own_text_names() -> None:
    own = asked("No problem! Your account number is 8 digits and starts with 7. Please enter it below.")
    assert own is not None and own.item == ("account", "number")
    dutch = asked("Geen probleem! Je klantnummer bestaat uit 8 cijfers. Vul het hieronder in.", "nl")
    assert dutch is not None and dutch.item == ("klantnumber",)
    turns = [
        ("bot", "Hi! I can update your contact details. What's your new mobile number?"),
        ("customer", "07700 900873"),
        ("bot", "Please type the new number again to confirm."),
        ("customer", "07700 900873"),
        ("bot", "Thanks. We've sent a 6-digit code to that number. Please enter it."),
    ]
    result = run(turns)
    assert not any(f.flag == "bot_repeat" for f in result.messages[4].flags)  # the code, not the number
