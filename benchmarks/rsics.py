"""Real messages typed to companies' chatbots, labelled by two readers: the rsics22 set.

The messages are the customer requests of the "Relational Strategies in Customer Service"
corpus (RSiCS; Beaver, Freeman and Mueen 2017, arXiv:1708.05449): what customers typed into
the live virtual assistants of a train company (dataset 2), an airline (3) and a telecom and
cable provider (4). Its file ``tagged_selections_by_sentence.csv`` (published at
s3-us-west-2.amazonaws.com/nextit-public/rsics.html; a copy is in the public GitHub repository
Johumel/Greet_pred) is read where the user keeps it (``--rsics FILE``). Its licence is the Open
Database License with two conditions (no attempt at re-identification; cite the paper): the
texts are not copied into this repository, ``eval/rsics22/labels.jsonl`` holds only the
corpus' request ids and our labels. The corpus masked personal data itself (digits as ``#``,
letters as ``-``, companies as ``cname-``); its reviewers' brackets (text they marked as not
needed for the intent) are removed here, which gives back the typed text.

Each message is one customer turn to a bot, without the bot's turns (the corpus keeps none):
analysed as a one-message conversation, as the complaint tweets are. Two labellers, A and B,
labelled every message of datasets 2-4 (5,493) for frustrated, human_request and
customer_repeat (eval/rsics22/LABELS.md), apart and without reading a rule of cxreview. Like
the twcs sets' labellers they are helper agents of the team built on the same language model:
the texts, not the labels, are what is real. The messages were split by a hash of their id into
"dev" (read while tuning from round 22) and "held" (counted at a round's start and end only).

The corpus' own second annotation pass also tagged the marked text for "Rant" and "Express
Emotion" (``rsics_tag_rows``): a weaker reading of frustration, by the corpus' reviewers, kept
as a second, independent check.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from labelled import EVAL, Rows

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import message_features

LABELS = EVAL / "rsics22" / "labels.jsonl"
DATASETS = ("2", "3", "4")  # the three virtual assistants; 1 is a TripAdvisor forum, not a company's bot
RANT, EMOTION = 10, 13  # columns of tagged_selections_by_sentence.csv
_MASKED_NAME = re.compile(r"\bcname-+")


def read_requests(path: Path) -> dict[str, tuple[str, bool]]:
    """rsics-DATASET-REQUEST -> (typed text, tagged Rant or Express Emotion by the corpus)."""
    requests: dict[str, tuple[str, bool]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if len(row) > EMOTION and row[0] in DATASETS:
                # The corpus masks the company's name as "cname-" ("does cname- have a lost and
                # found", "cname--.com"); real messages name the company, which rules read as a
                # name ("how do I contact Acme"), so the mask reads as one name.
                text = _MASKED_NAME.sub("Acme", row[4].replace("[", "").replace("]", ""))
                requests.setdefault(f"rsics-{row[0]}-{row[2]}", (text, row[RANT] == "1" or row[EMOTION] == "1"))
    return requests


def part_of(request_id: str) -> str:
    """ "dev" or "held": the split by a hash of the id, fixed before anyone read a message."""
    return "dev" if int(hashlib.sha1(request_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def labelled(part: str) -> list[dict]:
    """The labelled messages of one part ("dev" or "held") as stored in eval/rsics22/labels.jsonl."""
    if not LABELS.exists():
        return []
    with open(LABELS, encoding="utf-8") as handle:
        return [m for m in map(json.loads, handle) if m["part"] == part]


def analysed(path: Path, part: str, config: dict | None = None) -> dict[str, tuple[str, bool, Any]]:
    """The messages of one part, analysed once: id -> (typed text, corpus tag, signals), for
    `rsics_rows_by_labeller` and `rsics_tag_rows` to share."""
    config = config or load_config()
    return {
        request_id: (
            text,
            tagged,
            analyze("rsics", "en", [(1, "customer", None, message_features("customer", text, "en"))], config).messages[
                0
            ],
        )
        for request_id, (text, tagged) in read_requests(path).items()
        if part_of(request_id) == part
    }


def rsics_rows_by_labeller(
    path: Path,
    part: str,
    labellers: tuple[str, ...] = ("A", "B", "agreed"),
    config: dict | None = None,
    messages: dict[str, tuple[str, bool, Any]] | None = None,
) -> dict[str, Rows]:
    """The labelled messages of one part, one corpus per labeller ("A", "B" or "agreed"). With
    "agreed", a message whose frustration labels differ is left out of every figure, one whose
    request or repeat labels differ out of that flag's (-1). ``messages``: the part's `analysed`
    messages, when the caller has them already."""
    messages = analysed(path, part, config) if messages is None else messages
    corpora = {labeller: Rows(f"rsics22 {part} ({labeller})") for labeller in labellers}
    for message in labelled(part):
        if message["id"] not in messages:
            continue
        text, _, signals = messages[message["id"]]
        a, b = message["A"], message["B"]
        for labeller, rows in corpora.items():
            flags = (
                a
                if labeller == "A"
                else b
                if labeller == "B"
                else [x if x == y else -1 for x, y in zip(a, b, strict=True)]
            )
            if flags[0] < 0:
                continue
            rows.add(flags[0], text, signals)
            rows.human.append(flags[1])
            rows.repeat.append(flags[2])
    return corpora


def rsics_tag_rows(
    path: Path, part: str, config: dict | None = None, messages: dict[str, tuple[str, bool, Any]] | None = None
) -> Rows:
    """The messages of one part with the corpus' own tags as the label: 1 when its reviewers
    tagged a Rant or an Expressed Emotion in it (only in the text they marked as not needed for
    the intent, so a frustrated sentence that is the request itself goes untagged)."""
    messages = analysed(path, part, config) if messages is None else messages
    rows = Rows(f"rsics22 {part} (corpus tags)")
    for text, tagged, signals in messages.values():
        rows.add(int(tagged), text, signals)
    return rows
