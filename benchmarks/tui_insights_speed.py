"""Insights screen speed: from pressing i to the sections on screen, on a big database.

Usage: python benchmarks/tui_insights_speed.py --db PATH (an imported and analysed database;
it gets the stored insights, schema 15: work on a copy)
Target: under 2 s. `compute` alone is the baseline; then the insights are stored as
`cxreview insights` stores them, and a fresh app presses i right at start (before its
warm-up: the worst case) and once the warm-up is done, all in one run on the same database.
Last, one review is submitted and the stored insights brought up to date: only the review
sections are computed again (their stamp moved; the message and signal sections' did not).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from common import machine

from cxreview import reviews
from cxreview.filters import Filters
from cxreview.insights import compute
from cxreview.insights_cache import cached_or_compute, compute_and_store, stored
from cxreview.rubrics import resolve_rubric
from cxreview.signals.config import repeat_contact_days
from cxreview.store import Database, open_database
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.insights import InsightsScreen


async def press_i(path: str, wait_for_warm: bool) -> tuple[float, float]:
    """Seconds from pressing i to the sections on screen: wall, and this process's CPU."""
    app = ReviewApp(path, "bench")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.05)
        if wait_for_warm:
            while not app.insights._shown:  # the background warm-up has made the screen ready
                await pilot.pause(0.05)
        began, cpu = time.perf_counter(), time.process_time()
        await pilot.press("i")
        while not (isinstance(app.screen, InsightsScreen) and app.screen.sections):
            await pilot.pause(0.005)
        return time.perf_counter() - began, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    with open_database(args.db, create=False) as db:
        conversations = db.scalar("SELECT count(*) FROM conversations")
        messages = db.scalar("SELECT count(*) FROM messages")
        began = time.perf_counter()
        compute(db, Filters(), repeat_contact_days())
        baseline = time.perf_counter() - began
        began = time.perf_counter()
        compute_and_store(db, Filters(), repeat_contact_days())  # what `cxreview insights` does
        stored = time.perf_counter() - began
        stored_rows = db.scalar("SELECT count(*) FROM insights_cache")
    cold, cold_cpu = asyncio.run(press_i(args.db, wait_for_warm=False))
    warm, warm_cpu = asyncio.run(press_i(args.db, wait_for_warm=True))
    with open_database(args.db, create=False) as db:
        stale, after_review, after_review_cpu = _after_a_review(db)
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    print(f"database: {conversations:,} conversations, {messages:,} messages")
    print(f"compute alone (baseline): {baseline:.2f} s; compute and store: {stored:.2f} s ({stored_rows} stored)")
    print(f"press i at start, stored insights (fresh run): {cold:.3f} s (target < 2 s), {cold_cpu:.3f} s CPU")
    print(f"press i after the warm-up: {warm:.3f} s  (target < 2 s), {warm_cpu:.3f} s CPU")
    print(
        f"after one submitted review ({', '.join(stale)} stale): brought up to date in {after_review:.2f} s "
        f"({after_review_cpu:.2f} s CPU; compute alone {baseline:.2f} s)"
    )


def _after_a_review(db: Database) -> tuple[list[str], float, float]:
    """Submit one review, then bring the stored insights up to date: which groups were stale,
    seconds wall and CPU."""
    rubric = resolve_rubric("default")
    conversation = db.scalar("SELECT id FROM conversations ORDER BY id LIMIT 1")
    reviewer = f"bench-{time.time_ns()}"  # a new review on every run of the script on this copy
    review = reviews.start_review(db, conversation, reviewer, rubric)
    for criterion in rubric.criteria:
        reviews.set_score(db, review.id, criterion.id, criterion.max)
    reviews.submit(db, review.id)
    found = stored(db, Filters(), repeat_contact_days())
    began, cpu = time.perf_counter(), time.process_time()
    cached_or_compute(db, Filters(), repeat_contact_days())
    return (found.stale if found else ["all"]), time.perf_counter() - began, time.process_time() - cpu


if __name__ == "__main__":
    main()
