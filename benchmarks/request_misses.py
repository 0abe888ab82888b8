"""human_request on the real dev sets, with its misses and false firings listed: for tuning.

Prints precision and recall where both labellers agree on twcs20 dev, twcs21 and rsics22 dev
(from eval/rsics22/labels.jsonl, or while that file is not there from the labellers' own files,
``--rsics-labels DIR_A DIR_B``), how often it fires on the MWOZ and SGD task dialogues (which ask
venues' phone numbers, no person: that count should not rise) and on the complaint tweets' dev half,
and with ``--list`` every miss and false firing. Held parts are never read.

    PYTHONPATH=$PWD python benchmarks/request_misses.py --list [--uss-dir /tmp/i19a-uss]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from labelled import complaint_rows, uss_path, uss_rows
from rsics import analysed, labelled
from twcs import parts, twcs_rows_by_labeller

from cxreview.signals.config import load_config


def _figures(name: str, fired: list[bool], labels: list[int], texts: list[str], show: bool) -> None:
    pairs = [(f, y, t) for f, y, t in zip(fired, labels, texts, strict=True) if y >= 0]
    tp = sum(f and y for f, y, _ in pairs)
    fp = sum(f and not y for f, y, _ in pairs)
    fn = sum(y and not f for f, y, _ in pairs)
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    print(f"{name:22} precision {p:.2f} recall {r:.2f}  (tp {tp}, fp {fp}, fn {fn}, n={len(pairs)})")
    if show:
        for f, y, t in pairs:
            if f != bool(y):
                print(f"   {'FP' if f else 'FN'}  {t[:220]!r}")


def rsics_dev(
    path: Path, path_a: Path | None, path_b: Path | None, config: dict
) -> tuple[list[bool], list[int], list[str]]:
    """Fired, agreed label (-1: they differ) and text of every rsics22 dev message (texts from the
    corpus file ``path``)."""
    agreed: dict[str, int] = {}
    stored = labelled("dev")
    if stored:
        agreed = {m["id"]: (m["A"][1] if m["A"][1] == m["B"][1] else -1) for m in stored}
    elif path_a and path_b:
        a = {m["id"]: m["human_request"] for m in map(json.loads, path_a.read_text().splitlines()) if m}
        b = {m["id"]: m["human_request"] for m in map(json.loads, path_b.read_text().splitlines()) if m}
        agreed = {k: (a[k] if a[k] == b[k] else -1) for k in a if k in b}
    fired, labels, out = [], [], []
    for key, (text, _, signals) in analysed(path, "dev", config).items():
        if key not in agreed:
            continue
        fired.append(any(f.flag == "human_request" for f in signals.flags))
        labels.append(agreed[key])
        out.append(f"[{key}] {text}")
    return fired, labels, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list misses and false firings")
    parser.add_argument("--twcs", type=Path, default=Path("/tmp/twcs/twcs_sample.csv"))
    parser.add_argument(
        "--rsics", type=Path, default=Path("/tmp/rsics/tagged.csv"), help="RSiCS tagged_selections_by_sentence.csv"
    )
    parser.add_argument("--rsics-labels", nargs=2, type=Path, default=None)
    parser.add_argument("--uss-dir", type=Path, default=None, help="also count firings on MWOZ and SGD")
    parser.add_argument("--complaints", type=Path, default=None)
    parser.add_argument("--only", default="", help="comma list: twcs20,twcs21,rsics22")
    args = parser.parse_args()
    config = load_config()
    only = set(filter(None, args.only.split(",")))
    for name, part in parts("dev,twcs21"):
        if only and name not in only:
            continue
        rows = twcs_rows_by_labeller(args.twcs, part, ("agreed",), config, name)["agreed"]
        _figures(f"{name} {part}", ["human_request" in f for f in rows.flags], rows.human, rows.texts, args.list)
    if not only or "rsics22" in only:
        a, b = args.rsics_labels or (None, None)
        _figures("rsics22 dev", *rsics_dev(args.rsics, a, b, config), args.list)
    if args.complaints:
        rows = complaint_rows(args.complaints, "dev", config)
        _figures("complaints dev", ["human_request" in f for f in rows.flags], rows.human, rows.texts, args.list)
    if args.uss_dir:
        for name in ("MWOZ", "SGD"):
            path = uss_path(name, args.uss_dir)
            if path is None:
                continue
            rows = uss_rows(name, path, config)
            fired = [t for t, f in zip(rows.texts, rows.flags, strict=True) if "human_request" in f]
            print(f"{name:22} human_request fired on {len(fired)}")
            if args.list:
                for text in fired:
                    print(f"   FIRED  {text[:200]!r}")


if __name__ == "__main__":
    main()
