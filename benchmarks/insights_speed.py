"""Insights speed over a million messages. Target: under 30 s.

Usage: python benchmarks/insights_speed.py [--messages 1000000]
Imports and analyses the demo generator's corpus of about a million messages (reusing the
database of analyze_speed.py when it is there), then times `compute` of every section.
"""

from __future__ import annotations

import argparse
import sys
import time

from common import WORK, corpus, fresh, machine, run_quiet

from cxreview.insights import compute
from cxreview.store import open_database
from cxreview.store.exports import Filters


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args()
    path = WORK / f"insights-{args.messages}.db"
    if not path.exists():
        source = corpus(args.messages)
        fresh(path)
        run_quiet([sys.executable, "-m", "cxreview", "--db", str(path), "import", "-q", str(source)])
    with open_database(path) as db:
        messages = db.scalar("SELECT count(*) FROM messages")
        start = time.perf_counter()
        insights = compute(db, Filters())
        elapsed = time.perf_counter() - start
    print(f"machine: {machine()}")
    print(f"messages: {messages:,}, conversations: {insights.conversations:,}")
    print(f"insights (every section): {elapsed:.2f} s  (target < 30 s, {elapsed / 30:.2f} of budget)")


if __name__ == "__main__":
    main()
