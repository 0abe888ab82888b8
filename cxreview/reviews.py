"""The headless review model that every front end uses (TUI, score import, tests).

Every change is written to the database the moment it is made, in its own short
transaction, with an entry in the undo log; a crash loses nothing already entered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cxreview.corrections import check_not_the_agent, editor_role, record_resubmission
from cxreview.errors import ConflictError, NotFoundError, UsageError
from cxreview.hygiene import clean_name, clean_text
from cxreview.rubrics.model import Rubric
from cxreview.rubrics.scoring import NA, ScoreResult, review_score
from cxreview.store import Database
from cxreview.store import corrections as corrections_sql
from cxreview.store import reviews as sql
from cxreview.store.clock import now_iso
from cxreview.store.conversations import conversation_exists


@dataclass
class CriterionState:
    score: int | None = None
    na: bool = False
    root_causes: list[str] = field(default_factory=list)
    note: str = ""
    suggested: bool = False  # the score is an accepted AutoQA suggestion (cxreview.suggestions)

    @property
    def value(self) -> float | str | None:
        return NA if self.na else self.score


@dataclass
class Review:
    id: int
    conversation_id: str
    reviewer: str
    rubric: Rubric
    session_id: int | None
    status: str
    source: str
    started_at: str
    submitted_at: str | None
    review_seconds: float
    overall_note: str
    last_criterion: str | None
    criteria: dict[str, CriterionState]
    message_notes: dict[int, str]
    first_submitted_at: str | None = None  # set once submitted: a later save is an edit with history
    edit_by: str | None = None  # who reopened this submitted review, until it is saved again
    edit_as: str | None = None  # "reviewer" or "arbiter"

    @property
    def editing(self) -> bool:
        """A once-submitted review reopened for a correction."""
        return not self.submitted and self.first_submitted_at is not None

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"

    def result(self) -> ScoreResult:
        return review_score(self.rubric, {cid: state.value for cid, state in self.criteria.items()})


def register_rubric(db: Database, rubric: Rubric) -> None:
    """Record the rubric a review uses; refuse a changed file under an unchanged version."""
    if _rubric_is_stored(db, rubric):  # the usual case: a read, no write lock
        return
    with db.transaction() as conn:
        if sql.stored_rubric(conn, rubric.id, rubric.version) is None:
            sql.insert_rubric(
                conn, rubric.id, rubric.version, rubric.content_hash, rubric.name, rubric.to_dict(), rubric.source
            )
    _rubric_is_stored(db, rubric)  # another process may have stored a different one meanwhile


def _rubric_is_stored(db: Database, rubric: Rubric) -> bool:
    """True when this exact rubric version is stored; ConflictError when a different one is."""
    row = sql.stored_rubric(db.conn, rubric.id, rubric.version)
    if row is None:
        return False
    if row["content_hash"] != rubric.content_hash:
        raise ConflictError(
            f'rubric "{rubric.id}" version {rubric.version} in {rubric.source or "the file"} differs from '
            f"the version {rubric.version} already used by reviews in this database",
            f"raise version to {rubric.version + 1} in the file (old reviews keep version {rubric.version})",
        )
    return True


def rubric_versions(db: Database) -> dict[tuple[str, int], Rubric]:
    """Every rubric version used in this database, by (id, version)."""
    from cxreview.calibrated import rubric_versions as versions

    return versions(db)


def stored_rubric(db: Database, rubric_id: str, version: int | None = None) -> Rubric:
    """The rubric exactly as it was when reviews used it (latest version if none given)."""
    return stored_rubric_from_conn(db.conn, rubric_id, version)


def stored_rubric_from_conn(conn: Any, rubric_id: str, version: int | None = None) -> Rubric:
    """:func:`stored_rubric` inside a transaction."""
    row = sql.latest_rubric(conn, rubric_id) if version is None else sql.stored_rubric(conn, rubric_id, version)
    if row is None:
        raise NotFoundError(
            f'rubric "{rubric_id}"{f" version {version}" if version else ""} has not been used in this database',
            "pass the rubric file with --rubric",
        )
    return Rubric.from_dict(json.loads(row["definition"]), source=row["source"] or "")


def start_review(
    db: Database, conversation_id: str, reviewer: str, rubric: Rubric, session_id: int | None = None
) -> Review:
    """Open this reviewer's review of the conversation, creating a draft if there is none."""
    reviewer = clean_name(reviewer)  # shown in other reviewers' terminals: never escapes
    if not reviewer:
        raise UsageError("a reviewer name is needed", "pass --reviewer NAME")
    register_rubric(db, rubric)
    # Reopening a review is a read: the TUI does it on every conversation it shows.
    existing = sql.find_review(db.conn, conversation_id, reviewer, rubric.id)
    if existing is not None and (existing["session_id"] is not None or session_id is None):
        return get_review(db, existing["id"])
    with db.transaction() as conn:
        if not conversation_exists(conn, conversation_id):
            raise NotFoundError(f'no conversation "{conversation_id}"', "check the id, or import it first")
        row = sql.find_review(conn, conversation_id, reviewer, rubric.id)
        if row is None:
            review_id = sql.insert_review(conn, conversation_id, reviewer, rubric.id, rubric.version, session_id)
        else:
            review_id = row["id"]
            if row["session_id"] is None and session_id is not None:
                sql.update_review(conn, review_id, session_id=session_id)
    return get_review(db, review_id)


