"""Load the cue lists and compile them into one regular expression per cue and language."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicons")
LANGUAGES = ("en", "nl")


@functools.lru_cache(maxsize=1)
def raw_cues() -> dict[str, Any]:
    return yaml.safe_load((LEXICON_DIR / "cues.yaml").read_text(encoding="utf-8"))


def _compile(patterns: list[str]) -> re.Pattern[str]:
    """One alternation; each pattern is held to word boundaries where it starts or ends
    with a word, and left alone where it starts or ends with punctuation (like "??")."""
    parts = []
    for pattern in patterns:
        lead = "" if pattern.startswith(("^", "\\?", "\\!")) else r"(?<!\w)"
        tail = "" if pattern.endswith(("$", "\\?+", "?")) and not pattern.endswith(")?") else r"(?!\w)"
        parts.append(f"{lead}(?:{pattern}){tail}")
    return re.compile("|".join(parts), re.IGNORECASE | re.MULTILINE)


CUSTOMER_CUES = (
    "human_request",
    "escalation",
    "profanity",
    "rejection",
    "repetition",
    "sarcasm",
    "impatience",
    "giving_up",
    "grievance",
    "declines_human",
    "negative_answer",
    "confusion",
    "waiting",
    "rhetorical",
    "emoji",
    "correction",
)
SYSTEM_CUES = ("failure", "disclosure", "handover_offer", "handover_done", "uncertainty")
CUE_NAMES = CUSTOMER_CUES + SYSTEM_CUES
# Words too common to tell anything on their own; a pattern keeps them as triggers only
# when it has no other word.
_COMMON = frozenset(
    "a an the i to me my you your is it of and or at for in on this that was can not all about do did does are be"
    " s t d ll re ve m so just what with have has"
    " de het een je ik mij met van en of mijn ja dat er voor nog op heb niet al is was dit die te ook wel".split()
)
_ESCAPE = re.compile(r"\\[a-zA-Z]")
_FRAGMENT = re.compile(r"([a-zà-ÿ]+)([?*+]|\\w\*)?")
_TOKEN = re.compile(r"[a-zà-ÿ]+")
_META = set("^$*+?{}[]\\|()")


def _literal_punctuation(pattern: str) -> set[str]:
    """The punctuation and symbols a pattern matches literally ("\\?" is a "?")."""
    found, i = set(), 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            if not pattern[i + 1].isalnum():
                found.add(pattern[i + 1])
            i += 2
            continue
        if not c.isalnum() and c not in _META and not c.isspace():
            found.add(c)
        i += 1
    return found


class _Cue:
    """One cue's patterns with a cheap word prefilter per pattern: a text is searched only
    with the patterns whose words (or word stems) it contains, compiled together once per
    such combination. Most texts contain the words of no pattern or of one or two, so the
    regex engine tries a handful of branches instead of every one."""

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = patterns
        self.pattern = _compile(patterns)
        self.always: tuple[int, ...] = ()  # punctuation-only patterns such as "??"
        self.triggers: set[str] = set()
        self.by_word: dict[str, list[int]] = {}
        self.stems: list[tuple[tuple[str, ...], int]] = []
        self._compiled: dict[int, re.Pattern[str]] = {}
        always = []
        for index, pattern in enumerate(patterns):
            words, stems = set(), []
            for fragment, quantifier in _FRAGMENT.findall(_ESCAPE.sub(" ", pattern.lower())):
                if quantifier in ("?", "*"):
                    stems.append(fragment[:-1] or fragment)
                elif quantifier:  # "+" or a trailing \w*: the fragment is a stem
                    stems.append(fragment)
                else:
                    words.add(fragment)
            if not words and not stems:
                always.append(index)
                # Punctuation-only patterns ("??", emoji) need one of their literal characters.
                self.triggers.update(_literal_punctuation(pattern))
                continue
            # A one- or two-letter stem ("o+h?", "h+uh") starts half the words of any
            # text: it filters nothing. Patterns with a longer word or stem rely on that.
            if any(len(f) >= 3 for f in list(words) + stems):
                stems = [st for st in stems if len(st) >= 3]
            rare = {w for w in words if w not in _COMMON}
            for word in rare if rare or stems else words:
                self.by_word.setdefault(word, []).append(index)
            if stems:
                self.stems.append((tuple(stems), index))
        self.always = tuple(always)

    def search(self, text: str, chosen: set[int]) -> str | None:
        """The leftmost match of the chosen patterns (and the always-run ones) in ``text``,
        as the full alternation would find it. Each pattern is compiled once on its own:
        compiling every combination cost more than all the matching."""
        best: re.Match[str] | None = None
        for index in sorted(chosen.union(self.always)):
            pattern = self._compiled.get(index)
            if pattern is None:
                pattern = self._compiled[index] = _compile([self.patterns[index]])
            match = pattern.search(text)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best.group(0) if best else None


class _Index(NamedTuple):
    """Every cue of a language by the words and stems of its patterns: a text's tokens are
    looked up once, for all cues together."""

    by_word: dict[str, list[tuple[str, int]]]
    stems: tuple[str, ...]  # every stem, for one startswith test per token
    by_stem: list[tuple[tuple[str, ...], str, int]]
    always: tuple[tuple[str, frozenset[str]], ...]  # cues with punctuation-only patterns, and their characters


@functools.lru_cache(maxsize=8)
def _index(language: str, names: tuple[str, ...]) -> _Index:
    matchers = cue_matchers(language)
    by_word: dict[str, list[tuple[str, int]]] = {}
    by_stem: list[tuple[tuple[str, ...], str, int]] = []
    for name in names:
        cue = matchers[name]
        for word, indexes in cue.by_word.items():
            by_word.setdefault(word, []).extend((name, i) for i in indexes)
        by_stem.extend((stems, name, i) for stems, i in cue.stems)
    stems = tuple(sorted({st for group, _, _ in by_stem for st in group}))
    always = tuple((n, frozenset(matchers[n].triggers)) for n in names if matchers[n].always)
    return _Index(by_word, stems, by_stem, always)


@functools.lru_cache(maxsize=4)
def cue_matchers(language: str) -> dict[str, _Cue]:
    """Cues for a language; Dutch conversations also match English cues (customers switch
    to English phrases like "wtf" or "agent please")."""
    cues = raw_cues()
    languages = ["en"] if language != "nl" else ["nl", "en"]
    return {name: _Cue([p for lang in languages for p in cues[name].get(lang, [])]) for name in CUE_NAMES}


def match_cues(text: str, language: str, names: tuple[str, ...]) -> dict[str, str]:
    """The cues among ``names`` that ``text`` matches, with the words that matched."""
    index = _index(language, names)
    chosen: dict[str, set[int]] = {name: set() for name, chars in index.always if not chars.isdisjoint(text)}
    by_word = index.by_word
    stemmed = []
    for token in set(_TOKEN.findall(text.lower())):
        hits = by_word.get(token)
        if hits:
            for name, i in hits:
                chosen.setdefault(name, set()).add(i)
        if token.startswith(index.stems):
            stemmed.append(token)
    for token in stemmed:
        for group, name, i in index.by_stem:
            if token.startswith(group):
                chosen.setdefault(name, set()).add(i)
    found = {}
    matchers = cue_matchers(language)
    for name in names:  # in the caller's order, as before
        if name in chosen:
            hit = matchers[name].search(text, chosen[name])
            if hit is not None:
                found[name] = hit
    return found


def cue_patterns(language: str) -> dict[str, re.Pattern[str]]:
    return {name: cue.pattern for name, cue in cue_matchers(language).items()}


@functools.lru_cache(maxsize=4)
def critical_words(language: str) -> frozenset[str]:
    """Words whose difference makes two bot messages different: dates, weekdays, negations."""
    cues = raw_cues()
    words: set[str] = set()
    for group in ("months", "negation_words"):
        for lang in LANGUAGES:
            words.update(w.lower() for w in cues[group].get(lang, []))
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def negation_words() -> frozenset[str]:
    """Negations of both languages, lower case ("not", "never", "niet", "geen")."""
    cues = raw_cues()
    return frozenset(w.lower() for lang in LANGUAGES for w in cues["negation_words"].get(lang, []))


@functools.lru_cache(maxsize=2)
def known_words(language: str) -> frozenset[str]:
    """Ordinary words of a language (sentiment lexicon, function words, shouted words):
    a word in capitals that is one of these is shouted, anything else is an acronym."""
    from cxreview.signals.sentiment import lexicon_words  # sentiment imports this module

    cues = raw_cues()
    words = set(lexicon_words(language)) | set(negation_words())
    for lang in LANGUAGES:
        words.update(cues["language_hints"].get(lang, []))
        words.update(cues["shouted_words"].get(lang, []))
    return frozenset(words - set(cues["acronyms"]))


@functools.lru_cache(maxsize=1)
def language_hints() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in raw_cues()["language_hints"].items()}


def contrast_prefixes() -> tuple[str, ...]:
    return tuple(raw_cues()["contrast_prefixes"])
