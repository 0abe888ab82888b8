"""Phases of a conversation: the bot phase, the handover and the agent phase.

Credit goes to the party that was there. Everything before the first agent message is the
bot side (the bot's own turns and the wait for a person: the agent was not there yet);
from the first agent message on is the agent phase. Per phase: peak and mean customer
frustration, emotion spikes and repeats. At the handover: the request, the offer or
announcement, how long the customer waited, and how the customer arrived (their last
frustration before the agent joined, with the message as evidence). Under the agent, the
customer recovered, stayed or got worse; only that change is the agent's.

Pure functions over the analysed messages: no database.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from cxreview.records import PhaseFigures, Phases
from cxreview.signals.reasons import reasons_in_words

CHANGES = ("recovered", "stayed", "worse")


class _Flagged(Protocol):
    flag: str


class _Analysed(Protocol):
    """What phases need of an analysed message (``signals.conversation.MessageSignals``)."""

    position: int
    frustration: float | None
    cues: dict[str, Any]
    flags: Any


def seconds_between(start: str | None, end: str | None) -> float | None:
    """Seconds from one ISO time to another; None when either is missing or unreadable."""
    if not start or not end:
        return None
    try:
        a = datetime.fromisoformat(start.replace("Z", "+00:00"))
        b = datetime.fromisoformat(end.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (b - a).total_seconds()


_NO_FLAGS: frozenset[str] = frozenset()


def _flags(message: _Analysed) -> frozenset[str] | set[str]:
    # Most messages have no flag: no set built for them.
    return {f.flag for f in message.flags} if message.flags else _NO_FLAGS


def _figures(
    rows: Sequence[tuple[int, str, str | None, _Analysed]],
) -> PhaseFigures:
    figures = PhaseFigures()
    if not rows:
        return figures
    figures.start, figures.end = rows[0][0], rows[-1][0]
    figures.started_at, figures.ended_at = rows[0][2], rows[-1][2]
    frustration = []
    customers = spikes = repeats = bot_repeats = 0
    for _, role, _, analysed in rows:
        if role == "customer":
            customers += 1
            if analysed.frustration is not None:
                frustration.append(analysed.frustration)
            if analysed.flags:  # most messages have none
                flags = _flags(analysed)
                spikes += "emotion_spike" in flags
                repeats += "customer_repeat" in flags
        elif role == "bot" and analysed.flags:
            bot_repeats += "bot_repeat" in _flags(analysed)
    figures.customer_messages += customers
    figures.spikes += spikes
    figures.customer_repeats += repeats
    figures.bot_repeats += bot_repeats
    if frustration:
        figures.peak_frustration = round(max(frustration), 4)
        figures.mean_frustration = round(statistics.fmean(frustration), 4)
    return figures


def _evidence(message: _Analysed) -> str:
    # The reasons in the words flag details use, strongest push first, with their evidence.
    cues = reasons_in_words(message.cues, 3)
    detail = f"message {message.position}: frustration {message.frustration or 0:.2f}"
    return detail + (f" ({', '.join(cues)})" if cues else "")


def split_phases(
    conversation_id: str,
    messages: Sequence[tuple[int, str, str | None, Any]],
    analysed: Sequence[_Analysed],
    config: dict[str, Any],
) -> Phases:
    """``messages``: (position, role, at, features with ``cues``) in order; ``analysed``:
    the per-message signals of the same messages, in the same order."""
    frustrated_at = config["frustration"]["frustrated_at"]
    rise = config["spike"]["rise"]
    rows = [(m[0], m[1], m[2], a) for m, a in zip(messages, analysed, strict=True)]
    roles = [row[1] for row in rows]
    first_agent = roles.index("agent") if "agent" in roles else None
    has_bot = "bot" in (roles if first_agent is None else roles[:first_agent])
    if first_agent is None:
        kind = "bot" if has_bot else "none"
        before, after = rows, []
    else:
        kind = "hybrid" if has_bot else "agent"
        before, after = rows[:first_agent], rows[first_agent:]
    phases = Phases(conversation_id, kind)
    if kind in ("bot", "hybrid"):
        phases.bot = _figures(before)
    if after:
        phases.agent = _figures(after)
    _handover(phases, before, messages, first_agent, rows)
    if after:
        # Read for the customer's messages only (`_arrival`'s window holds no other).
        bare = {m[0]: _says_little(m[3]) for m in messages[:first_agent] if m[1] == "customer"}
        _arrival(phases, before, after, frustrated_at, rise, int(config["handover"]["arrival_messages"]), bare)
    return phases


def _handover(
    phases: Phases,
    before: Sequence[tuple[int, str, str | None, _Analysed]],
    messages: Sequence[tuple[int, str, str | None, Any]],
    first_agent: int | None,
    rows: Sequence[tuple[int, str, str | None, _Analysed]],
) -> None:
    for index, (position, role, _, analysed) in enumerate(before):
        if role == "customer":
            if phases.request_position is None and "human_request" in _flags(analysed):
                phases.request_position = position
        elif role in ("bot", "system"):
            cues = getattr(messages[index][3], "cues", None) or {}
            if (
                phases.offer_position is None
                and role == "bot"
                and ("handover_offer" in cues or "handover_done" in cues)
            ):
                phases.offer_position = position
            if phases.announced_position is None and "handover_done" in cues:
                phases.announced_position = position
    if phases.kind != "hybrid" or first_agent is None:
        return
    start = next(
        (p for p in (phases.announced_position, phases.offer_position, phases.request_position) if p is not None),
        None,
    )
    if start is None:
        return
    agent_position, agent_at = rows[first_agent][0], rows[first_agent][2]
    start_at = next(row[2] for row in rows if row[0] == start)
    phases.wait_messages = agent_position - start
    phases.wait_seconds = seconds_between(start_at, agent_at)


def _arrival(
    phases: Phases,
    before: Sequence[tuple[int, str, str | None, _Analysed]],
    after: Sequence[tuple[int, str, str | None, _Analysed]],
    frustrated_at: float,
    rise: float,
    window_size: int,
    bare: dict[int, bool],
) -> None:
    """How the customer arrived (the strongest of their last ``window_size`` messages before
    the agent joined), and what changed under the agent."""
    earlier = [row[3] for row in before if row[1] == "customer" and row[3].frustration is not None]
    later = [row[3] for row in after if row[1] == "customer" and row[3].frustration is not None]
    if earlier:
        # "alright" to "Shall I connect you?" or an order number typed again says nothing of
        # the mood: the window holds the last messages that say something, so a customer who
        # was angry and then said "ok" to the handover still arrives frustrated.
        telling = [m for m in earlier if not _bare_reply(m, bare, frustrated_at)] or earlier
        window = telling[-max(1, window_size) :]
    elif later:
        # The agent opened the conversation: the customer's first message says why they
        # came (the mood they bring), before the agent could have done anything about it.
        window, later = later[:1], later[1:]
    else:
        return
    strongest = max(window, key=lambda m: m.frustration or 0.0)
    arrival = strongest.frustration or 0.0
    phases.arrival_frustration = round(arrival, 4)
    phases.arrived_frustrated = arrival >= frustrated_at
    phases.arrival_positions = [m.position for m in window]
    phases.arrival_evidence = _evidence(strongest)
    if not later:
        return
    end = later[-1].frustration or 0.0
    peak = max(m.frustration or 0.0 for m in later)
    phases.agent_end_frustration = round(end, 4)
    phases.agent_added = round(max(0.0, peak - arrival), 4)
    if phases.arrived_frustrated:
        if end < frustrated_at:
            phases.agent_change = "recovered"
        elif peak - arrival >= rise:
            phases.agent_change = "worse"
        else:
            phases.agent_change = "stayed"
    else:
        phases.agent_change = "worse" if peak >= frustrated_at else "stayed"


def _says_little(features: Any) -> bool:
    """At most three words and no cue: "ok", "yes please", "NW-1234567"."""
    return int(getattr(features, "words", 99)) <= 3 and not getattr(features, "cues", None)


def _bare_reply(message: _Analysed, bare: dict[int, bool], frustrated_at: float) -> bool:
    return bare.get(message.position, False) and (message.frustration or 0.0) < frustrated_at


def name_the_phase(reasons: list[str], phases: Phases) -> list[str]:
    """Risk reasons of a hybrid conversation say in which phase the frustration was, so a
    spotlight pick never reads as the agent's doing when the bot caused it."""
    if phases.kind != "hybrid":
        return reasons
    named = []
    for reason in reasons:
        if reason.startswith("peak frustration") and phases.bot.peak_frustration is not None:
            agent_peak = phases.agent.peak_frustration or 0.0
            reason += " (bot phase)" if phases.bot.peak_frustration >= agent_peak else " (agent phase)"
        elif "emotion spike" in reason:
            reason += f" ({phases.bot.spikes} bot phase, {phases.agent.spikes} agent phase)"
        named.append(reason)
    return named
