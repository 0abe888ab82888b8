"""PostgreSQL against SQLite: import, analyze, sample, calibrate and export on the same corpus.

Usage:
  python benchmarks/engines.py [--messages 1000000] [--pg postgresql://USER@HOST/DB] [--keep]
  python benchmarks/engines.py --steps sample --repeat 10 --pg URL [--sqlite PATH]

The first form builds both databases (a fresh SQLite file in benchmarks/_work, and either the
empty database --pg names or one on a throwaway PostgreSQL server: tests/pg_server.py, initdb +
pg_ctl, fsync off as in the tests, so PostgreSQL's figures are its best case) and times every
step. ``--keep`` leaves the throwaway server running and prints the command that re-times
steps on the databases it built.

The second form re-times steps on databases that already hold the corpus (no import):
each step ``--repeat`` times, the engines alternating, so both see the same load. It prints
the median and fastest wall time per engine, the CPU time of the cxreview process (the
server's work on PostgreSQL is not in it) and the ratio PostgreSQL / SQLite of the medians
(target: no step above 2.0). Sampling passes --include-reviewed and a new --name each time,
so every run picks the same 50 conversations on either engine, however often it ran before.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import ROOT, WORK, corpus, fresh, machine, run_quiet

STEPS = ("import", "analyze", "sample", "calibrate", "export")
REPEATABLE = ("sample", "calibrate", "export")  # they leave the data as it was
CALIBRATION = "bench-calibration"


def _score_calibration(target: str) -> None:
    """Three reviewers score the same 30 conversations, so calibrate has something to fit."""
    from cxreview import reviews
    from cxreview.rubrics import resolve_rubric
    from cxreview.store import open_database
    from cxreview.store.sessions import session_items, session_row

    rubric = resolve_rubric("default")
    with open_database(target) as db:
        session = session_row(db.conn, CALIBRATION)
        for number, reviewer in enumerate(("ana", "ben", "cas")):
            for item in session_items(db.conn, session["id"], reviewer):
                review = reviews.start_review(db, item["conversation_id"], reviewer, rubric, session["id"])
                for criterion in rubric.criteria:
                    reviews.set_score(db, review.id, criterion.id, max(criterion.min, criterion.max - number))
                reviews.submit(db, review.id)


def _has_calibration(target: str) -> bool:
    from cxreview.store import open_database
    from cxreview.store.sessions import session_row

    with open_database(target, create=False) as db:
        return session_row(db.conn, CALIBRATION) is not None


def plan(target: str, source: Path) -> dict[str, tuple[Callable[[], object] | None, Callable[[], object]]]:
    """step -> (untimed preparation, timed command) for one engine."""
    cx = [sys.executable, "-m", "cxreview", "--db", target]
    out = WORK / "engines-export.csv"
    runs = iter(range(1, 1_000_000))

    def prepare_calibration() -> None:
        if _has_calibration(target):  # databases of an earlier run
            return
        run_quiet(
            [*cx, "sample", "--size", "30", "--seed", "2", "--name", CALIBRATION, "--calibration"]
            + ["--reviewer", "ana", "--reviewer", "ben", "--reviewer", "cas", "--include-reviewed"]
        )
        _score_calibration(target)

    def sample() -> None:
        name = f"bench-sample-{os.getpid()}-{next(runs)}"
        run_quiet(
            [*cx, "sample", "--size", "50", "--strategy", "spotlight", "--seed", "1", "--reviewer", "ana"]
            + ["--include-reviewed", "--name", name]
        )

    return {
        "import": (None, lambda: run_quiet([*cx, "import", "-q", "--no-analyze", str(source)])),
        "analyze": (None, lambda: run_quiet([*cx, "analyze", "--quiet"])),
        "sample": (None, sample),
        "calibrate": (prepare_calibration, lambda: run_quiet([*cx, "calibrate"])),
        "export": (None, lambda: run_quiet([*cx, "export", "--level", "message", "-o", str(out)])),
    }


def _timed_child(command: Callable[[], object]) -> tuple[float, float]:
    """Wall time, and the CPU time of the processes the command waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_steps(
    targets: dict[str, str], source: Path, steps: list[str], repeat: int
) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """Each step on every engine before the next step (and each repeat on every engine before
    the next repeat): on a shared machine whose load drifts, both engines' figures for a step
    are taken minutes apart at most, not a whole run apart."""
    plans = {engine: plan(target, source) for engine, target in targets.items()}
    times: dict[str, dict[str, list[tuple[float, float]]]] = {engine: {} for engine in targets}
    for step in steps:
        for steps_of in plans.values():
            prepare = steps_of[step][0]
            if prepare is not None:
                prepare()
        for _ in range(repeat):
            for engine, steps_of in plans.items():
                times[engine].setdefault(step, []).append(_timed_child(steps_of[step][1]))
    return times


