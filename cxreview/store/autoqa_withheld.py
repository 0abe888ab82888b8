"""AutoQA scores left out of machine-estimated figures, and why: "far" (outside what the model
was trained on) or ``withheld`` (a channel or language where the model measurably does not
agree with the reviewers). Marks the scores and counts them for the commands and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cxreview.filters import Filters
from cxreview.store.clock import now_iso
from cxreview.store.connection import Database
from cxreview.store.filtering import where

# A score that may be shown and used as a figure (the alias s is autoqa_scores).
USABLE = "s.far = 0 AND s.withheld IS NULL"


def kinds_scored(db: Database, model_id: int) -> list[tuple[str, str]]:
    """The (channel, language) pairs ('' for none) of the conversations the model scored."""
    rows = db.query(
        "SELECT DISTINCT coalesce(c.channel, ''), coalesce(c.language, '') FROM autoqa_scores s "
        "JOIN conversations c ON c.id = s.conversation_id WHERE s.model_id = ?",
        (model_id,),
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def mark_withheld(db: Database, model_id: int, why: Callable[[str, str], str | None] | None) -> int:
    """Set each of the model's scores' ``withheld`` to ``why(channel, language)`` of its
    conversation (None: not withheld; ``why`` None: none is); only rows whose mark changes are
    written, and they get a new ``scored_at`` so cached insights see the change. Returns how
    many changed."""
    changed = 0
    at = now_iso()
    marks = {} if why is None else {kind: why(*kind) for kind in kinds_scored(db, model_id)}
    with db.transaction() as conn:
        if not any(marks.values()):  # the usual case: one statement clears any old mark
            cursor = conn.execute(
                "UPDATE autoqa_scores SET withheld = NULL, scored_at = ? WHERE model_id = ? AND withheld IS NOT NULL",
                (at, model_id),
            )
            return max(int(cursor.rowcount or 0), 0)
        for (channel, language), text in marks.items():
            cursor = conn.execute(
                "UPDATE autoqa_scores SET withheld = ?, scored_at = ? WHERE model_id = ? AND withheld IS NOT ? "
                "AND conversation_id IN (SELECT id FROM conversations WHERE coalesce(channel, '') = ? "
                "AND coalesce(language, '') = ?)",
                (text, at, model_id, text, channel, language),
            )
            changed += max(int(cursor.rowcount or 0), 0)
    return changed


@dataclass
class Kinds:
    """A model's scores (within filters) by what keeps them out of figures."""

    far: int = 0
    withheld: int = 0  # not far, in a channel or language where the model is not reliable
    usable: int = 0
    withheld_where: dict[str, int] = field(default_factory=dict)  # "channel email" -> conversations
    # usable ones, by (channel, language) ('' for none): whether each kind was measured is the caller's
    usable_kinds: dict[tuple[str, str], int] = field(default_factory=dict)


def score_kinds(db: Database, model_id: int, filters: Filters | None = None) -> Kinds:
    """The model's scores of conversations within the filters, counted by far, withheld (with
    where) and usable (per channel and language)."""
    condition, params = where(filters or Filters(), "c")
    rows = db.query(
        "SELECT s.far, s.withheld, coalesce(c.channel, ''), coalesce(c.language, ''), count(*) "
        "FROM autoqa_scores s JOIN conversations c ON c.id = s.conversation_id "
        f"WHERE s.model_id = ? AND {condition} GROUP BY s.far, s.withheld, coalesce(c.channel, ''), "
        "coalesce(c.language, '')",
        (model_id, *params),
    )
    out = Kinds()
    for far, withheld, channel, language, n in rows:
        if far:
            out.far += int(n)
        elif withheld is not None:
            out.withheld += int(n)
            out.withheld_where[str(withheld)] = out.withheld_where.get(str(withheld), 0) + int(n)
        else:
            out.usable += int(n)
            key = (str(channel), str(language))
            out.usable_kinds[key] = out.usable_kinds.get(key, 0) + int(n)
    return out


def left_out(conn: Any, rubric_id: str, version: int, filters: Filters, agent: str | None = None) -> dict[str, Any]:
    """Conversations (within the filters, of one agent if given) that a reliable active model of
    the rubric version scored but keeps out of its figures: {"far": n, "withheld": n, "where":
    {"channel email": n}}; a conversation far for one criterion and withheld for another counts
    as far (each is counted once)."""
    condition, params = where(filters, "c")
    extra, extra_params = (" AND c.agent = ?", (agent,)) if agent is not None else ("", ())
    rows = conn.execute(
        "SELECT s.conversation_id, max(s.far), max(s.withheld) FROM autoqa_scores s "
        "JOIN autoqa_models m ON m.id = s.model_id JOIN conversations c ON c.id = s.conversation_id "
        "WHERE m.active = 1 AND m.reliable = 1 AND m.rubric_id = ? AND m.rubric_version = ? "
        f"AND (s.far = 1 OR s.withheld IS NOT NULL) AND {condition}{extra} GROUP BY s.conversation_id",
        (rubric_id, version, *params, *extra_params),
    ).fetchall()
    out: dict[str, Any] = {"far": 0, "withheld": 0, "where": {}}
    for _, far, withheld in rows:
        if far:
            out["far"] += 1
        else:
            out["withheld"] += 1
            out["where"][str(withheld)] = out["where"].get(str(withheld), 0) + 1
    return out


def left_out_sentence(counts: dict[str, Any]) -> str:
    """ "312 far from training, 40 in a channel or language where AutoQA is not reliable
    (channel email)", or '' when nothing was left out."""
    parts = []
    if counts["far"]:
        parts.append(f"{counts['far']} outside what AutoQA was trained on")
    if counts["withheld"]:
        where_ = ", ".join(sorted(counts["where"]))
        parts.append(f"{counts['withheld']} in a channel or language where AutoQA is not reliable ({where_})")
    return ", ".join(parts)
