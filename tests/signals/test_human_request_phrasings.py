"""Requests for a person or for a channel with people, in many wordings (issue 12): every
phrasing in benchmarks/eval/human_requests.txt and flags.txt is judged as labelled, so a
pattern change that loses one, or fires on a near miss, fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxreview.signals import lexicon
from cxreview.signals.features import text_features

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"


def _phrasings() -> list[tuple[int, str, str]]:
    rows = []
    for name in ("human_requests.txt", "flags.txt"):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and line.startswith("human_request|"):
                _, label, language, text = line.split("|", 3)
                rows.append((int(label), language, text))
    return rows


def _asks_for_a_person(text: str, language: str) -> bool:
    cues = text_features(text, language).cues
    return "human_request" in cues and "declines_human" not in cues


def test_every_labelled_phrasing_is_judged_as_labelled() -> None:
    rows = _phrasings()
    assert sum(label for label, _, _ in rows) >= 140 and sum(1 - label for label, _, _ in rows) >= 90
    wrong = [(label, language, text) for label, language, text in rows if _asks_for_a_person(text, language) != label]
    assert wrong == []


def test_word_classes_expand_and_quantifiers_stay() -> None:
    sources = lexicon.cue_sources("en")["human_request"]
    assert not any(re.search(r"\{[a-z_]+\}", p) for p in sources)  # every class expanded
    assert any("{0,25}" in p for p in sources)  # a quantifier is not a class name
    with pytest.raises(KeyError, match="unknown word class"):
        lexicon._expanded("speak to {nobody}", "en")
