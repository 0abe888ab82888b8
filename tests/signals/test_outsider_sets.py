"""The outsider sets the frustration model is trained on (benchmarks/eval/outsider): each
imports through cxreview's own importer, every customer message carries exactly one label of
each flag, and the shipped model was trained on all of their labels."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cxreview.signals.frustration import MODEL_PATH

OUTSIDER = Path(__file__).resolve().parents[2] / "benchmarks" / "eval" / "outsider"
SETS = sorted(p.name for p in OUTSIDER.iterdir() if p.is_dir()) if OUTSIDER.is_dir() else []
FLAGS = ("frustrated", "human_request", "customer_repeat")


def _lines(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_there_are_sets() -> None:
    assert len(SETS) >= 4


@pytest.mark.parametrize("name", SETS)
def test_every_customer_message_is_labelled_once(name: str) -> None:
    conversations = {c["id"]: c for c in _lines(OUTSIDER / name / "conversations.jsonl")}
    labels = _lines(OUTSIDER / name / "labels.jsonl")
    assert {label["id"] for label in labels} == set(conversations)
    for label in labels:
        turns = conversations[label["id"]]["messages"]
        indexes = [m["index"] for m in label["messages"]]
        assert sorted(indexes) == [i for i, m in enumerate(turns) if m["role"] == "customer"], label["id"]
        assert label["category"] in ("support", "loop", "near_miss", "other")
        assert label["bot_loop"] in (0, 1)
        assert all(m[flag] in (0, 1) for m in label["messages"] for flag in FLAGS)


@pytest.mark.sqlite_only  # a check of the files: one engine is enough
@pytest.mark.parametrize("name", SETS)
def test_a_set_imports_with_every_message(name: str, run_cli: Any, db_path: Path) -> None:
    conversations = _lines(OUTSIDER / name / "conversations.jsonl")
    result = run_cli("-q", "import", str(OUTSIDER / name / "conversations.jsonl"))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db_path) as conn:
        (stored,) = conn.execute("SELECT COUNT(*) FROM messages").fetchone()
        (scored,) = conn.execute("SELECT COUNT(*) FROM message_signals WHERE frustration IS NOT NULL").fetchone()
    assert stored == sum(len(c["messages"]) for c in conversations)
    customers = sum(1 for c in conversations for m in c["messages"] if m["role"] == "customer")
    assert scored == customers


def test_the_shipped_model_was_trained_on_every_outsider_label() -> None:
    # Editing or adding a set without retraining (benchmarks/train_frustration.py) fails here.
    labelled = sum(len(label["messages"]) for name in SETS for label in _lines(OUTSIDER / name / "labels.jsonl"))
    trained_on = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["trained_on"]
    assert f"outsider ({labelled} turns)" in trained_on
