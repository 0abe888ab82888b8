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
