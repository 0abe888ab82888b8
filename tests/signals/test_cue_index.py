"""The cue index (word prefilter, required words, punctuation triggers) finds exactly what
searching every pattern of a cue would find."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.demo.generator import generate
from cxreview.signals.cue_index import _required_words
from cxreview.signals.lexicon import CUSTOMER_CUES, SYSTEM_CUES, cue_patterns, match_cues

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"


def _texts() -> list[str]:
    texts = {m["text"] for conv in generate(150, seed=5) for m in conv["messages"]}
    for path in EVAL.glob("*.txt"):
        texts.update(line.split("\t")[-1].strip() for line in path.read_text(encoding="utf-8").splitlines())
    texts.update(["hm?", "...", "?? really", "I'm so :( today", "wait (what) :-/", "-_- ok", ":@", "😡"])
    # Words glued to a group are parts of tokens: "(terug)?bellen" matches in "terugbellen".
    texts.update(["Svp me terugbellen", "mij terugbellen", "neem contact met mij opnemen", "not helpful at all"])
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
    assert _required_words("how (do|can) i (contact|reach) (a |the )?(human|person)") == (
        frozenset({"how"}),
        frozenset({"do", "can"}),
        frozenset({"i"}),
        frozenset({"contact", "reach"}),
        frozenset({"human", "person"}),
    )
    # Nothing that is not certain: an optional "s", a stem, a top-level alternation.
    assert _required_words("days?") == ()
    assert _required_words("wait(ed|ing)? for") == (frozenset({"for"}),)
    assert _required_words("refund|money back") == ()