def get_review(db: Database, review_id: int) -> Review:
    row = sql.review_row(db.conn, review_id)
    if row is None:
        raise NotFoundError(f"no review {review_id}", "list reviews with 'cxreview sessions show NAME'")
    rubric = stored_rubric(db, row["rubric_id"], row["rubric_version"])
    criteria = {c.id: CriterionState() for c in rubric.criteria}
    for score in sql.score_rows(db.conn, review_id):
        criteria[score["criterion"]] = CriterionState(
            score=score["score"],
            na=bool(score["na"]),
            root_causes=json.loads(score["root_causes"]),
            note=score["note"],
            suggested=bool(score["suggested"]),
        )
    notes = {r["position"]: r["note"] for r in sql.message_note_rows(db.conn, review_id)}
    return Review(
        id=row["id"],
        conversation_id=row["conversation_id"],
        reviewer=row["reviewer"],
        rubric=rubric,
        session_id=row["session_id"],
        status=row["status"],
        source=row["source"],
        started_at=row["started_at"],
        submitted_at=row["submitted_at"],
        review_seconds=row["review_seconds"],
        overall_note=row["overall_note"],
        last_criterion=row["last_criterion"],
        criteria=criteria,
        message_notes=notes,
        first_submitted_at=row["first_submitted_at"],
        edit_by=row["edit_by"],
        edit_as=row["edit_as"],
    )


def _editable(db: Database, review_id: int) -> Review:
    review = get_review(db, review_id)
    if review.submitted:
        raise ConflictError(f"review {review_id} is submitted", "reopen it first to change it (e in the review screen)")
    return review


def _criterion(review: Review, criterion_id: str):  # type: ignore[no-untyped-def]
    try:
        return review.rubric.criterion(criterion_id)
    except KeyError:
        known = ", ".join(c.id for c in review.rubric.criteria)
        raise NotFoundError(
            f'rubric "{review.rubric.id}" has no criterion "{criterion_id}"', f"use one of {known}"
        ) from None


def set_score(
    db: Database, review_id: int, criterion_id: str, score: int | None, expected: tuple[int | None, bool] | None = None
) -> Review:
    """Score a criterion (None clears it); clears an N/A mark and the mark of an accepted AutoQA
    suggestion (the score is now the reviewer's own). With ``expected`` (the (score, na) the
    person saw), a value someone else changed meanwhile is not overwritten: ConflictError."""
    review = _editable(db, review_id)
    criterion = _criterion(review, criterion_id)
    if score is not None and score not in criterion.levels:
        raise UsageError(
            f"{score} is not a level of {criterion.label}",
            f"score it from {criterion.min} to {criterion.max}" + (" or N/A" if criterion.allow_na else ""),
        )
    _write_score(db, review_id, criterion, [score, False], expected)
    return get_review(db, review_id)


def set_na(
    db: Database, review_id: int, criterion_id: str, na: bool = True, expected: tuple[int | None, bool] | None = None
) -> Review:
    review = _editable(db, review_id)
    criterion = _criterion(review, criterion_id)
    if na and not criterion.allow_na:
        raise UsageError(f"{criterion.label} cannot be N/A in this rubric", "give it a score")
    _write_score(db, review_id, criterion, [None if na else review.criteria[criterion_id].score, na], expected)
    return get_review(db, review_id)


