"""AutoQA in the store: models with their measured agreement, machine scores, training data.

Machine scores are kept apart from human ones (``autoqa_scores``), one row per model and
conversation. A model's parameters are JSON, never pickle: a shared database must not be
able to run code on the machines that read it. See docs/autoqa.md and docs/schema.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cxreview.filters import Filters
from cxreview.store.autoqa_withheld import USABLE
from cxreview.store.clock import now_iso
from cxreview.store.connection import Database
from cxreview.store.filtering import where
from cxreview.store.phases import kind_sql
from cxreview.store.suggestions import Suggestion as Suggestion  # re-exported
from cxreview.store.suggestions import suggestions_for as suggestions_for  # re-exported

_CHUNK = 500


@dataclass(frozen=True)
class ModelSummary:
    """What a model is worth: its measured agreement and the data it learnt from."""

    id: int
    rubric_id: str
    rubric_version: int
    criterion: str
    reliable: bool
    reason: str
    alpha: float | None
    alpha_low: float | None
    alpha_high: float | None
    exact: float | None
    within_one: float | None
    reviewers_alpha: float | None
    n_reviews: int
    trained_at: str
    n_conversations: int = 0


@dataclass(frozen=True)
class NewModel:
    """A trained model to store (``params`` is plain JSON-able data)."""

    rubric_id: str
    rubric_version: int
    criterion: str
    n_reviews: int
    n_conversations: int
    content_hash: str
    params: dict[str, Any]
    reliable: bool
    reason: str
    alpha: float | None = None
    alpha_low: float | None = None
    alpha_high: float | None = None
    exact: float | None = None
    within_one: float | None = None
    reviewers_alpha: float | None = None


@dataclass(frozen=True)
class MachineScore:
    """One conversation scored by a model, with the inputs it saw (for incremental scoring)."""

    conversation_id: str
    value: float
    uncertainty: float
    reasons: tuple[str, ...]
    conversation_hash: str | None = None
    analyzed_at: str | None = None
    feature_hash: str | None = None  # fingerprint of the figures read (checked again: same ones, same score)
    distance: float | None = None  # from the training conversations (None: a model without the basis)
    far: bool = False  # beyond the model's threshold: outside what it was trained on
    unclipped: float | None = None  # the value before clipping to the scale (orders ties at its ends)
    withheld: str | None = None  # "channel email": a kind of conversation where the model is not reliable


_SUMMARY = (
    "id, rubric_id, rubric_version, criterion, reliable, reason, alpha, alpha_low, alpha_high, exact, "
    "within_one, reviewers_alpha, n_reviews, trained_at, n_conversations"
)


def _summary(row: Any) -> ModelSummary:
    values = dict(zip(_SUMMARY.split(", "), tuple(row), strict=True))
    values["reliable"] = bool(values["reliable"])
    return ModelSummary(**values)


def save_model(db: Database, model: NewModel) -> int:
    """Store a model as the active one of its rubric version and criterion, in one transaction:
    the previous model stays as history (inactive) and its machine scores are dropped."""
    with db.transaction() as conn:
        previous = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM autoqa_models WHERE rubric_id = ? AND rubric_version = ? AND criterion = ? AND active = 1",
                (model.rubric_id, model.rubric_version, model.criterion),
            ).fetchall()
        ]
        for model_id in previous:
            conn.execute("DELETE FROM autoqa_scores WHERE model_id = ?", (model_id,))
            conn.execute("UPDATE autoqa_models SET active = 0 WHERE id = ?", (model_id,))
        cursor = conn.execute(
            "INSERT INTO autoqa_models (rubric_id, rubric_version, criterion, trained_at, n_reviews, n_conversations, "
            "content_hash, params, reliable, reason, alpha, alpha_low, alpha_high, exact, within_one, "
            "reviewers_alpha, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (
                model.rubric_id,
                model.rubric_version,
                model.criterion,
                now_iso(),
                model.n_reviews,
                model.n_conversations,
                model.content_hash,
                json.dumps(model.params, sort_keys=True, allow_nan=False),
                *_measured(model),
            ),
        )
        return int(cursor.lastrowid or 0)


def update_measured(db: Database, model_id: int, model: NewModel) -> None:
    """Store new agreement figures and verdict of an unchanged model (another bootstrap seed):
    same parameters, so its machine scores stay."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE autoqa_models SET reliable = ?, reason = ?, alpha = ?, alpha_low = ?, alpha_high = ?, exact = ?, "
            "within_one = ?, reviewers_alpha = ? WHERE id = ?",
            (*_measured(model), model_id),
        )


