"""AutoQA suggestions as the review screen reads them: the active models' scores of one
conversation. Apart from the rest of the AutoQA store (models, training data, writes) so
the review app loads only this at start; ``cxreview.store.autoqa`` re-exports both names.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from cxreview.store.connection import Database


@dataclass(frozen=True)
class Suggestion:
    """The active model's score of one criterion for one conversation."""

    criterion: str
    value: float
    uncertainty: float
    reasons: tuple[str, ...]
    reliable: bool
    reason: str
    model_id: int
    far: bool = False  # outside what the model was trained on: no figure, a leaves it
    distance: float | None = None
    unclipped: float | None = None  # the value before clipping to the scale (None: not stored)
    withheld: str | None = None  # "channel email": AutoQA is not reliable on this kind: no figure, a leaves it


def suggestions_for(db: Database, conversation_id: str, rubric_id: str, rubric_version: int) -> dict[str, Suggestion]:
    """criterion -> the active model's score of the conversation (reliable and not)."""
    rows = db.query(
        "SELECT m.criterion, s.value, s.uncertainty, s.reasons, m.reliable, m.reason, m.id, s.far, s.distance, s.unclipped, "
        "s.withheld "
        "FROM autoqa_scores s JOIN autoqa_models m ON m.id = s.model_id "
        "WHERE s.conversation_id = ? AND m.rubric_id = ? AND m.rubric_version = ? AND m.active = 1",
        (conversation_id, rubric_id, rubric_version),
    )
    return {
        r[0]: Suggestion(
            r[0],
            float(r[1]),
            float(r[2]),
            tuple(json.loads(r[3])),
            bool(r[4]),
            str(r[5]),
            int(r[6]),
            bool(r[7]),
            None if r[8] is None else float(r[8]),
            None if r[9] is None else float(r[9]),
            None if r[10] is None else str(r[10]),
        )
        for r in rows
    }


def inactive_models(db: Database, model_ids: Sequence[int]) -> list[int]:
    """Those of the models that are no longer active (replaced by a retrain) or gone."""
    if not model_ids:
        return []
    marks = ",".join("?" * len(model_ids))
    active = {
        int(r[0])
        for r in db.query(f"SELECT id FROM autoqa_models WHERE active = 1 AND id IN ({marks})", tuple(model_ids))
    }
    return [m for m in model_ids if m not in active]
