"""What a cue pattern's parsed regex says about every one of its matches: the words it
cannot do without (clauses and the cheapest trigger), and the punctuation a match without
letters is made of. The cue index (`cue_index.py`) files each pattern under these, so a
pattern is searched only in texts that could match it; all of it errs on the safe side
(anything uncertain adds nothing), which `tests/signals/test_cue_index.py` checks against
the full patterns.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any

# The regex parser lives in re._parser since Python 3.11; before, it was the top-level
# sre_parse (deprecated, with a warning, from 3.11 on).
_NEW_RE = sys.version_info >= (3, 11)
_c: Any = importlib.import_module("re._constants" if _NEW_RE else "sre_constants")
_parser: Any = importlib.import_module("re._parser" if _NEW_RE else "sre_parse")

# Words too common to tell anything on their own; a pattern keeps them as triggers only
# when it has no other word.
_COMMON = frozenset(
    "a an the i to me my you your is it of and or at for in on this that was can not all about do did does are be"
    " s t d ll re ve m so just what with have has"
    " de het een je ik mij met van en of mijn ja dat er voor nog op heb niet al is was dit die te ook wel".split()
)


def required_characters(pattern: str) -> frozenset[str]:
    """Characters other than letters, digits and spaces that every match of the pattern
    has: its certain literals (not in an optional part, in every alternative)."""
    parsed = parse_pattern(pattern)
    return frozenset() if parsed is None else frozenset(_certain_characters(list(parsed)))


def _certain_characters(items: list[Any]) -> set[str]:
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL and _is_key(av):
            found.add(chr(av))
        elif op is _c.IN and len(av) == 1 and av[0][0] is _c.LITERAL and _is_key(av[0][1]):
            found.add(chr(av[0][1]))
        elif op is _c.SUBPATTERN:
            found |= _certain_characters(list(av[-1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found |= _certain_characters(list(av[2]))
        elif op is _c.BRANCH:
            found |= set.intersection(*(_certain_characters(list(alt)) for alt in av[1]))
    return found


@functools.lru_cache(maxsize=4096)  # Dutch indexes hold the English patterns too
def possible_keys(pattern: str) -> frozenset[str] | None:
    """The characters other than letters that a match can be made of, or None when they are
    not a known few (a negated class, "\\W", ".", or an empty match): a match without
    letters then has one of them."""
    parsed = parse_pattern(pattern)
    if parsed is None or parsed.getwidth()[0] == 0:
        return None
    chars = _possible_characters(list(parsed))
    return None if chars is None else frozenset(c for c in chars if not _is_letter(ord(c)))


def _possible_characters(items: list[Any]) -> set[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            found.add(chr(av))
        elif op is _c.IN:
            for member, value in av:
                if member is _c.LITERAL:
                    found.add(chr(value))
                elif member is _c.RANGE and value[1] - value[0] < 256:
                    found.update(chr(code) for code in range(value[0], value[1] + 1))
                else:  # a negated class, a category ("\\s", "\\d", "\\W") or a wide range
                    return None
        elif op in (_c.SUBPATTERN, _c.MAX_REPEAT, _c.MIN_REPEAT, _c.BRANCH):
            parts = [av[-1]] if op is _c.SUBPATTERN else av[1] if op is _c.BRANCH else [av[2]]
            for part in parts:
                inner = _possible_characters(list(part))
                if inner is None:
                    return None
                found |= inner
        elif op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # lookarounds consume nothing
            return None
    # IGNORECASE: a literal matches its other case too.
    return found | {c.swapcase() for c in found if len(c.swapcase()) == 1}


def _is_key(code: int) -> bool:
    char = chr(code)
    return not char.isalnum() and not char.isspace()


LETTER = re.compile(r"[a-zß-öø-ÿ]")
_BOUNDS = {_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_END, _c.AT_END_STRING}


@functools.lru_cache(maxsize=4096)  # asked ~20,000 times while the indexes are built
def _is_letter(code: int) -> bool:
    return LETTER.fullmatch(chr(code).lower()) is not None


def _letters(items: Any) -> str | None:
    """The word an alternative spells when it is letters only, else None."""
    if items and all(op is _c.LITERAL and _is_letter(av) for op, av in items):
        return "".join(chr(av) for _, av in items).lower()
    return None


@functools.lru_cache(maxsize=4096)
def parse_pattern(pattern: str) -> Any:
    """The regex parser's tree of a pattern (None when it does not parse): parsed once for
    both questions asked of it below, each worker process parses every pattern."""
    try:
        return _parser.parse(pattern, re.IGNORECASE | re.MULTILINE)
    except re.error:
        return None


@functools.lru_cache(maxsize=4096)
def matches_without_letters(pattern: str) -> bool:
    """Whether some match of the pattern may contain no letter ("^(hm+|\\.\\.\\.+)$"
    matches "..."): the word index alone would never run it on such a text."""
    parsed = parse_pattern(pattern)
    return True if parsed is None else _letterless(parsed)


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
    items = list(items)
    op, av = items[-1]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and len(items) > 1:
        # "e-?": without its optional end the sequence ends with what comes before it.
        return _ends_unlettered(items[-1:]) and _ends_unlettered(items[:-1])
    if op in (_c.AT, _c.LITERAL, _c.IN):  # after "^" or "\\b" too, a token can only start
        return _is_bound(op, av)
    if op is _c.SUBPATTERN:
        return _ends_unlettered(av[-1])
    if op is _c.BRANCH:
        return all(_ends_unlettered(alt) for alt in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return bool(av[1]) and _ends_unlettered(av[2])  # max > 0: taken at least as a possibility
    if op is _c.ASSERT and av[0] == -1:
        # "(^|(?<=[.!?] ))": a lookbehind consumes nothing but says what comes before (a space).
        return _ends_unlettered(av[1])
    return False


@functools.lru_cache(maxsize=4096)  # the same pattern serves several indexes (Dutch has the English ones)
def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Clauses of words (tokens as `match_cues` splits a text) that every match of the
    pattern contains, one of each clause: whole literal words ("how"), and for a group of
    alternatives one word each alternative cannot match without ("(told|said)", and
    "((speak|talk) (to|with)|call)" needs one of "speak", "talk", "call"). A word counts
    only when a non-letter or a boundary is certain on both sides; anything less certain
    adds no clause, so the filter never drops a match. A top-level alternation adds none."""
    parsed = parse_pattern(pattern)
    if parsed is None:
        return ()
    items = list(parsed)
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        return ()
    starts_bounded = not pattern.startswith(("\\?", "\\!"))  # compile_patterns adds (?<!\w) otherwise
    tail_bounded = not (pattern.endswith(("$", "\\?+", "?")) and not pattern.endswith(")?"))
    return tuple(dict.fromkeys(_clauses(items, starts_bounded, tail_bounded)))


