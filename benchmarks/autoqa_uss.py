"""AutoQA against real multi-rater data: the USS dialogues' OVERALL ratings as one criterion.

Usage: python benchmarks/autoqa_uss.py [--uss-dir DIR] [--system-role agent|bot] [--bootstrap N]

Every dialogue of a USS part (CCPE, ReDial in ../shared/data/dev; more parts, e.g. MWOZ.txt or
SGD.txt, from --uss-dir) is imported into a scratch database under benchmarks/_work (never
into the package), analysed like any conversation, and its annotators' OVERALL ratings (1-5)
become the scores of a one-criterion rubric, one reviewer per annotator slot.

Protocol: the model never sees a rating of a dialogue it is measured on.
- Within a part: cross-validation by dialogue (never by rating: all ratings of a dialogue are
  in the same fold). First ``autoqa train``'s own figure (5 folds, as the product reports it,
  with its bootstrap interval), then the same repeated with --repeats shuffled fold
  assignments (mean and range), because one split of 500 dialogues moves alpha by +-0.02.
- Across parts: a model trained on every rating of one part, measured on the other part.

Figures, the same statistic for the model and for people:
- model vs annotators: Krippendorff's alpha (ordinal) over units of one annotator's rating and
  the model's level, with a 95% bootstrap interval over dialogues; exact and within-one;
- the baseline in the same run: each annotator slot's alpha against the other annotators of
  the same dialogues, built the same way (units of one rating and another annotator's rating);
  the median slot is "the median annotator"; and the annotators' alpha among themselves;
- across parts, why a model fails: its correlation with the dialogues' mean rating (does it
  still rank?), its mean level minus the annotators' mean (an offset?), and its alpha with that
  offset removed (a diagnostic: it needs the target's ratings, which the model never gets);
  and, label-free, its alpha with the features standardised on the target's own conversations;
  and which features moved its level most (their mean push on the target, in levels).

The goal (issue 19): the model agrees with the annotators as well as the median annotator does.
Caveat: cxreview's frustration model (one of the features) was fitted on the turn-level ratings
of CCPE, ReDial and (since 2026-11-29, round 7 in benchmarks/README.md) SGD
(benchmarks/train_frustration.py), so those three parts are not fully unseen; MWOZ is.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from common import WORK, machine
from labelled import uss_path

from cxreview.autoqa.extract import feature_rows
from cxreview.autoqa.measure import LEVEL, measure
from cxreview.autoqa.model import LinearModel, feature_names, fit, matrix, standardisation
from cxreview.autoqa.train import train
from cxreview.ingest.importer import import_files
from cxreview.krippendorff import alpha
from cxreview.rubrics import resolve_rubric
from cxreview.score_import import import_scores
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import autoqa as store
from cxreview.store import open_database

RUBRIC = """\
id: {rid}
name: USS {name} overall satisfaction
version: 1
description: The annotators' dialogue-level satisfaction rating.
language: en
applies_to: any
pass_threshold: 50
criteria:
  - id: overall
    label: Overall satisfaction
    question: How satisfied would the user be with this dialogue?
    scale: {{min: 1, max: 5}}
    anchors: {{1: very dissatisfied, 2: dissatisfied, 3: neutral, 4: satisfied, 5: very satisfied}}
"""


def dialogues(path: Path) -> list[tuple[list[tuple[str, str]], list[int]]]:
    """(turns as (USER|SYSTEM, text), OVERALL ratings) per dialogue."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        blocks = handle.read().split("\n\n")
    out = []
    for block in blocks:
        turns, overall = [], []
        for line in block.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if parts[1] == "OVERALL":
                overall = [int(r) for r in parts[3].split(",") if r.strip()] if len(parts) > 3 else []
            elif parts[1].strip():
                turns.append((parts[0], parts[1]))
        if turns and overall:
            out.append((turns, overall))
    return out