def _measured(model: NewModel) -> tuple[Any, ...]:
    """The verdict and figures, in the order both statements above name them."""
    return (
        int(model.reliable),
        model.reason,
        model.alpha,
        model.alpha_low,
        model.alpha_high,
        model.exact,
        model.within_one,
        model.reviewers_alpha,
    )


def active_models(db: Database, rubric_id: str | None = None) -> list[ModelSummary]:
    """The active model of every rubric version and criterion (optionally of one rubric)."""
    clause, params = ("AND rubric_id = ?", (rubric_id,)) if rubric_id else ("", ())
    rows = db.query(
        f"SELECT {_SUMMARY} FROM autoqa_models WHERE active = 1 {clause} ORDER BY rubric_id, rubric_version, criterion",
        params,
    )
    return [_summary(r) for r in rows]


def model_history(db: Database, rubric_id: str, criterion: str) -> list[ModelSummary]:
    """Every model of a rubric's criterion, newest first (agreement over time)."""
    rows = db.query(
        f"SELECT {_SUMMARY} FROM autoqa_models WHERE rubric_id = ? AND criterion = ? ORDER BY id DESC",
        (rubric_id, criterion),
    )
    return [_summary(r) for r in rows]


def model_params(db: Database, model_id: int) -> dict[str, Any]:
    """The stored parameters (JSON) of a model."""
    text = db.scalar("SELECT params FROM autoqa_models WHERE id = ?", (model_id,))
    return {} if text is None else dict(json.loads(text))


def model_hash(db: Database, model_id: int) -> str | None:
    return db.scalar("SELECT content_hash FROM autoqa_models WHERE id = ?", (model_id,))


def predicted_scores(
    db: Database,
    rubric_id: str,
    rubric_version: int,
    *,
    reliable_only: bool = True,
    criterion: str | None = None,
    far_too: bool = False,
    unclipped: bool = False,
) -> list[tuple[str, str, float, float]]:
    """(conversation_id, criterion, value, uncertainty) of the active models; without
    ``far_too`` not of conversations outside what the model was trained on nor of a channel or
    language where it is not reliable (its figure there is not backed); with ``unclipped`` the value before it was clipped to the scale
    (where stored), which orders the conversations piled up at the scale's ends."""
    clauses, params = _active_scores(rubric_id, rubric_version, reliable_only, criterion, "" if far_too else USABLE)
    rows = db.query(
        f"SELECT s.conversation_id, m.criterion, {'coalesce(s.unclipped, s.value)' if unclipped else 's.value'}, "
        "s.uncertainty FROM autoqa_scores s JOIN autoqa_models m ON m.id = s.model_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY s.conversation_id, m.criterion",
        tuple(params),
    )
    return [(str(r[0]), str(r[1]), float(r[2]), float(r[3])) for r in rows]


def _active_scores(
    rubric_id: str, rubric_version: int, reliable_only: bool, criterion: str | None, far: str
) -> tuple[list[str], list[Any]]:
    """The conditions (and their parameters) on the active models' scores of a rubric version."""
    clauses = ["m.rubric_id = ?", "m.rubric_version = ?", "m.active = 1", *([far] if far else [])]
    params: list[Any] = [rubric_id, rubric_version]
    if reliable_only:
        clauses.append("m.reliable = 1")
    if criterion is not None:
        clauses.append("m.criterion = ?")
        params.append(criterion)
    return clauses, params


