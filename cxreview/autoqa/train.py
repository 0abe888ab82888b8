"""`autoqa train`: one model per rubric version and criterion from the submitted human scores.

Final scores count (a corrected review teaches its corrected value; imported scores are
reviews too); N/A and accepted suggestions do not (the model must not learn from itself).
Each model is measured by grouped cross-validation before it is fitted on everything, and
stored with its agreement, the data size, the date and a hash of what shapes it (the scores,
the training conversations' figures, the feature names, the parameter format and the folds;
not ``--min-reviews``, which only decides whether to train). A model whose hash did not change is kept as it is (and so are its
scores); asked for another bootstrap ``seed``, it is measured again in place.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from cxreview.autoqa import model as linear
from cxreview.autoqa.extract import feature_rows
from cxreview.autoqa.measure import Measured, cross_validated, measure, verdict
from cxreview.autoqa.segments import per_segment
from cxreview.errors import InputError, NotFoundError
from cxreview.rubrics.model import Rubric
from cxreview.store import Database
from cxreview.store import autoqa as store
from cxreview.store.calibration import rubric_rows

DEFAULT_MIN_REVIEWS = 30
# A conversation is "outside what AutoQA was trained on" above this quantile of the distances
# of the reviewed conversations, each measured by a model fitted without it (cross-validated,
# as agreement is): about 1 in 100 of the team's own kind of conversation is flagged, while
# another channel, language or flow lies far beyond (benchmarks/README.md, round 11).
FAR_QUANTILE = 0.99
# Outcomes seen at least this often in training get a feature of their own.
_OUTCOME_MIN = 5
_MAX_OUTCOMES = 12


@dataclass(frozen=True)
class Trained:
    """What training did for one criterion (``model_id`` None when it was skipped)."""

    rubric_id: str
    rubric_version: int
    criterion: str
    n_reviews: int
    n_conversations: int
    model_id: int | None
    reliable: bool
    reason: str
    measured: Measured | None = None
    unchanged: bool = False
    # Agreement per channel and language (cxreview.autoqa.segments), as stored with the model.
    segments: tuple[dict[str, Any], ...] = ()


Progress = Callable[[str, int, int], None]


def stored_rubrics(db: Database) -> dict[tuple[str, int], Rubric]:
    return {
        (row["id"], row["version"]): Rubric.from_dict(json.loads(row["definition"]), source=row["source"] or "")
        for row in rubric_rows(db.conn)
    }


def train(
    db: Database,
    rubric_id: str | None = None,
    criteria: Sequence[str] = (),
    min_reviews: int = DEFAULT_MIN_REVIEWS,
    bootstrap: int = 1000,
    folds: int = 5,
    on_progress: Progress | None = None,
    seed: int | None = None,
) -> list[Trained]:
    """Train every asked criterion; raise an InputError when there is nothing to learn from.

    ``seed`` None is seed 0 for a new model and keeps an unchanged one as measured; a seed given
    measures an unchanged model again with it (same parameters, so its scores stay)."""
    if min_reviews < 2:
        raise InputError(
            f"--min-reviews {min_reviews} is too small",
            "use 2 or more (the default is 30; the verdict's interval says whether they were enough)",
        )
    rubrics = stored_rubrics(db)
    if rubric_id is not None and not any(key[0] == rubric_id for key in rubrics):
        known = sorted({row[0] for row in store.training_scores(db)})  # rubrics with reviews to learn from
        raise NotFoundError(
            f'rubric "{rubric_id}" has no reviews in this database',
            f"use one of: {', '.join(known)}" if known else "review conversations or import scores first",
        )
    rows = store.training_scores(db, rubric_id)
    if not rows:
        where = f'rubric "{rubric_id}"' if rubric_id else "this database"
        raise InputError(
            f"{where} has no submitted reviews to learn from",
            f"submit at least {min_reviews} reviews (cxreview review) or import scores (cxreview scores import)",
        )
    by_key: dict[tuple[str, int, str], list[tuple[str, str, int]]] = {}
    for rid, version, criterion, conversation, reviewer, score in rows:
        by_key.setdefault((rid, version, criterion), []).append((conversation, reviewer, score))
    not_applicable = store.na_counts(db, rubric_id)
    _check_criteria(criteria, rubrics, rubric_id, by_key, not_applicable, min_reviews)
    jobs: list[tuple[Rubric, str, int, int, list[tuple[str, str, int]]]] = []
    only_na: list[Trained] = []
    for (rid, version), rubric in sorted(rubrics.items()):
        if rubric_id is not None and rid != rubric_id:
            continue
        for item in rubric.criteria:
            if criteria and item.id not in criteria:
                continue
            scores = by_key.get((rid, version, item.id), [])
            na = not_applicable.get((rid, version, item.id), 0)
            if scores or criteria:
                jobs.append((rubric, item.id, item.min, item.max, scores))
            elif na:  # scored in reviews, but only ever N/A: a skipped row that says so
                reason = f"{rid} v{version} {item.id}: {_all_na(na, min_reviews)}"
                only_na.append(Trained(rid, version, item.id, 0, 0, None, False, reason))
    # One BLAS thread: the matrices are small, and on a busy machine threads fighting over
    # the cores made each fit twenty times slower (measured: 0.35 s instead of 0.02 s).
    # Loaded first: the limit applies to the BLAS libraries loaded when it is set (scipy's own).
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        results = _run(db, jobs, min_reviews, (bootstrap, seed), folds, on_progress)
    if not any(r.model_id is not None for r in results):
        skipped = max(results, key=lambda r: r.n_reviews)
        raise InputError(f"too few reviews to train: {skipped.reason}", "submit more reviews or lower --min-reviews")
    return results + only_na


def _run(
    db: Database,
    jobs: list[tuple[Rubric, str, int, int, list[tuple[str, str, int]]]],
    min_reviews: int,
    bootstrap: tuple[int, int | None],
    folds: int,
    on_progress: Progress | None,
) -> list[Trained]:
    results: list[Trained] = []
    cache: dict[str, dict[str, float]] = {}
    outcome_of: dict[str, str | None] = {}
    for done, (rubric, criterion_id, low, high, scores) in enumerate(jobs):
        conversations = {s[0] for s in scores}
        if len(scores) < min_reviews or len(conversations) < 2:
            results.append(_skipped(rubric, criterion_id, scores, min_reviews))
            continue
        missing = sorted(conversations - cache.keys())
        if missing:
            features, outcomes = feature_rows(db, missing)
            cache.update(features)
            outcome_of.update(outcomes)
        results.append(_train_one(db, rubric, criterion_id, low, high, scores, cache, outcome_of, bootstrap, folds))
        if on_progress:
            on_progress(criterion_id, done + 1, len(jobs))
    return results


def _check_criteria(
    criteria: Sequence[str],
    rubrics: dict[tuple[str, int], Rubric],
    rubric_id: str | None,
    by_key: dict[tuple[str, int, str], list[tuple[str, str, int]]],
    not_applicable: dict[tuple[str, int, str], int],
    min_reviews: int,
) -> None:
    known = {c.id for (rid, _), r in rubrics.items() if rubric_id in (None, rid) for c in r.criteria}
    for wanted in criteria:
        if wanted not in known:
            guess = difflib.get_close_matches(wanted, sorted(known), n=1)
            raise InputError(
                f'no criterion "{wanted}" in {f"rubric {rubric_id}" if rubric_id else "the rubrics used here"}',
                f'did you mean "{guess[0]}"?' if guess else f"use one of: {', '.join(sorted(known))}",
            )
        if not any(key[2] == wanted for key in by_key):
            scored = sorted({key[2] for key in by_key})
            na = sum(n for key, n in not_applicable.items() if key[2] == wanted)
            raise InputError(
                f'criterion "{wanted}": {_all_na(na, min_reviews)}'
                if na
                else f'criterion "{wanted}" was never scored in a submitted review',
                ("give it a level where it applies" if na else "score it in some reviews first")
                + f"; scored criteria: {', '.join(scored)}",
            )


def _all_na(na: int, min_reviews: int) -> str:
    return f"all {na} score{'s' * (na != 1)} are N/A; at least {min_reviews} scored levels are needed"


def _skipped(rubric: Rubric, criterion: str, scores: list[tuple[str, str, int]], min_reviews: int) -> Trained:
    n = len(scores)
    reason = (
        f"{rubric.id} v{rubric.version} {criterion} has {n} score{'s' * (n != 1)}, at least {min_reviews} are needed"
        if n < min_reviews
        else f"{rubric.id} v{rubric.version} {criterion}: all {n} scores are on one conversation"
    )
    return Trained(rubric.id, rubric.version, criterion, n, len({s[0] for s in scores}), None, False, reason)


def _stored_segments(db: Database, model_id: int) -> list[dict[str, Any]]:
    return list(store.model_params(db, model_id).get("segments") or [])


def _figures_hash(figures: np.ndarray) -> str:
    """The training conversations' figures (rows in conversation order) as a hash: after
    `cxreview analyze` changed a signal of one of them, the same reviews teach another model.
    Rounded, so that float noise from a re-run never counts as a change; NaN (not known) kept."""
    rounded = np.round(figures, 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    return hashlib.sha256(np.where(np.isnan(rounded), np.inf, rounded).astype("<f8").tobytes()).hexdigest()


def _train_one(
    db: Database,
    rubric: Rubric,
    criterion: str,
    low: int,
    high: int,
    scores: list[tuple[str, str, int]],
    features: dict[str, dict[str, float]],
    outcome_of: dict[str, str | None],
    bootstrap: tuple[int, int | None],
    folds: int,
) -> Trained:
    conversations = sorted({s[0] for s in scores})
    code = {c: i for i, c in enumerate(conversations)}
    counted = Counter(outcome_of.get(c) for c in conversations)
    outcomes = sorted(o for o, n in counted.most_common(_MAX_OUTCOMES) if o and n >= _OUTCOME_MIN)
    names = linear.feature_names(outcomes)
    by_conversation = linear.matrix(
        [features[c] for c in conversations], [outcome_of.get(c) for c in conversations], names
    )
    groups = np.array([code[s[0]] for s in scores])
    raw = by_conversation[groups]
    y = np.array([s[2] for s in scores], dtype=float)
    content_hash = hashlib.sha256(
        json.dumps([sorted(scores), names, linear.PARAMS_FORMAT, folds, _figures_hash(by_conversation)]).encode()
    ).hexdigest()
    n_conversations = len(conversations)
    active = {(m.rubric_id, m.rubric_version, m.criterion): m for m in store.active_models(db, rubric.id)}
    current = active.get((rubric.id, rubric.version, criterion))
    unchanged = current is not None and store.model_hash(db, current.id) == content_hash
    if current is not None and unchanged and bootstrap[1] is None:
        return Trained(
            rubric.id, rubric.version, criterion, len(scores), n_conversations, current.id, current.reliable,
            current.reason, None, unchanged=True, segments=tuple(_stored_segments(db, current.id)),
        )  # fmt: skip

    held_out: dict[int, float] = {}  # conversation -> its distance from a model fitted without it

    def fit_predict(train_rows: np.ndarray, test_rows: np.ndarray) -> np.ndarray:
        fitted = linear.fit(raw[train_rows], y[train_rows], names, low, high, outcomes, groups[train_rows])
        distances = fitted.distance(raw[test_rows])
        if distances is not None:
            held_out.update(zip(groups[test_rows].tolist(), distances.tolist(), strict=True))
        return fitted.predict(raw[test_rows])[0]

    predicted = cross_validated(fit_predict, y, groups, folds)
    measured = measure(groups, y, predicted, low, high, bootstrap=bootstrap[0], seed=bootstrap[1] or 0)
    reliable, reason = verdict(measured)
    new = store.NewModel(
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        criterion=criterion,
        n_reviews=len(scores),
        n_conversations=n_conversations,
        content_hash=content_hash,
        params={},
        reliable=reliable,
        reason=reason,
        alpha=measured.alpha,
        alpha_low=measured.alpha_low,
        alpha_high=measured.alpha_high,
        exact=measured.exact,
        within_one=measured.within_one,
        reviewers_alpha=measured.reviewers_alpha,
    )
    if current is not None and unchanged:
        # The same model measured with another seed: new figures, same parameters and scores.
        store.update_measured(db, current.id, new)
        from cxreview.autoqa.score import refresh_withheld  # score imports train

        refresh_withheld(db, replace(current, reliable=reliable))
        return Trained(
            rubric.id, rubric.version, criterion, len(scores), n_conversations, current.id, reliable, reason,
            measured, unchanged=True, segments=tuple(_stored_segments(db, current.id)),
        )  # fmt: skip
    final = linear.fit(raw, y, names, low, high, outcomes, groups)
    if held_out:
        final = replace(final, far_above=float(np.quantile(list(held_out.values()), FAR_QUANTILE)))
    kinds = store.conversation_kinds(db, conversations)
    segments = per_segment(
        [kinds.get(c, (None, None)) for c in conversations], groups, y, predicted, low, high, seed=bootstrap[1] or 0
    )
    final = replace(final, segments=segments)
    model_id = store.save_model(db, replace(new, params=final.to_params()))
    return Trained(
        rubric.id, rubric.version, criterion, len(scores), n_conversations, model_id, reliable, reason, measured,
        segments=tuple(segments),
    )  # fmt: skip
