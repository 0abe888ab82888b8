"""Signal quality on labelled data: the frustration model against plain VADER, per corpus
and across corpora, and precision/recall of every flag at its threshold.

Usage: python benchmarks/signals_eval.py [--uss-dir DIR] [--complaints FILE [--complaint-parts dev]]
       [--maia DIR [--maia-parts dev]] [--twcs FILE [--twcs-parts dev]] [--rsics FILE [--rsics-parts dev]]
       [--misses]

Corpora (see benchmarks/labelled.py): the public USS dialogues CCPE and ReDial from
../shared/data/dev (skipped with a note when absent), more USS parts from --uss-dir
(for example MWOZ.txt and SGD.txt of sunnweiwei/user-satisfaction-simulation; MWOZ was
never used for training, so a fair out-of-sample test), our own labelled messages in
benchmarks/eval/, the outsider sets (benchmarks/eval/outsider: support conversations labelled
by people who never read the rules) and (--complaints) the complaint tweets. The shipped model
is trained on CCPE, ReDial, SGD, our own main file, the outsider sets and the complaint tweets'
four training domains:
its figures on those are in-sample and printed as such; the cross-corpus lines retrain
on one part and test on another. ``--maia DIR`` adds the MAIA-DQE support chats (real
customer-support dialogues, machine-translated customer turns; labelled.maia_rows): never
trained on (its licence allows no derivative), "MAIA dev" may be studied, "MAIA held" is
measured only (AUC, a few times per round; --misses never lists it). ``--twcs FILE`` (repeatable)
adds the twcs20, twcs21 and eric22 threads (real public support threads on Twitter, labelled by two
readers; twcs.py): dev parts trained on, held parts measured only, each part printed by labeller
A, B and where both agree. ``--rsics FILE`` adds the rsics22 messages (real messages typed to three
companies' chatbots; rsics.py), by our labellers and by the corpus' own Rant/Emotion tags: "dev"
may be studied, "held" is measured only. The leave-one-out section scores each
training corpus with a model trained without it, the complaint tweets' dev half by domain and
each outsider set with a model trained without that set.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from common import ROOT
from labelled import EVAL, Rows, complaint_rows, maia_rows, outsider_rows, own_rows, uss_path, uss_rows
from rsics import analysed, rsics_rows_by_labeller, rsics_tag_rows
from twcs import TRAINED, parts, twcs_rows_by_labeller

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features

TWCS_TRAINED = tuple(f"{name} {part} (agreed)" for name, part in TRAINED)
IN_SAMPLE = ("CCPE", "ReDial", "SGD", "own", "outsider", "complaints dev", *TWCS_TRAINED, "rsics22 dev (agreed)")
SHIPPED = list(IN_SAMPLE)  # what train_frustration.py fits the shipped model on
HELD = ("MAIA held", "twcs20 held", "eric22", "rsics22 held")  # measured, never read: --misses lists none of them
# The shipped model before SGD joined its training (2026-11-29 round 7): SGD's share.
WITHOUT_SGD = ["CCPE", "ReDial", "own", "outsider", "complaints dev"]


def auc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve via the Mann-Whitney statistic (ties count half)."""
    s, y = np.asarray(scores), np.asarray(labels)
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    values = np.concatenate([pos, neg])[order]
    # Average ranks for ties.
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def precision_recall(predicted: list[bool], labels: list[int]) -> tuple[float, float, int]:
    """Precision, recall and count; a label of -1 (labellers disagree) is left out."""
    predicted, labels = [p for p, y in zip(predicted, labels, strict=True) if y >= 0], [y for y in labels if y >= 0]
    tp = sum(p and y for p, y in zip(predicted, labels, strict=True))
    fp = sum(p and not y for p, y in zip(predicted, labels, strict=True))
    fn = sum((not p) and y for p, y in zip(predicted, labels, strict=True))
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(labels)


