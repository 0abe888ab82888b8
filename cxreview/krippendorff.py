"""Krippendorff's alpha on numpy, for any number of coders and missing values.

Written here because the PyPI `krippendorff` package is GPL and cxreview is MIT.
Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": a coincidence
matrix over pairable values, and the difference functions of the nominal, ordinal,
interval and ratio levels.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def value_counts(units: Sequence[Sequence[float | None]]) -> tuple[np.ndarray, np.ndarray]:
    """(values, counts): counts[u, v] = how many coders gave values[v] in unit u."""
    flat_units: list[int] = []
    flat_values: list[float] = []
    for u, unit in enumerate(units):
        for v in unit:
            if v is not None:
                flat_units.append(u)
                flat_values.append(v)
    values, codes = np.unique(np.array(flat_values, dtype=float), return_inverse=True)
    counts = np.zeros((len(units), len(values)))
    np.add.at(counts, (np.array(flat_units, dtype=np.intp), codes), 1)
    return values, counts


def _delta(values: np.ndarray, totals: np.ndarray, level: str) -> np.ndarray:
    """Squared differences between every pair of values."""
    c, k = values[:, None], values[None, :]
    if level == "nominal":
        return (c != k).astype(float)
    if level == "interval":
        return (c - k) ** 2
    if level == "ratio":
        total = c + k
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total == 0, 0.0, ((c - k) / total) ** 2)
    if level == "ordinal":
        # Sum of the marginal counts from c to k, minus half of each end.
        cumulative = np.concatenate([[0.0], np.cumsum(totals)])
        i, j = np.meshgrid(np.arange(len(values)), np.arange(len(values)), indexing="ij")
        low, high = np.minimum(i, j), np.maximum(i, j)
        between = cumulative[high + 1] - cumulative[low]
        return (between - (totals[i] + totals[j]) / 2) ** 2
    raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")


def alpha_from_counts(
    values: np.ndarray, counts: np.ndarray, level: str = "ordinal", weights: np.ndarray | None = None
) -> float | None:
    """Alpha from a unit-by-value count matrix; ``weights`` repeat units (bootstrap).

    Returns None when there is nothing to compare (fewer than two pairable values, or
    no variation at all).
    """
    m = counts.sum(axis=1)
    pairable = m >= 2
    if not pairable.any() or len(values) == 0:
        return None
    counts = counts[pairable]
    m = m[pairable]
    unit_weight = 1.0 / (m - 1)
    if weights is not None:  # a bootstrap sample counts each unit as often as it was drawn
        unit_weight = unit_weight * weights[pairable]
    # Coincidences: pairs of values within a unit, each unit weighted by 1 / (m_u - 1).
    observed = (counts * unit_weight[:, None]).T @ counts - np.diag((counts * unit_weight[:, None]).sum(axis=0))
    totals = observed.sum(axis=1)
    n = totals.sum()
    if n <= 1:
        return None
    delta = _delta(values, totals, level)
    expected_disagreement = (np.outer(totals, totals) * delta).sum() - (totals * np.diag(delta)).sum()
    if expected_disagreement == 0:
        return None
    return float(1.0 - (n - 1) * (observed * delta).sum() / expected_disagreement)


def alpha(units: Sequence[Sequence[float | None]], level: str = "ordinal") -> float | None:
    """Krippendorff's alpha; ``units`` is one list of coder values per unit (None = missing)."""
    values, counts = value_counts(units)
    return alpha_from_counts(values, counts, level)


