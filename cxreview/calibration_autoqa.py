"""AutoQA beside the reviewers in `cxreview calibrate`: its alignment and leniency per criterion,
shown apart and never part of the fit that corrects the humans (docs/calibration.md).

The machine is measured on the conversations people reviewed (blind reviews, first
submissions, reliable criteria only):

- alignment: 100 x (1 - |machine - median of the people's scores| / (max - min)), the figure
  people get against the others' median;
- leniency: the mean of machine - the people's *calibrated* mean on the same conversation
  (their applied offsets taken out), with a 95% interval; + means the machine scores higher;
- exact / within one: the machine's value rounded to the nearest level against each person's.

The model learnt from many of these same reviews, so these figures are in-sample and flatter
it; the cross-validated alpha measured at training is shown next to them for that reason.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from cxreview.calibration import Calibration, Score
from cxreview.store import Database
from cxreview.store.autoqa import active_models, predicted_scores
from cxreview.suggestions import nearest_level

AUTOQA_REVIEWER = "autoqa"  # the name it is listed under; never a person's review


@dataclass
class MachineFigures:
    criterion: str
    label: str
    conversations: int
    alignment: float | None
    leniency: float | None
    low: float | None
    high: float | None
    exact: float | None
    within_one: float | None
    cv_alpha: float | None  # measured at training, cross-validated
    model_reason: str
    # Reviewed conversations with no machine figure: far from training, in a channel or
    # language where AutoQA is not reliable, or not scored yet (said, not silently dropped).
    left_out: int = 0


@dataclass
class Machine:
    """What the figures need from the store for one rubric version."""

    predictions: dict[tuple[str, str], float]  # (conversation, criterion) -> value
    models: dict[str, Any]  # criterion -> ModelSummary of the reliable active model


def load_machine(db: Database, rubric_id: str, version: int) -> Machine:
    """The reliable models' machine scores of one rubric version and the models. The scores
    people are compared on never include accepted suggestions (calibrated.load_scores leaves
    them out), so the machine is never compared with itself."""
    models = {m.criterion: m for m in active_models(db, rubric_id) if m.rubric_version == version and m.reliable}
    if not models:
        return Machine({}, {})
    values = {
        (conversation, criterion): value
        for conversation, criterion, value, _ in predicted_scores(db, rubric_id, version, reliable_only=True)
    }
    return Machine(values, models)


def machine_figures(scores: list[Score], calibration: Calibration, machine: Machine) -> list[MachineFigures]:
    """AutoQA's figures per reliable criterion of the calibrated rubric version."""
    predictions, models = machine.predictions, machine.models
    humans: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for score in scores:
        if score.value is None or score.na:
            continue
        calibrated = score.value - calibration.offset(score.reviewer, score.criterion)
        humans[(score.conversation_id, score.criterion)].append((score.value, calibrated))
    figures = []
    for criterion in calibration.rubric.criteria:
        model = models.get(criterion.id)
        if model is None:
            continue
        span = (criterion.max - criterion.min) or 1
        aligned: list[float] = []
        differences: list[float] = []
        exact: list[bool] = []
        within: list[bool] = []
        left_out = 0
        for (conversation, criterion_id), given in humans.items():
            if criterion_id != criterion.id:
                continue
            predicted = predictions.get((conversation, criterion_id))
            if predicted is None:
                left_out += 1
                continue
            raw = [r for r, _ in given]
            aligned.append(100 * (1 - abs(predicted - statistics.median(raw)) / span))
            differences.append(predicted - statistics.fmean(c for _, c in given))
            level = nearest_level(criterion, predicted)
            exact.extend(level == r for r in raw)
            within.extend(abs(level - r) <= 1 for r in raw)
        n = len(differences)
        mean = statistics.fmean(differences) if n else None
        half = 1.96 * statistics.stdev(differences) / math.sqrt(n) if n >= 2 else None
        figures.append(
            MachineFigures(
                criterion=criterion.id,
                label=criterion.label,
                conversations=n,
                alignment=statistics.fmean(aligned) if aligned else None,
                leniency=mean,
                low=None if mean is None or half is None else mean - half,
                high=None if mean is None or half is None else mean + half,
                exact=statistics.fmean(exact) if exact else None,
                within_one=statistics.fmean(within) if within else None,
                cv_alpha=model.alpha,
                model_reason=model.reason,
                left_out=left_out,
            )
        )
    return figures


def as_json(figures: list[MachineFigures]) -> dict[str, Any]:
    return {
        "reviewer": AUTOQA_REVIEWER,
        "machine": True,
        "in_offsets": False,
        "criteria": [
            {
                "criterion": f.criterion,
                "conversations": f.conversations,
                "alignment": f.alignment,
                "leniency": f.leniency,
                "leniency_95": None if f.low is None else [f.low, f.high],
                "exact_agreement": f.exact,
                "within_one": f.within_one,
                "cross_validated_alpha": f.cv_alpha,
                "model": f.model_reason,
                "left_out": f.left_out,
            }
            for f in figures
        ],
    }
