"""PostgreSQL against SQLite: import, analyze, sample, calibrate and export on the same corpus.

Usage: python benchmarks/engines.py [--messages 1000000] [--pg postgresql://USER@HOST/DB]
Without --pg a throwaway PostgreSQL server is started (tests/pg_server.py: initdb + pg_ctl,
fsync off as in the tests, so PostgreSQL's figures are its best case). Prints the time per step
on each engine and the ratio PostgreSQL / SQLite (target: no step above 2.0).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
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


def run_steps(target: str, source: Path) -> dict[str, float]:
    cx = [sys.executable, "-m", "cxreview", "--db", target]
    times = {
        "import": timed(lambda: run_quiet([*cx, "import", "-q", "--no-analyze", str(source)])),
        "analyze": timed(lambda: run_quiet([*cx, "analyze", "--quiet"])),
        "sample": timed(
            lambda: run_quiet(
                [*cx, "sample", "--size", "50", "--strategy", "spotlight", "--seed", "1", "--reviewer", "ana"]
            )
        ),
    }
    run_quiet(
        [*cx, "sample", "--size", "30", "--seed", "2", "--name", "bench-calibration", "--calibration"]
        + ["--reviewer", "ana", "--reviewer", "ben", "--reviewer", "cas", "--include-reviewed"]
    )
    _score_calibration(target)
    times["calibrate"] = timed(lambda: run_quiet([*cx, "calibrate"]))
    out = WORK / "engines-export.csv"
    times["export"] = timed(lambda: run_quiet([*cx, "export", "--level", "message", "-o", str(out)]))
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--pg", help="an empty PostgreSQL database to use instead of a throwaway server")
    args = parser.parse_args()
    source = corpus(args.messages)
    n_messages = sum(len(line) > 0 for line in source.open(encoding="utf-8"))
    sqlite_times = run_steps(str(fresh(WORK / "engines.db")), source)
    server = None
    url = args.pg
    if url is None:
        sys.path.insert(0, str(ROOT))
        from tests.pg_server import Server

        server = Server(Path(tempfile.mkdtemp(prefix="cxreview-bench-pg-")))
        server.start()
        url = server.create_database("bench")
    try:
        pg_times = run_steps(url, source)
    finally:
        if server is not None:
            server.stop()
    print(f"machine: {machine()}")
    print(f"corpus: {source.name} ({n_messages:,} conversations)")
    print(f"{'step':<10} {'SQLite':>9} {'PostgreSQL':>11} {'ratio':>6}")
    for step in STEPS:
        ratio = pg_times[step] / sqlite_times[step]
        print(f"{step:<10} {sqlite_times[step]:8.2f}s {pg_times[step]:10.2f}s {ratio:6.2f}")
    print("target: every ratio (PostgreSQL / SQLite) at most 2.0")


if __name__ == "__main__":
    main()
