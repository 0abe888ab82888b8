"""Calibration speed: agreement (with 95% bootstrap intervals) and leniency offsets over
108,000 criterion scores. Target: under 1 s. Baseline, timed in the same run: the 200-step
alternating fit the exact solve replaced (offsets only).

Usage: python benchmarks/calibration_speed.py
Reviews are written in bulk with the real schema: 8 reviewers with known leniency, each
conversation scored by two or three of them, three criteria per review.
"""

from __future__ import annotations

import json
import random
import time

import numpy as np
from common import WORK, fresh, machine

from cxreview.calibration import _ridge, calibrate, load_scores
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


def alternating_fit(rows: list[tuple[str, str, float]], shrinkage: float = 5.0) -> np.ndarray:
    """The fit before the exact solve: alternating least squares, at most 200 steps."""
    conversations = {c: i for i, c in enumerate(sorted({c for c, _, _ in rows}))}
    reviewers = {r: i for i, r in enumerate(sorted({r for _, r, _ in rows}))}
    c_index = np.array([conversations[c] for c, _, _ in rows])
    r_index = np.array([reviewers[r] for _, r, _ in rows])
    y = np.array([v for _, _, v in rows], dtype=float)
    per_conversation = np.bincount(c_index, minlength=len(conversations))
    per_reviewer = np.bincount(r_index, minlength=len(reviewers))
    beta = np.zeros(len(reviewers))
    for _ in range(200):
        effects = np.bincount(c_index, weights=y - beta[r_index], minlength=len(conversations)) / per_conversation
        new_beta = np.bincount(r_index, weights=y - effects[c_index], minlength=len(reviewers)) / (
            per_reviewer + shrinkage
        )
        if np.max(np.abs(new_beta - beta)) < 1e-7:
            return new_beta
        beta = new_beta
    return beta


def main() -> None:
    path = build(108_000)
    with open_database(path) as db:
        start = time.perf_counter()
        scores = load_scores(db)[("default", 1)]
        loaded = time.perf_counter()
        result = calibrate(scores)
        done = time.perf_counter()
    print(f"machine: {machine()}")
    print(
        f"scores: {len(scores):,}; load {loaded - start:.2f} s, calibrate {done - loaded:.2f} s, "
        f"total {done - start:.2f} s (target < 1 s, {done - start:.2f} of budget)"
    )
    rows = [(s.conversation_id, s.reviewer, float(s.value)) for s in scores if s.criterion == "empathy"]
    start = time.perf_counter()
    old = alternating_fit(rows)
    middle = time.perf_counter()
    new = _ridge(rows, 5.0).beta
    end = time.perf_counter()
    print(
        f"offsets of one criterion: alternating fit (baseline) {(middle - start) * 1000:.0f} ms, exact solve "
        f"{(end - middle) * 1000:.0f} ms, ratio {(middle - start) / (end - middle):.2f}; "
        f"largest difference {np.abs(old - new).max():.1e}"
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