def _is_bound(op: Any, av: Any) -> bool:
    """Whether an item is certainly not a letter: a literal non-letter, a class of them
    ("[.?!]", "\\W", "\\s") or a boundary."""
    if op is _c.IN:
        return all(_unlettered_member(o, a) for o, a in av)
    return (op is _c.LITERAL and not _is_letter(av)) or (op is _c.AT and av in _BOUNDS)


_UNLETTERED = {_c.CATEGORY_NOT_WORD, _c.CATEGORY_SPACE, _c.CATEGORY_DIGIT}


def _unlettered_member(op: Any, av: Any) -> bool:
    return (op is _c.LITERAL and not _is_letter(av)) or (op is _c.CATEGORY and av in _UNLETTERED)


def _parts(items: list[Any], left: bool, right: bool) -> Iterator[tuple[int, int, bool, bool]]:
    """The parts of a sequence of parsed items that may hold words: each run of letters and
    each other item that is not certainly a non-letter, as (start, end, before, after):
    its first and last index and whether a non-letter or a boundary is certain just before
    and just after it. ``left``/``right``: the same for the whole sequence."""
    n = len(items)

    def bound_after(k: int) -> bool:
        return right if k + 1 >= n else _is_bound(*items[k + 1])

    bounded = left  # is the position before item k certainly not after a letter?
    k = 0
    while k < n:
        op, av = items[k]
        if op is _c.LITERAL and _is_letter(av):
            end = k
            while end + 1 < n and items[end + 1][0] is _c.LITERAL and _is_letter(items[end + 1][1]):
                end += 1
            yield k, end, bounded, bound_after(end)
            bounded, k = False, end + 1
            continue
        if _is_bound(op, av):
            bounded, k = True, k + 1
            continue
        if op not in (_c.ASSERT, _c.ASSERT_NOT):  # a lookaround consumes nothing
            yield k, k, bounded, bound_after(k)
            # "(really )?" after a space: whatever it matches, a boundary follows.
            bounded = bounded and _ends_unlettered([(op, av)])
        k += 1


