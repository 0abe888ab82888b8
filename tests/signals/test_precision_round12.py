"""Round 12 audit (issue 12): reasons that say why a message scored, waiting complaints alike
in English and Dutch, rhetorical questions, plain disappointment, and names in capitals."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.features import text_features
from tests.signals.dialogue import run

CONFIG = load_config()
FRUSTRATED_AT = CONFIG["frustration"]["frustrated_at"]


def customer(text: str, language: str = "en") -> float:
    return run([("customer", text)], language).messages[0].frustration or 0.0


# -- 6: a name or product in capitals is no shouting; a phrase in capitals is ----------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I want to cancel my NETFLIX subscription", "en"),
        ("My VODAFONE bill is wrong", "en"),
        ("I paid with PAYPAL", "en"),
        ("Mijn ZIGGO internet doet het niet", "nl"),
        ("Ik heb betaald met PAYPAL", "nl"),
    ],
)
def test_a_name_in_capitals_is_no_shouting(text: str, language: str) -> None:
    f = text_features(text, language)
    assert f.emphasis == 0 and f.caps == 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("WHERE IS MY ORDER", "en"), ("I WANT A REFUND", "en"), ("WAAR BLIJFT MIJN PAKKET", "nl")],
)
def test_a_phrase_in_capitals_shouts(text: str, language: str) -> None:
    assert text_features(text, language).caps > 0.9
    assert customer(text, language) >= FRUSTRATED_AT


def test_a_known_word_in_capitals_is_still_emphasis() -> None:
    assert text_features("I need it fixed IMMEDIATELY", "en").emphasis == 1
    assert text_features("Ik wil het METEEN opgelost hebben", "nl").emphasis == 1
    assert text_features("My NETFLIX account is blocked AGAIN", "en").emphasis == 1


# -- 1: the reasons say why the message scored ----------------------------------------------


def _reasons(turns: list[tuple[str, str]], language: str = "en") -> list[str]:
    from cxreview.tui.widgets.message_reasons import reasons_in_words

    return reasons_in_words(run(turns, language).messages[-1].cues, masked=False)


def test_sarcastic_praise_is_credited_to_the_sarcasm_not_to_negative_words() -> None:
    turns = [("agent", "Sorry, your refund is delayed again."), ("customer", "Wow. Great service. Really great.")]
    reasons = _reasons(turns)
    assert reasons and reasons[0].startswith("sarcasm")
    assert not any(r.startswith("negative words") for r in reasons)
    # Negative words that outweigh the praise are still named, with the words.
    turns = [
        ("agent", "Sorry, your refund is delayed again."),
        ("customer", "Just perfect. Terrible, horrible service."),
    ]
    assert 'negative words ("Terrible, horrible")' in _reasons(turns)


def test_another_week_is_more_waiting_not_a_correction() -> None:
    turns = [("bot", "I'm afraid your order will take another week."), ("customer", "Oh great, another week.")]
    reasons = _reasons(turns)
    assert not any(r.startswith("corrects the answer") for r in reasons)
    assert any(r.startswith("complains about waiting") for r in reasons)
    assert run(turns).messages[-1].frustration >= FRUSTRATED_AT
    # "another option" still asks for something else.
    assert "correction" in text_features("I'd like another option please", "en").cues
    assert "correction" not in text_features("So I have to wait another week?", "en").cues


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What can I do for you today?", "I don't think you can do anything, my parcel is lost"),
        ("How can I help you?", "Never mind"),
        ("Anything I can help with?", "Nah, not interested"),
        ("Do you have a preference for the area?", "No, I don't have a preference."),
        ("Hoe kan ik je helpen?", "Nee, ik denk niet dat jullie iets kunnen doen"),
    ],
)
def test_a_no_to_an_open_question_is_not_saying_no_to_a_proposal(question: str, answer: str) -> None:
    language = "nl" if question.startswith("Hoe") else "en"
    turns = [("agent", question), ("customer", answer)]
    cues = run(turns, language).messages[-1].cues or {}
    assert "no_to_question" not in cues and "negative_answer" not in cues
    reasons = _reasons(turns, language)
    assert not any(r.startswith("says no") for r in reasons)
    # A "no" that is part of a complaint is shown as it: "Never mind" gives up (issue 12).
    assert any(r.startswith(("answers an open question with a no", "gives up")) for r in reasons)


def test_a_no_to_a_proposal_still_says_no() -> None:
    cues = run([("agent", "Would you like a refund?"), ("customer", "No, I don't want a refund")]).messages[-1].cues
    assert cues and "no_to_question" in cues


# -- 2: waiting complaints alike in English and Dutch ---------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your 'Priority Email Support' takes days to respond", "en"),
        ("I've been waiting 40 minutes", "en"),
        ("still no reply after 3 days", "en"),
        ("I have been on hold for 2 hours", "en"),
        ("ik wacht al 3 dagen op antwoord", "nl"),
        ("Het duurt dagen voordat jullie reageren", "nl"),
    ],
)
def test_waiting_complaints_cross_in_both_languages(text: str, language: str) -> None:
    assert customer(text, language) >= FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Does it take days to arrive?", "en"),
        ("How long have I been waiting? About 10 minutes?", "en"),
        ("Another week is fine, no problem", "en"),
        ("Can you deliver it another day? Friday works.", "en"),
        ("Ik wacht nog een dag af", "nl"),
    ],
)
def test_questions_and_calm_waits_stay_calm(text: str, language: str) -> None:
    assert customer(text, language) < FRUSTRATED_AT


# -- 3: "afgehandeld" read in its sense -----------------------------------------------------


def test_marked_resolved_but_still_a_problem_is_frustrated() -> None:
    from cxreview.signals.sentiment import sentiment

    text = "het is als afgehandeld gemarkeerd maar ik heb nog steeds geen pakket"
    assert customer(text, "nl") >= FRUSTRATED_AT
    # The problem word keeps its sense when the text says it is not resolved.
    assert sentiment("de storing is niet verholpen", "nl", True) < 0
    assert sentiment("Mijn probleem is nog steeds niet opgelost", "nl", True) < sentiment(
        "Mijn probleem is opgelost", "nl", True
    )
    assert sentiment("De melding staat op afgehandeld maar de fout is er nog", "nl", True) < 0
    # Resolved is resolved, also with a new question after it.
    assert sentiment("Je klacht is afgehandeld", "nl", True) >= 0
    assert sentiment("Mijn probleem is opgelost, maar ik heb nog een vraag", "nl", True) > 0


# -- 4: rhetorical questions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("So do we just upload and hope for the best?", "en"),
        ("Am I supposed to guess?", "en"),
        ("How hard can it be?", "en"),
        ("Moet ik het soms zelf komen halen?", "nl"),
        ("Moet ik het dan zelf maar uitzoeken?", "nl"),
        ("Denken jullie soms dat ik gek ben?", "nl"),
        ("Hoe moeilijk kan het zijn?", "nl"),
    ],
)
def test_rhetorical_questions(text: str, language: str) -> None:
    assert "rhetorical" in text_features(text, language).cues
    assert customer(text, language) >= FRUSTRATED_AT


@pytest.mark.parametrize(
    "text",
    [
        "Kan ik het zelf ophalen?",
        "Moet ik het zelf ophalen?",
        "Hebben jullie soms een andere maat?",
        "Is het soms al verzonden?",
    ],
)
def test_sincere_dutch_questions_are_not_rhetorical(text: str) -> None:
    assert "rhetorical" not in text_features(text, "nl").cues
    assert customer(text, "nl") < FRUSTRATED_AT


# -- 5: plain disappointment ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am disappointed", "en"),
        ("I'm very disappointed with the service", "en"),
        ("We are disappointed in how this was handled", "en"),
        ("ik ben teleurgesteld", "nl"),
        ("Ik ben echt teleurgesteld in jullie", "nl"),
    ],
)
def test_plain_disappointment_is_frustrated(text: str, language: str) -> None:
    assert customer(text, language) >= FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I'm not disappointed at all, thanks", "en"),
        ("I was disappointed at first but now it works great", "en"),
        ("I'd be disappointed if it didn't fit, can I return it?", "en"),
        ("Ik ben niet teleurgesteld hoor", "nl"),
    ],
)
def test_disappointment_denied_or_over_is_calm(text: str, language: str) -> None:
    assert customer(text, language) < FRUSTRATED_AT
