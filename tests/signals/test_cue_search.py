"""The case-sensitive search of ASCII texts (cue_search) finds what the full pattern finds."""

from __future__ import annotations

import random
import re

import pytest

from cxreview.signals.cue_index import CueIndex, compile_patterns
from cxreview.signals.cue_patterns import parse_pattern
from cxreview.signals.cue_search import affixes, ascii_search


def _expected(pattern: str, text: str) -> dict[str, str]:
    match = compile_patterns([pattern]).search(text)
    return {"x": match.group(0)} if match else {}


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("(not|never) working", "NotHing: it is NOT working, Not Working"),  # evidence keeps its case
        ("in", "within thinking, IN"),  # the lookbehind rejects two starts before the third
        ("no( longer)?", "casino nO LONGER"),
        ("good(?! at all)", "not GOOD at all, Good."),
        ("[a-c]d", "xxABD abd, BD cd"),
        ("need (a|an) (agent|human)", "I NEED AN AGENT"),
        # A word boundary first: left out of the ASCII search, the lookbehind holds it.
        ("\\bdo (you|they) care", "xdo you care? Do YOU care"),
        ("(\\b(euros?|dollars?)|pounds) back", "teuros back, EUROS BACK"),
        ("\\b(\\bno|yes)( longer)?", "casino nO LONGER"),
    ],
)
def test_same_match_with_the_case_of_the_text(pattern: str, text: str) -> None:
    lead, tail = affixes(pattern)
    assert ascii_search(pattern, parse_pattern(pattern), lead, tail) is not None  # the fast search is used
    assert CueIndex({"x": [pattern]}).match(text, text.lower()) == _expected(pattern, text)


@pytest.mark.parametrize("pattern", ["\\b(-|no)", "\\b\\?", "\\?|\\bno"])
def test_a_word_boundary_before_punctuation_or_without_lookbehind_is_kept(pattern: str) -> None:
    """A word boundary is left out only where the lookbehind holds it: before word characters,
    in a pattern held to a word boundary where it starts. Else no faster search is made."""
    lead, tail = affixes(pattern)
    assert ascii_search(pattern, parse_pattern(pattern), lead, tail) is None
    for text in ("no", "xno", "-", "x-", "?", "x?", "a ?no"):
        assert CueIndex({"x": [pattern]}).match(text, text.lower()) == _expected(pattern, text), text


@pytest.mark.parametrize("pattern", ["NOT working", "[A-Z]{2,}", "[@-_]", "(?-i:no)", "caf[eé]", "ſtop"])
def test_patterns_that_depend_on_case_keep_the_full_search(pattern: str) -> None:
    lead, tail = affixes(pattern)
    assert ascii_search(pattern, parse_pattern(pattern), lead, tail) is None


def test_random_patterns_on_ascii_texts() -> None:
    """Patterns joined from random pieces (groups, classes, lookarounds, anchors) on random
    ASCII texts with capitals: the index with its ASCII searches agrees with the full one."""
    rng = random.Random(11)
    pieces = [
        "a",
        "b",
        "no",
        "A",
        " ",
        "'",
        "-",
        "\\?",
        "\\.",
        "!",
        "\\b",
        "\\w",
        "\\W+",
        "\\s",
        ".",
        "x*",
        "[ab]",
        "[a-c]",
        "[.!]",
        "[^a]",
        "[^A-Z]",
        "1",
        "\\d",
        "^",
        "$",
        "(?<!a)",
        "(?=b)",
        "(?!a)",
        "(a|b)",
        "(no|nope|not)",
        "(a )?",
        "(ab|a)+",
        "(x|[ab]b)?",
        "(?:b|\\.)",
        "a{2,}",
        "(?i:b)",
        "(?-i:b)",
    ]
    letters = ["a", "b", "ab", "A", "B", "No", "NO", " ", " ", "'", "-", "?", ".", "!", "x", "X", "1", "_", "\n"]
    checked = fast = 0
    for _ in range(1500):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        try:
            compile_patterns([source])
        except re.error:
            continue
        lead, tail = affixes(source)
        fast += ascii_search(source, parse_pattern(source), lead, tail) is not None
        index = CueIndex({"x": [source]})
        for _ in range(8):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
            assert index.match(text, text.lower()) == _expected(source, text), (source, text)
            checked += 1
    assert checked > 10000 and fast > 300


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # Branches led by a group: rewritten as branches that each start with a literal.
        ("((can|could) (i|we)|let me) (speak|talk)", "So COULD we talk? Let me speak"),
        ("(but |and )?(that'?s|it'?s) fine", "But it's fine. And THAT's fine"),
        ("(no )?no( way)?", "NO no"),  # with the optional part first, as the engine tries it
        ("[ab]c+ d", "xbcc d, acd"),
        # Lookbehinds first: the rest searched, each start checked behind.
        ("(?<!told )(?<!said )(please|kindly) call me", "I told please call me, but: please CALL me"),
        ("(?<=[a-z,] )(?<!verder )(niks|niets|nooit)", "Niks. verder niets, ik NOOIT"),
        # Anchored at line starts: matched at 0 in a text of one line.
        ("^(hm+|huh)[?!.]*$", "Hmm?"),
        ("^(hm+|huh)[?!.]*$", "ok\nhuh!"),
        ("^wat\\s*\\?+$", "wat?? nee"),
    ],
)
def test_patterns_without_a_prefix_get_one(pattern: str, text: str) -> None:
    lead, tail = affixes(pattern)
    assert ascii_search(pattern, parse_pattern(pattern), lead, tail) is not None  # the fast search is used
    assert CueIndex({"x": [pattern]}).match(text, text.lower()) == _expected(pattern, text)


def test_random_pattern_starts_on_ascii_texts() -> None:
    """Starts the rewrite of `cue_search._led_by_literals` handles (and some it leaves:
    a reference back to a group), joined at random, on random ASCII texts."""
    rng = random.Random(12)
    heads = [
        "(a|b)\\1",
        "(?<!a )",
        "(?<!b)",
        "(?<=[a,] )",
        "(a |b )?",
        "(no|nope|not)",
        "((a|b)c|ab|b)",
        "[ab]",
        "[a.!]",
        "a+",
        "b{1,3}",
        "(x|[ab]b)?",
        "((no|n) ?)?",
        "(?<!x)(a|ba|b )",
        "(ab?|b)",
        "^",
        "(^|b)",
    ]
    pieces = ["a", "b", "no", " ", "\\.", "!", "\\w", ".", "x*", "[ab]", "(?!a)", "(a|b)", "(a )?", ".{0,3}", "$"]
    letters = ["a", "b", "ab", "A", "B", "No", "no", " ", " ", "'", ".", "!", "x", "X", "\n", ","]
    checked = 0
    for _ in range(600):
        source = "".join(rng.choice(heads) for _ in range(rng.randint(1, 3)))
        source += "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        try:
            compile_patterns([source])
        except re.error:
            continue
        index = CueIndex({"x": [source]})
        for _ in range(12):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(1, 14)))
            assert index.match(text, text.lower()) == _expected(source, text), (source, text)
            checked += 1
    assert checked > 5000
