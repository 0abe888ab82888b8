"""PostgreSQL against SQLite: import, analyze, sample, calibrate and export on the same corpus.

Usage: python benchmarks/engines.py [--messages 1000000] [--pg postgresql://USER@HOST/DB]
Without --pg a throwaway PostgreSQL server is started (tests/pg_server.py: initdb + pg_ctl,
fsync off as in the tests, so PostgreSQL's figures are its best case). Prints the time per step
on each engine and the ratio PostgreSQL / SQLite (target: no step above 2.0).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from common import ROOT, WORK, corpus, fresh, machine, run_quiet, timed

STEPS = ("import", "analyze", "sample", "calibrate", "export")


def _score_calibration(target: str) -> None:
    """Three reviewers score the same 30 conversations, so calibrate has something to fit."""
    from cxreview import reviews
    from cxreview.rubrics import resolve_rubric
    from cxreview.store import open_database
    from cxreview.store.sessions import session_items, session_row

    rubric = resolve_rubric("default")
    with open_database(target) as db:
        session = session_row(db.conn, "bench-calibration")
        for number, reviewer in enumerate(("ana", "ben", "cas")):
            for item in session_items(db.conn, session["id"], reviewer):
                review = reviews.start_review(db, item["conversation_id"], reviewer, rubric, session["id"])
                for criterion in rubric.criteria:
                    reviews.set_score(db, review.id, criterion.id, max(criterion.min, criterion.max - number))
                reviews.submit(db, review.id)


def plan(target: str, source: Path) -> list[tuple[str, Callable[[], object] | None, Callable[[], object]]]:
    """(step, untimed preparation, timed command) for one engine, in pipeline order."""
    cx = [sys.executable, "-m", "cxreview", "--db", target]
    out = WORK / "engines-export.csv"

    def prepare_calibration() -> None:
        run_quiet(
            [*cx, "sample", "--size", "30", "--seed", "2", "--name", "bench-calibration", "--calibration"]
            + ["--reviewer", "ana", "--reviewer", "ben", "--reviewer", "cas", "--include-reviewed"]
        )
        _score_calibration(target)

    return [
        ("import", None, lambda: run_quiet([*cx, "import", "-q", "--no-analyze", str(source)])),
        ("analyze", None, lambda: run_quiet([*cx, "analyze", "--quiet"])),
        (
            "sample",
            None,
            lambda: run_quiet(
                [*cx, "sample", "--size", "50", "--strategy", "spotlight", "--seed", "1", "--reviewer", "ana"]
            ),
        ),
        ("calibrate", prepare_calibration, lambda: run_quiet([*cx, "calibrate"])),
        ("export", None, lambda: run_quiet([*cx, "export", "--level", "message", "-o", str(out)])),
    ]


def run_steps(targets: dict[str, str], source: Path) -> dict[str, dict[str, float]]:
    """Each step on every engine before the next step: on a shared machine whose load drifts,
    both engines' figures for a step are taken minutes apart at most, not a whole run apart."""
    plans = {engine: plan(target, source) for engine, target in targets.items()}
    times: dict[str, dict[str, float]] = {engine: {} for engine in targets}
    for number, step in enumerate(STEPS):
        for engine, steps in plans.items():
            name, prepare, command = steps[number]
            assert name == step
            if prepare is not None:
                prepare()
            times[engine][step] = timed(command)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--pg", help="an empty PostgreSQL database to use instead of a throwaway server")
    args = parser.parse_args()
    source = corpus(args.messages)
    n_messages = sum(len(line) > 0 for line in source.open(encoding="utf-8"))
    server = None
    url = args.pg
    if url is None:
        sys.path.insert(0, str(ROOT))
        from tests.pg_server import Server

        server = Server(Path(tempfile.mkdtemp(prefix="cxreview-bench-pg-")))
        server.start()
        url = server.create_database("bench")
    load_before = os.getloadavg()[0]
    try:
        times = run_steps({"sqlite": str(fresh(WORK / "engines.db")), "postgresql": url}, source)
    finally:
        if server is not None:
            server.stop()
    sqlite_times, pg_times = times["sqlite"], times["postgresql"]
    print(f"machine: {machine()}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"corpus: {source.name} ({n_messages:,} conversations)")
    print(f"{'step':<10} {'SQLite':>9} {'PostgreSQL':>11} {'ratio':>6}")
    for step in STEPS:
        ratio = pg_times[step] / sqlite_times[step]
        print(f"{step:<10} {sqlite_times[step]:8.2f}s {pg_times[step]:10.2f}s {ratio:6.2f}")
    print("target: every ratio (PostgreSQL / SQLite) at most 2.0")


if __name__ == "__main__":
    main()
