"""The per-conversation path alone in instructions (callgrind): the rules that read a whole
conversation (`conversation.analyze`, the summary and the phases), without the features of
its texts, for comparing changes of those rules on a busy machine.

Usage: python benchmarks/conversation_instructions.py [--messages 10000]
The features of the distinct-text corpus of analyze_check.py are computed once, as a worker
computes them, and pickled (benchmarks/_work/conversation-features-N.pkl, made again when
missing). Two child processes run under callgrind, each loading them after `warm_up` and the
model (as a worker inherits them): one analyses every conversation and splits its phases, the
other does not; the difference is printed. The rules' regexes and memories built on first use
are counted, as a worker pays them. Delete the pickle after changing the features (another
helper's cut, a cue edited): it holds them as they were.
"""

from __future__ import annotations

import argparse
import pickle
import re
import subprocess
import sys

from analyze_check import _base
from common import ROOT, WORK, installed_env

_CHILD = r"""
import gc, pickle, sys
from cxreview.signals.conversation import analyze
from cxreview.signals.features import WORDLESS, reading_key, warm_up
from cxreview.signals.frustration import model
from cxreview.signals.phases import name_the_phase, split_phases
mode, path = sys.argv[1:3]
with open(path, "rb") as f:
    config, tasks, conversations = pickle.load(f)
languages = {reading_key(task[1]) for task in tasks}
warm_up(sorted(lang if lang != WORDLESS else "en" for lang in languages))
model()
gc.disable()
if mode == "analysis":
    for cid, language, outcome, csat, _, scale in tasks:
        prepared = conversations.get(cid, [])
        result = analyze(cid, language, prepared, config, outcome, csat, scale)
        phases = split_phases(cid, prepared, result.messages, config)
        result.risk_reasons = name_the_phase(result.risk_reasons, phases)
"""


def _features(messages: int) -> str:
    """The corpus's conversations with their features, pickled once."""
    from cxreview.records import NOTE
    from cxreview.signals import analyze as pool
    from cxreview.signals.config import config_hash, load_config
    from cxreview.store import open_database
    from cxreview.store import signals as sql

    path = WORK / f"conversation-features-{messages}.pkl"
    if path.exists():
        return str(path)
    config = load_config()
    pool._STATE.update(config=config, config_hash=config_hash(config))
    with open_database(str(_base(messages))) as db:
        ids = sql.all_conversation_ids(db.conn)
        info = sql.conversation_info(db.conn, ids)
        languages = pool._languages(db, ids, info)
        scales = pool.csat_scales(db)
        tasks = [
            (cid, languages[cid], info[cid][1], info[cid][2], info[cid][0] is None, scales.get(info[cid][3]))
            for cid in ids
            if cid in info
        ]
        keys = {task[0]: pool.reading_key(task[1]) for task in tasks}
        conversations: dict[str, list[tuple[int, str, str | None, object]]] = {}
        for cid, position, role, text, at in sql.messages_of(db.conn, ids):
            prepared = conversations.setdefault(cid, [])
            if role != NOTE:
                prepared.append((position, role, at, pool._features((keys[cid], pool._KIND.get(role, "other"), text))))
    with path.open("wb") as f:
        pickle.dump((config, tasks, conversations), f)
    return str(path)


def _instructions(mode: str, path: str, env: dict[str, str]) -> int:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _CHILD, mode, path],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=WORK,  # not the checkout: `python -c` puts the working directory first on sys.path
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    path = _features(args.messages)
    # Compiled bytecode, as an installed package has; one run first, not counted, so that every
    # module imported late has its bytecode (see analyze_instructions._bytecode_ready).
    env = {**installed_env(), "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, "-c", _CHILD, "analysis", path], env=env, check=True, cwd=WORK)
    analysis, setup = _instructions("analysis", path, env), _instructions("setup", path, env)
    print(f"{args.messages:,}-message distinct corpus, the per-conversation path in instructions (callgrind):")
    print(f"  analyze + phases: {(analysis - setup) / 1e9:.3f}e9 (set-up {setup / 1e9:.2f}e9 not counted)")


if __name__ == "__main__":
    main()
