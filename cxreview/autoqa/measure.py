"""Agreement measured, not claimed: cross-validated predictions against the reviewers' scores.

Every human score is predicted by a model that never saw its conversation (folds grouped by
conversation), so the figures say how the model does on conversations it has not seen. The
prediction is rounded to a level of the scale, as a reviewer would give (and as an accepted
suggestion is stored), and each human score with the model's level is one unit of
Krippendorff's alpha (ordinal, as calibration uses for criteria). The bootstrap resamples
conversations, not scores, so several reviewers of one conversation do not count as
independent evidence. Next to it: the reviewers' own alpha on the same conversations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from cxreview.krippendorff import alpha, alpha_from_counts

# Krippendorff's lowest acceptable alpha for drawing even tentative conclusions.
THRESHOLD = 0.667
LEVEL = "ordinal"


@dataclass(frozen=True)
class Measured:
    """Agreement of the cross-validated model with the reviewers on one criterion."""

    n_scores: int
    n_conversations: int
    alpha: float | None
    alpha_low: float | None
    alpha_high: float | None
    exact: float
    within_one: float
    reviewers_alpha: float | None
    shared_conversations: int


def cross_validated(
    fit_predict: Callable[[np.ndarray, np.ndarray], np.ndarray], y: np.ndarray, groups: np.ndarray, folds: int = 5
) -> np.ndarray:
    """A prediction for every row from a model fitted without that row's group.

    ``fit_predict(train_rows, test_rows)`` takes row indexes and returns the test predictions.
    """
    from sklearn.model_selection import GroupKFold

    n_groups = len(np.unique(groups))
    predictions = np.full(len(y), np.nan)
    splitter = GroupKFold(n_splits=max(2, min(folds, n_groups)))
    for train, test in splitter.split(np.zeros(len(y)), y, groups):
        predictions[test] = fit_predict(train, test)
    return predictions


def levels(values: np.ndarray, low: int, high: int) -> np.ndarray:
    """Predictions as the levels a reviewer could give."""
    return np.clip(np.rint(values), low, high)


def measure(
    conversation: np.ndarray,
    y: np.ndarray,
    predicted: np.ndarray,
    low: int,
    high: int,
    bootstrap: int = 1000,
    seed: int = 0,
) -> Measured:
    """Model-vs-reviewers figures; ``conversation`` holds an integer code per score."""
    given = levels(predicted, low, high)
    y = y.astype(float)
    # Units are (human score, model level) pairs; only len(values)^2 kinds of pair exist.
    values = np.unique(np.concatenate([y, given]))
    index = {v: i for i, v in enumerate(values)}
    pair = np.array([index[a] * len(values) + index[b] for a, b in zip(y, given, strict=True)], dtype=np.int64)
    kinds, pattern = np.unique(pair, return_inverse=True)
    counts = np.zeros((len(kinds), len(values)))
    np.add.at(counts, (np.arange(len(kinds)), kinds // len(values)), 1)
    np.add.at(counts, (np.arange(len(kinds)), kinds % len(values)), 1)
    point = alpha_from_counts(values, counts, LEVEL, weights=np.bincount(pattern, minlength=len(kinds)).astype(float))
    low_end = high_end = None
    codes, conv_index = np.unique(conversation, return_inverse=True)
    if point is not None and bootstrap:
        rng = np.random.default_rng(seed)
        draws = rng.multinomial(len(codes), np.full(len(codes), 1.0 / len(codes)), size=bootstrap)
        estimates = []
        for drawn in draws:
            weights = np.bincount(pattern, weights=drawn[conv_index], minlength=len(kinds))
            estimate = alpha_from_counts(values, counts, LEVEL, weights=weights)
            if estimate is not None:
                estimates.append(estimate)
        if len(estimates) >= bootstrap // 2:
            low_end, high_end = (float(v) for v in np.percentile(estimates, [2.5, 97.5]))
    # The reviewers among themselves, on the conversations two or more of them scored.
    by_conversation: dict[int, list[float]] = {}
    for code, score in zip(conv_index, y, strict=True):
        by_conversation.setdefault(int(code), []).append(float(score))
    shared: list[list[float | None]] = [list(s) for s in by_conversation.values() if len(s) >= 2]
    reviewers = alpha(shared, LEVEL) if shared else None
    difference = np.abs(given - y)
    return Measured(
        n_scores=len(y),
        n_conversations=len(codes),
        alpha=point,
        alpha_low=low_end,
        alpha_high=high_end,
        exact=float((difference == 0).mean()) if len(y) else 0.0,
        within_one=float((difference <= 1).mean()) if len(y) else 0.0,
        reviewers_alpha=reviewers,
        shared_conversations=len(shared),
    )


def verdict(m: Measured, threshold: float = THRESHOLD) -> tuple[bool, str]:
    """Reliable or not, and why in words. Reliable only when the whole 95% interval of the
    model's alpha is at or above ``threshold``: a good point estimate on too little data is
    not enough."""
    reviewers = "" if m.reviewers_alpha is None else f" (reviewers among themselves: {m.reviewers_alpha:.2f})"
    if m.alpha is None:
        return False, "not reliable: the scores or the predictions do not vary, so agreement cannot be measured"
    interval = "" if m.alpha_low is None else f" [{m.alpha_low:.2f}, {m.alpha_high:.2f}]"
    if m.alpha < threshold:
        return False, f"not reliable: alpha {m.alpha:.2f}{interval} is below {threshold}{reviewers}"
    if m.alpha_low is None or m.alpha_low < threshold:
        return False, (
            f"not reliable: alpha {m.alpha:.2f}{interval} but {m.n_conversations} conversations cannot show it is "
            f"{threshold} or more; more reviews needed{reviewers}"
        )
    against = "" if m.reviewers_alpha is None else f" vs reviewers {m.reviewers_alpha:.2f}"
    return True, f"alpha {m.alpha:.2f}{interval}{against}"
