"""Disputes: an agent contests the score of one criterion of a submitted review; an arbiter decides.

States: open -> accepted (the arbiter changes the score), rejected (with an answer) or
withdrawn (by the agent who opened it). A decided dispute is final. An optional deadline
(days after the review was first submitted; per rubric with ``dispute_days``, or for the
whole database with ``cxreview disputes deadline``) refuses late disputes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from cxreview.errors import ConflictError, InputError, NotFoundError, UsageError
from cxreview.hygiene import clean_name, clean_text
from cxreview.store import Database
from cxreview.store import corrections as corrections_sql
from cxreview.store import disputes as sql
from cxreview.store import reviews as review_sql

STATUSES = ("open", "accepted", "rejected", "withdrawn")
DEADLINE_SETTING = "dispute_days"
# Which decision may follow which: only an open dispute can change state.
TRANSITIONS = {"open": ("accepted", "rejected", "withdrawn")}


@dataclass
class Opened:
    """A new dispute, as the CLI reports it."""

    id: int
    review_id: int
    criterion: str


def global_deadline_days(db: Database) -> int | None:
    value = corrections_sql.get_setting(db.conn, DEADLINE_SETTING)
    return None if value is None else int(value)


def set_global_deadline(db: Database, days: int | None) -> None:
    if days is not None and days < 1:
        raise UsageError(f"a deadline of {days} days makes every dispute late", "give 1 day or more, or 'off'")
    with db.transaction() as conn:
        corrections_sql.set_setting(conn, DEADLINE_SETTING, None if days is None else str(days))


def _parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _check_can_open(conn: Any, review_id: int, criterion: str, when: datetime, days: int | None) -> Any:
    """The review and rubric criterion a new dispute is about, or the one-line reason it cannot be."""
    from cxreview.reviews import stored_rubric_from_conn

    review = review_sql.review_row(conn, review_id)
    if review is None:
        raise NotFoundError(f"no review {review_id}", "list reviews with 'cxreview export --level review'")
    if review["first_submitted_at"] is None:
        raise ConflictError(
            f"review {review_id} is a draft, not submitted yet", "dispute it once its reviewer has submitted it"
        )
    rubric = stored_rubric_from_conn(conn, review["rubric_id"], review["rubric_version"])
    try:
        rubric.criterion(criterion)
    except KeyError:
        known = ", ".join(c.id for c in rubric.criteria)
        raise NotFoundError(f'rubric "{rubric.id}" has no criterion "{criterion}"', f"use one of {known}") from None
    limit = rubric.dispute_days if rubric.dispute_days is not None else days
    if limit is not None:
        deadline = _parse_time(review["first_submitted_at"]) + timedelta(days=limit)
        if when > deadline:
            raise ConflictError(
                f"the dispute deadline of review {review_id} passed on {deadline:%Y-%m-%d %H:%M} UTC "
                f"({limit} days after it was submitted)",
                "disputes after the deadline are not accepted; talk to the QA lead",
            )
    if sql.open_dispute_on(conn, review_id, criterion) is not None:
        raise ConflictError(
            f"review {review_id} already has an open dispute on {criterion}", "add to it, or wait for the decision"
        )
    return review


def _clean(value: str | None, what: str, fix: str, name: bool = False) -> str:
    # Names and reasons end up in terminals and reports: no escapes (and no bidi in names).
    text = (clean_name if name else clean_text)(value or "").strip()
    if not text:
        raise UsageError(f"{what} is empty", fix)
    return text


def open_dispute(
    db: Database,
    review_id: int,
    criterion: str,
    by: str,
    reason: str,
    now: datetime | None = None,
) -> Opened:
    """Contest one criterion's score; refused on drafts, unknown criteria and after the deadline."""
    by = _clean(by, "the name of who disputes", "pass --by AGENT", name=True)
    reason = _clean(reason, "the reason", "say why the score is wrong with --reason TEXT")
    when = now or datetime.now(timezone.utc)
    days = global_deadline_days(db)
    with db.transaction() as conn:
        _check_can_open(conn, review_id, criterion, when, days)
        score = corrections_sql.score_of(conn, review_id, criterion)
        dispute_id = sql.insert_dispute(
            conn, review_id, criterion, by, reason, score, when.strftime("%Y-%m-%dT%H:%M:%SZ")
        )
    return Opened(dispute_id, review_id, criterion)