def corpus_lines(rows: Rows, misses: bool) -> list[str]:
    agreed = [t for t in IN_SAMPLE if t.endswith("(agreed)")]  # their labellers' readings are in-sample too
    trained = rows.name in IN_SAMPLE or rows.name.startswith(tuple(t[: -len("(agreed)")] for t in agreed))
    tag = " (in-sample: the shipped model was trained on it)" if trained else " (out-of-sample)"
    lines = [
        f"{rows.name}: {len(rows.labels)} customer turns, {sum(rows.labels)} frustrated/dissatisfied{tag}",
        f"  frustration AUC {auc(rows.frustration, rows.labels):.3f}   plain VADER AUC {auc(rows.vader, rows.labels):.3f}",
    ]
    for flag in ("frustrated", "emotion_spike"):
        p, r, _ = precision_recall([flag in f for f in rows.flags], rows.labels)
        fired = sum(flag in f for f in rows.flags)
        lines.append(f"  {flag:14} precision {p:.2f}  recall {r:.2f}  (fired on {fired})")
    if rows.human:
        p, r, n = precision_recall(["human_request" in f for f in rows.flags], rows.human)
        requests = rows.human.count(1)
        lines.append(f"  human_request  precision {p:.2f}  recall {r:.2f}  (n={n}, {requests} requests)")
    else:  # no labels: every firing is worth reading (task dialogues ask for venues' numbers)
        fired = sum("human_request" in f for f in rows.flags)
        lines.append(f"  human_request  fired on {fired} (no labels)")
    if rows.repeat:
        p, r, n = precision_recall(["customer_repeat" in f for f in rows.flags], rows.repeat)
        lines.append(f"  customer_repeat precision {p:.2f}  recall {r:.2f}  (n={n}, {rows.repeat.count(1)} repeats)")
    if misses:
        frustrated_at = load_config()["frustration"]["frustrated_at"]
        for text, score, label in zip(rows.texts, rows.frustration, rows.labels, strict=True):
            if rows.name.startswith(HELD):  # measured, never read
                break
            if (score >= frustrated_at) != bool(label) and (label or rows.name.startswith("own")):
                lines.append(f"    miss: frustration {score:.2f} label {label}: {text[:100]}")
    return lines


def cross_corpus(corpora: dict[str, Rows]) -> list[str]:
    """Retrain on one part, test on another; VADER on the same test set for comparison."""
    from train_frustration import fit, predict

    lines = ["-- cross-corpus (retrained on the left, tested on the right) --"]
    pairs = [
        (["CCPE"], "ReDial"),
        (["ReDial"], "CCPE"),
        (["CCPE", "own"], "ReDial"),
        (["ReDial", "own"], "CCPE"),
        (["CCPE", "ReDial"], "own"),
        (["CCPE", "ReDial"], "own held-out"),
        (["CCPE", "ReDial", "own"], "own held-out"),
    ]
    # twcs20: each labeller's reading is printed per corpus; the retrained models are judged on the agreed tweets.
    held_out = [name for name in corpora if name not in IN_SAMPLE and not name.endswith(("(A)", "(B)"))]
    pairs += [(["CCPE", "ReDial", "own"], name) for name in held_out if name != "own held-out"]
    pairs += [(WITHOUT_SGD, name) for name in held_out + ["SGD"]]
    pairs += [(SHIPPED, name) for name in held_out]
    for train, test in pairs:
        if not all(name in corpora for name in train + [test]):
            continue
        model = fit([corpora[name] for name in train])
        rows = corpora[test]
        lines.append(
            f"  {' + '.join(train):44} -> {test:15} AUC {auc(predict(model, rows), rows.labels):.3f}"
            f"   (VADER {auc(rows.vader, rows.labels):.3f})"
        )
    return lines


def leave_one_out(corpora: dict[str, Rows]) -> list[str]:
    """Each training corpus of the shipped model judged by a model trained without it (the
    other training corpora), and the complaint tweets' dev half by domain (trained without
    one of its four domains and a quarter of its random tweets, tested on them: "LODO").
    A change that helps only the corpora it is trained on shows here as no gain."""
    from train_frustration import fit, predict

    lines = ["-- leave one corpus out (trained on the other training corpora, tested on the one left out) --"]
    train = [name for name in SHIPPED if name in corpora]
    for left in train:
        if left in ("complaints dev", "outsider"):
            continue
        model = fit([corpora[name] for name in train if name != left])
        rows = corpora[left]
        lines.append(f"  without {left:40} AUC {auc(predict(model, rows), rows.labels):.3f}")
    if "complaints dev" in corpora:
        rows = corpora["complaints dev"]
        domains = sorted({d for d in rows.groups if not d.startswith("random")})
        # The random tweets (all calm) in four folds, one beside each left-out domain.
        fold = {
            i: k % len(domains) for k, i in enumerate(i for i, d in enumerate(rows.groups) if d.startswith("random"))
        }
        figures = []
        for k, domain in enumerate(domains):
            test = [d == domain or fold.get(i) == k for i, d in enumerate(rows.groups)]
            others = [corpora[name] for name in train if name != "complaints dev"]
            model = fit(others + [rows.subset([not t for t in test], "complaints dev, rest")])
            part = rows.subset(test, domain)
            figures.append(auc(predict(model, part), part.labels))
            lines.append(f"  complaints dev without {domain:24} AUC {figures[-1]:.3f}")
        lines.append(f"  complaints dev, mean over domains (LODO)        AUC {sum(figures) / len(figures):.3f}")
    if "outsider" in corpora:
        lines += _grouped_out(corpora, train, "outsider")
    return lines


