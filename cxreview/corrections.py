"""Corrections of submitted reviews: who may reopen one, what a second save changed, the history.

A submitted review that is reopened keeps the reviewer's first submission (for calibration);
saving it again turns the net changes of the editing into one revision: who, as reviewer or
arbiter, when, each value from -> to, and an optional reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cxreview.errors import ConflictError, NotFoundError, UsageError
from cxreview.hygiene import clean_text
from cxreview.store import Database
from cxreview.store import corrections as sql
from cxreview.store import disputes as dispute_sql
from cxreview.store import reviews as review_sql

ROLES = ("reviewer", "arbiter")
FIELD_LABELS = {
    "score": "score",
    "root_causes": "root causes",
    "note": "note",
    "message_note": "note on message",
    "overall_note": "coaching note",
}


def editor_role(owner: str, by: str | None, as_arbiter: bool) -> tuple[str, str]:
    """(editor, role) of someone changing ``owner``'s review; only an arbiter edits another's."""
    editor = (by or owner).strip()
    if not editor:
        raise UsageError("a name is needed to change a review", "pass --reviewer NAME")
    if as_arbiter:
        return editor, "arbiter"
    if editor != owner:
        raise ConflictError(
            f"this review is {owner}'s; {editor} cannot change it",
            "arbiters change other people's reviews with --as-arbiter",
        )
    return editor, "reviewer"


def check_not_the_agent(db: Database, conversation_id: str, who: str) -> None:
    """The agent whose conversation a review judges never decides on its scores: not as an
    arbiter editing it, nor by deciding a dispute about it."""
    from cxreview.store.conversations import get_conversation

    agent = (get_conversation(db.conn, conversation_id) or {}).get("agent")
    if agent and who.strip() == agent:
        raise ConflictError(
            f"{who.strip()} is the agent of conversation {conversation_id} and cannot change or decide its scores",
            "an arbiter (a QA lead) does; an agent contests a score with 'cxreview disputes open'",
        )


def net_changes(log: list[Any]) -> list[tuple[str, str, Any, Any]]:
    """Collapse an editing's undo log to (field, target, first before, last after), dropping
    values that ended where they started."""
    first: dict[tuple[str, str], Any] = {}
    last: dict[tuple[str, str], Any] = {}
    for row in log:
        # An accepted AutoQA suggestion is a score like any other in a revision.
        key = ("score" if row["field"] == "suggestion" else row["field"], row["target"])
        first.setdefault(key, json.loads(row["before"]))
        last[key] = json.loads(row["after"])
    return [(f, t, first[(f, t)], last[(f, t)]) for (f, t) in first if first[(f, t)] != last[(f, t)]]


def record_resubmission(conn: Any, review: Any, reason: str) -> int | None:
    """Inside submit's transaction: turn the editing of a once-submitted review into a revision."""
    changes = net_changes(sql.changes_log(conn, review["id"]))
    review_sql.update_review(conn, review["id"], edit_by=None, edit_as=None)
    if not changes:
        return None
    editor, role = review["edit_by"] or review["reviewer"], review["edit_as"] or "reviewer"
    # The reason is typed by a person and shown in terminals and reports: no control characters.
    return sql.add_revision(conn, review["id"], editor, role, clean_text(reason).strip(), changes)


def pending_change_of(conn: Any, review_id: int, criterion: str) -> tuple[Any, Any] | None:
    """The unsaved (before, after) of a criterion's score in a review being edited, if it changed."""
    for f, t, before, after in net_changes(sql.changes_log(conn, review_id)):
        if f == "score" and t == criterion:
            return before, after
    return None


def describe_value(field_name: str, value: Any) -> str:
    if field_name == "score":
        score, na = value if isinstance(value, list) else (value, False)
        return "N/A" if na else ("none" if score is None else str(score))
    if isinstance(value, list):
        return ", ".join(value) or "none"
    return f'"{value}"' if value else "empty"


