"""The score formula on hand-worked examples."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cxreview.rubrics.loader import parse_rubric
from cxreview.rubrics.scoring import mean_score, review_score

RUBRIC = parse_rubric("""\
id: s
name: S
version: 1
pass_threshold: 70
criteria:
  - {id: empathy, label: E, question: q, scale: {min: 1, max: 5}, weight: 2, anchors: {1: a, 2: b, 3: c, 4: d, 5: e}}
  - {id: clarity, label: C, question: q, scale: {min: 1, max: 5}, weight: 1, allow_na: true, anchors: {1: a, 2: b, 3: c, 4: d, 5: e}}
  - {id: resolution, label: R, question: q, scale: {min: 1, max: 5}, weight: 2, allow_na: true,
     critical: {below: 2, effect: zero}, anchors: {1: a, 2: b, 3: c, 4: d, 5: e}}
  - {id: disclosed, label: D, question: q, scale: binary, weight: 1, allow_na: true,
     critical: {below: yes, effect: flag}, anchors: {no: n, yes: y}}
""")


def test_weighted_mean_of_normalised_scores() -> None:
    # empathy 4 -> 75 (x2), clarity 3 -> 50 (x1), resolution 5 -> 100 (x2), disclosed yes -> 100 (x1)
    result = review_score(RUBRIC, {"empathy": 4, "clarity": 3, "resolution": 5, "disclosed": 1})
    assert result.score == pytest.approx((150 + 50 + 200 + 100) / 6)  # 83.33
    assert result.passed is True and not result.critical_fail and result.flagged == ()


def test_na_leaves_numerator_and_denominator() -> None:
    result = review_score(RUBRIC, {"empathy": 3, "clarity": "na", "resolution": 4, "disclosed": "na"})
    assert result.score == pytest.approx((2 * 50 + 2 * 75) / 4)  # 62.5
    assert result.passed is False


def test_critical_zero_and_critical_flag() -> None:
    zeroed = review_score(RUBRIC, {"empathy": 5, "clarity": 5, "resolution": 1, "disclosed": 1})
    assert zeroed.score == 0 and zeroed.critical_fail and zeroed.passed is False
    flagged = review_score(RUBRIC, {"empathy": 5, "clarity": 5, "resolution": 5, "disclosed": 0})
    assert flagged.score == pytest.approx((200 + 100 + 200 + 0) / 6)
    assert flagged.flagged == ("disclosed",) and not flagged.critical_fail


def test_all_na_review_has_no_score() -> None:
    rubric = parse_rubric("""\
id: n
name: N
version: 1
criteria:
  - {id: a, label: A, question: q, scale: binary, allow_na: true, anchors: {no: n, yes: y}}
""")
    result = review_score(rubric, {"a": "na"})
    assert result.score is None and result.passed is None


def test_draft_scores_only_what_is_scored_and_lists_the_rest() -> None:
    result = review_score(RUBRIC, {"empathy": 5})
    assert result.score == 100 and result.missing == ("clarity", "resolution", "disclosed")


def test_pass_threshold_is_inclusive_and_mean_skips_missing_scores() -> None:
    exact = review_score(RUBRIC, {"empathy": 5, "clarity": 1, "resolution": 3, "disclosed": "na"})
    # (200 + 0 + 100) / 5 = 60 -> fail at 70; the threshold is inclusive at equality:
    assert exact.score == pytest.approx(60) and exact.passed is False
    at_threshold = review_score(parse_rubric(RUBRIC_TEXT_AT_60), {"a": 4})
    assert at_threshold.score == pytest.approx(60) and at_threshold.passed is True
    assert mean_score([80.0, None, 60.0]) == 70.0
    assert mean_score([None]) is None


RUBRIC_TEXT_AT_60 = """\
id: p
name: P
version: 1
pass_threshold: 60
criteria:
  - {id: a, label: A, question: q, scale: {min: 1, max: 6}, anchors: {1: a, 2: b, 3: c, 4: d, 5: e, 6: f}}
"""


def _rubric(scales: list[tuple[int, int]], weights: list[int], threshold: float) -> str:
    lines = [f"id: p\nname: P\nversion: 1\npass_threshold: {threshold}\ncriteria:"]
    for index, ((low, high), weight) in enumerate(zip(scales, weights, strict=True)):
        anchors = ", ".join(f"{level}: x" for level in range(low, high + 1))
        lines.append(
            f"  - {{id: c{index}, label: C, question: q, scale: {{min: {low}, max: {high}}}, weight: {weight}, anchors: {{{anchors}}}}}"
        )
    return "\n".join(lines) + "\n"


def test_a_review_exactly_at_the_threshold_passes() -> None:
    """1, 3, 3 on three 1-4 criteria weighted 1, 1, 2 is exactly 50 but 49.999... in floats."""
    rubric = parse_rubric(_rubric([(1, 4)] * 3, [1, 1, 2], 50))
    result = review_score(rubric, {"c0": 1, "c1": 3, "c2": 3})
    assert result.score == pytest.approx(50) and result.passed is True


SCALES = st.sampled_from([(1, 3), (1, 4), (1, 5), (1, 7), (1, 10), (0, 10)])


@settings(max_examples=150, deadline=None)
@given(
    data=st.lists(st.tuples(SCALES, st.integers(1, 5), st.integers(0, 99)), min_size=1, max_size=5),
    threshold=st.integers(0, 100) | st.sampled_from([62.5, 33.3, 66.7, 87.5]),
    shift=st.sampled_from([None, 0, 0]),
)
@example(data=[((1, 4), 1, 0), ((1, 4), 1, 2), ((1, 4), 2, 2)], threshold=50, shift=None)  # 49.999...
def test_pass_agrees_with_exact_arithmetic(data: list, threshold: float, shift: int | None) -> None:
    """Over scales, weights, scores and thresholds: passed is exactly `exact score >= threshold`,
    computed in fractions. With shift=0 the threshold is moved onto the exact score itself."""
    scales = [scale for scale, _, _ in data]
    weights = [weight for _, weight, _ in data]
    values = [low + raw % (high - low + 1) for (low, high), _, raw in data]
    exact = sum(
        (
            Fraction(w) * Fraction(v - low, high - low) * 100
            for (low, high), w, v in zip(scales, weights, values, strict=True)
        ),
        Fraction(0),
    ) / sum(weights)
    if shift == 0 and (exact * 100).denominator == 1:
        threshold = float(exact)  # a threshold (two decimals at most) the review meets exactly
    rubric = parse_rubric(_rubric(scales, weights, threshold))
    result = review_score(rubric, {f"c{i}": v for i, v in enumerate(values)})
    assert result.passed is (exact >= Fraction(str(threshold)))
