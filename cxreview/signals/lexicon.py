"""Load the cue lists and compile them into one regular expression per cue and language."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
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
_FRAGMENT = re.compile(r"([a-zà-ÿ]+)([?*+])?")
_WORD_TAIL = re.compile(r"(?<=[a-zà-ÿ])\\w[*+]")
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
        self.needs: list[tuple[int, frozenset[str], frozenset[str]]] = []  # always-run: (index, all of, any of)
        # Words a pattern cannot match without, as clauses (one word of each must be a
        # token of the text): "how (do|can) i (contact|reach)" needs "how", "i" and one of
        # "contact"/"reach", so a text with only "reach" is not searched.
        self.clauses = [_required_words(pattern) for pattern in patterns]
        self._compiled: dict[int, re.Pattern[str]] = {}
        always = []
        for index, pattern in enumerate(patterns):
            words, stems = set(), []
            # "confus\w*" is the stem "confus" ("confused", "confusing"): marked as a
            # repeated last letter before the other escapes are blanked out.
            marked = _WORD_TAIL.sub("+", pattern.lower())
            for fragment, quantifier in _FRAGMENT.findall(_ESCAPE.sub(" ", marked)):
                if quantifier in ("?", "*"):
                    stems.append(fragment[:-1] or fragment)
                elif quantifier:  # "+" or a trailing \w*: the fragment is a stem
                    stems.append(fragment)
                else:
                    words.add(fragment)
            wordless = not words and not stems
            if wordless or _matches_without_letters(pattern):
                always.append(index)
                # Patterns that can match punctuation alone ("??", "...", emoji) need one
                # of their literal characters, or all the characters they cannot match
                # without (":(" needs ":" and "(", so a parenthesis alone does not run it).
                needed = _required_characters(pattern) if wordless else frozenset()
                self.needs.append((index, needed, frozenset(_literal_punctuation(pattern))))
                self.triggers.update(_literal_punctuation(pattern))
                if wordless:
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

    def always_chosen(self, text: str) -> set[int]:
        """The punctuation-only patterns that can match ``text``."""
        chosen = set()
        for index, needed, any_of in self.needs:
            if needed.issubset(text) if needed else (not any_of or not any_of.isdisjoint(text)):
                chosen.add(index)
        return chosen

    def search(self, text: str, chosen: set[int]) -> str | None:
        """The leftmost match of the chosen patterns in ``text``, as the full alternation
        would find it. Each pattern is compiled once on its own: compiling every
        combination cost more than all the matching (6,600 combinations in 76,000 texts)."""
        best: re.Match[str] | None = None
        compiled = self._compiled
        for index in sorted(chosen) if len(chosen) > 1 else chosen:
            pattern = compiled.get(index)
            if pattern is None:
                pattern = compiled[index] = _compile([self.patterns[index]])
            match = pattern.search(text)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best.group(0) if best else None


def _required_characters(pattern: str) -> frozenset[str]:
    """Characters a punctuation-only pattern cannot match without: its literal characters
    outside groups and classes that no "?", "*" or "{0" makes optional. Empty when the
    pattern has a top-level alternation (no character is then certain)."""
    found: set[str] = set()
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            literal, i = pattern[i + 1], i + 2
        elif c == "[":
            end = pattern.find("]", i + 2)
            i = len(pattern) if end < 0 else end + 1
            continue
        elif c in "()":
            depth += 1 if c == "(" else -1
            i += 1
            continue
        elif c == "|" and depth == 0:
            return frozenset()
        elif c in _META:
            i += 1
            continue
        else:
            literal, i = c, i + 1
        optional = i < len(pattern) and (pattern[i] in "?*" or pattern.startswith("{0", i))
        if depth == 0 and not optional and not literal.isalnum():
            found.add(literal)
    return frozenset(found)


_LETTER = re.compile(r"[a-zà-ÿ]")
_BOUNDS = {_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_END, _c.AT_END_STRING}


def _is_letter(code: int) -> bool:
    return _LETTER.fullmatch(chr(code).lower()) is not None


def _letters(items: Any) -> str | None:
    """The word an alternative spells when it is letters only, else None."""
    if items and all(op is _c.LITERAL and _is_letter(av) for op, av in items):
        return "".join(chr(av) for _, av in items).lower()
    return None


def _matches_without_letters(pattern: str) -> bool:
    """Whether some match of the pattern may contain no letter ("^(hm+|\\.\\.\\.+)$"
    matches "..."): the word index alone would never run it on such a text."""
    try:
        return _letterless(_parser.parse(pattern, re.IGNORECASE | re.MULTILINE))
    except re.error:
        return True


def _letterless(items: Any) -> bool:
    for op, av in items:
        if op is _c.LITERAL and _is_letter(av):
            return False
        if op is _c.BRANCH and not any(_letterless(alt) for alt in av[1]):
            return False
        if op is _c.SUBPATTERN and not _letterless(av[-1]):
            return False
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] > 0 and not _letterless(av[2]):
            return False
    return True


def _ends_unlettered(items: Any) -> bool:
    """Whether every way through ``items`` ends with a non-letter character (never empty)."""
    if not items:
        return False
    op, av = list(items)[-1]
    if op is _c.LITERAL:
        return not _is_letter(av)
    if op is _c.SUBPATTERN:
        return _ends_unlettered(av[-1])
    if op is _c.BRANCH:
        return all(_ends_unlettered(alt) for alt in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return bool(av[1]) and _ends_unlettered(av[2])  # max > 0: taken at least as a possibility
    return False


def _required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Clauses of words (tokens as `match_cues` splits a text) that every match of the
    pattern contains: whole literal words of its top level, and groups of whole words
    ("(told|said)"). A word counts only when a non-letter or a boundary is certain on both
    sides; anything less certain adds no clause, so the filter never drops a match."""
    try:
        items = list(_parser.parse(pattern, re.IGNORECASE | re.MULTILINE))
    except re.error:
        return ()
    starts_bounded = not pattern.startswith(("\\?", "\\!"))  # _compile adds (?<!\w) otherwise
    tail_bounded = not (pattern.endswith(("$", "\\?+", "?")) and not pattern.endswith(")?"))
    clauses: list[frozenset[str]] = []
    run: list[str] = []
    bounded = starts_bounded  # is the position before the current run a certain boundary?
    pending: frozenset[str] | None = None  # a group of words waiting for a bound on its right
    for op, av in [*items, (None, None)]:
        closing = op is None and tail_bounded
        is_bound = closing or (op is _c.LITERAL and not _is_letter(av)) or (op is _c.AT and av in _BOUNDS)
        if op is _c.LITERAL and _is_letter(av):
            if pending is not None:
                pending = None
                bounded = False
            run.append(chr(av).lower())
            continue
        if run:
            if bounded and is_bound:
                clauses.append(frozenset(["".join(run)]))
            run = []
            bounded = False
        if pending is not None:
            if is_bound:
                clauses.append(pending)
            pending = None
        if is_bound:
            bounded = True
            continue
        if bounded and _ends_unlettered([(op, av)]):
            continue  # "(really )?" after a space: whatever it matches, a boundary follows
        if op is _c.SUBPATTERN and bounded:
            body = list(av[-1])
            if len(body) == 1 and body[0][0] is _c.BRANCH:
                words = [_letters(list(alt)) for alt in body[0][1][1]]
            else:
                words = [_letters(body)]
            if all(words):
                pending = frozenset(w for w in words if w)
        bounded = False
    return tuple(clauses)


