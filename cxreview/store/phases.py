"""Phase queries: write the bot phase, handover and agent phase of analysed conversations,
and read them for the review screen, exports, insights and coaching reports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the record type only for the checker: the review app reads, never writes
    from cxreview.records import Phases

PHASE_COLUMNS = (
    "conversation_id",
    "kind",
    "bot_start",
    "bot_end",
    "bot_customer_messages",
    "bot_peak_frustration",
    "bot_mean_frustration",
    "bot_spikes",
    "bot_repeats",
    "bot_customer_repeats",
    "request_position",
    "offer_position",
    "announced_position",
    "wait_messages",
    "wait_seconds",
    "agent_start",
    "agent_end",
    "agent_started_at",
    "agent_customer_messages",
    "agent_peak_frustration",
    "agent_mean_frustration",
    "agent_spikes",
    "agent_customer_repeats",
    "arrival_frustration",
    "arrived_frustrated",
    "arrival_evidence",
    "arrival_positions",
    "agent_end_frustration",
    "agent_change",
    "agent_added",
)
_CHUNK = 500


def kind_sql(conversation: str) -> str:
    """SQL for a conversation's kind (hybrid, bot, agent or none): from its phases when it is
    analysed, else from the roles in its messages. ``conversation`` is an id column."""
    has = "EXISTS (SELECT 1 FROM messages x WHERE x.conversation_id = {c} AND x.role = '{role}')"
    bot, agent = has.format(c=conversation, role="bot"), has.format(c=conversation, role="agent")
    return (
        f"coalesce((SELECT k.kind FROM conversation_phases k WHERE k.conversation_id = {conversation}), "
        f"CASE WHEN {bot} AND {agent} THEN 'hybrid' WHEN {bot} THEN 'bot' WHEN {agent} THEN 'agent' ELSE 'none' END)"
    )


def conversation_kind(conn: sqlite3.Connection, conversation_id: str) -> str | None:
    """hybrid, bot, agent or none; None when there is no such conversation."""
    row = conn.execute(f"SELECT {kind_sql('c.id')} FROM conversations c WHERE c.id = ?", (conversation_id,)).fetchone()
    return None if row is None else str(row[0])


def _row(p: Phases) -> tuple[Any, ...]:
    return (
        p.conversation_id,
        p.kind,
        p.bot.start,
        p.bot.end,
        p.bot.customer_messages,
        p.bot.peak_frustration,
        p.bot.mean_frustration,
        p.bot.spikes,
        p.bot.bot_repeats,
        p.bot.customer_repeats,
        p.request_position,
        p.offer_position,
        p.announced_position,
        p.wait_messages,
        p.wait_seconds,
        p.agent.start,
        p.agent.end,
        p.agent.started_at,
        p.agent.customer_messages,
        p.agent.peak_frustration,
        p.agent.mean_frustration,
        p.agent.spikes,
        p.agent.customer_repeats,
        p.arrival_frustration,
        None if p.arrived_frustrated is None else int(p.arrived_frustrated),
        p.arrival_evidence,
        json.dumps(p.arrival_positions),
        p.agent_end_frustration,
        p.agent_change,
        p.agent_added,
    )


def replace_phases(conn: sqlite3.Connection, phases: Sequence[Phases]) -> None:
    """Write the phases of analysed conversations, replacing older ones (caller holds a transaction)."""
    marks = ",".join("?" * len(PHASE_COLUMNS))
    # Delete, then insert: the same on SQLite and PostgreSQL (INSERT OR REPLACE is SQLite's own).
    conn.executemany(
        "DELETE FROM conversation_phases WHERE conversation_id = ?", [(p.conversation_id,) for p in phases]
    )
    conn.executemany(f"INSERT INTO conversation_phases VALUES ({marks})", [_row(p) for p in phases])


def phases_of(conn: sqlite3.Connection, conversation_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM conversation_phases WHERE conversation_id = ?", (conversation_id,)).fetchone()
    if row is None:
        return None
    data = dict(row)
    data["arrival_positions"] = json.loads(data["arrival_positions"])
    return data


def phases_for(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Phases of many conversations at once (conversations never analysed are missing)."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT * FROM conversation_phases WHERE conversation_id IN ({marks})", chunk):
            found[row["conversation_id"]] = dict(row)
    return found