def _clauses(items: list[Any], left: bool, right: bool) -> list[frozenset[str]]:
    """The clauses of a sequence of parsed items (see _parts for ``left``/``right``)."""
    found: list[frozenset[str]] = []
    for start, end, before, after in _parts(items, left, right):
        op, av = items[start]
        if op is _c.LITERAL:  # a run of letters: a word where both sides are certain
            if before and after:
                found.append(frozenset(["".join(chr(items[i][1]).lower() for i in range(start, end + 1))]))
        elif op is _c.SUBPATTERN:
            found.extend(_clauses(list(av[-1]), before, after))
        elif op is _c.BRANCH:
            # One clause per alternative (its smallest); their union holds for the branch.
            picked = []
            for alternative in av[1]:
                inner = _clauses(list(alternative), before, after)
                if not inner:
                    break
                picked.append(min(inner, key=len))
            else:
                found.append(frozenset().union(*picked))
    return found


# A trigger: words a token may be, and prefixes a token may start with; every match of
# a pattern has a token that is one of them (or starts with one).
Trigger = tuple[frozenset[str], frozenset[str]]
_COVERED: Trigger = (frozenset(), frozenset())  # matches found by their characters instead


@functools.lru_cache(maxsize=4096)
def trigger_of(pattern: str, covered: bool) -> Trigger | None:
    """The cheapest trigger of a pattern, or None when no word or prefix is certain in
    every match (then the pattern is searched in every text). A word counts where a
    non-letter or a boundary is certain on both sides; a prefix where it is certain only
    before ("never ?mind" matches "nevermind": a token starting with "never"). A group of
    alternatives has the union of theirs. ``covered``: the pattern's matches without
    letters are found by its punctuation, so alternatives of punctuation only need none."""
    parsed = parse_pattern(pattern)
    if parsed is None:
        return None
    starts_bounded = not pattern.startswith(("\\?", "\\!"))  # compile_patterns adds (?<!\w) otherwise
    tail_bounded = not (pattern.endswith(("$", "\\?+", "?")) and not pattern.endswith(")?"))
    return _sequence_trigger(list(parsed), starts_bounded, tail_bounded, covered)


def _trigger_cost(trigger: Trigger) -> tuple[int, int]:
    """How often a trigger picks a pattern for nothing: common words and short prefixes
    start many tokens of any text."""
    words, prefixes = trigger
    cost = sum(8 if w in _COMMON or len(w) < 3 else 1 for w in words)
    cost += sum(2 if len(p) >= 3 else 20 for p in prefixes)
    return cost, len(words) + len(prefixes)


def _sequence_trigger(items: list[Any], left: bool, right: bool, covered: bool) -> Trigger | None:
    """The cheapest trigger among the parts every match of ``items`` has (see _parts for
    ``left``/``right``)."""
    if covered and _punctuation_only(items):
        return _COVERED
    found: list[Trigger] = []
    for start, _end, before, after in _parts(items, left, right):
        op, av = items[start]
        inner: Trigger | None = None
        if op is _c.LITERAL:  # a run of letters: a token starts here when a boundary is before it
            if before:
                inner = _word_from(items, start, "", right)
        elif op is _c.SUBPATTERN:
            inner = _sequence_trigger(list(av[-1]), before, after, covered)
        elif op is _c.BRANCH:
            union: Trigger | None = _COVERED
            for alternative in av[1]:
                one = _sequence_trigger(list(alternative), before, after, covered)
                if one is None or union is None:
                    union = None
                    break
                union = (union[0] | one[0], union[1] | one[1])
            inner = union
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            # The first time round is certain; what follows it is certain only without a second.
            inner = _sequence_trigger(list(av[2]), before, after if av[1] == 1 else False, covered)
        if inner is not None:
            found.append(inner)
    return min(found, key=_trigger_cost) if found else None