def bootstrap_interval(
    units: Sequence[Sequence[float | None]],
    level: str = "ordinal",
    samples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> tuple[float, float] | None:
    """A percentile interval for alpha, resampling units (conversations) with replacement."""
    values, counts = value_counts(units)
    return bootstrap_interval_from_counts(values, counts, level, samples, seed, confidence)


def bootstrap_interval_from_counts(
    values: np.ndarray,
    counts: np.ndarray,
    level: str = "ordinal",
    samples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> tuple[float, float] | None:
    """The bootstrap interval from a unit-by-value count matrix.

    Units with the same counts contribute the same to alpha, and drawing n units with
    replacement puts a multinomial number of draws on each distinct pattern of counts. So
    the resampling draws pattern counts (a few dozen patterns on a 1-5 scale, however many
    conversations there are) instead of n units per sample: the same distribution, at a
    cost independent of the number of conversations.
    """
    if alpha_from_counts(values, counts, level) is None:
        return None
    counts = counts[counts.sum(axis=1) >= 2]
    rng = np.random.default_rng(seed)
    if level == "interval":
        # Interval alpha needs only four sums per unit: patterns of those, not of the counts
        # (review scores have a hundred distinct values, so the counts are wide).
        stats = _interval_stats(values, counts, counts.sum(axis=1))
        patterns, frequency = np.unique(stats, axis=0, return_counts=True)
        draws = rng.multinomial(len(counts), frequency / frequency.sum(), size=samples).astype(np.float64)
        estimates = _interval_from_stats(patterns, draws)
    else:
        patterns, frequency = np.unique(counts, axis=0, return_counts=True)
        draws = rng.multinomial(len(counts), frequency / frequency.sum(), size=samples).astype(np.float64)
        estimates = _matrix_samples(values, patterns, patterns.sum(axis=1), draws, level)
    estimates = estimates[np.isfinite(estimates)]
    if len(estimates) < samples // 2:
        return None
    tail = (1 - confidence) / 2
    low, high = np.quantile(estimates, [tail, 1 - tail])
    return float(low), float(high)


def _interval_stats(values: np.ndarray, counts: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Per unit: number of values, their sum, their sum of squares and the sum over ordered
    pairs of (v_i - v_j)^2 / (m - 1): all interval alpha needs, however many distinct values."""
    total = counts @ values
    squares = counts @ (values**2)
    within = 2 * (m * squares - total**2) / (m - 1)
    return np.stack([m, total, squares, within], axis=1)


def _interval_from_stats(stats: np.ndarray, draws: np.ndarray) -> np.ndarray:
    """Interval alpha for each row of ``draws`` (how often each unit counts)."""
    # float64 here: n * sum(v^2) - sum(v)^2 cancels, and float32 sums would not survive it.
    n, sum_v, sum_v2, observed = (draws.astype(np.float64) @ stats).T
    expected = 2 * (n * sum_v2 - sum_v**2)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1.0 - (n - 1) * observed / expected


def _matrix_samples(values: np.ndarray, counts: np.ndarray, m: np.ndarray, draws: np.ndarray, level: str) -> np.ndarray:
    n_values = len(values)
    per_unit = counts[:, :, None] * counts[:, None, :] - counts[:, :, None] * np.eye(n_values)[None, :, :]
    per_unit = (per_unit / (m - 1)[:, None, None]).reshape(len(m), n_values * n_values)
    observed = (draws @ per_unit).reshape(len(draws), n_values, n_values)
    totals = observed.sum(axis=2)
    n = totals.sum(axis=1)
    if level == "ordinal":
        cumulative = np.concatenate([np.zeros((len(draws), 1)), np.cumsum(totals, axis=1)], axis=1)
        i, j = np.meshgrid(np.arange(n_values), np.arange(n_values), indexing="ij")
        low, high = np.minimum(i, j), np.maximum(i, j)
        delta = (cumulative[:, high + 1] - cumulative[:, low] - (totals[:, i] + totals[:, j]) / 2) ** 2
    else:
        delta = np.broadcast_to(_delta(values, totals[0], level), observed.shape)
    expected = np.einsum("bi,bj,bij->b", totals, totals, delta) - np.einsum("bi,bii->b", totals, delta)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1.0 - (n - 1) * (observed * delta).sum(axis=(1, 2)) / expected
