"""AutoQA candidates against the product's model, paired on the same splits of the USS parts.

Usage: python benchmarks/autoqa_paired.py --uss-dir DIR [--splits 20] [--parts CCPE,ReDial,...]
       [--groups target,calibration,penalty,closing] [--reuse]

Issue 19 asks for a model that agrees with the annotators as well as the median annotator does
(``autoqa_uss.py`` measures it). A change is worth keeping only if it beats the split noise, so
every candidate here is measured on the **same** shuffled 5-fold splits by dialogue as the
product's model (the seeds of ``autoqa_uss.repeated_cv``), and what is reported is the paired
difference of alpha (model levels vs annotators' ratings, as ``measure`` computes it): its
mean over the splits, its standard error and the per-split spread, and the difference in r (the
cross-validated predictions' correlation with a dialogue's mean rating, before rounding). A
candidate "gains" on a part when the mean difference is more than two standard errors above
zero and "loses" when more than two below; it would be kept only if it gains on at least three
of the four parts and loses on none (the rule of round 21). The standard error is over splits
of the same dialogues: it says whether a change is more than the luck of a split, not that it
would hold on other dialogues (the bootstrap interval of ``autoqa_uss.py`` is 3-6x wider).

Candidates (each changes one thing of ``cxreview.autoqa.model.fit``, everything else as there):
- target: one row per dialogue with its mean rating (instead of one row per rating); the mean
  shrunk towards the part's mean by its reliability k / (k + within / between variance);
- calibration: predictions widened to the spread of the dialogues' mean ratings instead of the
  ratings'; the widening x1.2; levels by the training ratings' proportions (quantiles);
  isotonic regression of the ratings on the in-sample predictions, then widened;
- penalty: the inner cross-validation's choice x0.5 and x2;
- closing: figures for how the dialogue ended and whether the task was done (``closing``), each
  added alone and in groups;
- frustration (round 23): more aggregates of the frustration model's per-turn probability (the
  share of flagged turns, the last third's slope, the last third against the rest, a flagged
  turn in the last third), alone and together;
- scale: one row per dialogue with its median rating;
- pooled: the other parts' dialogues trained on too, each part standardised on its own, one
  indicator per part, widened on the part's own ratings;
- model: the ridge averaged with gradient boosting of the dialogues' mean ratings.
The import of the parts is ``autoqa_uss.load``; ``--reuse`` reads the scratch database of an
earlier run (``benchmarks/_work/autoqa-paired.db``) instead of importing and analysing again.

Round 21 (2026-12-01, main fc17199, 20 splits; product 0.192 / 0.273 / 0.198 / 0.224 on CCPE /
ReDial / MWOZ / SGD, sd per split 0.018 / 0.006 / 0.006 / 0.010): nothing met the rule.
- The target: the dialogue's mean or its shrunk mean instead of each rating, +0.000 to +0.002,
  noise on every part (per-rating rows with the grouped penalty already weigh a dialogue by its
  raters; the shrinkage factor k / (k + 2.8..4.9) barely varies with 3-7 raters).
- Calibration: widening to the spread of the dialogues' means (what a regressor of the mean
  "should" use) loses on all four (-0.010 to -0.037): alpha against single ratings wants the
  ratings' spread, which the product already uses; isotonic then widened loses on three;
  the training ratings' level proportions and x1.2 are mixed (-0.012 to +0.005).
- The penalty x0.5 / x2 around the inner cross-validation's choice: one gain, one loss each.
- The end of the dialogue (last customer sentiment, frustration, closing words, a last "no",
  the last reply in trouble): each -0.008 to +0.002, together -0.015 on CCPE.
- The task (a reply confirming a booking or appointment; a failure in the last three replies
  without one): SGD **+0.021** (se 0.002, r +0.023; 0.224 -> 0.246, the median annotator's
  0.246), MWOZ +0.003 (noise), CCPE / ReDial no task (+0.001 / -0.000): one part, not kept by
  the rule; across MWOZ -> SGD 0.201 -> 0.213, SGD -> MWOZ 0.152 -> 0.164 (single fits). Against
  the sampling of dialogues (a paired bootstrap over SGD's dialogues, 3 splits) the gain is
  +0.017 [-0.005, +0.033]: at the edge, not yet shown for other SGD-like dialogues.

Round 23 (2026-12-01, aqa23 at 8839d9c, round 22's frustration model; 20 splits, product 0.181 /
0.271 / 0.199 / 0.230): nothing met the rule (benchmarks/README.md, "Round 23, aqa23"). The
frustration aggregates alone -0.002 to +0.001 (noise), together -0.006 on CCPE; the median as
target loses on all four (-0.004 to -0.055); pooling loses on three (-0.008 to -0.019); the blend
with boosting (10 splits) on three (-0.005 to -0.018).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
from autoqa_uss import dialogues, load
from common import WORK, machine
from labelled import uss_path

from cxreview.autoqa.extract import feature_rows
from cxreview.autoqa.features import _TROUBLE, BY_NAME, _customer_cues_in
from cxreview.autoqa.measure import measure
from cxreview.autoqa.model import feature_names, matrix, penalty, standardisation
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import autoqa as store
from cxreview.store import open_database

_LOG_KINDS = {"count", "seconds"}  # as model.py: counts and waits are logged
_MAX_SPREAD = 5.0
# Fits already made, by (part, figures, target, penalty factor, training dialogues).
_FITTED: dict[tuple[Any, ...], tuple[np.ndarray, float]] = {}
# Every part measured (for the pooled candidates), set by ``main``.
OTHERS: list[Any] = []

# How the customer closed: thanks beyond a plain "thanks", goodbyes, "that's all".
CLOSE = re.compile(
    r"\b(?:that'?s (?:all|it|everything)|that is (?:all|it|everything)|nothing else|no,? thanks?|good ?bye|bye\b|"
    r"have a (?:good|nice|great)|you'?ve been (?:very |so )?helpful|that helps|thanks?(?: you)? (?:so much|very much|"
    r"a lot)|appreciate)"
)
# A reply saying the task was done (a booking, a reservation, an appointment made).
DONE = re.compile(
    r"\b(?:reference (?:number|code)|booking (?:is|was) (?:successful|confirmed|complete)|(?:successfully|i have|i've|i) "
    r"(?:booked|reserved|made (?:a|the|your) reservation)|is (?:now )?(?:booked|confirmed|reserved)|confirmation number|"
    r"all set|your reservation|has been (?:booked|reserved|confirmed|scheduled|made))"
)
# A reply saying it could not be done.
FAILED = re.compile(
    r"\b(?:(?:there )?(?:are|is) no\b|unable to|couldn'?t|could not|was unsuccessful|failed|not available|"
    r"no availability|sorry)"
)
CLOSING = (
    "last_sentiment",
    "last_two_sentiment",
    "last_frustration",
    "end_minus_mean_sentiment",
    "closing_words",
    "last_says_no",
    "last_reply_trouble",
    "task_done",
    "task_failed_at_end",
    "last_third_frustration",
)
# Round 23: more of the (round 22, retrained) frustration model's per-turn probability.
FRUSTRATION = (
    "share_frustrated",
    "frustration_trend_last_third",
    "last_third_minus_rest_frustration",
    "frustrated_in_last_third",
)
FIGURES = CLOSING + FRUSTRATION
_FLAG = 0.4  # signals' default frustrated_at


def closing(messages: Sequence[tuple[int, str, str, str | None]], per_message: str | None) -> dict[str, float]:
    """The closing and frustration figures of one conversation (NaN where they cannot be known)."""
    values = json.loads(per_message) if per_message else []
    sentiment: list[float] = []
    frustration: list[float] = []
    said: list[str] = []
    replies: list[str] = []
    for position, role, text, _at in messages:
        entry = values[position - 1] if 0 < position <= len(values) else None
        if role == "customer":
            said.append(text)
            if entry and entry[0] is not None:
                sentiment.append(float(entry[0]))
                frustration.append(float(entry[1] or 0.0))
        elif role in ("agent", "bot"):
            replies.append(text)
    out = dict.fromkeys(FIGURES, math.nan)
    if sentiment:
        third = max(1, len(frustration) // 3)
        turns, end = np.array(frustration), np.array(frustration[-third:])
        out.update(
            last_sentiment=sentiment[-1],
            last_two_sentiment=float(np.mean(sentiment[-2:])),
            last_frustration=frustration[-1],
            end_minus_mean_sentiment=float(np.mean(sentiment[-2:]) - np.mean(sentiment)),
            last_third_frustration=float(np.mean(frustration[-third:])),
            share_frustrated=float(np.mean(turns >= _FLAG)),
            frustration_trend_last_third=float(np.polyfit(np.arange(len(end)), end, 1)[0]) if len(end) > 1 else 0.0,
            last_third_minus_rest_frustration=float(
                end.mean() - (turns[:-third].mean() if len(turns) > third else end.mean())
            ),
            frustrated_in_last_third=float((end >= _FLAG).any()),
        )
    if said:
        out["closing_words"] = float(CLOSE.search(" ".join(said[-2:]).lower()) is not None)
        out["last_says_no"] = float("says_no" in _customer_cues_in(said[-1]))
    if replies:
        done = [DONE.search(t.lower()) is not None for t in replies]
        out["last_reply_trouble"] = float(_TROUBLE.search(replies[-1].lower()) is not None)
        out["task_done"] = float(any(done))
        out["task_failed_at_end"] = float(
            any(FAILED.search(t.lower()) is not None for t in replies[-3:]) and not any(done[-3:])
        )
    return out


class Part:
    """One rated part: the product's figures per dialogue (and the closing ones after them),
    which of them are logged, and each dialogue's ratings."""

    def __init__(self, raw: np.ndarray, logged: list[bool], ratings: list[list[int]], name: str = "") -> None:
        self.raw, self.logged, self.ratings, self.name = raw, logged, ratings, name
        self.conversation = np.repeat(np.arange(len(ratings)), [len(r) for r in ratings])
        self.y = np.concatenate(ratings).astype(float)
        self.mean_rating = np.array([np.mean(r) for r in ratings])