def load(db, name: str, path: Path, system_role: str) -> dict[str, list[int]]:  # type: ignore[no-untyped-def]
    """Import one part as conversations and scores; returns id -> ratings by annotator slot."""
    rid = f"uss-{name.lower()}"
    corpus, scores, rubric = WORK / f"uss-{name}.jsonl", WORK / f"uss-{name}.csv", WORK / f"uss-{name}.yaml"
    ratings: dict[str, list[int]] = {}
    with corpus.open("w", encoding="utf-8") as out, scores.open("w", encoding="utf-8") as table:
        table.write("conversation_id,reviewer,criterion,score\n")
        for index, (turns, overall) in enumerate(dialogues(path)):
            cid = f"{name}-{index:04d}"
            messages = [{"role": "customer" if role == "USER" else system_role, "text": text} for role, text in turns]
            out.write(json.dumps({"id": cid, "language": "en", "channel": "chat", "messages": messages}) + "\n")
            for slot, rating in enumerate(overall):
                table.write(f"{cid},annotator{slot + 1},overall,{rating}\n")
            ratings[cid] = overall
    rubric.write_text(RUBRIC.format(rid=rid, name=name), encoding="utf-8")
    import_files(db, [str(corpus)])
    import_scores(db, str(scores), default_rubric=resolve_rubric(str(rubric)))
    return ratings


def annotator_baseline(ratings: dict[str, list[int]]) -> tuple[float | None, float | None, list[float]]:
    """(annotators' alpha among themselves, the median slot's alpha against the others, every slot's)."""
    among = alpha([list(map(float, r)) for r in ratings.values()], LEVEL)
    slots = max(len(r) for r in ratings.values())
    per_slot = []
    for k in range(slots):
        units: list[list[float | None]] = [
            [float(r[k]), float(other)] for r in ratings.values() if len(r) > k for j, other in enumerate(r) if j != k
        ]
        value = alpha(units, LEVEL)
        if value is not None and sum(len(r) > k for r in ratings.values()) >= 30:
            per_slot.append(value)
    return among, (float(np.median(per_slot)) if per_slot else None), per_slot


def consensus_alpha(ratings: dict[str, list[int]]) -> float | None:
    """What the other annotators of the same dialogue know, used as a model: each rating is
    paired with the mean of the dialogue's other ratings, widened to the ratings' spread and
    rounded as the model's prediction is (model.py), alpha as for the model. A model that
    predicted the other annotators' consensus exactly would reach this."""
    conversation, y, others = [], [], []
    for index, rated in enumerate(ratings.values()):
        for k, rating in enumerate(rated):
            conversation.append(index)
            y.append(float(rating))
            others.append(float(np.mean([r for j, r in enumerate(rated) if j != k])))
    values, scores = np.array(others), np.array(y)
    center = float(scores.mean())
    widened = center + min(float(scores.std() / values.std()), 5.0) * (values - center)
    return measure(np.array(conversation), scores, widened, 1, 5, bootstrap=0).alpha


def _rows(db, ratings: dict[str, list[int]], names: list[str]):  # type: ignore[no-untyped-def]
    """(raw features per dialogue, dialogue index per rating, rating per rating) of a part."""
    ids = sorted(ratings)
    features, outcomes = feature_rows(db, ids)
    raw = matrix([features[c] for c in ids], [outcomes[c] for c in ids], names)
    conversation = np.array([i for i, cid in enumerate(ids) for _ in ratings[cid]])
    y = np.array([r for cid in ids for r in ratings[cid]], dtype=float)
    return raw, conversation, y


def model_vs(db, model: LinearModel, ratings: dict[str, list[int]], bootstrap: int):  # type: ignore[no-untyped-def]
    """The model's agreement with the annotators of a part it never saw; also (r, offset, alpha
    without the offset): its correlation with the mean rating of a dialogue, its mean level
    minus the ratings', and its alpha had it known the target's mean rating; and which features
    moved the target's level most (their mean push in levels: zero over the training part)."""
    raw, conversation, y = _rows(db, ratings, model.features)
    predicted, _, contributions = model.predict(raw)
    pushes = contributions.mean(axis=0)
    shifts = [(model.features[j], float(pushes[j])) for j in np.argsort(-np.abs(pushes))[:4]]
    m = measure(conversation, y, predicted[conversation], 1, 5, bootstrap=bootstrap)
    mean_rating = np.bincount(conversation, weights=y) / np.bincount(conversation)
    r = float(np.corrcoef(predicted, mean_rating)[0, 1])
    # A diagnostic, not what the product does: the same predictions moved by the offset, which
    # only the target's own ratings can tell.
    moved = predicted - (predicted.mean() - mean_rating.mean())
    recentred = measure(conversation, y, moved[conversation], 1, 5, bootstrap=0).alpha
    offset = float(np.clip(np.rint(predicted), 1, 5).mean() - mean_rating.mean())
    return m, r, offset, recentred, _target_standardised(model, raw, conversation, y), shifts


