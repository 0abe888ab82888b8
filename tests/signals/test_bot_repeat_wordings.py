"""Bot questions asked again in other words are repeats; near misses are not (issue 12).

Pairs from benchmarks/eval/bot_pairs.txt (written with the rules), bot_pairs_blind.txt and
bot_pairs_blind2.txt (written blind, in rounds, before the rules saw them), bot_pairs_probe.txt and
bot_pairs_review.txt (near misses written to break the rules): a near miss that starts to count as a
repeat (another field, value, option or action: "delivery" / "billing address", "upgrade" /
"downgrade", "ordernummer" / "orderdatum") would feed false loops, so none may."""

from __future__ import annotations

from pathlib import Path

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features
from cxreview.signals.near_misses import differs
from cxreview.signals.repeats import candidates
from cxreview.signals.wording import same_word, semantic_key
from tests.signals.dialogue import run

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
CONFIG = load_config()


def _pairs(name: str) -> list[tuple[bool, str, str, str]]:
    rows = []
    for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, language, first, second = line.split("|", 3)
            rows.append((label == "1", language, first, second))
    return rows


def _repeats(language: str, first: str, second: str) -> bool:
    result = run([("bot", first), ("customer", "hmm"), ("bot", second)], language)
    return any(f.flag == "bot_repeat" for f in result.messages[2].flags)


def test_no_near_miss_counts_as_a_repeat() -> None:
    wrong = [
        (first, second)
        for name in (
            "bot_pairs.txt",
            "bot_pairs_blind.txt",
            "bot_pairs_blind2.txt",
            "bot_pairs_probe.txt",
            "bot_pairs_blind3.txt",  # round 8's blind file, measured once before it joined this test
        )
        for label, language, first, second in _pairs(name)
        if not label and _repeats(language, first, second)
    ]
    assert wrong == []


def test_rephrased_questions_are_repeats() -> None:
    assert all(_repeats(lang, a, b) for label, lang, a, b in _pairs("bot_pairs.txt") if label)
    blind = [_repeats(lang, a, b) for label, lang, a, b in _pairs("bot_pairs_blind.txt") if label]
    assert len(blind) >= 40 and sum(blind) >= 0.8 * len(blind)
    # Round 7's blind file: 0.50 EN / 0.71 NL after its misses were looked at (blind: 0.20 / 0.52).
    blind2 = [_repeats(lang, a, b) for label, lang, a, b in _pairs("bot_pairs_blind2.txt") if label]
    assert len(blind2) >= 40 and sum(blind2) >= 0.55 * len(blind2)


def test_word_forms_match_but_compounds_do_not() -> None:
    assert same_word("different", "differently") and same_word("andere", "anders")
    assert same_word("beschrijf", "beschrijven")
    assert not same_word("ordernummer", "orderdatum") and not same_word("klantnummer", "klantenservice")
    # Request verbs, question words and "e-mail" spellings do not change what is asked.
    assert semantic_key("what is your e mail address") == semantic_key("could you give me your email address")


def test_each_synonym_belongs_to_one_group() -> None:
    from cxreview.signals.lexicon import raw_cues

    groups = raw_cues()["rephrasing"]["synonyms"]
    words = [word for group in groups for word in group]
    assert all(isinstance(word, str) for word in words)  # YAML reads a bare `no` as False
    assert sorted(w for w in set(words) if words.count(w) > 1) == []


def test_dutch_verbs_and_plurals_by_their_stem() -> None:
    from cxreview.signals.wording import dutch_stem

    assert dutch_stem("beschrijven") == "beschrijf" and dutch_stem("kiezen") == "kies"
    assert dutch_stem("bellen") == "bel" and dutch_stem("maken") == "maak" and dutch_stem("vragen") == "vraag"
    assert dutch_stem("helpen") == "help" and dutch_stem("betalen") == "betaal"
    # An unstressed e is not lengthened, and words not in -en stay as they are.
    assert dutch_stem("artikelen") == "artikel" and dutch_stem("factuur") == "factuur" and dutch_stem("geen") == "geen"


