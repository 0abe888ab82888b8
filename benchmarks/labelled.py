"""Labelled data for the frustration model and its evaluation, read where it lies.

- The "user satisfaction simulation" dialogues (Sun et al., SIGIR 2021; public repository
  sunnweiwei/user-satisfaction-simulation, dataset/*.txt). CCPE and ReDial are in
  ``../shared/data/dev`` (gzip); more parts can be given with ``--uss-dir``. They are read
  at training and benchmark time only and never copied into the package.
- Our own hand-labelled customer messages in ``benchmarks/eval/`` (single messages).
- The complaint tweets (``complaint_rows``) and the MAIA-DQE support chats (``maia_rows``),
  each with its own rules of use written beside its loader.

Every customer turn becomes the model's feature dict, computed by the same code that runs
in ``cxreview analyze`` (the whole dialogue goes through ``analyze``, so the context
features are real): one row per rated user turn, label 1 when its mean rating is <= 2.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import ROOT

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import message_features, shape_of, text_features
from cxreview.signals.sentiment import plain_vader

# ../shared/data/dev beside the checkout (a worktree sits one level deeper), or $CXREVIEW_DEV_DATA.
_CANDIDATES = [Path(os.environ.get("CXREVIEW_DEV_DATA", ROOT / "no-such-dir"))] + [
    up / "shared" / "data" / "dev" for up in ROOT.parents[:2]
]
DEV = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[1])
EVAL = ROOT / "benchmarks" / "eval"
USS_FILES = {"CCPE": "uss_CCPE.txt.gz", "ReDial": "uss_ReDial.txt.gz"}


@dataclass
class Rows:
    """Feature dicts, labels, texts and plain VADER scores of one corpus."""

    name: str
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    vader: list[float] = field(default_factory=list)  # -plain VADER compound: higher is more negative
    frustration: list[float] = field(default_factory=list)  # the shipped model's score
    flags: list[set[str]] = field(default_factory=list)
    human: list[int] = field(default_factory=list)  # human-request labels (own examples, complaint tweets)
    repeat: list[int] = field(default_factory=list)  # customer-repeat labels (twcs20); -1: not counted
    groups: list[str] = field(default_factory=list)  # per row, the complaint tweet's domain or the outsider set

    def subset(self, keep: list[bool], name: str) -> Rows:
        """The rows where ``keep`` is true, as a corpus of their own (features, labels, texts)."""
        part = Rows(name)
        for i, wanted in enumerate(keep):
            if wanted:
                part.features.append(self.features[i])
                part.labels.append(self.labels[i])
                part.texts.append(self.texts[i])
                part.vader.append(self.vader[i])
        return part

    def add(self, label: int, text: str, signals: Any, language: str = "en") -> None:
        """One labelled customer message and its analysed signals."""
        self.features.append(signals.features)
        self.labels.append(label)
        self.texts.append(text)
        # Plain VADER (the features' customer sentiment reads "please" and "help" as neutral).
        self.vader.append(-plain_vader(shape_of(text), language))
        self.frustration.append(signals.frustration or 0.0)
        self.flags.append({flag.flag for flag in signals.flags})


def uss_path(name: str, extra_dir: Path | None = None) -> Path | None:
    """Where a USS part lies: the dev folder (gzip) or ``extra_dir/NAME.txt``."""
    if name in USS_FILES and (DEV / USS_FILES[name]).exists():
        return DEV / USS_FILES[name]
    if extra_dir is not None and (extra_dir / f"{name}.txt").exists():
        return extra_dir / f"{name}.txt"
    return None


def _dialogues(path: Path) -> list[list[tuple[str, str, float | None]]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        text = handle.read()
    dialogues, current = [], []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                dialogues.append(current)
            current = []
            continue
        parts = line.split("\t")
        role, utterance = parts[0], parts[1] if len(parts) > 1 else ""
        if utterance == "OVERALL":
            continue
        ratings = [int(r) for r in parts[3].split(",") if r.strip()] if len(parts) > 3 and parts[3].strip() else []
        mean = sum(ratings) / len(ratings) if ratings else None
        current.append(("customer" if role == "USER" else "bot", utterance, mean))
    if current:
        dialogues.append(current)
    return dialogues


def uss_rows(name: str, path: Path, config: dict | None = None) -> Rows:
    config = config or load_config()
    rows = Rows(name)
    for index, dialogue in enumerate(_dialogues(path)):
        messages = [
            (i, role, None, message_features(role, text, "en")) for i, (role, text, _) in enumerate(dialogue, start=1)
        ]
        result = analyze(f"{name}-{index}", "en", messages, config)
        for (role, text, mean), ms in zip(dialogue, result.messages, strict=True):
            if role != "customer" or mean is None:
                continue
            rows.add(int(mean <= 2), text, ms)
    return rows


# Preotiuc-Pietro, Gaman and Aletras, "Automatically Identifying Complaints in Social Media"
# (ACL 2019; public repository danielpreotiuc/complaints-social-media, complaints-data.csv, no
# licence file: read where it lies, never copied). 3,449 English tweets: 1,971 to or about
# companies in nine domains, labelled complaint (1) or not by annotators, and 1,475 random
# tweets and replies (all 0). Split by domain, so that nothing tuned on one half has seen the
# companies, products or wordings of the other: "dev" may be used for choosing features and
# training, "held" only for measuring. The random tweets alternate between the halves.
COMPLAINT_DEV_DOMAINS = frozenset({"apparel", "electronics", "food", "software"})


def complaint_tweets(path: Path, part: str) -> Iterator[tuple[str, str, int, str]]:
    """(tweet id, text, label, domain) of the complaint tweets of one half ("dev" or "held"),
    as written: a tweet's @handles name whom it is written to (left out of the text's shape,
    `features.shape_of`) and make it a public post (`TextFeatures.public`)."""
    with open(path, encoding="utf-8", newline="") as handle:
        for index, (tweet_id, text, label, domain) in enumerate(csv.reader(handle)):
            if domain.startswith("random"):
                half = "dev" if index % 2 else "held"
            else:
                half = "dev" if domain in COMPLAINT_DEV_DOMAINS else "held"
            if half == part:
                yield tweet_id, text.strip(), int(label), domain


def complaint_rows(path: Path, part: str, config: dict | None = None) -> Rows:
    """The complaint tweets of one half ("dev" or "held"): see `complaint_tweets`."""
    config = config or load_config()
    rows = Rows(f"complaints {part}")
    requests = {line for line in (EVAL / "complaint_human_requests.txt").read_text().split() if line.isdigit()}
    for tweet_id, clean, label, domain in complaint_tweets(path, part):
        f = text_features(clean, "en")
        ms = analyze("complaint", "en", [(1, "customer", None, f)], config).messages[0]
        rows.add(label, clean, ms)
        rows.human.append(int(tweet_id in requests))  # eval/complaint_human_requests.txt
        rows.groups.append(domain)
    return rows


def own_rows(prefix: str = "customer", config: dict | None = None) -> Rows:
    """Our hand-labelled single customer messages, English and Dutch."""
    config = config or load_config()
    rows = Rows("own" if prefix == "customer" else "own held-out")
    for language in ("en", "nl"):
        for line in (EVAL / f"{prefix}_{language}.txt").read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            label_f, label_h, text = line.split("|", 2)
            f = text_features(text, language)
            ms = analyze("own", language, [(1, "customer", None, f)], config).messages[0]
            rows.add(int(label_f), text, ms, language)
            rows.human.append(int(label_h))
    return rows


OUTSIDER = EVAL / "outsider"
OUTSIDER_SETS = tuple(sorted(p.name for p in OUTSIDER.iterdir() if p.is_dir()))  # blind12, dev12, blind13, ...


def outsider_rows(sets: tuple[str, ...] = OUTSIDER_SETS, config: dict | None = None) -> Rows:
    """The customer messages of the outsider sets (benchmarks/eval/outsider/README.md), each
    analysed in its whole conversation with its timestamps, as one corpus; ``groups`` names
    each row's set."""
    config = config or load_config()
    rows = Rows("outsider")
    for name in sets:
        folder = OUTSIDER / name
        with open(folder / "conversations.jsonl", encoding="utf-8") as handle:
            conversations = {c["id"]: c for c in map(json.loads, handle)}
        with open(folder / "labels.jsonl", encoding="utf-8") as handle:
            labels = [json.loads(line) for line in handle]
        for label in labels:
            conversation = conversations[label["id"]]
            language, turns = conversation["language"], conversation["messages"]
            messages = [
                (i, m["role"], m.get("at"), message_features(m["role"], m["text"], language))
                for i, m in enumerate(turns, start=1)
            ]
            result = analyze(conversation["id"], language, messages, config)
            for message in label["messages"]:
                index = message["index"]
                rows.add(message["frustrated"], turns[index]["text"], result.messages[index], language)
                rows.human.append(message["human_request"])
                rows.groups.append(name)
    return rows


