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
# Below this the ridge no longer pins the offsets down: at 0 only their differences are defined
# (any constant can move between conversation and reviewer effects), and negative values reward
# large offsets. 1 means one conversation's worth of pull toward zero.
MIN_SHRINKAGE = 1.0
APPLY_MIN_CONVERSATIONS = TOO_FEW  # the evidence rule: shared conversations an applied offset needs


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
    """A reviewer's estimated offset on a criterion, and what is applied to their scores."""

    reviewer: str
    criterion: str
    offset: float
    n: int
    low: float
    high: float
    applied: float = 0.0  # ``offset`` when the evidence supports it, else 0
    reason: str = ""  # why it is or is not applied, in words for the export


def evidence(offset: float, n: int, low: float, high: float) -> tuple[bool, str]:
    """The rule for applying an offset: at least ``APPLY_MIN_CONVERSATIONS`` shared
    conversations *and* a 95% interval that excludes zero. Anything less is noise the
    tool itself would warn about, and applying it would move pass/fail on noise."""
    if n < APPLY_MIN_CONVERSATIONS:
        return False, f"not applied: {n} shared conversations, {APPLY_MIN_CONVERSATIONS} needed"
    if low <= 0 <= high:
        return False, f"not applied: 95% interval [{low:+.2f}, {high:+.2f}] includes 0"
    return True, f"applied: {offset:+.2f}, 95% interval [{low:+.2f}, {high:+.2f}], n={n}"


@dataclass
class Calibration:
    rubric: Rubric
    criteria: list[CriterionAgreement]
    review_score: CriterionAgreement | None
    offsets: dict[tuple[str, str], Offset]
    groups: list[list[str]]
    warnings: list[str] = field(default_factory=list)

    def offset(self, reviewer: str, criterion: str) -> float:
        """The offset applied to this reviewer's scores on this criterion (0 without evidence)."""
        found = self.offsets.get((reviewer, criterion))
        return found.applied if found else 0.0

    def reason(self, reviewer: str, criterion: str) -> str:
        found = self.offsets.get((reviewer, criterion))
        return found.reason if found else "not applied: shares no scored conversation with another reviewer"


RubricKey = tuple[str, int]  # (rubric id, version)


def load_scores(
    db: Database,
    rubric_id: str | None = None,
    session: str | None = None,
    since: str | None = None,
    blind_only: bool = True,
    include_drafts: bool = False,
) -> dict[RubricKey, list[Score]]:
    """Scores grouped by (rubric id, version), versions never pooled: each reviewer's own first
    submission (docs/calibration.md)."""
    rubrics = rubric_versions(db)
    grouped: dict[RubricKey, list[Score]] = defaultdict(list)
    # The same UTC bound as every conversation filter: "2026-10-01" and "...+02:00" both work.
    start = Filters(since=since).start
    rows = score_rows(
        db.conn, rubric_id, session, start, include_drafts=include_drafts, blind_only=blind_only, first_submission=True
    )
    for row in rows:
        rubric_key = (row[3], row[4])  # rubric_id, rubric_version
        grouped[rubric_key].append(Score(row[0], row[1], row[2], rubrics[rubric_key], row[11], row[12], bool(row[13])))
    return dict(grouped)


def check_shrinkage(shrinkage: float) -> None:
    from cxreview.errors import UsageError

    if not shrinkage >= MIN_SHRINKAGE:  # also refuses NaN
        raise UsageError(
            f"--shrinkage must be at least {MIN_SHRINKAGE:g} (got {shrinkage:g})",
            f"use {SHRINKAGE:g} (the default), or a value from {MIN_SHRINKAGE:g} up",
        )


def _note(conversations: int) -> str:
    if conversations < TOO_FEW:
        return f"only {conversations} conversations with two or more reviewers: too little data, figures are noise"
    if conversations < INDICATIVE:
        return f"{conversations} conversations: indicative only (aim for {INDICATIVE} or more)"
    return ""


def calibrate(
    scores: list[Score], benchmark: str | None = None, shrinkage: float = SHRINKAGE, bootstrap: int = 1000
) -> Calibration:
    """Agreement per criterion and for the review score, and leniency offsets, for the
    scores of one rubric version."""
    check_shrinkage(shrinkage)
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
    per_conversation: dict[str, dict[str, float | None]] = defaultdict(dict)
    for conversation, reviewer, score in _review_scores(scores):
        per_conversation[conversation][reviewer] = score
    return _agreement("review_score", "Review score", 100.0, per_conversation, benchmark, "interval", resampler)