def _grouped_out(corpora: dict[str, Rows], train: list[str], name: str) -> list[str]:
    """Each set of the outsider corpus scored by a model trained without it (the other sets
    stay in), next to a model trained without the whole corpus."""
    from train_frustration import fit, predict

    rows = corpora[name]
    lines, without = [], fit([corpora[other] for other in train if other != name])
    for group in dict.fromkeys(rows.groups):
        part = rows.subset([g == group for g in rows.groups], group)
        rest = rows.subset([g != group for g in rows.groups], f"{name}, rest")
        model = fit([corpora[other] for other in train if other != name] + [rest])
        lines.append(
            f"  {name} without {group:31} AUC {auc(predict(model, part), part.labels):.3f}"
            f"   (without any {name} set {auc(predict(without, part), part.labels):.3f}; VADER {auc(part.vader, part.labels):.3f})"
        )
    return lines


def _labelled_lines(name: str) -> list[list[str]]:
    lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
    return [line.split("|", 3) for line in lines if line and not line.startswith("#")]


def flag_examples(config: dict, name: str = "flags.txt") -> list[str]:
    """human_request, customer_repeat (meta statements) and shouting on short labelled
    texts in benchmarks/eval/flags.txt (phrased like public support threads, written by us),
    or in another file of the same format (human_requests.txt)."""
    lines = [f"-- flags on labelled phrasings (benchmarks/eval/{name}) --"]
    groups: dict[str, tuple[list[bool], list[int], list[str]]] = {}
    for flag, label, language, text in _labelled_lines(name):
        f = text_features(text, language)
        result = analyze("eval", language, [(1, "customer", None, f)], config)
        fired = {
            "human_request": any(x.flag == "human_request" for x in result.messages[0].flags),
            "customer_repeat": any(x.flag == "customer_repeat" for x in result.messages[0].flags),
            "shouting": bool(f.caps or f.emphasis),
        }[flag]
        predicted, labels, wrong = groups.setdefault(flag, ([], [], []))
        predicted.append(fired)
        labels.append(int(label))
        if fired != bool(int(label)):
            wrong.append(f"    miss: {flag} {fired} label {label} [{language}] {text}")
    for flag, (predicted, labels, wrong) in groups.items():
        p, r, n = precision_recall(predicted, labels)
        lines.append(f"  {flag:14} precision {p:.2f}  recall {r:.2f}  (n={n}, {sum(labels)} positives)")
        lines += wrong
    return lines


def bot_pairs(config: dict, name: str = "bot_pairs.txt") -> list[str]:
    report, failures = [], []
    for language in ("en", "nl"):
        rows = [r for r in _labelled_lines(name) if r[1] == language]
        predicted, labels = [], []
        for label, lang, first, second in rows:
            messages = [
                (1, "bot", None, text_features(first, lang, False)),
                (2, "customer", None, text_features("hmm", lang)),
                (3, "bot", None, text_features(second, lang, False)),
            ]
            result = analyze("eval", lang, messages, config)
            flagged = any(f.flag == "bot_repeat" for f in result.messages[2].flags)
            predicted.append(flagged)
            labels.append(int(label))
            if flagged != bool(int(label)):
                failures.append(f"    miss: bot_repeat {flagged} label {label} [{lang}] {first} / {second}")
        p, r, n = precision_recall(predicted, labels)
        report.append(f"  bot_repeat [{language}]   precision {p:.2f}  recall {r:.2f}  (n={n} pairs)")
    return [f"-- bot repeats (benchmarks/eval/{name}) --"] + report + failures