def _write_score(db: Database, review_id: int, criterion: Any, after: list, expected: tuple | None) -> None:
    with db.transaction() as conn:
        # Read inside the write lock: an arbiter may have changed this score a moment ago.
        before = list(corrections_sql.score_of(conn, review_id, criterion.id))
        if expected is not None and tuple(before) != (expected[0], bool(expected[1])):
            raise _changed_meanwhile(conn, review_id, criterion, before)
        sql.upsert_score(conn, review_id, criterion.id, score=after[0], na=int(after[1]), suggested=0)
        sql.log_change(conn, review_id, "score", criterion.id, before, after)
        sql.update_review(conn, review_id, last_criterion=criterion.id)


def accept_suggestions(db: Database, review_id: int, levels: dict[str, int]) -> list[str]:
    """Give criteria the levels of accepted AutoQA suggestions (``review_scores.suggested`` = 1),
    in one transaction; a criterion already scored or N/A is left as the reviewer has it (also
    when it was scored a moment ago elsewhere). Returns the criterion ids written; each is
    undone on its own with :func:`undo`."""
    review = _editable(db, review_id)
    for criterion_id, level in levels.items():
        criterion = _criterion(review, criterion_id)
        if level not in criterion.levels:
            raise UsageError(f"{level} is not a level of {criterion.label}", f"use {criterion.min} to {criterion.max}")
    written = []
    with db.transaction() as conn:
        for criterion_id, level in levels.items():
            before = list(corrections_sql.score_of(conn, review_id, criterion_id))
            if before != [None, False]:
                continue  # never overwrite the reviewer's own score
            sql.upsert_score(conn, review_id, criterion_id, score=level, na=0, suggested=1)
            # Its own field in the undo log: undoing back to it restores the mark (see undo).
            sql.log_change(conn, review_id, "suggestion", criterion_id, before, [level, False])
            written.append(criterion_id)
    return written


def _changed_meanwhile(conn: Any, review_id: int, criterion: Any, now: list) -> ConflictError:
    """Tell the person who changed a score under them, and leave their change unwritten."""
    from cxreview.corrections import describe_value

    last = corrections_sql.last_edit_of(conn, review_id, "score", criterion.id)
    who = f"{last['editor']} ({last['role']})" if last is not None else "someone else"
    return ConflictError(
        f"{who} changed {criterion.label} to {describe_value('score', now)} while you had this review open",
        "nothing of yours was overwritten; give your score again to replace it",
    )


def set_root_causes(db: Database, review_id: int, criterion_id: str, causes: list[str]) -> Review:
    review = _editable(db, review_id)
    criterion = _criterion(review, criterion_id)
    unknown = [c for c in causes if c not in criterion.root_causes]
    if unknown:
        raise UsageError(
            f'"{unknown[0]}" is not a root cause of {criterion.label}',
            f"choose from: {', '.join(criterion.root_causes) or 'none defined in the rubric'}",
        )
    ordered = [c for c in criterion.root_causes if c in causes]
    before = review.criteria[criterion_id].root_causes
    with db.transaction() as conn:
        sql.upsert_score(conn, review_id, criterion_id, root_causes=json.dumps(ordered, ensure_ascii=False))
        sql.log_change(conn, review_id, "root_causes", criterion_id, before, ordered)
    return get_review(db, review_id)


def set_criterion_note(db: Database, review_id: int, criterion_id: str, note: str) -> Review:
    review = _editable(db, review_id)
    _criterion(review, criterion_id)
    before = review.criteria[criterion_id].note
    note = clean_text(note)
    with db.transaction() as conn:
        sql.upsert_score(conn, review_id, criterion_id, note=note)
        sql.log_change(conn, review_id, "note", criterion_id, before, note)
    return get_review(db, review_id)


def set_message_note(db: Database, review_id: int, position: int, note: str) -> Review:
    review = _editable(db, review_id)
    if not sql.message_exists(db.conn, review.conversation_id, position):
        raise NotFoundError(
            f"conversation {review.conversation_id} has no message {position}", "pick a message in the transcript"
        )
    before = review.message_notes.get(position, "")
    note = clean_text(note)
    with db.transaction() as conn:
        sql.set_message_note(conn, review_id, position, note)
        sql.log_change(conn, review_id, "message_note", str(position), before, note)
    return get_review(db, review_id)


