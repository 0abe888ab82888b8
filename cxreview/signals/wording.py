"""Rephrasings: the content words of a text, so that two wordings of one question match."""

from __future__ import annotations

import functools
import re

from cxreview.signals.lexicon import raw_cues

# Content words are compared by their beginnings, a stemmer that needs no lexicon and works
# for English and Dutch alike: two words match when they share their first letters, at least
# STEM_LETTERS and most of the shorter word ("different"/"differently", "andere"/"anders",
# "delivery"/"delivered"), but not "ordernummer"/"orderdatum" or "klantnummer"/"klantenservice".
STEM_LETTERS = 5
STEM_SHARE = 0.7


def semantic_key(norm: str) -> tuple[str, ...]:
    """A normalised text's content words, synonyms merged, politeness, question, request and
    function words dropped, sorted: two wordings of one request share most of them."""
    fillers, synonyms = _wording()
    if "e " in norm:  # "e-mail", "e-mailadres" were split at the hyphen: "email", "emailadres"
        norm = _E_PREFIX.sub("e", norm)
    return tuple(sorted({synonyms.get(w, w) for w in norm.split() if w not in fillers}))


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
    return common >= STEM_SHARE * shorter


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


def filler_words() -> frozenset[str]:
    """Words that carry no content of a request (politeness, question and function words)."""
    return _wording()[0]


@functools.lru_cache(maxsize=1)
def _wording() -> tuple[frozenset[str], dict[str, str]]:
    cues = raw_cues()["rephrasing"]
    synonyms = {word: group[0] for group in cues["synonyms"] for word in group}
    return frozenset(cues["fillers"]), synonyms
