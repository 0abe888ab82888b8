"""Repeats: a bot message that nearly repeats an earlier one, and the near misses that
make two similar texts different messages (another number, date, name or negation)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from cxreview.signals.features import TextFeatures, text_features
from cxreview.signals.lexicon import contrast_prefixes, lexicon_language, raw_cues
from cxreview.signals.near_misses import differs
from cxreview.signals.wording import (
    STEM_LETTERS,
    action_forms,
    content_form,
    dutch_stem,
    filler_words,
    first_word,
    has_form,
    is_opener,
    opened,
    opener_forms,
    rephrasing_words,
    shared_words,
    word_forms,
)

_NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "nothing",
        "none",
        "without",
        "cannot",
        "dont",
        "niet",
        "geen",
        "nooit",
        "niks",
        "niets",
        "nergens",
    }
)
# Capitalised words that start sentences, not names.
_NOT_NAMES = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "sorry",
        "thanks",
        "thank",
        "please",
        "ok",
        "okay",
        "great",
        "sure",
        "yes",
        "no",
        "welcome",
        "could",
        "can",
        "what",
        "which",
        "is",
        "i",
        "the",
        "your",
        "you",
        "to",
        "hoi",
        "hallo",
        "dag",
        "bedankt",
        "graag",
        "ja",
        "nee",
        "goedendag",
        "welkom",
        "kun",
        "kan",
        "wat",
        "welk",
        "welke",
        "je",
        "jouw",
        "uw",
        "de",
        "het",
        "om",
        "ik",
        # question and modal words that start a bot's question: "May I have ..." / "Would you ..."
        "may",
        "might",
        "would",
        "should",
        "shall",
        "will",
        "do",
        "does",
        "did",
        "are",
        "how",
        "where",
        "when",
        "who",
        "why",
        "mag",
        "wil",
        "wilt",
        "kunt",
        "zou",
        "gaat",
        "heeft",
        "heb",
        "ben",
        "bent",
        "hoe",
        "waar",
        "waarmee",
        "wanneer",
        "wie",
        "waarom",
        "on",
        "op",
    }
)


def contrast(a: TextFeatures, b: TextFeatures, language: str = "en", tense: bool = True) -> str | None:
    """Why two near-identical texts are still different messages, or None. ``language``:
    the conversation's ("nl", "nl-BE", "en", ...); ``tense=False`` leaves tense out
    (`asks_what_was_done`)."""
    language = lexicon_language(language)
    critical_a, critical_b = _negations_merged(a.critical), _negations_merged(b.critical)
    only_a, only_b = critical_a - critical_b, critical_b - critical_a
    # A replaced number, date or name ("March 5th" / "March 12th"), or a negation added or
    # dropped ("do" / "do not"), changes the message; a date merely added ("... today?") does not.
    # The bot's own "I didn't get that" before asking again negates nothing of the question:
    # "Sorry, I didn't get that. Could you tell me your order number?" asks it again.
    # ("I can't help with that" / "I can help with that" stay apart: the other text says the
    # failure's words.)
    if _NOT in only_a and _failure_apart(a, b):
        only_a = only_a - {_NOT}
    elif _NOT in only_b and _failure_apart(b, a):
        only_b = only_b - {_NOT}
    if (only_a and only_b) or _NOT in only_a | only_b:
        differing = sorted(w for w in only_a | only_b if w != _NOT) or ["not"]
        return f"differs in {', '.join(differing[:3])}"
    words_a, words_b = set(a.norm.split()), set(b.norm.split())
    # A number said once more or once less on one side, and another on the other: "4 people
    # at 4:45" / "3 people at 4:45" (as sets the 4 is on both sides).
    numbers_a = Counter(w for w in a.norm.split() if w.isdigit())
    numbers_b = Counter(w for w in b.norm.split() if w.isdigit())
    if numbers_a - numbers_b and numbers_b - numbers_a:
        return f"differs in {min(numbers_a - numbers_b)} / {min(numbers_b - numbers_a)}"
    # A negation typed without its apostrophe ("what didnt you like") is no critical token.
    if (words_a ^ words_b) & rephrasing_words("unmarked_negations"):
        return "differs in not"
    names = {w for w in a.capitalised - b.capitalised if _is_name(w, a, b, language)} | {
        w for w in b.capitalised - a.capitalised if _is_name(w, b, a, language)
    }
    if names:
        return f"differs in {', '.join(sorted(names)[:3])}"
    # Counted, so that a particle said twice on one side counts: "Is the light on your modem
    # on?" / "... off?".
    counts_a, counts_b = Counter(a.norm.split()), Counter(b.norm.split())
    for word in counts_a - counts_b:
        for other in counts_b - counts_a:
            for prefix in contrast_prefixes():
                if word == prefix + other or other == prefix + word:
                    return f"differs in {other} / {word}"
            if (word, other) in _opposites():
                return f"differs in {other} / {word}"
    # A question or modal word on one side only asks something else: "Do you want to cancel
    # your order?" / "Why do you want to cancel your order?", "Did you restart the router?" /
    # "Should I restart the router?".
    asked = (set(a.semantic) ^ set(b.semantic)) & _QUESTION_WORDS
    if asked:
        return f"differs in {sorted(asked)[0]}"
    # One content word swapped for another: "delivery" / "billing address", "first" / "last
    # name", "cancel" / "keep your subscription", "email" / "text message".
    forms_a, forms_b = word_forms(a.semantic), word_forms(b.semantic)
    swapped_a = [w for w in a.semantic if not has_form(w, forms_b)]
    swapped_b = [w for w in b.semantic if not has_form(w, forms_a)]
    if swapped_a and swapped_b:
        return f"differs in {swapped_a[0]} / {swapped_b[0]}"
    # A choice narrowed to one of its options asks something else: "Do you want a refund or a
    # replacement?" / "Do you want a replacement?".
    if (swapped_a and not swapped_b and _CHOICE & words_a) or (swapped_b and not swapped_a and _CHOICE & words_b):
        return f"differs in {(swapped_a or swapped_b)[0]}"
    # An action on one side only asks something else: "Can you confirm your email address?"
    # / "Can you change your email address?" ("confirm" only asks for the value).
    actions = action_forms(language)
    acted = next((w for w in swapped_a + swapped_b if has_form(w, actions)), None)
    if acted is not None:
        return f"differs in {acted}"
    # A question for a value or a reason and a yes / no question: "What do you like about
    # X?" / "Do you like X?", "Wat is je trackingnummer?" / "Heb je je trackingnummer?".
    # A request in question form ("Could you tell me ...", "Kun je ...") is neither.
    kinds = {_question_kind(a), _question_kind(b)}
    if kinds == {"open", "yes/no"}:
        return "an open / a yes-no question"
    if tense and tenses_differ(a, b, language):
        return TENSE
    # A statement reports, a question asks: "Your address has been updated." / "Has your
    # address been updated?". A request is no statement ("Please enter ..." / "Can you ...?").
    if a.question != b.question and _is_statement(b if a.question else a):
        return "a statement / a question"
    # Who acts, which step of a form, a code or a number, a qualifier added to a shared noun.
    return differs(a.norm, b.norm, language)


def _failure_apart(own: TextFeatures, other: TextFeatures) -> bool:
    """``own`` says the bot failed ("I didn't get that") in words ``other`` does not say."""
    failed = own.cues.get("failure")
    if failed is None or "failure" in other.cues:
        return False
    words = set(other.norm.split())
    return not any(word in words for word in _WORD_RUN.findall(failed.lower()) if word not in _NEGATIONS)


def _starts_as(f: TextFeatures, kinds: dict[str, str]) -> str | None:
    """Which of ``kinds`` (name -> a word list of cues.yaml's ``rephrasing``) the first word
    of a text (after an acknowledgement) belongs to, or None."""
    first = first_word(f.norm)
    return next((kind for kind, words in kinds.items() if first in rephrasing_words(words)), None)


def _question_kind(f: TextFeatures) -> str | None:
    """ "open" for a question that starts with a question word or asks one after "tell me"
    ("Can you tell me what types of movies you like?"), "yes/no" for one that starts with an
    auxiliary verb other than a polite modal ("could", "kun"), else None."""
    if not f.question:
        return None
    kind = _starts_as(f, _QUESTION_KINDS)
    if kind is None and _EMBEDDED_OPEN.search(f.norm):
        return "open"
    return kind


_EMBEDDED_OPEN = re.compile(
    r"\b(?:tell (?:me|us)|let (?:me|us) know|vertel (?:me|ons)) (?:what|which|how|why|where|who|wat|welke|hoe|waarom|waar|wie)\b"
)


def _tense(f: TextFeatures, language: str) -> str | None:
    """ "present", "past", "done", "future" or "modal" by the first auxiliary among a text's
    first words (after an acknowledgement): "Did you ..." (done: an action), "Your package
    was ..." (past), "Can you ...", "Please ..." (modal: asks for an action now); a request
    with no auxiliary ("Restart your router.") is modal too.

    Dutch puts the verb at the end: "past" for a perfect ("Heb je de factuur betaald?") and
    "present" for a modal ("Wil je de factuur betalen?") or a request ("Herstart je router."),
    with the verb kept so that `contrast` can ask whether both say one verb."""
    words = opened(f.norm).split()
    if language == "nl":
        kinds = {"past": "nl_perfect_starts", "present": "nl_modal_starts"}
        first = words[0] if words else ""
        found = next((kind for kind, name in kinds.items() if first in rephrasing_words(name)), None)
        if found is None and _requests(f, first):
            return f"present {_imperative_verb(words)}"
        if found is None or len(words) < 3 or (found == "past" and not _dutch_participle(words[-1])):
            return None  # "Heb je nog een vraag waarmee ik je kan helpen?" has no perfect
        return f"{found} {words[-1]}"
    for index, word in enumerate(words[:_TENSE_WORDS]):
        for kind, name in _TENSES.items():
            if word in rephrasing_words(name):
                if kind == "perfect":
                    # "Have you restarted ...", not "Have you got your number?"
                    return "done" if any(_participle(w) for w in words[index + 1 : index + 4]) else None
                # "did" and a passive ("was delivered") say what was done; "What was your
                # order number?" only asks for a value
                following = words[index + 1 : index + 4]
                passive = kind == "past" and any(_participle(w) for w in following)
                if word == "did" and _WANTING.isdisjoint(following):  # not "Did you want to book it?"
                    return "done"
                return "done" if passive else kind
    return "modal" if words and _requests(f, words[0]) else None


def _requests(f: TextFeatures, first: str) -> bool:
    """A text that is no question and starts with no subject, question or auxiliary word: a
    request ("Restart your router and let me know.", "Start je modem opnieuw op.")."""
    if f.question or not first or first in _NOT_IMPERATIVE or first in filler_words():
        return False
    return not any(first in rephrasing_words(name) for name in _NO_REQUEST_STARTS)


def _imperative_verb(words: list[str]) -> str:
    """The verb of a Dutch request with its particle: "start je modem opnieuw op (en ...)" ->
    "opstart"."""
    clause = words[: words.index("en")] if "en" in words else words
    return clause[-1] + words[0] if len(clause) > 2 and clause[-1] in _PARTICLES else words[0]


def tenses_differ(a: TextFeatures, b: TextFeatures, language: str, about_done: bool = False) -> bool:
    """Whether two bot texts ask in tenses that ask different things (see `_tense`); with
    ``about_done``, only when one asks about something done ("Which plan did you have before?" /
    "Which plan would you like?"; not a text whose first sentence says "I'll need ...")."""
    language = lexicon_language(language)
    tense_a, tense_b = _tense(a, language), _tense(b, language)
    if tense_a is None or tense_b is None:
        return False
    if about_done and not (
        {tense_a.split()[0], tense_b.split()[0]} & {"done", "past"}
        if language == "nl"
        else "done" in (tense_a, tense_b)
    ):
        return False
    if language != "nl":
        if "modal" in (tense_a, tense_b):
            # "Can you restart the router?" / "Have you restarted the router?", "How would you
            # like to pay?" / "How did you pay?"; not "May I have your order number?" / "What
            # was your order number?", nor a request for a value and an open question about
            # the past ("Please tell me your email address." / "What email address did you use?").
            done, other = (a, b) if tense_a == "done" else (b, a)
            opens = {"open": "open_starts"}
            return "done" in (tense_a, tense_b) and (
                _starts_as(done, opens) is None or _starts_as(other, opens) is not None
            )
        return _PAST.get(tense_a, tense_a) != _PAST.get(tense_b, tense_b)
    (kind_a, verb_a), (kind_b, verb_b) = tense_a.split(), tense_b.split()
    # "betaald" / "betalen", "herstart" / "herstarten", "opgestart" / "opstarten"
    verb_a, verb_b = _without_ge(verb_a), _without_ge(verb_b)
    stem_a, stem_b = dutch_stem(verb_a), dutch_stem(verb_b)
    same_verb = verb_a.startswith(stem_b) or verb_b.startswith(stem_a)
    # or one verb in other words: "opnieuw opgestart" / "herstarten" (the content words are one)
    return kind_a != kind_b and (same_verb or a.semantic == b.semantic)


def _without_ge(verb: str) -> str:
    """A Dutch participle without its "ge": "gebeld" -> "beld", "opgestart" -> "opstart"."""
    if verb.startswith("ge") and len(verb) > 5:
        return verb[2:]
    for particle in _PARTICLES:
        if verb.startswith(particle + "ge") and len(verb) > len(particle) + 4:
            return particle + verb[len(particle) + 2 :]
    return verb


def asks_what_was_done(later: TextFeatures, earlier: TextFeatures, language: str) -> bool:
    """``earlier`` asked whether something was done and ``later`` asks to do it, and the
    texts differ in nothing else: "Have you restarted the router?" / "Can you restart the
    router?", "Heb je de router al opnieuw opgestart?" / "Wil je de router opnieuw
    opstarten?". After the customer said it was done the bot asks for it again; after a no
    it is the next step (`conversation` reads the reply)."""
    tense_later, tense_earlier = _tense(later, language), _tense(earlier, language)
    if tense_later is None or tense_earlier is None:
        return False
    if language == "nl":
        if not (tense_earlier.startswith("past") and tense_later.startswith("present")):
            return False
    elif tense_earlier != "done" or tense_later not in ("modal", "present", "future"):
        return False
    return contrast(later, earlier, language, tense=False) is None


def _dutch_participle(word: str) -> bool:
    # "betaald", "herstart", "gebeld", "ontvangen", "verlengd"; not "helpen"
    return word.endswith(("d", "t")) or word.startswith(("ge", "be", "ver", "ont", "her", "er"))


def _participle(word: str) -> bool:
    return word.endswith("ed") or word in {"been", "done", "seen", "sent", "paid", "made", "given", "taken"}


_TENSE_WORDS = 5
TENSE = "differs in tense"
_QUESTION_KINDS = {"open": "open_starts", "yes/no": "yes_no_starts"}
_TENSES = {
    "present": "present_starts",
    "past": "past_starts",
    "perfect": "perfect_starts",
    "future": "future_starts",
    "modal": "modal_starts",
}
_PAST = {"done": "past"}
_WANTING = frozenset({"want", "wanna", "wish", "need"})  # "Did you like it?" asks about the past
# Words that start no request: subjects, persons, question words, acknowledgements.
_NO_REQUEST_STARTS = ("statement_subjects", "statement_persons", "open_starts", "yes_no_starts", "nl_perfect_starts")
_NOT_IMPERATIVE = frozenset({"unfortunately", "helaas", "here", "hier", "welcome", "welkom", "hi", "hello", "hallo"})
_PARTICLES = frozenset({"door", "in", "op", "terug", "af", "aan", "uit", "mee", "na", "toe", "weg", "bij", "om"})


@functools.lru_cache(maxsize=1)
def _opposites() -> frozenset[tuple[str, str]]:
    """Pairs of particles that say the opposite, both ways round ("in" / "out")."""
    pairs = raw_cues()["rephrasing"]["opposite_particles"]
    return frozenset((a, b) for first, second in pairs for a, b in ((first, second), (second, first)))


def _is_statement(f: TextFeatures) -> bool:
    """Whether a text that does not end in a question mark reports something: it starts
    with a subject such as "your" or "the" ("Please enter ..." is a request, and so are
    "Your postcode, please." and "I need your order number to continue.")."""
    words = opened(f.norm).split()
    if not words or words[-1] in rephrasing_words("request_ends"):
        return False
    if _bot_needs(words):
        return False
    words = words[:2]
    if words[0] in rephrasing_words("statement_subjects"):
        return True
    return (
        len(words) == 2
        and words[0] in rephrasing_words("statement_persons")
        and (words[1] in rephrasing_words("statement_verbs"))
    )


def _bot_needs(words: list[str]) -> bool:
    """The bot says it needs something: "I need your order number", "we still need ...",
    "Ik heb je klantnummer nodig" ("Did you need help?" asks, "I was unable" reports)."""
    needs = rephrasing_words("request_needs")
    for i, word in enumerate(words):
        if word in needs and i:
            before = [w for w in words[max(0, i - 3) : i] if w not in _NEED_SKIPPED]
            if before and before[-1] in _BOT_PERSONS or (word == "nodig" and words[0] in _BOT_PERSONS):
                return True
    return False


_BOT_PERSONS = frozenset({"i", "we", "ik", "wij"})
_NEED_SKIPPED = frozenset({"still", "just", "also", "only", "ll", "will", "would", "d", "really", "first"})
_NOT = "not"
_WORD_RUN = re.compile(r"[a-z0-9]+")  # as the words of a normalised text
_CHOICE = frozenset({"or", "either", "ofwel"})
_QUESTION_WORDS = frozenset(
    {
        "why",
        "how",
        "where",
        "who",
        "should",
        "shall",
        "must",
        "waarom",
        "hoe",
        "waar",
        "wie",
        "waarmee",
        "waarvoor",
        "moet",
        "moeten",
    }
)


def _has_form(word: str, words: set[str]) -> bool:
    # A capitalised word is a form of a word of the other text only when one starts with the
    # other ("Upload" / "uploaden"): "Christina" / "Christine" are two people.
    return any(other.startswith(word) or word.startswith(other) for other in words if len(other) >= STEM_LETTERS)


def _is_name(word: str, own: TextFeatures, other: TextFeatures, language: str) -> bool:
    """Whether a capitalised word that only ``own`` has capitalised is a name ("Tom" /
    "Anna from billing will call you back"). Not when it starts a sentence as a word both
    texts say in some form ("Beschrijf wat er misging" / "Kun je beschrijven wat er misging?",
    "Kies ..." / "Maak een keuze ..."), nor when a phrase of ``own`` took it up ("Maak")."""
    low = word.lower().split("'")[0]
    if low in _NOT_NAMES or low in filler_words() or is_opener(low):
        return False
    form = content_form(low, language)
    if form not in own.semantic:
        return False
    others = set(other.semantic)
    if form in others or _has_form(form, others):
        return False
    return not (_has_form(low, set(own.norm.split())) and _has_form(low, set(other.norm.split())))


def _negations_merged(tokens: frozenset[str]) -> set[str]:
    """Critical tokens with every negation as "not": "don't" and "didn't" say the same."""
    return {_NOT if w in _NEGATIONS or w.endswith("n't") else w for w in tokens}


class Likeness(NamedTuple):
    """How alike two bot texts must be to repeat each other (the config's `repeat` section)."""

    cutoff: float  # `bot_similarity`: rapidfuzz ratio on the normalised texts
    min_shared: int  # `min_shared_words`: content words both texts have, at least
    shared_share: float  # `shared_share`: of the content words either text has


def candidates(f: TextFeatures, earlier: list[TextFeatures], repeat_cfg: dict[str, Any]) -> list[int]:
    """Earlier texts that nearly repeat ``f`` by the config's `repeat` section: similar at or
    above `bot_similarity`, the same words with at most three added on one side ("... help you
    with today?"), or sharing enough content words (`min_shared_words`, `shared_share`)."""
    alike = Likeness(repeat_cfg["bot_similarity"], repeat_cfg["min_shared_words"], repeat_cfg["shared_share"])
    found = []
    norm = f.norm
    for index, other in enumerate(earlier):
        # Bot texts are mostly templates: the same pairs come back in conversation after
        # conversation, and the answer depends on their normalised texts alone.
        key = (norm, other.norm, alike)
        similar = _SIMILAR.get(key)
        if similar is None:
            if len(_SIMILAR) > _SIMILAR_LIMIT:
                _SIMILAR.clear()
            similar = _SIMILAR[key] = _similar(f, other, alike)
        if similar:
            found.append(index)
    return found


def asked_in_sentences(
    f: TextFeatures, earlier: list[TextFeatures], repeat_cfg: dict[str, Any], language: str
) -> list[int]:
    """Earlier texts that ask what ``f`` asks when only their asking sentences are compared
    (`features.asking_sentence`): "Sorry, I didn't get that. What is your postcode?" /
    "What is your postcode?". Pairs where neither text has one were compared whole."""
    own = _sentence_features(f.ask, language) if f.ask else f
    found = []
    for index, other in enumerate(earlier):
        if not (f.ask or other.ask):
            continue
        theirs = _sentence_features(other.ask, language) if other.ask else other
        if candidates(own, [theirs], repeat_cfg) and contrast(own, theirs, language) is None:
            found.append(index)
    return found


@functools.lru_cache(maxsize=4096)
def _sentence_features(sentence: str, language: str) -> TextFeatures:
    # Bot texts are templates: their asking sentences come back in conversation after conversation.
    return text_features(sentence, language, customer=False)


_SIMILAR: dict[tuple[str, str, Likeness], bool] = {}
_SIMILAR_LIMIT = 200_000  # pairs remembered


def _similar(f: TextFeatures, other: TextFeatures, alike: Likeness) -> bool:
    # fuzz.ratio cannot reach the cutoff when the lengths differ too much. Two texts with no
    # words ("???", an emoji) repeat nothing.
    length, other_length = len(f.norm), len(other.norm)
    cutoff = alike.cutoff
    if not length or not other_length:
        return False
    if 200 * min(length, other_length) / (length + other_length) >= cutoff and fuzz.ratio(
        f.norm, other.norm, score_cutoff=cutoff
    ):
        return True
    words, other_words = f.word_set, other.word_set
    small, large = (words, other_words) if len(words) <= len(other_words) else (other_words, words)
    if len(small) >= 4 and len(large) - len(small) <= 3 and small <= large:
        return True
    # The same question in other words: "Could you tell me your order number?" /
    # "Can you please give me your order number?" have the same content words; "I didn't
    # quite get that, can you say it differently?" / "Sorry, I didn't understand that. Could
    # you say it in a different way?" nearly the same (a share of the content words both
    # texts have, at least two of them shared).
    key, other_key = f.semantic, other.semantic
    if key != other_key:
        # The same question after an acknowledgement ("Perfect. What is your order number?"):
        # without the acknowledgement's words the keys must be equal, not merely alike (an
        # opener hides nothing that a share of the words could forgive).
        ack, other_ack = opener_forms(f.norm), opener_forms(other.norm)
        if ack or other_ack:
            bare = tuple(w for w in key if w not in ack)
            if bare == tuple(w for w in other_key if w not in other_ack):
                key = other_key = bare
    else:
        ack = other_ack = frozenset()
    if key == other_key:
        return len(key) >= 2 or (len(key) == 1 and len(key[0]) >= STEM_LETTERS)
    shared = shared_words(key, other_key)
    # An acknowledgement both open with is no shared content: "Okay, what date would you
    # like" / "Okay, have a good day" share the date only.
    content = shared - len(ack & other_ack & set(key) & set(other_key))
    # ("by email" / "by post" share 0.5 of their content words: no repeat at 0.6)
    return content >= alike.min_shared and shared >= alike.shared_share * (len(key) + len(other_key) - shared)