def loop_flows(config: dict, name: str = "loop_flows_blind4.jsonl") -> list[str]:
    """`bot_loop` on short labelled flows (benchmarks/eval/loop_flows*.jsonl, the import
    format with ``meta.expected_loop``): real loops and near-miss flows, written blind."""
    predicted, labels, failures = [], [], []
    for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
        conv = json.loads(line)
        lang = conv["language"]
        messages = [
            (i, m["role"], None, text_features(m["text"], lang, m["role"] == "customer"))
            for i, m in enumerate(conv["messages"], 1)
        ]
        result = analyze(conv["id"], lang, messages, config)
        expected = conv["meta"]["expected_loop"]
        predicted.append(result.bot_loop)
        labels.append(expected)
        if result.bot_loop != bool(expected):
            failures.append(f"    miss: bot_loop {result.bot_loop} label {expected} [{lang}] {conv['id']}")
    p, r, n = precision_recall(predicted, labels)
    lines = [f"-- bot loops on labelled flows (benchmarks/eval/{name}) --"]
    return (
        lines + [f"  bot_loop       precision {p:.2f}  recall {r:.2f}  (n={n} flows, {sum(labels)} loops)"] + failures
    )


def demo_conversations(config: dict) -> list[str]:
    """Conversation flags on the demo corpus, with its scenario tags as (circular) labels."""
    stuck_pred, stuck_label, loop_pred, loop_label = [], [], [], []
    for line in (ROOT / "samples" / "demo.jsonl").read_text(encoding="utf-8").splitlines():
        conv = json.loads(line)
        lang = conv["language"]
        messages = [
            (i, m["role"], m.get("at"), text_features(m["text"], lang, m["role"] == "customer"))
            for i, m in enumerate(conv["messages"], 1)
        ]
        result = analyze(conv["id"], lang, messages, config, conv.get("outcome"), conv.get("csat"))
        stuck_pred.append(result.stuck_in_bot)
        stuck_label.append(int(conv["tags"][0] == "ignored_human"))
        loop_pred.append(result.bot_loop)
        loop_label.append(int(conv["tags"][0] == "bot_loop"))
    p1, r1, n = precision_recall(stuck_pred, stuck_label)
    p2, r2, _ = precision_recall(loop_pred, loop_label)
    return [
        "-- conversation flags on the demo corpus (its scenario tags as labels: circular) --",
        f"  stuck_in_bot   precision {p1:.2f}  recall {r1:.2f}  (n={n} conversations)",
        f"  bot_loop       precision {p2:.2f}  recall {r2:.2f}  (n={n} conversations)",
    ]


