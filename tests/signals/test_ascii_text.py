"""The ASCII word and digit helpers find exactly what the regexes they stand in for find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cxreview.signals.ascii_text import (
    LETTERS_AND_APOSTROPHES,
    LOWER_LETTERS,
    WORD_CHARACTERS,
    has_digit,
    runs,
    shouted_words,
)
from cxreview.signals.cue_index import TOKEN
from cxreview.signals.features import _SHOUTED, _WORD, _WORD_RUN, shape_of
from cxreview.signals.loop_runs import _numbers

# Every ASCII character, with the ones the tables treat specially made more likely.
_ASCII = st.text(st.one_of(st.characters(max_codepoint=127), st.sampled_from("aZ'_09 \t\n-.!?")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_ASCII)
def test_runs_are_the_regex_matches(text: str) -> None:
    lower = text.lower()
    assert runs(lower, LOWER_LETTERS) == TOKEN.findall(lower)
    assert runs(lower, LETTERS_AND_APOSTROPHES) == _WORD.findall(lower)
    assert runs(text, LETTERS_AND_APOSTROPHES) == _WORD.findall(text)
    assert runs(lower, WORD_CHARACTERS) == _WORD_RUN.findall(lower)
    assert runs(text, WORD_CHARACTERS) == _WORD_RUN.findall(text)
    assert shouted_words(text) == _SHOUTED.findall(text)
    assert has_digit(text) == (re.search(r"\d", text) is not None)


def test_examples() -> None:
    assert runs("i can't log-in_2 now!!", LOWER_LETTERS) == ["i", "can", "t", "log", "in", "now"]
    assert runs("i can't log-in_2 now!!", LETTERS_AND_APOSTROPHES) == ["i", "can't", "log", "in", "now"]
    assert runs("i can't log-in_2 now!!", WORD_CHARACTERS) == ["i", "can", "t", "log", "in_2", "now"]
    assert shouted_words("I said NOW, not GTA5 or A_B. OK?") == ["NOW", "OK"]
    assert has_digit("order 12") and not has_digit("no order")


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab 12.x99990@/w:"), max_size=30))
def test_shape_replaces_digit_runs_as_before(text: str) -> None:
    # The ASCII path of shape_of against the regex it replaces (e-mails, handles and links
    # aside; runs of spaces read as one since round 18).
    if "@" not in text and "/" not in text and "www" not in text:
        assert shape_of(text) == re.sub(r" {2,}", " ", re.sub(r"\d{4,}", "000", text))


@settings(max_examples=400, deadline=None)
@given(st.one_of(_ASCII, st.text(st.sampled_from("ab_1 9²٣x"), max_size=30)))
def test_numbers_said_are_the_words_with_a_digit(norm: str) -> None:
    """conversation._numbers takes ASCII shortcuts; "²" and "٣" are digits to str.isdigit."""
    assert _numbers(norm) == {word for word in norm.split() if any(c.isdigit() for c in word)}
