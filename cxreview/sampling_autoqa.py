"""Sessions sampled from AutoQA's machine scores (docs/sampling.md, docs/autoqa.md).

- autoqa-low: the conversations whose predicted score is lowest, over the rubric's *reliable*
  criteria (weighted like the review score, 0-100) or on one criterion (``--criterion``).
  A not-reliable model's low score is noise, so it never decides what people read.
- uncertain: the conversations the models are least sure of (largest predictive spread relative
  to the scale), from *any* active model, reliable or not: uncertainty sampling is how a model
  that is not reliable yet gets the reviews that teach it most.

Both mix in a share of plain random picks (``--random-share``), as spotlight does, so the
reviewed scores stay representative; ties in the ranking are broken by the seed, so the same
seed, data and machine scores give the same session.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from cxreview.errors import NotFoundError, UsageError
from cxreview.rubrics.model import Rubric
from cxreview.store import Database
from cxreview.store import sessions as sql
from cxreview.store.autoqa import active_models, predicted_scores

AUTOQA_STRATEGIES = ("autoqa-low", "uncertain")
SCORE_FIRST = "run 'cxreview autoqa train' and then 'cxreview autoqa score' first"


def check_criterion(rubric: Rubric, criterion: str | None) -> None:
    if criterion is not None and criterion not in [c.id for c in rubric.criteria]:
        known = ", ".join(c.id for c in rubric.criteria)
        raise UsageError(f'rubric "{rubric.id}" has no criterion "{criterion}"', f"use one of {known}")


def ranked(db: Database, rubric: Rubric, strategy: str, criterion: str | None, rng: random.Random) -> list[Any]:
    """(conversation id, reason) from most to least wanted; ties in the order the seed gives."""
    reliable_only = strategy == "autoqa-low"
    rows = predicted_scores(db, rubric.id, rubric.version, reliable_only=reliable_only, criterion=criterion)
    if not rows:
        raise _no_scores(db, rubric, strategy, criterion)
    by_conversation: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for conversation_id, criterion_id, value, uncertainty in rows:
        by_conversation[conversation_id][criterion_id] = (value, uncertainty)
    scales = {c.id: c for c in rubric.criteria}
    keyed = []
    for conversation_id in sorted(by_conversation):  # a fixed order before the seed's tie-break
        predicted = {k: v for k, v in by_conversation[conversation_id].items() if k in scales}
        if not predicted:
            continue
        key, reason = (_low if strategy == "autoqa-low" else _uncertain)(predicted, scales)
        keyed.append((key, rng.random(), conversation_id, reason))
    keyed.sort()
    return [(conversation_id, reason) for _, _, conversation_id, reason in keyed]


def _low(predicted: dict[str, tuple[float, float]], scales: dict[str, Any]) -> tuple[float, str]:
    """Lowest first: the predicted review score (0-100, the rubric's weights) over the criteria."""
    total = weighted = 0.0
    for criterion_id, (value, _) in predicted.items():
        scale = scales[criterion_id]
        span = (scale.max - scale.min) or 1
        share = min(1.0, max(0.0, (value - scale.min) / span))
        total += scale.weight
        weighted += scale.weight * share * 100
    score = weighted / total if total else 0.0
    lowest_id = min(predicted, key=lambda c: (predicted[c][0] - scales[c].min) / ((scales[c].max - scales[c].min) or 1))
    value, spread = predicted[lowest_id]
    detail = f"{scales[lowest_id].label} {value:.1f} ±{spread:.1f}"
    if len(predicted) == 1:
        return score, f"AutoQA predicts {detail}"
    return score, f"AutoQA predicts {score:.0f}/100 (lowest: {detail})"


def _uncertain(predicted: dict[str, tuple[float, float]], scales: dict[str, Any]) -> tuple[float, str]:
    """Least sure first: the mean spread relative to each scale (a 1-10 scale's ±1 is a 1-5's ±0.5)."""
    relative = {c: sd / ((scales[c].max - scales[c].min) or 1) for c, (_, sd) in predicted.items()}
    worst = max(relative, key=lambda c: relative[c])
    scale = scales[worst]
    spread = predicted[worst][1]
    mean = sum(relative.values()) / len(relative)
    return -mean, f"AutoQA least sure: {scale.label} ±{spread:.1f} on {scale.min}-{scale.max}"


def _no_scores(db: Database, rubric: Rubric, strategy: str, criterion: str | None) -> Exception:
    """Why there is nothing to rank, in one line with its fix."""
    models = [m for m in active_models(db, rubric.id) if m.rubric_version == rubric.version]
    if criterion is not None:
        models = [m for m in models if m.criterion == criterion]
    what = f'rubric "{rubric.id}" version {rubric.version}' + (f", criterion {criterion}" if criterion else "")
    if not models:
        return NotFoundError(f"no AutoQA model for {what}", SCORE_FIRST)
    if strategy == "autoqa-low" and not any(m.reliable for m in models):
        reasons = "; ".join(f"{m.criterion}: {m.reason}" for m in models[:3])
        return NotFoundError(
            f"no reliable AutoQA model for {what} ({reasons}); autoqa-low ranks on reliable criteria only",
            "train again once more reviews are in, or use --strategy uncertain (it asks for those reviews)",
        )
    return NotFoundError(f"no AutoQA scores for {what}", "run 'cxreview autoqa score' first")


def targeted(db: Database, candidates: Any, order: list[Any], count: int) -> list[tuple[str, str, str | None]]:
    """The first ``count`` conversations of ``order`` that pass the filters: (id, reason, agent)."""
    picks: list[tuple[str, str, str | None]] = []
    for conversation_id, reason in order:
        if len(picks) == count:
            break
        row = sql.conversation_by_id(db.conn, conversation_id)
        if row is not None and candidates.accepts(row):
            candidates.chosen.add(row["id"])
            picks.append((row["id"], reason, row["agent"]))
    return picks