def test_dutch_phrasings_that_say_the_same() -> None:
    def key(text: str) -> tuple[str, ...]:
        return text_features(text, "nl", False).semantic

    # Pronominal adverbs split: "waarover" is "waar ... over".
    assert key("Waarover gaat je opmerking?") == key("Waar gaat je opmerking over?")
    # A compound and its parts with "van": "boekingsnummer" / "nummer van je boeking".
    assert key("Wat is je boekingsnummer?") == key("Kun je me het nummer van je reservering geven?")
    assert key("Wat is je leveradres?") == key("Wat is het adres van de bezorging?")
    # Phrases: "aan de hand" asks for the problem, "bij de hand" adds nothing.
    assert key("Wat is er aan de hand met je router?") == key("Wat is het probleem met je router?")
    assert key("Heb je je klantnummer bij de hand?") == key("Heb je je klantnummer?")


def test_new_rewordings_are_repeats_and_their_near_misses_are_not() -> None:
    same = [
        ("nl", "Beschrijf het probleem.", "Kun je het probleem beschrijven?"),
        ("nl", "Kies een betaalmethode.", "Maak een keuze uit de betaalmethodes."),
        ("nl", "Waar kan ik je vandaag mee helpen?", "Waarmee kan ik je vandaag helpen?"),
        ("en", "How can I help you?", "What can I do for you?"),
        ("en", "Could you explain what went wrong?", "Please describe what went wrong."),
        # A separable verb and a relative "waarmee" ("with which"), not a question word.
        ("nl", "Wat is je postcode?", "Geef je postcode even door."),
        ("nl", "Heb je nog een andere vraag waarmee ik je kan helpen?", "Kan ik je nog met een andere vraag helpen?"),
        ("en", "Have you tried restarting the modem?", "Did you restart the modem?"),
    ]
    assert [pair for pair in same if not _repeats(*pair)] == []
    apart = [
        ("nl", "Wat is je ordernummer?", "Wat is het nummer van je account?"),
        ("nl", "Waarmee wil je betalen?", "Waarvoor wil je betalen?"),
        ("nl", "Tom belt je morgen terug.", "Anna belt je morgen terug."),
        ("nl", "Kies een van de onderstaande opties.", "Kies een van de bovenstaande opties."),
        ("nl", "Wil je je abonnement opzeggen?", "Wil je je abonnement verlengen?"),
        ("nl", "Wat is er aan de hand met je router?", "Wat is er aan de hand met je modem?"),
        ("en", "Please restart the router.", "Please reset the router."),
        ("en", "What is wrong with your order?", "What is wrong with your payment?"),
        ("en", "How can I help you today?", "How can I help you tomorrow?"),
        # An action on one side only; a statement against a question with its words.
        ("en", "Can you confirm your phone number?", "Can you update your phone number?"),
        ("nl", "Kun je je adres bevestigen?", "Kun je je adres wijzigen?"),
        ("en", "Your password has been reset.", "Has your password been reset?"),
        ("nl", "Je bestelling is geannuleerd.", "Is je bestelling geannuleerd?"),
        # "deel" is a part here, not the stem of the filler "delen" (to share).
        ("nl", "Wil je het hele pakket terugsturen?", "Wil je een deel van het pakket terugsturen?"),
        # An open question against a yes / no one (also after an acknowledgement), and a
        # negation typed without its apostrophe (real movie-chat wordings, CCPE).
        ("en", "What did you like about the app?", "Did you like the app?"),
        ("en", "Great. What did you like about it?", "Did you like it?"),
        ("nl", "Wat is je trackingnummer?", "Heb je je trackingnummer?"),
        ("en", "What do you like about the new plan?", "What didnt you like about the new plan?"),
    ]
    assert [pair for pair in apart if _repeats(*pair)] == []


def test_a_dutch_question_asked_three_ways_is_a_loop() -> None:
    def run(turns: list[tuple[str, str]]) -> bool:
        messages = [
            (i, role, None, text_features(text, "nl", role == "customer")) for i, (role, text) in enumerate(turns, 1)
        ]
        return analyze("t", "nl", messages, CONFIG).bot_loop

    assert run(
        [
            ("bot", "Wat is je boekingsnummer?"),
            ("customer", "Die heb ik niet"),
            ("bot", "Kun je me het nummer van je boeking geven?"),
            ("customer", "Dat heb ik al gezegd, ik heb het niet"),
            ("bot", "Geef het nummer van je reservering alsjeblieft door."),
        ]
    )
    # Three different numbers asked the same way are no loop.
    assert not run(
        [
            ("bot", "Wat is je boekingsnummer?"),
            ("customer", "BK-2231"),
            ("bot", "Wat is je klantnummer?"),
            ("customer", "88123"),
            ("bot", "Wat is het nummer van je factuur?"),
        ]
    )


