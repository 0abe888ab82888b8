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
    return compile_ascii_search(pattern, tail) if has_ascii_search(parsed) else None


def has_ascii_search(parsed: Any) -> bool:
    """Whether a pattern (its parsed tree, None when it does not parse) has a faster
    search of lower-case ASCII texts that finds the same matches (see the module's
    docstring). Asked once per pattern when the cue facts are made (`cue_facts`)."""
    if parsed is None or not _case_safe(parsed):
        return False
    try:
        # The prefix the engine would find, read from the pattern's own tree (the same
        # literals; the flags given say case matters). Without one the engine would still
        # try every position: nothing to gain.
        return bool(
            _compiler._get_literal_prefix(parsed, _MULTILINE)[0] or _compiler._get_charset_prefix(parsed, _MULTILINE)
        )
    except (AttributeError, TypeError, IndexError):  # another Python's regex internals
        return False


@functools.lru_cache(maxsize=4096)  # shared by the indexes (the Dutch ones hold the English patterns)
def compile_ascii_search(pattern: str, tail: str) -> Search | None:
    """The case-sensitive search of a pattern that `has_ascii_search` (None should this
    Python's regex internals refuse it: the full search serves then)."""
    try:
        # Parsed and compiled with plain int flags (re.compile would first turn the
        # RegexFlag into an int too; the compiler tests it bit by bit).
        tree = _parser.parse(f"(?:{pattern}){tail}", _MULTILINE)
        search: Search = _compiler.compile(tree, _MULTILINE).search
    except (AttributeError, TypeError, IndexError, re.error):
        return None
    return search


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
