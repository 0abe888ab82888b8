"""The one score formula, shared by the TUI, calibration, exports and reports.

- A criterion score is normalised to 0..100: (score - min) / (max - min) x 100; binary no = 0, yes = 100.
- The review score is the weight-averaged normalised score over the criteria that apply
  (N/A is left out of numerator and denominator).
- A critical criterion scored below its level makes the review score 0 (effect "zero") or
  only flags the review (effect "flag").
- A review where every criterion is N/A has no score (None): not 0, not 100.
- Pass when the review score >= the rubric's pass_threshold, compared with a tolerance of
  ``PASS_TOLERANCE`` points: the score is a float, and weights 1, 1, 2 on a 1-4 scale scored
  1, 3, 3 give 49.99999999999999, which must pass a threshold of 50 because it *is* 50.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cxreview.rubrics.model import Rubric

NA = "na"
# Points on the 0-100 scale. Float rounding error in a weighted mean is about 1e-13; scores
# on real scales and weights lie further apart than 1e-6 from any threshold they miss.
PASS_TOLERANCE = 1e-6


def passes(score: float, threshold: float) -> bool:
    """Whether a review score reaches the pass threshold, float rounding forgiven."""
    return score >= threshold - PASS_TOLERANCE


@dataclass(frozen=True)
class ScoreResult:
    score: float | None
    passed: bool | None
    critical_fail: bool
    flagged: tuple[str, ...] = field(default=())
    scored: int = 0
    missing: tuple[str, ...] = field(default=())


def review_score(
    rubric: Rubric,
    scores: Mapping[str, float | str | None],
    critical_values: Mapping[str, float | str | None] | None = None,
) -> ScoreResult:
    """Score a review. ``scores`` maps criterion id to a number, "na", or None (not scored yet).

    Numbers may be fractional (calibrated scores); critical checks use ``critical_values``
    (the raw scores) when given, else the scores themselves.
    Criteria not yet scored are listed in ``missing`` and left out, so a draft gets a
    live score over what has been scored so far.
    """
    total_weight = 0.0
    weighted = 0.0
    zeroed = False
    flagged: list[str] = []
    missing: list[str] = []
    scored = 0
    for criterion in rubric.criteria:
        value = scores.get(criterion.id)
        if value is None:
            missing.append(criterion.id)
            continue
        if value == NA:
            continue
        number = float(value)
        scored += 1
        total_weight += criterion.weight
        weighted += criterion.weight * criterion.normalise(number)
        # Calibrated scores are judged against critical levels by the reviewer's own
        # (raw) score: a correction for leniency must not create fails nobody decided.
        judged = critical_values.get(criterion.id) if critical_values is not None else value
        judged_number = float(judged) if judged is not None and judged != NA else number
        if criterion.critical is not None and judged_number < criterion.critical.below:
            if criterion.critical.effect == "zero":
                zeroed = True
            else:
                flagged.append(criterion.id)
    if total_weight == 0:
        return ScoreResult(None, None, False, tuple(flagged), 0, tuple(missing))
    score = 0.0 if zeroed else weighted / total_weight
    return ScoreResult(
        score=score,
        passed=passes(score, rubric.pass_threshold),
        critical_fail=zeroed,
        flagged=tuple(flagged),
        scored=scored,
        missing=tuple(missing),
    )


def mean_score(review_scores: list[float | None]) -> float | None:
    """A reviewer's or agent's quality score: the mean of review scores that exist."""
    present = [s for s in review_scores if s is not None]
    return sum(present) / len(present) if present else None