def test_texts_without_words_repeat_nothing() -> None:
    """Candidates are also asked for directly (not only past the length check of analyze)."""
    empty = [text_features(text, "en", False) for text in ("???", "😡", "")]
    assert candidates(empty[0], empty[1:], CONFIG["repeat"]) == []


def test_an_acknowledgement_before_the_same_question_is_no_name() -> None:
    """ "Perfect." and "Prima," open the text: the question after them is asked again."""
    same = [
        ("en", "What is your order number?", "Perfect. What is your order number?"),
        ("en", "What is your order number?", "Got it. What is your order number?"),
        ("nl", "Wat is je ordernummer?", "Prima. Wat is je ordernummer?"),
        ("nl", "Wat is je ordernummer?", "Oké, wat is je ordernummer?"),
    ]
    assert [pair for pair in same if not _repeats(*pair)] == []


def test_near_misses_of_the_review_set() -> None:
    """Synonyms that are not ("ring the bell" / "call you", "connected" / "registered",
    "get" / "understand"), tense in Dutch and after a question word, statements with a
    person as subject, and opposite particles said twice or as directions."""
    apart = [
        ("en", "Did the courier ring the bell?", "Did the courier call you?"),
        ("en", "Is your router connected?", "Is your router registered?"),
        ("en", "Did you get the confirmation email?", "Did you understand the confirmation email?"),
        ("en", "Would you like to speak to an agent?", "Would you like to speak to a financial advisor?"),
        ("nl", "Heb je de factuur betaald?", "Wil je de factuur betalen?"),
        ("nl", "Heb je de router herstart?", "Wil je de router herstarten?"),
        ("nl", "Heb je het pakket ontvangen?", "Wil je het pakket ontvangen?"),
        ("en", "Why do you like action movies?", "Why did you like that movie?"),
        ("en", "Your package was delivered on Monday.", "Your package will be delivered on Monday."),
        ("en", "Have you restarted the router?", "Do you want to restart the router?"),
        ("en", "You have been charged twice.", "Have you been charged twice?"),
        ("en", "I have cancelled your order.", "Can I cancel your order for you?"),
        ("nl", "U heeft twee keer betaald.", "Heeft u twee keer betaald?"),
        ("en", "Is the light on your modem on?", "Is the light on your modem off?"),
        ("en", "Did you upgrade from the basic plan?", "Did you upgrade to the basic plan?"),
        ("nl", "Is het pakket voor jou?", "Is het pakket van jou?"),
        # A choice narrowed to one option; a count ("once" is no filler).
        ("en", "Do you want a refund or a replacement?", "Do you want a replacement?"),
        ("en", "Is the problem with the app or the website?", "Is the problem with the app?"),
        ("en", "Were you charged twice?", "Were you charged once?"),
    ]
    assert [pair for pair in apart if _repeats(*pair)] == []
    # Tense that does not change the question: a perfect and a past, the same auxiliary.
    same = [
        ("en", "Have you tried restarting your router?", "Did you already try to reboot the router?"),
        ("en", "When did you place the order?", "On what date did you place your order?"),
        ("nl", "Kun je de router herstarten?", "Wil je de router herstarten?"),
    ]
    assert [pair for pair in same if not _repeats(*pair)] == []


def test_review_set_floor() -> None:
    """The reviewer's 190 pairs (a development set since round 7c): no false repeats since
    round 8 (14 of 150 near misses after round 7c), and its rephrasings still found."""
    rows = _pairs("bot_pairs_review.txt")
    false = [(a, b) for label, lang, a, b in rows if not label and _repeats(lang, a, b)]
    found = [_repeats(lang, a, b) for label, lang, a, b in rows if label]
    assert len(rows) == 190 and false == [] and sum(found) >= 34


# Round 8: near misses that share their content words (who acts, which step of a form, a code
# against a number, a qualifier added to a shared noun, a word and its compound or agent noun).
# A false repeat feeds a false loop, so none may count as a repeat; rewordings with the same
# actor, step and noun still do.


