"""AutoQA suggestions in a review: which ones may be shown, and what accepting them writes.

Headless (the review screen is one front end): the screen asks :func:`shown` what to show,
:func:`plan_accept` what `a` would write and :func:`describe` how to say it. Rules:

- only a *reliable* model's value is a figure (a not-reliable one is at most named as such);
- blind calibration sessions never get suggestions: seeing the machine's score first would
  anchor the reviewer and spoil the agreement being measured;
- accepting never overwrites a score (or N/A) the reviewer already gave;
- a reliable model can still be unsure of one conversation (one unlike those it learnt from):
  a suggestion whose uncertainty is wider than one level (a quarter of the scale on scales
  longer than 1-5) could as well be the next level up or down, so it is shown as unsure,
  without a figure, and `a` leaves that criterion to the reviewer;
- a conversation unlike every one the model was trained on (another channel, language or flow:
  ``far``, see cxreview/autoqa/model.py) gets no figure either: the model cannot back it;
- nor does one of a channel or language on which the model measurably does not agree with the
  reviewers (``withheld``, see cxreview/autoqa/segments.py), though it is reliable overall.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cxreview.rubrics.model import Criterion
from cxreview.store import suggestions as store
from cxreview.store.connection import Database

# Appended to an AutoQA pick's "why picked" once a model that ranked it has been replaced.
OLDER_MODEL = " (from an older AutoQA model: see the suggestion on screen for the current one)"


@dataclass(frozen=True)
class AcceptPlan:
    """What `a` would do: the levels to write and the criteria left alone, with why."""

    levels: dict[str, int]  # criterion id -> level to write (rounded suggestion)
    kept: list[str]  # labels of criteria already scored by the reviewer
    not_reliable: list[str]  # labels of criteria whose model is not reliable
    unsure: list[str] = field(default_factory=list)  # "Empathy: AutoQA unsure (±1.5)"


def nearest_level(criterion: Criterion, value: float) -> int:
    """The scale's level nearest to a predicted value (clipped to the scale). A value halfway
    between two levels goes to the lower one: a suggestion should never flatter an agent."""
    return min(criterion.levels, key=lambda level: (abs(level - value), level))


def unsure_above(criterion: Criterion) -> float:
    """The widest uncertainty a suggestion of ``criterion`` may have and still be accepted:
    one level, or a quarter of the scale when that is more (1-10: 2.25)."""
    return max(1.0, (criterion.max - criterion.min) / 4)


def past_end(low: float, high: float, unclipped: float | None) -> str:
    """A note such as " (model value -0.4, below the scale's 1)" when the model's value lies past
    an end of the scale, where the value shown is clipped to that end (1.0 may stand for anything
    from 1.0 down); else an empty string. Both figures are named: "(below the scale: 0.8)" read as
    "0.8 below the scale"."""
    if unclipped is None:
        return ""
    if unclipped < low - 0.05:
        return f" (model value {unclipped:.1f}, below the scale's {low:g})"
    if unclipped > high + 0.05:
        return f" (model value {unclipped:.1f}, above the scale's {high:g})"
    return ""


def is_far(suggestion: Any) -> bool:
    """True when the conversation lies outside what the model was trained on."""
    return bool(getattr(suggestion, "far", False))


def withheld_where(suggestion: Any) -> str | None:
    """ "channel email" when the model is not reliable on the conversation's channel or language."""
    return getattr(suggestion, "withheld", None)


def is_unsure(criterion: Criterion, suggestion: Any) -> bool:
    """True when the model cannot give this conversation a level: too unsure of it, the
    conversation is outside what the model was trained on, or of a kind it is not reliable on."""
    return (
        is_far(suggestion)
        or withheld_where(suggestion) is not None
        or bool(suggestion.uncertainty > unsure_above(criterion))
    )


def shown(suggestions: dict[str, Any], calibration: bool) -> dict[str, Any]:
    """The suggestions a review screen may show at all: none in a blind calibration session."""
    return {} if calibration else dict(suggestions)


def plan_accept(review: Any, suggestions: dict[str, Any]) -> AcceptPlan:
    """Levels for every criterion of ``review`` that has a reliable suggestion and no value yet."""
    levels: dict[str, int] = {}
    kept: list[str] = []
    not_reliable: list[str] = []
    unsure: list[str] = []
    for criterion in review.rubric.criteria:
        suggestion = suggestions.get(criterion.id)
        if suggestion is None:
            continue
        if not suggestion.reliable:
            not_reliable.append(criterion.label)
        elif review.criteria[criterion.id].value is not None:
            kept.append(criterion.label)
        elif is_far(suggestion):
            unsure.append(f"{criterion.label}: outside what AutoQA was trained on, score yourself")
        elif withheld_where(suggestion) is not None:
            unsure.append(f"{criterion.label}: AutoQA is not reliable on {withheld_where(suggestion)}, score yourself")
        elif is_unsure(criterion, suggestion):
            unsure.append(f"{criterion.label}: AutoQA unsure (±{suggestion.uncertainty:.1f}), score yourself")
        else:
            levels[criterion.id] = nearest_level(criterion, suggestion.value)
    return AcceptPlan(levels, kept, not_reliable, unsure)


def describe(plan: AcceptPlan, review: Any) -> str:
    """One short sentence on what accepting did (or why it did nothing)."""
    parts = []
    if plan.levels:
        given = ", ".join(
            f"{review.rubric.criterion(cid).label} {review.rubric.criterion(cid).level_name(level)}"
            for cid, level in plan.levels.items()
        )
        parts.append(f"Accepted AutoQA: {given}")
    if plan.kept:
        parts.append(f"kept your score{'s' if len(plan.kept) > 1 else ''} for {', '.join(plan.kept)}")
    parts.extend(plan.unsure)
    if plan.not_reliable:
        parts.append(f"not reliable, score yourself: {', '.join(plan.not_reliable)}")
    if not plan.levels:
        head = (
            "Nothing to accept"
            if plan.kept or plan.not_reliable or plan.unsure
            else "No reliable AutoQA suggestion here"
        )
        parts.insert(0, head)
    return "; ".join(parts) + "."


def ghost(suggestion: Any, criterion: Criterion | None = None) -> str:
    """The figure beside the scale: "AutoQA 3.4 ±0.6", or "AutoQA unsure ±1.5" with no figure
    to anchor on when the model is unsure of this conversation, or "AutoQA: outside training"
    when the conversation is unlike every one it learnt from, or "AutoQA: not reliable here" on
    a channel or language where it does not agree with the reviewers."""
    if is_far(suggestion):
        return "AutoQA: outside training"
    if withheld_where(suggestion) is not None:
        return "AutoQA: not reliable here"
    if criterion is not None and is_unsure(criterion, suggestion):
        return f"AutoQA unsure ±{suggestion.uncertainty:.1f}"
    return f"AutoQA {suggestion.value:.1f} ±{suggestion.uncertainty:.1f}"


def older_model_note(db: Database, session: Any) -> str:
    """``OLDER_MODEL`` when a model that ranked this session's AutoQA picks was replaced since
    (``autoqa train`` with new reviews): its stored "why picked" describes that older model;
    else an empty string. Blind calibration picks show no figures, so nothing goes stale."""
    keys = session.keys() if hasattr(session, "keys") else session
    stored = session["autoqa_models"] if "autoqa_models" in keys else None
    if not stored or session["calibration"]:
        return ""
    return OLDER_MODEL if store.inactive_models(db, [int(m) for m in json.loads(stored)]) else ""
