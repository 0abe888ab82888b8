"""Calibration: how well reviewers agree, and how lenient or strict each one is.

Agreement uses only conversations scored by two or more reviewers, blind reviews only
(scores imported from spreadsheets count as independent). Leniency is estimated on the
same conversations, never from reviewer averages: reviewers cover different teams, so an
average mixes leniency with team quality. The model is

    score = conversation effect + reviewer offset + noise

fitted by ridge regression (alternating least squares): the conversation effects are free,
the offsets are pulled toward zero with a strength of ``shrinkage`` conversations, so an
offset built on little shared evidence stays small. Offsets are then centred (or anchored
on a benchmark reviewer) within each group of reviewers that share conversations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cxreview.filters import Filters
from cxreview.krippendorff import _resample_counts, alpha, bootstrap_interval
from cxreview.reviews import rubric_versions
from cxreview.rubrics.model import Rubric
from cxreview.rubrics.scoring import NA, review_score
from cxreview.store import Database
from cxreview.store.calibration import score_rows

TOO_FEW = 10  # below this many conversations a figure is noise
INDICATIVE = 30  # below this it is only indicative
SHRINKAGE = 5.0  # an offset needs about this many shared conversations to count for half


@dataclass(slots=True)
class Score:
    review_id: int
    conversation_id: str
    reviewer: str
    rubric: Rubric
    criterion: str
    value: int | None
    na: bool


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
class Offset:
    reviewer: str
    criterion: str
    offset: float
    n: int
    low: float
    high: float


@dataclass
class Calibration:
    rubric: Rubric
    criteria: list[CriterionAgreement]
    review_score: CriterionAgreement | None
    offsets: dict[tuple[str, str], Offset]
    groups: list[list[str]]
    warnings: list[str] = field(default_factory=list)

    def offset(self, reviewer: str, criterion: str) -> float:
        found = self.offsets.get((reviewer, criterion))
        return found.offset if found else 0.0


def load_scores(
    db: Database,
    rubric_id: str | None = None,
    session: str | None = None,
    since: str | None = None,
    blind_only: bool = True,
    include_drafts: bool = False,
) -> dict[str, list[Score]]:
    """Scores grouped by rubric id: each reviewer's own first submission (docs/calibration.md)."""
    rubrics = rubric_versions(db)
    grouped: dict[str, list[Score]] = defaultdict(list)
    # The same UTC bound as every conversation filter: "2026-10-01" and "...+02:00" both work.
    start = Filters(since=since).start
    rows = score_rows(
        db.conn, rubric_id, session, start, include_drafts=include_drafts, blind_only=blind_only, first_submission=True
    )
    for row in rows:
        rubric_key = (row[3], row[4])  # rubric_id, rubric_version
        grouped[row[3]].append(Score(row[0], row[1], row[2], rubrics[rubric_key], row[11], row[12], bool(row[13])))
    return dict(grouped)


def _note(conversations: int) -> str:
    if conversations < TOO_FEW:
        return f"only {conversations} conversations with two or more reviewers: too little data, figures are noise"
    if conversations < INDICATIVE:
        return f"{conversations} conversations: indicative only (aim for {INDICATIVE} or more)"
    return ""


def calibrate(
    scores: list[Score], benchmark: str | None = None, shrinkage: float = SHRINKAGE, bootstrap: int = 1000
) -> Calibration:
    """Agreement per criterion and for the review score, and leniency offsets."""
    latest = max((s.rubric for s in scores), key=lambda r: r.version)
    # criterion -> conversation -> reviewer -> value (None for N/A): plain floats keep the
    # loops below cheap on a hundred thousand scores.
    by_criterion: dict[str, dict[str, dict[str, float | None]]] = defaultdict(lambda: defaultdict(dict))
    for score in scores:
        value = None if score.na or score.value is None else float(score.value)
        by_criterion[score.criterion][score.conversation_id][score.reviewer] = value
    # One bootstrap resampling of all shared conversations, used by every figure.
    shared = sorted({c for values in by_criterion.values() for c, v in values.items() if len(v) >= 2})
    resampler = _Resampler(shared, bootstrap)
    results = []
    for criterion in latest.criteria:
        per_conversation = by_criterion.get(criterion.id, {})
        results.append(
            _agreement(
                criterion.id,
                criterion.label,
                criterion.max - criterion.min,
                per_conversation,
                benchmark,
                "ordinal",
                resampler,
            )
        )
    review_level = _review_score_agreement(scores, benchmark, resampler)
    offsets, groups, warnings = leniency_offsets(scores, latest, benchmark, shrinkage, by_criterion)
    return Calibration(latest, results, review_level, offsets, groups, warnings)


