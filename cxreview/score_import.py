"""Import historical or external review scores from CSV, validated and all-or-nothing.

Columns: conversation_id, reviewer, criterion, score, and optional note, submitted_at,
rubric. One review per (conversation, reviewer, rubric); rows of one review may be spread
over the file. Imported reviews are submitted reviews with source "import".
"""

from __future__ import annotations

import csv
import itertools
import json
import math
from dataclasses import dataclass, field

from cxreview.errors import CxReviewError, InputError
from cxreview.hygiene import clean_name, clean_text
from cxreview.ingest.csv_format import detect_delimiter
from cxreview.ingest.records import Problems, parse_timestamp
from cxreview.ingest.sources import open_source
from cxreview.reviews import register_rubric, stored_rubric
from cxreview.rubrics.loader import resolve_rubric
from cxreview.rubrics.model import Rubric
from cxreview.rubrics.scoring import review_score
from cxreview.store import Database
from cxreview.store import reviews as sql
from cxreview.store.clock import now_iso
from cxreview.store.conversations import conversation_exists

REQUIRED = ("conversation_id", "reviewer", "criterion", "score")
NA_VALUES = {"na", "n/a", "n.v.t.", "nvt", "-"}
BINARY_VALUES = {"yes": 1, "no": 0, "ja": 1, "nee": 0, "true": 1, "false": 0, "1": 1, "0": 0, "pass": 1, "fail": 0}


@dataclass
class ScoreImportSummary:
    reviews_new: int = 0
    reviews_updated: int = 0
    scores: int = 0
    rubrics: set[str] = field(default_factory=set)


@dataclass
class _PendingReview:
    conversation_id: str
    reviewer: str
    rubric: Rubric
    submitted_at: str | None
    where: str = ""
    scores: dict[str, tuple[int | None, bool, str]] = field(default_factory=dict)
    # Scores of the same review already in the database (a re-import may complete it).
    stored: dict[str, int | str | None] = field(default_factory=dict)
    complete: bool = True


def import_scores(
    db: Database,
    path: str,
    default_rubric: Rubric | None = None,
    column_map: dict[str, str] | None = None,
    as_draft: bool = False,
) -> ScoreImportSummary:
    """Validate every row, then write every review in one transaction, or nothing.

    A review that misses criteria of its rubric is an error, or with ``as_draft`` a
    draft to finish in the review app: never a submitted review with a made-up score.
    """
    column_map = column_map or {}
    source = open_source(path)
    problems: list[str] = []
    rubric_cache: dict[str, Rubric] = {}
    if default_rubric is not None:
        rubric_cache[default_rubric.id] = default_rubric
    pending: dict[tuple[str, str, str], _PendingReview] = {}
    try:
        current = [0]

        def text_lines():  # type: ignore[no-untyped-def]
            for number, line in source.lines():
                current[0] = number
                yield line

        lines = text_lines()
        first = next(lines, None)
        if first is None:
            raise InputError(f"{source.name}: the file is empty", "export the scores with a header row")
        delimiter = detect_delimiter(first, REQUIRED, column_map)
        reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        header = next(reader)
        columns = [column_map.get(h.strip(), h.strip()) for h in header]
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise InputError(
                f'{source.name}:1: missing column "{missing[0]}"; the header has {", ".join(columns)}',
                f"rename a column with --map YOUR_COLUMN={missing[0]}",
            )
        index = {c: i for i, c in enumerate(columns)}
        known_conversations = _ConversationCheck(db)
        for row in reader:
            line = current[0]
            if not any(cell.strip() for cell in row):
                continue
            where = Problems(f"{source.name}:{line}")
            if len(row) != len(columns):
                where.add(f"has {len(row)} cells but the header has {len(columns)}")
                problems.extend(where.items)
                continue
            cell = {c: row[i].strip() for c, i in index.items()}
            rubric = _rubric_for(db, cell.get("rubric") or "", rubric_cache, default_rubric, where)
            conv_id = cell["conversation_id"]
            if not conv_id:
                where.add("empty conversation_id")
            elif not known_conversations(conv_id):
                where.add(f'no conversation "{conv_id}" in the database; import the conversations first')
            reviewer = clean_name(cell["reviewer"])
            if not reviewer:
                where.add("empty reviewer; every score needs the name of who gave it")
            submitted_at = parse_timestamp(cell.get("submitted_at") or None, "submitted_at", where)
            score_value = None
            if rubric is not None:
                score_value = _parse_score(rubric, cell["criterion"], cell["score"], where)
            if where.items or rubric is None or score_value is None:
                problems.extend(where.items)
                continue
            key = (conv_id, reviewer, rubric.id)
            review = pending.setdefault(key, _PendingReview(conv_id, reviewer, rubric, submitted_at, where.where))
            if cell["criterion"] in review.scores:
                problems.append(
                    f"{where.where}: {reviewer} scored {cell['criterion']} of {conv_id} twice; keep one row"
                )
                continue
            review.submitted_at = review.submitted_at or submitted_at
            review.scores[cell["criterion"]] = (*score_value, clean_text(cell.get("note", "")))
    finally:
        source.close()
    problems.extend(source.problems)
    if not problems:
        problems.extend(_check_complete(db, pending, as_draft))
    if problems:
        raise InputError(
            f"nothing was imported: {len(problems)} problem{'s' * (len(problems) != 1)} in {source.name}",
            "fix the rows listed above and run the same import again",
            problems=problems[:50],
        )
    return _write(db, pending)