IMPORT_COLUMNS = ("review_id", "criterion", "by", "reason")


def import_disputes(db: Database, path: str | Path, now: datetime | None = None) -> list[Opened]:
    """Open every dispute of a CSV (review_id, criterion, by, reason, optional opened_at), all or
    nothing: one bad row and nothing is written, with every problem listed."""
    path = Path(path)
    try:
        from cxreview.ingest.csv_format import detect_delimiter

        with path.open(encoding="utf-8-sig", newline="") as handle:
            delimiter = detect_delimiter(handle.readline(), IMPORT_COLUMNS[:2])
            handle.seek(0)
            rows = list(csv.DictReader(handle, delimiter=delimiter))
            header = [h.strip() for h in (rows[0].keys() if rows else [])]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}", "give a UTF-8 CSV file") from None
    if "agent" in header and "by" not in header:
        rows = [{**row, "by": row.get("agent", "")} for row in rows]
        header.append("by")
    missing = [c for c in IMPORT_COLUMNS if c not in header]
    if not rows or missing:
        raise InputError(
            f"{path}: {'no rows' if not rows else 'missing column ' + ', '.join(missing)}",
            "give a CSV with columns review_id, criterion, by (or agent), reason and optionally opened_at",
        )
    days = global_deadline_days(db)
    default_when = now or datetime.now(timezone.utc)
    problems: list[str] = []
    opened: list[Opened] = []
    with db.transaction() as conn:
        for line, row in enumerate(rows, start=2):
            try:
                review_id = _review_id(row.get("review_id"))
                by = _clean(row.get("by"), "by", "name who disputes", name=True)
                reason = _clean(row.get("reason"), "reason", "say why the score is wrong")
                when = _parse_time(row["opened_at"]) if (row.get("opened_at") or "").strip() else default_when
                criterion = (row.get("criterion") or "").strip()
                _check_can_open(conn, review_id, criterion, when, days)
                score = corrections_sql.score_of(conn, review_id, criterion)
                stamp = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                new_id = sql.insert_dispute(conn, review_id, criterion, by, reason, score, stamp)
                opened.append(Opened(new_id, review_id, criterion))
            except (UsageError, NotFoundError, ConflictError) as error:
                problems.append(f"{path}:{line}: {error.one_line()}")
            except ValueError:
                problems.append(f'{path}:{line}: opened_at "{row.get("opened_at")}" is not a date; write 2026-03-05')
        if problems:
            raise InputError(
                f"{path}: {len(problems)} bad row{'s' * (len(problems) != 1)}; nothing imported",
                "fix the rows listed above and import the file again",
                problems=problems,
            )
    return opened


def _review_id(value: str | None) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        raise UsageError(f'review_id "{value}" is not a number', "give the review id from the export") from None


def get_dispute(db: Database, dispute_id: int) -> Any:
    row = sql.dispute(db.conn, dispute_id)
    if row is None:
        raise NotFoundError(f"no dispute {dispute_id}", "list disputes with 'cxreview disputes list'")
    return row


def _decidable(row: Any, to: str) -> None:
    if to not in TRANSITIONS.get(row["status"], ()):
        raise ConflictError(
            f"dispute {row['id']} is already {row['status']}", "a decided dispute is final; open a new one if needed"
        )