def describe_edit(field_name: str, target: str, before: Any, after: Any) -> str:
    label = FIELD_LABELS.get(field_name, field_name)
    where = f"{target} {label}" if field_name in ("score", "root_causes", "note") else label
    if field_name == "message_note":
        where = f"{label} {target}"
    return f"{where}: {describe_value(field_name, before)} -> {describe_value(field_name, after)}"


@dataclass
class HistoryEvent:
    """One line of a review's history."""

    at: str
    who: str
    role: str
    what: str
    changes: list[str] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "who": self.who,
            "role": self.role,
            "what": self.what,
            "changes": self.changes,
            "reason": self.reason,
        }


def history(db: Database, review_id: int) -> list[HistoryEvent]:
    """First submission, every revision and every dispute of a review, oldest first."""
    row = review_sql.review_row(db.conn, review_id)
    if row is None:
        raise NotFoundError(f"no review {review_id}", "find review ids with 'cxreview export --level review'")
    reviewer = row["reviewer"]
    events: list[HistoryEvent] = []
    if row["first_submitted_at"]:
        score = row["original_score"] if row["original_score"] is not None else row["score"]
        what = "submitted" + (f" (score {score:.1f})" if score is not None else "")
        events.append(HistoryEvent(row["first_submitted_at"], reviewer, "reviewer", what))
    edits_by_revision: dict[int, list[str]] = {}
    for edit in sql.edits(db.conn, review_id):
        edits_by_revision.setdefault(edit["revision_id"], []).append(
            describe_edit(edit["field"], edit["target"], json.loads(edit["before"]), json.loads(edit["after"]))
        )
    for rev in sql.revisions(db.conn, review_id):
        what = "edited" if rev["dispute_id"] is None else f"accepted dispute {rev['dispute_id']}"
        events.append(
            HistoryEvent(
                rev["at"], rev["editor"], rev["role"], what, edits_by_revision.get(rev["id"], []), rev["reason"]
            )
        )
    for dispute in dispute_sql.list_disputes(db.conn, review_id=review_id):
        events.append(
            HistoryEvent(
                dispute["opened_at"],
                dispute["opened_by"],
                "agent",
                f"opened dispute {dispute['id']} on {dispute['criterion']}",
                reason=dispute["reason"],
            )
        )
        if dispute["status"] in ("rejected", "withdrawn"):
            who_role = "arbiter" if dispute["status"] == "rejected" else "agent"
            events.append(
                HistoryEvent(
                    dispute["resolved_at"],
                    dispute["resolved_by"],
                    who_role,
                    f"{dispute['status']} dispute {dispute['id']}",
                    reason=dispute["answer"],
                )
            )
    if row["status"] == "draft" and row["first_submitted_at"]:
        events.append(
            HistoryEvent(
                row["updated_at"],
                row["edit_by"] or reviewer,
                row["edit_as"] or "reviewer",
                "reopened, not saved yet",
            )
        )
    # Within one second, tell it in the order things happen: submitted, disputed, changed, decided.
    rank = {"submitted": 0, "opened": 1, "edited": 2, "accepted": 2, "rejected": 3, "withdrawn": 3, "reopened": 4}
    events.sort(key=lambda e: (e.at or "", rank.get(e.what.split()[0], 2)))
    return events


def last_revision(db: Database, review_id: int) -> int:
    """A bookmark: changes saved after it are news to whoever holds the review open."""
    return sql.last_revision_id(db.conn, review_id)


def news_since(db: Database, review_id: int, bookmark: int, me: str) -> list[str]:
    """What others saved on this review after ``bookmark``, in words (empty when nothing)."""
    lines = []
    for edit in sql.edits_since(db.conn, review_id, bookmark, me):
        change = describe_edit(edit["field"], edit["target"], json.loads(edit["before"]), json.loads(edit["after"]))
        via = f" (dispute {edit['dispute_id']})" if edit["dispute_id"] else ""
        lines.append(f"{edit['editor']} ({edit['role']}) changed {change}{via}")
    return lines
