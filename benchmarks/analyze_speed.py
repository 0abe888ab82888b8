"""Analysis speed: `cxreview analyze` against a plain loop of VADER polarity_scores.

Usage: python benchmarks/analyze_speed.py [--messages 1000000] [--distinct]
The baseline calls VADER's polarity_scores once per message on the same texts and
computes nothing else. cxreview computes every signal, stores it, and uses every core
(with compiled bytecode, as an installed package; see common.installed_env). Prints both
throughputs and the ratio (target >= 1.5), the CPU seconds of both and the load average.
With --distinct every customer message is different (see common.distinct_corpus), so
nothing is saved by computing a text once: the honest case for real traffic.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import time

from common import WORK, corpus, distinct_corpus, fresh, installed_env, machine, run_quiet, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--distinct", action="store_true", help="every customer message distinct")
    args = parser.parse_args()
    source = distinct_corpus(args.messages) if args.distinct else corpus(args.messages)
    db_path = fresh(WORK / "analyze.db")
    cxreview = [sys.executable, "-m", "cxreview", "--db", str(db_path)]
    env = installed_env()
    run_quiet([*cxreview, "import", "-q", "--no-analyze", str(source)], env)
    conn = sqlite3.connect(db_path)
    texts = [row[0] for row in conn.execute("SELECT text FROM messages")]
    conn.close()
    distinct = len(set(texts))

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    load_before = _load()
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        analyzer.polarity_scores(text)
    t_plain = time.perf_counter() - start
    cpu_plain = time.process_time() - cpu_start
    # CPU seconds of the analysis (both cores added up): unlike wall time, they do not
    # depend on what else the machine runs.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t_ours = timed(lambda: run_quiet([*cxreview, "analyze", "-q"], env))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_ours = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    n = len(texts)
    print(f"machine: {machine()}; load average {load_before} before, {_load()} after")
    print(f"messages: {n:,} ({distinct:,} distinct texts, {distinct / n:.0%})")
    print(f"plain VADER loop:  {t_plain:7.2f} s  ({n / t_plain:,.0f} messages/s), sentiment only")
    print(f"cxreview analyze:  {t_ours:7.2f} s  ({n / t_ours:,.0f} messages/s), every signal, stored")
    print(f"throughput ratio (cxreview / plain loop): {t_plain / t_ours:.2f}  (target >= 1.5)")
    print(
        f"CPU seconds: plain loop {cpu_plain:.2f}, cxreview analyze {cpu_ours:.2f} (all processes);"
        f" the best wall ratio two idle cores allow: {2 * cpu_plain / cpu_ours:.2f}"
    )


def _load() -> str:
    """The 1/5/15-minute load averages: other work on the machine skews wall times."""
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
