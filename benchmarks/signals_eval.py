"""Signal quality against hand-labelled data in benchmarks/eval/.

Usage: python benchmarks/signals_eval.py
Prints precision and recall of each flag, and the AUC of frustration, per language.
"""

from __future__ import annotations

import json

import numpy as np
from common import ROOT

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import text_features

EVAL = ROOT / "benchmarks" / "eval"
FRUSTRATED_AT = 0.3


def _rows(name: str) -> list[list[str]]:
    lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
    return [line.split("|", 3) for line in lines if line and not line.startswith("#")]


def auc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve via the Mann-Whitney statistic (ties count half)."""
    s, y = np.asarray(scores), np.asarray(labels)
    pos, neg = s[y == 1], s[y == 0]
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def precision_recall(predicted: list[bool], labels: list[int]) -> tuple[float, float, int]:
    tp = sum(p and y for p, y in zip(predicted, labels, strict=True))
    fp = sum(p and not y for p, y in zip(predicted, labels, strict=True))
    fn = sum((not p) and y for p, y in zip(predicted, labels, strict=True))
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(labels)


def customer_messages(config: dict, prefix: str = "customer") -> list[str]:
    report = [f"-- {prefix} messages --"]
    all_scores: list[float] = []
    all_frustrated: list[int] = []
    failures = []
    for language in ("en", "nl"):
        rows = _rows(f"{prefix}_{language}.txt")
        scores, frustrated, wants_human, flagged_human = [], [], [], []
        for label_f, label_h, text in rows:
            features = text_features(text, language)
            result = analyze("eval", language, [(1, "customer", None, features)], config)
            message = result.messages[0]
            scores.append(message.frustration or 0.0)
            frustrated.append(int(label_f))
            wants_human.append(int(label_h))
            flagged = any(f.flag == "human_request" for f in message.flags)
            flagged_human.append(flagged)
            if ((message.frustration or 0) >= FRUSTRATED_AT) != bool(int(label_f)):
                failures.append(f"  frustration {message.frustration:.2f} label {label_f} [{language}] {text}")
            if flagged != bool(int(label_h)):
                failures.append(f"  human_request {flagged} label {label_h} [{language}] {text}")
        p, r, n = precision_recall([s >= FRUSTRATED_AT for s in scores], frustrated)
        report.append(
            f"frustration AUC [{language}]: {auc(scores, frustrated):.3f}  "
            f"(frustrated at >= {FRUSTRATED_AT}: precision {p:.2f}, recall {r:.2f}, n={n})"
        )
        p, r, n = precision_recall(flagged_human, wants_human)
        report.append(f"human_request [{language}]: precision {p:.2f}, recall {r:.2f}, n={n}")
        all_scores += scores
        all_frustrated += frustrated
    report.append(f"frustration AUC [all]: {auc(all_scores, all_frustrated):.3f}")
    return report + ["misclassified:"] + failures


def bot_pairs(config: dict) -> list[str]:
    report, failures = [], []
    for language in ("en", "nl"):
        rows = [r for r in _rows("bot_pairs.txt") if r[1] == language]
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
                failures.append(f"  bot_repeat {flagged} label {label} [{lang}] {first} / {second}")
        p, r, n = precision_recall(predicted, labels)
        report.append(f"bot_repeat [{language}]: precision {p:.2f}, recall {r:.2f}, n={n} pairs")
    return report + ["misclassified:"] + failures


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
        f"stuck_in_bot on the demo corpus: precision {p1:.2f}, recall {r1:.2f}, n={n} conversations",
        f"bot_loop on the demo corpus: precision {p2:.2f}, recall {r2:.2f}, n={n} conversations",
    ]


def main() -> None:
    config = load_config()
    lines = customer_messages(config) + customer_messages(config, "heldout_customer")
    for line in lines + bot_pairs(config) + demo_conversations(config):
        print(line)


if __name__ == "__main__":
    main()
