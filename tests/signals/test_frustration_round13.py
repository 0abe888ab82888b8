"""Round 13 (issue 12): frustration readings from an outsider's set, each in general form
with its near misses: time counted as a complaint, sarcastic offers and questions about the
point of the chat, the customer's own count of what they gave, a bare "seriously?"."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        # time counted with "over", "seriously", "finally", "nog steeds" is impatience
        ("it's been over 20 now", "en", "impatience"),
        ("It has been more than 3 hours, nobody answers", "en", "impatience"),
        ("24 hours seriously", "en", "impatience"),
        ("3 days?? are you kidding", "en", "impatience"),
        ("finally. 48 minutes for a one minute fix", "en", "impatience"),
        ("40 minuten en nog steeds niemand", "nl", "impatience"),
        ("2 dagen later en nog altijd geen reactie", "nl", "impatience"),
        ("Het is nu 2 uur later en de lekkage is erger", "nl", "waiting"),
        ("Reageert er nog iemand?", "nl", "waiting"),
        ("want me to reboot it a fourth time?", "en", "rhetorical"),
        ("so what's the point of this chat then", "en", "rhetorical"),
        ("What is the point of your chatbot", "en", "rhetorical"),
        ("Do you lose everything I send?", "en", "rhetorical"),
        ("So I just sit here and hope it turns up?", "en", "rhetorical"),
        ("Wat heb ik dan aan deze chat?", "nl", "rhetorical"),
        ("is anyone even working there? I waited 40 minutes", "en", "rhetorical"),
        ("Is anyone actually reading this?", "en", "rhetorical"),
        ("werkt er eigenlijk nog wel iemand bij jullie?", "nl", "rhetorical"),
        ("Negeren jullie alles wat ik stuur?", "nl", "rhetorical"),
        ("I've now given the account number three times", "en", "repetition"),
        ("we have sent the invoice twice already", "en", "repetition"),
        ("Dat schreef ik net", "nl", "repetition"),
        ("Ik heb de foto's al twee keer opgestuurd", "nl", "repetition"),
        ("Seriously? Still no refund", "en", "impatience"),
        ("Serieus? Weer niks", "nl", "impatience"),
    ],
)
def test_read(text: str, language: str, cue: str) -> None:
    assert cue in text_features(text, language, True).cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It's been over a year since I ordered, great product", "en"),
        ("It's been almost 3 years with you", "en"),
        ("Finally! 2 days and it works, thanks", "en"),
        ("I need it within 24 hours, really", "en"),
        ("So I just wait for the confirmation email?", "en"),
        ("So we just wait until Monday then?", "en"),
        ("Seriously? That's amazing, thank you!", "en"),
        ("Serieus? Wat goed!", "nl"),
        ("What's the point of the app if I already have the website? Just curious", "en"),
        ("Ik heb al twee keer eerder bij jullie besteld, altijd goed", "nl"),
        ("Over 2 weeks it's my birthday", "en"),
        ("Het is daar 2 uur later dan hier", "nl"),
        ("Ik bel over 40 minuten en nog een keer morgen", "nl"),
        ("Do you want me to send it again?", "en"),
        ("Is er iemand die me kan helpen met mijn adres?", "nl"),
        ("Werkt er iemand bij jullie die Duits spreekt?", "nl"),
        # a count of earlier contacts that went well is no repeat
        ("Ik heb al twee keer de meterstand doorgegeven, beide keren goed gegaan.", "nl"),
        ("I have sent the meter photos three times this year without any problems", "en"),
    ],
)
def test_near_misses_are_not_read(text: str, language: str) -> None:
    cues = text_features(text, language, True).cues
    assert not {"waiting", "rhetorical", "repetition", "impatience"} & set(cues)


# -- complaints as public support threads write them: quality judgements, "worse", no care
# shown, warning others off ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("your online delivery services are subpar", "en", "grievance"),
        ("The new update is absolutely useless", "en", "grievance"),
        ("taking three weeks to process a return is kinda shocking", "en", "grievance"),
        ("your Xbox app is worse than before", "en", "grievance"),
        ("Your service is getting worse and worse", "en", "grievance"),
        ("Zero interest in helping customers", "en", "grievance"),
        ("there was no communication about the delay", "en", "grievance"),
        ("I'll tell everyone I know not to buy from you", "en", "escalation"),
        ("I will never be ordering from you again", "en", "escalation"),
        ("jullie klantenservice is echt ondermaats", "nl", "grievance"),
        ("het wordt alleen maar erger", "nl", "grievance"),
        ("totaal geen communicatie van jullie kant", "nl", "grievance"),
        ("ik bestel nooit meer bij jullie", "nl", "escalation"),
        ("ik raad iedereen af om hier te bestellen", "nl", "escalation"),
    ],
)
def test_complaints_read(text: str, language: str, cue: str) -> None:
    assert cue in text_features(text, language, True).cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The old app was terrible but this one is great", "en"),
        ("Is it worse to restart or to reset?", "en"),
        ("my back pain is getting worse", "en"),
        ("0% interest, zero interest financing?", "en"),
        ("No communication needed, just ship it", "en"),
        ("I'll never use anything else, love it", "en"),
        ("De vorige app was waardeloos maar deze werkt prima", "nl"),
        ("Is het erger als ik de router reset?", "nl"),
    ],
)
def test_complaint_near_misses(text: str, language: str) -> None:
    assert not {"grievance", "escalation"} & set(text_features(text, language, True).cues)
