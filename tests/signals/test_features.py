"""Per-text features: sentiment in English and Dutch, cues, shapes, language detection."""

from __future__ import annotations

from cxreview.signals.features import shape_of, text_features
from cxreview.signals.language import detect_language
from cxreview.signals.sentiment import sentiment


def test_english_uses_vader_unchanged() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = "This is not good at all, really terrible service"
    assert sentiment(text, "en") == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]


def test_dutch_lexicon_negations_and_boosters() -> None:
    assert sentiment("Ik ben blij", "nl") > 0.3
    assert sentiment("Ik ben niet blij", "nl") < 0
    assert sentiment("Ik ben heel blij", "nl") > sentiment("Ik ben blij", "nl")
    assert sentiment("Dit is echt belachelijk", "nl") < sentiment("Dit is belachelijk", "nl") < 0
    assert sentiment("Geen probleem", "nl") > sentiment("probleem", "nl")
    # English stays English after a Dutch call: the swapped VADER lists are restored.
    assert sentiment("heel good", "en") == sentiment("heel good", "en")
    from vaderSentiment import vaderSentiment as vader

    assert "niet" not in vader.NEGATE and "heel" not in vader.BOOSTER_DICT


def test_shape_hides_numbers_emails_and_links_but_not_words() -> None:
    assert shape_of("it's NW-4411 and jan@example.nl, see www.example.com/x") == "it's NW-000 and email, see link"
    a, b = text_features("Order NW-1234567 please", "en"), text_features("Order NW-7654321 please", "en")
    assert a.sentiment == b.sentiment and a.cues == b.cues
    assert a.identifiers == {"nw-1234567"} and b.identifiers == {"nw-7654321"}


def test_evidence_shows_counts_as_written_and_hides_long_numbers() -> None:
    # Short numbers are counts and durations: the evidence a supervisor reads keeps them.
    assert text_features("This is the 3rd time I ask", "en").cues["repetition"] == "This is the 3rd time"
    assert text_features("It broke after 2 weeks", "en").cues["problem"] == "broke after 2 weeks"
    assert text_features("Dit is de 3e keer dat ik bel", "nl").cues["repetition"] == "de 3e keer"
    # A phone number is a number to the cues ("call me on 000"), never shown as evidence.
    shaped = shape_of("Call me on 0612345678 or +31 20 1234567")
    assert shaped == "Call me on 000 or +31 20 000"
    evidence = " ".join(text_features("Call me on 0612345678", "en").cues.values())
    assert "0612345678" not in evidence and "1234" not in evidence


def test_cues_in_both_languages() -> None:
    assert "human_request" in text_features("Can I speak to a real person please", "en").cues
    assert "human_request" in text_features("Ik wil een medewerker spreken", "nl").cues
    assert "human_request" in text_features("bel me even terug", "nl").cues
    assert "human_request" in text_features("agent please", "nl").cues  # English phrases in Dutch chats
    assert "declines_human" in text_features("I don't need a person, the bot is fine", "en").cues
    assert "escalation" in text_features("Ik wil een klacht indienen", "nl").cues
    assert "escalation" in text_features("I want to cancel and file a complaint", "en").cues
    assert "ironic_praise" in text_features("Oh great, another week of waiting. Just perfect.", "en").cues
    assert "rejection" in text_features("No, that's not what I asked", "en").cues
    assert "rejection" not in text_features("No, that was everything. Thanks!", "en").cues
    bot = text_features("Sorry, I didn't understand that. Could you rephrase?", "en", customer=False)
    assert "failure" in bot.cues and "human_request" not in bot.cues
    assert "disclosure" in text_features("Hoi! Ik ben Robin, de digitale assistent.", "nl", customer=False).cues


def test_caps_exclamation_and_emphasis() -> None:
    shouting = text_features("WHERE IS MY PARCEL", "en")
    assert shouting.caps > 0.9 and shouting.emphasis == 0
    assert text_features("I need it fixed TODAY", "en").emphasis == 1
    assert text_features("Please read the FAQ", "en").emphasis == 0
    assert text_features("seriously?!", "en").exclamation > 0
    assert text_features("fine.", "en").exclamation == 0


def test_language_detection() -> None:
    assert detect_language(["Hoi, mijn pakket is nog niet bezorgd", "Kun je het nakijken?"]) == "nl"
    assert detect_language(["Hi, my parcel has not arrived", "Can you check it?"]) == "en"
    assert detect_language(["12345", "!!!"]) == "und"  # nothing to go on: undetermined, no longer English
