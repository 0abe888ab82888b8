"""Misspelt words of a request for a person, read as the words meant (issue 12, round 14):
"cn i spk to sumone", "can i spaek to a persn", "kan ik een medeweker spreken", "iemnad van de
klantenservice". Customers type on phones and in a hurry; the parts of a request
(`person_ask`) are read in the corrected text and the request is quoted in the customer's own
words.

The misspellings of the words in cues.yaml ``person_ask.typos.words`` are made here: one letter
left out or doubled (words of five letters or more), or two neighbouring letters swapped; never
the first letter, and never a real word (``not_typos``: "spek" is bacon, "humaan" humane).
``extra`` lists shortenings no such rule makes ("spk", "sum1", "cn"), and a "2" after a verb of
talking is "to" ("talk 2 a human"). Round 22 (rsics22, typed to chatbots): "#" after a word that
names or asks for a number is "number" ("is there a phone # where i can call", "which # do i
call?"; the corpus' masked digits, "call ###-####", follow no such word), and "some one" / "some
body" are "someone" / "somebody" ("i need to talk to some one")."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from cxreview.signals.lexicon import languages_read, raw_cues

_TOKEN = re.compile(r"[\w']+")
_MIN_DROPPED = 5  # letters a word needs before one left out or doubled is read as a typo
_TALKING = frozenset({"talk", "speak", "chat", "spk", "tlk", "speek", "spaek"})
# Round 24 (tweets): "need 2 talk 2 someone", "want 2 speak", "trying 2 reach u": a "2" after a wish is "to" too
# (searched only in a text with a "2" and no talking word: "2 days" alone costs one search).
_WISHES = frozenset({"need", "want", "wanna", "have", "got", "trying", "like", "able"})
_WISH_TWO = re.compile(
    r"\b(?:need|want|wanna|have|got|trying|like|able) 2 (?:talk|speak|chat|call|contact|reach|get)\b"
)
_BEFORE_HASH = "phone telephone tel contact what which the a any your ur".split()
_SPLIT = "(?:" + "|".join(rf"(?<=\b{w} )" for w in _BEFORE_HASH) + r")#(?![#\w])|\bsome (?=(?:one|body)\b)"
_SPLIT_MEANT = {"#": "number", "some ": "some"}
_SPLIT_WORD = re.compile(_SPLIT)
_SCAN = re.compile(rf"{_SPLIT}|[\w']+")


class Corrected(NamedTuple):
    """A lower-case text with its misspelt words replaced, its words, and the replacements as
    (start, end) in the corrected text and (start, end) in the text as typed."""

    lower: str
    words: list[str]
    replaced: list[tuple[int, int, int, int]]

    def typed(self, start: int, end: int) -> tuple[int, int]:
        """A span of the corrected text as a span of the text as typed."""
        return self._typed(start, False), self._typed(end, True)

    def _typed(self, at: int, is_end: bool) -> int:
        shift = 0
        for new_start, new_end, old_start, old_end in self.replaced:
            if at <= new_start:
                break
            if at >= new_end:
                shift = old_end - new_end
                continue
            return old_end if is_end else old_start
        return at + shift


@functools.lru_cache(maxsize=2)
def typo_forms(language: str) -> dict[str, str]:
    """Each misspelling read for ``language`` (Dutch with English), mapped to the word meant."""
    section = raw_cues()["person_ask"]["typos"]
    meant = [str(w) for lang in languages_read(language) for w in section["words"][lang]]
    not_typos = {str(w) for lang in languages_read(language) for w in section["not_typos"][lang]}
    forms: dict[str, str] = {}
    for word in meant:
        for variant in _misspellings(word):
            if variant not in not_typos and variant not in meant:
                forms.setdefault(variant, word)
    for lang in languages_read(language):
        forms.update({str(k): str(v) for k, v in section["extra"][lang].items()})
    return forms


def _has_digit_form(lower: str, language: str) -> bool:
    """Whether ``lower`` has a shortening written with a digit: tested only when it has one of
    their digits (most texts have none: one substring test per digit)."""
    return any(digit in lower for digit in _form_digits(language)) and any(
        form in lower for form in _with_digits(language)
    )


@functools.lru_cache(maxsize=2)
def _form_digits(language: str) -> tuple[str, ...]:
    """The digits the shortenings of `_with_digits` are written with ("1")."""
    return tuple(sorted({c for form in _with_digits(language) for c in form if c.isdigit()}))


@functools.lru_cache(maxsize=2)
def _with_digits(language: str) -> tuple[str, ...]:
    """The shortenings written with a digit ("sum1", "some1"), which a text's words (letters
    only) never hold."""
    return tuple(form for form in typo_forms(language) if any(c.isdigit() for c in form))


def _misspellings(word: str) -> set[str]:
    found = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    if len(word) >= _MIN_DROPPED:
        found |= {word[:i] + word[i + 1 :] for i in range(1, len(word))}
        found |= {word[:i] + word[i] + word[i:] for i in range(1, len(word))}
    found.discard(word)
    return found


def corrected(lower: str, words: Sequence[str], language: str) -> Corrected | None:
    """``lower`` with its misspelt words replaced, or None when it has none (most texts: one
    set look-up)."""
    forms = typo_forms(language)
    if (
        forms.keys().isdisjoint(words)
        and ("2" not in lower or _TALKING.isdisjoint(words) and _WISH_TWO.search(lower) is None)
        and not _has_digit_form(lower, language)  # "sum1": words are letters only
        and ("#" not in lower and "some " not in lower or _SPLIT_WORD.search(lower) is None)
    ):
        return None
    pieces: list[str] = []
    replaced: list[tuple[int, int, int, int]] = []
    at = length = 0
    previous = ""
    for token in _SCAN.finditer(lower):
        word = token.group()
        two = word == "2" and (previous in _TALKING or previous in _WISHES)
        meant = _SPLIT_MEANT.get(word) or forms.get(word) or ("to" if two else None)
        previous = meant or word
        if meant is None:
            continue
        gap = lower[at : token.start()]
        pieces += [gap, meant]
        length += len(gap)
        replaced.append((length, length + len(meant), token.start(), token.end()))
        length += len(meant)
        at = token.end()
    if not replaced:
        return None
    pieces.append(lower[at:])
    text = "".join(pieces)
    return Corrected(text, _TOKEN.findall(text), replaced)
