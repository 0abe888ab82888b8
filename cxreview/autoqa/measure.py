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

import math
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


# Fewer conversations than this cannot settle a model's alpha either way: the advice is then
# to review more, whatever the figures say (6 conversations gave alpha -0.68 [-0.81, -0.51]).
FEW_CONVERSATIONS = 50
# What to do about a model that is not reliable, by case (``advice``); the sample hint too.
MORE_REVIEWS = "more reviews needed"
CALIBRATE = "your reviewers do not agree on this criterion either: calibrate the rubric first (cxreview calibrate)"
CANNOT_READ = "AutoQA cannot read what reviewers judge here: keep scoring it yourself"


def figure(value: float, threshold: float | None = None) -> str:
    """An alpha as people read it: 2 decimals, never "-0.00", and 3 decimals (rounded towards
    the side of ``threshold`` the value is on) when 2 would read as the threshold itself, so
    no line says "alpha 0.67 is below 0.667"."""
    text = f"{value:.2f}"
    if threshold is not None and abs(value - threshold) < 0.01:
        thousandths = math.floor(value * 1000) if value < threshold else math.ceil(value * 1000 - 1e-9)
        text = f"{thousandths / 1000:.3f}"
    return "0.00" if text.strip("-0.") == "" else text


def advice(
    alpha_: float | None,
    alpha_high: float | None,
    reviewers_alpha: float | None,
    n_conversations: int,
    threshold: float = THRESHOLD,
) -> str:
    """What to do about a model that is not reliable, in one clause chosen by case: too few
    conversations to tell: more reviews; reviewers who do not agree among themselves either:
    calibrate first (before "an interval that still reaches the threshold": more reviews from
    people who disagree cannot make the model agree with them); an interval that still
    reaches the threshold: more reviews; else the figures AutoQA reads do not carry what
    reviewers judge."""
    if n_conversations < FEW_CONVERSATIONS:
        return MORE_REVIEWS
    if reviewers_alpha is not None and reviewers_alpha < threshold:
        return CALIBRATE
    if alpha_high is not None and alpha_high >= threshold:
        return MORE_REVIEWS
    return MORE_REVIEWS if alpha_ is None else CANNOT_READ


def verdict(m: Measured, threshold: float = THRESHOLD) -> tuple[bool, str]:
    """Reliable or not, and why in words (and, when not, what to do). Reliable only when the
    whole 95% interval of the model's alpha is at or above ``threshold``: a good point
    estimate on too little data is not enough."""
    reviewers = "" if m.reviewers_alpha is None else f" (reviewers among themselves: {figure(m.reviewers_alpha)})"
    todo = advice(m.alpha, m.alpha_high, m.reviewers_alpha, m.n_conversations, threshold)
    if m.alpha is None:
        return (
            False,
            f"not reliable: the scores or the predictions do not vary, so agreement cannot be measured; {todo}",
        )
    interval = (
        "" if m.alpha_low is None else f" [{figure(m.alpha_low, threshold)}, {figure(m.alpha_high or 0.0, threshold)}]"
    )
    shown = f"alpha {figure(m.alpha, threshold)}{interval}"
    if m.alpha < threshold:
        if m.n_conversations < FEW_CONVERSATIONS:
            todo = f"only {m.n_conversations} conversations: {todo}"
        return False, f"not reliable: {shown} is below {threshold}{reviewers}; {todo}"
    if m.alpha_low is None or m.alpha_low < threshold:
        return False, (
            f"not reliable: {shown} but {m.n_conversations} conversations cannot show it is "
            f"{threshold} or more; {MORE_REVIEWS}{reviewers}"
        )
    against = "" if m.reviewers_alpha is None else f" vs reviewers {figure(m.reviewers_alpha)}"
    return True, f"{shown}{against}"
