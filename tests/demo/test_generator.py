"""The demo corpus: deterministic, committed, and full of what cxreview exists to find."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from cxreview.demo.build import build_demo
from cxreview.demo.generator import generate
from tests.conftest import REPO


def test_generator_is_deterministic_and_seed_dependent() -> None:
    assert list(generate(40, seed=1)) == list(generate(40, seed=1))
    assert list(generate(40, seed=1)) != list(generate(40, seed=2))


def test_committed_demo_file_is_the_generators_output() -> None:
    committed = (REPO / "samples" / "demo.jsonl").read_text(encoding="utf-8").splitlines()
    regenerated = [json.dumps(c, ensure_ascii=False) for c in generate(len(committed))]
    assert committed == regenerated


def test_corpus_covers_the_situations_reviewers_look_for() -> None:
    corpus = list(generate(300))
    scenarios = Counter(c["tags"][0] for c in corpus)
    for needed in ("calm_to_angry", "bot_loop", "ignored_human", "cold_correct", "warm_resolution"):
        assert scenarios[needed] >= 10, needed
    assert Counter(c["language"] for c in corpus).keys() == {"en", "nl"}
    assert len({c["agent"] for c in corpus if c["agent"]}) >= 10
    assert {c["queue"] for c in corpus} == {"billing", "delivery", "technical support", "cancellations"}
    assert sum("repeat_contact" in c["tags"] for c in corpus) >= 10
    texts = [m["text"] for c in corpus for m in c["messages"]]
    assert any(re.search(r"[\w.]+@[\w.]+", t) for t in texts)
    assert any(re.search(r"\bNL\d\d[A-Z]{4}\d{10}\b", t) for t in texts)
    assert any(re.search(r"06-\d{8}|\+44 7\d{3}", t) for t in texts)
    # Texts vary: customer messages are far from one template with names swapped.
    customer_texts = {t for c in corpus for m in c["messages"] if m["role"] == "customer" for t in [m["text"]]}
    assert len(customer_texts) > 150
    # A bot asking the same question again and again exists.
    looping = [c for c in corpus if c["tags"][0] == "bot_loop"]
    assert all(sum(m["role"] == "bot" and "order" in m["text"].lower() for m in c["messages"]) >= 3 for c in looping)


def test_build_demo_creates_and_then_reuses_the_database(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    db, summary = build_demo(path)
    with db:
        assert summary is not None and summary.new == 300
    db, summary = build_demo(path)
    with db:
        assert summary is None
        assert db.scalar("SELECT count(*) FROM conversations") == 300
