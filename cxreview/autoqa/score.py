"""`autoqa score`: every conversation in scope gets a machine score from each active model.

Incremental: a conversation is scored again only when the active model has no score for it,
or its content or signals changed since (a new model, after `autoqa train`, scores all).
Features are computed once per conversation and batch, whatever the number of models; each
batch is written in one transaction, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from cxreview.autoqa.extract import feature_rows
from cxreview.autoqa.model import LinearModel, matrix
from cxreview.errors import NotFoundError
from cxreview.filters import Filters
from cxreview.store import Database
from cxreview.store import autoqa as store

BATCH = 2000
_NOT_ANALYSED = "signals not analysed yet (run cxreview analyze): judged on the text only"


@dataclass(frozen=True)
class Scored:
    """One model's run: how many conversations it scored now, and its coverage of the scope."""

    model: store.ModelSummary
    scored: int
    covered: int
    in_scope: int


def score(
    db: Database,
    filters: Filters | None = None,
    rubric_id: str | None = None,
    everything: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[Scored]:
    """Score what needs scoring for every active model (of one rubric, if given)."""
    filters = filters or Filters()
    models = store.active_models(db, rubric_id)
    if not models:
        where = f' of rubric "{rubric_id}"' if rubric_id else ""
        raise NotFoundError(f"no AutoQA models{where} yet", "train them first: cxreview autoqa train")
    todo = {m.id: store.conversations_to_score(db, m.id, filters, everything=everything) for m in models}
    fitted = {m.id: LinearModel.from_params(store.model_params(db, m.id)) for m in models}
    ids = sorted(set().union(*todo.values()))
    wanted = {m.id: set(todo[m.id]) for m in models}
    done = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        inputs = store.conversation_inputs(db, chunk)
        features, outcomes = feature_rows(db, chunk, inputs)
        for m in models:
            mine = [c for c in chunk if c in wanted[m.id] and c in features]
            if mine:
                store.write_scores(db, m.id, _predict(fitted[m.id], mine, features, outcomes, inputs))
        done += len(chunk)
        if on_progress:
            on_progress(done, len(ids))
    in_scope = store.count_in_scope(db, filters)
    return [
        Scored(m, len(todo[m.id]), in_scope - len(store.conversations_to_score(db, m.id, filters)), in_scope)
        for m in models
    ]


def _predict(
    model: LinearModel,
    ids: list[str],
    features: dict[str, dict[str, float]],
    outcomes: dict[str, str | None],
    inputs: dict[str, dict[str, object]],
) -> list[store.MachineScore]:
    raw = matrix([features[c] for c in ids], [outcomes[c] for c in ids], model.features)
    values, sds, contributions = model.predict(raw)
    out = []
    for i, cid in enumerate(ids):
        reasons = model.reasons(raw[i], contributions[i])
        row = inputs[cid]
        if row.get("analyzed_at") is None:
            reasons = (*reasons, _NOT_ANALYSED)
        out.append(
            store.MachineScore(
                cid,
                float(np.round(values[i], 3)),
                float(np.round(sds[i], 3)),
                reasons,
                conversation_hash=str(row.get("content_hash")),
                analyzed_at=None if row.get("analyzed_at") is None else str(row.get("analyzed_at")),
            )
        )
    return out
