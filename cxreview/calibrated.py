"""Calibrated scores kept in the database, so SQL users see the numbers the exports show.

What is stored (schema 13, docs/schema.md): the leniency offsets of every rubric version
(``calibration_offsets``) and each submitted review's calibrated score, pass and critical fail
(``calibrated_reviews``), both exactly as ``export`` computes them by default (offsets centred,
default shrinkage, no benchmark). ``review_overview`` joins them.

When it is refreshed, and what it costs (docs/calibration.md): the offsets depend on every
blind first submission of a rubric version, and refitting 108k scores and rewriting their
36k reviews takes seconds (benchmarks/calibrated_refresh.py), so the fit runs only when its
input can change, and before the write lock is taken:
- the first submission of a blind review whose conversation another blind reviewer of that
  rubric version scored, a review that stops being blind, ``scores import`` and ``calibrate``
  refit the rubric version (in the review app this runs in the submit worker after the review shows as submitted, never per key);
- any other submit, correction or accepted dispute leaves the offsets as they are: that one
  review's calibrated score is computed from the stored offsets (milliseconds).
A database upgraded to schema 13 has none yet (marked stale); the next command that opens it
for writing fills the tables (commands/common.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from cxreview.filters import Filters
from cxreview.leniency import AppliesOffsets, Offset, Offsets, Score, calibrated_value, leniency_offsets
from cxreview.rubrics.model import Rubric
from cxreview.rubrics.scoring import NA, ScoreResult, review_score
from cxreview.store import Database
from cxreview.store import calibrated as sql
from cxreview.store.calibration import rubric_rows, score_rows
from cxreview.store.clock import now_iso

Key = tuple[str, int]  # (rubric id, version)
RubricKey = Key
# (score row, calibrated value, offset applied, N/A, why the offset was or was not applied)
CriterionResult = tuple[Any, Any, float, bool, str]


def rubric_versions(db: Database) -> dict[Key, Rubric]:
    """Every rubric version used in this database, by (id, version)."""
    return {
        (row["id"], row["version"]): Rubric.from_dict(json.loads(row["definition"]), source=row["source"] or "")
        for row in rubric_rows(db.conn)
    }


def load_scores(
    db: Database,
    rubric_id: str | None = None,
    session: str | None = None,
    since: str | None = None,
    blind_only: bool = True,
    include_drafts: bool = False,
) -> dict[RubricKey, list[Score]]:
    """Scores grouped by (rubric id, version), versions never pooled: each reviewer's own first
    submission, accepted AutoQA suggestions left out (docs/calibration.md)."""
    rubrics = rubric_versions(db)
    grouped: dict[RubricKey, list[Score]] = defaultdict(list)
    # The same UTC bound as every conversation filter: "2026-10-01" and "...+02:00" both work.
    start = Filters(since=since).start
    rows = score_rows(
        db.conn,
        rubric_id,
        session,
        start,
        include_drafts=include_drafts,
        blind_only=blind_only,
        first_submission=True,
        lean=True,
    )
    for review, conversation, reviewer, rubric, version, criterion, value, na, suggested in rows:
        if suggested:
            continue  # an accepted AutoQA suggestion is the machine's value, not this reviewer's judgement
        rubric_key = (rubric, version)
        grouped[rubric_key].append(
            Score(review, conversation, reviewer, rubrics[rubric_key], criterion, value, bool(na))
        )
    return dict(grouped)


def fit(scores: list[Score]) -> Offsets:
    """The offsets of one rubric version's scores, as ``calibrate`` fits them by default
    (centred, default shrinkage), without agreement figures: exports and stored scores need
    only the offsets."""
    rubric = max((s.rubric for s in scores), key=lambda r: r.version)
    offsets, _, _ = leniency_offsets(scores, rubric)
    return Offsets(offsets)


def review_result(
    calibration: AppliesOffsets | None, rubric: Rubric, reviewer: str, scores: Iterable[Any], raw: bool = True
) -> tuple[ScoreResult, ScoreResult | None, list[CriterionResult]]:
    """(calibrated result, raw result, per criterion) of one review's final scores (rows with
    ``criterion``, ``score``, ``na``): the one computation behind exports and stored scores.
    ``raw=False`` skips the raw result (None), which the stored scores do not need."""
    raw_values: dict[str, Any] = {}
    calibrated_values: dict[str, Any] = {}
    rows: list[CriterionResult] = []
    for score in scores:
        na = bool(score["na"])
        value, offset = calibrated_value(calibration, rubric, reviewer, score["criterion"], score["score"], na)
        raw_values[score["criterion"]] = NA if na else score["score"]
        calibrated_values[score["criterion"]] = NA if na else value
        rows.append((score, value, offset, na, offset_note(calibration, rubric, reviewer, score["criterion"], na)))
    raw_result = review_score(rubric, raw_values) if raw else None
    return review_score(rubric, calibrated_values, raw_values), raw_result, rows


def offset_note(calibration: AppliesOffsets | None, rubric: Rubric, reviewer: str, criterion: str, na: bool) -> str:
    """Whether a leniency offset moved this score, and if not why not."""
    if na:
        return "not applied: N/A"
    if rubric.criterion(criterion).binary:
        return "not applied: binary criterion"
    if calibration is None:
        return "not applied: no blind scores to calibrate on"
    return str(calibration.reason(reviewer, criterion))


def offsets_summary(rows: list[CriterionResult]) -> str:
    """One cell per review: which criteria an offset moved, e.g. "applied: empathy, clarity"."""
    moved = [row[0]["criterion"] for row in rows if row[4].startswith("applied")]
    return ("applied: " + ", ".join(moved)) if moved else "none applied"


def refresh(db: Database, keys: list[Key] | None = None) -> int:
    """Refit the offsets of these rubric versions (None: all) and store every submitted
    review's calibrated score; return how many reviews were written.

    The fit runs before the write transaction, so other reviewers' saves never wait for it;
    if a review changed meanwhile (the reviews' stamp moved), it runs again under the lock."""
    stamp = sql.review_stamp(db.conn)
    computed = _compute(db, keys)
    with db.transaction() as conn:
        sql.lock(conn, "refreshing")
        if sql.review_stamp(conn) != stamp:
            computed = _compute(db, keys)
        if keys is None:
            sql.replace_reviews(conn, None, [])
        for key, (offsets, rows) in computed.items():
            sql.replace_offsets(conn, key, offsets)
            sql.replace_reviews(conn, key, rows)
        sql.lock(conn, now_iso())
    return sum(len(rows) for _, rows in computed.values())


def _compute(db: Database, keys: list[Key] | None) -> dict[Key, tuple[list[Any], list[Any]]]:
    """(offset rows, review rows) per rubric version, read and fitted without writing."""
    rubrics = rubric_versions(db)
    grouped = load_scores(db, rubric_id=keys[0][0] if keys and len(keys) == 1 else None)
    computed = {}
    for key in sql.rubric_keys(db.conn) if keys is None else keys:
        calibration = fit(grouped[key]) if grouped.get(key) else None
        computed[key] = (
            _offset_rows(calibration),
            _review_rows(rubrics[key], calibration, sql.final_scores(db.conn, key)),
        )
    return computed


def refresh_review(db: Database, review_id: int, inputs_changed: bool) -> None:
    """After one review changed: refit its rubric version when the change can move the
    offsets (``inputs_changed``: a first blind submission or a lost blind flag, on a
    conversation another blind reviewer scored), else recompute this review alone."""
    key = sql.rubric_key(db.conn, review_id)
    if key is None:
        return
    stale = sql.state(db.conn) == "stale"
    if stale or (inputs_changed and sql.shares_conversation(db.conn, review_id)):
        refresh(db, None if stale else [key])
        return
    rubrics = rubric_versions(db)
    with db.transaction() as conn:
        sql.lock(conn, now_iso())
        calibration = _stored(sql.offset_rows(conn, key))
        rows = _review_rows(rubrics[key], calibration, sql.final_scores(conn, key, review_id))
        sql.replace_reviews(conn, [review_id], rows)


def _offset_rows(calibration: Offsets | None) -> list[tuple[Any, ...]]:
    if calibration is None:
        return []
    return [
        (o.reviewer, o.criterion, o.offset, o.applied, o.n, o.low, o.high, o.reason)
        for o in calibration.offsets.values()
    ]


def _stored(rows: list[Any]) -> Offsets | None:
    """The offsets as stored: enough to apply them."""
    if not rows:
        return None
    return Offsets(
        {
            (r["reviewer"], r["criterion"]): Offset(
                r["reviewer"], r["criterion"], r["estimate"], r["n"], r["low"], r["high"], r["applied"], r["reason"]
            )
            for r in rows
        }
    )


def _review_rows(rubric: Rubric, calibration: AppliesOffsets | None, scores: list[Any]) -> list[tuple[Any, ...]]:
    """(review_id, calibrated_score, passed, critical_fail, offsets, refreshed_at) per review."""
    by_review: dict[int, list[Any]] = {}
    reviewer: dict[int, str] = {}
    for row in scores:
        by_review.setdefault(row["review_id"], []).append(row)
        reviewer[row["review_id"]] = row["reviewer"]
    now = now_iso()
    rows = []
    for review_id, review_scores in by_review.items():
        chosen, _, criteria = review_result(calibration, rubric, reviewer[review_id], review_scores, raw=False)
        rows.append(
            (
                review_id,
                None if chosen.score is None else round(chosen.score, 2),
                None if chosen.passed is None else int(chosen.passed),
                int(chosen.critical_fail),
                offsets_summary(criteria),
                now,
            )
        )
    return rows