def _ridge(z: np.ndarray, y: np.ndarray, groups: np.ndarray, factor: float) -> tuple[np.ndarray, float]:
    """model.fit's ridge: the penalty by inner cross-validation grouped by ``groups``, x factor."""
    chosen = penalty(z, y, groups) * factor
    z_mean, y_mean = z.mean(axis=0), float(y.mean())
    centred = z - z_mean
    coef = np.linalg.solve(centred.T @ centred + chosen * np.eye(z.shape[1]), centred.T @ (y - y_mean))
    return coef, y_mean - float(z_mean @ coef)


def predict(part: Part, columns: list[int], train: np.ndarray, test: np.ndarray, option: dict[str, Any]) -> np.ndarray:
    """The candidate's value for the ``test`` dialogues, fitted on the ``train`` dialogues'
    ratings (unclipped; ``measure`` rounds and clips). No option: exactly ``model.fit``.
    ``pooled``: every dialogue of the other parts (``OTHERS``) is trained on too, each part
    standardised on its own, with one column per part (its level) and the widening measured on
    the part's own training ratings."""
    blocks = [(part, train)] + (
        [(o, np.arange(len(o.ratings))) for o in OTHERS if o is not part] if option.get("pooled") else []
    )
    ratings = [b.ratings[i] for b, idx in blocks for i in idx]
    k = np.array([len(r) for r in ratings])
    means = np.array([np.mean(r) for r in ratings])
    rows = np.repeat(np.arange(len(ratings)), k)
    y = np.concatenate(ratings).astype(float)
    logged = np.array([part.logged[j] for j in columns])
    z_blocks = []
    for block, idx in blocks:
        raw = block.raw[:, columns]
        own_rows = np.repeat(idx, [len(block.ratings[i]) for i in idx])
        _, mean, scale = standardisation(raw[own_rows], logged.tolist())

        def standardised(x: np.ndarray, mean: np.ndarray = mean, scale: np.ndarray = scale) -> np.ndarray:
            return np.nan_to_num((np.where(logged, np.log1p(np.clip(x, 0, None)), x) - mean) / scale, nan=0.0)

        z_blocks.append(standardised(raw[idx]))
        if block is part:
            z_test = standardised(raw[test])
    z_train = np.vstack(z_blocks)
    if len(blocks) > 1:  # the part's level: one indicator per part
        which = np.repeat(np.arange(len(blocks)), [len(idx) for _, idx in blocks])
        z_train = np.column_stack([z_train, np.eye(len(blocks))[which]])
        z_test = np.column_stack([z_test, np.tile(np.eye(len(blocks))[0], (len(test), 1))])
    target, factor = option.get("target", "rating"), option.get("penalty", 1.0)
    key = (id(part), tuple(columns), target, factor, train.tobytes(), len(blocks))
    if key in _FITTED:  # the calibration candidates share the product's fit
        coef, intercept = _FITTED[key]
    elif target == "rating":  # the product: one row per rating, grouped by dialogue
        coef, intercept = _ridge(z_train[rows], y, rows, factor)
    elif target in ("mean", "median"):
        value_of = np.mean if target == "mean" else np.median
        coef, intercept = _ridge(z_train, np.array([value_of(r) for r in ratings]), np.arange(len(ratings)), factor)
    elif target == "shrunk":
        within = sum(float(((np.array(r) - np.mean(r)) ** 2).sum()) for r in ratings) / max(len(y) - len(ratings), 1)
        between = max(float(np.var(means)) - within * float(np.mean(1 / k)), 1e-3)
        shrunk = y.mean() + k / (k + within / between) * (means - y.mean())
        coef, intercept = _ridge(z_train, shrunk, np.arange(len(ratings)), factor)
    else:
        raise ValueError(target)
    _FITTED[key] = (coef, intercept)
    fitted = z_train[rows] @ coef + intercept  # in-sample, one per rating, as model.fit widens
    value = z_test @ coef + intercept
    if option.get("model") == "blend":  # the ridge averaged with gradient boosting on the means
        from sklearn.ensemble import HistGradientBoostingRegressor

        boosted = HistGradientBoostingRegressor(
            max_iter=150,
            learning_rate=0.05,
            max_leaf_nodes=8,
            min_samples_leaf=40,
            l2_regularization=1.0,
            random_state=0,
        ).fit(z_train, means, sample_weight=k.astype(float))
        fitted = (fitted + boosted.predict(z_train)[rows]) / 2
        value = (value + boosted.predict(z_test)) / 2
    own = rows < len(train)  # the part's own training ratings (rows of the other parts come after)
    y, fitted = y[own], fitted[own]
    means = means[: len(train)]
    center = float(y.mean())
    spread_of = float(means.std()) if option.get("spread_to") == "means" else float(y.std())
    cap = option.get("cap", _MAX_SPREAD)
    spread = (min(spread_of / fitted.std(), cap) if fitted.std() > 1e-6 else 1.0) * option.get("spread_x", 1.0)
    calibration = option.get("calibration")
    if calibration is None:
        return center + spread * (value - center)
    if calibration == "quantile":  # levels in the training ratings' proportions
        cuts = np.quantile(fitted, np.cumsum([np.mean(y == level) for level in range(1, 5)]))
        return 1.0 + np.searchsorted(cuts, value).astype(float)
    if calibration == "isotonic":
        from sklearn.isotonic import IsotonicRegression

        isotonic = IsotonicRegression(out_of_bounds="clip").fit(fitted, y)
        mapped = isotonic.predict(fitted)
        widen = min(float(y.std() / mapped.std()), _MAX_SPREAD) if mapped.std() > 1e-6 else 1.0
        return center + widen * (isotonic.predict(value) - center)
    raise ValueError(calibration)


