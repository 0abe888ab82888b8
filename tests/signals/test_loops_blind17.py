"""Bot loops from blind17's misses (read after its count): a bot that says it did not
understand with a polite "unfortunately" still fails to understand; bad news does not."""

from __future__ import annotations

from tests.signals.dialogue import run


def test_not_understanding_with_unfortunately_is_a_failure_loop() -> None:
    turns = [
        ("bot", "Goedendag, ik ben de digitale assistent van de gemeente. Wat is uw vraag?"),
        ("customer", "wanneer kan ik een oude bank laten ophalen"),
        ("bot", "Dat begreep ik helaas niet. Kunt u uw vraag anders stellen?"),
        ("customer", "grofvuil ophalen"),
        ("bot", "Dat begreep ik helaas niet. Probeer korte woorden, bijvoorbeeld 'afval' of 'paspoort'."),
        ("customer", "GROF VUIL. BANK. OPHALEN."),
    ]
    assert run(turns, "nl").bot_loop
    english = [
        ("bot", "How can I help?"),
        ("customer", "my parcel is late"),
        ("bot", "Unfortunately I didn't understand that. Could you rephrase?"),
        ("customer", "parcel late"),
        ("bot", "Unfortunately I didn't understand that. Could you rephrase?"),
        ("customer", "PARCEL. LATE."),
    ]
    assert run(english, "en").bot_loop


def test_bad_news_said_twice_is_no_loop() -> None:
    turns = [
        ("bot", "How can I help?"),
        ("customer", "book a table for 4 tonight"),
        ("bot", "Unfortunately I could not find a table for 4 tonight."),
        ("customer", "tomorrow then"),
        ("bot", "Unfortunately I could not find a table for tomorrow either."),
        ("customer", "ok never mind"),
    ]
    assert not run(turns, "en").bot_loop
    dutch = [
        ("bot", "Waarmee kan ik helpen?"),
        ("customer", "een tafel voor 4 vanavond"),
        ("bot", "Helaas kon ik geen tafel voor 4 vinden vanavond."),
        ("customer", "morgen dan"),
        ("bot", "Helaas kon ik ook morgen geen tafel vinden."),
        ("customer", "jammer"),
    ]
    assert not run(dutch, "nl").bot_loop


def test_the_same_link_sent_again_and_rejected_is_a_loop() -> None:
    turns = [
        ("bot", "Hoi! Ik ben Eva, de digitale assistent. Waar kan ik je mee helpen?"),
        ("customer", "we hebben sinds september zonnepanelen, hoe zie ik hoeveel we terugleveren"),
        ("bot", "Alles over zonnepanelen en terugleveren lees je op stroomwijzer.nl/zonnepanelen."),
        ("customer", "daar staat alleen algemene info. ik wil onze eigen cijfers zien"),
        ("bot", "Alles over zonnepanelen en terugleveren lees je op stroomwijzer.nl/zonnepanelen."),
        ("customer", "ja die pagina heb ik gelezen. waar in de app zie ik MIJN teruglevering"),
        ("bot", "Meer informatie vind je op stroomwijzer.nl/zonnepanelen. Kan ik je nog ergens anders mee helpen?"),
        ("customer", "nee want hiermee ook al niet"),
    ]
    assert run(turns, "nl").bot_loop


def test_a_confirmation_asked_again_after_a_wish_is_the_same_question() -> None:
    # "Beterschap!" ("get well soon") opens the first ask; the fourth ask is the same without it.
    turns = [
        ("bot", "Hey! Ik ben Fitz van SportPlaza. Wat kan ik voor je doen?"),
        ("customer", "ik wil mn abonnement pauzeren, ben geopereerd aan mn knie"),
        ("bot", "Beterschap! Je wilt je abonnement pauzeren. Klopt dat?"),
        ("customer", "ja"),
        ("bot", "Je abonnement pauzeren kan voor maximaal 3 maanden. Wil je je abonnement pauzeren?"),
        ("customer", "ja"),
        ("bot", "Oké! Wil je je abonnement pauzeren? Antwoord met ja of nee."),
        ("customer", "JA"),
        ("bot", "Je wilt je abonnement pauzeren. Klopt dat?"),
        ("customer", "ja!!! hoe vaak nog. kan er iemand van jullie bellen"),
    ]
    signals = run(turns, "nl")
    assert signals.bot_loop
    assert any(flag.flag == "bot_repeat" for flag in signals.messages[8].flags)


def test_a_name_opening_a_text_still_makes_it_another_message() -> None:
    turns = [
        ("bot", "Hoi! Waarmee kan ik helpen?"),
        ("customer", "ik wil een afspraak maken"),
        ("bot", "Sanne belt je morgen. Klopt je nummer nog?"),
        ("customer", "ja"),
        ("bot", "Klopt je nummer nog?"),
        ("customer", "ja"),
    ]
    assert not any(flag.flag == "bot_repeat" for flag in run(turns, "nl").messages[4].flags)
