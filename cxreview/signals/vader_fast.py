"""VADER's compound score, the same numbers computed several times faster.

A port of the scoring rules of vaderSentiment 3.3 (C.J. Hutto, MIT licence; Hutto & Gilbert,
"VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text",
ICWSM 2014) that returns exactly what ``SentimentIntensityAnalyzer.polarity_scores(text)
["compound"]`` returns, including its quirks (the "but" rule that looks values up by equality,
"so"/"this" before a word boosting it). It is faster because it does only the work that can
change the score:

- only words of the lexicon carry valence; a text without any scores 0 straight away;
- the lower-case list of words is made once per text, not once per rule and word;
- how each raw token is stripped and cased is remembered across texts (tokens repeat);
- the emoji pass runs only on texts that contain an emoji.

`tests/signals/test_vader_fast.py` checks equality with vaderSentiment on real texts.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable, Mapping

B_INCR = 0.293
C_INCR = 0.733
N_SCALAR = -0.74
SPECIAL_CASES = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}
_PUNCTUATION = string.punctuation
_WORD = re.compile(r"\w+")
_CACHE_LIMIT = 500_000  # raw tokens remembered; cleared when full so memory stays bounded


class FastVader:
    """One language's lexicon, emoji descriptions, negations and boosters (VADER's globals)."""

    def __init__(
        self,
        lexicon: Mapping[str, float],
        emojis: Mapping[str, str],
        negate: Iterable[str],
        boosters: Mapping[str, float],
    ) -> None:
        self.lexicon = dict(lexicon)
        self.emojis = dict(emojis)
        self.emoji_chars = frozenset(k for k in emojis if len(k) == 1)
        self.negate = frozenset(negate)
        self.boosters = dict(boosters)
        self._tokens: dict[str, tuple[str, str, bool]] = {}  # raw token -> (stripped, lower case, capitals)

    def compound(self, text: str) -> float:
        """VADER's compound score of ``text``, -1..1, rounded to 4 places as VADER does."""
        return self.scored(text)[0]

    def scored(self, text: str) -> tuple[float, tuple[str, ...]]:
        """The compound score of ``text`` and, when it is negative, the words that made it
        so, in order: a negative word ("terrible"), or a positive one a negation turned,
        quoted with the negation ("not happy"), or an emoji as written ("😡", not its
        description "angry"). The evidence of a message's negative words."""
        written = None
        # Emoji are never ASCII: most texts are, and isascii() is a flag, not a scan.
        if not text.isascii() and not self.emoji_chars.isdisjoint(text):
            written = text
            text = self._describe_emojis(text)
        text = text.strip()
        tokens = self._tokens
        if len(tokens) > _CACHE_LIMIT:
            tokens.clear()
        get = tokens.get
        known = [get(raw) or self._token(raw) for raw in text.split()]
        lower = [k[1] for k in known]
        lex = self.lexicon
        hits = [i for i, w in enumerate(lower) if w in lex]
        if not hits:
            return 0.0, ()
        words = [k[0] for k in known]
        n = len(words)
        upper = len([k for k in known if k[2]])
        cap_diff = 0 < n - upper < n
        boosters = self.boosters
        valences: dict[int, float] = {}
        for i in hits:
            w = lower[i]
            if w in boosters or (w == "kind" and i < n - 1 and lower[i + 1] == "of"):
                continue
            valences[i] = self._valence(words, lower, i, cap_diff)
        if "but" in lower:
            sentiments: list[float] = [valences.get(i, 0) for i in range(n)]
            total = float(sum(_but_check(lower, sentiments)))
        else:
            total = float(sum(valences.values()))  # in word order, as VADER adds them
        if total > 0:
            total += _punctuation_emphasis(text)
        elif total < 0:
            total -= _punctuation_emphasis(text)
        compound = total / math.sqrt(total * total + 15)
        negatives = self._negatives(words, lower, valences) if total < 0 else ()
        if written is not None and negatives:
            negatives = self._as_emoji(negatives, written)
        return round(max(-1.0, min(1.0, compound)), 4), negatives

    def _negatives(self, words: list[str], lower: list[str], valences: dict[int, float]) -> tuple[str, ...]:
        lex = self.lexicon
        found = []
        for i, valence in valences.items():
            if valence >= 0:
                continue
            if lex[lower[i]] > 0:  # turned by a negation before it: quoted with it
                negated = (j for j in range(i - 1, max(i - 4, -1), -1) if self._negated(lower[j]) or lower[j] == "no")
                found.append(" ".join(words[next(negated, i) : i + 1]))
            else:
                found.append(words[i])
        return tuple(found)

    def _as_emoji(self, negatives: tuple[str, ...], written: str) -> tuple[str, ...]:
        """``negatives`` with each word of an emoji's description given as the emoji, past as
        many of that word as the customer typed: the evidence quotes what they wrote. A word
        typed with punctuation or an emoji next to it ("angry! 😡", "angry😡") is typed, and
        "ANGRY. 😡" reads "ANGRY" and "😡", not "ANGRY" and "angry"."""
        typed: dict[str, int] = {}
        for word in _WORD.findall(written.lower()):
            typed[word] = typed.get(word, 0) + 1
        emoji: dict[str, str] = {}
        for char in written:
            if char in self.emoji_chars:
                for word in self.emojis[char].lower().split():
                    emoji.setdefault(word, char)
        quoted = []
        for words in negatives:
            out = []
            for word in words.split():
                lower = word.lower()
                if lower in emoji and typed.get(lower, 0) > 0:
                    typed[lower] -= 1
                    out.append(word)
                else:
                    out.append(emoji.get(lower, word))
            quoted.append(" ".join(out))
        return tuple(quoted)

    def _token(self, raw: str) -> tuple[str, str, bool]:
        """(stripped, lower case, all capitals) of a raw token, as VADER strips it; remembered."""
        stripped = raw.strip(_PUNCTUATION)
        if len(stripped) <= 2:  # probably an emoticon: VADER keeps it whole
            stripped = raw
        known = self._tokens[raw] = (stripped, stripped.lower(), stripped.isupper())
        return known

    def _describe_emojis(self, text: str) -> str:
        out = ""
        prev_space = True
        for char in text:
            if char in self.emojis:
                if not prev_space:
                    out += " "
                out += self.emojis[char]
                prev_space = False
            else:
                out += char
                prev_space = char == " "
        return out

    def _negated(self, word: str) -> bool:
        return word in self.negate or "n't" in word

    def _scalar(self, word: str, low: str, valence: float, cap_diff: bool) -> float:
        scalar = 0.0
        if low in self.boosters:
            scalar = self.boosters[low]
            if valence < 0:
                scalar *= -1
            if word.isupper() and cap_diff:
                if valence > 0:
                    scalar += C_INCR
                else:
                    scalar -= C_INCR
        return scalar

    def _valence(self, words: list[str], lower: list[str], i: int, cap_diff: bool) -> float:
        """VADER's sentiment_valence for the lexicon word at ``i``."""
        lex = self.lexicon
        item, w, n = words[i], lower[i], len(words)
        valence = lex[w]
        if w == "no" and i != n - 1 and lower[i + 1] in lex:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
        ):
            valence = lex[w] * N_SCALAR
        if item.isupper() and cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lex:
                s = self._scalar(words[j], lower[j], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms(valence, lower, i)
        # "least" before the word negates it, except in "at least" / "very least".
        if i > 1 and lower[i - 1] not in lex and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[i - 1] not in lex and lower[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    def _negation_check(self, valence: float, lower: list[str], start_i: int, i: int) -> float:
        if start_i == 0:
            if self._negated(lower[i - 1]):
                valence = valence * N_SCALAR
        elif start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                pass
            elif self._negated(lower[i - 2]):
                valence = valence * N_SCALAR
        else:
            # VADER's precedence kept as it is: "so"/"this" right before the word boosts it.
            if (
                lower[i - 3] == "never"
                and (lower[i - 2] == "so" or lower[i - 2] == "this")
                or (lower[i - 1] == "so" or lower[i - 1] == "this")
            ):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                pass
            elif self._negated(lower[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms(self, valence: float, lower: list[str], i: int) -> float:
        onezero = f"{lower[i - 1]} {lower[i]}"
        twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        twoone = f"{lower[i - 2]} {lower[i - 1]}"
        threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        threetwo = f"{lower[i - 3]} {lower[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(lower) - 1 > i:
            zeroone = f"{lower[i]} {lower[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(lower) - 1 > i + 1:
            zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in self.boosters:
                valence = valence + self.boosters[n_gram]
        return valence


def _but_check(lower: list[str], sentiments: list[float]) -> list[float]:
    """VADER's "but" rule as written: each value is looked up by equality (the first equal
    value is the one scaled), which the score depends on when values repeat."""
    bi = lower.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _punctuation_emphasis(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm = 0.0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm
