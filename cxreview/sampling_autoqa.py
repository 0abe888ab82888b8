"""Sessions sampled from AutoQA's machine scores (docs/sampling.md, docs/autoqa.md).

- autoqa-low: the conversations whose predicted score is lowest, over the rubric's *reliable*
  criteria (weighted like the review score, 0-100) or on one criterion (``--criterion``).
  A not-reliable model's low score is noise, so it never decides what people read; nor does
  the score of a conversation outside what the model was trained on (the sample says how
  many candidates that left out).
- uncertain: the conversations the models are least sure of (largest predictive spread relative
  to the scale), from *any* active model, reliable or not: uncertainty sampling is how a model
  that is not reliable yet gets the reviews that teach it most.

Both mix in a share of plain random picks (``--random-share``), as spotlight does, so the
reviewed scores stay representative. A weak model widened to the reviewers' spread piles many
conversations at the scale's ends (1.0): autoqa-low orders them by the value before clipping
(how far below the scale the model puts them), then by the smaller uncertainty; remaining ties
are broken by the seed, so the same seed, data and machine scores give the same session.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from cxreview.autoqa.measure import CALIBRATE, CANNOT_READ, MORE_REVIEWS, advice
from cxreview.errors import NotFoundError, UsageError
from cxreview.rubrics.model import Rubric
from cxreview.store import Database
from cxreview.store import sessions as sql
from cxreview.store.autoqa import active_models, far_conversations, predicted_scores, withheld_conversations
from cxreview.suggestions import past_end

AUTOQA_STRATEGIES = ("autoqa-low", "uncertain")
_NEXT = {
    MORE_REVIEWS: "review more and train again (--strategy uncertain picks the reviews that teach it most)",
    CALIBRATE: "calibrate the rubric first (cxreview calibrate), then review and train again",
    CANNOT_READ: "sample with --strategy spotlight or random: AutoQA cannot rank on what reviewers judge here",
}
SCORE_FIRST = "run 'cxreview autoqa train' and then 'cxreview autoqa score' first"


def models_used(db: Database, rubric: Rubric, strategy: str, criterion: str | None) -> list[int]:
    """The active models whose scores rank the picks (stored with the session)."""
    return [
        m.id
        for m in active_models(db, rubric.id)
        if m.rubric_version == rubric.version
        and (criterion is None or m.criterion == criterion)
        and (m.reliable or strategy == "uncertain")
    ]


def check_criterion(rubric: Rubric, criterion: str | None) -> None:
    if criterion is not None and criterion not in [c.id for c in rubric.criteria]:
        known = ", ".join(c.id for c in rubric.criteria)
        raise UsageError(f'rubric "{rubric.id}" has no criterion "{criterion}"', f"use one of {known}")


def ranked(db: Database, rubric: Rubric, strategy: str, criterion: str | None, rng: random.Random) -> list[Any]:
    """(conversation id, reason) from most to least wanted; ties in the order the seed gives."""
    reliable_only = strategy == "autoqa-low"
    rows = predicted_scores(
        db,
        rubric.id,
        rubric.version,
        reliable_only=reliable_only,
        criterion=criterion,
        far_too=not reliable_only,
        unclipped=reliable_only,
    )
    if not rows:
        raise _no_scores(db, rubric, strategy, criterion)
    by_conversation: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for conversation_id, criterion_id, value, uncertainty in rows:
        by_conversation[conversation_id][criterion_id] = (value, uncertainty)
    scales = {c.id: c for c in rubric.criteria}
    typical = _typical_spread(rows) if strategy == "uncertain" else {}
    keyed = []
    for conversation_id in sorted(by_conversation):  # a fixed order before the seed's tie-break
        predicted = {k: v for k, v in by_conversation[conversation_id].items() if k in scales}
        if not predicted:
            continue
        if strategy == "autoqa-low":
            key, reason = _low(predicted, scales)
        else:
            key, reason = _uncertain(predicted, scales, typical)
        keyed.append((key, rng.random(), conversation_id, reason))
    keyed.sort()
    return [(conversation_id, reason) for _, _, conversation_id, reason in keyed]


def _low(predicted: dict[str, tuple[float, float]], scales: dict[str, Any]) -> tuple[tuple[float, float], str]:
    """Lowest first: the predicted review score (0-100, the rubric's weights) over the criteria,
    from the values before clipping (``predicted`` holds those), so conversations the model puts
    below the scale are ordered by how far; then the surer one first (smaller relative spread).
    The reason shows the score as on the scale, and says when a value was past its end."""
    total = weighted = shown = spread_sum = 0.0
    for criterion_id, (value, spread) in predicted.items():
        scale = scales[criterion_id]
        span = (scale.max - scale.min) or 1
        share = (value - scale.min) / span
        total += scale.weight
        weighted += scale.weight * share * 100
        shown += scale.weight * min(1.0, max(0.0, share)) * 100
        spread_sum += spread / span
    key = weighted / total if total else 0.0
    score = shown / total if total else 0.0
    lowest_id = min(predicted, key=lambda c: (predicted[c][0] - scales[c].min) / ((scales[c].max - scales[c].min) or 1))
    value, spread = predicted[lowest_id]
    scale = scales[lowest_id]
    on_scale = min(float(scale.max), max(float(scale.min), value))
    # Piled at the end: say how far below the model puts it.
    detail = f"{scale.label} {on_scale:.1f} ±{spread:.1f}" + past_end(scale.min, scale.max, value)
    if len(predicted) == 1:
        return (key, spread_sum), f"AutoQA predicts {detail}"
    return (key, spread_sum), f"AutoQA predicts {score:.0f}/100 (lowest: {detail})"


# A criterion whose largest spread is less than this many times its smallest tells the
# conversations apart by noise (a model that learnt nothing has the same ± everywhere).
_INFORMATIVE = 1.1


def _typical_spread(rows: list[Any]) -> dict[str, float | None]:
    """criterion -> its median spread over the scored conversations, or None when the spread
    barely varies (then it cannot say which conversation the model is least sure of)."""
    spreads: dict[str, list[float]] = defaultdict(list)
    for _, criterion_id, _, uncertainty in rows:
        spreads[criterion_id].append(float(uncertainty))
    out: dict[str, float | None] = {}
    for criterion_id, values in spreads.items():
        values.sort()
        low, high = values[0], values[-1]
        out[criterion_id] = values[len(values) // 2] if low > 0 and high >= _INFORMATIVE * low else None
    return out


def _uncertain(
    predicted: dict[str, tuple[float, float]], scales: dict[str, Any], typical: dict[str, float | None]
) -> tuple[tuple[float, float], str]:
    """Least sure first: the largest spread relative to that criterion's usual spread, so the
    reason names the criterion that drove the pick; criteria whose spread barely varies are
    left out of the ranking (they would name themselves on every pick)."""
    relative = {c: sd / typ for c, (_, sd) in predicted.items() if (typ := typical.get(c))}
    if not relative:
        label = ", ".join(f"{scales[c].label} ±{sd:.1f}" for c, (_, sd) in predicted.items())
        return (0.0, 0.0), f"AutoQA about as unsure everywhere ({label}): a random pick among them"
    worst = max(relative, key=lambda c: relative[c])
    usual = typical[worst] or 0.0
    reason = f"AutoQA least sure: {scales[worst].label} ±{predicted[worst][1]:.2f} (usually ±{usual:.2f})"
    return (-relative[worst], 0.0), reason


def _no_scores(db: Database, rubric: Rubric, strategy: str, criterion: str | None) -> Exception:
    """Why there is nothing to rank, in one line with its fix."""
    models = [m for m in active_models(db, rubric.id) if m.rubric_version == rubric.version]
    if criterion is not None:
        models = [m for m in models if m.criterion == criterion]
    what = f'rubric "{rubric.id}" version {rubric.version}' + (f", criterion {criterion}" if criterion else "")
    if not models:
        older = sorted({m.rubric_version for m in active_models(db, rubric.id)})
        if older:  # a version bump starts AutoQA afresh: training now cannot help yet
            return NotFoundError(
                f"no AutoQA model for {what}: models are per rubric version (there are some for version "
                f"{', '.join(map(str, older))})",
                f"review with version {rubric.version} until it has 30 scores per criterion, then run "
                "'cxreview autoqa train' and 'cxreview autoqa score'; or sample with another strategy meanwhile",
            )
        return NotFoundError(f"no AutoQA model for {what}", SCORE_FIRST)
    if strategy == "autoqa-low" and not any(m.reliable for m in models):
        reasons = "; ".join(f"{m.criterion}: {m.reason}" for m in models[:3])
        # The fix follows the verdict's own advice (cxreview.autoqa.measure.advice), per case.
        cases = {advice(m.alpha, m.alpha_high, m.reviewers_alpha, m.n_conversations) for m in models}
        return NotFoundError(
            f"no reliable AutoQA model for {what} ({reasons}); autoqa-low ranks on reliable criteria only",
            "; ".join(_NEXT[case] for case in (MORE_REVIEWS, CALIBRATE, CANNOT_READ) if case in cases),
        )
    if strategy == "autoqa-low" and far_conversations(db, rubric.id, rubric.version, criterion=criterion):
        return NotFoundError(
            f"every conversation AutoQA scored for {what} lies outside what it was trained on",
            "review some of them (--strategy uncertain or random) and train again",
        )
    if strategy == "autoqa-low" and withheld_conversations(db, rubric.id, rubric.version, criterion=criterion):
        return NotFoundError(
            f"every conversation AutoQA scored for {what} is of a channel or language where it is not reliable",
            "sample them with --strategy random or uncertain and score them yourself",
        )
    return NotFoundError(f"no AutoQA scores for {what}", "run 'cxreview autoqa score' first")


def coverage_notes(
    db: Database, candidates: Any, order: list[Any], rubric: Rubric, strategy: str, criterion: str | None
) -> list[str]:
    """Say so when the active models' scores cover only part of the candidates: the ranking
    then only sees the scored ones (after a retrain, or a score run with filters); and, for
    autoqa-low, how many candidates lie outside what AutoQA was trained on (not ranked: their
    predicted score is not backed, so "lowest" would mean nothing there)."""
    rows = candidates.look_up(sql.filtered_candidates(db.conn, *candidates.scope()))
    wanted = {row["id"] for row in rows if candidates.accepts(row)}
    far: set[str] = set()
    withheld: dict[str, str] = {}
    if strategy == "autoqa-low":
        far = wanted & far_conversations(db, rubric.id, rubric.version, criterion=criterion)
        found = withheld_conversations(db, rubric.id, rubric.version, criterion=criterion)
        withheld = {c: where for c, where in found.items() if c in wanted and c not in far}
    rankable = wanted & {conversation_id for conversation_id, _ in order}
    if (far or withheld) and not rankable:  # a session of random picks under the name autoqa-low would mislead
        what = f'rubric "{rubric.id}" version {rubric.version}' + (f", criterion {criterion}" if criterion else "")
        unscored = len(wanted - far - withheld.keys())
        fix = "review some of them (--strategy uncertain or random) and train again, or widen the filters"
        if not withheld:
            raise NotFoundError(
                f"every candidate AutoQA scored for {what} lies outside what it was trained on ({len(far)} of "
                f"{len(wanted)}{f'; {unscored} not scored' if unscored else ''}): none can be ranked",
                fix,
            )
        why = [f"{len(far)} outside what it was trained on"] * bool(far) + [
            f"{len(withheld)} in {', '.join(sorted(set(withheld.values())))}, where it is not reliable"
        ] * bool(withheld)
        raise NotFoundError(
            f"no candidate AutoQA scored for {what} can be ranked ({'; '.join(why)}; of {len(wanted)}"
            f"{f', {unscored} not scored' if unscored else ''})",
            fix,
        )
    scored = rankable | far | withheld.keys()
    notes = []
    if len(scored) < len(wanted):
        notes.append(
            f"AutoQA scores cover {len(scored)} of {len(wanted)} candidates: the others could not be ranked; "
            "run 'cxreview autoqa score' to rank them all"
        )
    if far:
        notes.append(
            f"{len(far)} of {len(wanted)} candidates lie outside what AutoQA was trained on (unlike every reviewed "
            "conversation): not ranked by their predicted score, which is not backed; review some of them "
            "(--strategy uncertain or random) and train again"
        )
    if withheld:
        notes.append(
            f"{len(withheld)} of {len(wanted)} candidates are in {', '.join(sorted(set(withheld.values())))}, "
            "where AutoQA is not reliable: not ranked by their predicted score; sample them with --strategy "
            "random or uncertain"
        )
    return notes


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
