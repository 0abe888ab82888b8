"""Rephrasings: the content words of a text, so that two wordings of one question match."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from cxreview.signals.lexicon import raw_cues

# Content words are compared by their beginnings, a stemmer that needs no lexicon and works
# for English and Dutch alike: two words match when they share their first letters, at least
# STEM_LETTERS and most of the shorter word ("different"/"differently", "andere"/"anders",
# "delivery"/"delivered"), but not "ordernummer"/"orderdatum" or "klantnummer"/"klantenservice".
STEM_LETTERS = 5
STEM_SHARE = 0.7


def semantic_key(norm: str, language: str = "en") -> tuple[str, ...]:
    """A normalised text's content words, synonyms merged, politeness, question, request and
    function words dropped, sorted: two wordings of one request share most of them.

    Before the words are taken, phrases are rewritten to one wording ("what can I help you
    with" -> "offer help", "maak een keuze" -> "kies"); in Dutch, "nummer van je
    boeking" becomes the compound "boekingnummer" and pronominal adverbs are split
    ("waarmee" -> "waar mee", as "Waar kan ik je mee helpen?" has them)."""
    wording = _wording()
    if "e " in norm:  # "e-mail", "e-mailadres" were split at the hyphen: "email", "emailadres"
        norm = _E_PREFIX.sub("e", norm)
    norm = wording.phrases.sub(lambda m: wording.replacements[m.group(0)], norm)
    if language == "nl":
        if " van " in norm:
            norm = wording.genitive.sub(r"\2\1", norm)
        norm = _PRONOMINAL.sub(_pronominal_split, norm)
        words = _separable_joined(norm.split(), wording.filler_stems)
    else:
        words = norm.split()
    fillers = wording.fillers
    forms = {content_form(w, language) for w in words if w not in fillers}
    # An open question asks for a value, whoever is said to want it or to act: "Which day
    # would you like your parcel delivered?" / "On which day should we deliver your parcel?"
    # / "What day would suit you for the delivery?", "Why would you like to return the item?"
    # / "What is the reason for your return?". (A yes / no question keeps them: "Do you want
    # to cancel?" / "Should I cancel?" ask different things; tense still tells "How would you
    # like to pay?" from "How did you pay?".)
    if not forms.isdisjoint(_PREFERENCE):
        words = opened(norm).split()
        if len(words) > 1 and words[0] in _PREPOSITION_WORDS:
            words = words[1:]  # "On which day ...", "Op welke dag ..."
        if words and words[0] in rephrasing_words("open_starts"):
            forms -= _PREFERENCE
    return tuple(sorted(forms))


# Content forms of wanting, needing and suiting (the synonym group "want" holds wish and prefer).
_PREFERENCE = frozenset({"want", "should", "shall", "must", "suit", "suits", "moet", "zal"})
# Prepositions that can come before an open question word
_PREPOSITION_WORDS = frozenset(
    {"on", "at", "for", "by", "in", "from", "to", "op", "om", "voor", "tegen", "vanaf", "tot"}
)


def _separable_joined(words: list[str], filler_stems: frozenset[str]) -> list[str]:
    """A Dutch separable verb whose particle ends the text joined again: "Geef je nummer door"
    -> "doorgeef" (the stem of "doorgeven"), "Vul je postcode in" -> "invul". The verb is
    the first word that is no pronoun or question word; with "waar", "er" and the like the
    last word is their preposition ("Waar gaat je vraag over?") and stays."""
    if len(words) < 3 or words[-1] not in _PARTICLES or not _POINTERS.isdisjoint(words):
        return words
    verb = next((i for i, w in enumerate(words[:-1]) if w not in _BEFORE_VERB), None)
    if verb is None:
        return words
    joined = words[-1] + words[verb]
    # "Geef je nummer door" asks what "Wat is je nummer?" asks, as "doorgeven" does.
    if dutch_stem(joined) in filler_stems or joined in filler_stems:
        return words[:verb] + words[verb + 1 : -1]
    # Last, so that a phrase before it is one again: "start je modem opnieuw op" -> "...
    # opnieuw opstart" -> "herstart".
    rest = words[:verb] + words[verb + 1 : -1]
    if rest and rest[-1] == "opnieuw":
        wording = _wording()
        return wording.phrases.sub(lambda m: wording.replacements[m.group(0)], " ".join([*rest, joined])).split()
    return [*rest, joined]


def content_form(word: str, language: str = "en") -> str:
    """The form under which a content word enters `semantic_key`: its synonym group's name;
    in Dutch a compound by its parts ("boekingsnummer" -> "ordernumber") and a verb or plural
    by its stem ("beschrijven" -> "beschrijf", "vragen" -> "vraag")."""
    synonyms = _wording().synonyms
    form = synonyms.get(word)
    if form is not None or language != "nl":
        return form or word
    compound = _compound(word)
    if compound is not None:
        return compound
    if word.startswith("ge") and word.endswith(("d", "t")) and len(word) >= _PARTICIPLE_LETTERS:
        # A participle by its verb's stem: "gewijzigd" -> "wijzig" (change), "gecontroleerd"
        # -> "controleer", so "Heb je je wachtwoord gewijzigd?" and "Wijzig je wachtwoord."
        # say one verb (the tense rule tells them apart).
        verb = word[2:-1]
        return synonyms.get(verb, verb)
    stem = dutch_stem(word)
    return synonyms.get(stem, stem)


_PARTICIPLE_LETTERS = 6  # "gebeld"; shorter words in ge- and -d/-t ("gedt") are rare


def dutch_stem(word: str) -> str:
    """A Dutch infinitive or plural in -en as its stem, the form of the imperative and of
    the singular: "beschrijven" -> "beschrijf", "kiezen" -> "kies", "bellen" -> "bel",
    "maken" -> "maak", "vragen" -> "vraag". Other words are returned as they are."""
    if len(word) < 5 or not word.endswith("en") or word[-3] in _VOWELS:
        return word
    stem = word[:-2]
    if stem[-1] == stem[-2]:  # "bellen" -> "bel": a doubled consonant closed the syllable
        stem = stem[:-1]
    elif stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
        # An open syllable is long: "maken" -> "maak", "doorgeven" -> "doorgeef"; but an
        # unstressed e before l or r is not lengthened ("artikelen" -> "artikel"), unless the
        # stem has one syllable ("delen" -> "deel").
        vowel = stem[-2]
        if vowel in "aou" or (vowel == "e" and (stem[-1] not in "lr" or sum(c in _VOWELS for c in stem) == 1)):
            stem = stem[:-1] + vowel + stem[-1]
    return stem[:-1] + _DEVOICED.get(stem[-1], stem[-1])


_PARTICLES = frozenset({"door", "in", "op", "terug", "af", "aan", "uit", "mee", "na", "toe", "weg", "bij", "om"})
_POINTERS = frozenset({"waar", "daar", "hier", "er"})
_BEFORE_VERB = frozenset(
    {"ik", "je", "jij", "u", "we", "wij", "jullie", "hij", "zij", "ze", "wat", "wanneer", "hoe", "welk", "welke", "wie"}
)
_VOWELS = frozenset("aeiouy")
_DEVOICED = {"v": "f", "z": "s"}  # "beschrijven" / "beschrijf", "kiezen" / "kies"
# Dutch pronominal adverbs: "waarmee", "daarover", "ervoor" ("waarom", "daarna" are words of
# their own and stay whole).
_PRONOMINAL = re.compile(r"\b(waar|daar|hier|er)(mee|over|voor|aan|in|op|uit|van|naar|door|bij|tegen|onder|toe)\b")


def _pronominal_split(match: re.Match[str]) -> str:
    """ "waarmee" -> "waar mee"; but after a content word "waar" is relative, not a question
    ("iets anders waarmee ik je kan helpen"): only its preposition is kept."""
    pointer, preposition = match.group(1), match.group(2)
    if pointer == "waar" and match.start() > 0:
        before = match.string[: match.start() - 1].rsplit(" ", 1)[-1]
        if before not in _wording().fillers:
            return preposition
    return f"{pointer} {preposition}"


def _compound(word: str) -> str | None:
    """A Dutch compound ending in a head noun (cues.yaml ``compound_heads``) as its parts'
    forms joined, or None: "boekingsnummer" and "bestelnummer" -> "ordernumber"."""
    for head in _wording().heads:
        if word.endswith(head) and len(word) - len(head) >= STEM_LETTERS:
            modifier = word[: -len(head)]
            if modifier.endswith(("ings", "heids", "teits")):  # the linking s: "boekingsnummer"
                modifier = modifier[:-1]
            synonyms = _wording().synonyms
            return synonyms.get(modifier, dutch_stem(modifier)) + synonyms.get(head, head)
    return None


_E_PREFIX = re.compile(r"\be (?=\w)")


def same_word(a: str, b: str) -> bool:
    """Two content words that are forms of one word (see STEM_LETTERS)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < STEM_LETTERS or a[:STEM_LETTERS] != b[:STEM_LETTERS]:
        return False
    common = STEM_LETTERS
    while common < shorter and a[common] == b[common]:
        common += 1
    # A word and a particle are another word ("check" / "checkout"), and a participle is no
    # agent noun ("charged" / "charger").
    if common == shorter and max(a, b, key=len)[common:] in _COMPOUND_PARTICLES:
        return False
    if {a[common - 1 :], b[common - 1 :]} == {"ed", "er"}:
        return False
    return common >= STEM_SHARE * shorter


_COMPOUND_PARTICLES = frozenset({"out", "up", "in", "on", "off", "over", "back", "down"})


def shared_words(key: tuple[str, ...], other: tuple[str, ...]) -> int:
    """How many words of ``key`` have a form in ``other``."""
    forms = word_forms(other)
    return sum([has_form(word, forms) for word in key])


Forms = tuple[frozenset[str], dict[str, list[str]]]


def word_forms(words: tuple[str, ...] | list[str]) -> Forms:
    """``words`` ready for `has_form`: as a set, and the long ones by their first
    STEM_LETTERS letters (only those can be another form of a word). Comparing every word
    of one bot text with every word of another cost a twentieth of the analysis."""
    by_stem: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= STEM_LETTERS:
            by_stem.setdefault(word[:STEM_LETTERS], []).append(word)
    return frozenset(words), by_stem


def has_form(word: str, forms: Forms) -> bool:
    """Whether some word of ``forms`` is ``word`` or another form of it (`same_word`)."""
    exact, by_stem = forms
    if word in exact:
        return True
    if len(word) < STEM_LETTERS:
        return False
    return any(same_word(word, other) for other in by_stem.get(word[:STEM_LETTERS], ()))


@functools.lru_cache(maxsize=4)
def action_forms(language: str) -> Forms:
    """Actions (cues.yaml ``rephrasing.actions``) as they appear in semantic keys, ready for
    `has_form`: "cancel", "opzeg" ("opzeggen")."""
    actions = raw_cues()["rephrasing"]["actions"]
    return word_forms(sorted({form for word in actions for form in (word, content_form(word, language))}))


@functools.lru_cache(maxsize=8)
def rephrasing_words(name: str) -> frozenset[str]:
    """One word list of cues.yaml's ``rephrasing`` section: ``statement_subjects``,
    ``open_starts``, ``yes_no_starts``, ``unmarked_negations``."""
    return frozenset(raw_cues()["rephrasing"][name])


def first_word(norm: str) -> str:
    """The first word of a normalised text after an acknowledgement ("ok", "got it",
    "sorry"): what kind of message it is starts there."""
    return next(iter(opened(norm).split()), "")


def opened(norm: str) -> str:
    """A normalised text without the acknowledgement it opens with."""
    return _wording().openers.sub("", norm)


def filler_words() -> frozenset[str]:
    """Words that carry no content of a request (politeness, question and function words)."""
    return _wording().fillers


def is_opener(word: str) -> bool:
    """Whether a (lower-case) word is (part of) an acknowledgement that can open a text
    ("perfect", "got" of "got it")."""
    return word in _opener_words()


@functools.lru_cache(maxsize=1)
def _opener_words() -> frozenset[str]:
    return frozenset(word for opener in raw_cues()["rephrasing"]["openers"] for word in opener.split())


def opener_forms(norm: str) -> frozenset[str]:
    """The key forms of the acknowledgement a normalised text opens with ("perfect what is
    your order number" -> {"perfect"}; "got it ..." -> {"understand"}), in either language."""
    match = _wording().openers.match(norm)
    if match is None:
        return frozenset()
    return frozenset(content_form(w, language) for w in match.group(0).split() for language in ("en", "nl"))


class _Wording(NamedTuple):
    fillers: frozenset[str]
    filler_stems: frozenset[str]  # Dutch fillers in -en by their stem: "doorgeven" -> "doorgeef"
    synonyms: dict[str, str]  # word -> its group's name
    phrases: re.Pattern[str]  # any phrase of ``replacements``, on whole words
    replacements: dict[str, str]  # phrase (normalised) -> what it says
    heads: tuple[str, ...]  # last parts of Dutch compounds, longest first
    genitive: re.Pattern[str]  # "nummer van je boeking": head, then the modifier
    openers: re.Pattern[str]  # acknowledgements at the start of a text


@functools.lru_cache(maxsize=1)
def _wording() -> _Wording:
    cues = raw_cues()["rephrasing"]
    synonyms = {word: group[0] for group in cues["synonyms"] for word in group}
    replacements = {
        " ".join(_WORDS.findall(phrase.lower())): group[0] for group in cues["phrases"] for phrase in group[1:]
    }
    # Longest first: "heeft te maken met" before "te maken met".
    alternatives = "|".join(re.escape(p) for p in sorted(replacements, key=len, reverse=True))
    heads = tuple(sorted(cues["compound_heads"], key=len, reverse=True))
    genitive = re.compile(rf"\b({'|'.join(heads)}) van (?:je |jouw |uw |de |het |een )?(\w+)")
    fillers = frozenset(cues["fillers"])
    stems = frozenset(dutch_stem(word) for word in fillers) - fillers
    # Longest first, so that "thank you" is taken whole before "thank".
    openers = sorted(cues["openers"], key=len, reverse=True)
    openers_at_start = re.compile(rf"^(?:(?:{'|'.join(map(re.escape, openers))}) )+")
    phrases = re.compile(rf"\b(?:{alternatives})\b")
    return _Wording(fillers, stems, synonyms, phrases, replacements, heads, genitive, openers_at_start)


_WORDS = re.compile(r"\w+")
