"""Frustration round 10 (support text): praise thrown at the end of a bad-news sentence is
sarcasm ("... and nobody called me. great", "5 werkdagen. geweldig."), and the redaction
placeholders of exported chats ("#EMAIL#", "[NAME]", "XXXX") are no shouting. Each frustrated
wording keeps its cue as evidence and crosses the flag; each calm one stays under it."""

from __future__ import annotations

import pytest

from cxreview.signals.features import text_features
from tests.signals.dialogue import run
from tests.signals.test_frustration import CONFIG, customer

FLAG = CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("so the parcel is lost and nobody can tell me where it is. brilliant", "en"),
        ("you charged me twice and never sent the refund. lovely", "en"),
        ("10 working days. wonderful.", "en"),
        ("so no refund, just a voucher. nice", "en"),
        ("The router was broken on arrival. Fantastic!", "en"),
        ("Cancelled my card without asking me. Nice try", "en"),
        ("dus ik krijg geen vergoeding en moet zelf alles regelen. top", "nl"),
        ("3 weken. fantastisch.", "nl"),
        ("jullie rekenen gewoon administratiekosten. leuk geprobeerd", "nl"),
        ("mijn pakket is kwijt en niemand weet waar het is. echt geweldig", "nl"),
    ],
)
def test_praise_after_bad_news_is_sarcasm(text: str, language: str) -> None:
    assert "sarcasm" in text_features(text, language).cues, text
    ms = customer(text, language)
    assert "sarcasm_match" in ms.cues  # the matched words are the evidence
    assert ms.frustration >= FLAG, (text, ms.frustration, ms.reasons)
    assert "sarcasm" in ms.reasons


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No, that's all. Great!", "en"),
        ("Ok, nothing else. Perfect.", "en"),
        ("Ok, no need to call me. Perfect", "en"),
        ("It was lost in the post but the new one came today. Great!", "en"),
        ("It wasn't that bad after all. Nice!", "en"),
        ("Thanks, it arrived in 2 days. Great!", "en"),
        ("Nee, verder niks. Top!", "nl"),
        ("Het pakket was kwijt maar nu is het er. Top", "nl"),
        ("Geen probleem, ik wacht wel. Super!", "nl"),
        ("Bedankt, het is binnen 2 dagen geleverd. Top!", "nl"),
    ],
)
def test_praise_after_calm_words_stays_praise(text: str, language: str) -> None:
    assert "sarcasm" not in text_features(text, language).cues, text
    assert customer(text, language).frustration < FLAG, text


@pytest.mark.parametrize(
    "text",
    [
        "#PRS_ORG# #ADDRESS# #NUMBER#",
        "My e-mail is [EMAIL], order {ORDER_ID}",
        "It was charged on XX/XX/XXXX",
        "<NAME> <PHONE>",
    ],
)
def test_redaction_placeholders_are_no_shouting(text: str) -> None:
    f = text_features(text, "en")
    assert f.caps == 0 and f.emphasis == 0, text


def test_shouting_beside_a_placeholder_still_counts() -> None:
    assert text_features("My email is [EMAIL] and it does NOT work", "en").emphasis == 1.0
    assert text_features("WHERE IS MY ORDER #NUMBER#", "en").caps > 0.6


def test_a_shrugged_whatever_gives_up() -> None:
    assert "giving_up" in text_features("3 weeks? ok whatever", "en").cues
    assert customer("3 weeks? ok whatever").frustration >= FLAG
    assert "giving_up" not in text_features("ok, whatever works for you", "en").cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Does not work", "en"),
        ("doesn't work.", "en"),
        ("Not working at all", "en"),
        ("Werkt niet", "nl"),
        ("doet het nog steeds niet", "nl"),
    ],
)
def test_a_bare_does_not_work_reads_as_it_does_not_work(text: str, language: str) -> None:
    # "It doesn't work." is a grievance; the same words without the subject are too.
    assert "grievance" in text_features(text, language).cues, text
    assert customer(text, language).frustration >= FLAG


