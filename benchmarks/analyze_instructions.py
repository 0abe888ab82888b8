"""Analysis against the plain VADER loop in instructions executed (valgrind's callgrind):
a figure that does not move with the machine's load, for comparing changes on a busy
machine where CPU seconds vary by a tenth from run to run.

Usage: python benchmarks/analyze_instructions.py [--messages 10000]
Needs valgrind. Runs four child processes under callgrind (each about fifty times slower
than normal): the analysis of the distinct-text corpus of analyze_check.py in one process
and the same set-up without it, the VADER loop over the same texts and its set-up alone.
Prints the instructions of the analysis and of the loop (set-up subtracted) and their
ratio. Instructions are not time (a cache miss costs more than an add), but for
interpreted Python both move together; the ratio was 1.24-1.37 where the in-process CPU
ratio (analyze_check.py) read 1.5-1.8 on the loaded machine.
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
from pathlib import Path

from analyze_check import _base
from common import ROOT, WORK, installed_env

_CHILD = r"""
import shutil, sqlite3, sys
mode, db, work = sys.argv[1:4]
texts = [row[0] for row in sqlite3.connect(db).execute("SELECT text FROM messages")]
if mode.startswith("analysis"):
    from cxreview.signals.analyze import analyze_conversations
    from cxreview.store import open_database
    shutil.copyfile(db, work)
    with open_database(work) as opened:
        if mode == "analysis":
            analyze_conversations(opened, workers=1)
else:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    if mode == "vader":
        for text in texts:
            analyzer.polarity_scores(text)
"""


def _instructions(mode: str, db: str, env: dict[str, str]) -> int:
    work = str(WORK / f"instructions-{mode}.db")
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*valgrind, sys.executable, "-c", _CHILD, mode, db, work], capture_output=True, text=True, env=env, check=True
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--code", metavar="DIR", help="measure the cxreview package under DIR (e.g. an older checkout)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: install it (apt-get install valgrind) or use analyze_check.py")
    db = str(_base(args.messages))
    # Compiled bytecode in every run, as an installed package has: otherwise the analysis
    # run would also count compiling the modules it imports late.
    env = {**installed_env(), "PYTHONPATH": args.code or str(ROOT)}
    if args.code:  # its bytecode too, under the same prefix
        previous, sys.pycache_prefix = sys.pycache_prefix, env["PYTHONPYCACHEPREFIX"]
        try:
            compileall.compile_dir(str(Path(args.code) / "cxreview"), quiet=1)
        finally:
            sys.pycache_prefix = previous
    counts = {mode: _instructions(mode, db, env) for mode in ("analysis", "analysis-setup", "vader", "vader-setup")}
    ours = counts["analysis"] - counts["analysis-setup"]
    vader = counts["vader"] - counts["vader-setup"]
    print(f"{args.messages:,}-message distinct corpus, instructions (callgrind):")
    print(f"  analysis in one process: {ours / 1e9:.2f}e9 (set-up {counts['analysis-setup'] / 1e9:.2f}e9 not counted)")
    print(f"  plain VADER loop:        {vader / 1e9:.2f}e9 (analyser built outside, as in analyze_speed.py)")
    print(f"  analysis / VADER loop:   {ours / vader:.2f}")


if __name__ == "__main__":
    main()
