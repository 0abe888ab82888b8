"""benchmarks/autoqa_paired.py: candidates measured against the product's model on the same
splits. Its "product" must be exactly ``model.fit`` (else every difference is an artefact), the
verdict must need more than the split noise, and the closing figures must read what they say."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import autoqa_paired as paired  # noqa: E402

from cxreview.autoqa.features import BY_NAME  # noqa: E402
from cxreview.autoqa.model import feature_names, fit  # noqa: E402

NAMES = feature_names([])


def _part(seed: int = 3, n: int = 150) -> paired.Part:
    """``n`` dialogues with 3-5 ratings each that follow the peak frustration a little."""
    rng = np.random.default_rng(seed)
    raw = np.abs(rng.normal(size=(n, len(NAMES) + len(paired.FIGURES))))
    peak = NAMES.index("peak_frustration")
    ratings = [
        [
            int(np.clip(np.rint(3.2 - 0.5 * raw[i, peak] + rng.normal(scale=0.6)), 1, 5))
            for _ in range(rng.integers(3, 6))
        ]
        for i in range(n)
    ]
    logged = [BY_NAME[name].kind in {"count", "seconds"} for name in NAMES] + [False] * len(paired.FIGURES)
    return paired.Part(raw, logged, ratings)


def test_the_product_candidate_is_the_product_model() -> None:
    part = _part()
    train, test = np.arange(120), np.arange(120, 150)
    rows = np.repeat(train, [len(part.ratings[i]) for i in train])
    y = np.concatenate([part.ratings[i] for i in train]).astype(float)
    model = fit(part.raw[rows, : len(NAMES)], y, NAMES, 1, 5, [], rows)
    ours = paired.predict(part, list(range(len(NAMES))), train, test, {})
    assert np.allclose(model.unclipped(part.raw[test, : len(NAMES)]), ours, atol=1e-9)


def test_widening_to_the_means_spread_compresses_the_predictions() -> None:
    part = _part()
    train, test = np.arange(100), np.arange(100, 150)
    columns = list(range(len(NAMES)))
    product = paired.predict(part, columns, train, test, {})
    to_means = paired.predict(part, columns, train, test, {"spread_to": "means"})
    assert to_means.std() < 0.9 * product.std()
    assert np.corrcoef(product, to_means)[0, 1] > 0.999  # the same order, a narrower range


def test_a_gain_needs_more_than_the_split_noise() -> None:
    assert paired.verdict(np.array([0.010, 0.012, 0.008, 0.011]))[2] == "gain"
    assert paired.verdict(np.array([-0.010, -0.012, -0.008, -0.011]))[2] == "loss"
    assert paired.verdict(np.array([0.020, -0.015, 0.010, -0.012]))[2] == "noise"


def test_the_closing_figures() -> None:
    booked = [
        (1, "customer", "I need a table for two tonight.", None),
        (2, "agent", "I have booked it, your reference number is AB12.", None),
        (3, "customer", "Great, thanks so much, that's all. Bye!", None),
    ]
    figures = paired.closing(booked, "[[0.1, 0.0], [0.0, 0.0], [0.8, 0.0]]")
    assert figures["task_done"] == 1.0 and figures["task_failed_at_end"] == 0.0
    assert figures["closing_words"] == 1.0 and figures["last_sentiment"] == 0.8
    assert abs(figures["last_two_sentiment"] - 0.45) < 1e-9  # the customer's turns only
    assert abs(figures["end_minus_mean_sentiment"]) < 1e-9  # two customer turns: the end is all of it
    failed = [
        (1, "customer", "Book me a hotel in the north.", None),
        (2, "agent", "Sorry, there are no hotels in the north.", None),
        (3, "customer", "No, that is not what I asked.", None),
    ]
    figures = paired.closing(failed, None)
    assert figures["task_done"] == 0.0 and figures["task_failed_at_end"] == 1.0
    assert figures["last_says_no"] == 1.0 and figures["last_reply_trouble"] == 1.0
    assert np.isnan(figures["last_sentiment"])  # not analysed: unknown, not calm
    assert paired.closing([(1, "customer", "hello, I like the plot", None)], None)["closing_words"] == 0.0


def test_the_frustration_figures() -> None:
    """Round 23: the share of flagged turns, and the last third against the rest."""
    turns = [(i + 1, "customer" if i % 2 == 0 else "agent", "text", None) for i in range(12)]
    # six customer turns, frustration 0.1, 0.1, 0.2, 0.2, 0.5, 0.7 (the last third: 0.5, 0.7)
    per_message = [
        [0.0, f] if i % 2 == 0 else [0.0, 0.0] for i, f in enumerate([0.1, 0, 0.1, 0, 0.2, 0, 0.2, 0, 0.5, 0, 0.7, 0])
    ]
    figures = paired.closing(turns, json.dumps(per_message))
    assert abs(figures["share_frustrated"] - 2 / 6) < 1e-9  # at or above the flag (0.4)
    assert figures["frustrated_in_last_third"] == 1.0
    assert abs(figures["frustration_trend_last_third"] - 0.2) < 1e-9
    assert abs(figures["last_third_minus_rest_frustration"] - (0.6 - 0.15)) < 1e-9
    assert np.isnan(paired.closing(turns, None)["share_frustrated"])  # not analysed: unknown


def test_pooling_other_parts_keeps_the_part_own_level() -> None:
    """The pooled candidate trains on another part too, whose ratings sit a level higher: the
    part's own predictions stay centred on its own ratings (a level per part)."""
    part, other = _part(seed=3), _part(seed=4)
    other.ratings = [[min(r + 1, 5) for r in ratings] for ratings in other.ratings]
    paired.OTHERS[:] = [part, other]
    try:
        columns = list(range(len(NAMES)))
        train, test = np.arange(120), np.arange(120, 150)
        pooled = paired.predict(part, columns, train, test, {"pooled": True})
        alone = paired.predict(part, columns, train, test, {})
    finally:
        paired.OTHERS[:] = []
    own = np.concatenate([part.ratings[i] for i in train]).mean()
    assert abs(pooled.mean() - own) < 0.3 and abs(alone.mean() - own) < 0.3
    assert np.corrcoef(pooled, alone)[0, 1] > 0.5
