"""AutoQA's regularisation, chosen by an inner cross-validation grouped by conversation: a
conversation scored by five reviewers is one piece of evidence, not five; a criterion that
follows a figure keeps its weight; a criterion that is noise gets weights near zero."""

from __future__ import annotations

import numpy as np

from cxreview.autoqa.model import feature_names, fit, penalty

NAMES = feature_names([])


def _conversations(rng: np.random.Generator, n: int, signal: float) -> tuple[np.ndarray, np.ndarray]:
    """Raw figures of ``n`` conversations and one score each: ``signal`` times the peak
    frustration (standardised) plus a reviewer's noise, on 1..5."""
    raw = rng.normal(size=(n, len(NAMES)))
    peak = NAMES.index("peak_frustration")
    y = np.clip(np.rint(3 - signal * raw[:, peak] + rng.normal(scale=1.0, size=n)), 1, 5)
    return raw, y


def test_five_scores_of_one_conversation_count_once() -> None:
    raw, y = _conversations(np.random.default_rng(5), 120, signal=0.6)
    once = fit(raw, y, NAMES, 1, 5, [], np.arange(120))
    five = np.repeat(np.arange(120), 5)
    grouped = fit(raw[five], y[five], NAMES, 1, 5, [], five)
    # The same evidence gives the same weights, however many reviewers scored it.
    assert np.allclose(once.coef, grouped.coef, atol=1e-9)
    # Counted as five independent rows, the copies of a conversation in the held-out fold
    # "confirm" the fit and the penalty collapses: larger weights, fitted to the noise.
    by_row = fit(raw[five], y[five], NAMES, 1, 5, [])
    assert np.linalg.norm(by_row.coef) > 1.5 * np.linalg.norm(grouped.coef)


def test_a_figure_that_carries_the_score_keeps_its_weight() -> None:
    raw, y = _conversations(np.random.default_rng(6), 400, signal=1.2)
    model = fit(raw, y, NAMES, 1, 5, [], np.arange(400))
    strongest = int(np.argmax(np.abs(model.coef)))
    assert NAMES[strongest] == "peak_frustration" and model.coef[strongest] < -0.5
    others = np.delete(np.abs(model.coef), strongest)
    assert others.max() < 0.25 * abs(model.coef[strongest])


def test_noise_gets_a_strong_penalty_and_flat_weights() -> None:
    rng = np.random.default_rng(7)
    raw = rng.normal(size=(300, len(NAMES)))
    y = rng.integers(1, 6, size=300).astype(float)
    groups = np.arange(300)
    x = np.nan_to_num((raw - raw.mean(axis=0)) / raw.std(axis=0))
    signal_raw, signal_y = _conversations(np.random.default_rng(7), 300, signal=1.2)
    signal_x = (signal_raw - signal_raw.mean(axis=0)) / signal_raw.std(axis=0)
    assert penalty(x, y, groups) > 10 * penalty(signal_x, signal_y, groups)
    model = fit(raw, y, NAMES, 1, 5, [], groups)
    assert np.abs(np.array(model.coef)).max() < 0.1
    assert np.isfinite(model.unclipped(raw)).all()


def test_too_few_conversations_to_choose_predict_near_the_mean() -> None:
    raw, y = _conversations(np.random.default_rng(8), 2, signal=1.0)
    model = fit(raw, y, NAMES, 1, 5, [], np.array([0, 1]))
    assert np.abs(np.array(model.coef)).max() < 0.05
