"""Simulated reviewers with known behaviour, on the demo corpus with its signals.

Criterion ``calm`` follows the customer's peak frustration (each reviewer adds a little
noise of their own); criterion ``noise`` is a fair die: nothing in a conversation predicts it.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from cxreview.ingest.importer import import_files
from cxreview.score_import import import_scores
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from cxreview.store.autoqa import conversation_inputs
from cxreview.store.signals import all_conversation_ids
from tests.conftest import REPO

RUBRIC_YAML = """\
id: sim
name: Simulated
version: 1
description: Two criteria with known behaviour.
language: en
applies_to: any
pass_threshold: 50
criteria:
  - id: calm
    label: Calm customer
    question: Did the customer stay calm?
    scale: {min: 1, max: 5}
    anchors: {1: furious, 2: angry, 3: annoyed, 4: fine, 5: calm}
  - id: noise
    label: Noise
    question: A fair die.
    scale: {min: 1, max: 5}
    anchors: {1: one, 2: two, 3: three, 4: four, 5: five}
"""


def build(db: Database, tmp_path: Path, conversations: int = 300, reviewers: int = 3, seed: int = 1) -> Path:
    """Import and analyse the demo corpus, then import the simulated reviewers' scores.
    Every conversation gets one reviewer, a third of them a second. Returns the rubric file."""
    corpus = tmp_path / "corpus.jsonl"
    lines = (REPO / "samples" / "demo.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    corpus.write_text("".join(lines[:conversations]), encoding="utf-8")
    import_files(db, [str(corpus)])
    analyze_conversations(db, all_conversation_ids(db.conn), workers=1)
    rubric = tmp_path / "sim.yaml"
    rubric.write_text(RUBRIC_YAML, encoding="utf-8")
    rng = random.Random(seed)
    inputs = conversation_inputs(db, all_conversation_ids(db.conn))
    names = [f"reviewer{i}" for i in range(reviewers)]
    scores = tmp_path / "scores.csv"
    with scores.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["conversation_id", "reviewer", "criterion", "score"])
        for number, (cid, row) in enumerate(sorted(inputs.items())):
            frustration = row["peak_frustration"] or 0.0
            chosen = [names[number % reviewers], names[(number + 1) % reviewers]][: 2 if number % 3 == 0 else 1]
            for reviewer in chosen:
                calm = round(5 - 4 * frustration + rng.gauss(0, 0.35))
                writer.writerow([cid, reviewer, "calm", min(5, max(1, calm))])
                writer.writerow([cid, reviewer, "noise", rng.randint(1, 5)])
    import_scores(db, str(scores), default_rubric=_rubric(rubric))
    return rubric


def _rubric(path: Path):  # type: ignore[no-untyped-def]
    from cxreview.rubrics import resolve_rubric

    return resolve_rubric(str(path))
