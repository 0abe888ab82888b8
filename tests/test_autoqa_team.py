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


def test_not_reliable_says_what_to_do_by_case_and_never_rounds_onto_the_threshold() -> None:
    from cxreview.autoqa.measure import Measured, figure, verdict

    def said(alpha: float, low: float, high: float, reviewers: float | None, conversations: int) -> str:
        reliable, reason = verdict(Measured(conversations * 3, conversations, alpha, low, high, 0.4, 0.9, reviewers, 9))
        assert not reliable
        return reason

    # The reviewers do not agree either (CCPE): calibrate first, not "more reviews".
    assert said(0.17, 0.11, 0.24, 0.21, 500).endswith(
        "; your reviewers do not agree on this criterion either: calibrate the rubric first (cxreview calibrate)"
    )
    assert said(0.17, 0.11, 0.24, 0.81, 500).endswith(
        "; AutoQA cannot read what reviewers judge here: keep scoring it yourself"
    )
    assert said(-0.68, -0.81, -0.51, 0.7, 6).endswith("; only 6 conversations: more reviews needed")
    assert said(0.6, 0.5, 0.7, 0.8, 200).endswith("; more reviews needed")  # the interval reaches 0.667
    # ... but not when the reviewers disagree among themselves (r11 finding 6): calibrate first.
    assert said(0.56, 0.42, 0.675, 0.33, 200).endswith("calibrate the rubric first (cxreview calibrate)")
    # Near the threshold three decimals, on the right side of it; never a negative zero.
    near = said(0.66631, 0.4958, 0.79, 0.54, 60)
    assert near.startswith("not reliable: alpha 0.666 [0.50, 0.79] is below 0.667")
    assert said(-0.0004, -0.04, -0.0001, 0.9, 300).startswith("not reliable: alpha 0.00 [-0.04, 0.00] is below")
    assert [figure(v, 0.667) for v in (0.6669, 0.667, 0.6745, 0.5)] == ["0.666", "0.667", "0.675", "0.50"]


def test_the_sample_hint_follows_the_verdicts_advice(sim: Path) -> None:
    """autoqa-low without a reliable model: the fix follows the case, not always "more reviews"."""
    rubric = str(Path(sim).parent / "sim.yaml")
    from tests.autoqa.simulated import RUBRIC_YAML

    Path(rubric).write_text(RUBRIC_YAML, encoding="utf-8")
    code, out = _run(
        sim, "sample", "--strategy", "autoqa-low", "--rubric", rubric, "--criterion", "noise", "--size", "5"
    )
    # The simulated reviewers roll a die for noise: they do not agree among themselves either.
    assert code == 1 and "calibrate the rubric first (cxreview calibrate)" in out, out
    assert "--strategy uncertain" not in out and len(out.strip().splitlines()) == 1


def test_a_criterion_scored_only_na_gets_a_skipped_row_and_a_counted_error(sim: Path) -> None:
    with open_database(sim) as db, db.transaction() as conn:
        conn.execute("UPDATE review_scores SET na = 1, score = NULL WHERE criterion = 'noise'")
    code, out = _run(sim, "autoqa", "train", "--format", "json")
    assert code == 0, out
    rows = {m["criterion"]: m for m in json.loads(out)["models"]}
    assert rows["noise"]["trained"] is False
    assert rows["noise"]["reason"] == "sim v1 noise: all 400 scores are N/A; at least 30 scored levels are needed"
    code, out = _run(sim, "autoqa", "train", "--criterion", "noise")
    assert code == 1 and len(out.strip().splitlines()) == 1
    assert 'criterion "noise": all 400 scores are N/A; at least 30 scored levels are needed' in out


def _agent_rubric(path: Path) -> None:
    """Make the stored sim rubric judge agents only (applies_to: agent), as `default` does."""
    with open_database(path) as db, db.transaction() as conn:
        conn.execute("UPDATE rubrics SET definition = json_set(definition, '$.applies_to', 'agent') WHERE id = 'sim'")