# MAIA-DQE (Mendonca et al., "Dialogue Quality and Emotion Annotations for Customer Support
# Conversations", GEM 2023; public repository johndmendonca/MAIA-DQE, data/*.json, licence
# CC BY-ND 4.0). Real customer-support chats (a device maker's help desk): the customer wrote
# German or Portuguese, machine-translated to English (``text_mt`` of an "inbound" turn); the
# agent wrote English (``text_src`` of an "outbound" turn). Every sentence carries an emotion
# label: 0 empathy, 1 happiness, 2 neutral, 3 disappointment, 4 confusion, 5 frustration,
# 6 anger, 7 anxiety (the order of the repository's labels.txt; 7 reads more like a plain
# request than anxiety). A customer turn is positive when one of its sentences is
# frustration or anger (5, 6).
# The licence allows no derivative: it is read where it lies, for MEASURING only; no model is
# trained on it and nothing of it is copied into this repository. "dev" (de_client_02) may be
# read and its misses studied to choose general rules; "held" (the three pt_* files) is for
# AUC figures only, a few times per round, each measurement written in benchmarks/README.md.
MAIA_PARTS = {
    "dev": ("de_client_02",),
    "held": ("pt_br_client_02", "pt_br_client_04", "pt_pt_client_03"),
}
MAIA_POSITIVE = frozenset({5, 6})


