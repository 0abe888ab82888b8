"""Import speed: `cxreview import` against `sqlite-utils insert --nl` of the same messages.

Usage: python benchmarks/import_speed.py [--messages 1000000]
Prints both times and the ratio (sqlite-utils time / cxreview time; 1.0 or more is the target).
cxreview validates, cleans and hashes every record; signals are skipped (--no-analyze) since
sqlite-utils computes none.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from common import WORK, corpus, flat_messages, fresh, machine, run_quiet, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args()
    source = corpus(args.messages)
    flat = flat_messages(source)
    n_messages = sum(1 for _ in flat.open(encoding="utf-8"))
    cxreview = [sys.executable, "-m", "cxreview"]
    # The sqlite-utils next to this interpreter (the venv cxreview is installed in).
    sqlite_utils = str(Path(sys.executable).with_name("sqlite-utils"))
    if not Path(sqlite_utils).exists():
        sqlite_utils = shutil.which("sqlite-utils") or "sqlite-utils"
    ours = fresh(WORK / "import-cxreview.db")
    theirs = fresh(WORK / "import-sqlite-utils.db")
    t_ours = timed(lambda: run_quiet([*cxreview, "--db", str(ours), "import", "-q", "--no-analyze", str(source)]))
    t_theirs = timed(lambda: run_quiet([sqlite_utils, "insert", str(theirs), "messages", str(flat), "--nl"]))
    t_again = timed(lambda: run_quiet([*cxreview, "--db", str(ours), "import", "-q", "--no-analyze", str(source)]))
    print(f"machine: {machine()}")
    print(f"messages: {n_messages:,}")
    print(f"cxreview import:          {t_ours:7.2f} s  ({n_messages / t_ours:,.0f} messages/s)")
    print(f"sqlite-utils insert --nl: {t_theirs:7.2f} s  ({n_messages / t_theirs:,.0f} messages/s)")
    print(f"re-import (all unchanged): {t_again:6.2f} s")
    print(f"ratio (sqlite-utils / cxreview): {t_theirs / t_ours:.2f}  (target >= 1.0)")


if __name__ == "__main__":
    main()
