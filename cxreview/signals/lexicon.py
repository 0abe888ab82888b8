"""Load the cue lists and compile them into one regular expression per cue and language."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

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
_COMMON = frozenset("a an the i to me my you your is it of and or de het een je ik mij met van en of".split())
_ESCAPE = re.compile(r"\\[a-zA-Z]")
_FRAGMENT = re.compile(r"([a-zà-ÿ]+)([?*+]|\\w\*)?")
_TOKEN = re.compile(r"[a-zà-ÿ]+")


class _Cue:
    """One cue's regex with a cheap word prefilter: the regex only runs on texts that
    contain one of the words (or word stems) its patterns are made of."""

    def __init__(self, patterns: list[str]) -> None:
        self.pattern = _compile(patterns)
        self.words: set[str] = set()
        self.stems: list[str] = []
        self.always = False
        for pattern in patterns:
            words, stems = set(), []
            for fragment, quantifier in _FRAGMENT.findall(_ESCAPE.sub(" ", pattern.lower())):
                if quantifier in ("?", "*"):
                    stems.append(fragment[:-1] or fragment)
                elif quantifier:  # "+" or a trailing \w*: the fragment is a stem
                    stems.append(fragment)
                else:
                    words.add(fragment)
            if not words and not stems:
                self.always = True  # punctuation-only patterns such as "??"
            rare = {w for w in words if w not in _COMMON}
            self.words |= rare if rare or stems else words
            self.stems.extend(stems)

    def search(self, text: str, tokens: set[str]) -> str | None:
        if (
            not self.always
            and not (tokens & self.words)
            and not any(t.startswith(s) for s in self.stems for t in tokens)
        ):
            return None
        match = self.pattern.search(text)
        return match.group(0) if match else None


@functools.lru_cache(maxsize=4)
def cue_matchers(language: str) -> dict[str, _Cue]:
    """Cues for a language; Dutch conversations also match English cues (customers switch
    to English phrases like "wtf" or "agent please")."""
    cues = raw_cues()
    languages = ["en"] if language != "nl" else ["nl", "en"]
    return {name: _Cue([p for lang in languages for p in cues[name].get(lang, [])]) for name in CUE_NAMES}


def match_cues(text: str, language: str, names: tuple[str, ...]) -> dict[str, str]:
    """The cues among ``names`` that ``text`` matches, with the words that matched."""
    tokens = set(_TOKEN.findall(text.lower()))
    found = {}
    matchers = cue_matchers(language)
    for name in names:
        hit = matchers[name].search(text, tokens)
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