def set_overall_note(db: Database, review_id: int, note: str) -> Review:
    review = _editable(db, review_id)
    note = clean_text(note)
    with db.transaction() as conn:
        sql.update_review(conn, review_id, overall_note=note)
        sql.log_change(conn, review_id, "overall_note", "", review.overall_note, note)
    return get_review(db, review_id)


def set_position(db: Database, review_id: int, criterion_id: str) -> None:
    """Remember where the reviewer is, so reopening resumes there (not undoable)."""
    with db.transaction() as conn:
        sql.update_review(conn, review_id, last_criterion=criterion_id)


def add_time(db: Database, review_id: int, seconds: float) -> None:
    if seconds > 0:
        with db.transaction() as conn:
            sql.add_seconds(conn, review_id, seconds)


def undo(db: Database, review_id: int) -> str | None:
    """Revert the last change of a draft; return what was undone, or None if nothing is left."""
    review = _editable(db, review_id)
    with db.transaction() as conn:
        change = sql.pop_change(conn, review_id)
        if change is None:
            return None
        field_name, target, before = change["field"], change["target"], json.loads(change["before"])
        is_score = field_name in ("score", "suggestion")
        overtaken = is_score and list(corrections_sql.score_of(conn, review_id, target)) != json.loads(change["after"])
        if overtaken:
            pass  # someone else changed it since: undoing would overwrite their change
        elif is_score:
            # Back to an accepted suggestion (the change before this one gave it) keeps its mark.
            previous = sql.last_change_of(conn, review_id, ("score", "suggestion"), target)
            suggested = (
                previous is not None
                and previous["field"] == "suggestion"
                and json.loads(previous["after"]) == list(before)
            )
            sql.upsert_score(conn, review_id, target, score=before[0], na=int(before[1]), suggested=int(suggested))
            sql.update_review(conn, review_id, last_criterion=target)
        elif field_name == "root_causes":
            sql.upsert_score(conn, review_id, target, root_causes=json.dumps(before, ensure_ascii=False))
        elif field_name == "note":
            sql.upsert_score(conn, review_id, target, note=before)
        elif field_name == "message_note":
            sql.set_message_note(conn, review_id, int(target), before)
        elif field_name == "overall_note":
            sql.update_review(conn, review_id, overall_note=before)
    if overtaken:
        raise _changed_meanwhile(db.conn, review_id, review.rubric.criterion(target), json.loads(change["after"]))
    labels = {
        "score": "score",
        "suggestion": "accepted AutoQA suggestion",
        "root_causes": "root causes",
        "note": "note",
        "message_note": "message note",
        "overall_note": "coaching note",
    }
    return f"{labels[field_name]}{' of ' + target if target and field_name != 'message_note' else ''}"


def submit(db: Database, review_id: int, reason: str = "", refresh: bool = True) -> ScoreResult:
    """Submit a complete review: every criterion scored or N/A. Saving a reopened review
    again records what changed as one revision, with ``reason``. The stored calibrated
    scores follow, unless ``refresh`` is False: then the caller runs
    :func:`refresh_calibrated` itself (the review app, after telling the reviewer it is saved)."""
    review = _editable(db, review_id)
    missing = [review.rubric.criterion(cid).label for cid, s in review.criteria.items() if s.value is None]
    if missing:
        raise ConflictError(
            f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not scored yet",
            "score every criterion (or mark it N/A) before submitting",
        )
    result = review.result()
    with db.transaction() as conn:
        row: Any = sql.review_row(conn, review_id)
        if row["first_submitted_at"]:
            record_resubmission(conn, row, reason.strip())
        now = now_iso()
        sql.update_review(
            conn,
            review_id,
            status="submitted",
            submitted_at=now,
            first_submitted_at=row["first_submitted_at"] or now,
            score=result.score,
            passed=None if result.passed is None else int(result.passed),
            critical_fail=int(result.critical_fail),
        )
        sql.clear_changes(conn, review_id)
    if refresh:
        refresh_calibrated(db, review_id, inputs_changed=not row["first_submitted_at"])
    return result


def refresh_calibrated(db: Database, review_id: int, inputs_changed: bool) -> None:
    """Keep the stored calibrated scores (review_overview) as the exports compute them;
    ``inputs_changed``: a first submission (or a lost blind flag), which may move the offsets."""
    from cxreview.calibrated import refresh_review

    refresh_review(db, review_id, inputs_changed)