def support_rounds(config: dict, name: str = "support_rounds.txt") -> list[str]:
    """Frustration on support-thread messages written in blind rounds (eval/support_rounds.txt):
    AUC against plain VADER and recall / false alarms at the `frustrated` threshold, per round."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    frustrated_at = config["frustration"]["frustrated_at"]
    rounds: dict[str, tuple[list[float], list[float], list[int]]] = {}
    for round_, label, language, text in _labelled_lines(name):
        features = text_features(text, language)
        ms = analyze("eval", language, [(1, "customer", None, features)], config).messages[0]
        scores, plain, labels = rounds.setdefault(round_, ([], [], []))
        scores.append(ms.frustration or 0.0)
        plain.append(-vader.polarity_scores(text)["compound"])
        labels.append(int(label))
    lines = [f"-- frustration on support-thread rounds (benchmarks/eval/{name}) --"]
    for round_, (scores, plain, labels) in rounds.items():
        hits = sum(1 for s, y in zip(scores, labels, strict=True) if y and s >= frustrated_at)
        alarms = sum(1 for s, y in zip(scores, labels, strict=True) if not y and s >= frustrated_at)
        lines.append(
            f"  round {round_}: AUC {auc(scores, labels):.3f}   plain VADER AUC {auc(plain, labels):.3f}"
            f"   recall {hits}/{sum(labels)}, false alarms {alarms}/{len(labels) - sum(labels)}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uss-dir", type=Path, help="folder with more USS parts (MWOZ.txt, SGD.txt, ...)")
    parser.add_argument("--misses", action="store_true", help="list misclassified messages")
    parser.add_argument(
        "--complaints", type=Path, help="complaints-data.csv (labelled.complaint_rows): its dev half is in-sample"
    )
    parser.add_argument(
        "--maia",
        type=Path,
        help="folder with MAIA-DQE data/*.json (labelled.maia_rows): measured only, never trained on",
    )
    parser.add_argument(
        "--maia-parts",
        default="dev,held",
        help="which MAIA parts to read (default dev,held; 'dev' while tuning keeps the held part unseen)",
    )
    parser.add_argument(
        "--complaint-parts",
        default="dev,held",
        help="which complaint tweet halves to read (default dev,held; 'dev' while tuning keeps the held half unseen)",
    )
    parser.add_argument(
        "--twcs",
        type=Path,
        action="append",
        help="twcs.csv of Customer Support on Twitter (Kaggle), or a copy of part of it (repeatable): the "
        "twcs20, twcs21 and eric22 threads (benchmarks/twcs.py) whose tweets it holds; dev parts are trained "
        "on, held parts measured only",
    )
    parser.add_argument(
        "--twcs-parts",
        default="dev,held,twcs21,eric22",
        help="which parts to read: dev and held of twcs20, a set's name (twcs21, eric22) or SET:PART "
        "(default dev,held,twcs21,eric22; 'dev,twcs21' while tuning keeps the held parts unseen)",
    )
    parser.add_argument(
        "--rsics",
        type=Path,
        help="tagged_selections_by_sentence.csv of the RSiCS corpus: messages typed to three companies' "
        "chatbots (benchmarks/rsics.py), by our two labellers and by the corpus' own Rant/Emotion tags",
    )
    parser.add_argument(
        "--rsics-parts",
        default="dev,held",
        help="which rsics22 halves to read (default dev,held; 'dev' while tuning keeps the held half unseen)",
    )
    args = parser.parse_args()
    config = load_config()
    corpora: dict[str, Rows] = {}
    for name in ("CCPE", "ReDial", "MWOZ", "SGD"):
        path = uss_path(name, args.uss_dir)
        if path is not None:
            corpora[name] = uss_rows(name, path, config)
        elif name in ("CCPE", "ReDial"):
            print(f"{name}: not found (../shared/data/dev or $CXREVIEW_DEV_DATA); skipped")
    corpora["own"] = own_rows(config=config)
    corpora["own held-out"] = own_rows("heldout_customer", config)
    corpora["outsider"] = outsider_rows(config=config)
    if args.complaints:
        for part in args.complaint_parts.split(","):
            corpora[f"complaints {part}"] = complaint_rows(args.complaints, part, config)
    if args.maia:
        for part in args.maia_parts.split(","):
            corpora[f"MAIA {part}"] = maia_rows(args.maia, part, config)
    if args.twcs:
        for name, part in parts(args.twcs_parts):
            by_labeller = twcs_rows_by_labeller(args.twcs, part, ("A", "B", "agreed"), config, name)
            if not by_labeller["agreed"].labels:
                print(f"{name} {part}: no labelled tweet of it in {', '.join(map(str, args.twcs))}; skipped")
                continue
            for rows in by_labeller.values():
                corpora[rows.name] = rows
    if args.rsics:
        for part in args.rsics_parts.split(","):
            messages = analysed(args.rsics, part, config)  # once for both readings
            corpora[f"rsics22 {part} (corpus tags)"] = rsics_tag_rows(args.rsics, part, config, messages)
            for rows in rsics_rows_by_labeller(args.rsics, part, ("A", "B", "agreed"), config, messages).values():
                if rows.labels:
                    corpora[rows.name] = rows
    lines = [f"frustrated_at {config['frustration']['frustrated_at']}, spike.absolute {config['spike']['absolute']}"]
    for rows in corpora.values():
        lines += corpus_lines(rows, args.misses)
    lines += cross_corpus(corpora)
    lines += leave_one_out(corpora)
    lines += support_rounds(config)
    lines += (
        flag_examples(config)
        + flag_examples(config, "human_requests.txt")
        + flag_examples(config, "human_requests_round15.txt")
        + flag_examples(config, "customer_repeats.txt")
    )
    lines += bot_pairs(config)
    lines += bot_pairs(config, "bot_pairs_blind.txt") + bot_pairs(config, "bot_pairs_blind2.txt")
    lines += bot_pairs(config, "bot_pairs_probe.txt") + bot_pairs(config, "bot_pairs_review.txt")
    lines += bot_pairs(config, "bot_pairs_blind3.txt") + bot_pairs(config, "bot_pairs_blind4.txt")
    lines += loop_flows(config)
    lines += demo_conversations(config)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