def far_check(db, model: LinearModel, own: dict[str, list[int]], target: dict[str, list[int]]):  # type: ignore[no-untyped-def]
    """Distance from training (docs/autoqa.md): the target's median distance relative to the
    training part's own, the share of target dialogues beyond the model's threshold ("far"),
    and the model's alpha on the target's dialogues within and beyond it (no bootstrap)."""
    own_raw, _, _ = _rows(db, own, model.features)
    raw, conversation, y = _rows(db, target, model.features)
    own_d, d = model.distance(own_raw), model.distance(raw)
    if own_d is None or d is None or model.far_above is None:
        return None
    far = d > model.far_above
    predicted = model.predict(raw)[0]
    alphas = []
    for keep in (~far, far):
        rows = keep[conversation]
        enough = keep.sum() >= 20
        alphas.append(
            measure(conversation[rows], y[rows], predicted[conversation][rows], 1, 5, bootstrap=0).alpha
            if enough
            else None
        )
    return float(np.median(d) / np.median(own_d)), float(far.mean()), int(far.sum()), alphas[0], alphas[1]


def _target_standardised(model: LinearModel, raw: np.ndarray, conversation: np.ndarray, y: np.ndarray) -> float | None:
    """A label-free diagnostic: the model's alpha when every feature is standardised on the
    target part's own conversations instead of on the training part's (moment matching: a
    target dialogue counts by where it lies among its own part). It needs no rating, but it
    also removes any real difference in level between the two parts, which is why the product
    does not do it (a bot that got worse everywhere would look unchanged)."""
    _, mean, scale = standardisation(raw, model.logged)
    moved = replace(model, mean=[float(v) for v in mean], scale=[float(v) for v in scale])
    return measure(conversation, y, moved.predict(raw)[0][conversation], 1, 5, bootstrap=0).alpha


