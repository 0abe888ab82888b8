"""The labels of real support tweets (benchmarks/eval/{twcs20,twcs21,eric22}/threads.jsonl, read
by benchmarks/twcs.py): tweet ids and two labellers' 0/1 labels per customer tweet, and never a
tweet's text (the corpus' licence keeps its texts out of this repository)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
SETS = sorted(path.parent.name for path in EVAL.glob("*/threads.jsonl"))


def _threads(name: str = "twcs20") -> list[dict]:
    with open(EVAL / name / "threads.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_the_sets_are_there() -> None:
    assert {"twcs20", "eric22"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_every_thread_has_both_labellers_on_the_same_tweets(name: str) -> None:
    threads = _threads(name)
    assert {t["part"] for t in threads} <= {"dev", "held"} and threads
    assert len({t["id"] for t in threads}) == len(threads)
    for thread in threads:
        assert set(thread) == {"id", "part", "tweets", "labels"}  # ids and labels only, no text
        assert all(tweet.isdigit() for tweet in thread["tweets"])
        a, b = thread["labels"]["A"], thread["labels"]["B"]
        assert [row[0] for row in a] == [row[0] for row in b], thread["id"]
        indexes = [row[0] for row in a]
        assert indexes == sorted(set(indexes)) and indexes[-1] < len(thread["tweets"]), thread["id"]
        assert all(value in (0, 1) for row in a + b for value in row[1:]), thread["id"]


def test_no_tweet_is_in_two_parts_or_sets() -> None:
    seen: dict[str, str] = {}
    for name in SETS:
        for thread in _threads(name):
            for tweet in thread["tweets"]:
                where = f"{name} {thread['part']}"
                assert seen.setdefault(tweet, where) == where, tweet
