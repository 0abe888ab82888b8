"""Record types shared by the stages: conversations as imported, signals as analysed.

This module imports nothing of cxreview but the role names, so the store, ingest and signals
can all depend on it without depending on each other (an import-linter contract in the tests
keeps it so).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from cxreview.roles import NOTE as NOTE  # re-exported: the importers of records use it


@dataclass(slots=True)
class MessageRecord:
    role: str
    text: str
    at: str | None = None
    author: str | None = None


@dataclass(slots=True)
class ConversationRecord:
    id: str
    messages: list[MessageRecord]
    started_at: str | None = None
    channel: str | None = None
    queue: str | None = None
    language: str | None = None
    agent: str | None = None
    customer: str | None = None
    outcome: str | None = None
    csat: float | None = None
    tags: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def content_hash(self) -> str:
        """A fingerprint of everything imported, to tell updated from unchanged."""
        payload = json.dumps(
            [
                self.started_at,
                self.channel,
                self.queue,
                self.language,
                self.agent,
                self.customer,
                self.outcome,
                self.csat,
                self.tags,
                self.meta,
                [(m.role, m.text, m.at, m.author) for m in self.messages],
            ],
            ensure_ascii=False,
            sort_keys=True,
            default=str,
        )
        return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(slots=True)
class Flag:
    flag: str
    rule: str
    detail: str
    positions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class MessageSignals:
    position: int
    sentiment: float
    frustration: float | None
    cues: dict[str, Any]
    flags: list[Flag] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)  # the frustration model's inputs (not stored)
    reasons: list[str] = field(default_factory=list)  # what pushed frustration up, in words


@dataclass(slots=True)
class ConversationSignals:
    conversation_id: str
    language: str
    messages: list[MessageSignals]
    flags: list[Flag]
    n_customer_messages: int = 0
    peak_frustration: float | None = None
    mean_frustration: float | None = None
    sentiment_start: float | None = None
    sentiment_end: float | None = None
    trajectory: float | None = None
    trajectory_label: str | None = None
    bot_loop: bool = False
    stuck_in_bot: bool = False
    handover: bool = False
    handover_position: int | None = None
    handover_latency_turns: int | None = None
    handover_latency_seconds: float | None = None
    bot_disclosed: bool | None = None
    handover_offered: bool | None = None
    uncertainty_admitted: bool | None = None
    n_spikes: int = 0
    n_bot_repeats: int = 0
    n_customer_repeats: int = 0
    n_human_requests: int = 0
    max_ignored_bot_turns: int = 0
    risk: float = 0.0
    risk_reasons: list[str] = field(default_factory=list)
    language_detected: bool = False  # the import gave none: the store fills it in


@dataclass(slots=True)
class PhaseFigures:
    """Customer frustration and trouble within one phase."""

    start: int | None = None
    end: int | None = None
    started_at: str | None = None
    ended_at: str | None = None
    customer_messages: int = 0
    peak_frustration: float | None = None
    mean_frustration: float | None = None
    spikes: int = 0
    bot_repeats: int = 0
    customer_repeats: int = 0


@dataclass(slots=True)
class Phases:
    conversation_id: str
    kind: str  # "bot", "agent", "hybrid" or "none"
    bot: PhaseFigures = field(default_factory=PhaseFigures)
    agent: PhaseFigures = field(default_factory=PhaseFigures)
    request_position: int | None = None  # the customer's first request for a person
    offer_position: int | None = None  # the bot's first offer of a person
    announced_position: int | None = None  # "I'll connect you now": bot or system
    wait_messages: int | None = None  # from the announcement (or offer, or request) to the agent
    wait_seconds: float | None = None
    arrival_frustration: float | None = None
    arrived_frustrated: bool | None = None
    arrival_evidence: str = ""
    arrival_positions: list[int] = field(default_factory=list)
    agent_end_frustration: float | None = None
    agent_change: str | None = None  # recovered / stayed / worse; None without a customer reply
    agent_added: float | None = None  # frustration above the arrival state, caused under the agent
