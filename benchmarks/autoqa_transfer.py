"""AutoQA across kinds of conversation: ideas against the level offset, developed and checked apart.

Usage: python benchmarks/autoqa_transfer.py --uss-dir DIR [--repeats N]

The USS parts are imported and analysed as in autoqa_uss.py (same scratch folder, never the
package). Round 10 of issue 19 (benchmarks/README.md): a model trained on one part and measured
on another ranks the target's dialogues but puts them at another level, because figures that
separate dialogues within a part sit elsewhere in another. Each candidate below is measured
within every part (repeated shuffled 5-fold cross-validation by dialogue, the same splits for
every candidate) and in every direction across parts (trained on every rating of one part).
Candidates were developed on CCPE and ReDial only; MWOZ and SGD are the check parts, and the
selection rules see only the development parts' ratings. No candidate uses a rating of the
part it is measured on, and none looks at the target's conversations as a batch.

Candidates:
- ``relative``: within-conversation figures added (a dialogue compared with itself, so a
  corpus' style cancels by construction: last customer turns' length and sentiment against
  the customer's own, reply length against the customer's, the most negative turn against the
  customer's mean and where it falls, share of turns well below the customer's own mean,
  changes between the halves of the dialogue in saying no, accepting and asking, frustration
  peak and end against its mean);
- ``spread xK``: the widening of the predictions to the reviewers' spread scaled by K;
- ``damped``: the widening shrunk per conversation by its distance from the training
  conversations (Mahalanobis over the standardised figures): an unusual conversation is
  predicted nearer the reviewers' mean;
- ``stable``: only the figures whose weight has the same sign in a model of CCPE and in a model
  of ReDial (and, ``stable+r``, the same sign as their correlation with the rating in both).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from autoqa_uss import load
from common import WORK, machine
from labelled import uss_path

from cxreview.autoqa.extract import feature_rows
from cxreview.autoqa.features import _customer_cues_in, turn_values
from cxreview.autoqa.measure import measure
from cxreview.autoqa.model import LinearModel, feature_names, fit, matrix
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import autoqa as store
from cxreview.store import open_database

DEV = ("CCPE", "ReDial")
RELATIVE = (
    "rel_last_len",
    "rel_reply_len",
    "rel_sent_last",
    "rel_sent_min",
    "rel_below",
    "rel_min_pos",
    "rel_reply_sent",
    "rel_no_late",
    "rel_acc_late",
    "rel_q_late",
    "rel_frus_peak",
    "rel_frus_last",
)
Part = tuple[np.ndarray, np.ndarray, np.ndarray]  # raw features per dialogue, dialogue per rating, rating
Fitter = Callable[[np.ndarray, np.ndarray, list[str], np.ndarray], LinearModel]  # raw, y, names, conversation


def _change(values: Sequence[float]) -> float:
    """Second half's mean minus the first half's (NaN under two values)."""
    if len(values) < 2:
        return math.nan
    first, second = values[: len(values) // 2], values[len(values) // 2 :]
    return sum(second) / len(second) - sum(first) / len(first)


def relative(row: dict, messages: Sequence[tuple[int, str, str, str | None]]) -> dict[str, float]:
    """The within-conversation figures of one dialogue (see the module docstring)."""
    out = dict.fromkeys(RELATIVE, math.nan)
    customer = [text for _, role, text, _ in messages if role == "customer"]
    words = [len(text.split()) for text in customer]
    replies = [len(text.split()) for _, role, text, _ in messages if role in ("agent", "bot")]
    if words:
        mean_words = sum(words) / len(words) + 1
        out["rel_last_len"] = math.log((sum(words[-2:]) / len(words[-2:]) + 1) / mean_words)
        if replies:
            out["rel_reply_len"] = math.log((sum(replies) / len(replies) + 1) / mean_words)
    cues = [_customer_cues_in(text) for text in customer]
    out["rel_no_late"] = _change([float("says_no" in c) for c in cues])
    out["rel_acc_late"] = _change([float("accepts" in c) for c in cues])
    out["rel_q_late"] = _change([float("?" in text) for text in customer])
    sentiment, frustration, reply_sentiment = (
        turn_values(row["per_message"], messages) if row.get("per_message") else ([], [], [])
    )
    if sentiment:
        mean = sum(sentiment) / len(sentiment)
        out["rel_sent_last"] = sum(sentiment[-2:]) / len(sentiment[-2:]) - mean
        out["rel_sent_min"] = min(sentiment) - mean
        out["rel_below"] = sum(v < mean - 0.3 for v in sentiment) / len(sentiment)
        out["rel_min_pos"] = sentiment.index(min(sentiment)) / max(1, len(sentiment) - 1)
        if reply_sentiment:
            out["rel_reply_sent"] = sum(reply_sentiment) / len(reply_sentiment) - mean
        mean_frustration = sum(frustration) / len(frustration)
        out["rel_frus_peak"] = max(frustration) - mean_frustration
        out["rel_frus_last"] = sum(frustration[-2:]) / len(frustration[-2:]) - mean_frustration
    return out


def part_rows(db, ratings: dict[str, list[int]], names: list[str]) -> Part:  # type: ignore[no-untyped-def]
    ids = sorted(ratings)
    features, _ = feature_rows(db, ids)
    inputs = store.conversation_inputs(db, ids)
    messages: dict[str, list[tuple[int, str, str, str | None]]] = {}
    for cid, position, role, text, at in store.messages_for(db, ids):
        messages.setdefault(cid, []).append((position, role, text, at))
    rows = [{**features[c], **relative(inputs[c], messages.get(c, []))} for c in ids]
    raw = matrix(rows, [None] * len(ids), names)
    conversation = np.array([i for i, cid in enumerate(ids) for _ in ratings[cid]])
    return raw, conversation, np.array([r for cid in ids for r in ratings[cid]], dtype=float)


class Damped:
    """A fitted model whose widening shrinks with the conversation's distance from training."""

    def __init__(self, model: LinearModel, raw: np.ndarray, gamma: float) -> None:
        self.model, self.gamma = model, gamma
        z = np.unique(model._standardised(raw), axis=0)
        self.precision = np.linalg.pinv(np.cov(z.T) + 0.01 * np.eye(z.shape[1]))
        self.reference = float(np.median(self._distance(z)))

    def _distance(self, z: np.ndarray) -> np.ndarray:
        return np.einsum("ij,jk,ik->i", z, self.precision, z) / z.shape[1]

    def predict(self, raw: np.ndarray) -> tuple[np.ndarray, None, None]:
        m = self.model
        z = m._standardised(raw)
        damping = np.minimum(1.0, (self.reference / self._distance(z)) ** self.gamma)
        value = m.center + m.spread * damping * (z @ np.array(m.coef) + m.intercept - m.center)
        return np.clip(value, m.low, m.high), None, None


