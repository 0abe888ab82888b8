"""Where the CPU of `cxreview analyze` goes, against the same analysis in one process.

Usage: python benchmarks/analyze_split.py [--messages 100000] [--repeat 1] [--skip-inproc]
The distinct-text corpus of analyze_speed.py is imported by the CLI once (analyze_timeline's
database) and copied for each run. Three runs, each in its own fresh process with compiled
bytecode: the plain VADER loop over every message text; the analysis called in one process
(`analyze_conversations(workers=1)`, as analyze_check.py and analyze_instructions.py run it);
and the command `cxreview analyze -q` with its worker processes. In both analyses the steps of
a chunk are wrapped to add up their CPU seconds in each process: reading the messages
(`messages_of`, read in full by the wrapper), the features of new texts (`_features`), the
per-conversation rules (`analyze`), the phases, the writes (`replace_signals` and
`replace_phases`) and the rest of the chunk (its loop, the commit, `gc.freeze`). Each process
reports its user and system CPU and its page faults when it ends.

Prints the command's CPU split: the main process (interpreter and imports, the queries and the
start-up built before forking, the time while the workers run, its exit), each worker (from
the fork to its first chunk, its chunks by step, the time outside chunks: the pool's pickling
and queues, its exit), and the in-process analysis split the same way, with every figure as a
ratio of the VADER loop's CPU. CPU seconds move with the machine's load; compare figures of
one run, or the best of --repeat.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from analyze_timeline import cli_imported
from common import WORK, fresh, installed_env

# Runs in the child. argv: log path, mode ("command", "inproc" or "vader"), db path.
_CHILD = r"""
import functools, json, os, resource, sys, time
log_path, mode, db_path = sys.argv[1:4]
def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {"user": r.ru_utime, "sys": r.ru_stime, "minflt": r.ru_minflt, "majflt": r.ru_majflt}
STEPS = {}
MARKS = {}
def mark(name):
    MARKS[name] = time.process_time()
def dump(role):
    with open(log_path, "a") as log:
        log.write(json.dumps({"pid": os.getpid(), "role": role, "steps": STEPS, "marks": MARKS,
                              "usage": usage()}) + "\n")
mark("start")
if mode == "vader":
    import sqlite3
    texts = [row[0] for row in sqlite3.connect(db_path).execute("SELECT text FROM messages")]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    mark("loop start")
    for text in texts:
        analyzer.polarity_scores(text)
    mark("loop end")
    dump("vader")
    sys.exit(0)
import cxreview.signals.analyze as analysis
mark("imported")
clock = time.process_time
def add(name, seconds):
    STEPS[name] = STEPS.get(name, 0.0) + seconds
    STEPS[name + " calls"] = STEPS.get(name + " calls", 0) + 1
def timed(owner, attr, name, materialise=False):
    inner = getattr(owner, attr)
    @functools.wraps(inner)
    def wrapped(*args, **kwargs):
        start = clock()
        try:
            result = inner(*args, **kwargs)
            if materialise:
                result = list(result)
            return result
        finally:
            add(name, clock() - start)
    setattr(owner, attr, wrapped)
timed(analysis.sql, "messages_of", "read", materialise=True)
timed(analysis, "_features", "features")
timed(analysis, "analyze", "rules")
timed(analysis, "split_phases", "phases")
timed(analysis, "name_the_phase", "phases")
timed(analysis.sql, "replace_signals", "write")
timed(analysis, "replace_phases", "write")
timed(analysis, "_analyze_chunk", "chunk")
timed(analysis, "_languages", "languages")
timed(analysis, "_warm_rules", "warm rules")
timed(analysis, "warm_up", "warm lexicons")
timed(analysis, "model", "warm model")
inner_pool = analysis._pool
def pool(*args, **kwargs):
    mark("pool start")
    try:
        return inner_pool(*args, **kwargs)
    finally:
        mark("pool ready")
analysis._pool = pool
inner_init = analysis._init_worker
@functools.wraps(inner_init)
def init_worker(*args, **kwargs):
    STEPS.clear()
    MARKS.clear()
    mark("forked")
    if os.environ.get("SPLIT_PIN"):  # experiments: every worker on the given cores
        os.sched_setaffinity(0, {int(c) for c in os.environ["SPLIT_PIN"].split(",")})
    import multiprocessing.util
    multiprocessing.util.Finalize(None, dump, args=("worker",), exitpriority=0)
    return inner_init(*args, **kwargs)
analysis._init_worker = init_worker
inner_analysis = analysis.analyze_conversations
def analyze_conversations(*args, **kwargs):
    mark("analysis start")
    try:
        return inner_analysis(*args, **kwargs)
    finally:
        mark("analysis end")
analysis.analyze_conversations = analyze_conversations
try:
    if mode == "inproc":
        from cxreview.store import open_database
        with open_database(db_path) as db:
            analyze_conversations(db, workers=1)
    else:
        import runpy
        sys.argv = ["cxreview", "--db", db_path, "analyze", "-q"]
        try:
            runpy.run_module("cxreview", run_name="__main__")
        except SystemExit as exc:
            if exc.code:
                raise
finally:
    mark("exit")
    dump("main")
