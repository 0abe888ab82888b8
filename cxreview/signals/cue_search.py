"""A cheaper search of one cue pattern in an ASCII text, finding the same match.

Cue patterns are searched case-insensitively, each held to word boundaries by a leading
``(?<!\\w)``. Both keep Python's regex engine from skipping ahead: with the lookbehind
first, or a letter under IGNORECASE, it has no literal prefix or first-character set and
tries a full match at every position of the text (most of the cue index's search time).

For an ASCII text (most texts) the same pattern can be searched in the lower-case text,
case-sensitively and without the lookbehind: "(not|never|no longer)" then starts with the
literal "n", which the engine finds in one C scan. The result is the same match:

- case: a text character matches a lower-case pattern character under IGNORECASE exactly
  when its lower case equals it, so the pattern must not name an upper-case or non-ASCII
  character (a literal, or a class member or range) and must not switch flags inline;
  ``lower()`` keeps an ASCII text's length, so the span is the original text's;
- the lookbehind only rejects a start position: the engine's leftmost match at the first
  position where the lookbehind holds is what searching on from the next position finds,
  and the match at that position is the one the full pattern finds there.

Patterns that fail a condition, or gain no prefix, keep the full search. The cue index
tests (`tests/signals/test_cue_index.py`) compare the index against the full alternation.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable
from typing import Any

from cxreview.signals import regex_code

_NEW_RE = sys.version_info >= (3, 11)
_c: Any = importlib.import_module("re._constants" if _NEW_RE else "sre_constants")
_parser: Any = importlib.import_module("re._parser" if _NEW_RE else "sre_parse")
_compiler: Any = importlib.import_module("re._compiler" if _NEW_RE else "sre_compile")

# \w in an ASCII text: what the lookbehind (?<!\w) rejects before a match.
WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_ZERO_WIDTH = (_c.AT, _c.ANY, _c.CATEGORY, _c.GROUPREF)

# As a plain int: the parser and compiler test flags bit by bit, and on the RegexFlag enum
# each test is a Python-level call (re.compile converts them the same way).
_MULTILINE = int(re.MULTILINE)

Search = Callable[..., "re.Match[str] | None"]


def affixes(pattern: str) -> tuple[str, str]:
    """The word-boundary checks put before and after a cue pattern (none at punctuation)."""
    lead = "" if pattern.startswith(("^", "\\?", "\\!")) else r"(?<!\w)"
    tail = "" if pattern.endswith(("$", "\\?+", "?")) and not pattern.endswith(")?") else r"(?!\w)"
    return lead, tail


@functools.lru_cache(maxsize=4096)  # shared by the indexes (the Dutch ones hold the English patterns)
def ascii_search(pattern: str, parsed: Any, lead: str, tail: str) -> Search | None:
    """The search of ``pattern`` for the lower-case form of ASCII texts, or None when it
    would not find the same matches or would not be faster. ``parsed``: the regex parser's
    tree of the pattern (None when it does not parse); ``lead`` and ``tail``: the boundary
    checks of `affixes` (``lead`` is left to the caller)."""
    return compile_ascii_search(pattern, tail) if has_ascii_search(parsed, bool(lead)) else None


def has_ascii_search(parsed: Any, bounded: bool = False) -> bool:
    """Whether a pattern (its parsed tree, None when it does not parse) has a faster
    search of lower-case ASCII texts that finds the same matches (see the module's
    docstring). Asked once per pattern when the cue facts are made (`cue_facts`).
    ``bounded``: the pattern is held to a word boundary where it starts (`affixes`)."""
    if parsed is None or not _case_safe(parsed):
        return False
    try:
        # The prefix the engine would find, read from the pattern's own tree (the same
        # literals; the flags given say case matters), after `_led_by_literals`; or an
        # anchor at the start (matched at 0 in a text of one line). Without either the
        # engine would still try every position: nothing to gain.
        rest = _behind_and_rest(parsed)[1]
        return _anchored(parsed) or _has_prefix(_led_by_literals(rest, _refers_back(parsed.data), bounded))
    except (AttributeError, TypeError, IndexError):  # another Python's regex internals
        return False


def _has_prefix(tree: Any) -> bool:
    return bool(_compiler._get_literal_prefix(tree, _MULTILINE)[0] or _compiler._get_charset_prefix(tree, _MULTILINE))


def _anchored(tree: Any) -> bool:
    """Whether every match starts at the start of a line ("^(hm+|huh)$")."""
    return bool(tree.data) and tree.data[0] == (_c.AT, _c.AT_BEGINNING)


@functools.lru_cache(maxsize=4096)  # shared by the indexes (the Dutch ones hold the English patterns)
def compile_ascii_search(pattern: str, tail: str) -> Search | None:
    """The case-sensitive search of a pattern that `has_ascii_search` (None should this
    Python's regex internals refuse it: the full search serves then). Its compiled code
    is shipped (`regex_code`): a pattern found there is neither parsed nor compiled."""
    key = regex_code.key_of("ascii", tail, pattern)
    shipped = regex_code.lookup(key)
    if shipped is not None:
        try:
            return _assembled(shipped[0], [regex_code.build(None, entry) for entry in shipped[1:]])
        except (RuntimeError, TypeError, ValueError, regex_code.zlib.error):  # not this Python's code after all
            pass
    try:
        # Parsed and compiled with plain int flags (re.compile would first turn the
        # RegexFlag into an int too; the compiler tests it bit by bit).
        tree = _parser.parse(f"(?:{pattern}){tail}", _MULTILINE)
        if _anchored(tree):
            kind, trees = "line", [tree]
        else:
            behind, rest = _behind_and_rest(tree)
            led = _led_by_literals(rest, _BACK_REFERENCE.search(pattern) is not None, bool(affixes(pattern)[0]))
            kind, trees = ("behind", [led, behind]) if behind is not None else ("plain", [led])
        if regex_code.recording is None:
            compiled = [_compiler.compile(part, _MULTILINE) for part in trees]
        else:  # making the shipped file
            made = [regex_code.compile_tree(part, _MULTILINE) for part in trees]
            compiled = [pattern for pattern, _ in made]
            regex_code.record(key, (kind, *(entry for _, entry in made)), "ascii", tail, pattern)
    except (AttributeError, TypeError, IndexError, re.error):
        return None
    return _assembled(kind, compiled)


def _assembled(kind: str, compiled: list[re.Pattern[str]]) -> Search:
    """The search of a pattern from its compiled parts (see `compile_ascii_search`): the
    pattern anchored at line starts, led by lookbehinds (the rest and the lookbehinds)
    or plain."""
    if kind == "line":
        return _line_search(compiled[0])
    if kind == "behind":
        return _checked_behind(compiled[0].search, compiled[1].match)
    return compiled[0].search


def _behind_and_rest(tree: Any) -> tuple[Any, Any]:
    """(the lookbehinds a pattern starts with, as a pattern of their own, or None; the rest).
    Lookbehinds first give the engine no prefix: "(?<!told )(please|kindly) call me" is
    searched as "(please|kindly) call me", each match's start checked behind."""
    items = list(tree.data)
    count = 0
    while (
        count < len(items)
        and (items[count][0] is _c.ASSERT or items[count][0] is _c.ASSERT_NOT)
        and items[count][1][0] < 0
    ):
        count += 1
    if not count or count == len(items):
        return None, tree
    return _parser.SubPattern(tree.state, items[:count]), _parser.SubPattern(tree.state, items[count:])


def _checked_behind(search: Search, behind: Search) -> Search:
    """The search of a pattern that starts with lookbehinds, from the search of the rest:
    a match of the rest at a place where the lookbehinds hold is the pattern's match there
    (they take no characters); where they fail, nothing can match at that place."""

    def behind_search(text: str, pos: int = 0) -> re.Match[str] | None:
        while True:
            match = search(text, pos)
            if match is None or behind(text, match.start()) is not None:
                return match
            pos = match.start() + 1

    return behind_search


def _line_search(compiled: re.Pattern[str]) -> Search:
    """The search of a pattern anchored at line starts: in a text without a line break
    only position 0 can match, which `match` tries alone (`search` would try every
    position, none of which is a line start)."""
    match, search = compiled.match, compiled.search

    def line_search(text: str, pos: int = 0) -> re.Match[str] | None:
        return match(text, pos) if "\n" not in text else search(text, pos)

    return line_search


def search_on(search: Search, lower: str, start: int) -> re.Match[str] | None:
    """Search on after a match whose start the lookbehind (?<!\\w) rejects: the first match
    at a position with no word character before it, as the full pattern finds."""
    while True:
        match = search(lower, start + 1)
        if match is None:
            return None
        start = match.start()
        if not start or lower[start - 1] not in WORD_CHARACTERS:
            return match


def _safe_code(code: int) -> bool:
    """An ASCII character that is not an upper-case letter."""
    return code < 128 and not 65 <= code <= 90


def _case_safe(items: Any) -> bool:
    """Whether a pattern (its parsed tree) finds the same in a lower-case ASCII text
    case-sensitively as in the original text under IGNORECASE."""
    for op, av in items:
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            if not _safe_code(av):
                return False
        elif op is _c.IN:
            for member, value in av:
                if member is _c.LITERAL:
                    if not _safe_code(value):
                        return False
                elif member is _c.RANGE:
                    low, high = value
                    if high > 127 or (low <= 90 and high >= 65):  # a range with upper-case letters
                        return False
                elif member is not _c.NEGATE and member is not _c.CATEGORY:
                    return False
        elif op is _c.SUBPATTERN:
            if av[1] or av[2] or not _case_safe(av[-1]):  # inline flags: (?-i:...)
                return False
        elif op is _c.BRANCH:
            if not all(_case_safe(branch) for branch in av[1]):
                return False
        elif op in _REPEATS:
            if not _case_safe(av[2]):
                return False
        elif op is _c.ASSERT or op is _c.ASSERT_NOT:
            if not _case_safe(av[1]):
                return False
        elif op not in _ZERO_WIDTH:  # anything else (atomic groups, conditionals): not judged
            return False
    return True


# A pattern whose matches may start with one of many literals gives the engine no prefix
# when they are not all branches of one alternation: "((can|could) i|let me) ...",
# "(but )?(that'?s|it'?s) fine". Each is rewritten so that its first part is one
# alternation whose branches each start with a literal, which the engine turns into a set
# of first characters and scans for in C. The rewrites keep every match and the order
# in which the engine tries them (the span found is the same; group numbers are not):
# - a group or alternation at the start is replaced by its branches, each led by a
#   literal (an alternation inside a branch becomes branches of their own, in order);
# - "X?Y" (greedy, X never empty) is "XY|Y": the engine tries X first, then without it;
# - "[abc]" is "a|b|c" (a class of a few literals), "x+" is "xx*";
# - "\\b" before branches that each start with a word character is left out where the
#   pattern is held to a word boundary (`affixes`: "(?<!\\w)", which the caller checks at
#   each match's start): there no word character is before, the next one is a word
#   character, so the boundary holds wherever a branch can match.
# (Lookbehinds at the start are checked apart: `_behind_and_rest`.)
# Anything else at the start (a class of many characters, "\\d", ".", a lookahead, an
# anchor inside a branch) leaves the pattern as it is, as does a pattern that refers back
# to a group. Tested against the full pattern (tests/signals/test_cue_search.py).
_MAX_BRANCHES = 48  # more would cost more to compile than the scan saves
_CLASS_LITERALS = 8


def _led_by_literals(tree: Any, refers_back: bool, bounded: bool = False) -> Any:
    """``tree`` (a parsed pattern) with its first part rewritten as branches that each start
    with a literal, or ``tree`` itself when that is not possible or not needed
    (``refers_back``: the pattern may refer to a group, see `_refers_back`; ``bounded``: the
    pattern is held to a word boundary where it starts)."""
    items = list(tree.data)
    if not items or items[0][0] is _c.LITERAL or refers_back:
        return tree
    head = _head(items, tree.state, bounded)
    if head is None:
        return tree
    branches, used = head
    if len(branches) == 1:
        first = branches[0]
    else:
        alternation = _parser.SubPattern(
            tree.state, [(_c.BRANCH, (None, [_parser.SubPattern(tree.state, b) for b in branches]))]
        )
        first = [(_c.SUBPATTERN, (None, 0, 0, alternation))]
    return _parser.SubPattern(tree.state, first + items[used:])


def _head(items: list[Any], state: Any, bounded: bool) -> tuple[list[list[Any]], int] | None:
    """(branches, n): the first n items of ``items`` as branches that each start with a
    literal, in the engine's order; None when they cannot be."""
    op, av = items[0]
    if op is _c.LITERAL:
        return [[items[0]]], 1
    if op is _c.AT and av is _c.AT_BOUNDARY and bounded and len(items) > 1:
        rest = _head(items[1:], state, bounded)
        if rest is None or not all(chr(branch[0][1]) in WORD_CHARACTERS for branch in rest[0]):
            return None
        return rest[0], 1 + rest[1]
    if op is _c.IN:
        if len(av) > _CLASS_LITERALS or any(member is not _c.LITERAL for member, _ in av):
            return None
        return [[(_c.LITERAL, value)] for _, value in av], 1
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None
        branches = _branches(list(sub.data), state, bounded)
        return None if branches is None else (branches, 1)
    if op is _c.BRANCH:
        found: list[list[Any]] = []
        for alternative in av[1]:
            branches = _branches(list(alternative.data), state, bounded)
            if branches is None:
                return None
            found += branches
        return (found, 1) if len(found) <= _MAX_BRANCHES else None
    if op is _c.MAX_REPEAT:
        low, high, body = av
        if low == 0 and high == 1 and body.getwidth()[0] > 0 and len(items) > 1:
            rest = _head(items[1:], state, bounded)
            with_it = _branches(list(body.data), state, bounded)
            if rest is None or with_it is None:
                return None
            then = items[1 : 1 + rest[1]]
            found = [branch + then for branch in with_it] + rest[0]
            return (found, 1 + rest[1]) if len(found) <= _MAX_BRANCHES else None
        if low >= 1 and len(body.data) == 1 and body.data[0][0] is _c.LITERAL:
            more = high if high is _c.MAXREPEAT else high - 1
            return [[body.data[0], (op, (low - 1, more, body))]], 1
        return None
    return None


def _branches(items: list[Any], state: Any, bounded: bool) -> list[list[Any]] | None:
    """The whole of ``items`` as branches that each start with a literal."""
    if not items:
        return None
    head = _head(items, state, bounded)
    if head is None or len(head[0]) > _MAX_BRANCHES:
        return None
    branches, used = head
    return [branch + items[used:] for branch in branches]


# What may refer to a group in a pattern's text (read there rather than from the tree when
# compiling: walking every tree cost a tenth of the compile time). An escaped backslash
# before a digit counts too: that only leaves the pattern as it is written.
_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _refers_back(items: Any) -> bool:
    """Whether a tree refers to a group (a rewrite drops the groups it flattens)."""
    for op, av in items:
        if op is _c.GROUPREF or op is getattr(_c, "GROUPREF_EXISTS", None):
            return True
        for value in av if isinstance(av, (tuple, list)) else ():
            if isinstance(value, _parser.SubPattern) and _refers_back(value.data):
                return True
            if isinstance(value, list) and value and isinstance(value[0], _parser.SubPattern):
                if any(_refers_back(v.data) for v in value):
                    return True
    return False
