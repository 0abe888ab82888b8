"""Exports: CSV safe to open in Excel or Sheets, and JSON Lines, in a stable column order."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from cxreview.errors import UsageError
from cxreview.filters import Filters
from cxreview.parties import party_of
from cxreview.progress import SILENT, Phases, Steps
from cxreview.signals.reasons import reasons_in_words
from cxreview.store import Database
from cxreview.store import exports as sql

# OWASP CSV injection: a text cell starting with one of these could run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Columns holding JSON arrays or objects in the database, exported as real lists in JSONL.
_JSON_COLUMNS = {"flags", "risk_reasons", "root_causes", "tags"}
_BOOL_COLUMNS = {
    "handover",
    "bot_disclosed",
    "handover_offered",
    "uncertainty_admitted",
    "pass",
    "critical_fail",
    "na",
    "random_pick",
    "arrived_frustrated",
    "edited",
}


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _prepare(column: str, value: Any, for_csv: bool) -> Any:
    if column == "reasons":
        # A message's stored reasons and their evidence, in the words of the review screen.
        cues = json.loads(value) if isinstance(value, str) else None
        reasons = reasons_in_words(cues) if isinstance(cues, dict) else []
        return "; ".join(reasons) if for_csv else reasons
    if column in _JSON_COLUMNS and isinstance(value, str):
        value = json.loads(value)
        if for_csv:
            return "; ".join(str(v) for v in value) if isinstance(value, list) else value
        return value
    if column in _BOOL_COLUMNS and value is not None and not isinstance(value, str):
        return bool(value)
    return value


def _in_order(row: Any, columns: Sequence[str]) -> bool:
    """A tuple row (PostgreSQL's) with exactly these columns in this order is read by position:
    by name each value is a Python-level lookup, a second per million values."""
    return isinstance(row, tuple) and hasattr(row, "keys") and list(row.keys()) == list(columns)


def write_rows(
    out: IO[str],
    columns: Sequence[str],
    rows: Iterable[Any],
    fmt: str,
    formula_guard: bool = True,
    phases: Phases = SILENT,
    total: int | None = None,
) -> int:
    """Write rows (mappings or sqlite Rows) as CSV or JSONL; return how many.

    formula_guard=False (`--no-formula-guard`) writes CSV text exactly as stored, for data
    pipelines: 89% of a Twitter export starts with "@", which the guard prefixes with "'".
    """
    count = 0
    guard = safe_cell if formula_guard else _as_is
    if fmt not in ("csv", "jsonl"):
        raise UsageError(f'unknown format "{fmt}"', "use --format csv or --format jsonl")
    phases.reset("Exporting: writing rows", total)
    in_order: bool | None = None
    writer = csv.writer(out, lineterminator="\n")
    if fmt == "csv":
        writer.writerow(columns)
    for row in rows:
        in_order = _in_order(row, columns) if in_order is None else in_order
        pairs = zip(columns, row, strict=True) if in_order else ((c, row[c]) for c in columns)
        if fmt == "csv":
            writer.writerow([guard(_csv_value(_prepare(c, v, True))) for c, v in pairs])
        else:
            out.write(json.dumps({c: _prepare(c, v, False) for c, v in pairs}, ensure_ascii=False) + "\n")
        count += 1
        if count % 1000 == 0:
            phases.advance(1000)
    phases.advance(count % 1000)
    return count


def _as_is(value: Any) -> Any:
    return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return value


def export_signals(
    db: Database,
    level: str,
    filters: Filters,
    out: IO[str],
    fmt: str,
    formula_guard: bool = True,
    phases: Phases = SILENT,
) -> int:
    """The message and conversation levels: texts with their signals."""
    if level == "message":
        rows = sql.message_rows(db.conn, filters)
        return write_rows(out, sql.MESSAGE_COLUMNS, rows, fmt, formula_guard, phases)
    if level == "conversation":
        rows = sql.conversation_rows(db.conn, filters)
        return write_rows(out, sql.CONVERSATION_COLUMNS, rows, fmt, formula_guard, phases)
    raise UsageError(f'unknown level "{level}"', "use --level message or --level conversation")


REVIEW_COLUMNS = (
    "review_id",
    "conversation_id",
    "agent",
    "queue",
    "channel",
    "reviewer",
    "session",
    "pick",
    "rubric_id",
    "rubric_version",
    "party",
    "status",
    "submitted_at",
    "review_seconds",
    "raw_score",
    "calibrated_score",
    "pass",
    "critical_fail",
    "offsets",
    "overall_note",
    "edited",
    "edit_count",
    "original_score",
    "dispute_status",
    "suggested_count",
)
CRITERION_COLUMNS = (
    *REVIEW_COLUMNS[:13],
    "criterion",
    "raw",
    "calibrated",
    "offset_applied",
    "offset_note",
    "na",
    "root_causes",
    "note",
    "edited",
    "original",
    "dispute_status",
    "suggested",
)


def calibrations_for(db: Database, benchmark: str | None = None) -> dict[tuple[str, int], Any]:
    """Leniency offsets per (rubric id, version), fitted on every blind submitted score (no
    bootstrap: exports need the offsets, not the agreement intervals)."""
    from cxreview.calibration import calibrate, load_scores

    if benchmark is None:  # the default: the same fit as the stored calibrated scores
        from cxreview.calibrated import fit

        return {key: fit(scores) for key, scores in load_scores(db).items()}
    return {key: calibrate(scores, benchmark, bootstrap=0) for key, scores in load_scores(db).items()}


def review_records(
    db: Database,
    level: str,
    filters: Filters,
    calibrated: bool = True,
    include_drafts: bool = False,
    session: str | None = None,
    benchmark: str | None = None,
    calibrations: dict[tuple[str, int], Any] | None = None,
    phases: Phases = SILENT,
) -> list[dict[str, Any]]:
    """Rows of the review or criterion level, scores calibrated unless ``calibrated`` is False
    (offsets centred, or anchored on ``benchmark``). Callers that need both levels pass
    ``calibrations`` from :func:`calibrations_for`, so the offsets are fitted once."""
    import json as _json

    from cxreview.calibrated import offsets_summary, review_result
    from cxreview.reviews import rubric_versions
    from cxreview.store.calibration import review_context, score_rows

    step = Steps(phases, f"Reviews ({level} level)", 3)
    step.next("leniency offsets")
    if not calibrated:
        calibrations = {}
    elif calibrations is None:
        calibrations = calibrations_for(db, benchmark)
    step.next("corrections and disputes")
    rubrics = rubric_versions(db)
    changes = _corrections(db)
    step.next("scores")
    scores_by_review: dict[int, list] = {}
    for row in score_rows(db.conn, include_drafts=include_drafts):
        scores_by_review.setdefault(row["review_id"], []).append(row)
    records: list[dict[str, Any]] = []
    contexts = review_context(db.conn, include_drafts)
    phases.reset(f"Reviews ({level} level): calibrated scores", len(contexts))
    for index, review in enumerate(contexts, 1):
        if index % 500 == 0:
            phases.advance(500)
        if not filters.matches(review) or (session and review["session"] != session):
            continue
        rubric = rubrics[(review["rubric_id"], review["rubric_version"])]
        calibration = calibrations.get((review["rubric_id"], review["rubric_version"]))
        calibrated_result, raw_result, criterion_rows = review_result(
            calibration, rubric, review["reviewer"], scores_by_review.get(review["review_id"], [])
        )
        assert raw_result is not None  # asked for (raw=True)
        chosen = calibrated_result if calibrated else raw_result
        base = {
            "review_id": review["review_id"],
            "conversation_id": review["conversation_id"],
            "agent": review["agent"],
            "queue": review["queue"],
            "channel": review["channel"],
            "reviewer": review["reviewer"],
            "session": review["session"],
            "pick": review["pick"] or ("imported" if review["source"] == "import" else None),
            "rubric_id": review["rubric_id"],
            "rubric_version": review["rubric_version"],
            "party": party_of(rubric),
            "status": review["status"],
            "submitted_at": review["submitted_at"],
            "review_seconds": round(review["review_seconds"] or 0, 1),
        }
        review_id = review["review_id"]
        if level == "review":
            edits = changes["edit_counts"].get(review_id, 0)
            statuses = changes["review_disputes"].get(review_id, [])
            original = changes["original_scores"].get(review_id, raw_result.score)
            records.append(
                {
                    **base,
                    "raw_score": _round(raw_result.score),
                    "calibrated_score": _round(chosen.score) if calibrated else None,
                    "pass": chosen.passed,
                    "critical_fail": chosen.critical_fail,
                    "offsets": offsets_summary(criterion_rows) if calibrated else None,
                    "overall_note": review["overall_note"],
                    "edited": edits > 0,
                    "edit_count": edits,
                    "original_score": _round(original),
                    # One word per review: any open dispute first, else the latest decision.
                    "dispute_status": "open" if "open" in statuses else (statuses[-1] if statuses else None),
                    "suggested_count": sum(bool(row[0]["suggested"]) for row in criterion_rows),
                }
            )
            continue
        for score, value, offset, na, note in criterion_rows:
            key = (review_id, score["criterion"])
            original_score, original_na = changes["originals"].get(key, (score["score"], na))
            records.append(
                {
                    **base,
                    "criterion": score["criterion"],
                    "raw": score["score"],
                    "calibrated": _round(value) if calibrated and not na else None,
                    "offset_applied": round(offset, 4) if calibrated else None,
                    "offset_note": note if calibrated else None,
                    "na": na,
                    "root_causes": _json.dumps(_json.loads(score["root_causes"]), ensure_ascii=False),
                    "note": score["note"],
                    "edited": (original_score, original_na) != (score["score"], na),
                    "original": "na" if original_na else original_score,
                    "dispute_status": changes["disputes"].get(key),
                    "suggested": bool(score["suggested"]),
                }
            )
    return records


def _corrections(db: Database) -> dict[str, Any]:
    """Edit counts, the reviewers' first submissions and dispute states, read once per export."""
    from cxreview.store import corrections, disputes

    by_criterion = disputes.status_by_criterion(db.conn)
    by_review: dict[int, list[str]] = {}
    for (review_id, _), status in by_criterion.items():
        by_review.setdefault(review_id, []).append(status)
    return {
        "edit_counts": corrections.edit_counts(db.conn),
        "original_scores": corrections.original_scores(db.conn),
        "originals": corrections.originals(db.conn),
        "disputes": by_criterion,
        "review_disputes": by_review,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def export_reviews(
    db: Database,
    level: str,
    filters: Filters,
    out: IO[str],
    fmt: str,
    calibrated: bool = True,
    include_drafts: bool = False,
    session: str | None = None,
    benchmark: str | None = None,
    formula_guard: bool = True,
    phases: Phases = SILENT,
) -> int:
    records = review_records(db, level, filters, calibrated, include_drafts, session, benchmark, phases=phases)
    columns = REVIEW_COLUMNS if level == "review" else CRITERION_COLUMNS
    return write_rows(out, columns, records, fmt, formula_guard, phases, len(records))
