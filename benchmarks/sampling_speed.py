"""Sampling speed: a session of 50 from 10,000 and from 1,000,000 conversations.

Usage: python benchmarks/sampling_speed.py
Builds two databases with the real schema (conversation and signal rows written in bulk,
without messages, which sampling does not read), then times random, stratified and
spotlight sessions of 50 on each and prints the times and the 1M / 10k ratio.
Target: under a second on 1M, and a ratio close to 1 (no scan grows with the table).

Then stratified --per-agent 50 on the 300-conversation demo (every agent short of 50, so the
probing budget is spent in full): the shared probe run against the baseline, the former
per-agent probing whose budget grew with the square of the number of agents.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from common import WORK, fresh, machine

from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import PROBES_PER_PICK, SampleRequest, create_session
from cxreview.store import open_database
from cxreview.store import sessions as sql
from cxreview.store.exports import Filters

AGENTS = [f"Agent {i:02d}" for i in range(12)]
QUEUES = ["billing", "delivery", "technical support", "cancellations"]


def build(size: int):  # type: ignore[no-untyped-def]
    path = WORK / f"sampling-{size}.db"
    if path.exists():
        return open_database(path)
    WORK.mkdir(parents=True, exist_ok=True)
    db = open_database(fresh(path))
    rng = random.Random(size)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO conversations (id, started_at, channel, queue, language, agent, n_messages, content_hash, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'h', 'now')",
            (
                (
                    f"C{i:08d}",
                    f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T10:00:00Z",
                    rng.choice(["chat", "whatsapp"]),
                    rng.choice(QUEUES),
                    rng.choice(["en", "nl"]),
                    rng.choice(AGENTS),
                    rng.randint(2, 30),
                )
                for i in range(size)
            ),
        )
        conn.executemany(
            "INSERT INTO conversation_signals (conversation_id, language, analyzed_at, config_hash, "
            "n_customer_messages, bot_loop, stuck_in_bot, handover, n_spikes, n_bot_repeats, n_customer_repeats, "
            "n_human_requests, max_ignored_bot_turns, risk, risk_reasons, per_message) "
            "VALUES (?, 'en', 'now', 'x', 1, 0, 0, 0, 0, 0, 0, 0, 0, ?, '[\"bench\"]', '[]')",
            ((f"C{i:08d}", round(rng.betavariate(1.2, 3), 3)) for i in range(size)),
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def timed(db, make, label: str) -> float:  # type: ignore[no-untyped-def]
    """Median of five sessions (each a new name, so each really samples and writes)."""
    rubric = resolve_rubric("default")
    times = []
    for attempt in range(5):
        request = make(f"{label}-{attempt}-{random.random()}")
        request.include_reviewed = True  # earlier runs' sessions must not shrink the pool
        start = time.perf_counter()
        create_session(db, request, rubric)
        times.append(time.perf_counter() - start)
    return sorted(times)[2]


def main() -> None:
    print(f"machine: {machine()}")
    small, large = build(10_000), build(1_000_000)
    cases = [
        ("random 50", lambda name: SampleRequest(size=50, seed=1, name=name)),
        (
            "random 50, queue+language filter",
            lambda name: SampleRequest(
                size=50, seed=1, name=name, filters=Filters(queues=["billing"], languages=["nl"])
            ),
        ),
        (
            "stratified 4 per agent (48)",
            lambda name: SampleRequest(size=None, strategy="stratified", per_group=4, seed=1, name=name),
        ),
        ("spotlight 50", lambda name: SampleRequest(size=50, strategy="spotlight", seed=1, name=name)),
    ]
    stratified_k50()
    for label, make in cases:
        t_small = timed(small, make, label)
        t_large = timed(large, make, label)
        print(
            f"{label:34s} 10k: {t_small * 1000:7.1f} ms   1M: {t_large * 1000:7.1f} ms   ratio 1M/10k: {t_large / t_small:5.2f}"
        )


def per_agent_probing(db, per_group: int) -> None:  # type: ignore[no-untyped-def]
    """The baseline: each agent probed on its own with a budget of K x 60 x (number of agents)."""
    rng = random.Random(1)
    low, high = sql.rowid_bounds(db.conn)
    agents = []
    value = sql.next_value(db.conn, "agent", None)
    while value is not None:
        agents.append(value)
        value = sql.next_value(db.conn, "agent", value)
    budget = per_group * PROBES_PER_PICK * len(agents)
    chosen: set[str] = set()
    for agent in agents:
        found = 0
        for _ in range(budget):
            row = sql.conversation_by_rowid(db.conn, rng.randint(low, high))
            if row is not None and row["agent"] == agent and row["id"] not in chosen:
                chosen.add(row["id"])
                found += 1
                if found == per_group:
                    break


def stratified_k50() -> None:
    path = fresh(WORK / "sampling-demo.db")
    with open_database(path) as db:
        import_files(db, [str(Path(__file__).resolve().parents[1] / "samples" / "demo.jsonl")])
        agents = db.scalar("SELECT count(DISTINCT agent) FROM conversations")
        start = time.perf_counter()
        per_agent_probing(db, 50)
        baseline = time.perf_counter() - start
        request = SampleRequest(size=None, strategy="stratified", per_group=50, seed=1, name="k50")
        start = time.perf_counter()
        create_session(db, request, resolve_rubric("default"))
        ours = time.perf_counter() - start
    print(
        f"stratified --per-agent 50, demo ({agents} agents, 300 conversations): per-agent probing (baseline) "
        f"{baseline:.2f} s, shared probing {ours:.2f} s, ratio {baseline / ours:.1f}"
    )


if __name__ == "__main__":
    main()
