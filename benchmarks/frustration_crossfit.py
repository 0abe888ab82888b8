"""Cross-fit of the frustration model on the real support tweets: the honest yardstick for a feature.

Usage: python benchmarks/frustration_crossfit.py --uss-dir DIR --complaints FILE --twcs FILE [--passes N]

Trains the model exactly as `train_frustration.py` does (the same corpora, weights, priors,
caps and bounds: `train_frustration.fit`) but with one of the two labelled dev sets of real
public support tweets left out, and prints the AUC on the set left out:

- without twcs21 -> AUC on twcs21 (agreed tweets)
- without twcs20 dev -> AUC on twcs20 dev (agreed tweets)
- with ``--rsics FILE``: rsics22 dev (messages typed to chatbots) joins the training, and
  without rsics22 dev -> AUC on rsics22 dev (agreed messages)

A change of a feature or of the fit is kept when it raises both. Beside them, each fold's
model is scored on MWOZ and the complaint tweets' held half (never trained on) and on CCPE and
ReDial (trained on: in-sample), so that nothing else collapses; plain VADER on the same tweets
for comparison. The twcs20 held part, eric22 and MAIA are never read here.

`frustrated_before` (the previous tweet's frustration) is read by the shipped model when the
corpora are analysed: a fold's model would read it with its own weights. ``--passes 2`` does
that (the corpora analysed again under each fold's first fit, as `train_frustration.train`
does with its passes; about 90 s per pass and fold); the default, one pass, is a quick reading
whose twcs20 fold sees a little of twcs20 dev through the shipped model's `frustrated_before`.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import tempfile
from pathlib import Path

from labelled import Rows, complaint_rows, uss_path, uss_rows
from signals_eval import auc
from train_frustration import fit, predict, training_corpora

from cxreview.signals import frustration
from cxreview.signals.frustration import FEATURES

FOLDS = ("twcs21 dev (agreed)", "twcs20 dev (agreed)", "spot22 dev (agreed)")  # each left out in turn, and scored
RSICS = "rsics22 dev (agreed)"  # with --rsics: trained on, and left out in a fold of its own
WATCHED = ("MWOZ", "complaints held", "CCPE", "ReDial")  # scored by every fold's model: nothing collapses
UNTRAINED = ("MWOZ", "complaints held")


def corpora(uss_dir: Path, complaints: Path, twcs: list[Path], rsics: Path | None = None) -> dict[str, Rows]:
    """The training corpora of `train_frustration.py` and the watched ones, analysed under the
    model that `frustration.MODEL_PATH` names."""
    frustration.model.cache_clear()
    found = {rows.name: rows for rows in training_corpora(uss_dir, complaints, twcs, rsics)}
    path = uss_path("MWOZ", uss_dir)
    if path is not None:
        found["MWOZ"] = uss_rows("MWOZ", path)
    found["complaints held"] = complaint_rows(complaints, "held")
    return found


def _write(fitted, path: Path) -> None:
    """A fold's fitted model, in the shipped file's format, for the next pass to read."""
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, fitted.coef_, strict=True)}
    data = {"trained_on": "crossfit fold", "intercept": round(math.log(0.1 / 0.9), 4), "weights": weights}
    path.write_text(json.dumps(data), encoding="utf-8")


def fold(left: str, args: argparse.Namespace, first: dict[str, Rows]) -> tuple[list[str], dict[str, float]]:
    """Fit without ``left`` (``args.passes`` times), score it and the watched corpora."""
    found = first
    shipped = frustration.MODEL_PATH
    with tempfile.TemporaryDirectory() as folder:
        for number in range(1, args.passes + 1):
            fitted = fit([rows for name, rows in found.items() if name != left and name not in UNTRAINED])
            if number < args.passes:
                _write(fitted, Path(folder) / "model.json")
                frustration.MODEL_PATH = Path(folder) / "model.json"
                try:
                    found = corpora(args.uss_dir, args.complaints, args.twcs, args.rsics)
                finally:
                    frustration.MODEL_PATH = shipped
                    frustration.model.cache_clear()
    figures = {
        name: auc(predict(fitted, found[name]), found[name].labels) for name in (left, *WATCHED) if name in found
    }
    rows = found[left]
    lines = [
        f"  without {left:22} -> {left:22} AUC {figures[left]:.3f}   (VADER {auc(rows.vader, rows.labels):.3f},"
        f" n={len(rows.labels)}, {sum(rows.labels)} frustrated)",
        "      same model on " + ", ".join(f"{name} {figures[name]:.3f}" for name in WATCHED if name in figures),
    ]
    return lines, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uss-dir", type=Path, required=True, help="folder with SGD.txt (and MWOZ.txt)")
    parser.add_argument("--complaints", type=Path, required=True, help="complaints-data.csv")
    parser.add_argument("--twcs", type=Path, action="append", required=True, help="twcs.csv or its first 5,000 rows")
    parser.add_argument(
        "--rsics",
        type=Path,
        help="RSiCS tagged_selections_by_sentence.csv: rsics22 dev trained on, and a fold of its own",
    )
    parser.add_argument("--passes", type=int, default=1, help="fits per fold, each reading the last one's scores")
    parser.add_argument(
        "--cache",
        type=Path,
        help="a pickle of the analysed corpora: read when it exists, else written (to try changes of the fit "
        "alone; delete it after any change of a feature)",
    )
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        first = pickle.loads(args.cache.read_bytes())
    else:
        first = corpora(args.uss_dir, args.complaints, args.twcs, args.rsics)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(first))
    folds = FOLDS + (RSICS,) * bool(args.rsics)
    missing = [name for name in folds if not first.get(name) or not first[name].labels]
    if missing:
        raise SystemExit(f"no labelled tweets of {', '.join(missing)} in {', '.join(map(str, args.twcs))}")
    lines = [f"-- cross-fit on real support tweets ({args.passes} pass{'es' if args.passes > 1 else ''}) --"]
    both = []
    for left in folds:
        more, figures = fold(left, args, first)
        lines += more
        both.append(figures[left])
    lines.append(f"  mean of the left-out tweet sets AUC {sum(both[:3]) / 3:.3f}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