def repeated_cv(db, ratings: dict[str, list[int]], repeats: int, folds: int = 5) -> list[float]:  # type: ignore[no-untyped-def]
    """Model-vs-annotators alpha of ``repeats`` cross-validations by dialogue with shuffled folds:
    every dialogue's ratings are predicted by a model fitted on the other folds' dialogues only."""
    names = feature_names([])
    raw, conversation, y = _rows(db, ratings, names)
    n = len(ratings)
    out = []
    for seed in range(repeats):
        fold = np.random.default_rng(seed).permutation(n) % folds
        predicted = np.empty(n)
        for k in range(folds):
            train_rows = fold[conversation] != k
            model = fit(raw[conversation[train_rows]], y[train_rows], names, 1, 5, [], conversation[train_rows])
            predicted[fold == k] = model.predict(raw[fold == k])[0]
        alpha_value = measure(conversation, y, predicted[conversation], 1, 5, bootstrap=0).alpha
        out.append(float("nan") if alpha_value is None else alpha_value)
    return out


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uss-dir", type=Path, help="folder with more USS parts (MWOZ.txt, SGD.txt, ...)")
    parser.add_argument("--system-role", choices=["agent", "bot"], default="agent")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5, help="shuffled 5-fold cross-validations within a part")
    args = parser.parse_args()
    names = ["CCPE", "ReDial"] + (sorted(p.stem for p in args.uss_dir.glob("*.txt")) if args.uss_dir else [])
    parts = {n: p for n in names if (p := uss_path(n, args.uss_dir)) is not None}
    if len(parts) < 2:
        print("needs two USS parts (../shared/data/dev or --uss-dir); found:", ", ".join(parts) or "none")
        return 1
    print(f"Machine: {machine()}")
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "autoqa-uss.db"
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    ratings: dict[str, dict[str, list[int]]] = {}
    with open_database(path) as db:
        for name, part in parts.items():
            ratings[name] = load(db, name, part, args.system_role)
        analyze_conversations(db)
        print(
            f"Imported and analysed {sum(map(len, ratings.values())):,} dialogues in {time.perf_counter() - started:.1f} s"
        )
        models: dict[str, LinearModel] = {}
        print(f"\nWithin each part (cross-validation by dialogue; repeated: {args.repeats} shuffled 5-fold splits):")
        print(
            "| part | ratings (dialogues) | model vs annotators, autoqa train (95% CI) | repeated: mean (range) |"
            " exact | within 1 | median annotator vs others | annotators among themselves |"
            " model (repeated mean) / median annotator |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for name in parts:
            (result,) = train(db, rubric_id=f"uss-{name.lower()}", min_reviews=10, bootstrap=args.bootstrap)
            m = result.measured
            models[name] = LinearModel.from_params(store.model_params(db, result.model_id or 0))
            repeated = repeated_cv(db, ratings[name], args.repeats)
            among, median, _ = annotator_baseline(ratings[name])
            mean = float(np.mean(repeated)) if repeated else None
            ratio = "-" if not (mean is not None and median) else f"{mean / median:.2f}"
            print(
                f"| {name} | {result.n_reviews:,} ({result.n_conversations:,}) | {_f(m.alpha)} [{_f(m.alpha_low)}, "
                f"{_f(m.alpha_high)}] | {_f(mean)} ({min(repeated):.3f}-{max(repeated):.3f}) | {m.exact:.0%} | "
                f"{m.within_one:.0%} | {_f(median)} | {_f(among)} | {ratio} |"
            )
        print("\nAcross parts (trained on every rating of one part, measured on the other):")
        print(
            "| train -> test | model vs annotators (95% CI) | exact | within 1 | r with mean rating | offset (levels) |"
            " alpha without the offset | features standardised on the target (no ratings) |"
            " median annotator vs others | annotators among themselves | model / median annotator |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        moved_by: list[str] = []
        for source in parts:
            for target in parts:
                if source == target:
                    continue
                m, r, offset, recentred, standardised, shifts = model_vs(
                    db, models[source], ratings[target], args.bootstrap
                )
                moved_by.append(f"  {source} -> {target}: " + ", ".join(f"{n} {v:+.2f}" for n, v in shifts))
                among, median, _ = annotator_baseline(ratings[target])
                ratio = "-" if not (m.alpha is not None and median) else f"{m.alpha / median:.2f}"
                print(
                    f"| {source} -> {target} | {_f(m.alpha)} [{_f(m.alpha_low)}, {_f(m.alpha_high)}] | {m.exact:.0%} | "
                    f"{m.within_one:.0%} | {r:.2f} | {offset:+.2f} | {_f(recentred)} | {_f(standardised)} | {_f(median)} | "
                    f"{_f(among)} | {ratio} |"
                )
        print(
            "\nDistance from training (threshold: 99th percentile of cross-validated distances; 'own' is the"
            " training part's own dialogues against the final model):"
        )
        print("| train -> test | median distance / own | far | alpha within | alpha far |")
        print("|---|---|---|---|---|")
        for source in parts:
            for target in parts:
                found = far_check(db, models[source], ratings[source], ratings[target])
                if found is None:
                    continue
                ratio, share, count, within, beyond = found
                print(
                    f"| {source} -> {'own' if target == source else target} | {ratio:.2f} | {share:.1%} ({count}) |"
                    f" {_f(within)} | {_f(beyond)} |"
                )
        print("Where the level moved (each feature's mean push on the target, in levels; zero on the training part):")
        print("\n".join(moved_by))
        for name in parts:
            _, median, per_slot = annotator_baseline(ratings[name])
            print(f"  {name}: annotator slots vs the others: {', '.join(f'{v:.3f}' for v in per_slot)}")
            consensus = consensus_alpha(ratings[name])
            print(
                f"  {name}: the other annotators' mean as the prediction: {_f(consensus)}"
                + (f" ({consensus / median:.2f} of the median annotator)" if consensus is not None and median else "")
            )
        strongest = (
            sorted(zip(models["CCPE"].features, models["CCPE"].coef, strict=True), key=lambda x: -abs(x[1]))[:6]
            if "CCPE" in models
            else []
        )
        if strongest:
            print("  strongest CCPE weights:", ", ".join(f"{n} {c:+.2f}" for n, c in strongest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
