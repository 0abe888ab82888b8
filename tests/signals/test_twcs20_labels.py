"""The twcs20 labels (benchmarks/eval/twcs20/threads.jsonl, read by benchmarks/twcs.py): tweet
ids and two labellers' 0/1 labels per customer tweet, and never a tweet's text (the corpus'
licence keeps its texts out of this repository)."""

from __future__ import annotations

import json
from pathlib import Path

THREADS = Path(__file__).resolve().parents[2] / "benchmarks" / "eval" / "twcs20" / "threads.jsonl"


def _threads() -> list[dict]:
    with open(THREADS, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_every_thread_has_both_labellers_on_the_same_tweets() -> None:
    threads = _threads()
    assert {t["part"] for t in threads} <= {"dev", "held"} and any(t["part"] == "dev" for t in threads)
    assert len({t["id"] for t in threads}) == len(threads)
    for thread in threads:
        assert set(thread) == {"id", "part", "tweets", "labels"}  # ids and labels only, no text
        assert all(tweet.isdigit() for tweet in thread["tweets"])
        a, b = thread["labels"]["A"], thread["labels"]["B"]
        assert [row[0] for row in a] == [row[0] for row in b], thread["id"]
        indexes = [row[0] for row in a]
        assert indexes == sorted(set(indexes)) and indexes[-1] < len(thread["tweets"]), thread["id"]
        assert all(value in (0, 1) for row in a + b for value in row[1:]), thread["id"]


def test_the_parts_do_not_share_a_tweet() -> None:
    seen: dict[str, str] = {}
    for thread in _threads():
        for tweet in thread["tweets"]:
            assert seen.setdefault(tweet, thread["part"]) == thread["part"], tweet