def _review_scores(scores: list[Score]) -> list[tuple[str, str, float | None]]:
    """(conversation, reviewer, review score) per review, by the formula of rubrics/scoring.py.

    Scores of one rubric version (the usual case) are scored with numpy in one pass: on a
    hundred thousand scores, a review_score() call per review was a quarter of calibrate()."""
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
    criteria = rubric.criteria
    position = {c.id: i for i, c in enumerate(criteria)}
    weight = np.array([c.weight for c in criteria] + [0.0])  # the extra slot: criteria not in the rubric
    low = np.array([c.min for c in criteria] + [0.0], dtype=float)
    span = np.array([c.max - c.min for c in criteria] + [1.0], dtype=float)
    zero_below = np.array(
        [float(c.critical.below) if c.critical and c.critical.effect == "zero" else -np.inf for c in criteria]
        + [-np.inf]
    )
    review_ids, first, review_index = np.unique(
        np.fromiter((s.review_id for s in scores), dtype=np.int64, count=len(scores)),
        return_index=True,
        return_inverse=True,
    )
    column = np.fromiter((position.get(s.criterion, len(criteria)) for s in scores), dtype=np.int64, count=len(scores))
    value = np.fromiter(
        (np.nan if s.na or s.value is None else s.value for s in scores), dtype=float, count=len(scores)
    )
    scored = ~np.isnan(value)
    weights = np.where(scored, weight[column], 0.0)
    normalised = np.where(scored, (np.nan_to_num(value) - low[column]) / span[column] * 100.0, 0.0)
    total = np.bincount(review_index, weights=weights, minlength=len(review_ids))
    weighted = np.bincount(review_index, weights=weights * normalised, minlength=len(review_ids))
    zeroed = np.bincount(review_index, weights=scored & (value < zero_below[column]), minlength=len(review_ids))
    result = np.where(zeroed > 0, 0.0, weighted / np.where(total > 0, total, 1.0))
    return [
        (scores[i].conversation_id, scores[i].reviewer, float(r) if t > 0 else None)
        for i, r, t in zip(first.tolist(), result.tolist(), total.tolist(), strict=True)
    ]


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
            members = [r for r in group if r in fitted.index]
            if not members:
                continue
            positions = [fitted.index[r] for r in members]
            # The anchor is a weighted mean of the group's offsets (the benchmark alone, or
            # weights n): centred offset = (e_r - w) . beta, its variance (e_r - w)' C (e_r - w).
            weights = np.zeros(len(fitted.index))
            if benchmark is not None and benchmark in members:
                weights[fitted.index[benchmark]] = 1.0
            else:
                counts = fitted.n[positions].astype(float)
                weights[positions] = counts / counts.sum() if counts.sum() else 1.0 / len(positions)
            anchor = float(weights @ fitted.beta)
            for reviewer, position in zip(members, positions, strict=True):
                contrast = -weights.copy()
                contrast[position] += 1.0
                centred = float(fitted.beta[position]) - anchor
                se = float(np.sqrt(max(0.0, contrast @ fitted.covariance @ contrast)))
                n = int(fitted.n[position])
                low, high = centred - 1.96 * se, centred + 1.96 * se
                applies, reason = evidence(centred, n, low, high)
                if benchmark is not None and reviewer == benchmark:
                    applies, reason = False, "not applied: the benchmark reviewer is the reference"
                offsets[(reviewer, criterion.id)] = Offset(
                    reviewer, criterion.id, centred, n, low, high, centred if applies else 0.0, reason
                )
    return offsets, groups, warnings


@dataclass
class _Fit:
    index: dict[str, int]  # reviewer -> position
    beta: Any  # offsets before centring
    n: Any  # shared conversations per reviewer
    covariance: Any  # of beta: sigma^2 (A^-1)


def _ridge(rows: list[tuple[str, str, float]], shrinkage: float) -> _Fit:
    """(conversation, reviewer, score) rows -> the exact ridge solution.

    Minimising sum (y - a_c - b_r)^2 + shrinkage * sum b_r^2 over the free conversation
    effects a_c gives a_c = mean over c of (y - b_r); put back, the offsets solve the
    reviewer-sized system  (D_r + shrinkage I - N' D_c^-1 N) b = s_r - N' D_c^-1 s_c,
    with N the conversation x reviewer count matrix, D the counts and s the score sums.
    One ``numpy.linalg.solve`` of a reviewers x reviewers matrix: exact, no iterations.
    """
    conversations = {c: i for i, c in enumerate(sorted({c for c, _, _ in rows}))}
    reviewers = {r: i for i, r in enumerate(sorted({r for _, r, _ in rows}))}
    c_index = np.fromiter((conversations[c] for c, _, _ in rows), dtype=np.int64, count=len(rows))
    r_index = np.fromiter((reviewers[r] for _, r, _ in rows), dtype=np.int64, count=len(rows))
    y = np.fromiter((v for _, _, v in rows), dtype=float, count=len(rows))
    n_c, n_r = len(conversations), len(reviewers)
    per_conversation = np.bincount(c_index, minlength=n_c).astype(float)
    per_reviewer = np.bincount(r_index, minlength=n_r).astype(float)
    # N' D_c^-1 N summed over the pairs of scores within a conversation (a handful each), so
    # memory grows with the scores, not with conversations x reviewers.
    order = np.argsort(c_index, kind="stable")
    c_sorted, r_sorted = c_index[order], r_index[order]
    pair_weights = np.zeros(n_r * n_r)
    for distance in range(int(per_conversation.max())):
        same = c_sorted[: len(c_sorted) - distance] == c_sorted[distance:]
        first, second = r_sorted[: len(r_sorted) - distance][same], r_sorted[distance:][same]
        weight = 1.0 / per_conversation[c_sorted[distance:][same]]
        pair_weights += np.bincount(first * n_r + second, weights=weight, minlength=n_r * n_r)
        if distance:
            pair_weights += np.bincount(second * n_r + first, weights=weight, minlength=n_r * n_r)
    system = np.diag(per_reviewer + shrinkage) - pair_weights.reshape(n_r, n_r)
    conversation_mean = np.bincount(c_index, weights=y, minlength=n_c) / per_conversation
    rhs = np.bincount(r_index, weights=y - conversation_mean[c_index], minlength=n_r)
    beta = np.linalg.solve(system, rhs)
    effects = np.bincount(c_index, weights=y - beta[r_index], minlength=n_c) / per_conversation
    residual = y - effects[c_index] - beta[r_index]
    dof = len(y) - n_c - n_r + 1  # one constant is shared between the two sets of effects
    sigma2 = float((residual**2).sum() / dof) if dof > 0 else 1.0
    return _Fit(reviewers, beta, per_reviewer.astype(int), sigma2 * np.linalg.inv(system))


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
    # A few dozen distinct teams of reviewers cover thousands of conversations: join each once.
    teams = {tuple(sorted(reviewers)) for reviewers in by_conversation.values()}
    for first, *rest in teams:
        find(first)
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
