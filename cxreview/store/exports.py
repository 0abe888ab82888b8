"""Queries behind exports: flat rows per message and per conversation, filtered."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

# Filters lives in the neutral cxreview.filters; imported from here by older callers.
from cxreview.filters import Filters
from cxreview.store.filtering import where

MESSAGE_COLUMNS = (
    "conversation_id",
    "position",
    "role",
    "author",
    "at",
    "text",
    "sentiment",
    "frustration",
    "flags",
    "phase",
    "reasons",
)
# The phase a message belongs to: everything before the first agent message is the bot's
# side (its turns and the wait for a person), the rest the agent's.
_PHASE_OF_MESSAGE = """CASE WHEN p.conversation_id IS NULL OR p.kind = 'none' THEN NULL
                WHEN p.agent_start IS NOT NULL AND m.position >= p.agent_start THEN 'agent'
                WHEN p.kind IN ('bot', 'hybrid') THEN 'bot' ELSE 'agent' END"""


def message_rows(conn: sqlite3.Connection, filters: Filters) -> Iterator[sqlite3.Row]:
    where_sql, params = where(filters)
    if not isinstance(conn, sqlite3.Connection):
        return conn.execute(_POSTGRES_MESSAGE_ROWS.format(where=where_sql), params)  # type: ignore[no-any-return]
    return conn.execute(
        f"""SELECT m.conversation_id, m.position, m.role, m.author, m.at, m.text,
               json_extract(cs.per_message, '$[' || (m.position - 1) || '][0]') AS sentiment,
               json_extract(cs.per_message, '$[' || (m.position - 1) || '][1]') AS frustration,
               (SELECT json_group_array(flag) FROM (
                    SELECT f.flag FROM message_flags f WHERE f.conversation_id = m.conversation_id
                    AND f.position = m.position ORDER BY f.flag) AS its_flags) AS flags,
               {_PHASE_OF_MESSAGE} AS phase,
               json_extract(cs.per_message, '$[' || (m.position - 1) || '][2]') AS reasons
            FROM conversations c JOIN messages m ON m.conversation_id = c.id
            LEFT JOIN conversation_signals cs ON cs.conversation_id = c.id
            LEFT JOIN conversation_phases p ON p.conversation_id = c.id
            WHERE {where_sql} ORDER BY m.conversation_id, m.position""",
        params,
    )


# The same rows on PostgreSQL, where parsing a conversation's per_message JSON once per
# message (json_extract) costs more than the rest of the query: it is parsed once per
# conversation (OFFSET 0 keeps the planner from moving the parse into the message join),
# and the flags are gathered with the built-in array_agg. Text and figures as on SQLite.
_POSTGRES_MESSAGE_ROWS = (
    """SELECT m.conversation_id, m.position, m.role, m.author, m.at, m.text,
           (cs.per_message -> (m.position - 1)::INT ->> 0)::DOUBLE PRECISION AS sentiment,
           (cs.per_message -> (m.position - 1)::INT ->> 1)::DOUBLE PRECISION AS frustration,
           coalesce((SELECT to_json(array_agg(f.flag ORDER BY f.flag))::TEXT FROM message_flags f
                     WHERE f.conversation_id = m.conversation_id AND f.position = m.position), '[]') AS flags,
           """
    + _PHASE_OF_MESSAGE.replace("{", "{{").replace("}", "}}")
    + """ AS phase,
           (cs.per_message -> (m.position - 1)::INT -> 2)::TEXT AS reasons
        FROM conversations c
        LEFT JOIN LATERAL (SELECT s.per_message::JSONB AS per_message FROM conversation_signals s
                           WHERE s.conversation_id = c.id OFFSET 0) cs ON TRUE
        JOIN messages m ON m.conversation_id = c.id
        LEFT JOIN conversation_phases p ON p.conversation_id = c.id
        WHERE {where} ORDER BY m.conversation_id, m.position"""
)


CONVERSATION_COLUMNS = (
    "conversation_id",
    "started_at",
    "agent",
    "queue",
    "channel",
    "language",
    "customer",
    "outcome",
    "csat",
    "n_messages",
    "risk",
    "risk_reasons",
    "flags",
    "peak_frustration",
    "sentiment_start",
    "sentiment_end",
    "trajectory",
    "handover",
    "handover_latency_turns",
    "handover_latency_seconds",
    "bot_disclosed",
    "handover_offered",
    "uncertainty_admitted",
    "phases",
    "bot_peak_frustration",
    "bot_spikes",
    "bot_repeats",
    "handover_request",
    "handover_announced",
    "handover_wait_messages",
    "handover_wait_seconds",
    "arrival_frustration",
    "arrived_frustrated",
    "arrival_evidence",
    "agent_start",
    "agent_peak_frustration",
    "agent_spikes",
    "agent_end_frustration",
    "agent_change",
    "agent_added",
)


def conversation_rows(conn: sqlite3.Connection, filters: Filters) -> Iterator[sqlite3.Row]:
    where_sql, params = where(filters)
    return conn.execute(
        f"""SELECT c.id AS conversation_id, c.started_at, c.agent, c.queue, c.channel, c.language, c.customer,
               c.outcome, c.csat, c.n_messages, s.risk, s.risk_reasons,
               (SELECT json_group_array(flag) FROM (
                    SELECT DISTINCT flag FROM message_flags WHERE conversation_id = c.id
                    UNION SELECT flag FROM conversation_flags WHERE conversation_id = c.id ORDER BY flag) AS all_flags) AS flags,
               s.peak_frustration, s.sentiment_start, s.sentiment_end, s.trajectory_label AS trajectory, s.handover,
               s.handover_latency_turns, s.handover_latency_seconds, s.bot_disclosed, s.handover_offered,
               s.uncertainty_admitted, p.kind AS phases, p.bot_peak_frustration, p.bot_spikes, p.bot_repeats,
               p.request_position AS handover_request, p.announced_position AS handover_announced,
               p.wait_messages AS handover_wait_messages, p.wait_seconds AS handover_wait_seconds,
               p.arrival_frustration, p.arrived_frustrated, p.arrival_evidence, p.agent_start,
               p.agent_peak_frustration, p.agent_spikes, p.agent_end_frustration, p.agent_change, p.agent_added
            FROM conversations c LEFT JOIN conversation_signals s ON s.conversation_id = c.id
            LEFT JOIN conversation_phases p ON p.conversation_id = c.id
            WHERE {where_sql} ORDER BY c.started_at, c.id""",
        params,
    )
