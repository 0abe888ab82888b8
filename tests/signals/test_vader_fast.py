"""The fast VADER port gives exactly vaderSentiment's compound score, in both languages."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cxreview.demo.generator import generate
from cxreview.signals.sentiment import reference_sentiment, sentiment

ROOT = Path(__file__).resolve().parents[2]
# The labelled dialogues live beside the checkout (see benchmarks/labelled.py); not in CI.
DEV = next(
    (up / "shared" / "data" / "dev" for up in ROOT.parents[:2] if (up / "shared" / "data" / "dev").is_dir()), None
)

# VADER's own examples and the rules with quirks: "but" (values looked up by equality),
# "no" before a lexicon word, "least", "kind of", capitals, idioms, emoji, emoticons.
TRICKY = [
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "good good but bad bad good",
    "great but great and great",
    "no good, no problem, no no bad",
    "I am never so happy, never this sad, without doubt good",
    "It was the least bad and at least not the worst, the very least good",
    "yeah right, the shit, kiss of death, to die for, bad ass",
    "sort of good, kind of bad, just enough nice",
    "WHY IS THIS SO BAD?!?! ??? ????",
    "😡😡 useless 🤬",
    "",
    "   ",
    ":( :-( :/",
    "Bedankt voor niks. Ik zeg mijn abonnement op.",
    "Je pakket wordt morgen bezorgd, ik ben erg bezorgd",
    "Het werkt niet en het helpt me niet",
]


def _demo_texts() -> list[str]:
    return sorted({m["text"] for conv in generate(200, seed=3) for m in conv["messages"]})


def _dev_texts(step: int = 7) -> list[str]:
    texts: list[str] = []
    for name in ("uss_CCPE.txt.gz", "uss_ReDial.txt.gz"):
        with gzip.open(DEV / name, "rt", encoding="utf-8") as f:  # type: ignore[operator]
            texts.extend(line.split("\t")[1] for i, line in enumerate(f) if i % step == 0 and "\t" in line)
    return texts


@pytest.mark.parametrize("language", ["en", "nl"])
def test_same_scores_as_vader_on_demo_texts(language: str) -> None:
    texts = TRICKY + _demo_texts()
    assert len(texts) > 500
    assert [sentiment(t, language) for t in texts] == [reference_sentiment(t, language) for t in texts]


@pytest.mark.skipif(DEV is None, reason="labelled dev data not beside the checkout")
@pytest.mark.parametrize("language", ["en", "nl"])
def test_same_scores_as_vader_on_real_dialogues(language: str) -> None:
    texts = _dev_texts()
    assert len(texts) > 3000
    assert [sentiment(t, language) for t in texts] == [reference_sentiment(t, language) for t in texts]


def test_scores_are_not_trivial() -> None:
    """A port that returned 0 everywhere would agree with nothing above."""
    assert sentiment("This is great, thank you!") > 0.5
    assert sentiment("This is terrible and useless") < -0.5
    assert sentiment("Dit is echt slecht", "nl") < 0
