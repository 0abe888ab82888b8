"""Agreement between reviewers on coded score arrays: pairs, exact and within-one shares,
alignment per reviewer, N/A agreement, Krippendorff's alpha and its bootstrap interval.

Calibration runs on a hundred thousand scores. Written over numpy arrays (one entry per
conversation and reviewer) instead of nested dicts, the figures cost a few array passes:
the units of a figure become a conversations x reviewers matrix padded with NaN, and every
pairwise figure is a loop over the few pairs of columns, never over conversations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxreview.krippendorff import alpha_from_counts, bootstrap_interval_from_counts


@dataclass
class Figures:
    """The agreement figures of one criterion (or of the review score)."""

    conversations: int
    pairs: int
    exact: float | None
    within_one: float | None
    alpha: float | None
    alpha_interval: tuple[float, float] | None
    alignment: dict[int, tuple[float, int]]  # reviewer code -> (mean alignment 0-100, n)
    na_conversations: int
    na_agreement: float | None


def dedupe_last(*keys: np.ndarray) -> np.ndarray:
    """Indexes that keep the last entry of every combination of ``keys`` (in input order),
    as a dict assignment would."""
    n = len(keys[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    key = np.zeros(n, dtype=np.int64)
    for part in keys:
        key = key * (int(part.max()) + 1) + part
    # The first occurrence in the reversed array is the last one in the original.
    _, first_reversed = np.unique(key[::-1], return_index=True)
    return np.sort(n - 1 - first_reversed)


def agreement(
    conversation: np.ndarray,
    reviewer: np.ndarray,
    value: np.ndarray,
    span: float,
    benchmark: int | None,
    level: str,
    bootstrap: int,
    seed: int = 0,
) -> Figures:
    """Figures for one criterion: one entry per (conversation, reviewer), ``value`` NaN for N/A.

    ``span`` is the scale's max - min (alignment is 100 at the same value and 0 a full
    scale apart); ``benchmark`` the reviewer code whose scores are the reference, or None
    for the median of the other reviewers.
    """
    order = np.lexsort((reviewer, conversation))
    conversation, reviewer, value = conversation[order], reviewer[order], value[order]
    _, start, per_conversation = np.unique(conversation, return_index=True, return_counts=True)
    group = np.repeat(np.arange(len(start)), per_conversation)
    scored = ~np.isnan(value)
    k = np.bincount(group, weights=scored, minlength=len(start)).astype(np.int64)
    m = per_conversation.astype(np.int64)
    shared = m >= 2
    # N/A agreement: pairs of reviewers of a shared conversation that agree on N/A or not.
    na_pairs = int((m * (m - 1) // 2)[shared].sum())
    na_same = int((k * (k - 1) // 2 + (m - k) * (m - k - 1) // 2)[shared].sum())

    # The units: conversations with two or more scored values, as a padded matrix.
    unit_of_group = np.full(len(start), -1)
    is_unit = shared & (k >= 2)
    unit_of_group[is_unit] = np.arange(int(is_unit.sum()))
    keep = scored & is_unit[group]
    unit = unit_of_group[group[keep]]
    n_units = int(is_unit.sum())
    width = int(k[is_unit].max()) if n_units else 0
    unit_start = np.zeros(n_units, dtype=np.int64)
    if n_units:
        unit_start[1:] = np.cumsum(k[is_unit])[:-1]
    column = np.arange(len(unit)) - unit_start[unit]
    values = np.full((n_units, width), np.nan)
    values[unit, column] = value[keep]
    who = np.full((n_units, width), -1, dtype=np.int64)
    who[unit, column] = reviewer[keep]
    present = ~np.isnan(values)

    pairs = exact = within = 0
    for i in range(width):
        for j in range(i + 1, width):
            both = present[:, i] & present[:, j]
            difference = np.abs(values[both, i] - values[both, j])
            pairs += int(both.sum())
            exact += int((difference == 0).sum())
            within += int((difference <= 1).sum())

    alignment = _alignment(values, who, present, span, benchmark)
    interval = None
    value_alpha = None
    if n_units:
        distinct, codes = np.unique(values[present], return_inverse=True)
        counts = np.bincount(np.nonzero(present)[0] * len(distinct) + codes, minlength=n_units * len(distinct)).reshape(
            n_units, len(distinct)
        )
        counts = counts.astype(float)
        value_alpha = alpha_from_counts(distinct, counts, level)
        if value_alpha is not None and bootstrap:
            interval = bootstrap_interval_from_counts(distinct, counts, level, samples=bootstrap, seed=seed)
    return Figures(
        conversations=n_units,
        pairs=pairs,
        exact=exact / pairs if pairs else None,
        within_one=within / pairs if pairs else None,
        alpha=value_alpha,
        alpha_interval=interval,
        alignment=alignment,
        na_conversations=int(shared.sum()),
        na_agreement=na_same / na_pairs if na_pairs else None,
    )


def _alignment(
    values: np.ndarray, who: np.ndarray, present: np.ndarray, span: float, benchmark: int | None
) -> dict[int, tuple[float, int]]:
    """Per reviewer: mean of 100 * (1 - |value - reference| / span), the reference being the
    benchmark's value on that conversation or the median of the other reviewers' values."""
    if values.size == 0:
        return {}
    if benchmark is not None:
        # The benchmark's value on each conversation (NaN where they did not score it).
        has = (who == benchmark) & present
        reference_of_unit = np.full(len(values), np.nan)
        rows, columns = np.nonzero(has)
        reference_of_unit[rows] = values[rows, columns]
    sums = np.zeros(int(who.max()) + 1)
    counts = np.zeros(int(who.max()) + 1, dtype=np.int64)
    for j in range(values.shape[1]):
        if benchmark is not None:
            reference = reference_of_unit
            valid = present[:, j] & (who[:, j] != benchmark) & ~np.isnan(reference)
        else:
            reference = _median_of_others(values, present, j)
            valid = present[:, j] & ~np.isnan(reference)
        difference = np.abs(values[valid, j] - reference[valid])
        aligned = 100 * (1 - difference / span) if span else np.full(len(difference), 100.0)
        sums += np.bincount(who[valid, j], weights=aligned, minlength=len(sums))
        counts += np.bincount(who[valid, j], minlength=len(counts))
    return {int(r): (float(sums[r] / counts[r]), int(counts[r])) for r in np.nonzero(counts)[0]}


def _median_of_others(values: np.ndarray, present: np.ndarray, column: int) -> np.ndarray:
    """Per row, the median of the values outside ``column`` (NaN where there are none).

    np.sort puts NaN last, so the c values of a row are its first c sorted entries and the
    median is the mean of entries (c - 1) // 2 and c // 2: no masked arrays (nanmedian)."""
    others = values.copy()
    others[:, column] = np.nan
    ordered = np.sort(others, axis=1)
    count = present.sum(axis=1) - present[:, column]
    low = np.clip((count - 1) // 2, 0, None)[:, None]
    high = np.clip(count // 2, 0, None)[:, None]
    median = (np.take_along_axis(ordered, low, axis=1) + np.take_along_axis(ordered, high, axis=1))[:, 0] / 2
    median[count == 0] = np.nan
    return median
