"""The cheap tests `person_ask` makes before its searches (round 24, speed24c) never skip a
match: on random texts of the parts' own words, punctuation, newlines and filler, each gate
holds wherever the search it stands for finds something, and the searches it picks find the
same matches as the full ones."""

from __future__ import annotations

import random
import re

import pytest

from cxreview.signals.lexicon import PERSON_FRAMES, person_frames
from cxreview.signals.lexicon import person_ask as parts_of


def _texts(patterns: list[str], seed: int, count: int, joins: list[str]) -> list[str]:
    words = sorted({w for p in patterns for w in re.findall(r"[a-z']+", p)} - {"w"})
    words += ["x", "the", "me", "my", "please", "ik", "een", "_", "1", "numbers", "lines"]
    rng = random.Random(seed)
    return [
        "".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 12))).strip(" ")
        for _ in range(count)
    ]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_frame_index_names_the_parts_whose_alternation_matches(language: str) -> None:
    parts = parts_of(language)
    patterns = [p for name in PERSON_FRAMES for p in parts.sources[name]]
    found = 0
    for clause in _texts(patterns, 24, 3000, [" ", " ", " ", "", "-", "'"]):
        named = person_frames(language).match(clause, clause)
        for name in PERSON_FRAMES:
            expected = parts[name].search(clause) is not None
            assert (name in named) == expected, (name, clause)
            found += expected
    assert found > 200


def test_a_detail_ask_has_its_key_near_a_line_end() -> None:
    from cxreview.signals.person_ask import _detail_at_line_end

    detail_ask = parts_of("en")["detail_ask"]
    found = 0
    for text in _texts(detail_ask.pattern.split("|"), 25, 20000, [" ", " ", " ", "? ", ".", "\n", ", ", "?"]):
        if detail_ask.search(text) is not None:
            assert _detail_at_line_end(text), text
            found += 1
    for text in ("what number do i send my form to about my old bill ?", "the number\n\n?", "phone number?"):
        assert detail_ask.search(text) is not None and _detail_at_line_end(text), text
    assert not _detail_at_line_end("my account number is 1234 and i have waited for weeks for a refund now")
    assert found > 50


_PRONOUN_SLOTS = [
    ["can", "could", "kan", "kunnen", "kunt", "x"],
    ["they", "he", "she", "ze", "zij", "hij", "them", "the"],
    ["please", "just", "", "even"],
    ["contact", "call", "ring", "get back to", "me", "bellen", "mij"],
    ["me", "us", "ons", "bellen", "the", "mij"],
    ["", "bellen", "when", "today", "mailen", "als"],
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_pronoun_ask_has_a_spaced_pronoun(language: str) -> None:
    from cxreview.signals.person_ask import _SPACED_PRONOUNS

    pronoun_ask = parts_of(language)["pronoun_ask"]
    rng = random.Random(26)
    found = 0
    for _ in range(6000):
        words = [rng.choice(slot) for slot in _PRONOUN_SLOTS]
        text = "".join(word + rng.choice([" "] * 8 + ["", ",", "\n", "?"]) for word in words)
        if pronoun_ask.search(text) is not None:
            assert any(p in text for p in _SPACED_PRONOUNS), text
            found += 1
    assert found > 5  # a few matches each language (the slots make few)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_bare_sentence_is_matched_at_its_start(language: str) -> None:
    from cxreview.signals.person_ask import _bare_search

    assert _bare_search(language) == parts_of(language)["bare_sentence"].match
    full = parts_of(language)["bare_sentence"].search
    found = 0
    for sentence in _texts(parts_of(language).sources["bare_sentence"], 27, 3000, [" ", " ", " ", "", ", "]):
        expected = full(sentence)
        got = _bare_search(language)(sentence)
        assert (got and got.span()) == (expected and expected.span()), sentence
        found += expected is not None
    assert found > 20