def maia_dialogues(directory: Path, part: str) -> Iterator[tuple[str, list[tuple[str, str, int | None]]]]:
    """(dialogue id, [(role, English text, label or None for agent turns)]) of one MAIA part;
    empty turns are left out."""
    for name in MAIA_PARTS[part]:
        with open(directory / f"{name}.json", encoding="utf-8") as handle:
            dialogues = json.load(handle)
        for dialogue in dialogues:
            turns = []
            for turn in dialogue["turns"]:
                customer = turn["floor"] == "inbound"
                text = " ".join(turn["text_mt"] if customer else turn["text_src"]).strip()
                if not text:
                    continue
                label = int(any(e in MAIA_POSITIVE for e in turn["Emotion"])) if customer else None
                turns.append(("customer" if customer else "agent", text, label))
            yield dialogue["id"], turns


def maia_rows(directory: Path, part: str, config: dict | None = None) -> Rows:
    """The customer turns of one MAIA-DQE part ("dev" or "held"), each analysed in its whole
    dialogue (the agent's turns give the context features): see the comment above."""
    config = config or load_config()
    rows = Rows(f"MAIA {part}")
    for dialogue_id, turns in maia_dialogues(directory, part):
        messages = [
            (i, role, None, message_features(role, text, "en")) for i, (role, text, _) in enumerate(turns, start=1)
        ]
        result = analyze(dialogue_id, "en", messages, config)
        for (role, text, label), ms in zip(turns, result.messages, strict=True):
            if role == "customer" and label is not None:
                rows.add(label, text, ms)
    return rows
