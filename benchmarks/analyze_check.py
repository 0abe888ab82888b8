"""Analysis on a distinct-text corpus in this process: CPU seconds, a profile, and a
row-by-row check that a change keeps every stored signal.

Usage:
  python benchmarks/analyze_check.py --save before            # analyse, keep the signals
  python benchmarks/analyze_check.py --compare before         # analyse, compare with them
  python benchmarks/analyze_check.py --profile 25             # cProfile, the top 25 functions
Options: --messages 50000 (corpus size, see common.distinct_corpus), --workers 1 (2: the
process pool, CPU seconds of the workers included), --repeat N (best of N, each next to a
plain VADER loop over the same texts: their ratio varies less with the machine's load).

Every table the analysis writes (conversation_signals without its time stamp, the
per-message values, message and conversation flags, phases, detected languages) is
dumped in a fixed order to benchmarks/_work/signals-<name>.jsonl; --compare prints the
first rows that differ and exits non-zero when any does.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import shutil
import sys
import time
from pathlib import Path

from common import WORK, distinct_corpus, fresh

TABLES = {
    "conversation_signals": "SELECT * FROM conversation_signals ORDER BY conversation_id",
    "message_flags": "SELECT * FROM message_flags ORDER BY conversation_id, position, flag",
    "conversation_flags": "SELECT * FROM conversation_flags ORDER BY conversation_id, flag",
    "conversation_phases": "SELECT * FROM conversation_phases ORDER BY conversation_id",
    "languages": "SELECT id, language FROM conversations ORDER BY id",
}
SKIP_COLUMNS = {"analyzed_at"}


def _base(messages: int) -> Path:
    """A database with the corpus imported and not analysed (made once)."""
    from cxreview.ingest.importer import import_files
    from cxreview.store import open_database

    path = WORK / f"analyze-check-{messages}.db"
    if not path.exists():
        source = distinct_corpus(messages)
        partial = fresh(WORK / "analyze-check-partial.db")
        with open_database(str(partial)) as db:
            import_files(db, [str(source)])
            db.conn.execute("DELETE FROM message_flags")
            db.conn.execute("DELETE FROM conversation_flags")
            db.conn.execute("DELETE FROM conversation_phases")
            db.conn.execute("DELETE FROM conversation_signals")
            db.conn.commit()
        partial.rename(path)
    return path


def _texts(db_path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(db_path)
    texts = [row[0] for row in conn.execute("SELECT text FROM messages")]
    conn.close()
    return texts


def _vader_loop(texts: list[str]) -> float:
    """CPU seconds of the baseline of analyze_speed.py: polarity_scores on every text."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    start = time.process_time()
    for text in texts:
        analyzer.polarity_scores(text)
    return time.process_time() - start


def _dump(db_path: Path, out: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db_path)
    rows = 0
    with out.open("w", encoding="utf-8") as f:
        for table, query in TABLES.items():
            cursor = conn.execute(query)
            names = [d[0] for d in cursor.description]
            for row in cursor:
                values = {n: v for n, v in zip(names, row, strict=True) if n not in SKIP_COLUMNS}
                f.write(json.dumps([table, values], ensure_ascii=False, sort_keys=True) + "\n")
                rows += 1
    conn.close()
    return rows


def _compare(a: Path, b: Path, show: int = 5) -> int:
    differ = 0
    with a.open(encoding="utf-8") as fa, b.open(encoding="utf-8") as fb:
        for number, (la, lb) in enumerate(zip(fa, fb, strict=False), start=1):
            if la != lb:
                differ += 1
                if differ <= show:
                    print(f"row {number} differs:\n  before {la.strip()[:600]}\n  after  {lb.strip()[:600]}")
    lines_a = sum(1 for _ in a.open(encoding="utf-8"))
    lines_b = sum(1 for _ in b.open(encoding="utf-8"))
    if lines_a != lines_b:
        print(f"row counts differ: {lines_a:,} before, {lines_b:,} after")
        differ += 1
    return differ


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--save", metavar="NAME")
    parser.add_argument("--compare", metavar="NAME")
    parser.add_argument("--profile", type=int, metavar="TOP", default=0)
    parser.add_argument("--repeat", type=int, default=1, help="analyse this many times (CPU varies under load)")
    args = parser.parse_args()

    from cxreview.signals.analyze import analyze_conversations
    from cxreview.store import open_database

    base = _base(args.messages)
    work = WORK / "analyze-check.db"
    texts = _texts(base)
    vader_cpu: list[float] = []
    ours_cpu: list[float] = []
    for _ in range(args.repeat):
        vader_cpu.append(_vader_loop(texts))
        shutil.copyfile(base, fresh(work))
        with open_database(str(work)) as db:
            profiler = cProfile.Profile() if args.profile else None
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start, cpu = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            summary = analyze_conversations(db, workers=args.workers)
            if profiler:
                profiler.disable()
            cpu = time.process_time() - cpu
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            children = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        total = cpu + children
        ours_cpu.append(total)
        print(
            f"{summary.messages:,} messages: {wall:.2f} s wall, {total:.2f} s CPU "
            f"({total / summary.messages * 1e6:.1f} µs a message; this process {cpu:.2f} s; load {_load()})"
        )
        if profiler:
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(args.profile)
            stats.sort_stats("cumulative").print_stats(args.profile)
    print(
        f"plain VADER loop over the same texts: {min(vader_cpu):.2f} s CPU (best of {args.repeat});"
        f" analysis / VADER CPU: {min(ours_cpu) / min(vader_cpu):.2f}"
        " (at most 1.33 for 1.5x the throughput on two idle cores)"
    )
    name = args.save or "latest"
    out = WORK / f"signals-{name}.jsonl"
    rows = _dump(work, out)
    print(f"{rows:,} rows written to {out}")
    if args.compare:
        differ = _compare(WORK / f"signals-{args.compare}.jsonl", out)
        print("signals identical" if not differ else f"{differ:,} rows differ")
        sys.exit(1 if differ else 0)


def _load() -> str:
    import os

    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
