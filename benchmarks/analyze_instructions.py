"""Analysis against the plain VADER loop in instructions executed (valgrind's callgrind):
a figure that does not move with the machine's load, for comparing changes on a busy
machine where CPU seconds vary by a tenth from run to run.

Usage: python benchmarks/analyze_instructions.py [--messages 10000] [--command] [--check | --accept WHY]
Needs valgrind. Runs four child processes under callgrind (each about fifty times slower
than normal): the analysis of the distinct-text corpus of analyze_check.py in one process
and the same set-up without it, the VADER loop over the same texts and its set-up alone.
Prints the instructions of the analysis and of the loop (set-up subtracted) and their
ratio. With --command (default 30,000 messages, enough for the worker processes) the
whole `cxreview analyze` command is counted instead: the main process and every forked
worker (each worker's count starts at the fork, so what the main process did before it
is counted once), on a database imported by the CLI as analyze_speed.py does; the
serial part shows as the main process's share. Instructions are not time (a cache miss costs more than an add), but for
interpreted Python both move together; the ratio was 1.24-1.37 where the in-process CPU
ratio (analyze_check.py) read 1.5-1.8 on the loaded machine.

The budget for signal changes (--check, --accept): benchmarks/analyze_instructions.json keeps
an accepted figure per corpus (the analysis / VADER-loop ratio of instructions, with the
counts and the commit it came from). `--check` measures again and prints the change against
it; it exits 1 when the analysis costs more than BUDGET (5%) over the accepted figure. A
change that is worth more cost is accepted by writing why in benchmarks/README.md and running
`--accept "TEXT"`, where TEXT is a phrase of that entry (the script refuses a reason that the
README does not contain). `--accept` after a cut records the lower figure, so the next
change is measured against it. Counts are made with PYTHONHASHSEED=0 (set order, and so a
few code paths, depend on the hash seed): the same code counts the same to within ~0.1%.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from analyze_check import _base
from analyze_timeline import cli_imported
from common import ROOT, WORK, fresh, installed_env

BASELINE = ROOT / "benchmarks" / "analyze_instructions.json"
README = ROOT / "benchmarks" / "README.md"
BUDGET = 0.05  # the rise of the analysis / VADER-loop ratio that --check lets through

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
        [*valgrind, sys.executable, "-c", _CHILD, mode, db, work],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=WORK,  # not the checkout: `python -c` puts the working directory first on sys.path (--code)
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _bytecode_ready(db: str, env: dict[str, str]) -> None:
    """Run the analysis and the loop once, not counted, so that every module they import
    (the standard library's and the installed packages' too: PYTHONPYCACHEPREFIX keeps all
    bytecode under one prefix) has its bytecode there. Else the first count in a fresh checkout
    also counts compiling them: ~2e9 more than the same code counted again (rounds 16 and 21)."""
    for mode in ("analysis", "vader"):
        work = str(WORK / "instructions-warm.db")
        subprocess.run([sys.executable, "-c", _CHILD, mode, db, work], env=env, check=True, cwd=WORK)


def _command_instructions(db: str, env: dict[str, str]) -> list[int]:
    """Instructions of `cxreview analyze` on a copy of ``db``, per process (the main one first)."""
    work = WORK / "instructions-command.db"
    shutil.copyfile(db, fresh(work))
    # A forked worker starts with its parent's counts: zeroed where only a child goes.
    valgrind = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--zero-before=PyOS_AfterFork_Child"]
    done = subprocess.run(
        [
            *valgrind,
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-m",
            "cxreview",
            "--db",
            str(work),
            "analyze",
            "-q",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=WORK,  # not the checkout: `python -m` puts the working directory first on sys.path
    )
    by_pid = {int(pid): int(n) for pid, n in re.findall(r"==(\d+)== Collected : (\d+)", done.stderr)}
    first = re.search(r"==(\d+)==", done.stderr)  # valgrind names the main process first
    if not by_pid or first is None or int(first.group(1)) not in by_pid:
        raise SystemExit(f"no instruction count from callgrind:\n{done.stderr[-2000:]}")
    main_count = by_pid.pop(int(first.group(1)))
    return [main_count, *by_pid.values()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=None, help="corpus size (10,000; 30,000 with --command)")
    parser.add_argument("--command", action="store_true", help="the whole command: main process and workers")
    parser.add_argument("--code", metavar="DIR", help="measure the cxreview package under DIR (e.g. an older checkout)")
    # argparse %-formats help texts: the budget's per cent sign doubled (--help failed on it).
    parser.add_argument("--check", action="store_true", help=f"exit 1 when over the accepted figure + {BUDGET:.0%}%")
    parser.add_argument(
        "--accept", metavar="WHY", help="record this run as the accepted figure (WHY: a phrase of README.md)"
    )
    args = parser.parse_args()
    if args.accept is not None and args.accept.strip() not in README.read_text(encoding="utf-8"):
        raise SystemExit(f"--accept: say why in {README.name} first; {args.accept!r} is not in it")
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: install it (apt-get install valgrind) or use analyze_check.py")
    if args.messages is None:
        args.messages = 30_000 if args.command else 10_000
    # Compiled bytecode in every run, as an installed package has: otherwise the analysis
    # run would also count compiling the modules it imports late.
    env = {**installed_env(), "PYTHONPATH": args.code or str(ROOT), "PYTHONHASHSEED": "0"}
    if args.code:  # its bytecode too, under the same prefix
        previous, sys.pycache_prefix = sys.pycache_prefix, env["PYTHONPYCACHEPREFIX"]
        try:
            compileall.compile_dir(str(Path(args.code) / "cxreview"), quiet=1)
        finally:
            sys.pycache_prefix = previous
    if args.command:
        db = str(cli_imported(args.messages, env))
        processes = _command_instructions(db, env)
        vader = _instructions("vader", db, env) - _instructions("vader-setup", db, env)
        ours = sum(processes)
        print(f"{args.messages:,}-message distinct corpus, `cxreview analyze` in instructions (callgrind):")
        print(
            f"  main process {processes[0] / 1e9:.2f}e9 (interpreter, imports, queries, start-up before forking),"
            f" workers {' + '.join(f'{n / 1e9:.2f}e9' for n in processes[1:])}"
        )
        print(f"  whole command: {ours / 1e9:.2f}e9; plain VADER loop: {vader / 1e9:.2f}e9")
        print(f"  command / VADER loop: {ours / vader:.2f}")
        _budget(args, f"command-{args.messages}", ours, vader)
        return
    db = str(_base(args.messages))
    _bytecode_ready(db, env)
    counts = {mode: _instructions(mode, db, env) for mode in ("analysis", "analysis-setup", "vader", "vader-setup")}
    ours = counts["analysis"] - counts["analysis-setup"]
    vader = counts["vader"] - counts["vader-setup"]
    print(f"{args.messages:,}-message distinct corpus, instructions (callgrind):")
    print(f"  analysis in one process: {ours / 1e9:.2f}e9 (set-up {counts['analysis-setup'] / 1e9:.2f}e9 not counted)")
    print(f"  plain VADER loop:        {vader / 1e9:.2f}e9 (analyser built outside, as in analyze_speed.py)")
    print(f"  analysis / VADER loop:   {ours / vader:.2f}")
    _budget(args, f"analysis-{args.messages}", ours, vader)


def _budget(args: argparse.Namespace, corpus: str, ours: int, vader: int) -> None:
    """Compare with the accepted figure of ``corpus``; record this run with --accept."""
    stored = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    accepted = stored.get(corpus)
    if accepted is not None:
        change = (ours / vader) / accepted["ratio"] - 1
        print(
            f"  against the accepted figure ({corpus}: {accepted['ratio']:.3f} of the loop,"
            f" {accepted['analysis'] / 1e9:.2f}e9 at {accepted['commit']}, {accepted['date']}): {change:+.1%}"
            f" (budget +{BUDGET:.0%})"
        )
    elif args.check:
        raise SystemExit(f"no accepted figure for {corpus} in {BASELINE.name}: run with --accept WHY first")
    if args.accept is not None:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
        stored[corpus] = {
            "ratio": round(ours / vader, 4),
            "analysis": ours,
            "vader": vader,
            "commit": commit.stdout.strip() or "?",
            "date": datetime.date.today().isoformat(),
            "python": sys.version.split()[0],
            "why": args.accept.strip(),
        }
        BASELINE.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"  accepted as the figure for {corpus} ({BASELINE.name})")
    elif args.check and accepted is not None:
        if accepted.get("python") != sys.version.split()[0]:
            print(f"  (the accepted figure was counted on Python {accepted.get('python')}: compare with care)")
        if (ours / vader) / accepted["ratio"] - 1 > BUDGET:
            raise SystemExit(
                f"over budget: the analysis costs more than +{BUDGET:.0%} over the accepted figure. Make it cheaper,"
                f' or say why it is worth it in {README.name} and run again with --accept "<a phrase of that entry>"'
            )
        print("  within budget")


if __name__ == "__main__":
    main()