class _Index(NamedTuple):
    """Every cue of a language by the words and stems of its patterns: a text's tokens are
    looked up once, for all cues together."""

    by_word: dict[str, list[tuple[str, int]]]
    stems: tuple[str, ...]  # every stem, for one startswith test per token
    by_stem: list[tuple[tuple[str, ...], str, int]]
    always: tuple[tuple[str, frozenset[str]], ...]  # cues with punctuation-only patterns, and their characters
    tokens: dict[str, tuple[tuple[str, int], ...]]  # token -> its (cue, pattern) hits, by word and stem, remembered

    def hits(self, token: str) -> tuple[tuple[str, int], ...]:
        """The (cue, pattern) pairs a token points to: looked up once per distinct token."""
        found = self.tokens.get(token)
        if found is None:
            found = tuple(self.by_word.get(token, ()))
            if token.startswith(self.stems):
                found += tuple((name, i) for group, name, i in self.by_stem if token.startswith(group))
            if len(self.tokens) > 200_000:  # bounded: real text has an open vocabulary
                self.tokens.clear()
            self.tokens[token] = found
        return found


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
    return _Index(by_word, stems, by_stem, always, {})


@functools.lru_cache(maxsize=4)
def cue_matchers(language: str) -> dict[str, _Cue]:
    """Cues for a language; Dutch conversations also match English cues (customers switch
    to English phrases like "wtf" or "agent please")."""
    cues = raw_cues()
    languages = ["en"] if language != "nl" else ["nl", "en"]
    return {name: _Cue([p for lang in languages for p in cues[name].get(lang, [])]) for name in CUE_NAMES}


def match_cues(text: str, language: str, names: tuple[str, ...], lower: str | None = None) -> dict[str, str]:
    """The cues among ``names`` that ``text`` matches, with the words that matched.
    ``lower``: the text in lower case, when the caller has it already."""
    index = _index(language, names)
    matchers = cue_matchers(language)
    chosen: dict[str, set[int]] = {}
    for name, chars in index.always:
        if not chars or not chars.isdisjoint(text):
            always = matchers[name].always_chosen(text)
            if always:
                chosen[name] = always
    tokens = set(_TOKEN.findall(lower if lower is not None else text.lower()))
    for token in tokens:
        for name, i in index.hits(token):
            if name in chosen:
                chosen[name].add(i)
            else:
                chosen[name] = {i}
    if not chosen:
        return {}
    found = {}
    for name in names:  # in the caller's order, as before
        if name in chosen:
            cue = matchers[name]
            clauses = cue.clauses
            patterns = {i for i in chosen[name] if all(not c.isdisjoint(tokens) for c in clauses[i])}
            hit = cue.search(text, patterns) if patterns else None
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