def _check_arbiter(db: Database, row: Any, by: str) -> None:
    """An arbiter is neither the person who opened the dispute, nor the agent it is about, nor
    the reviewer whose score it contests: each would decide their own case."""
    from cxreview.corrections import check_not_the_agent
    from cxreview.reviews import get_review

    if by == row["opened_by"]:
        raise ConflictError(
            f"{by} opened dispute {row['id']} and cannot decide it",
            "an arbiter (a QA lead) accepts or rejects it; withdraw it with 'cxreview disputes withdraw'",
        )
    review = get_review(db, row["review_id"])
    check_not_the_agent(db, review.conversation_id, by)
    if by == review.reviewer:
        raise ConflictError(
            f"{by} cannot decide a dispute on their own review {row['review_id']}",
            "an arbiter (a QA lead) accepts or rejects it; add your view with 'cxreview disputes note'",
        )


def accept(
    db: Database,
    dispute_id: int,
    by: str,
    score: int | None,
    na: bool = False,
    answer: str = "",
    expected: tuple[int | None, bool] | None = None,
) -> str:
    """Accept a dispute by changing the criterion's score (the arbiter's decision); return a
    notice when the reviewer had changed that score since the dispute was opened."""
    from cxreview.corrections import pending_change_of
    from cxreview.reviews import get_review, refresh_result

    by = _clean(by, "the arbiter's name", "pass --by NAME", name=True)
    row = get_dispute(db, dispute_id)
    _decidable(row, "accepted")
    _check_arbiter(db, row, by)
    review = get_review(db, row["review_id"])
    criterion = review.rubric.criterion(row["criterion"])
    if na and not criterion.allow_na:
        raise UsageError(f"{criterion.label} cannot be N/A in this rubric", "give a score with --score")
    if not na and (score is None or score not in criterion.levels):
        raise UsageError(
            f"{score} is not a level of {criterion.label}",
            f"accept with a score from {criterion.min} to {criterion.max}",
        )
    new = (None if na else score, na)
    answer = clean_text(answer)  # shown to the agent, in terminals and in reports
    with db.transaction() as conn:
        current = corrections_sql.score_of(conn, review.id, criterion.id)
        if expected is not None and current != (expected[0], bool(expected[1])):
            raise ConflictError(
                f"{criterion.label} of review {review.id} changed to {_value(current)} while you had it open",
                "look at it again and decide on the current score",
            )
        pending = pending_change_of(conn, review.id, criterion.id)
        if pending is not None:
            raise ConflictError(
                f"{review.edit_by} is correcting review {review.id} and changed {criterion.label} "
                f"from {_value(pending[0])} to {_value(pending[1])} (not saved yet)",
                "decide once they saved it; nothing was changed",
            )
        if current == new:
            raise UsageError(
                f"{criterion.label} is already {_value(new)}", "accept with another score, or reject the dispute"
            )
        corrections_sql.keep_originals(conn, review.id)
        review_sql.upsert_score(conn, review.id, criterion.id, score=new[0], na=int(new[1]), suggested=0)
        if review.submitted:
            refresh_result(conn, review.id)
        corrections_sql.add_revision(
            conn,
            review.id,
            by,
            "arbiter",
            answer.strip() or row["reason"],
            [("score", criterion.id, list(current), list(new))],
            dispute_id=dispute_id,
        )
        if not sql.resolve(conn, dispute_id, "accepted", by, answer.strip(), new):
            raise ConflictError(f"dispute {dispute_id} was decided by someone else just now", "list it again")
    if review.submitted:  # the final score changed, the first submission (what offsets are fitted on) did not
        from cxreview.calibrated import refresh_review

        refresh_review(db, review.id, inputs_changed=False)
    before = (row["score_before"], bool(row["na_before"]))
    if current != before:
        return (
            f"{criterion.label} had been changed from {_value(before)} to {_value(current)} since the dispute "
            f"was opened; it is now {_value(new)}"
        )
    return ""


def _value(score: Any) -> str:
    value, na = score
    return "N/A" if na else ("none" if value is None else str(value))


