"""Krippendorff's alpha against the published worked example and edge cases."""

from __future__ import annotations

import pytest

from cxreview.krippendorff import alpha, bootstrap_interval

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
# four observers, twelve units and missing values (rows are observers A-D).
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
UNITS = [list(unit) for unit in zip(*OBSERVERS, strict=True)]


@pytest.mark.parametrize(
    ("level", "expected"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)]
)
def test_published_values(level: str, expected: float) -> None:
    assert alpha(UNITS, level) == pytest.approx(expected, abs=0.0005)


def test_perfect_agreement_and_nothing_to_compare() -> None:
    assert alpha([[1, 1], [2, 2], [3, 3]], "ordinal") == pytest.approx(1.0)
    assert alpha([[1, None], [2, None]]) is None  # no unit with two values
    assert alpha([[3, 3], [3, 3]]) is None  # no variation: alpha is undefined


def test_systematic_disagreement_is_below_zero() -> None:
    assert alpha([[1, 5], [5, 1], [2, 4], [4, 2]], "interval") < 0


def test_bootstrap_interval_brackets_the_estimate() -> None:
    units = UNITS * 5
    low, high = bootstrap_interval(units, "ordinal", samples=400, seed=1)
    assert low < alpha(units, "ordinal") < high
    assert 0 < high - low < 0.5
