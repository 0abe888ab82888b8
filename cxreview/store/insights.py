"""Insight queries: aggregates over messages, flags and conversation signals, in SQL."""

from __future__ import annotations

import sqlite3
from typing import Any

from cxreview.filters import Filters
from cxreview.store.filtering import where as filter_sql
from cxreview.store.repeats import came_back_condition, window


def _scope(filters: Filters) -> tuple[str, list[Any]]:
    return filter_sql(filters, "c")


def count_conversations(conn: sqlite3.Connection, filters: Filters) -> int:
    where, params = _scope(filters)
    return int(conn.execute(f"SELECT count(*) FROM conversations c WHERE {where}", params).fetchone()[0])


def language_counts(conn: sqlite3.Connection, filters: Filters) -> dict[str, int]:
    """Conversations per language they were analysed in (the given or detected one; '' for
    conversations not analysed and without a language)."""
    where, params = _scope(filters)
    rows = conn.execute(
        f"""SELECT coalesce(s.language, c.language, ''), count(*)
            FROM conversations c LEFT JOIN conversation_signals s ON s.conversation_id = c.id
            WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1""",
        params,
    ).fetchall()
    return {str(language): int(n) for language, n in rows}


def trajectory_totals(conn: sqlite3.Connection, filters: Filters) -> tuple[int, float, float]:
    """Analysed conversations with a trajectory, and the shares that got better and worse."""
    where, params = _scope(filters)
    row = conn.execute(
        f"""SELECT count(*), avg(s.trajectory_label = 'better'), avg(s.trajectory_label = 'worse')
            FROM conversations c JOIN conversation_signals s ON s.conversation_id = c.id
            WHERE {where} AND s.trajectory_label IS NOT NULL""",
        params,
    ).fetchone()
    return int(row[0] or 0), float(row[1] or 0.0), float(row[2] or 0.0)


def answer_outcomes(conn: sqlite3.Connection, filters: Filters) -> list[sqlite3.Row]:
    """Per distinct bot or agent answer text: how often the customer's reaction turned
    frustrated or asked for a person when their message before the answer had not (so a
    greeting is not blamed for the mood a customer arrives in), and how often it was the
    last answer before the customer left unresolved (abandonment).

    The reaction to an answer is the customer message directly after it: when a message of
    another party comes in between (the agent's greeting after the bot's "I'll connect
    you"), the customer is reacting to that one instead. Handover announcements are left
    out here and reported by :func:`handover_announcements`; internal notes are no turns."""
    where, params = _scope(filters)
    return conn.execute(
        f"""WITH scoped AS (SELECT id, outcome FROM conversations c WHERE {where}),
        seq AS (
            SELECT m.conversation_id, m.position, m.role, m.text, s.outcome, p.announced_position,
                   LEAD(m.role) OVER (PARTITION BY m.conversation_id ORDER BY m.position) AS next_role,
                   LEAD(m.position) OVER (PARTITION BY m.conversation_id ORDER BY m.position) AS next_position,
                   MAX(CASE WHEN m.role = 'customer' THEN m.position END) OVER (
                       PARTITION BY m.conversation_id ORDER BY m.position
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_customer,
                   MAX(CASE WHEN m.role IN ('bot', 'agent') THEN m.position END) OVER (
                       PARTITION BY m.conversation_id) AS last_answer
            FROM messages m JOIN scoped s ON s.id = m.conversation_id
            LEFT JOIN conversation_phases p ON p.conversation_id = m.conversation_id
            WHERE m.role <> 'note'
        )
        SELECT seq.role, seq.text, count(*) AS n,
               sum(seq.previous_customer IS NOT NULL AND seq.next_role = 'customer'
                   AND EXISTS (SELECT 1 FROM message_flags f WHERE f.conversation_id = seq.conversation_id
                               AND f.position = seq.next_position AND f.flag IN ('frustrated', 'emotion_spike'))
                   AND NOT EXISTS (SELECT 1 FROM message_flags f WHERE f.conversation_id = seq.conversation_id
                               AND f.position = seq.previous_customer AND f.flag = 'frustrated')) AS frustrated,
               sum(seq.previous_customer IS NOT NULL AND seq.next_role = 'customer'
                   AND EXISTS (SELECT 1 FROM message_flags f WHERE f.conversation_id = seq.conversation_id
                               AND f.position = seq.next_position AND f.flag = 'human_request')
                   AND NOT EXISTS (SELECT 1 FROM message_flags f WHERE f.conversation_id = seq.conversation_id
                               AND f.position = seq.previous_customer AND f.flag = 'human_request')) AS human_request,
               sum(seq.position = seq.last_answer AND coalesce(seq.outcome, '') IN ('abandoned', 'unresolved')
                   ) AS abandoned,
               min(seq.conversation_id) AS example_conversation
        FROM seq WHERE seq.role IN ('bot', 'agent') AND seq.position IS NOT seq.announced_position
        GROUP BY seq.role, seq.text ORDER BY seq.role, seq.text""",
        params,
    ).fetchall()


