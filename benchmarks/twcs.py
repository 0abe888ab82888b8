"""Real public support threads on Twitter, labelled by two readers: the twcs20, twcs21 and eric22 sets.

The tweets are the first 5,000 rows of "Customer Support on Twitter" (Kaggle dataset
thoughtvector/customer-support-on-twitter, ``twcs.csv``, CC BY-NC-SA 4.0; the rows are also in
public GitHub copies of its head). Its licence (non-commercial, share-alike) allows no copy in
an MIT package, so no tweet text is kept in this repository: ``eval/twcs20/threads.jsonl``
holds only tweet ids and our labels, and the texts are read from the user's own copy of the
CSV (``--twcs FILE``), where they lie, as the USS dialogues and the complaint tweets are. The
dev part's agreed labels are one of the frustration model's training corpora
(``train_frustration.py --twcs FILE``: 40-odd weights over cxreview's own features, no word of
the tweets); the held part is measured only.

A thread is a customer's first tweet and every reply under it, by that customer or a company
handle, in time order (threads with 2-8 customer tweets drawn at random, and a few single ones;
threads.jsonl lists each one's tweet ids). They were split by a hash of the first tweet's id
into "dev" (read while tuning, round 20) and "held" (counted at the round's start and end).

Two more sets follow the same format and rules (eval/NAME/threads.jsonl):

- ``twcs21``: every other thread of the same 5,000 rows (708 threads, a customer's first tweet and
  the replies the rows hold), labelled in round 21 by two new labellers; part "dev": tuned and
  trained on from round 21.
- ``eric22``: 600 customers' first tweets to AmazonHelp, AppleSupport and SpotifyCares drawn from
  the whole corpus, and 160-odd short threads of the same brands, as published with their tweet ids
  by kechtel/ericsson (``data/labeled/*-200-inbound.xlsx`` and ``data/preprocessed/*.xlsx``; the
  full Kaggle CSV holds them too); labelled in round 21, part "held": counted only.
- ``ibm20``: 1,025 Twitter customer-care conversations of 2019-2020 with 24 brands (YouTube,
  Rockstar, Mojang, Google, Apple, Adobe, Zoom, eBay, ...), as IBM published them with their
  texts under Apache 2.0 (IBM/twitter-customer-care-document-prediction, ``dev.json`` and
  ``test.json``, read by `read_ibm`: ``--twcs dev.json --twcs test.json``); each ends with the
  brand's answer with a link. 1,177 customer tweets, labelled in round 22, part "held": counted
  only. A second customer in a conversation (the file's ``client1``) was shown to the labellers
  as a reply by someone else and is analysed as one (not labelled).
- ``spot22``: 4,503 customer tweets to SpotifyCares (2017) from the whole Kaggle corpus, as a
  public GitHub copy holds them (stepanaromanov/python_for_marketing_research_and_analytics,
  ``_legacy/2_analyzing_social_media_data_in_python/support_requests.csv``; the brand's replies
  are not in it): one customer's tweets within two days form a thread, drawn at random, none of
  them in eric22. Labelled in round 22 without the brand's replies; split by a hash of the
  thread id into "dev" (two thirds: tuned and trained on) and "held" (counted only).

Two labellers, A and B, labelled every customer tweet for frustrated, human_request and
customer_repeat (eval/twcs20/LABELS.md), working apart, without reading a rule of cxreview or
running it. Both are helper agents of the team built on the same language model, so their
agreement (Cohen's kappa 0.96 on frustration) says how consistent that reader is, not how
much people would agree; the texts, not the labels, are what is real here. "agreed" keeps the
tweets on which both gave the same label.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

from labelled import EVAL, Rows

from cxreview.signals.config import load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.features import message_features, reading_key
from cxreview.signals.language import conversation_language

SETS = ("twcs20", "twcs21", "eric22", "ibm20", "spot22")
# What train_frustration.py --twcs fits on (agreed tweets); spot22's texts are in its own file.
TRAINED = (("twcs20", "dev"), ("twcs21", "dev"), ("spot22", "dev"))
FLAGS = ("frustrated", "human_request", "customer_repeat")


def read_tweets(paths: Path | list[Path], wanted: set[str]) -> dict[str, tuple[bool, str, str]]:
    """tweet id -> (inbound, text, ISO time) of the wanted tweets of one or more twcs.csv files
    (the Kaggle file, or copies of parts of it, with or without a leading index column) or of
    IBM's conversation files (``*.json``: see `read_ibm`)."""
    tweets = {}
    for path in [paths] if isinstance(paths, Path) else paths:
        if path.suffix == ".json":
            tweets.update((t, turn) for t, turn in read_ibm(path).items() if t in wanted)
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row.get("tweet_id") in wanted and row.get("created_at")]
        for row in rows:
            at = datetime.strptime(row["created_at"], "%a %b %d %H:%M:%S %z %Y")
            inbound = row["inbound"].strip().lower() == "true"
            tweets[row["tweet_id"]] = (inbound, row["text"], at.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return tweets


def read_ibm(path: Path) -> dict[str, tuple[bool, str, str]]:
    """tweet id -> (inbound, text, ISO time) of one file of IBM's Twitter customer-care
    conversations (dev.json or test.json): each conversation's customer and agent tweets, then
    the agent's answer with a link (``agentURL``, timed a second after the last tweet: the file
    gives it no time)."""
    with open(path, encoding="utf-8") as handle:
        conversations = json.load(handle)
    tweets = {}
    for conversation in conversations:
        at = ""
        for turn in conversation["dialogContent"]:
            at = turn["datetime"][:19] + "Z"
            tweets[turn["tweet_ID"]] = ("client" in turn, turn["message"], at)
        answer = conversation["agentURL"]
        if at and answer["tweet_ID"] not in tweets:
            last = datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
            tweets[answer["tweet_ID"]] = (
                False,
                answer["url_utterance"],
                (last + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
    return tweets


def threads_path(name: str = "twcs20") -> Path:
    """Where one set's tweet ids and labels are stored."""
    return EVAL / name / "threads.jsonl"


def labelled_threads(part: str, name: str = "twcs20") -> list[dict]:
    """The threads of one part ("dev" or "held") of one set as stored in eval/NAME/threads.jsonl."""
    if not threads_path(name).exists():
        return []
    with open(threads_path(name), encoding="utf-8") as handle:
        return [t for t in map(json.loads, handle) if t["part"] == part]


def parts(spec: str) -> list[tuple[str, str]]:
    """(set, part) pairs of a ``--twcs-parts`` value: "dev" and "held" name twcs20's parts (as
    before round 21), "twcs21" or "eric22" a set's every part, "eric22:held" one part."""
    pairs = []
    for token in filter(None, (t.strip() for t in spec.split(","))):
        name, _, part = token.partition(":") if ":" in token or token in SETS else ("twcs20", "", token)
        if name == "twcs20" and part not in ("", "dev", "held"):
            raise SystemExit(
                f"unknown twcs part or set {token!r} in --twcs-parts (sets: {', '.join(SETS)}; parts: dev, held)"
            )
        if name not in SETS:
            raise SystemExit(f"unknown twcs set {name!r} in --twcs-parts (known: {', '.join(SETS)})")
        found = sorted({t["part"] for t in labelled_threads("dev", name) + labelled_threads("held", name)})
        pairs += [(name, p) for p in ([part] if part else found)]
    return pairs


def _labels(thread: dict, labeller: str) -> dict[int, tuple[int, int, int]]:
    """index -> (frustrated, human_request, customer_repeat) by one labeller, or by both
    where they agree on that flag (a flag they disagree on is left out as -1)."""
    if labeller != "agreed":
        return {i: (f, h, r) for i, f, h, r in thread["labels"][labeller]}
    a = {i: (f, h, r) for i, f, h, r in thread["labels"]["A"]}
    b = {i: (f, h, r) for i, f, h, r in thread["labels"]["B"]}
    return {i: tuple(x if x == y else -1 for x, y in zip(a[i], b[i], strict=True)) for i in a if i in b}


def twcs_rows(
    path: Path | list[Path], part: str, labeller: str, config: dict | None = None, name: str = "twcs20"
) -> Rows:
    """The labelled customer tweets of one part by one labeller ("A", "B" or "agreed"): see
    `twcs_rows_by_labeller`."""
    return twcs_rows_by_labeller(path, part, (labeller,), config, name)[labeller]


def twcs_rows_by_labeller(
    path: Path | list[Path], part: str, labellers: tuple[str, ...], config: dict | None = None, name: str = "twcs20"
) -> dict[str, Rows]:
    """The labelled customer tweets of one part, one corpus per labeller ("A", "B" or
    "agreed"), each thread read and analysed once, in whole with its timestamps.
    ``Rows.human`` and ``Rows.repeat`` hold the other two labels; with "agreed", a tweet whose
    frustration labels differ is left out of every figure, one whose request or repeat labels
    differ out of that flag's (-1)."""
    config = config or load_config()
    threads = labelled_threads(part, name)
    tweets = read_tweets(path, {t for thread in threads for t in thread["tweets"]})
    corpora = {labeller: Rows(f"{name} {part} ({labeller})") for labeller in labellers}
    for thread in threads:
        if not all(t in tweets for t in thread["tweets"]):
            continue  # another copy of the corpus without this thread
        turns = [tweets[t] for t in thread["tweets"]]
        # Each thread read in the language the product would detect for it (Spanish, Japanese
        # ... tweets are not read as English words, `features.WORDLESS`), as `cxreview analyze`
        # does for a conversation imported without a language.
        language = conversation_language(("customer" if inbound else "agent", text) for inbound, text, _ in turns)
        key = reading_key(language)
        messages = [
            (
                i,
                "customer" if inbound else "agent",
                at,
                message_features("customer" if inbound else "agent", text, key),
            )
            for i, (inbound, text, at) in enumerate(turns, start=1)
        ]
        result = analyze(thread["id"], language, messages, config)
        for labeller, rows in corpora.items():
            for index, (frustrated, human, repeat) in sorted(_labels(thread, labeller).items()):
                if frustrated < 0:
                    continue
                rows.add(frustrated, turns[index][1], result.messages[index])
                rows.human.append(human)  # -1: the labellers disagree (left out of its figure)
                rows.repeat.append(repeat)
    return corpora
