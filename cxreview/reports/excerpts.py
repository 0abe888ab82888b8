"""Moments for a coaching report: the agent's own words, with the customer before and after.

A coaching report speaks to one agent, so its excerpts quote that agent and never the bot
(a bot ignoring a request for a person is not the agent's moment to learn from). Each
conversation appears once however many reviewers scored it, and a reviewer's note on a
message quotes the message it is about.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from cxreview.privacy import mask_pii
from cxreview.records import NOTE
from cxreview.store import Database
from cxreview.store.conversations import get_messages
from cxreview.store.reviews import criterion_notes, message_note_rows
from cxreview.store.signals import message_signals

HIGHLIGHTS = ("emotion_spike", "customer_repeat", "human_request", "frustrated")
QUOTE = 120  # characters of a message quoted in a note


@dataclass
class Example:
    conversation_id: str
    date: str
    score: float | None
    why: str
    lines: list[tuple[str, str, str]]  # (role, text, marker)
    notes: list[str] = field(default_factory=list)
    reviews: int = 1


def examples(db: Database, agent: str, reviews: list[dict[str, Any]]) -> list[Example]:
    """The weakest, the strongest and the latest reviewed conversation, one each, each
    around a message of the agent's."""
    by_conversation: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for review in reviews:
        by_conversation[str(review["conversation_id"])].append(review)
    scores = {
        cid: statistics.fmean(float(r["calibrated_score"]) for r in rows if r["calibrated_score"] is not None)
        for cid, rows in by_conversation.items()
        if any(r["calibrated_score"] is not None for r in rows)
    }
    chosen: list[tuple[str, str]] = []
    if scores:
        chosen.append((min(scores, key=lambda c: (scores[c], c)), "lowest score: a moment to learn from"))
        best = max(scores, key=lambda c: (scores[c], c))
        if best != chosen[0][0]:
            chosen.append((best, "highest score: what to keep doing"))
    latest = max(by_conversation, key=lambda c: max(str(r["submitted_at"] or "") for r in by_conversation[c]))
    if all(latest != c for c, _ in chosen):
        chosen.append((latest, "most recent review"))
    found = []
    for cid, why in chosen[:3]:
        rows = by_conversation[cid]
        example = _example(db, agent, cid, rows, why.startswith("lowest"))
        example.score = scores.get(cid)
        example.why = why
        found.append(example)
    return found


def _example(db: Database, agent: str, cid: str, reviews: list[dict[str, Any]], weakest: bool) -> Example:
    messages = get_messages(db.conn, cid)
    signals = message_signals(db.conn, cid)
    by_position = {m["position"]: m for m in messages}
    # The agent's own messages: a colleague's after a transfer are not theirs either.
    own = [m for m in messages if m["role"] == "agent" and (not m["author"] or m["author"] == agent)]
    notes: list[str] = []
    noted: list[int] = []
    for review in reviews:
        if review["overall_note"]:
            notes.append(str(review["overall_note"]))
        notes += [f"{row['criterion']}: {row['note']}" for row in criterion_notes(db.conn, review["review_id"])]
        for row in message_note_rows(db.conn, review["review_id"]):
            message = by_position.get(row["position"])
            if message is None or message["role"] in ("bot", NOTE):
                continue  # a note about the bot (or an internal note) is not for the agent's report
            notes.append(f'message {row["position"]} ("{_quote(message["text"])}"): {row["note"]}')
            noted.append(row["position"])
    turns = [m for m in messages if m["role"] != NOTE]  # internal notes are never quoted to agents
    focus = _focus(own, turns, signals, noted, weakest)
    lines = []
    if focus is not None:
        at = turns.index(focus)
        before = next((m for m in reversed(turns[:at]) if m["role"] == "customer"), None)
        after = next((m for m in turns[at + 1 :] if m["role"] == "customer"), None)
        for message in (before, focus, after):
            if message is not None:
                flags = [
                    f["flag"].replace("_", " ")
                    for f in signals.get(message["position"], {}).get("flags", [])
                    if f["flag"] in HIGHLIGHTS
                ]
                lines.append((message["role"], mask_pii(message["text"]), ", ".join(flags)))
    date = max(str(r["submitted_at"] or "") for r in reviews)[:10]
    return Example(cid, date, None, "", lines, [mask_pii(n) for n in notes], len(reviews))


def _focus(
    own: list[dict[str, Any]],
    messages: list[dict[str, Any]],
    signals: dict[int, dict[str, Any]],
    noted: list[int],
    weakest: bool,
) -> dict[str, Any] | None:
    """The agent message to show: one a reviewer wrote a note on; else the one the customer
    reacted to most (weakest) or least (otherwise) frustrated, judged by the reply directly after."""
    if not own:
        return None
    for message in own:
        if message["position"] in noted:
            return message

    index = {m["position"]: i for i, m in enumerate(messages)}

    def reaction(message: dict[str, Any]) -> float:
        following = index[message["position"]] + 1  # the next turn (internal notes are left out)
        if following < len(messages) and messages[following]["role"] == "customer":
            return float(signals.get(messages[following]["position"], {}).get("frustration") or 0.0)
        return 0.0

    return max(own, key=reaction) if weakest else min(own, key=reaction)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE else text[: QUOTE - 1] + "…"
