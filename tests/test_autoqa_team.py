"""AutoQA as a team uses it (review r10): the ± in the units of the value shown, a model kept
whatever --min-reviews says, another --seed measured again in place, "not reliable" saying
what to do, N/A-only criteria, scoring and sampling only what the rubric applies to."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from cxreview.autoqa.score import score
from cxreview.autoqa.train import train
from cxreview.cli import cli
from cxreview.store import autoqa as store
from cxreview.store import open_database
from tests.autoqa.simulated import build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The simulated reviewers' database, trained and scored; tests copy it before changing it."""
    folder = tmp_path_factory.mktemp("team")
    path = folder / "sim.db"
    with open_database(path) as db:
        build(db, folder)
        train(db, bootstrap=200)
        score(db)
    yield path


@pytest.fixture()
def sim(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "sim.db"
    shutil.copy(built, copy)
    return copy


def _run(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(path), *args], env={"COLUMNS": "250"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_the_uncertainty_is_in_the_units_of_the_value_shown(built: Path) -> None:
    """In-sample, about two in three reviewers' scores lie within ± of the value shown (the
    value is widened by the model's spread, and so is its uncertainty)."""
    with open_database(built) as db:
        for criterion in ("calm", "noise"):
            rows = db.query(
                "SELECT s.value, s.uncertainty, rs.score FROM autoqa_scores s "
                "JOIN autoqa_models m ON m.id = s.model_id AND m.active = 1 AND m.criterion = ? "
                "JOIN reviews r ON r.conversation_id = s.conversation_id "
                "JOIN review_scores rs ON rs.review_id = r.id AND rs.criterion = m.criterion",
                (criterion,),
            )
            value, sd, given = np.array([tuple(r) for r in rows], dtype=float).T
            error = np.abs(value - given)
            assert len(error) == 400
            assert 0.6 <= float(np.mean(error <= sd)) <= 0.8, criterion
            rms = float(np.sqrt(np.mean(error**2)))
            assert 0.85 * rms <= float(np.sqrt(np.mean(sd**2))) <= 1.25 * rms, criterion


def test_min_reviews_keeps_the_model_and_another_seed_measures_it_again(sim: Path) -> None:
    def trained(*args: str) -> dict[str, dict]:
        code, out = _run(sim, "autoqa", "train", "--format", "json", *args)
        assert code == 0, out
        return {m["criterion"]: m for m in json.loads(out)["models"]}

    before = trained()
    assert all(m["unchanged"] for m in before.values())
    ids = {c: m["model_id"] for c, m in before.items()}
    with open_database(sim) as db:
        scored = {m.id: store.count_scores(db, m.id) for m in store.active_models(db)}
        interval = {m.criterion: (m.alpha_low, m.alpha_high) for m in store.active_models(db)}
    assert set(scored.values()) == {300}
    # --min-reviews decides whether to train, not what the model is: same models, same scores.
    again = trained("--min-reviews", "50")
    assert {c: (m["model_id"], m["unchanged"]) for c, m in again.items()} == {c: (i, True) for c, i in ids.items()}
    # Another seed: the same models measured again in place (a new interval), scores kept.
    reseeded = trained("--seed", "3")
    assert {c: (m["model_id"], m["unchanged"]) for c, m in reseeded.items()} == {c: (i, True) for c, i in ids.items()}
    assert all(m["measured"] is not None for m in reseeded.values())
    with open_database(sim) as db:
        assert {m.id: store.count_scores(db, m.id) for m in store.active_models(db)} == scored
        assert {m.criterion: (m.alpha_low, m.alpha_high) for m in store.active_models(db)} != interval
        assert len(db.query("SELECT id FROM autoqa_models")) == 2  # no copies in the history
    code, out = _run(sim, "autoqa", "train", "--seed", "3")
    assert code == 0 and "(unchanged, measured with seed 3)" in out