def _word_from(items: list[Any], k: int, start: str, right: bool) -> Trigger:
    """The token that starts with ``start`` (letters certain at a token's start) and goes
    on with ``items[k:]``: a whole word where a boundary is certain after its letters, else
    a prefix. Groups right after the letters carry them into each alternative (the regex
    parser turns "(haat|hekel)" into "h(aat|ekel)"); "hm+" is the prefix "hm"."""
    word, n = start, len(items)
    while k < n and items[k][0] is _c.LITERAL and _is_letter(items[k][1]):
        word += chr(items[k][1]).lower()
        k += 1
    if k >= n:
        return (frozenset([word]), frozenset()) if right else (frozenset(), frozenset([word]))
    op, av = items[k]
    if _is_bound(op, av):
        return frozenset([word]), frozenset()
    repeat = _repeated_letter(items[k])
    if repeat:
        return frozenset(), frozenset([word + repeat])
    if op in (_c.SUBPATTERN, _c.BRANCH):
        after = right if k + 1 >= n else _is_bound(*items[k + 1])
        words: set[str] = set()
        prefixes: set[str] = set()
        for alternative in [av[-1]] if op is _c.SUBPATTERN else av[1]:
            more, starts = _word_from(list(alternative), 0, word, after)
            words |= more
            prefixes |= starts
        return frozenset(words), frozenset(prefixes)
    return frozenset(), frozenset([word])


def _repeated_letter(item: tuple[Any, Any]) -> str | None:
    """The letter of "m+" (a letter at least once), else None."""
    op, av = item
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        body = list(av[2])
        if len(body) == 1 and body[0][0] is _c.LITERAL and _is_letter(body[0][1]):
            return chr(body[0][1]).lower()
    return None


def _punctuation_only(items: Any) -> bool:
    """Whether every match of ``items`` is punctuation or symbols only (no letter, digit
    or space), with at least one character: such matches are found by their characters."""
    certain = False
    for op, av in items:
        if op is _c.LITERAL:
            if chr(av).isalnum() or chr(av).isspace():
                return False
            certain = True
        elif op is _c.IN:
            if not all(o is _c.LITERAL and not chr(a).isalnum() and not chr(a).isspace() for o, a in av):
                return False
            certain = True
        elif op is _c.SUBPATTERN:
            if not _punctuation_only(av[-1]):
                return False
            certain = True
        elif op is _c.BRANCH:
            if not all(_punctuation_only(alt) for alt in av[1]):
                return False
            certain = True
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if not _punctuation_only(av[2]):
                return False
            certain = certain or av[0] >= 1
        elif op is not _c.AT:
            return False
    return certain


# The gate of a pattern whose every match has a digit (not ASCII: no piece of text is it).
DIGIT = "\u24ea"
_DIGIT_CLASSES = ([(_c.CATEGORY, _c.CATEGORY_DIGIT)], [(_c.RANGE, (48, 57))])
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))


def gate_of(pattern: str) -> str:
    """A piece of lower-case ASCII text that every match of ``pattern`` has ("#" in
    "#(?!...)\\w+", "care" in "do (you|they) care|couldn't care less"), `DIGIT` when every
    match has a digit, or "" (none found). In an ASCII text a literal matches under
    IGNORECASE exactly where the lower-case text has its lower case. Asked of the patterns
    without a trigger (searched in every text, `cue_index`)."""
    parsed = parse_pattern(pattern)
    if parsed is None:
        return ""
    try:
        pieces = _certain(parsed)
    except (AttributeError, TypeError, IndexError):  # another Python's regex internals
        return ""
    return max(pieces, key=lambda piece: (piece != DIGIT, len(piece), piece), default="")


def _certain(items: Any) -> set[str]:
    """Pieces of lower-case ASCII text (or `DIGIT`) that every match of ``items`` (a parsed
    pattern) has: runs of literals outside optional parts and those common to all branches."""
    pieces: set[str] = set()
    run = ""
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            pieces.add(run)
            run = ""
        if op is _c.SUBPATTERN:
            pieces |= _certain(av[-1])
        elif op is _c.BRANCH:
            pieces |= _common([_certain(branch) for branch in av[1]])
        elif op in _REPEATS and av[0] >= 1:
            pieces |= _certain(av[2])
        elif op is _c.IN and list(av) in _DIGIT_CLASSES:
            pieces.add(DIGIT)
    if run:
        pieces.add(run)
    return pieces


def _common(alternatives: list[set[str]]) -> set[str]:
    """The pieces every alternative has within one of its own pieces."""
    found: set[str] = set()
    for piece in set().union(*alternatives):
        if all(any(_within(piece, other) for other in pieces) for pieces in alternatives):
            found.add(piece)
    return found


def _within(piece: str, other: str) -> bool:
    if piece == DIGIT:
        return other == DIGIT or any(c.isdigit() for c in other)
    return other != DIGIT and piece in other