def far_conversations(
    db: Database, rubric_id: str, rubric_version: int, *, reliable_only: bool = True, criterion: str | None = None
) -> set[str]:
    """Conversations that an active model (reliable, of one criterion) marks as outside what it
    was trained on: sampling says how many it could not rank on their predicted score."""
    clauses, params = _active_scores(rubric_id, rubric_version, reliable_only, criterion, "s.far = 1")
    rows = db.query(
        "SELECT DISTINCT s.conversation_id FROM autoqa_scores s JOIN autoqa_models m ON m.id = s.model_id "
        f"WHERE {' AND '.join(clauses)}",
        tuple(params),
    )
    return {str(r[0]) for r in rows}


def withheld_conversations(
    db: Database, rubric_id: str, rubric_version: int, *, reliable_only: bool = True, criterion: str | None = None
) -> dict[str, str]:
    """Conversations (not far) whose figure an active model withholds because AutoQA is not
    reliable on their channel or language, with where ("channel email")."""
    clauses, params = _active_scores(
        rubric_id, rubric_version, reliable_only, criterion, "s.far = 0 AND s.withheld IS NOT NULL"
    )
    rows = db.query(
        "SELECT s.conversation_id, max(s.withheld) FROM autoqa_scores s JOIN autoqa_models m ON m.id = s.model_id "
        f"WHERE {' AND '.join(clauses)} GROUP BY s.conversation_id",
        tuple(params),
    )
    return {str(r[0]): str(r[1]) for r in rows}


