"""Rephrasings: the content words of a text, so that two wordings of one question match."""

from __future__ import annotations

import functools

from cxreview.signals.lexicon import raw_cues


def semantic_key(norm: str) -> tuple[str, ...]:
    """The content words of a normalised text, synonyms merged, politeness and function
    words dropped, sorted: two wordings of one request share it."""
    fillers, synonyms = _wording()
    return tuple(sorted({synonyms.get(w, w) for w in norm.split()} - fillers))


@functools.lru_cache(maxsize=1)
def _wording() -> tuple[frozenset[str], dict[str, str]]:
    cues = raw_cues()["rephrasing"]
    synonyms = {word: group[0] for group in cues["synonyms"] for word in group}
    return frozenset(cues["fillers"]), synonyms
