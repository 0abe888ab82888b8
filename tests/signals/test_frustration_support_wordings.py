"""Frustration wordings of real support threads (round 8): churn threats, promises not kept,
no reply, being passed around, sarcastic thanks, in English and Dutch. Each frustrated
wording must keep its cue (the evidence a supervisor sees); the calm messages next to them
(a request to cancel, a plan change, a patient reminder, a solved problem) must stay under
the flag."""

from __future__ import annotations

import pytest

from tests.signals.test_frustration import CONFIG, customer

FLAG = CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("I'm so done with this company.", "en", "escalation"),
        ("Fix this or I'll cancel my account.", "en", "escalation"),
        ("If this isn't sorted by Friday I'm switching to another provider.", "en", "escalation"),
        ("This is the last time I order from you.", "en", "escalation"),
        ("I will never buy from you again.", "en", "escalation"),
        ("I'm taking my business elsewhere.", "en", "escalation"),
        ("I would not recommend your company to anyone.", "en", "escalation"),
        ("I've been passed around between three departments.", "en", "grievance"),
        ("You keep letting me down.", "en", "grievance"),
        ("This is so frustrating.", "en", "grievance"),
        ("Your customer service is terrible.", "en", "grievance"),
        ("So annoying!!!", "en", "grievance"),
        ("I've been waiting on a reply for a week.", "en", "waiting"),
        ("You keep ignoring my emails.", "en", "waiting"),
        ("Not a single reply to my three emails.", "en", "waiting"),
        ("An hour on hold and nobody picked up.", "en", "grievance"),
        ("It was supposed to arrive on Monday.", "en", "broken_promise"),
        ("I was told it would be fixed by Friday, but nothing happened.", "en", "broken_promise"),
        ("You said it would arrive Monday and it didn't.", "en", "broken_promise"),
        ("The refund should have been credited last week.", "en", "broken_promise"),
        ("Thanks for ignoring me for three days.", "en", "sarcasm"),
        ("My order has yet to arrive.", "en", "impatience"),
        ("I love waiting on hold for an hour.", "en", "sarcasm"),
        ("Great, I paid for express shipping just to have it arrive a week late.", "en", "sarcasm"),
        ("Ik voel me echt in de steek gelaten.", "nl", "grievance"),
        ("Ik ben er helemaal klaar mee.", "nl", "grievance"),
        ("Van het kastje naar de muur gestuurd, weer.", "nl", "grievance"),
        ("Bedankt dat jullie mijn tijd verspillen.", "nl", "sarcasm"),
        ("Ik stap over naar een andere provider.", "nl", "escalation"),
        ("Ik stap over naar Ziggo.", "nl", "escalation"),
        ("Nooit meer bestel ik hier.", "nl", "escalation"),
        ("Als dit vandaag niet geregeld is, zeg ik mijn abonnement op.", "nl", "escalation"),
        ("Ik ga per direct mijn abonnement opzeggen.", "nl", "escalation"),
        ("Dit is de laatste keer dat ik hier iets bestel.", "nl", "escalation"),
        ("Het pakket had vorige week al bezorgd moeten zijn.", "nl", "broken_promise"),
        ("Er werd me beloofd dat ik teruggebeld zou worden, maar niemand belde.", "nl", "broken_promise"),
        ("Jullie negeren mijn mails.", "nl", "waiting"),
        ("Mijn account is WEER geblokkeerd.", "nl", "problem"),
    ],
)
def test_frustrated_wording_keeps_its_cue(text: str, language: str, cue: str) -> None:
    message = customer(text, language)
    assert cue in message.features, message.features
    assert cue in message.cues  # shown as evidence, with its push on the score


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I'm switching to the new plan next month.", "en"),
        ("Can I cancel my order?", "en"),
        ("I want to cancel my subscription, I'm moving abroad.", "en"),
        ("Still waiting for your reply? No rush.", "en"),
        ("No rush, whenever you get a chance.", "en"),
        ("When is it supposed to arrive?", "en"),
        ("I was supposed to be home today, can it come tomorrow instead?", "en"),
        ("Should I have received an email by now?", "en"),
        ("No reply needed, just letting you know I paid.", "en"),
        ("Sorry for being so annoying, one more question.", "en"),
        ("You have never let me down, thanks!", "en"),
        ("I'm not frustrated, just curious how it works.", "en"),
        ("Is there a 10 minute wait for the callback?", "en"),
        ("The last time I ordered it came in two days.", "en"),
        ("I'm done with this form, what's next?", "en"),
        ("No update available on the app, is that right?", "en"),
        ("I'll definitely be ordering from you again!", "en"),
        ("Thanks for sorting this out so quickly.", "en"),
        ("I love it, thanks!", "en"),
        ("Every time I open the app it asks me to log in, is that normal?", "en"),
        ("The app crashes every time I open my bills", "en"),
        ("My card got declined again, can you check?", "en"),
        ("I can watch it over and over again.", "en"),
        ("If it doesn't arrive by Friday I'll cancel the order and buy it in the shop.", "en"),
        ("Or I'll cancel and reorder, whatever is easier for you.", "en"),
        ("This is the last time I use the old card, I have a new one now.", "en"),
        ("I was so angry at myself for forgetting the password, haha.", "en"),
        ("Nothing works better than your app, honestly!", "en"),
        ("I've already tried that and it worked, thanks!", "en"),
        ("Awaiting your reply on the quote.", "en"),
        ("Waiting on a callback from your colleague, she said she'd call at 3.", "en"),
        ("Waiting for a callback from your colleague, she said she'd call at 3.", "en"),
        ("The technician was supposed to come today between 8 and 12, is he still coming?", "en"),
        ("I was told it would take 3-5 days, is that still right?", "en"),
        ("I'm done with the setup, what's next?", "en"),
        ("The app was crashing but it's fixed now, great work!", "en"),
        ("Nope, all good!", "en"),
        ("No, all good, thanks!", "en"),
        ("Ik stap over naar het nieuwe abonnement.", "nl"),
        ("Hoe kan ik mijn abonnement opzeggen?", "nl"),
        ("Ik wil mijn abonnement opzeggen.", "nl"),
        ("De laatste keer dat ik belde was het zo geregeld.", "nl"),
        ("Daarna heb ik er nooit meer last van gehad.", "nl"),
        ("Geen haast hoor, wanneer het je uitkomt.", "nl"),
        ("Ik ben klaar met het formulier, wat nu?", "nl"),
        ("Anders ga ik wel even langs de winkel.", "nl"),
        ("Ik ga mijn abonnement opzeggen want ik verhuis naar het buitenland.", "nl"),
        ("Dat was de laatste keer dat ik iets moest betalen, toch?", "nl"),
        ("Er werd me verteld dat het drie dagen duurt, maar dat is prima.", "nl"),
        ("Zo irritant, mijn kat liep over het toetsenbord haha", "nl"),
        ("I was told it would take three days, but that's fine.", "en"),
        ("Het werkt weer, bedankt!", "nl"),
        ("Nee, alles goed!", "nl"),
        ("Bedankt dat jullie zo snel reageren.", "nl"),
    ],
)
def test_calm_message_stays_under_the_flag(text: str, language: str) -> None:
    message = customer(text, language)
    assert (message.frustration or 0.0) < FLAG, (message.frustration, message.reasons)
    assert not {"escalation", "grievance", "sarcasm", "broken_promise"} & set(message.features), message.features


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nope, all good!", "en"),
        ("No, all good, thanks!", "en"),
        ("The app was crashing but it's fixed now, great work!", "en"),
        ("It was broken, fixed now, great work!", "en"),
        ("Het werkte niet, maar het is nu opgelost, top gedaan!", "nl"),
    ],
)
def test_sentiment_shown_is_positive(text: str, language: str) -> None:
    """The transcript shows a relieved "all good" or praise after a solved problem as positive."""
    assert (customer(text, language).sentiment or 0.0) > 0


@pytest.mark.parametrize(
    "text",
    ["The customer care number is invalid.", "No support from your team at all.", "Dear Sir, my store credit is gone."],
)
def test_service_words_are_no_praise(text: str) -> None:
    """ "support", "care", "credit", "dear" name the service or open a letter: no praise."""
    assert (customer(text).sentiment or 0.0) <= 0


def test_no_rush_takes_the_impatience_out() -> None:
    patient = customer("Still waiting for your reply? No rush.")
    impatient = customer("Still waiting for your reply?")
    assert "waiting" not in patient.features and "waiting" in impatient.features
    assert (patient.frustration or 0.0) < (impatient.frustration or 0.0)
