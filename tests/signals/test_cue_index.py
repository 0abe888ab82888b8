"""The cue index (word prefilter, required words, punctuation triggers) finds exactly what
searching every pattern of a cue would find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cxreview.demo.generator import generate
from cxreview.signals.cue_index import CueIndex, compile_patterns
from cxreview.signals.cue_patterns import DIGIT, gate_of, required_words, trigger_of
from cxreview.signals.lexicon import CUSTOMER_CUES, SYSTEM_CUES, cue_patterns, match_cues

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"


def _texts() -> list[str]:
    texts = {m["text"] for conv in generate(150, seed=5) for m in conv["messages"]}
    for path in EVAL.glob("*.txt"):
        texts.update(line.split("\t")[-1].strip() for line in path.read_text(encoding="utf-8").splitlines())
    texts.update(["hm?", "...", "?? really", "I'm so :( today", "wait (what) :-/", "-_- ok", ":@", "😡"])
    # Words glued to a group are parts of tokens: "(terug)?bellen" matches in "terugbellen".
    texts.update(["Svp me terugbellen", "mij terugbellen", "neem contact met mij opnemen", "not helpful at all"])
    # Each of these was missed by an earlier index: words of a negative lookahead taken as
    # triggers, an alternation of common words, "never ?mind" written as one word, the
    # parser's "(haat|hekel)" -> "h(aat|ekel)", a word after "^" or "\\W+".
    texts.update(
        [
            "I do not have any rooms left.",
            "It's not my fault.",
            "Nevermind.",
            "nevermind then",
            "Ik haat dit",
            "Ik heb er een hekel aan",
            "hmmm",
            "Hello... a real person?",
            "No, not now.",
            "Where's my refund?",
        ]
    )
    return sorted(texts)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_index_finds_what_the_full_alternation_finds(language: str) -> None:
    full = cue_patterns(language)
    names = CUSTOMER_CUES + SYSTEM_CUES
    found_any = 0
    for text in _texts():
        expected = {}
        for name in names:
            match = full[name].search(text)
            if match:
                expected[name] = match.group(0)
        assert match_cues(text, language, names) == expected, text
        found_any += bool(expected)
    assert found_any > 100


def test_required_words() -> None:
    assert required_words("how (do|can) i (contact|reach) (a |the )?(human|person)") == (
        frozenset({"how"}),
        frozenset({"do", "can"}),
        frozenset({"i"}),
        frozenset({"contact", "reach"}),
        frozenset({"human", "person"}),
    )
    # Nothing that is not certain: an optional "s", a stem, a top-level alternation.
    assert required_words("days?") == ()
    assert required_words("wait(ed|ing)? for") == (frozenset({"for"}),)
    assert required_words("refund|money back") == ()


def test_trigger_is_a_word_every_match_has() -> None:
    # Whole words where a boundary follows, prefixes where letters may (one token or two).
    assert trigger_of("never ?mind", False) == (frozenset(), frozenset({"never"}))
    assert trigger_of("(haat|hekel)", False) == (frozenset({"haat", "hekel"}), frozenset())
    assert trigger_of("wait(ed|ing)? for", False) == (frozenset(), frozenset({"wait"}))  # rarer than "for"
    assert trigger_of("^(hm+|h+uh)$", False) == (frozenset(), frozenset({"hm", "h"}))
    # The cheapest certain part: a rare word rather than the common ones around it.
    assert trigger_of("(we|i) (do not|don'?t) (have|offer)", False) == (frozenset({"have", "offer"}), frozenset())
    # Words of a negative lookahead are never triggers: a match does not contain them.
    assert trigger_of("^no[,.!](?! ?(thanks|thank you))", False) == (frozenset({"no"}), frozenset())
    # Nothing certain at a token's start: searched in every text.
    assert trigger_of("[a-z]+ing", False) is None
    # Alternatives of punctuation alone are found by their characters when the caller says so.
    assert trigger_of("^(hm+|\\.\\.\\.+)$", True) == (frozenset(), frozenset({"hm"}))
    assert trigger_of("^(hm+|\\.\\.\\.+)$", False) is None


# Each found by a reviewer against the earlier index: the division sign read as a letter, case
# folding that lower() does not do ("ſ", "ı", "İ"), punctuation keys taken from the pattern's
# source ("{2,}" read as a comma, "[?!]" missed), an optional end read as a boundary ("e-?").
@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("foo", "÷foo"),
        ("\\Wfoo", "÷foo"),
        ("yes", "yeſ"),
        ("wil", "wıl"),
        ("internet", "İNTERNET"),
        ("[!?]{2,}", "??"),
        ("\\.{3,}", "..."),
        ("[^\\w\\s]{3,}", "!!!"),
        ("[?!]+", "?"),
        ("(ok|[!?])", "?"),
        (":.", ":)"),
        (":{,1}\\)", ")"),
        ("1(?! )", "1,"),
        ("(e-?)?mail", "email"),
        ("(log ?)?in", "login"),
        ("(please ?)help", "pleasehelp"),
    ],
)
def test_index_agrees_with_the_regex_on_odd_patterns(pattern: str, text: str) -> None:
    match = compile_patterns([pattern]).search(text)
    assert match is not None
    assert CueIndex({"x": [pattern]}).match(text, text.lower()) == {"x": match.group(0)}


def test_index_agrees_with_the_regex_on_random_patterns() -> None:
    """Random patterns from the regex features cues use, random texts: the index may pick a
    pattern for nothing, never miss a match."""
    rng = random.Random(7)
    atoms = [
        "a",
        "b",
        "ab",
        "é",
        "A",
        " ",
        "'",
        "-",
        "\\?",
        "\\.",
        "!",
        "\\b",
        "\\w",
        "\\W",
        "\\s",
        ".",
        "[ab]",
        "[.!]",
        "[?!]",
        "[^a]",
        "x",
        "1",
        "^",
        "$",
        "ĳ",
        "÷",
    ]

    def pattern(depth: int = 0) -> str:
        r = rng.random()
        if depth > 3 or r < 0.45:
            return rng.choice(atoms)
        if r < 0.6:
            return "".join(pattern(depth + 1) for _ in range(rng.randint(2, 4)))
        if r < 0.7:
            return "(" + "|".join(pattern(depth + 1) for _ in range(rng.randint(2, 3))) + ")"
        if r < 0.85:
            return "(" + pattern(depth + 1) + ")" + rng.choice(["?", "*", "+", "{0,2}", "{2,}", "{,2}"])
        return rng.choice(["(?=", "(?!", "(?<!"]) + rng.choice(["a", " ", "ab"]) + ")"

    letters = ["a", "b", "ab", "A", "é", "É", " ", " ", "'", "-", "?", ".", "!", "x", "1", "_", "ĳ", "÷", "ſ", "😡"]
    checked = 0
    for _ in range(500):
        source = pattern()
        try:
            regex = compile_patterns([source])
        except re.error:
            continue
        index = CueIndex({"x": [source]})
        for _ in range(20):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(1, 10)))
            match = regex.search(text)
            expected = {"x": match.group(0)} if match else {}
            assert index.match(text, text.lower()) == expected, (source, text)
            checked += 1
    assert checked > 5000


def test_words_said_three_times_are_searched_only_where_a_run_comes_three_times() -> None:
    """`THRICE_CUES` (insistence) are not searched in an ASCII text without a run of letters
    three times: on random texts of repeated units (letters, digits, hyphens, capitals and
    separators mixed) the index finds what the full pattern finds."""
    full = cue_patterns("en")["insistence"]
    pieces = ["refund", "Refund", "REFUND", "dv-3340", "km4471", "0044", "x1", "a-b", "the", "ha", "no", "ok", "é"]
    separators = [" ", ". ", "! ", ", ", "?? ", "  ", "-", "_", "/"]
    rng = random.Random(16)
    texts = ["refund refund refund", "DV-3340-881. DV-3340-881. DV-3340-881.", "no no no", "ok ok. ok"]
    for _ in range(3000):
        texts.append("".join(rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 7))).strip())
        unit = rng.choice(pieces)
        texts.append(f"{rng.choice(pieces)} {''.join(unit + rng.choice(separators) for _ in range(3))}{unit[::-1]}")
    matched = 0
    for text in texts:
        match = full.search(text)
        found = match_cues(text, "en", ("insistence",))
        assert found == ({"insistence": match.group(0)} if match else {}), text
        matched += match is not None
    assert matched > 500


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        ("#(?!(monday|work)sucks)\\w+sucks\\b", "sucks"),
        ("\\bdo (you|u) care\\b|\\b\\w+doesn'?t?care\\b|\\bcouldn'?t care less", "care"),
        ("\\w*\\d\\w*", DIGIT),
        ("\\w*[0-9]x", "x"),
        ("(ab|b)c?", "b"),
        ("(a|b)c?", ""),
        ("x?\\w+", ""),
    ],
)
def test_gate_is_text_every_match_has(pattern: str, gate: str) -> None:
    assert gate_of(pattern) == gate


@pytest.mark.parametrize("text", ["#mondaysucks", "#THISSUCKS", "this sucks", "#ThisSucks😡", "#dit1sucks", "#x"])
def test_gated_patterns_are_searched_where_they_can_match(text: str) -> None:
    """A pattern without a trigger is searched in an ASCII text only when its lower case has
    the gate; other texts are searched."""
    patterns = ["#(?!(monday|work)sucks)\\w+sucks\\b", "\\w*\\d\\w*"]
    index = CueIndex({"x": patterns[:1], "y": patterns[1:]})
    assert index.gated and not index.unconditional
    expected = {}
    for name, pattern in (("x", patterns[0]), ("y", patterns[1])):
        match = compile_patterns([pattern]).search(text)
        if match:
            expected[name] = match.group(0)
    assert index.match(text, text.lower()) == expected