def report(times: dict[str, dict[str, list[tuple[float, float]]]], steps: list[str], repeat: int) -> None:
    sqlite, pg = times["sqlite"], times["postgresql"]
    if repeat == 1:
        print(f"{'step':<10} {'SQLite':>9} {'PostgreSQL':>11} {'ratio':>6}")
        for step in steps:
            ratio = pg[step][0][0] / sqlite[step][0][0]
            print(f"{step:<10} {sqlite[step][0][0]:8.2f}s {pg[step][0][0]:10.2f}s {ratio:6.2f}")
    else:
        print(f"{repeat} runs each, engines alternating: wall time median (fastest) and the cxreview process's CPU")
        print(f"{'step':<10} {'SQLite':>16} {'CPU':>5} {'PostgreSQL':>16} {'CPU':>5} {'ratio':>6} {'CPU ratio':>9}")
        for step in steps:
            row, medians, cpus = f"{step:<10}", [], []
            for runs in (sqlite[step], pg[step]):
                walls = [w for w, _ in runs]
                medians.append(statistics.median(walls))
                cpus.append(statistics.median(c for _, c in runs))
                row += f" {medians[-1]:7.3f}s ({min(walls):.3f}) {cpus[-1]:5.2f}"
            print(f"{row} {medians[1] / medians[0]:6.2f} {cpus[1] / cpus[0]:9.2f}")
    print("target: every ratio (PostgreSQL / SQLite) at most 2.0")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--pg", help="a PostgreSQL database to use instead of a throwaway server")
    parser.add_argument("--sqlite", type=Path, default=WORK / "engines.db", help="the SQLite file")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, of {', '.join(STEPS)}")
    parser.add_argument("--repeat", type=int, default=1, help=f"runs per step and engine ({', '.join(REPEATABLE)})")
    parser.add_argument("--keep", action="store_true", help="leave the throwaway PostgreSQL server running")
    args = parser.parse_args()
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    if not steps or any(s not in STEPS for s in steps):
        parser.error(f"--steps takes some of {', '.join(STEPS)}")
    steps = [s for s in STEPS if s in steps]  # pipeline order
    if args.repeat > 1 and any(s not in REPEATABLE for s in steps):
        parser.error(f"--repeat only for {', '.join(REPEATABLE)} (import and analyze change the data)")
    building = "import" in steps
    if not building and (args.pg is None or not args.sqlite.exists()):
        parser.error("without the import step, pass --pg URL (and --sqlite PATH) of databases that hold the corpus")
    source = corpus(args.messages) if building else Path(os.devnull)
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
        targets = {"sqlite": str(fresh(args.sqlite) if building else args.sqlite), "postgresql": url}
        times = run_steps(targets, source, steps, args.repeat)
    finally:
        if server is not None and not args.keep:
            server.stop()
    print(f"machine: {machine()}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    if building:
        n_conversations = sum(len(line) > 0 for line in source.open(encoding="utf-8"))
        print(f"corpus: {source.name} ({n_conversations:,} conversations)")
    report(times, steps, args.repeat)
    if server is not None and args.keep:
        stop = f"{server.bindir / 'pg_ctl'} -D {server.folder / 'data'} stop"
        print(f"PostgreSQL kept running; stop it with: {'runuser -u postgres -- ' if server.as_root else ''}{stop}")
        print(f"re-time: python benchmarks/engines.py --steps sample --repeat 10 --pg {url} --sqlite {args.sqlite}")


if __name__ == "__main__":
    main()