def test_score_covers_only_conversations_the_rubric_applies_to(sim: Path) -> None:
    _agent_rubric(sim)
    with open_database(sim) as db:
        bot_only = {r[0] for r in db.query("SELECT conversation_id FROM conversation_phases WHERE kind = 'bot'")}
        assert 20 < len(bot_only) < 200
        results = score(db)  # the older scores of bot-only conversations go too
        assert {(r.covered, r.in_scope, r.left_out) for r in results} == {
            (300 - len(bot_only), 300 - len(bot_only), len(bot_only))
        }
        scored = {r[0] for r in db.query("SELECT DISTINCT conversation_id FROM autoqa_scores")}
        assert len(scored) == 300 - len(bot_only) and not scored & bot_only
    code, out = _run(sim, "autoqa", "status", "--format", "json")
    assert code == 0 and {(m["scored"], m["in_scope"]) for m in json.loads(out)["models"]} == {
        (300 - len(bot_only),) * 2
    }
    code, out = _run(sim, "autoqa", "score")
    assert code == 0 and f"{len(bot_only)} conversations left out of sim v1: its rubric does not apply" in out


def test_sampling_says_when_scores_cover_only_part_of_the_candidates(sim: Path) -> None:
    rubric = Path(sim).parent / "sim.yaml"
    from tests.autoqa.simulated import RUBRIC_YAML

    rubric.write_text(RUBRIC_YAML, encoding="utf-8")
    with open_database(sim) as db, db.transaction() as conn:
        conn.execute("DELETE FROM autoqa_scores WHERE conversation_id > 'EN-00100'")  # as after a partial score run
        remaining = conn.execute("SELECT count(DISTINCT conversation_id) FROM autoqa_scores").fetchone()[0]
    code, out = _run(
        sim, "sample", "--strategy", "autoqa-low", "--rubric", str(rubric), "--size", "5", "--include-reviewed",
        "--name", "low", "--seed", "1",
    )  # fmt: skip
    assert code == 0, out
    assert f"AutoQA scores cover {remaining} of 300 candidates" in out and "cxreview autoqa score" in out
    code, out = _run(sim, "autoqa", "status")
    assert code == 0 and f"{remaining} of 300" in out


def test_uncertain_names_the_criterion_that_drove_the_pick(sim: Path) -> None:
    """The noise model's spread is the same everywhere: it must not be named on every pick,
    and a criterion with a varying spread decides (and is named)."""
    rubric = Path(sim).parent / "sim.yaml"
    from tests.autoqa.simulated import RUBRIC_YAML

    rubric.write_text(RUBRIC_YAML, encoding="utf-8")
    with open_database(sim) as db, db.transaction() as conn:
        conn.execute(
            "UPDATE autoqa_scores SET uncertainty = 1.4 WHERE model_id IN "
            "(SELECT id FROM autoqa_models WHERE criterion = 'noise')"
        )
        conn.execute(
            "UPDATE autoqa_scores SET uncertainty = 0.9 WHERE conversation_id = 'EN-00007' AND model_id IN "
            "(SELECT id FROM autoqa_models WHERE criterion = 'calm')"
        )
    code, out = _run(
        sim, "sample", "--strategy", "uncertain", "--rubric", str(rubric), "--size", "4", "--include-reviewed",
        "--random-share", "0", "--name", "unsure", "--seed", "1", "--format", "json",
    )  # fmt: skip
    assert code == 0, out
    code, out = _run(sim, "sessions", "show", "unsure", "--format", "json")
    reasons = {i["conversation_id"]: i["reason"] for i in json.loads(out)["items"]}
    assert reasons["EN-00007"].startswith("AutoQA least sure: Calm customer ±0.90 (usually ±0.4")
    assert all("Noise" not in r for r in reasons.values())


def test_a_new_rubric_version_says_autoqa_starts_afresh(sim: Path) -> None:
    from tests.autoqa.simulated import RUBRIC_YAML

    rubric = Path(sim).parent / "sim2.yaml"
    rubric.write_text(RUBRIC_YAML.replace("version: 1", "version: 2"), encoding="utf-8")
    code, out = _run(sim, "sample", "--strategy", "autoqa-low", "--rubric", str(rubric), "--size", "3")
    assert code == 1 and len(out.strip().splitlines()) == 1
    assert "models are per rubric version (there are some for version 1)" in out and "30 scores" in out