def test_a_problem_report_with_more_words_stays_a_report() -> None:
    for text in ("not working at the moment, can you check?", "Does not work for me when I use the old card"):
        assert "grievance" not in text_features(text, "en").cues
        assert customer(text).frustration < FLAG


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        # The same excuse heard before.
        ("That's what your colleague said last time.", "en", "grievance"),
        ("You keep saying that", "en", "grievance"),
        ("I've heard that excuse before.", "en", "grievance"),
        ("Been hearing the same thing for weeks", "en", "grievance"),
        ("Dat zei de vorige medewerker ook.", "nl", "grievance"),
        ("Dat zegt u elke keer", "nl", "grievance"),
        ("Dat hoor ik nu al maanden.", "nl", "grievance"),
        # Promised again: why believe it this time?
        ("And how do I know the engineer will actually show up this time?", "en", "rhetorical"),
        ("Hoe weet ik of het pakket deze keer wel aankomt?", "nl", "rhetorical"),
    ],
)
def test_the_same_excuse_again_is_a_grievance(text: str, language: str, cue: str) -> None:
    assert cue in text_features(text, language).cues, text
    ms = customer(text, language)
    assert f"{cue}_match" in ms.cues
    assert ms.frustration >= FLAG, (text, ms.frustration, ms.reasons)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("That's what your colleague said too, thanks, I'll wait", "en"),
        ("I've heard that before about this phone, is it true?", "en"),
        ("Is that what you always say to customers?", "en"),
        ("Dat zei uw collega ook, dus ik wacht het af.", "nl"),
        ("Mijn collega zegt altijd dat jullie goed zijn", "nl"),
        ("How do I know which plan is right for me?", "en"),
    ],
)
def test_the_same_words_said_calmly_stay_calm(text: str, language: str) -> None:
    assert customer(text, language).frustration < FLAG, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ok, I know it's not your fault", "en"),
        ("fine, I know you can't do anything about it", "en"),
        ("ok, u kunt er ook niks aan natuurlijk", "nl"),
        ("ok, het is niet jouw schuld", "nl"),
    ],
)
def test_telling_the_agent_it_is_not_their_fault_is_calm(text: str, language: str) -> None:
    ms = analyze_after_bad_news(text, language)
    assert ms.frustration < FLAG, (text, ms.frustration, ms.reasons)
    assert "negations" not in ms.features and "rejection" not in ms.features


def test_that_did_not_help_either_still_rejects() -> None:
    assert "rejection" in text_features("dat helpt ook niks", "nl").cues


def analyze_after_bad_news(text: str, language: str):  # noqa: ANN201
    bot = "Unfortunately that's a national outage." if language == "en" else "Dat is helaas een landelijke storing."
    return run([("agent", bot), ("customer", text)], language).messages[1]


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        # Bounced between two parties.
        ("The shop says it's your job and then you send me back to the shop.", "en", "grievance"),
        ("The airline pointed me to you, and you pointed me back to the airline.", "en", "grievance"),
        ("De winkel zegt dat ik bij jullie moet zijn en jullie sturen me terug naar de winkel.", "nl", "grievance"),
        # A day off for nothing.
        ("Nobody came. We had to take a day off for this!", "en", "grievance"),
        ("Er kwam niemand. Ik heb hiervoor een hele dag vrij genomen.", "nl", "grievance"),
        # A status the company shows that has lasted days.
        ("My refund has been 'processing shortly' for 3 weeks", "en", "waiting"),
        ('The app says "almost there" since 5 days', "en", "waiting"),
        ("Mijn retour staat nu al 3 weken in behandeling.", "nl", "waiting"),
    ],
)
def test_bounced_around_a_day_off_and_a_lasting_status(text: str, language: str, cue: str) -> None:
    assert cue in text_features(text, language).cues, text
    assert f"{cue}_match" in customer(text, language).cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The shop sent me to you, can you help?", "en"),
        ("Thanks, and you sent me back the form, great", "en"),
        ("I took a day off for this, so please make sure he comes", "en"),
        ("de winkel stuurt me naar jullie, kunnen jullie helpen?", "nl"),
        ("en u stuurt me naar de juiste afdeling?", "nl"),
        ("het pakket is normaal 2 dagen onderweg", "nl"),
        ("Is it normal that it says 'pending' for 2 days?", "en"),
    ],
)
def test_calm_statements_about_being_sent_or_statuses_stay_calm(text: str, language: str) -> None:
    assert customer(text, language).frustration < FLAG, text
