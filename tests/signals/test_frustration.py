"""The frustration model, its evidence in words, and the cues and word senses it reads."""

from __future__ import annotations

import json

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features
from cxreview.signals.frustration import FEATURES, MODEL_PATH, REASONS, model
from cxreview.signals.reasons import READINGS
from cxreview.signals.sentiment import sentiment
from tests.signals.dialogue import run

CONFIG = load_config()


def customer(text: str, language: str = "en"):  # noqa: ANN201
    return run([("customer", text)], language).messages[0]


def test_the_shipped_model_is_small_complete_and_says_where_it_comes_from() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert MODEL_PATH.stat().st_size < 4000
    assert set(data["weights"]) == set(FEATURES) and "train_frustration.py" in data["script"]
    assert all(REASONS[name] for name in FEATURES)
    assert model().weights["grievance"] > 0 > model().weights["positive_sentiment"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("That's not what I asked. You're not listening", "en"),
        ("Wow. Great service. Really great.", "en"),
        ("Bedankt voor niks. Ik zeg mijn abonnement op.", "nl"),
        ("Dit is de derde keer dat ik het vraag!!", "nl"),
        ("I already told you, WHERE IS MY PARCEL", "en"),
        # Holding the bot or agent to what it said, and correcting it.
        ("You told me it would arrive Monday. It's Thursday now.", "en"),
        ("Je zei maandag. Het is nu donderdag.", "nl"),
        ("Jullie beloofden een terugbetaling maar ik heb niks gekregen", "nl"),
        ("I said the blue one, not the red one", "en"),
        ("Ik zei de bestelling van maandag, niet die van dinsdag", "nl"),
    ],
)
def test_frustrated_messages_are_flagged_with_reasons_in_words(text: str, language: str) -> None:
    message = customer(text, language)
    assert message.frustration >= CONFIG["frustration"]["frustrated_at"]
    flag = next(f for f in message.flags if f.flag == "frustrated")
    assert message.reasons and message.reasons[0] in flag.detail
    # Features in words, or their reading in the message's setting (no answer to reject yet).
    assert all(reason in (*REASONS.values(), *READINGS.values()) for reason in message.reasons)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hi, I'd like to check when my order will arrive", "en"),
        ("Thanks, that's really helpful!", "en"),
        ("Je pakket wordt morgen bezorgd, toch?", "nl"),
        ("No thanks, that's all", "en"),
        ("GTA keeps crashing with a BSOD on my AMD card, can you help?", "en"),
        ("You said I could return it within 30 days, how do I do that?", "en"),
        ("U zei dat het goed was, dank u", "nl"),
    ],
)
def test_calm_messages_stay_low(text: str, language: str) -> None:
    assert customer(text, language).frustration < CONFIG["frustration"]["frustrated_at"]


def test_sarcasm_and_rhetorical_praise_are_not_positive_in_the_transcript() -> None:
    assert customer("Wow. Great service. Really great.").sentiment < 0
    assert customer("So do we just upload and hope for the best?").sentiment < 0
    assert customer("Top hoor", "nl").sentiment < 0


def test_context_counts_after_a_failed_or_repeated_bot_answer() -> None:
    ask = "Could you tell me your order number please?"
    plain = customer("I don't have it")
    turns = [("bot", ask), ("customer", "I don't have one"), ("bot", ask), ("customer", "I don't have it")]
    messages = [(i, r, None, text_features(t, "en", r == "customer")) for i, (r, t) in enumerate(turns, 1)]
    after = analyze("t", "en", messages, CONFIG).messages[3]
    assert after.features.get("after_bot_repeat") == 1.0 and after.frustration > plain.frustration


@pytest.mark.parametrize(
    ("bot", "language", "bad_news"),
    [
        ("Unfortunately there are no hotels in the east with four stars.", "en", True),
        ("I'm sorry, I could not book that train: it is fully booked.", "en", True),
        ("We don't offer refunds on sale items.", "en", True),
        ("That model is not available in your size.", "en", True),
        ("There are no extra fees.", "en", False),
        ("If you don't have your order number, your e-mail address works too.", "en", False),
        ("Your parcel will be delivered tomorrow.", "en", False),
        ("Helaas is dit product niet op voorraad.", "nl", True),
        ("Ik kan uw bestelling niet vinden.", "nl", True),
        ("Er zijn geen extra kosten.", "nl", False),
        ("Je pakket wordt morgen bezorgd.", "nl", False),
    ],
)
def test_bad_news_reads_the_next_message_as_after_a_failure(bot: str, language: str, bad_news: bool) -> None:
    # "Can you check again?" after "there are no hotels" is a failed answer from the
    # customer's side (the USS MultiWOZ dialogues are full of them), though the bot understood.
    reply = "Kun je nog eens kijken?" if language == "nl" else "Can you check again?"
    turns = [("customer", "Hello"), ("bot", bot), ("customer", reply)]
    messages = [(i, r, None, text_features(t, language, r == "customer")) for i, (r, t) in enumerate(turns, 1)]
    result = analyze("t", language, messages, CONFIG)
    assert ("bad_news" in messages[1][3].cues) is bad_news
    assert bool(result.messages[2].features.get("after_failure")) is bad_news