class _Resampler:
    """How often each shared conversation is drawn in each bootstrap sample."""

    def __init__(self, conversations: list[str], samples: int) -> None:
        self.index = {c: i for i, c in enumerate(conversations)}
        self.samples = samples
        self.draws = _resample_counts(len(conversations), samples, 0) if samples and conversations else None

    def for_units(self, unit_ids: list[str]) -> Any:
        if self.draws is None:
            return None
        columns = [self.index[c] for c in unit_ids]
        if columns == list(range(len(self.index))):
            return self.draws  # the usual case: every shared conversation, in order, no copy
        return self.draws[:, columns]


def _agreement(
    criterion: str,
    label: str,
    span: float,
    per_conversation: dict[str, dict[str, float | None]],
    benchmark: str | None,
    level: str,
    resampler: _Resampler,
) -> CriterionAgreement:
    units: list[list[float]] = []
    unit_ids: list[str] = []
    pairs = exact = within = 0
    na_pairs = na_same = 0
    na_conversations = 0
    alignment: dict[str, list[float]] = defaultdict(list)
    score_of = 100.0 / span if span else 0.0
    for conversation_id, values in per_conversation.items():
        if len(values) < 2:
            continue
        if len(values) == 2 and benchmark is None:
            # The common case, two reviewers and no benchmark, without the general loops.
            (first, a), (second, b) = values.items()
            na_conversations += 1
            na_pairs += 1
            na_same += (a is None) == (b is None)
            if a is None or b is None:
                continue
            units.append([a, b])
            unit_ids.append(conversation_id)
            pairs += 1
            difference = abs(a - b)
            exact += difference == 0
            within += difference <= 1
            aligned = 100.0 - difference * score_of if span else 100.0
            alignment[first].append(aligned)
            alignment[second].append(aligned)
            continue
        na_conversations += 1
        flags = [v is not None for v in values.values()]
        for i in range(len(flags)):
            for j in range(i + 1, len(flags)):
                na_pairs += 1
                na_same += flags[i] == flags[j]
        scored = {r: v for r, v in values.items() if v is not None}
        if len(scored) < 2:
            continue
        numbers = list(scored.values())
        units.append(numbers)  # alpha needs the values of a unit, not who gave them
        unit_ids.append(conversation_id)
        for i in range(len(numbers)):
            for j in range(i + 1, len(numbers)):
                pairs += 1
                difference = abs(numbers[i] - numbers[j])
                exact += difference == 0
                within += difference <= 1
        for reviewer, value in scored.items():
            if benchmark is not None:
                if reviewer == benchmark or benchmark not in scored:
                    continue
                reference = scored[benchmark]
            else:
                others = sorted(v for r, v in scored.items() if r != reviewer)
                middle = len(others) // 2
                reference = others[middle] if len(others) % 2 else (others[middle - 1] + others[middle]) / 2
            alignment[reviewer].append(100 * (1 - abs(value - reference) / span) if span else 100.0)
    conversations = len(units)
    value_alpha = alpha(units, level) if units else None  # type: ignore[arg-type]
    draws = resampler.for_units(unit_ids)
    interval = (
        bootstrap_interval(units, level, samples=resampler.samples, draws=draws)  # type: ignore[arg-type]
        if units and draws is not None and value_alpha is not None
        else None
    )
    return CriterionAgreement(
        criterion=criterion,
        label=label,
        conversations=conversations,
        pairs=pairs,
        exact=exact / pairs if pairs else None,
        within_one=within / pairs if pairs else None,
        alpha=value_alpha,
        alpha_interval=interval,
        alignment={r: (sum(v) / len(v), len(v)) for r, v in alignment.items()},
        na_conversations=na_conversations,
        na_agreement=na_same / na_pairs if na_pairs else None,
        note=_note(conversations),
    )


def _review_score_agreement(
    scores: list[Score], benchmark: str | None, resampler: _Resampler
) -> CriterionAgreement | None:
    by_review: dict[int, list[Score]] = defaultdict(list)
    for score in scores:
        by_review[score.review_id].append(score)
    per_conversation: dict[str, dict[str, float | None]] = defaultdict(dict)
    for review_scores in by_review.values():
        first = review_scores[0]
        result = review_score(first.rubric, {s.criterion: (NA if s.na else s.value) for s in review_scores})
        per_conversation[first.conversation_id][first.reviewer] = result.score
    return _agreement("review_score", "Review score", 100.0, per_conversation, benchmark, "interval", resampler)