def refresh_result(conn: Any, review_id: int) -> ScoreResult:
    """Recompute a submitted review's stored score after a score changed (an accepted dispute)."""
    row: Any = sql.review_row(conn, review_id)
    rubric = stored_rubric_from_conn(conn, row["rubric_id"], row["rubric_version"])
    values: dict[str, float | str | None] = {c.id: None for c in rubric.criteria}
    for score in sql.score_rows(conn, review_id):
        values[score["criterion"]] = NA if score["na"] else score["score"]
    result = review_score(rubric, values)
    sql.update_review(
        conn,
        review_id,
        score=result.score,
        passed=None if result.passed is None else int(result.passed),
        critical_fail=int(result.critical_fail),
    )
    return result


def reopen(db: Database, review_id: int, by: str | None = None, as_arbiter: bool = False) -> Review:
    """Make a submitted review editable again, by its reviewer (or by ``by`` as an arbiter).
    The submitted scores are kept as the reviewer's original. After its reviewer has seen the
    other reviewers' scores, a reopened review no longer counts as blind."""
    review = get_review(db, review_id)
    editor, role = editor_role(review.reviewer, by, as_arbiter)
    if as_arbiter:
        check_not_the_agent(db, review.conversation_id, editor)
    if not review.submitted:
        if review.editing and (review.edit_by, review.edit_as) != (editor, role):
            raise ConflictError(
                f"review {review_id} is being corrected by {review.edit_by} ({review.edit_as})",
                "wait until they saved it, then reopen it",
            )
        return review
    with db.transaction() as conn:
        corrections_sql.keep_originals(conn, review_id)
        row = sql.review_row(conn, review_id)
        extra = {"blind": 0} if row is not None and row["seen_others_at"] else {}
        sql.update_review(
            conn,
            review_id,
            status="draft",
            submitted_at=None,
            score=None,
            passed=None,
            critical_fail=0,
            edit_by=editor,
            edit_as=role,
            **extra,
        )
    refresh_calibrated(db, review_id, inputs_changed=bool(extra))
    return get_review(db, review_id)


def mark_seen_others(db: Database, review_id: int) -> None:
    """Record that the reviewer looked at the other reviewers' scores (calibration)."""
    with db.transaction() as conn:
        sql.mark_seen_others(conn, review_id)


def reviews_of_conversation(db: Database, conversation_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in sql.reviews_of_conversation(db.conn, conversation_id)]


def correct_score(
    db: Database,
    review_id: int,
    criterion: str,
    score: int | None,
    na: bool,
    by: str,
    as_arbiter: bool = False,
    reason: str = "",
) -> str:
    """Reopen a submitted review, change one score and save it again (one revision); return
    the new review score in words. Nothing is written when any step is refused."""
    review = get_review(db, review_id)
    if not review.submitted:
        raise ConflictError(
            f"review {review_id} is not submitted", "change a draft in the review app; edit submitted reviews here"
        )
    editor, _role = editor_role(review.reviewer, by, as_arbiter)  # refuse before anything is written
    if as_arbiter:
        check_not_the_agent(db, review.conversation_id, editor)
    item = _criterion(review, criterion)
    if na and not item.allow_na:
        raise UsageError(f"{item.label} cannot be N/A in this rubric", "give it a score")
    if not na and score not in item.levels:
        raise UsageError(f"{score} is not a level of {item.label}", f"score it from {item.min} to {item.max}")
    state = review.criteria[criterion]
    if (state.score, state.na) == (None if na else score, na):
        raise UsageError(f"{criterion} is already {'N/A' if na else score}", "give another score")
    reopen(db, review_id, by=by, as_arbiter=as_arbiter)
    try:
        if na:
            set_na(db, review_id, criterion)
        else:
            set_score(db, review_id, criterion, score)
        result = submit(db, review_id, reason)
    except BaseException:
        _abandon(db, review_id)
        raise
    return "none (all N/A)" if result.score is None else f"{result.score:.1f}"


def _abandon(db: Database, review_id: int) -> None:
    """Put a refused correction back: undo its changes and submit the review as it was."""
    while undo(db, review_id) is not None:
        pass
    submit(db, review_id)
