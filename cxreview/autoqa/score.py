"""`autoqa score`: every conversation in scope gets a machine score from each active model.

Incremental: a conversation is looked at again only when the active model has no score for
it, or its content or signals changed since (a new model, after `autoqa train`, scores all);
of those, one whose figures are what the model read last time (a fingerprint of them,
``feature_hash``) keeps its score: `cxreview analyze` run again stamps every conversation's
signals anew, but only the conversations whose figures it changed are scored again.
Features are computed once per conversation and batch, whatever the number of models; large
runs read and compute in two worker processes (each with its own connection) while this one
writes; each batch is written in one transaction, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cxreview.autoqa import segments as kinds
from cxreview.autoqa.extract import feature_rows
from cxreview.autoqa.model import LinearModel, matrix
from cxreview.errors import NotFoundError
from cxreview.filters import Filters
from cxreview.parties import skipped_kinds
from cxreview.rubrics.model import Rubric
from cxreview.store import Database, autoqa_withheld, open_database
from cxreview.store import autoqa as store

BATCH = 2000
WORKERS = 2
# Below this many conversations a pool of processes costs more than it saves.
PARALLEL_MIN = 20_000
_NOT_ANALYSED = "signals not analysed yet (run cxreview analyze): judged on the text only"


@dataclass(frozen=True)
class Scored:
    """One model's run: how many conversations it scored now, and its coverage of the scope."""

    model: store.ModelSummary
    scored: int
    covered: int
    in_scope: int
    left_out: int = 0  # conversations in the filters the model's rubric does not apply to
    unchanged: int = 0  # looked at again (new signals run) with the same figures: score kept
    far: int = 0  # of the covered: outside what the model was trained on (no figure shown or used)
    # Of the covered, not far: in a channel or language where the model is not reliable (no
    # figure shown or used), by where ("channel email" -> conversations).
    withheld: dict[str, int] = field(default_factory=dict)
    # Of the covered and shown: of a channel or language whose agreement training could not
    # measure (too few reviewed, or none), by where ("channel email (4 reviewed)" -> conversations).
    unmeasured: dict[str, int] = field(default_factory=dict)


