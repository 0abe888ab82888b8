"""Sentiment with VADER: its own lexicon for English, cxreview's Dutch lexicon for Dutch.

VADER reads its negation and booster lists from module globals, so the Dutch analyser
swaps in lists extended with Dutch words for the length of each call. Analysis runs in
single-threaded worker processes, where the swap is safe.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

from vaderSentiment import vaderSentiment as vader

from cxreview.signals.lexicon import LEXICON_DIR, raw_cues

_ENGLISH_NEGATE = list(vader.NEGATE)
_ENGLISH_BOOSTERS = dict(vader.BOOSTER_DICT)


@functools.lru_cache(maxsize=1)
def _dutch_lists() -> tuple[list[str], dict[str, float]]:
    cues = raw_cues()
    negate = _ENGLISH_NEGATE + [w for w in cues["negations"]["nl"] if w not in _ENGLISH_NEGATE]
    boosters = dict(_ENGLISH_BOOSTERS)
    boosters.update({w: vader.B_INCR for w in cues["boosters"]["nl_increase"]})
    boosters.update({w: vader.B_DECR for w in cues["boosters"]["nl_decrease"]})
    return negate, boosters


@contextmanager
def _dutch_rules() -> Iterator[None]:
    negate, boosters = _dutch_lists()
    vader.NEGATE, vader.BOOSTER_DICT = negate, boosters
    try:
        yield
    finally:
        vader.NEGATE, vader.BOOSTER_DICT = _ENGLISH_NEGATE, _ENGLISH_BOOSTERS


@functools.lru_cache(maxsize=2)
def _analyzer(language: str) -> vader.SentimentIntensityAnalyzer:
    if language == "nl":
        return vader.SentimentIntensityAnalyzer(lexicon_file=str(LEXICON_DIR / "vader_nl.txt"))
    return vader.SentimentIntensityAnalyzer()


def sentiment(text: str, language: str = "en") -> float:
    """VADER's compound score, -1 (very negative) to 1 (very positive)."""
    if language == "nl":
        analyzer = _analyzer("nl")
        with _dutch_rules():
            return float(analyzer.polarity_scores(text)["compound"])
    return float(_analyzer("en").polarity_scores(text)["compound"])