def leniency_offsets(
    scores: list[Score],
    rubric: Rubric,
    benchmark: str | None = None,
    shrinkage: float = SHRINKAGE,
    by_criterion: dict[str, dict[str, dict[str, float | None]]] | None = None,
) -> tuple[dict[tuple[str, str], Offset], list[list[str]], list[str]]:
    """Ridge estimates of each reviewer's offset per criterion, centred within linked groups."""
    offsets: dict[tuple[str, str], Offset] = {}
    warnings: list[str] = []
    groups = _linked_groups(scores)
    if len(groups) > 1:
        listed = "; ".join(", ".join(group) for group in groups)
        warnings.append(
            f"reviewers form {len(groups)} groups that share no conversations ({listed}): "
            "offsets are centred within each group and cannot be compared across groups"
        )
    for criterion in rubric.criteria:
        if criterion.binary:
            continue  # binary criteria are not adjusted
        if by_criterion is None:
            by_criterion = defaultdict(lambda: defaultdict(dict))
            for s in scores:
                by_criterion[s.criterion][s.conversation_id][s.reviewer] = (
                    None if s.na or s.value is None else float(s.value)
                )
        rows = [
            (conversation, reviewer, value)
            for conversation, values in by_criterion.get(criterion.id, {}).items()
            if sum(v is not None for v in values.values()) >= 2
            for reviewer, value in values.items()
            if value is not None
        ]
        if not rows:
            continue
        fitted = _ridge(rows, shrinkage)
        for group in groups:
            members = [r for r in group if r in fitted]
            if not members:
                continue
            if benchmark is not None and benchmark in members:
                anchor = fitted[benchmark][0]
            else:
                total = sum(fitted[r][1] for r in members)
                anchor = sum(fitted[r][0] * fitted[r][1] for r in members) / total if total else 0.0
            for reviewer in members:
                value, n, se = fitted[reviewer]
                centred = value - anchor
                offsets[(reviewer, criterion.id)] = Offset(
                    reviewer, criterion.id, centred, n, centred - 1.96 * se, centred + 1.96 * se
                )
    return offsets, groups, warnings


def _ridge(rows: list[tuple[str, str, float]], shrinkage: float) -> dict[str, tuple[float, int, float]]:
    """(conversation, reviewer, score) rows -> reviewer: (offset, shared conversations, standard error)."""
    conversations = {c: i for i, c in enumerate(sorted({c for c, _, _ in rows}))}
    reviewers = {r: i for i, r in enumerate(sorted({r for _, r, _ in rows}))}
    c_index = np.array([conversations[c] for c, _, _ in rows])
    r_index = np.array([reviewers[r] for _, r, _ in rows])
    y = np.array([v for _, _, v in rows], dtype=float)
    per_conversation = np.bincount(c_index, minlength=len(conversations))
    per_reviewer = np.bincount(r_index, minlength=len(reviewers))
    beta = np.zeros(len(reviewers))
    for _ in range(200):
        alpha_c = np.bincount(c_index, weights=y - beta[r_index], minlength=len(conversations)) / per_conversation
        new_beta = np.bincount(r_index, weights=y - alpha_c[c_index], minlength=len(reviewers)) / (
            per_reviewer + shrinkage
        )
        if np.max(np.abs(new_beta - beta)) < 1e-7:
            beta = new_beta
            break
        beta = new_beta
    residual = y - alpha_c[c_index] - beta[r_index]
    dof = max(1, len(y) - len(conversations) - len(reviewers))
    sigma2 = float((residual**2).sum() / dof) if len(y) > len(conversations) else 1.0
    return {
        reviewer: (float(beta[i]), int(per_reviewer[i]), float(np.sqrt(sigma2 / (per_reviewer[i] + shrinkage))))
        for reviewer, i in reviewers.items()
    }


def _linked_groups(scores: list[Score]) -> list[list[str]]:
    """Reviewers joined when they reviewed a conversation in common (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_conversation: dict[str, set[str]] = defaultdict(set)
    for s in scores:
        by_conversation[s.conversation_id].add(s.reviewer)
        find(s.reviewer)
    for reviewers in by_conversation.values():
        first, *rest = sorted(reviewers)
        for other in rest:
            parent[find(other)] = find(first)
    groups: dict[str, list[str]] = defaultdict(list)
    for reviewer in sorted(parent):
        groups[find(reviewer)].append(reviewer)
    return sorted(groups.values(), key=lambda g: (-len(g), g))


def calibrated_value(
    calibration: Calibration | None, rubric: Rubric, reviewer: str, criterion_id: str, value: int | None, na: bool
) -> tuple[float | None, float]:
    """(calibrated score, offset applied): raw - offset, clipped to the scale; N/A and
    binary criteria are not adjusted."""
    if na or value is None:
        return None, 0.0
    criterion = rubric.criterion(criterion_id)
    if calibration is None or criterion.binary:
        return float(value), 0.0
    offset = calibration.offset(reviewer, criterion_id)
    return float(min(criterion.max, max(criterion.min, value - offset))), offset
