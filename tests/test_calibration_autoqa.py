"""`cxreview calibrate` lists AutoQA as the machine reviewer "autoqa": alignment and leniency
on the reviewed conversations, reliable criteria only, outside the people's offsets."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from cxreview import reviews
from cxreview.cli import cli
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database
from tests.autoqa_helpers import predict
from tests.conftest import REPO

RUBRIC = resolve_rubric("default")


@pytest.fixture
def reviewed(db: Database) -> tuple[Database, dict[str, dict[str, float]]]:
    """40 conversations scored by ana (+1 lenient) and ben (-1); the truth per criterion."""
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    rng = random.Random(9)
    ids = [r[0] for r in db.query("SELECT id FROM conversations ORDER BY id LIMIT 40")]
    truth: dict[str, dict[str, float]] = {}
    for cid in ids:
        truth[cid] = {c: rng.randint(2, 4) for c in ("empathy", "clarity", "resolution")}
        for reviewer, bias in (("ana", 1), ("ben", -1)):
            review = reviews.start_review(db, cid, reviewer, RUBRIC)
            for criterion, value in truth[cid].items():
                reviews.set_score(db, review.id, criterion, int(max(1, min(5, value + bias))))
            reviews.submit(db, review.id)
    return db, truth


def _calibrate(db: Database) -> dict:
    out = CliRunner().invoke(cli, ["--db", str(db.path), "calibrate", "--format", "json"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return json.loads(out.output)["default@1"]


def test_autoqa_is_listed_apart_and_leaves_the_people_offsets_alone(
    reviewed: tuple[Database, dict[str, dict[str, float]]],
) -> None:
    db, truth = reviewed
    before = _calibrate(db)
    assert "autoqa" not in before  # no model: nothing shown
    # A machine half a point above the truth on empathy; clarity's model is not reliable.
    # ... scored on 30 of the 40 reviewed conversations: the other 10 are said to be left out.
    predict(db, "empathy", [(c, t["empathy"] + 0.5, 0.3, []) for c, t in list(truth.items())[:30]])
    predict(db, "clarity", [(c, 1.0, 0.3, []) for c in truth], reliable=False, reason="alpha 0.2")
    after = _calibrate(db)
    assert after["offsets"] == before["offsets"]  # never part of the fit that corrects people
    machine = after["autoqa"]
    assert machine["reviewer"] == "autoqa" and machine["machine"] and not machine["in_offsets"]
    (empathy,) = machine["criteria"]  # reliable criteria only
    assert empathy["criterion"] == "empathy" and empathy["conversations"] == 30 and empathy["left_out"] == 10
    # People's calibrated mean is the truth (offsets +1/-1 balance); the machine is +0.5.
    assert empathy["leniency"] == pytest.approx(0.5, abs=0.15)
    assert empathy["alignment"] == pytest.approx(100 * (1 - 0.5 / 4), abs=1)
    text = CliRunner().invoke(cli, ["--db", str(db.path), "calibrate"], catch_exceptions=False).output
    assert 'AutoQA as reviewer "autoqa" (machine-estimated' in text and "In-sample" in text
    assert "Left out" in text and "far from training" in text


def test_accepted_suggestions_do_not_count_as_agreeing_with_the_machine(
    reviewed: tuple[Database, dict[str, dict[str, float]]],
) -> None:
    db, truth = reviewed
    predict(db, "empathy", [(c, 5.0, 0.3, []) for c in truth])
    (before,) = _calibrate(db)["autoqa"]["criteria"]
    first = next(iter(truth))
    review = reviews.start_review(db, first, "cem", RUBRIC)
    reviews.accept_suggestions(db, review.id, {"empathy": 5})
    reviews.set_score(db, review.id, "clarity", 3)
    reviews.set_score(db, review.id, "resolution", 3)
    reviews.submit(db, review.id)
    (after,) = _calibrate(db)["autoqa"]["criteria"]
    # cem's accepted 5 is the machine's own value: not a person agreeing with it.
    for key in ("conversations", "alignment", "exact_agreement", "within_one"):
        assert after[key] == before[key]