def score(
    db: Database,
    filters: Filters | None = None,
    rubric_id: str | None = None,
    everything: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[Scored]:
    """Score what needs scoring for every active model (of one rubric, if given): only the
    conversations its rubric applies to (an agent rubric leaves out bot-only ones, as sample
    does), so coverage is counted of those."""
    filters = filters or Filters()
    models = store.active_models(db, rubric_id)
    if not models:
        where = f' of rubric "{rubric_id}"' if rubric_id else ""
        known = sorted({m.rubric_id for m in store.active_models(db)})
        raise NotFoundError(
            f"no AutoQA models{where} yet",
            f"use --rubric {' or '.join(known)}" if rubric_id and known else "train them first: cxreview autoqa train",
        )
    if filters != Filters() and store.count_in_scope(db, filters) == 0:
        raise NotFoundError(
            "no conversation matches the filters",
            "check the values (they must match as imported, e.g. the queue's exact name) or widen the filters",
        )
    from cxreview.autoqa.train import stored_rubrics

    rubrics = stored_rubrics(db)
    skip = {m.id: _skip_kinds(rubrics.get((m.rubric_id, m.rubric_version))) for m in models}
    for m in models:
        store.drop_out_of_scope(db, m.id, skip[m.id])
    todo = {
        m.id: store.conversations_to_score(db, m.id, filters, everything=everything, skip_kinds=skip[m.id])
        for m in models
    }
    # A model withholds the kinds of conversation it is not reliable on only when it is reliable
    # as a whole: a not-reliable model's figures are never shown anyway.
    params = {m.id: _withholding(store.model_params(db, m.id), m.reliable) for m in models}
    ids = sorted(set().union(*todo.values()))
    wanted = {m.id: set(todo[m.id]) for m in models}
    tasks = [
        (chunk, {mid: [c for c in chunk if c in wanted[mid]] for mid in wanted}, everything)
        for chunk in (ids[start : start + BATCH] for start in range(0, len(ids), BATCH))
    ]
    done = 0
    kept = dict.fromkeys(wanted, 0)
    for chunk, results in _run(db, params, tasks):
        for model_id, (scores, same) in results.items():
            if scores:
                store.write_scores(db, model_id, scores)
            if same:
                kept[model_id] += store.keep_scores(db, model_id, same)
        done += len(chunk)
        if on_progress:
            on_progress(done, len(ids))
    everywhere = store.count_in_scope(db, filters)
    out = []
    for m in models:
        segments = params[m.id].get("segments") or []
        # Every score of the model, not only the ones written now: kept scores and scores
        # written before the mark existed get it too.
        refresh_withheld(db, m)
        in_scope = store.count_in_scope(db, filters, skip[m.id])
        covered = in_scope - store.count_to_score(db, m.id, filters, skip[m.id])
        counted = autoqa_withheld.score_kinds(db, m.id, filters)
        out.append(
            Scored(
                m,
                len(todo[m.id]) - kept[m.id],
                covered,
                in_scope,
                everywhere - in_scope,
                kept[m.id],
                counted.far,
                counted.withheld_where,
                unmeasured_counts(segments, counted.usable_kinds),
            )
        )
    return out


def _withholding(params: dict[str, Any], reliable: bool) -> dict[str, Any]:
    return params if reliable else {**params, "segments": []}


def refresh_withheld(db: Database, model: store.ModelSummary) -> int:
    """Mark every score of the model withheld where its conversation is of a channel or language
    the (reliable) model is not reliable on, and clear the mark elsewhere: after scoring, and
    after a new verdict (``autoqa train --seed``). Returns how many marks changed."""
    segments = _withholding(store.model_params(db, model.id), model.reliable).get("segments") or []
    if not any(kinds.not_reliable(s) for s in segments):
        return autoqa_withheld.mark_withheld(db, model.id, None)
    return autoqa_withheld.mark_withheld(
        db, model.id, lambda channel, language: kinds.withheld(segments, channel, language)
    )


def unmeasured_counts(segments: list[dict[str, Any]], usable: dict[tuple[str, str], int]) -> dict[str, int]:
    """Shown scores per channel and language whose agreement training could not measure:
    "channel email (4 reviewed)" -> conversations (cxreview.autoqa.segments.unmeasured)."""
    out: dict[str, int] = {}
    for (channel, language), n in usable.items():
        where = kinds.unmeasured(segments, channel, language)
        if where:
            out[where] = out.get(where, 0) + n
    return out


def scope(db: Database, models: list[store.ModelSummary]) -> dict[int, tuple[int, int]]:
    """model id -> (its scores of conversations its rubric applies to, how many those are: what
    its coverage is of)."""
    from cxreview.autoqa.train import stored_rubrics

    rubrics = stored_rubrics(db)
    skip = {m.id: _skip_kinds(rubrics.get((m.rubric_id, m.rubric_version))) for m in models}
    return {
        m.id: (store.count_scores(db, m.id, skip[m.id]), store.count_in_scope(db, Filters(), skip[m.id]))
        for m in models
    }


def without_far_check(db: Database, models: list[store.ModelSummary]) -> list[store.ModelSummary]:
    """The models stored without a distance threshold (trained before the "outside what AutoQA
    was trained on" check existed): they mark no conversation far, so the commands say so."""
    return [m for m in models if LinearModel.from_params(store.model_params(db, m.id)).far_above is None]


def far_check_hint(models: list[store.ModelSummary]) -> str | None:
    """One line naming the models without the distance check, with the fix; None if none."""
    if not models:
        return None
    names = ", ".join(f"{m.rubric_id} v{m.rubric_version} {m.criterion}" for m in models)
    return (
        f"No far check for {names}: trained before the 'outside what AutoQA was trained on' check existed, so "
        "no conversation is marked far; run cxreview autoqa train once (same reviews, new model), then autoqa score."
    )


def _skip_kinds(rubric: Rubric | None) -> tuple[str, ...]:
    """The kinds of conversation a model's rubric cannot score (cxreview.parties)."""
    return () if rubric is None else skipped_kinds(rubric, None)


class _Scorer:
    """Features and predictions of batches of conversations: pure work, no writes, so it can
    run in worker processes that read the database on their own connection."""

    def __init__(self, db: Database, params: dict[int, dict[str, Any]]) -> None:
        self.db = db
        self.fitted = {mid: LinearModel.from_params(p) for mid, p in params.items()}
        self.names = sorted({name for model in self.fitted.values() for name in model.features})
        index = {name: j for j, name in enumerate(self.names)}
        self.columns = {mid: [index[name] for name in m.features] for mid, m in self.fitted.items()}
        self.segments = {mid: p.get("segments") or [] for mid, p in params.items()}

    def batch(self, chunk: list[str], wanted: dict[int, list[str]], everything: bool = False) -> dict[int, Result]:
        """model id -> (new scores, (id, conversation hash, analyzed_at) of conversations whose
        figures are what the model read last time: their score stays, only its stamps move)."""
        inputs = store.conversation_inputs(self.db, chunk)
        features, outcomes = feature_rows(self.db, chunk, inputs)
        present = [c for c in chunk if c in features]
        # One matrix per batch with every model's columns; each model takes its own.
        full = matrix([features[c] for c in present], [outcomes[c] for c in present], self.names)
        row_of = {c: i for i, c in enumerate(present)}
        out = {}
        for mid, ids in wanted.items():
            mine = [c for c in ids if c in row_of]
            raw = full[np.ix_([row_of[c] for c in mine], self.columns[mid])]
            hashes = [_fingerprint(row, inputs[c].get("analyzed_at") is None) for c, row in zip(mine, raw, strict=True)]
            before = {} if everything else store.feature_hashes(self.db, mid, mine)
            new = [i for i, c in enumerate(mine) if before.get(c) != hashes[i]]
            same = [
                (c, _text(inputs[c].get("content_hash")), _text(inputs[c].get("analyzed_at")))
                for c, h in zip(mine, hashes, strict=True)
                if before.get(c) == h
            ]
            chosen = [mine[i] for i in new]
            scores = (
                _predict(self.fitted[mid], chosen, raw[new], inputs, [hashes[i] for i in new], self.segments[mid])
                if chosen
                else []
            )
            out[mid] = (scores, same)
        return out


def _fingerprint(row: np.ndarray, unanalysed: bool) -> str:
    """The figures one model read for one conversation, as a short hash: the same figures give
    the same value, uncertainty and reasons (whether signals exist changes a reason too)."""
    data = np.ascontiguousarray(row, dtype=np.float64).tobytes() + (b"u" if unanalysed else b"a")
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


Result = tuple[list[store.MachineScore], list[tuple[str, str | None, str | None]]]
_WORKER: dict[str, _Scorer] = {}
Task = tuple[list[str], dict[int, list[str]], bool]


def _init_worker(target: str, params: dict[int, dict[str, Any]]) -> None:
    _WORKER["scorer"] = _Scorer(open_database(target, create=False), params)


def _work(task: Task) -> tuple[list[str], dict[int, Result]]:
    return task[0], _WORKER["scorer"].batch(*task)


def _run(db: Database, params: dict[int, dict[str, Any]], tasks: list[Task]) -> Iterator[Any]:
    """Batches in order of completion; in two worker processes when there is enough work
    (reading and feature extraction are the cost, and they parallelise), else here."""
    workers = min(WORKERS, os.cpu_count() or 1)
    if workers < 2 or sum(len(t[0]) for t in tasks) < PARALLEL_MIN or "fork" not in mp.get_all_start_methods():
        scorer = _Scorer(db, params)
        for chunk, wanted, everything in tasks:
            yield chunk, scorer.batch(chunk, wanted, everything)
        return
    with mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(str(db.path), params)) as pool:
        yield from pool.imap_unordered(_work, tasks)


