"""Leniency offsets: the ridge model behind calibration, and applying an offset to a score.

Kept apart from agreement figures (calibration.py) so that storing calibrated scores after a
review is submitted (calibrated.py) sits below the review model in the pipeline layers. The
model and its evidence rule are described in calibration.py and docs/calibration.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from cxreview.agreement import dedupe_last
from cxreview.rubrics.model import Rubric

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


class AppliesOffsets(Protocol):
    """What applying offsets needs: a fitted calibration, or offsets read back from the store."""

    def offset(self, reviewer: str, criterion: str) -> float: ...

    def reason(self, reviewer: str, criterion: str) -> str: ...


class OffsetLookup:
    """``offset`` and ``reason`` by (reviewer, criterion), for classes with an ``offsets`` dict."""

    offsets: dict[tuple[str, str], Offset]

    def offset(self, reviewer: str, criterion: str) -> float:
        """The offset applied to this reviewer's scores on this criterion (0 without evidence)."""
        found = self.offsets.get((reviewer, criterion))
        return found.applied if found else 0.0

    def reason(self, reviewer: str, criterion: str) -> str:
        found = self.offsets.get((reviewer, criterion))
        return found.reason if found else "not applied: shares no scored conversation with another reviewer"


@dataclass
class Offsets(OffsetLookup):
    """Offsets alone, without agreement figures (stored scores, exports)."""

    offsets: dict[tuple[str, str], Offset]


@dataclass
class _Table:
    """The scores as parallel arrays: codes for conversations, reviewers and criteria, the
    review id and the value (NaN for N/A). ``keep`` picks one entry per conversation,
    reviewer and criterion (the last wins), what the agreement figures and offsets use."""

    conversations: dict[str, int]
    reviewer_codes: dict[str, int]
    reviewers: list[str]
    criteria: dict[str, int]
    review_id: Any
    conversation: Any
    reviewer: Any
    criterion_code: Any
    value: Any
    keep: Any

    @classmethod
    def of(cls, scores: list[Score]) -> _Table:
        conversations: dict[str, int] = {}
        reviewers: dict[str, int] = {}
        criteria: dict[str, int] = {}
        conversation = [conversations.setdefault(s.conversation_id, len(conversations)) for s in scores]
        reviewer = [reviewers.setdefault(s.reviewer, len(reviewers)) for s in scores]
        criterion = [criteria.setdefault(s.criterion, len(criteria)) for s in scores]
        codes = np.array([conversation, reviewer, criterion], dtype=np.int64).reshape(3, len(scores))
        review_id = np.array([s.review_id for s in scores], dtype=np.int64)
        value = np.array([np.nan if s.na or s.value is None else s.value for s in scores], dtype=np.float64)
        keep = dedupe_last(codes[2], codes[0], codes[1])
        return cls(
            conversations, reviewers, list(reviewers), criteria, review_id, codes[0], codes[1], codes[2], value, keep
        )

    def criterion(self, criterion_id: str) -> tuple[Any, Any, Any]:
        """(conversation, reviewer, value) arrays of one criterion, one entry per reviewer."""
        kept = self.keep[self.criterion_code[self.keep] == self.criteria.get(criterion_id, -1)]
        return self.conversation[kept], self.reviewer[kept], self.value[kept]


def leniency_offsets(
    scores: list[Score],
    rubric: Rubric,
    benchmark: str | None = None,
    shrinkage: float = SHRINKAGE,
    table: _Table | None = None,
) -> tuple[dict[tuple[str, str], Offset], list[list[str]], list[str]]:
    """Ridge estimates of each reviewer's offset per criterion, centred within linked groups."""
    offsets: dict[tuple[str, str], Offset] = {}
    warnings: list[str] = []
    if table is None:
        table = _Table.of(scores)
    groups = _linked_groups(table)
    if len(groups) > 1:
        listed = "; ".join(", ".join(group) for group in groups)
        warnings.append(
            f"reviewers form {len(groups)} groups that share no conversations ({listed}): "
            "offsets are centred within each group and cannot be compared across groups"
        )
    for criterion in rubric.criteria:
        if criterion.binary:
            continue  # binary criteria are not adjusted
        conversation, reviewer, value = table.criterion(criterion.id)
        scored = ~np.isnan(value)
        # Only conversations with two or more scored values say anything about leniency.
        per_conversation = np.bincount(conversation[scored], minlength=len(table.conversations))
        keep = scored & (per_conversation[conversation] >= 2)
        if not keep.any():
            continue
        fitted = _ridge_arrays(conversation[keep], reviewer[keep], value[keep], shrinkage, table.reviewers)
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
    """(conversation, reviewer, score) rows -> the exact ridge solution (see _ridge_arrays)."""
    conversations: dict[str, int] = {}
    reviewers = {r: i for i, r in enumerate(sorted({r for _, r, _ in rows}))}  # beta in name order
    n = len(rows)
    c_index = np.fromiter((conversations.setdefault(c, len(conversations)) for c, _, _ in rows), np.int64, n)
    r_index = np.fromiter((reviewers[r] for _, r, _ in rows), np.int64, n)
    y = np.fromiter((v for _, _, v in rows), dtype=float, count=n)
    return _ridge_arrays(c_index, r_index, y, shrinkage, list(reviewers))


def _ridge_arrays(conversation: Any, reviewer: Any, y: Any, shrinkage: float, names: list[str]) -> _Fit:
    """Coded (conversation, reviewer, score) arrays -> the exact ridge solution.

    Minimising sum (y - a_c - b_r)^2 + shrinkage * sum b_r^2 over the free conversation
    effects a_c gives a_c = mean over c of (y - b_r); put back, the offsets solve the
    reviewer-sized system  (D_r + shrinkage I - N' D_c^-1 N) b = s_r - N' D_c^-1 s_c,
    with N the conversation x reviewer count matrix, D the counts and s the score sums.
    One ``numpy.linalg.solve`` of a reviewers x reviewers matrix: exact, no iterations.
    """
    conversations, c_index = np.unique(conversation, return_inverse=True)
    reviewers, r_index = np.unique(reviewer, return_inverse=True)
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
    index = {names[int(r)]: i for i, r in enumerate(reviewers)}
    return _Fit(index, beta, per_reviewer.astype(int), sigma2 * np.linalg.inv(system))


def _linked_groups(table: _Table) -> list[list[str]]:
    """Reviewers joined when they reviewed a conversation in common (union-find over the
    few distinct pairs of reviewers that share a conversation)."""
    n = len(table.reviewers)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order = np.lexsort((table.reviewer, table.conversation))
    conversation, reviewer = table.conversation[order], table.reviewer[order]
    if len(conversation):
        # Each reviewer of a conversation joins its first reviewer: that links them all.
        starts = np.r_[0, np.flatnonzero(np.diff(conversation)) + 1]
        first = np.repeat(reviewer[starts], np.diff(np.r_[starts, len(conversation)]))
        for edge in np.unique(first * n + reviewer).tolist():
            parent[find(edge % n)] = find(edge // n)
    groups: dict[int, list[str]] = defaultdict(list)
    for code, name in sorted(enumerate(table.reviewers), key=lambda item: item[1]):
        groups[find(code)].append(name)
    return sorted(groups.values(), key=lambda g: (-len(g), g))


def calibrated_value(
    calibration: AppliesOffsets | None, rubric: Rubric, reviewer: str, criterion_id: str, value: int | None, na: bool
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