def _write(db: Database, pending: dict[tuple[str, str, str], _PendingReview]) -> ScoreImportSummary:
    summary = ScoreImportSummary()
    for rubric in {r.rubric.id: r.rubric for r in pending.values()}.values():
        register_rubric(db, rubric)
        summary.rubrics.add(f"{rubric.id} v{rubric.version}")
    with db.transaction() as conn:
        for review in pending.values():
            row = sql.find_review(conn, review.conversation_id, review.reviewer, review.rubric.id)
            status = "submitted" if review.complete else "draft"
            submitted_at = (review.submitted_at or now_iso()) if review.complete else None
            if row is None:
                review_id = sql.insert_review(
                    conn,
                    review.conversation_id,
                    review.reviewer,
                    review.rubric.id,
                    review.rubric.version,
                    None,
                    source="import",
                    status=status,
                    submitted_at=submitted_at,
                )
                summary.reviews_new += 1
            else:
                review_id = row["id"]
                summary.reviews_updated += 1
            for criterion, (score, na, note) in review.scores.items():
                sql.upsert_score(
                    conn, review_id, criterion, score=score, na=int(na), note=note, root_causes=json.dumps([])
                )
                summary.scores += 1
            if not review.complete:
                sql.update_review(conn, review_id, status="draft", submitted_at=None, score=None, passed=None)
                continue
            values = {**review.stored, **{c: ("na" if na else s) for c, (s, na, _) in review.scores.items()}}
            result = review_score(review.rubric, values)
            sql.update_review(
                conn,
                review_id,
                status="submitted",
                submitted_at=submitted_at,
                score=result.score,
                passed=None if result.passed is None else int(result.passed),
                critical_fail=int(result.critical_fail),
            )
            sql.mark_first_submitted(conn, review_id, submitted_at or now_iso())  # imported reviews can be disputed
    from cxreview.calibrated import refresh

    # Imported scores are blind first submissions: refit every rubric version they touch.
    refresh(db, sorted({(r.rubric.id, r.rubric.version) for r in pending.values()}))
    return summary


def _rubric_for(
    db: Database, name: str, cache: dict[str, Rubric], default: Rubric | None, where: Problems
) -> Rubric | None:
    if not name:
        if default is None:
            where.add('no rubric: add a "rubric" column or pass --rubric FILE')
        return default
    if name in cache:
        return cache[name]
    try:
        rubric = stored_rubric(db, name)
    except CxReviewError:  # not used here yet: try a shipped rubric of that name
        try:
            rubric = resolve_rubric(name)
        except CxReviewError:
            where.add(f'unknown rubric "{name}"; pass its file with --rubric or use a shipped rubric')
            return None
    cache[name] = rubric
    return rubric


def _parse_score(rubric: Rubric, criterion_id: str, raw: str, where: Problems) -> tuple[int | None, bool] | None:
    try:
        criterion = rubric.criterion(criterion_id)
    except KeyError:
        known = ", ".join(c.id for c in rubric.criteria)
        where.add(f'rubric "{rubric.id}" has no criterion "{criterion_id}"; use one of {known}')
        return None
    value = raw.strip().lower()
    if value in NA_VALUES:
        if not criterion.allow_na:
            where.add(f"{criterion_id} cannot be N/A in rubric {rubric.id}; give a score")
            return None
        return None, True
    if criterion.binary and value in BINARY_VALUES:
        return BINARY_VALUES[value], False
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):  # also inf, nan and 1e400, which float() accepts
        where.add(f'score "{raw}" for {criterion_id} is not a number')
        return None
    if number != int(number) or not criterion.min <= number <= criterion.max:
        where.add(f"score {raw} for {criterion_id} is outside {criterion.min}..{criterion.max}")
        return None
    return int(number), False


def _check_complete(db: Database, pending: dict[tuple[str, str, str], _PendingReview], as_draft: bool) -> list[str]:
    """Every review must score every criterion (here or already stored), or become a draft."""
    problems = []
    for review in pending.values():
        row = sql.find_review(db.conn, review.conversation_id, review.reviewer, review.rubric.id)
        if row is not None:
            for stored in sql.score_rows(db.conn, row["id"]):
                if stored["na"]:
                    review.stored[stored["criterion"]] = "na"
                elif stored["score"] is not None:
                    review.stored[stored["criterion"]] = stored["score"]
        missing = [c for c in review.rubric.criteria if c.id not in review.scores and c.id not in review.stored]
        if not missing:
            continue
        review.complete = False
        if as_draft:
            continue
        critical = [c.id for c in missing if c.critical is not None]
        names = ", ".join(c.id for c in missing) + (f" (critical: {', '.join(critical)})" if critical else "")
        problems.append(
            f"{review.where}: the review of {review.conversation_id} by {review.reviewer} misses "
            f"{names}; score every criterion "
            f"of rubric {review.rubric.id}, or pass --as-draft to import incomplete reviews as drafts"
        )
    return problems


class _ConversationCheck:
    """Memoised existence check, so a large score file costs one lookup per conversation."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.known: dict[str, bool] = {}

    def __call__(self, conversation_id: str) -> bool:
        if conversation_id not in self.known:
            self.known[conversation_id] = conversation_exists(self.db.conn, conversation_id)
        return self.known[conversation_id]