def paired(part: Part, candidates: dict[str, dict[str, Any]], splits: int, base: int) -> dict[str, np.ndarray]:
    """(alpha per split, r per split) of every candidate on the same shuffled 5-fold splits."""
    n = len(part.ratings)
    out: dict[str, np.ndarray] = {}
    for name, option in candidates.items():
        columns = list(range(base)) + [base + FIGURES.index(c) for c in option.get("closing", ())]
        alphas, rs = [], []
        for seed in range(splits):
            fold = np.random.default_rng(seed).permutation(n) % 5
            value = np.empty(n)
            for k in range(5):
                value[fold == k] = predict(part, columns, np.where(fold != k)[0], np.where(fold == k)[0], option)
            found = measure(part.conversation, part.y, value[part.conversation], 1, 5, bootstrap=0).alpha
            alphas.append(math.nan if found is None else found)
            rs.append(float(np.corrcoef(value, part.mean_rating)[0, 1]))
        out[name] = np.array([alphas, rs])
    return out


def verdict(difference: np.ndarray) -> tuple[float, float, str]:
    """(mean, standard error, gain|loss|noise) of paired differences over splits."""
    mean = float(np.mean(difference))
    se = float(np.std(difference, ddof=1) / np.sqrt(len(difference))) if len(difference) > 1 else math.inf
    return mean, se, "gain" if mean > 2 * se else "loss" if mean < -2 * se else "noise"