"""

_CHUNK_STEPS = ("read", "features", "rules", "phases", "write")


def _run(mode: str, base: Path, env: dict[str, str]) -> tuple[list[dict], dict[str, float]]:
    """One child run: (its processes' reports, the whole run's CPU from the parent's view)."""
    db = fresh(WORK / "split.db")
    shutil.copyfile(base, db)
    with tempfile.NamedTemporaryFile("r", suffix=".log", delete=False) as handle:
        log = handle.name
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [sys.executable, "-c", _CHILD, log, mode, str(db)], check=True, stdout=subprocess.DEVNULL, env=env, cwd=WORK
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        reports = [json.loads(line) for line in Path(log).read_text(encoding="utf-8").splitlines()]
    finally:
        os.unlink(log)
    whole = {"user": after.ru_utime - before.ru_utime, "sys": after.ru_stime - before.ru_stime}
    return reports, whole


def _cpu(usage: dict[str, float]) -> float:
    return usage["user"] + usage["sys"]


def _line(label: str, seconds: float, vader: float, total: float) -> None:
    print(f"  {label:<54} {seconds:7.2f} s  {seconds / vader:5.2f} of the loop  {seconds / total:6.1%}")


def _chunk_lines(steps: dict[str, float], vader: float, total: float, indent: str) -> None:
    inside = steps.get("chunk", 0.0)
    for step in _CHUNK_STEPS:
        calls = int(steps.get(f"{step} calls", 0))
        _line(f"{indent}{step} ({calls:,} calls)", steps.get(step, 0.0), vader, total)
    _line(
        f"{indent}rest of the chunks (loop, commit, gc.freeze)",
        inside - sum(steps.get(s, 0.0) for s in _CHUNK_STEPS),
        vader,
        total,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-inproc", action="store_true", help="only the loop and the command")
    parser.add_argument("--pin", metavar="CPUS", help="pin every worker to these cores (e.g. 0: one core for both)")
    args = parser.parse_args()
    env = installed_env()
    if args.pin:
        env["SPLIT_PIN"] = args.pin
    base = cli_imported(args.messages, env)
    for number in range(1, args.repeat + 1):
        load = "/".join(f"{x:.1f}" for x in os.getloadavg())
        (vader_report,), _ = _run("vader", base, env)
        vader = vader_report["marks"]["loop end"] - vader_report["marks"]["loop start"]
        print(f"run {number}, {args.messages:,}-message distinct corpus (load average {load} at the start)")
        print(f"  plain VADER loop: {vader:.2f} s CPU (the unit of the ratios below)")
        analysis = None
        if not args.skip_inproc:
            (inproc,), whole = _run("inproc", base, env)
            marks, steps = inproc["marks"], inproc["steps"]
            analysis = marks["analysis end"] - marks["analysis start"]
            total = _cpu(whole)
            print(f"in one process (workers=1): {total:.2f} s CPU for the process, {total / vader:.2f} of the loop")
            _line("interpreter and imports", marks["imported"], vader, total)
            _line("the analysis call (what analyze_check counts)", analysis, vader, total)
            _chunk_lines(steps, vader, total, "  ")
            _line("  outside the chunks (queries, languages, set-up)", analysis - steps.get("chunk", 0.0), vader, total)
            _line("exit", total - marks["exit"], vader, total)
        reports, whole = _run("command", base, env)
        total = _cpu(whole)
        main_report = next(r for r in reports if r["role"] == "main")
        workers = [r for r in reports if r["role"] == "worker"]
        marks, steps = main_report["marks"], main_report["steps"]
        print(
            f"`cxreview analyze` ({len(workers)} workers): {total:.2f} s CPU ({whole['user']:.2f} user,"
            f" {whole['sys']:.2f} sys), {total / vader:.2f} of the loop"
        )
        _line("main: interpreter and imports", marks["imported"], vader, total)
        pool_start = marks.get("pool start", marks["analysis start"])
        pool_ready = marks.get("pool ready", pool_start)
        _line("main: command until the pool (queries, languages)", pool_start - marks["imported"], vader, total)
        for step in ("warm lexicons", "warm rules", "warm model"):
            _line(f"main:   of which {step}", steps.get(step, 0.0), vader, total)
        _line("main: start-up before forking, the fork", pool_ready - pool_start, vader, total)
        _line("main: while the workers run (results, progress)", marks["analysis end"] - pool_ready, vader, total)
        _line("main: after the analysis to its last stamp", marks["exit"] - marks["analysis end"], vader, total)
        main_cpu = _cpu(main_report["usage"])
        worker_sum = 0.0
        merged: dict[str, float] = defaultdict(float)
        for report in workers:
            usage = report["usage"]
            cpu = _cpu(usage)
            worker_sum += cpu
            for key, value in report["steps"].items():
                merged[key] += value
            chunks = report["steps"].get("chunk", 0.0)
            print(
                f"  worker {report['pid']}: {cpu:.2f} s CPU ({usage['user']:.2f} user, {usage['sys']:.2f} sys,"
                f" {usage['minflt']:,} minor page faults), {chunks:.2f} s in chunks, {cpu - chunks:.2f} s outside"
            )
        print(f"  workers, added up: {worker_sum:.2f} s CPU")
        _chunk_lines(merged, vader, total, "  workers: ")
        outside = worker_sum - merged.get("chunk", 0.0)
        _line("  workers: outside chunks (fork, queues, pickling, exit)", outside, vader, total)
        _line("main process, all (its report at its last stamp)", main_cpu, vader, total)
        _line("not in any report (main's exit, the wrapper)", total - main_cpu - worker_sum, vader, total)
        print(f"  main process minor page faults: {main_report['usage']['minflt']:,}")
        if analysis is not None:
            print(
                f"the command's CPU outside the in-process analysis call: {total - analysis:.2f} s"
                f" ({(total - analysis) / total:.1%} of the command; {total / analysis:.3f} times the call)"
            )


if __name__ == "__main__":
    main()
