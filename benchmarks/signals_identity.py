"""Every signal of the eval corpora, dumped to a file: a check that a speed change keeps every output.

Usage:
  python benchmarks/signals_identity.py --save before    # analyse, write benchmarks/_work/identity-before.txt
  python benchmarks/signals_identity.py --compare before # analyse again, print the first lines that differ

Each conversation the eval loaders analyse (`signals_eval.py`'s: the USS parts, our own files, the outsider
sets, complaint tweets dev, MAIA dev, twcs20 dev and twcs21, rsics22 dev, and the flag/bot-pair/loop example
files) is written whole: every message's sentiment, frustration, cues, flags with rule, detail and positions,
model features and reasons, and every conversation figure (`repr` of the result: floats exact). Held parts
are never read. Phases and stored tables are checked by `analyze_check.py --save/--compare` on the corpus.
Options: --uss-dir (default /tmp/i19a-uss), --twcs (/tmp/twcs/twcs_sample.csv), --rsics (/tmp/rsics/tagged.csv),
--complaints, --maia (the protocol's paths by default; a missing one is skipped).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

import labelled
import rsics
import signals_eval
import twcs
from common import WORK

from cxreview.signals import conversation
from cxreview.signals.config import load_config

_OUT: list[str] = []


def _recording(conversation_id, language, messages, config, *args, **kwargs):
    result = conversation.analyze(conversation_id, language, messages, config, *args, **kwargs)
    _OUT.append(f"{conversation_id}\t{language}\t{[m[:3] for m in messages]!r}\t{result!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--save", metavar="NAME")
    parser.add_argument("--compare", metavar="NAME")
    parser.add_argument("--uss-dir", type=Path, default=Path("/tmp/i19a-uss"))
    parser.add_argument("--twcs", type=Path, default=Path("/tmp/twcs/twcs_sample.csv"))
    parser.add_argument("--rsics", type=Path, default=Path("/tmp/rsics/tagged.csv"))
    parser.add_argument("--complaints", type=Path, default=Path("/tmp/lead/complaints/complaints-data.csv"))
    parser.add_argument("--maia", type=Path, default=Path("/tmp/maia"))
    args = parser.parse_args()
    for module in (labelled, rsics, twcs, signals_eval):
        module.analyze = _recording
    config = load_config()
    sections = []

    def run(name, call):
        start = len(_OUT)
        call()
        sections.append(f"{name}: {len(_OUT) - start} conversations")
        _OUT.append(f"## {name}")

    for name in ("CCPE", "ReDial", "MWOZ", "SGD"):
        path = labelled.uss_path(name, args.uss_dir)
        if path is not None:
            run(name, lambda name=name, path=path: labelled.uss_rows(name, path, config))
    run("own", lambda: labelled.own_rows(config=config))
    run("own held-out", lambda: labelled.own_rows("heldout_customer", config))
    run("outsider", lambda: labelled.outsider_rows(config=config))
    if args.complaints.exists():
        run("complaints dev", lambda: labelled.complaint_rows(args.complaints, "dev", config))
    if args.maia.exists():
        run("MAIA dev", lambda: labelled.maia_rows(args.maia, "dev", config))
    if args.twcs.exists():
        for set_name, part in twcs.parts("dev,twcs21"):
            run(
                f"{set_name} {part}",
                lambda part=part, set_name=set_name: twcs.twcs_rows_by_labeller(
                    args.twcs, part, ("A",), config, set_name
                ),
            )
    if args.rsics.exists():
        run("rsics22 dev", lambda: rsics.rsics_tag_rows(args.rsics, "dev", config))
    run("examples", lambda: _OUT.extend(_examples(config)))
    print("\n".join(sections))
    if args.save:
        (WORK / f"identity-{args.save}.txt").write_text("\n".join(_OUT) + "\n", encoding="utf-8")
        print(f"{len(_OUT)} lines -> {WORK / f'identity-{args.save}.txt'}")
    if args.compare:
        before = (WORK / f"identity-{args.compare}.txt").read_text(encoding="utf-8").splitlines()
        after = "\n".join(_OUT).splitlines()
        if before == after:
            print(f"identical: {len(after)} lines")
            return
        diff = list(difflib.unified_diff(before, after, "before", "after", n=0, lineterm=""))
        print("\n".join(line[:600] for line in diff[:40]))
        sys.exit(f"DIFFERENT: {sum(1 for line in diff if line.startswith('+') and not line.startswith('+++'))} lines")


def _examples(config: dict) -> list[str]:
    """The example files' own printed lines (flags, bot pairs, loop flows, demo, support rounds)."""
    lines = signals_eval.support_rounds(config)
    for name in ("flags.txt", "human_requests.txt", "human_requests_round15.txt", "customer_repeats.txt"):
        lines += signals_eval.flag_examples(config, name)
    for name in ("", "_blind", "_blind2", "_probe", "_review", "_blind3", "_blind4"):
        lines += signals_eval.bot_pairs(config, f"bot_pairs{name}.txt")
    return lines + signals_eval.loop_flows(config) + signals_eval.demo_conversations(config)


if __name__ == "__main__":
    main()