def _predict(
    model: LinearModel,
    ids: list[str],
    raw: np.ndarray,
    inputs: dict[str, dict[str, Any]],
    hashes: list[str],
    segments: list[dict[str, Any]],
) -> list[store.MachineScore]:
    values, sds, contributions = model.predict(raw)
    reasons = model.reasons(raw, contributions)
    found = model.distance(raw)
    beyond = np.round(model.unclipped(raw), 3).tolist()
    distances: list[float | None] = [None] * len(ids) if found is None else np.round(found, 3).tolist()
    above = model.far_above
    kinds_of: dict[tuple[Any, Any], str | None] = {}  # (channel, language) -> withheld: a few kinds, many rows
    out = []
    for cid, value, sd, why, fingerprint, distance, unclipped in zip(
        ids, np.round(values, 3).tolist(), np.round(sds, 3).tolist(), reasons, hashes, distances, beyond, strict=True
    ):
        row = inputs[cid]
        analyzed_at = row.get("analyzed_at")
        kind = (row.get("channel"), row.get("language"))
        if kind not in kinds_of:
            kinds_of[kind] = kinds.withheld(segments, *kind)
        out.append(
            store.MachineScore(
                cid,
                value,
                sd,
                why if analyzed_at is not None else (*why, _NOT_ANALYSED),
                conversation_hash=str(row.get("content_hash")),
                analyzed_at=None if analyzed_at is None else str(analyzed_at),
                feature_hash=fingerprint,
                distance=distance,
                far=distance is not None and above is not None and distance > above,
                unclipped=unclipped,
                withheld=kinds_of[kind],
            )
        )
    return out