def test_bad_news_is_never_a_loop() -> None:
    turns = []
    for _ in range(3):
        turns += [("customer", "a hotel in the east please"), ("bot", "Unfortunately there are no hotels in the east.")]
    messages = [(i, r, None, text_features(t, "en", r == "customer")) for i, (r, t) in enumerate(turns, 1)]
    result = analyze("t", "en", messages, CONFIG)
    assert not any(f.flag == "bot_loop" and f.rule == "bot failures" for f in result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "Who can I speak to regarding a legal claim?",
        "do you still have a chat service?",
        "How do I contact a customer services team?",
        "Is there a phone number I can call?",
        "real person please",
    ],
)
def test_human_request_wordings(text: str) -> None:
    assert any(f.flag == "human_request" for f in customer(text).flags)


@pytest.mark.parametrize(
    "text",
    ["Kan ik iemand spreken?", "Ik wil graag een medewerker", "Kan ik met een mens praten?", "Kunt u mij bellen?"],
)
def test_human_request_wordings_dutch(text: str) -> None:
    assert any(f.flag == "human_request" for f in customer(text, "nl").flags)


@pytest.mark.parametrize(
    ("text", "language", "repeat"),
    [
        ("this is my second tweet about this", "en", True),
        ("see my four emails", "en", True),
        ("As I said, it never arrived", "en", True),
        ("Zoals ik al zei, het is nooit aangekomen", "nl", True),
        ("Thanks again!", "en", False),
        ("I use it 3-4 times a week", "en", False),
        ("Nogmaals bedankt!", "nl", False),
    ],
)
def test_customer_repeat_meta_statements(text: str, language: str, repeat: bool) -> None:
    assert any(f.flag == "customer_repeat" for f in customer(text, language).flags) is repeat


def test_shouting_is_not_an_acronym() -> None:
    assert text_features("I want my money back NOW", "en").emphasis
    assert not text_features("GTA crashes with a BSOD, the OTP never comes", "en").emphasis
    assert not text_features("GTA BSOD AMD", "en").caps


def test_dutch_word_sense_and_negation_after_the_verb() -> None:
    assert sentiment("Je pakket wordt morgen bezorgd", "nl") >= 0
    assert sentiment("Ik ben erg bezorgd over mijn pakket", "nl") < 0
    assert sentiment("Je klacht is afgehandeld", "nl") >= 0
    assert sentiment("Het helpt me niet", "nl") < 0
    # Adverbs between the verb and a negation that ends the clause.
    for text in ("Het helpt helemaal niet", "Deze oplossing helpt me helemaal niet", "de app werkt gewoon niet"):
        assert sentiment(text, "nl") < 0, text
    assert sentiment("Jullie oplossing werkt echt niet.", "nl") < 0
    # A negation for the word after it is read where it stands.
    assert sentiment("ik vind het echt niet leuk", "nl") < 0
    assert sentiment("Dat is helemaal niet erg", "nl") >= 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Sarcastic thanks for a harm, churn, refund demands, canned replies, strong complaint words.
        ("Cheers for charging me twice, really appreciate it", "en"),
        ("You've lost a loyal customer.", "en"),
        ("I want my money back. Now.", "en"),
        ("Please stop sending me the same FAQ link", "en"),
        ("Worst customer experience I've had in years", "en"),
        ("I'm livid. The technician didn't show up again.", "en"),
        ("Hoe moeilijk kan het zijn om een monteur te sturen?", "nl"),
        ("Ik overweeg serieus over te stappen", "nl"),
        ("Ik voel me totaal niet serieus genomen", "nl"),
        ("Waarom krijg ik steeds een ander antwoord?", "nl"),
    ],
)
def test_support_thread_complaints_are_frustrated(text: str, language: str) -> None:
    assert customer(text, language).frustration >= CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Cancelling or getting money back is a request, not a threat, until it is declared as one.
        ("I accidentally ordered two, can I cancel one?", "en"),
        ("Ik wil mijn abonnement opzeggen omdat ik ga verhuizen", "nl"),
        ("Kan ik mijn geld terugkrijgen als het niet past?", "nl"),
        ("Thanks for cancelling the duplicate order so quickly", "en"),
    ],
)
def test_requests_to_cancel_or_refund_are_not_escalation(text: str, language: str) -> None:
    message = customer(text, language)
    assert "escalation" not in message.features and "sarcasm" not in message.features


def test_a_rhetorical_question_does_not_count_as_asking() -> None:
    assert "question" not in customer("So what exactly am I paying for?").features
    assert "question" in customer("What am I paying for in the premium plan?").features


