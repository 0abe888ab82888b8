"""Calibration: how well reviewers agree, and how lenient or strict each one is.

Agreement uses only conversations scored by two or more reviewers, blind reviews only
(scores imported from spreadsheets count as independent). Leniency is estimated on the
same conversations, never from reviewer averages: reviewers cover different teams, so an
average mixes leniency with team quality. The model is

    score = conversation effect + reviewer offset + noise

fitted by ridge regression, solved exactly: the conversation effects are free, the offsets are
pulled toward zero with a strength of ``shrinkage`` conversations, so an offset built on little
shared evidence stays small. Offsets are then centred (or anchored on a benchmark reviewer)
within each group of reviewers that share conversations. An offset is *applied* to scores only
on evidence (see :func:`evidence`); otherwise it is reported and applied as 0.

Scores are grouped by rubric id *and version*: a new version may change scales or criteria,
so its scores are never pooled with an older version's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cxreview.agreement import Figures, agreement, dedupe_last
from cxreview.calibrated import RubricKey, load_scores
from cxreview.leniency import (
    APPLY_MIN_CONVERSATIONS,
    INDICATIVE,
    MIN_SHRINKAGE,
    SHRINKAGE,
    TOO_FEW,
    Offset,
    OffsetLookup,
    Score,
    _ridge,
    _Table,
    calibrated_value,
    evidence,
    leniency_offsets,
)
from cxreview.progress import SILENT, Phases, Steps
from cxreview.rubrics.model import Rubric
from cxreview.rubrics.scoring import NA, review_score

# Re-exported: the model lives in leniency.py, loading scores in calibrated.py.
__all__ = [
    "APPLY_MIN_CONVERSATIONS",
    "INDICATIVE",
    "MIN_SHRINKAGE",
    "SHRINKAGE",
    "TOO_FEW",
    "Calibration",
    "CriterionAgreement",
    "Offset",
    "RubricKey",
    "Score",
    "_ridge",
    "calibrate",
    "calibrated_value",
    "check_shrinkage",
    "evidence",
    "leniency_offsets",
    "load_scores",
]


@dataclass
class CriterionAgreement:
    criterion: str
    label: str
    conversations: int
    pairs: int
    exact: float | None
    within_one: float | None
    alpha: float | None
    alpha_interval: tuple[float, float] | None
    alignment: dict[str, tuple[float, int]]
    na_conversations: int
    na_agreement: float | None
    note: str


@dataclass
class Calibration(OffsetLookup):
    """Agreement figures and the offsets (``offset`` and ``reason`` come from OffsetLookup)."""

    rubric: Rubric
    criteria: list[CriterionAgreement]
    review_score: CriterionAgreement | None
    offsets: dict[tuple[str, str], Offset]
    groups: list[list[str]]
    warnings: list[str] = field(default_factory=list)


def check_shrinkage(shrinkage: float) -> None:
    from cxreview.errors import UsageError

    if not shrinkage >= MIN_SHRINKAGE:  # also refuses NaN
        raise UsageError(
            f"--shrinkage must be at least {MIN_SHRINKAGE:g} (got {shrinkage:g})",
            f"use {SHRINKAGE:g} (the default), or a value from {MIN_SHRINKAGE:g} up",
        )


def _note(conversations: int) -> str:
    if conversations == 0:
        return (
            "no conversation has two or more reviewers yet, so there is nothing to compare; "
            "sample one for them, e.g. cxreview sample --size 10 --calibration --reviewer ana --reviewer ben"
        )
    if conversations < TOO_FEW:
        many = "conversation" if conversations == 1 else "conversations"
        return f"only {conversations} {many} with two or more reviewers: too little data, figures are noise"
    if conversations < INDICATIVE:
        return f"{conversations} conversations: indicative only (aim for {INDICATIVE} or more)"
    return ""


def calibrate(
    scores: list[Score],
    benchmark: str | None = None,
    shrinkage: float = SHRINKAGE,
    bootstrap: int = 1000,
    phases: Phases = SILENT,
) -> Calibration:
    """Agreement per criterion and for the review score, and leniency offsets, for the
    scores of one rubric version (a step of ``phases`` per criterion: the bootstrap is slow)."""
    check_shrinkage(shrinkage)
    latest = max((s.rubric for s in scores), key=lambda r: r.version)
    step = Steps(phases, f"Calibrating {latest.id} v{latest.version}", len(latest.criteria) + 2)
    table = _Table.of(scores)
    # A benchmark nobody in these scores is: no reference anywhere, so no alignment.
    reference = None if benchmark is None else table.reviewer_codes.get(benchmark, -2)
    results = []
    for criterion in latest.criteria:
        step.next(f"agreement on {criterion.label}")
        conversation, reviewer, value = table.criterion(criterion.id)
        figures = agreement(
            conversation, reviewer, value, criterion.max - criterion.min, reference, "ordinal", bootstrap
        )
        results.append(_criterion_agreement(criterion.id, criterion.label, figures, table.reviewers))
    step.next("agreement on the review score")
    review_level = _review_score_agreement(scores, table, reference, bootstrap)
    step.next("leniency offsets")
    offsets, groups, warnings = leniency_offsets(scores, latest, benchmark, shrinkage, table)
    return Calibration(latest, results, review_level, offsets, groups, warnings)


def _criterion_agreement(criterion: str, label: str, figures: Figures, reviewers: list[str]) -> CriterionAgreement:
    return CriterionAgreement(
        criterion=criterion,
        label=label,
        conversations=figures.conversations,
        pairs=figures.pairs,
        exact=figures.exact,
        within_one=figures.within_one,
        alpha=figures.alpha,
        alpha_interval=figures.alpha_interval,
        alignment={reviewers[r]: figures.alignment[r] for r in sorted(figures.alignment, key=reviewers.__getitem__)},
        na_conversations=figures.na_conversations,
        na_agreement=figures.na_agreement,
        note=_note(figures.conversations),
    )


def _review_score_agreement(
    scores: list[Score], table: _Table, reference: int | None, bootstrap: int
) -> CriterionAgreement | None:
    if scores and all(s.rubric is scores[0].rubric for s in scores):
        conversation, reviewer, value = _review_score_arrays(table, scores[0].rubric)
    else:
        rows = _review_scores(scores)
        conversation = np.array([table.conversations[c] for c, _, _ in rows], dtype=np.int64)
        reviewer = np.array([table.reviewer_codes[r] for _, r, _ in rows], dtype=np.int64)
        value = np.array([np.nan if v is None else v for _, _, v in rows], dtype=np.float64)
    keep = dedupe_last(conversation, reviewer)
    figures = agreement(conversation[keep], reviewer[keep], value[keep], 100.0, reference, "interval", bootstrap)
    return _criterion_agreement("review_score", "Review score", figures, table.reviewers)


def _review_scores(scores: list[Score]) -> list[tuple[str, str, float | None]]:
    """(conversation, reviewer, review score) per review, by the formula of rubrics/scoring.py."""
    rubric = scores[0].rubric if scores else None
    if rubric is None or any(s.rubric is not rubric for s in scores):
        by_review: dict[int, list[Score]] = defaultdict(list)
        for score in scores:
            by_review[score.review_id].append(score)
        return [
            (
                group[0].conversation_id,
                group[0].reviewer,
                review_score(group[0].rubric, {s.criterion: (NA if s.na else s.value) for s in group}).score,
            )
            for group in by_review.values()
        ]
    table = _Table.of(scores)
    conversation, reviewer, value = _review_score_arrays(table, rubric)
    names = list(table.conversations)
    return [
        (names[c], table.reviewers[r], None if np.isnan(v) else v)
        for c, r, v in zip(conversation.tolist(), reviewer.tolist(), value.tolist(), strict=True)
    ]


def _review_score_arrays(table: _Table, rubric: Rubric) -> tuple[Any, Any, Any]:
    """(conversation, reviewer, review score or NaN) arrays, one entry per review, scored with
    numpy in one pass (a review_score() call per review was a quarter of calibrate())."""
    criteria = rubric.criteria
    position = {c.id: i for i, c in enumerate(criteria)}
    weight = np.array([c.weight for c in criteria] + [0.0])  # the extra slot: criteria not in the rubric
    low = np.array([c.min for c in criteria] + [0.0], dtype=float)
    span = np.array([c.max - c.min for c in criteria] + [1.0], dtype=float)
    zero_below = np.array(
        [float(c.critical.below) if c.critical and c.critical.effect == "zero" else -np.inf for c in criteria]
        + [-np.inf]
    )
    review_ids, first, review_index = np.unique(table.review_id, return_index=True, return_inverse=True)
    column = np.array([position.get(c, len(criteria)) for c in table.criteria], dtype=np.int64)[table.criterion_code]
    value = table.value
    scored = ~np.isnan(value)
    weights = np.where(scored, weight[column], 0.0)
    normalised = np.where(scored, (np.nan_to_num(value) - low[column]) / span[column] * 100.0, 0.0)
    total = np.bincount(review_index, weights=weights, minlength=len(review_ids))
    weighted = np.bincount(review_index, weights=weights * normalised, minlength=len(review_ids))
    zeroed = np.bincount(review_index, weights=scored & (value < zero_below[column]), minlength=len(review_ids))
    result = np.where(zeroed > 0, 0.0, weighted / np.where(total > 0, total, 1.0))
    result[total <= 0] = np.nan
    return table.conversation[first], table.reviewer[first], result
