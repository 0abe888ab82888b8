"""Stored calibrated scores: what keeping review_overview's numbers fresh costs on 108,000 scores.

Baseline, timed in the same run: the review-level export, which computes the same calibrated
scores for every review (what SQL users had to run before they were stored).

Usage: python benchmarks/calibrated_refresh.py
Measures a full refresh (every rubric version refitted and every review written), the refit of
one rubric version (what a blind first submission on a shared conversation triggers), and the
fast path of one review (any other submit, correction or accepted dispute).
"""

from __future__ import annotations

import io
import time

from calibration_speed import build
from common import machine

from cxreview.calibrated import refresh, refresh_review
from cxreview.export import export_reviews
from cxreview.filters import Filters
from cxreview.store import open_database


def main() -> None:
    path = build(108_000)
    with open_database(path) as db:
        start = time.perf_counter()
        export_reviews(db, "review", Filters(), io.StringIO(), "csv")
        exported = time.perf_counter()
        written = refresh(db)
        full = time.perf_counter()
        refresh(db, [("default", 1)])
        one_version = time.perf_counter()
        review_id = int(db.scalar("SELECT max(id) FROM reviews"))
        refresh_review(db, review_id, inputs_changed=False)
        fast = time.perf_counter()
    print(f"machine: {machine()}")
    print(f"reviews: {written:,} (108,000 scores)")
    print(
        f"review-level export (baseline) {exported - start:.2f} s; full refresh {full - exported:.2f} s "
        f"(ratio {(exported - start) / (full - exported):.2f}); refit of one rubric version "
        f"{one_version - full:.2f} s; one review from the stored offsets {(fast - one_version) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