GROUPS: dict[str, dict[str, dict[str, Any]]] = {
    "target": {
        "target: one row per dialogue, its mean rating": {"target": "mean"},
        "target: the mean shrunk by its reliability": {"target": "shrunk", "cap": 50.0},
    },
    "calibration": {
        "widened to the spread of the dialogues' means": {"spread_to": "means"},
        "widening x1.2": {"spread_x": 1.2},
        "levels by the training ratings' proportions": {"calibration": "quantile"},
        "isotonic, then widened": {"calibration": "isotonic"},
    },
    "penalty": {"penalty x0.5": {"penalty": 0.5}, "penalty x2": {"penalty": 2.0}},
    "closing": {
        **{f"+ {c}": {"closing": (c,)} for c in CLOSING},
        "+ the end (sentiment, frustration, closing words, no)": {
            "closing": (
                "last_sentiment",
                "last_two_sentiment",
                "last_frustration",
                "closing_words",
                "last_says_no",
                "last_third_frustration",
            )
        },
        "+ the task (done, failed at the end)": {"closing": ("task_done", "task_failed_at_end")},
        "+ all ten": {"closing": CLOSING},
    },
    "frustration": {
        **{f"+ {c}": {"closing": (c,)} for c in FRUSTRATION},
        "+ last_frustration, last_third_frustration and these four": {
            "closing": ("last_frustration", "last_third_frustration", *FRUSTRATION)
        },
    },
    "scale": {"target: the median of the dialogue's ratings": {"target": "median"}},
    "pooled": {"pooled: the other parts too, each standardised on its own, a level per part": {"pooled": True}},
    "model": {"model: the ridge averaged with gradient boosting": {"model": "blend"}},
}


