"""The score formula on hand-worked examples."""

from __future__ import annotations

import pytest

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
