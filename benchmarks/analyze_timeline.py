"""Where the wall time of `cxreview analyze` goes: the main process's serial start, each
worker's start-up, its chunks, and how long each core waits for the other at the end.

Usage: python benchmarks/analyze_timeline.py [--messages 100000] [--repeat 1]
The distinct-text corpus of analyze_speed.py is imported once with the CLI (as that script
does) and copied for each run; the command then runs in a child process with compiled
bytecode, wrapped so that the main process and every worker write a time stamp (wall
clock and the process's own CPU seconds) at each step. Prints, per run: the main
process's serial part (interpreter, imports, queries, the start-up built before forking)
until the workers get their first chunk, each worker's chunks (wall and CPU), the idle
wall time of each worker before the command ends, and the whole command's CPU seconds.
Wall times depend on what else the machine runs (the load average is printed); the
instruction counts of analyze_instructions.py --command do not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import WORK, distinct_corpus, fresh, installed_env, run_quiet

# Runs in the child: wraps the analysis's steps with stamps, then runs the CLI as
# `python -m cxreview` would. Each line: pid, wall clock (epoch), process CPU, event.
_CHILD = r"""
import functools, os, runpy, sys, time
log = open(sys.argv[1], "a", buffering=1)
def stamp(event):
    log.write(f"{os.getpid()} {time.time():.6f} {time.process_time():.6f} {event}\n")
stamp("imports start")
import cxreview.signals.analyze as analysis
stamp("analysis imported")
def wrap(name, before, after=None):
    inner = getattr(analysis, name)
    @functools.wraps(inner)  # same name: the pool pickles the chunk function by name
    def wrapped(*args, **kwargs):
        stamp(before)
        try:
            return inner(*args, **kwargs)
        finally:
            if after:
                stamp(after)
    setattr(analysis, name, wrapped)
wrap("_pool", "pool start", "pool ready")
wrap("_init_worker", "worker start")
wrap("_analyze_chunk", "chunk start", "chunk end")
wrap("analyze_conversations", "analysis start", "analysis end")
sys.argv = ["cxreview", *sys.argv[2:]]
try:
    runpy.run_module("cxreview", run_name="__main__")
finally:
    stamp("exit")
"""


def cli_imported(messages: int, env: dict[str, str]) -> Path:
    """A database with the distinct corpus imported by the CLI and not analysed (made once)."""
    path = WORK / f"timeline-{messages}.db"
    if not path.exists():
        partial = fresh(WORK / "timeline-partial.db")
        run_quiet(
            [
                sys.executable,
                "-m",
                "cxreview",
                "--db",
                str(partial),
                "import",
                "-q",
                "--no-analyze",
                str(distinct_corpus(messages)),
            ],
            env,
        )
        partial.rename(path)
    return path


def _run(base: Path, env: dict[str, str]) -> tuple[float, list[tuple[int, float, float, str]]]:
    """One run of the command: (its start, the stamps)."""
    db = fresh(WORK / "timeline.db")
    shutil.copyfile(base, db)
    with tempfile.NamedTemporaryFile("r", suffix=".log", delete=False) as handle:
        log = handle.name
    try:
        start = time.time()
        subprocess.run(
            [sys.executable, "-c", _CHILD, log, "--db", str(db), "analyze", "-q"],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        stamps = []
        for line in Path(log).read_text(encoding="utf-8").splitlines():
            pid, wall, cpu, event = line.split(" ", 3)
            stamps.append((int(pid), float(wall) - start, float(cpu), event))
    finally:
        os.unlink(log)
    return start, stamps


def _report(stamps: list[tuple[int, float, float, str]]) -> None:
    by_pid: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
    for pid, wall, cpu, event in stamps:
        by_pid[pid].append((wall, cpu, event))
    main_pid = stamps[0][0]
    main = {event: (wall, cpu) for wall, cpu, event in by_pid.pop(main_pid)}
    end_wall, end_cpu = main["exit"]
    first_chunk = min((w for rows in by_pid.values() for w, _, e in rows if e == "chunk start"), default=end_wall)
    print(
        f"  main: interpreter start to imports {main['imports start'][0]:.3f} s; analysis imported at "
        f"{main['analysis imported'][0]:.3f} s; analysis called at {main['analysis start'][0]:.3f} s"
    )
    if "pool start" in main:
        pool_start, pool_ready = main["pool start"], main["pool ready"]
        print(
            f"  main: start-up built and workers forked {pool_start[0]:.3f}-{pool_ready[0]:.3f} s "
            f"({pool_ready[1] - pool_start[1]:.3f} s CPU)"
        )
    print(
        f"  first chunk given out at {first_chunk:.3f} s (serial part: {first_chunk / end_wall:.0%} of the wall time)"
    )
    for pid, rows in sorted(by_pid.items()):
        starts = [(w, c) for w, c, e in rows if e == "chunk start"]
        ends = [(w, c) for w, c, e in rows if e == "chunk end"]
        if not ends:
            continue
        busy_cpu = sum(e[1] - s[1] for s, e in zip(starts, ends, strict=False))
        busy_wall = sum(e[0] - s[0] for s, e in zip(starts, ends, strict=False))
        first = ends[0][1] - starts[0][1]
        print(
            f"  worker {pid}: {len(ends)} chunks, {busy_wall:.2f} s wall / {busy_cpu:.2f} s CPU in chunks "
            f"(first chunk {first:.3f} s CPU), idle before the end {end_wall - ends[-1][0]:.3f} s"
        )
    print(
        f"  main after the last chunk: {end_wall - max(w for rows in by_pid.values() for w, _, e in rows):.3f} s; "
        f"whole command {end_wall:.2f} s wall, main process {end_cpu:.2f} s CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    env = installed_env()
    base = cli_imported(args.messages, env)
    for number in range(1, args.repeat + 1):
        load = "/".join(f"{x:.1f}" for x in os.getloadavg())
        _, stamps = _run(base, env)
        print(f"run {number} (load average {load}):")
        _report(stamps)


if __name__ == "__main__":
    main()