def reject(db: Database, dispute_id: int, by: str, answer: str) -> None:
    by = _clean(by, "the arbiter's name", "pass --by NAME", name=True)
    answer = _clean(answer, "the answer", "tell the agent why with --answer TEXT")
    row = get_dispute(db, dispute_id)
    _decidable(row, "rejected")
    _check_arbiter(db, row, by)
    _finish(db, dispute_id, "rejected", by, answer)


def withdraw(db: Database, dispute_id: int, by: str, note: str = "") -> None:
    """Only the person who opened a dispute withdraws it."""
    by = _clean(by, "the name of who withdraws", "pass --by AGENT", name=True)
    row = get_dispute(db, dispute_id)
    if by != row["opened_by"]:
        raise ConflictError(
            f"dispute {dispute_id} was opened by {row['opened_by']}, not {by}", "only who opened it can withdraw it"
        )
    _finish(db, dispute_id, "withdrawn", by, note.strip())


def _finish(db: Database, dispute_id: int, status: str, by: str, answer: str) -> None:
    _decidable(get_dispute(db, dispute_id), status)
    with db.transaction() as conn:
        if not sql.resolve(conn, dispute_id, status, by, answer):
            raise ConflictError(f"dispute {dispute_id} was decided by someone else just now", "list it again")


def add_note(db: Database, dispute_id: int, author: str, text: str, role: str = "arbiter") -> None:
    """A message in the dispute's conversation; allowed in any state (a decided dispute may
    still get a follow-up explanation)."""
    author = _clean(author, "the author's name", "pass --by NAME", name=True)
    text = _clean(text, "the note", "write something")
    get_dispute(db, dispute_id)
    with db.transaction() as conn:
        sql.add_note(conn, dispute_id, author, role, text)


def notes(db: Database, dispute_id: int) -> list[Any]:
    return sql.notes(db.conn, dispute_id)


def list_disputes(
    db: Database, status: str | None = None, agent: str | None = None, review_id: int | None = None
) -> list[dict[str, Any]]:
    """Disputes oldest first, each with its age in days."""
    if status is not None and status not in STATUSES:
        raise UsageError(f'unknown status "{status}"', f"use one of {', '.join(STATUSES)}")
    now = datetime.now(timezone.utc)
    out = []
    for row in sql.list_disputes(db.conn, status, agent, review_id):
        item = dict(row)
        item["age_days"] = round((now - _parse_time(row["opened_at"])).total_seconds() / 86400, 1)
        out.append(item)
    return out


def stats(db: Database) -> dict[str, Any]:
    """Counts per status, and acceptance rate (accepted / decided by an arbiter) per reviewer and
    per criterion: a reviewer whose disputes are often accepted is a calibration signal."""
    rows = sql.list_disputes(db.conn)
    counts = {status: 0 for status in STATUSES}
    groups: dict[str, dict[str, dict[str, int]]] = {"reviewer": {}, "criterion": {}}
    for row in rows:
        counts[row["status"]] += 1
        for kind in groups:
            tally = groups[kind].setdefault(row[kind], {"disputes": 0, "accepted": 0, "rejected": 0})
            tally["disputes"] += 1
            if row["status"] in ("accepted", "rejected"):
                tally[row["status"]] += 1
    for kind in groups:
        for tally in groups[kind].values():
            decided = tally["accepted"] + tally["rejected"]
            tally["acceptance_rate"] = round(tally["accepted"] / decided, 3) if decided else None  # type: ignore[assignment]
    return {
        "total": len(rows),
        "by_status": counts,
        "per_reviewer": groups["reviewer"],
        "per_criterion": groups["criterion"],
    }


def parse_score(value: str) -> tuple[int | None, bool]:
    """A score as typed on the command line: a level, or na / n/a."""
    if value.strip().lower() in ("na", "n/a"):
        return None, True
    try:
        return int(value), False
    except ValueError:
        raise UsageError(f'"{value}" is not a score', "give a level such as 4, or na") from None