def fitter(spread: float = 1.0, damped: float = 0.0) -> Fitter:
    def fit_one(raw: np.ndarray, y: np.ndarray, names: list[str], groups: np.ndarray) -> LinearModel:
        model = fit(raw, y, names, 1, 5, [], groups)
        model = replace(model, spread=model.spread * spread)
        return Damped(model, raw, damped) if damped else model  # type: ignore[return-value]

    return fit_one


def stable(parts: dict[str, Part], pool: list[str], every: list[str], with_r: bool) -> list[str]:
    """The figures whose weight has the same sign in a model of each development part."""
    coefs, correlations = [], []
    columns = [every.index(n) for n in pool]
    for name in DEV:
        raw, conversation, y = parts[name]
        x = raw[conversation][:, columns]
        model = fit(x, y, pool, 1, 5, [], conversation)
        coefs.append(np.array(model.coef))
        z = model._standardised(x)
        correlations.append(
            np.array([np.corrcoef(z[:, j], y)[0, 1] if z[:, j].std() else 0.0 for j in range(len(pool))])
        )
    keep = coefs[0] * coefs[1] > 0
    if with_r:
        keep &= (correlations[0] * correlations[1] > 0) & (coefs[0] * correlations[0] > 0)
    return [n for n, k in zip(pool, keep, strict=True) if k]