def parts_from(db, ratings: dict[str, dict[str, list[int]]]) -> dict[str, Part]:  # type: ignore[no-untyped-def]
    names = feature_names([])
    logged = [BY_NAME[n].kind in _LOG_KINDS for n in names] + [False] * len(FIGURES)
    out = {}
    for name, rated in ratings.items():
        ids = sorted(rated)
        features, outcomes = feature_rows(db, ids)
        raw = matrix([features[c] for c in ids], [outcomes[c] for c in ids], names)
        inputs = store.conversation_inputs(db, ids)
        messages = {
            cid: [(t[1], t[2], t[3], t[4]) for t in turns]
            for cid, turns in groupby(store.messages_for(db, ids), key=itemgetter(0))
        }
        extra = np.array(
            [[closing(messages.get(c, []), inputs[c].get("per_message"))[f] for f in FIGURES] for c in ids]
        )
        out[name] = Part(np.column_stack([raw, extra]), logged, [rated[c] for c in ids], name)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uss-dir", type=Path, help="folder with more USS parts (MWOZ.txt, SGD.txt, ...)")
    parser.add_argument("--parts", default="CCPE,ReDial,MWOZ,SGD")
    parser.add_argument("--splits", type=int, default=20)
    parser.add_argument("--groups", default=",".join(GROUPS))
    parser.add_argument("--reuse", action="store_true", help="read the scratch database of an earlier run")
    args = parser.parse_args()
    wanted = {n: f for n in args.parts.split(",") if (f := uss_path(n, args.uss_dir)) is not None}
    candidates: dict[str, dict[str, Any]] = {"product": {}}
    for group in args.groups.split(","):
        candidates.update(GROUPS[group])
    print(f"Machine: {machine()}; {args.splits} paired splits per part")
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "autoqa-paired.db"
    started = time.perf_counter()
    if not args.reuse:
        path.unlink(missing_ok=True)
    with open_database(path) as db:
        ratings: dict[str, dict[str, list[int]]] = {}
        for name, file in wanted.items():
            if args.reuse:
                ratings[name] = {f"{name}-{i:04d}": overall for i, (_, overall) in enumerate(dialogues(file))}
            else:
                ratings[name] = load(db, name, file, "agent")
        if not args.reuse:
            analyze_conversations(db)
        parts = parts_from(db, ratings)
    print(f"Parts ready in {time.perf_counter() - started:.0f} s")
    base = len(feature_names([]))
    OTHERS[:] = parts.values()
    results = {name: paired(part, candidates, args.splits, base) for name, part in parts.items()}
    print("\n| candidate | " + " | ".join(parts) + " | verdict |")
    print("|---|" + "---|" * len(parts) + "---|")
    line = [f"{results[p]['product'][0].mean():.3f} (sd {results[p]['product'][0].std():.3f})" for p in parts]
    print("| product: alpha, mean over the splits (sd per split) | " + " | ".join(line) + " | |")
    for name in candidates:
        if name == "product":
            continue
        cells, kinds = [], []
        for p in parts:
            difference = results[p][name] - results[p]["product"]
            mean, se, kind = verdict(difference[0])
            kinds.append(kind)
            cells.append(f"{mean:+.4f} ({se:.4f}) {kind}, r {difference[1].mean():+.3f}")
        keep = kinds.count("gain") >= 3 and "loss" not in kinds
        print(f"| {name} | " + " | ".join(cells) + f" | {'keep' if keep else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
