"""Calibration speed: agreement (with 95% bootstrap intervals) and leniency offsets over
100,000 criterion scores. Target: under 2 s.

Usage: python benchmarks/calibration_speed.py
Reviews are written in bulk with the real schema: 8 reviewers with known leniency, each
conversation scored by two or three of them, three criteria per review.
"""

from __future__ import annotations

import json
import random
import time

from common import WORK, fresh, machine

from cxreview.calibration import calibrate, load_scores
from cxreview.reviews import register_rubric
from cxreview.rubrics import resolve_rubric
from cxreview.store import open_database

REVIEWERS = {f"reviewer-{i}": bias for i, bias in enumerate([-0.8, -0.4, -0.2, 0, 0, 0.2, 0.5, 0.9])}


def build(scores: int) -> str:
    path = fresh(WORK / "calibration.db")
    WORK.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    rubric = resolve_rubric("default")
    with open_database(path) as db:
        register_rubric(db, rubric)
        reviews, score_rows, conversations = [], [], []
        review_id = 0
        conversation = 0
        while len(score_rows) < scores:
            conversation += 1
            cid = f"C{conversation:07d}"
            conversations.append((cid,))
            truth = {c: rng.randint(1, 5) for c in ("empathy", "clarity", "resolution")}
            for reviewer in rng.sample(sorted(REVIEWERS), rng.choice([2, 2, 3])):
                review_id += 1
                reviews.append((review_id, cid, reviewer))
                for criterion, value in truth.items():
                    noisy = round(value + REVIEWERS[reviewer] + rng.gauss(0, 0.6))
                    score_rows.append((review_id, criterion, max(1, min(5, noisy))))
        with db.transaction() as conn:
            conn.executemany(
                "INSERT INTO conversations (id, content_hash, imported_at) VALUES (?, 'h', 'now')", conversations
            )
            conn.executemany(
                "INSERT INTO reviews (id, conversation_id, reviewer, rubric_id, rubric_version, status, started_at, "
                "updated_at, submitted_at) VALUES (?, ?, ?, 'default', 1, 'submitted', 'now', 'now', 'now')",
                reviews,
            )
            conn.executemany(
                "INSERT INTO review_scores (review_id, criterion, score, updated_at) VALUES (?, ?, ?, 'now')",
                score_rows[:scores],
            )
    return str(path)


def main() -> None:
    path = build(100_000)
    with open_database(path) as db:
        start = time.perf_counter()
        scores = load_scores(db)[("default", 1)]
        loaded = time.perf_counter()
        result = calibrate(scores)
        done = time.perf_counter()
    print(f"machine: {machine()}")
    print(
        f"scores: {len(scores):,}; load {loaded - start:.2f} s, calibrate {done - loaded:.2f} s, "
        f"total {done - start:.2f} s (target < 2 s, {(done - start) / 2:.2f} of budget)"
    )
    empathy = result.criteria[0]
    print(f"empathy: alpha {empathy.alpha:.3f} {empathy.alpha_interval}, {empathy.conversations:,} conversations")
    offsets = {r: round(result.offsets[(r, "empathy")].offset, 2) for r in REVIEWERS}
    print(
        "empathy offsets (true leniency in brackets):",
        json.dumps({r: f"{o:+.2f} ({REVIEWERS[r]:+.1f})" for r, o in offsets.items()}),
    )


if __name__ == "__main__":
    main()