def _kinds(skip_kinds: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """A condition leaving out conversations of these kinds (bot-only ones for an agent
    rubric): what the rubric cannot score, it must not be given a machine score for."""
    if not skip_kinds:
        return "", ()
    return f" AND {kind_sql('c.id')} NOT IN ({', '.join('?' * len(skip_kinds))})", tuple(skip_kinds)


def _to_score(
    model_id: int, filters: Filters, everything: bool, what: str, skip_kinds: Sequence[str] = ()
) -> tuple[str, tuple[Any, ...]]:
    condition, params = where(filters, "c")
    kinds, kind_params = _kinds(skip_kinds)
    stale = (
        ""
        if everything
        else " AND (s.conversation_id IS NULL OR s.conversation_hash IS NOT c.content_hash "
        "OR s.analyzed_at IS NOT g.analyzed_at)"
    )
    return (
        f"SELECT {what} FROM conversations c "
        "LEFT JOIN conversation_signals g ON g.conversation_id = c.id "
        "LEFT JOIN autoqa_scores s ON s.conversation_id = c.id AND s.model_id = ? "
        f"WHERE {condition}{kinds}{stale}",
        (model_id, *params, *kind_params),
    )


def conversations_to_score(
    db: Database, model_id: int, filters: Filters, *, everything: bool = False, skip_kinds: Sequence[str] = ()
) -> list[str]:
    """Conversations (within the filters, not of ``skip_kinds``) the model has not scored, or
    whose content or signals changed since it did; with ``everything`` all of them."""
    sql, params = _to_score(model_id, filters, everything, "c.id", skip_kinds)
    return [str(r[0]) for r in db.query(sql + " ORDER BY c.id", params)]


def count_to_score(db: Database, model_id: int, filters: Filters, skip_kinds: Sequence[str] = ()) -> int:
    """How many conversations :func:`conversations_to_score` would return."""
    sql, params = _to_score(model_id, filters, False, "count(*)", skip_kinds)
    return int(db.scalar(sql, params) or 0)


def count_in_scope(db: Database, filters: Filters, skip_kinds: Sequence[str] = ()) -> int:
    """Conversations within the filters and not of ``skip_kinds`` (what 100% coverage means)."""
    condition, params = where(filters, "c")
    kinds, kind_params = _kinds(skip_kinds)
    return int(
        db.scalar(f"SELECT count(*) FROM conversations c WHERE {condition}{kinds}", (*params, *kind_params)) or 0
    )


def drop_out_of_scope(db: Database, model_id: int, skip_kinds: Sequence[str]) -> int:
    """Delete the model's scores of conversations its rubric cannot score (left by an older
    version that scored them): they must not be averaged into machine-estimated figures."""
    if not skip_kinds:
        return 0
    marks = ", ".join("?" * len(skip_kinds))
    with db.transaction() as conn:
        cursor = conn.execute(
            "DELETE FROM autoqa_scores WHERE model_id = ? AND conversation_id IN "
            f"(SELECT c.id FROM conversations c WHERE {kind_sql('c.id')} IN ({marks}))",
            (model_id, *skip_kinds),
        )
        return int(cursor.rowcount or 0)


def write_scores(db: Database, model_id: int, scores: Sequence[MachineScore]) -> int:
    """Insert or replace a batch of one model's machine scores, in one transaction."""
    at = now_iso()
    rows = [
        (
            model_id,
            s.conversation_id,
            float(s.value),
            float(s.uncertainty),
            json.dumps(list(s.reasons), ensure_ascii=False),
            at,
            s.conversation_hash,
            s.analyzed_at,
            s.feature_hash,
            s.distance,
            int(s.far),
            s.unclipped,
            s.withheld,
        )
        for s in scores
    ]
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO autoqa_scores (model_id, conversation_id, value, uncertainty, reasons, scored_at, "
            "conversation_hash, analyzed_at, feature_hash, distance, far, unclipped, withheld) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(model_id, conversation_id) DO UPDATE SET value = excluded.value, "
            "uncertainty = excluded.uncertainty, reasons = excluded.reasons, scored_at = excluded.scored_at, "
            "conversation_hash = excluded.conversation_hash, analyzed_at = excluded.analyzed_at, "
            "feature_hash = excluded.feature_hash, distance = excluded.distance, far = excluded.far, "
            "unclipped = excluded.unclipped, withheld = excluded.withheld",
            rows,
        )
    return len(rows)


def feature_hashes(db: Database, model_id: int, ids: Sequence[str]) -> dict[str, str]:
    """conversation id -> the fingerprint of the figures the model scored it on (where stored)."""
    out: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        rows = db.query(
            "SELECT conversation_id, feature_hash FROM autoqa_scores WHERE model_id = ? AND feature_hash IS NOT NULL "
            f"AND conversation_id IN ({','.join('?' * len(chunk))})",
            (model_id, *chunk),
        )
        out.update({str(r[0]): str(r[1]) for r in rows})
    return out


def keep_scores(db: Database, model_id: int, seen: Sequence[tuple[str, str | None, str | None]]) -> int:
    """Mark scores as up to date with the conversation and signals they were checked against
    ((id, conversation_hash, analyzed_at) each): their figures did not change, so neither
    did the score, and the next run need not look at them again."""
    with db.transaction() as conn:
        conn.executemany(
            "UPDATE autoqa_scores SET conversation_hash = ?, analyzed_at = ? WHERE model_id = ? AND conversation_id = ?",
            [(conversation_hash, analyzed_at, model_id, cid) for cid, conversation_hash, analyzed_at in seen],
        )
    return len(seen)


def count_scores(db: Database, model_id: int, skip_kinds: Sequence[str] = ()) -> int:
    """The model's scores, not of ``skip_kinds`` (left by an older run until the next score run
    drops them: counted, they made "Scored 301 of 222")."""
    kinds, kind_params = _kinds(skip_kinds)
    return int(
        db.scalar(
            "SELECT count(*) FROM autoqa_scores s JOIN conversations c ON c.id = s.conversation_id "
            f"WHERE s.model_id = ?{kinds}",
            (model_id, *kind_params),
        )
        or 0
    )


def count_far(db: Database, model_id: int, filters: Filters | None = None) -> int:
    """How many of the model's scores (of conversations within the filters) are outside what
    it was trained on."""
    condition, params = where(filters or Filters(), "c")
    return int(
        db.scalar(
            "SELECT count(*) FROM autoqa_scores s JOIN conversations c ON c.id = s.conversation_id "
            f"WHERE s.model_id = ? AND s.far = 1 AND {condition}",
            (model_id, *params),
        )
        or 0
    )


def training_scores(db: Database, rubric_id: str | None = None) -> list[tuple[str, int, str, str, str, int]]:
    """(rubric_id, rubric_version, criterion, conversation_id, reviewer, score) of every
    submitted review: the final (corrected) scores, imported ones included. N/A, empty scores
    and accepted suggestions are left out: a model must not learn from its own output."""
    clause, params = ("AND r.rubric_id = ?", (rubric_id,)) if rubric_id else ("", ())
    rows = db.query(
        "SELECT r.rubric_id, r.rubric_version, sc.criterion, r.conversation_id, r.reviewer, sc.score "
        "FROM reviews r JOIN review_scores sc ON sc.review_id = r.id "
        "WHERE r.status = 'submitted' AND sc.na = 0 AND sc.score IS NOT NULL AND sc.suggested = 0 "
        f"{clause} ORDER BY r.rubric_id, r.rubric_version, sc.criterion, r.conversation_id, r.reviewer",
        params,
    )
    return [(str(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), int(r[5])) for r in rows]


def na_counts(db: Database, rubric_id: str | None = None) -> dict[tuple[str, int, str], int]:
    """(rubric_id, rubric_version, criterion) -> how many submitted scores are N/A: training
    says so for a criterion scored only N/A, instead of leaving it out without a word."""
    clause, params = ("AND r.rubric_id = ?", (rubric_id,)) if rubric_id else ("", ())
    rows = db.query(
        "SELECT r.rubric_id, r.rubric_version, sc.criterion, count(*) FROM reviews r "
        "JOIN review_scores sc ON sc.review_id = r.id WHERE r.status = 'submitted' AND sc.na = 1 "
        f"{clause} GROUP BY r.rubric_id, r.rubric_version, sc.criterion",
        params,
    )
    return {(str(r[0]), int(r[1]), str(r[2])): int(r[3]) for r in rows}


def conversation_inputs(db: Database, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id -> the conversation's row with its signals and phases (None where not analysed):
    what AutoQA features are computed from, besides the messages. ``per_message`` is the
    stored JSON text of the per-message sentiment and frustration, parsed by the caller."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        rows = db.query(
            "SELECT c.id, c.content_hash, c.outcome, c.csat, c.language, c.channel, g.analyzed_at, g.peak_frustration, "
            "g.mean_frustration, g.sentiment_start, g.sentiment_end, g.trajectory, g.bot_loop, g.stuck_in_bot, "
            "g.handover, g.handover_latency_turns, g.handover_latency_seconds, g.bot_disclosed, g.handover_offered, "
            "g.uncertainty_admitted, g.n_spikes, g.n_bot_repeats, g.n_customer_repeats, g.n_human_requests, "
            "g.max_ignored_bot_turns, g.risk, g.per_message, p.kind, p.bot_customer_messages, p.bot_peak_frustration, "
            "p.bot_mean_frustration, p.bot_spikes, p.bot_repeats, p.bot_customer_repeats, p.wait_messages, "
            "p.wait_seconds, p.agent_customer_messages, p.agent_peak_frustration, p.agent_mean_frustration, "
            "p.agent_spikes, p.agent_customer_repeats, p.arrival_frustration, p.arrived_frustrated, "
            "p.agent_end_frustration, p.agent_change, p.agent_added "
            "FROM conversations c LEFT JOIN conversation_signals g ON g.conversation_id = c.id "
            "LEFT JOIN conversation_phases p ON p.conversation_id = c.id "
            f"WHERE c.id IN ({marks})",
            tuple(chunk),
        )
        for row in rows:
            out[str(row[0])] = dict(zip(row.keys(), tuple(row), strict=True))
    return out


def conversation_kinds(db: Database, ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
    """id -> (channel, language): the kinds of conversation training measures agreement on."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT id, channel, language FROM conversations WHERE id IN ({marks})", tuple(chunk)):
            out[str(row[0])] = (row[1], row[2])
    return out


def messages_for(db: Database, ids: Sequence[str]) -> Iterable[tuple[str, int, str, str, str | None]]:
    """(conversation_id, position, role, text, at) of the ids, grouped by conversation in order."""
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in db.query(
            f"SELECT conversation_id, position, role, text, at FROM messages WHERE conversation_id IN ({marks}) "
            "ORDER BY conversation_id, position",
            tuple(chunk),
        ):
            yield (row[0], row[1], row[2], row[3], row[4])