def test_the_dutch_lexicon_knows_complaint_words_beyond_the_hand_rated_list() -> None:
    # From Pattern's Dutch subjectivity lexicon (benchmarks/import_nl_lexicon.py).
    assert sentiment("Ik ben zwaar ontevreden over de afhandeling", "nl") < 0
    assert sentiment("Wat een chaotisch en belabberd bedrijf", "nl") < -0.5
    # Boosters stay boosters: "enorm" adds to what follows instead of being praise itself.
    assert sentiment("Ik ben enorm teleurgesteld", "nl") < sentiment("Ik ben teleurgesteld", "nl") < 0


def test_a_problem_report_ranks_above_a_question_without_being_flagged() -> None:
    report = customer("My webcam is not working since the update, what should I do?")
    question = customer("What are your opening hours on Saturday?")
    assert "problem" in report.features and "problem" not in question.features
    assert question.frustration < report.frustration < CONFIG["frustration"]["frustrated_at"]
    assert "problem" in customer("Mijn pakket is nog steeds niet ontvangen", "nl").features


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        # Words of a cue used in another sense (found on public support tweets).
        ("Thanks for resolving my complaint", "en", "escalation"),
        ("I will never get tired of this", "en", "grievance"),
        ("Just sent them now", "en", "repetition"),
        ("How long does shipping to Belgium take?", "en", "impatience"),
        ("How long does shipping to Belgium take?", "en", "waiting"),
        ("Hoe lang duurt het om een retour te verwerken?", "nl", "waiting"),
        ("De bezorger was laat maar erg vriendelijk", "nl", "giving_up"),
        ("What is the point of the green button in the app?", "en", "rhetorical"),
        ("aww the nostalgia! missing those summer days", "en", "problem"),
    ],
)
def test_cue_words_in_another_sense_raise_no_cue(text: str, language: str, cue: str) -> None:
    assert cue not in customer(text, language).features


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("thanks for sending the wrong shirt......", "en", "sarcasm"),
        ("I just said I don't have it", "en", "repetition"),
        ("How long do I have to wait for a reply?", "en", "waiting"),
        ("What's the point of contacting you?", "en", "rhetorical"),
        ("Laat maar, ik bel zelf wel", "nl", "giving_up"),
        ("I'm so tired of chasing you about this", "en", "grievance"),
        ("I want to file a complaint", "en", "escalation"),
    ],
)
def test_the_narrowed_cues_still_fire_where_they_should(text: str, language: str, cue: str) -> None:
    assert cue in customer(text, language).features


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Calm messages a review found flagged by broad patterns (thanks, plans, complaints
        # mentioned, links, scams reported, "how long should I wait before", "laat maar weten").
        ("Thanks for letting me know nothing is wrong with my account.", "en"),
        ("I'm thinking about moving to the bigger plan", "en"),
        ("I have nothing to complain about, the service was great.", "en"),
        ("Could you send me the same link again? I deleted the email.", "en"),
        ("I think I received a scam email pretending to be from you", "en"),
        ("Why should I do a factory reset before sending it back?", "en"),
        ("How long should I wait before restarting the router?", "en"),
        ("My bank already sent the payment this morning.", "en"),
        ("Hello, the printer doesn't print and doesn't connect to wifi.", "en"),
        ("Can I switch to paperless billing?", "en"),
        ("Ik wil graag weten of mijn klacht is ontvangen.", "nl"),
        ("Ik ga verhuizen, dus ik zal mijn abonnement opzeggen per 1 mei.", "nl"),
        ("Wow, razend snel geleverd, dank jullie wel!", "nl"),
        ("Er zat geen handleiding bij het pakket", "nl"),
        ("Laat het maar weten als u meer informatie nodig heeft.", "nl"),
        ("Is dit hoe je het wachtwoord wijzigt?", "nl"),
    ],
)
def test_calm_messages_found_by_review_stay_under_the_flag(text: str, language: str) -> None:
    assert customer(text, language).frustration < CONFIG["frustration"]["frustrated_at"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It doesn\u2019t work.", "en"),  # a phone keyboard's apostrophe
        ("What\u2019s the point of even calling you?", "en"),
        ("I haven't gotten any response to my emails.", "en"),
        ("You've lost me as a customer.", "en"),
        ("I want my money back. Now.", "en"),
        ("Thx for nothing.", "en"),
        ("Ik eis mijn geld terug.", "nl"),
        ("Waarom moet ik voor jullie fout betalen?", "nl"),
    ],
)
def test_frustrated_wordings_found_by_review_are_flagged(text: str, language: str) -> None:
    assert customer(text, language).frustration >= CONFIG["frustration"]["frustrated_at"]


def test_the_cue_index_finds_login_written_as_one_word() -> None:
    assert "problem" in customer("I can't login to my account").features
    assert "problem" in customer("We cant checkout").features