def within(part: Part, names: list[str], fit_one: Fitter, repeats: int, folds: int = 5) -> float:
    raw, conversation, y = part
    values = []
    for seed in range(repeats):
        fold = np.random.default_rng(seed).permutation(len(raw)) % folds
        predicted = np.empty(len(raw))
        for k in range(folds):
            rows = fold[conversation] != k
            predicted[fold == k] = fit_one(raw[conversation[rows]], y[rows], names, conversation[rows]).predict(
                raw[fold == k]
            )[0]
        values.append(measure(conversation, y, predicted[conversation], 1, 5, bootstrap=0).alpha or math.nan)
    return float(np.mean(values))


def across(source: Part, target: Part, names: list[str], fit_one: Fitter) -> float:
    raw, conversation, y = source
    predicted = fit_one(raw[conversation], y, names, conversation).predict(target[0])[0]
    return measure(target[1], target[2], predicted[target[1]], 1, 5, bootstrap=0).alpha or math.nan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uss-dir", type=Path, help="folder with the check parts (MWOZ.txt, SGD.txt, ...)")
    parser.add_argument("--repeats", type=int, default=10, help="shuffled 5-fold cross-validations within a part")
    args = parser.parse_args()
    names = list(DEV) + (sorted(p.stem for p in args.uss_dir.glob("*.txt")) if args.uss_dir else [])
    paths = {n: p for n in names if (p := uss_path(n, args.uss_dir)) is not None}
    if not all(n in paths for n in DEV):
        print("needs CCPE and ReDial (../shared/data/dev)")
        return 1
    print(f"Machine: {machine()}")
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "autoqa-transfer.db"
    path.unlink(missing_ok=True)
    base = feature_names([])
    every = base + list(RELATIVE)
    with open_database(path) as db:
        ratings = {name: load(db, name, file, "agent") for name, file in paths.items()}
        analyze_conversations(db)
        parts = {name: part_rows(db, ratings[name], every) for name in paths}
    candidates: dict[str, tuple[list[str], Fitter]] = {
        "current model": (base, fitter()),
        "relative figures added": (every, fitter()),
        "spread x0.75": (base, fitter(spread=0.75)),
        "spread x0.5": (base, fitter(spread=0.5)),
        "damped by distance": (base, fitter(damped=1.0)),
        "damped by distance, gamma 0.5": (base, fitter(damped=0.5)),
        "stable": (stable(parts, base, every, False), fitter()),
        "stable+r": (stable(parts, base, every, True), fitter()),
        "stable+r, relative in the pool": (stable(parts, every, every, True), fitter()),
    }
    directions = [(s, t) for s in paths for t in paths if s != t]
    print(
        "| candidate | figures | "
        + " | ".join(f"{n} within" for n in paths)
        + " | "
        + " | ".join(f"{s} -> {t}" for s, t in directions)
        + " | mean across |"
    )
    print("|---" * (3 + len(paths) + len(directions)) + "|")
    for label, (chosen, fit_one) in candidates.items():
        columns = [every.index(n) for n in chosen]
        view = {n: (raw[:, columns], c, y) for n, (raw, c, y) in parts.items()}
        inside = [within(view[n], chosen, fit_one, args.repeats) for n in paths]
        outside = [across(view[s], view[t], chosen, fit_one) for s, t in directions]
        print(
            f"| {label} | {len(chosen)} | "
            + " | ".join(f"{v:.3f}" for v in inside)
            + " | "
            + " | ".join(f"{v:.3f}" for v in outside)
            + f" | {np.mean(outside):+.3f} |",
            flush=True,
        )
        if label.startswith("stable"):
            print(f"  {label}: {', '.join(chosen)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