def test_near_misses_with_the_same_content_words() -> None:
    apart = [
        # who acts
        ("en", "Can you send us the invoice?", "Can we send you the invoice?"),
        ("en", "Do you want us to call you?", "Do you want to call us?"),
        ("en", "Would you like me to book the table?", "Would you like to book the table?"),
        ("nl", "Heeft de bezorger je gebeld?", "Heb je de bezorger gebeld?"),
        ("nl", "Wil je dat we je terugbellen?", "Wil je ons terugbellen?"),
        # which step of a form
        ("en", "Please enter your email address.", "Please confirm your email address."),
        ("nl", "Vul je nieuwe wachtwoord in.", "Bevestig je nieuwe wachtwoord."),
        # a code and a number
        ("en", "Please enter the code we sent to your phone.", "Please enter your phone number."),
        ("en", "What is the code on the card?", "What is the number on the card?"),
        ("nl", "Vul de code in.", "Vul je nummer in."),
        # a qualifier added to a shared noun
        ("en", "What is your email address?", "What is your address?"),
        ("en", "Would you like a refund?", "Would you like a partial refund?"),
        ("en", "What is your password?", "What is your new password?"),
        ("nl", "Wat is je telefoonnummer?", "Wat is je mobiele telefoonnummer?"),
        # a compound with a particle, an agent noun, "off and on again"
        ("en", "Did you complete the check?", "Did you complete the checkout?"),
        ("en", "Is your phone charged?", "Is your phone charger broken?"),
        ("nl", "Zet de modem uit en weer aan.", "Zet de modem aan."),
        # real bot turns (CCPE, SGD): a typographic apostrophe, a number said once more, "like"
        # (enjoy) against "would like" (want), an open question asked after "tell me"
        ("en", "Great. Why did you like it?", "Why didn’t you like it?"),
        ("en", "Okay, 4 people at 4:45 pm?", "Okay, 3 people at 4:45 pm?"),
        ("en", "What movies do you like?", "Would you like to watch the movie?"),
        ("en", "Can you tell me what types of movies you like?", "Do you like that movie?"),
    ]
    assert [pair for pair in apart if _repeats(*pair)] == []


def test_rewordings_with_the_same_actor_step_and_noun() -> None:
    same = [
        ("en", "Would you like me to transfer you to an agent?", "Shall I connect you with a colleague?"),
        ("en", "Can you send us the invoice?", "Could you please send the invoice to us?"),
        ("en", "What is your booking code?", "Could you tell me your booking number?"),
        ("en", "Please enter your password.", "Could you type your password, please?"),
        ("en", "Do you need any other help?", "Can i do any other help for you?"),
        ("en", "What is your new password?", "Could you give me your new password?"),
        ("nl", "Heb je nog een andere vraag waarmee ik je kan helpen?", "Kan ik je nog met een andere vraag helpen?"),
        ("nl", "Wat is je boekingscode?", "Wat is het nummer van je boeking?"),
        ("nl", "Zet de modem uit en weer aan.", "Zet de modem uit en dan weer aan."),
        ("en", "Would you like a refund?", "Do you want a refund?"),
        ("en", "What time would you like to come?", "What time do you want to come?"),
    ]
    assert [pair for pair in same if not _repeats(*pair)] == []


def test_the_reason_is_said() -> None:
    assert differs("can you send us the invoice", "can we send you the invoice", "en") == (
        "differs in who acts (customer / bot)"
    )
    assert differs("please enter your email", "please confirm your email", "en") == "differs in enter / confirm"
    assert differs("what is your order number", "could you give me your order number", "en") is None


def test_a_word_and_its_compound_or_agent_noun_are_two_words() -> None:
    assert not same_word("check", "checkout") and not same_word("charged", "charger")
    assert same_word("order", "ordered") and same_word("deliver", "delivery") and same_word("charge", "charged")


def test_a_role_swap_asked_three_times_is_no_loop() -> None:
    texts = ["Can you send us a photo?", "Can we send you a photo?", "Could you send us a photo please?"]
    messages = []
    for i, (text, answer) in enumerate(zip(texts, ["ok", "sure", "fine"], strict=True)):
        messages += [(2 * i + 1, "bot", None, text_features(text, "en", False))]
        messages += [(2 * i + 2, "customer", None, text_features(answer, "en"))]
    result = analyze("t", "en", messages, CONFIG)
    assert result.n_bot_repeats == 1 and not result.bot_loop
