"""The cue index: which of a language's cue patterns can match a text, found cheaply.

Searching every pattern of every cue in every text was the most expensive part of the
analysis. The index numbers the patterns of the cues asked for and keeps, per pattern,
what a match cannot do without: its words or word stems (looked up once per distinct
token of a text, remembered across texts), the words it requires (clauses: "how (do|can)
i (contact|reach)" needs "how", "i", one of "do"/"can" and one of "contact"/"reach"), and
for patterns that can match punctuation alone ("??", ":(", emoji) the characters they
need. Only the patterns that pass are searched, each compiled once, and the leftmost
match per cue is the one the full alternation of the cue would find (tested against it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from cxreview.signals.ascii_text import LOWER_LETTERS, has_digit, runs
from cxreview.signals.cue_facts import facts_of
from cxreview.signals.cue_patterns import DIGIT
from cxreview.signals.cue_search import WORD_CHARACTERS, affixes, compile_ascii_search, search_on
from cxreview.signals.regex_code import compile_pattern

# Latin-1 letters without the division sign (U+00F7), which is not \\w for the regexes either.
TOKEN = re.compile(r"[a-zß-öø-ÿ]+")
# IGNORECASE matches these with "i" and "s", lower() does not make them so ("İ" becomes "i"
# and a combining dot).
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})
_META = set("^$*+?{}[]\\|()")
_FREQUENT = frozenset("().,?!-'\"")  # characters most texts have: the worst keys
_CACHE_LIMIT = 200_000  # distinct tokens remembered; real text has an open vocabulary
# Cues whose every match says one word (a unit with a letter) three times in a row
# (cues.yaml ``insistence``: "refund refund refund"). Their patterns refer back to a group,
# so they have no trigger word and were searched in every text, the dearest search of all
# (~35 µs a text, the engine trying the back reference at every word). In an ASCII text
# such a match has a run of letters that the text has three times as a maximal run, so a
# text without one is not searched (`_thrice`; tests/signals/test_cue_index.py checks it).
THRICE_CUES = frozenset({"insistence"})
_FLAGS = int(re.IGNORECASE | re.MULTILINE)


def compile_patterns(patterns: list[str]) -> re.Pattern[str]:
    """One alternation; each pattern is held to word boundaries where it starts or ends
    with a word, and left alone where it starts or ends with punctuation (like "??")."""
    parts = []
    for pattern in patterns:
        lead, tail = affixes(pattern)
        parts.append(f"{lead}(?:{pattern}){tail}")
    return compile_pattern("|".join(parts), _FLAGS)  # re.compile, from the shipped code (regex_code)


@functools.lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    return compile_patterns([pattern])


class CueIndex:
    """The patterns of some cues (in the caller's order), ready to be matched against texts."""

    def __init__(self, cues: dict[str, list[str]]) -> None:
        self.names = tuple(cues)
        self.cue_of: list[str] = []
        self.sources: list[str] = []
        # Per pattern: the words it requires (one-word clauses, one subset test) and the
        # clauses of alternatives ("(told|said)"), one of each must be a token.
        self.required: list[frozenset[str]] = []
        self.options: list[tuple[frozenset[str], ...]] = []
        self.by_word: dict[str, list[int]] = {}
        self.by_stem: list[tuple[tuple[str, ...], int]] = []
        # Patterns that can match punctuation alone, under the characters that can start
        # their test: a required character (the rarest) or each of their literal ones.
        self.by_char: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self.unconditional: list[int] = []  # no character to wait for: always searched
        # Unconditional patterns with a piece of text every match has ("#", "care", a digit):
        # searched in an ASCII text only when its lower case has it (`cue_patterns.gate_of`).
        self.gated: list[tuple[int, str]] = []
        self.thrice: set[int] = set()  # the patterns of THRICE_CUES
        self.fast: list[bool] = []  # whether a pattern has a faster search of ASCII texts
        for name, patterns in cues.items():
            for pattern in patterns:
                pid = len(self.sources)
                if name in THRICE_CUES:
                    self.thrice.add(pid)
                self.cue_of.append(name)
                self.sources.append(pattern)
                facts = facts_of(pattern)  # shipped with the package (cue_facts.json)
                self.fast.append(facts.fast)
                clauses = facts.clauses
                self.required.append(frozenset(w for c in clauses if len(c) == 1 for w in c))
                self.options.append(tuple(c for c in clauses if len(c) > 1))
                keys = facts.keys
                if facts.letterless:
                    # Patterns that can match punctuation alone ("??", "...", emoji) need
                    # all the characters they cannot match without (":(" needs ":" and "(",
                    # a parenthesis alone is not enough), or else one of the characters a
                    # match without letters can be made of.
                    needed = facts.needed
                    if needed:
                        key = min(needed, key=lambda c: (c in _FREQUENT, c))
                        self.by_char.setdefault(key, []).append((pid, needed))
                    elif keys:
                        for char in keys:
                            self.by_char.setdefault(char, []).append((pid, frozenset()))
                    else:
                        self.unconditional.append(pid)
                        continue
                    if facts.wordless:
                        continue
                trigger = facts.trigger
                if trigger is None:  # no word every match must have: searched in every text
                    self.unconditional.append(pid)
                    continue
                words, prefixes = trigger
                for word in words:
                    self.by_word.setdefault(word, []).append(pid)
                if prefixes:
                    self.by_stem.append((tuple(sorted(prefixes)), pid))
        self.chars = frozenset(self.by_char)
        for pid in self.unconditional:
            gate = facts_of(self.sources[pid]).gate
            if gate:
                self.gated.append((pid, gate))
        if self.gated:
            gated = {pid for pid, _ in self.gated}
            self.unconditional = [pid for pid in self.unconditional if pid not in gated]
        # The ASCII ones, for ASCII texts (most): a few substring tests instead of a
        # pass over every character of the text.
        self.ascii_chars = tuple(sorted(c for c in self.chars if c.isascii()))
        self.stems = tuple(sorted({st for group, _ in self.by_stem for st in group}))
        # Tokens already looked up, and those that point to patterns (with the patterns):
        # a text's tokens are split into new and known ones by set operations, so only
        # the few that point somewhere are visited one by one.
        self.seen: set[str] = set()
        self.pointing: set[str] = set()
        self.tokens: dict[str, tuple[int, ...]] = {}
        # Per pattern, everything the search needs: its cue, required words, clauses and
        # (once compiled) its search method.
        # The last three: the full search, the faster search of lower-case ASCII texts where
        # a pattern has one (see cue_search), and whether that one needs the lookbehind checked.
        self.entries: list[tuple[str, frozenset[str], tuple[frozenset[str], ...], Any, Any, bool]] = [
            (cue, required, options, None, None, False)
            for cue, required, options in zip(self.cue_of, self.required, self.options, strict=True)
        ]

    def _hits(self, token: str) -> tuple[int, ...]:
        """The patterns a token points to, by word and stem."""
        found = tuple(self.by_word.get(token, ()))
        if token.startswith(self.stems):
            found += tuple(pid for group, pid in self.by_stem if token.startswith(group))
        return found

    def _learn(self, tokens: set[str]) -> None:
        """Look up the tokens of a text not seen before (remembered, within a bound)."""
        if len(self.seen) > _CACHE_LIMIT:
            self.seen.clear()
            self.pointing.clear()
            self.tokens.clear()
        for token in tokens - self.seen:
            hits = self._hits(token)
            if hits:
                self.tokens[token] = hits
                self.pointing.add(token)
        self.seen.update(tokens)

    def match(self, text: str, lower: str) -> dict[str, str]:
        """The cues whose patterns match ``text`` (``lower``: the same in lower case), with
        the words that matched, in the order of the cues given."""
        chosen: set[int] = set(self.unconditional)
        plain = text.isascii()  # a flag, not a scan
        if self.gated:
            if plain:
                for pid, needle in self.gated:
                    if needle in lower if needle != DIGIT else has_digit(lower):
                        chosen.add(pid)
            else:  # IGNORECASE and lower() differ outside ASCII: searched
                chosen.update(pid for pid, _ in self.gated)
        if plain:
            present: Any = [c for c in self.ascii_chars if c in text]
        else:
            present = self.chars.intersection(text)
        if present:
            characters = None
            for char in present:
                for pid, needed in self.by_char[char]:
                    if needed:
                        if characters is None:
                            characters = set(text)
                        if not needed <= characters:
                            continue
                    chosen.add(pid)
        if plain:  # TOKEN's runs without the regex engine (see ascii_text)
            listed = runs(lower, LOWER_LETTERS)
            tokens = set(listed)
            unsaid = bool(self.thrice) and not _thrice(listed, tokens)
        else:
            tokens = set(TOKEN.findall(lower.translate(_FOLD)))
            unsaid = False  # other letters than TOKEN's: searched
        if not tokens <= self.seen:
            self._learn(tokens)
        pointing = tokens & self.pointing
        if pointing:
            known = self.tokens
            for token in pointing:
                chosen.update(known[token])
        if unsaid:
            chosen -= self.thrice
        if not chosen:
            return {}
        found: dict[str, str] = {}
        name, best = "", None
        entries = self.entries
        for pid in sorted(chosen):  # numbered by cue in order, then by pattern
            cue, required, options, search, fast, lead = entries[pid]
            if cue != name:
                if best is not None:
                    found[name] = text[best.start() : best.end()]
                name, best = cue, None
            if not required <= tokens:
                continue
            if options and not _all_met(options, tokens):
                continue
            if search is None:
                search, fast, lead = self._compile(pid)
            if plain and fast is not None:
                # The same span in the lower-case text (ASCII keeps every position).
                match = fast(lower)
                if lead and match is not None:
                    start = match.start()
                    if start and lower[start - 1] in WORD_CHARACTERS:
                        match = search_on(fast, lower, start)
            else:
                match = search(text)
            # The leftmost match of the cue; at the same place the earlier pattern wins.
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is not None:
            found[name] = text[best.start() : best.end()]
        return found

    def _compile(self, pid: int) -> tuple[Callable[[str], re.Match[str] | None], Any, bool]:
        """The searches of a pattern, compiled on first use (a worker meets a few hundred of
        them) and kept in its entry: the full one and the one for ASCII texts (or None)."""
        source = self.sources[pid]
        lead, tail = affixes(source)
        fast = compile_ascii_search(source, tail) if self.fast[pid] else None
        # With an ASCII search, the full one is compiled only when a non-ASCII text needs it.
        search = _compiled(source).search if fast is None else self._full_on_first_use(pid)
        cue, required, options = self.entries[pid][:3]
        self.entries[pid] = (cue, required, options, search, fast, bool(lead))
        return search, fast, bool(lead)

    def _full_on_first_use(self, pid: int) -> Callable[[str], re.Match[str] | None]:
        def search(text: str) -> re.Match[str] | None:
            full = _compiled(self.sources[pid]).search
            self.entries[pid] = (*self.entries[pid][:3], full, *self.entries[pid][4:])
            return full(text)

        return search


def _thrice(listed: list[str], tokens: set[str]) -> bool:
    """Whether a run of letters comes three times in ``listed`` (its set: ``tokens``)."""
    if len(listed) - len(tokens) < 2:  # most texts: no word three times
        return False
    return any(listed.count(token) >= 3 for token in tokens)


def _all_met(clauses: tuple[frozenset[str], ...], tokens: set[str]) -> bool:
    """Whether ``tokens`` has a word of every clause (a loop: cheaper than any() over a
    generator for the one or two clauses a pattern has)."""
    for clause in clauses:
        if clause.isdisjoint(tokens):
            return False
    return True