def handover_announcements(conn: sqlite3.Connection, filters: Filters) -> list[sqlite3.Row]:
    """Per handover announcement ("I'll connect you with a colleague"): how long the customer
    then waited for a person, and the state they arrived in."""
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT m.role, m.text, p.wait_seconds, p.wait_messages, p.arrived_frustrated,
                   p.agent_start IS NOT NULL AS reached_agent, c.id AS conversation_id
            FROM conversations c JOIN conversation_phases p ON p.conversation_id = c.id
            JOIN messages m ON m.conversation_id = c.id AND m.position = p.announced_position
            WHERE {where} ORDER BY c.id""",
        params,
    ).fetchall()


def agent_phase_signals(conn: sqlite3.Connection, filters: Filters) -> list[sqlite3.Row]:
    """Per agent, over the agent phase only: how customers arrived (inherited frustration)
    and what changed under the agent. Conversations without an agent phase are left out."""
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT coalesce(c.agent, '(none)') AS grp, count(*) AS n,
                   avg(p.arrived_frustrated) AS inherited_share,
                   sum(p.arrived_frustrated) AS inherited,
                   sum(p.arrived_frustrated = 1 AND p.agent_change = 'recovered') AS recovered,
                   sum(p.agent_change = 'worse') AS worse,
                   sum(p.agent_change IS NOT NULL) AS with_reply,
                   avg(p.agent_added) AS added,
                   avg(p.agent_peak_frustration) AS agent_peak,
                   avg(p.agent_spikes > 0) AS agent_spike_share,
                   avg(p.bot_peak_frustration) AS bot_peak
            FROM conversations c JOIN conversation_phases p ON p.conversation_id = c.id
            WHERE {where} AND p.agent_start IS NOT NULL GROUP BY grp ORDER BY grp""",
        params,
    ).fetchall()


def unanswered_endings(conn: sqlite3.Connection, filters: Filters) -> int:
    """Conversations whose last message is the customer's (left unanswered)."""
    where, params = _scope(filters)
    return int(
        conn.execute(
            f"""SELECT count(*) FROM conversations c
            WHERE {where} AND (
                -- the last turn that is not an internal note (notes come after the end too)
                SELECT m.role FROM messages m WHERE m.conversation_id = c.id AND m.role <> 'note'
                ORDER BY m.position DESC LIMIT 1
            ) = 'customer'""",
            params,
        ).fetchone()[0]
    )


def repeated_bot_prompts(conn: sqlite3.Connection, filters: Filters) -> list[sqlite3.Row]:
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT m.text, count(*) AS n, count(DISTINCT f.conversation_id) AS conversations,
                   min(f.conversation_id) AS example_conversation
            FROM message_flags f JOIN conversations c ON c.id = f.conversation_id
            JOIN messages m ON m.conversation_id = f.conversation_id AND m.position = f.position
            WHERE f.flag = 'bot_repeat' AND {where}
            GROUP BY m.text ORDER BY n DESC, m.text LIMIT 200""",
        params,
    ).fetchall()


def group_signals(conn: sqlite3.Connection, filters: Filters, column: str) -> list[sqlite3.Row]:
    """Per queue, channel or agent: frustration, spikes, loops, stuck in bot, trajectories."""
    assert column in ("queue", "channel", "agent")
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT coalesce(c.{column}, '(none)') AS grp, count(*) AS n,
                   avg(s.peak_frustration) AS peak_frustration,
                   avg(s.n_spikes > 0) AS spike_share,
                   avg(s.bot_loop) AS loop_share,
                   avg(s.stuck_in_bot) AS stuck_share,
                   avg(s.trajectory_label = 'better') AS better,
                   avg(s.trajectory_label = 'worse') AS worse
            FROM conversations c JOIN conversation_signals s ON s.conversation_id = c.id
            WHERE {where} GROUP BY grp ORDER BY grp""",
        params,
    ).fetchall()


def handover_latencies(conn: sqlite3.Connection, filters: Filters) -> list[sqlite3.Row]:
    """Turns and seconds from the first request for a person to the handover, per conversation."""
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT coalesce(c.queue, '(none)') AS grp, s.handover_latency_turns AS turns,
                   s.handover_latency_seconds AS seconds
            FROM conversations c JOIN conversation_signals s ON s.conversation_id = c.id
            WHERE {where} AND s.n_human_requests > 0 AND s.handover = 1 AND s.handover_latency_turns IS NOT NULL
            ORDER BY c.id""",
        params,
    ).fetchall()


def repeat_contacts(conn: sqlite3.Connection, filters: Filters, days: int) -> list[sqlite3.Row]:
    """Per conversation with a known customer: did the customer come back within ``days``,
    and what was the last answer they got. Uses the (customer, started_at) index."""
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT c.id, coalesce(c.queue, '(none)') AS grp,
                   EXISTS (SELECT 1 FROM conversations d WHERE {came_back_condition("c")}) AS came_back,
                   (SELECT m.text FROM messages m WHERE m.conversation_id = c.id AND m.role IN ('bot', 'agent')
                     ORDER BY m.position DESC LIMIT 1) AS last_answer
            FROM conversations c
            WHERE {where} AND c.customer IS NOT NULL AND c.started_at IS NOT NULL ORDER BY c.id""",
        [window(days), *params],
    ).fetchall()


def conversation_flags_for(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT c.id, c.csat, s.n_spikes, s.bot_loop, s.stuck_in_bot FROM conversations c "
            f"LEFT JOIN conversation_signals s ON s.conversation_id = c.id WHERE c.id IN ({marks})",
            chunk,
        ):
            found[row["id"]] = dict(row)
    return found


def weekly(conn: sqlite3.Connection, filters: Filters) -> list[sqlite3.Row]:
    """Per ISO-like week: conversations, mean peak frustration, stuck-in-bot share."""
    where, params = _scope(filters)
    return conn.execute(
        f"""SELECT strftime('%Y-W%W', c.started_at) AS week, count(*) AS n,
                   avg(s.peak_frustration) AS peak_frustration, avg(s.stuck_in_bot) AS stuck_share,
                   avg(s.n_spikes > 0) AS spike_share
            FROM conversations c JOIN conversation_signals s ON s.conversation_id = c.id
            WHERE {where} AND c.started_at IS NOT NULL GROUP BY week ORDER BY week""",
        params,
    ).fetchall()
