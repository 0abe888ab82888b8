"""AutoQA on simulated reviewers with known behaviour: it learns a criterion that follows the
signals (reliable) and says "not reliable" for one that is noise; scoring covers every
conversation and is incremental; the CLI explains bad input in one line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from cxreview.autoqa.features import conversation_features, shown
from cxreview.autoqa.model import LinearModel, feature_names, fit, matrix
from cxreview.autoqa.score import score
from cxreview.autoqa.train import train
from cxreview.cli import cli
from cxreview.errors import InputError, NotFoundError
from cxreview.store import Database, open_database
from cxreview.store import autoqa as store
from tests.autoqa.simulated import build


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list]]:
    folder = tmp_path_factory.mktemp("autoqa")
    path = folder / "sim.db"
    with open_database(path) as db:
        build(db, folder)
        results = train(db, bootstrap=300)
    yield path, results


def test_learns_the_signal_and_refuses_the_noise(trained: tuple[Path, list]) -> None:
    _, results = trained
    by = {r.criterion: r for r in results}
    calm, noise = by["calm"], by["noise"]
    assert calm.reliable and calm.measured.alpha > 0.75 and calm.measured.alpha_low >= 0.667
    assert calm.measured.within_one > 0.9
    assert calm.reason.startswith("alpha ") and "vs reviewers" in calm.reason
    assert not noise.reliable and noise.measured.alpha < 0.3
    assert noise.reason.startswith("not reliable: alpha") and "below 0.667" in noise.reason
    # The reviewers' own agreement on the conversations two of them scored.
    assert calm.measured.shared_conversations > 50 and calm.measured.reviewers_alpha > 0.6
    assert noise.measured.reviewers_alpha < 0.3


def test_scores_every_conversation_with_reasons_and_only_what_changed(trained: tuple[Path, list]) -> None:
    path, _ = trained
    with open_database(path) as db:
        first = score(db)
        assert {r.model.criterion: (r.scored, r.covered, r.in_scope) for r in first} == {
            "calm": (300, 300, 300),
            "noise": (300, 300, 300),
        }
        assert [r.scored for r in score(db)] == [0, 0]
        rows = store.predicted_scores(db, "sim", 1)
        assert {c for _, c, _, _ in rows} == {"calm"}  # the noise model is never used downstream
        assert all(1 <= v <= 5 and u > 0 for _, _, v, u in rows)
        # The value is the unclipped one clipped to the scale; some lie past an end.
        kept = db.query("SELECT value, unclipped FROM autoqa_scores")
        assert all(abs(r[0] - min(5.0, max(1.0, r[1]))) < 1e-6 for r in kept)
        assert any(r[1] < 1 or r[1] > 5 for r in kept)
        # Calm follows the customer's frustration: the calmest conversations score higher.
        inputs = store.conversation_inputs(db, [cid for cid, _, _, _ in rows])
        frustration = np.array([inputs[cid]["peak_frustration"] for cid, _, _, _ in rows])
        values = np.array([v for _, _, v, _ in rows])
        assert np.corrcoef(frustration, values)[0, 1] < -0.8
        angry = rows[int(np.argmax(frustration))][0]
        suggestion = store.suggestions_for(db, angry, "sim", 1)["calm"]
        assert suggestion.reliable and suggestion.value < 2.5 and suggestion.reasons
        assert any("frustration" in reason for reason in suggestion.reasons)
        assert not store.suggestions_for(db, angry, "sim", 1)["noise"].reliable
        # A new signals run that leaves the figures as they were keeps the score (only its
        # stamps move, so the run after that does not look at it again) ...
        before = store.suggestions_for(db, angry, "sim", 1)["calm"]
        with db.transaction() as conn:
            conn.execute(
                "UPDATE conversation_signals SET analyzed_at = '2030-01-01T00:00:00Z' WHERE conversation_id = ?",
                (angry,),
            )
        again = score(db)
        assert [(r.scored, r.unchanged) for r in again] == [(0, 1), (0, 1)]
        assert store.suggestions_for(db, angry, "sim", 1)["calm"] == before
        assert [(r.scored, r.unchanged) for r in score(db)] == [(0, 0), (0, 0)]
        # ... one that changes a figure the model reads scores that conversation again.
        with db.transaction() as conn:
            conn.execute(
                "UPDATE conversation_signals SET analyzed_at = '2030-01-02T00:00:00Z', peak_frustration = 0.1 "
                "WHERE conversation_id = ?",
                (angry,),
            )
        assert [(r.scored, r.unchanged) for r in score(db)] == [(1, 0), (1, 0)]
        assert store.suggestions_for(db, angry, "sim", 1)["calm"].value > before.value
        # --all scores everything, whatever the fingerprints say.
        assert [(r.scored, r.unchanged) for r in score(db, everything=True)] == [(300, 0), (300, 0)]
        # The reviewed conversation's figure back as it was: training keeps the models (the
        # figures are part of what makes a model the same, see the test after this one).
        with db.transaction() as conn:
            conn.execute(
                "UPDATE conversation_signals SET peak_frustration = ? WHERE conversation_id = ?",
                (inputs[angry]["peak_frustration"], angry),
            )


def test_analyze_again_does_not_score_everything_again(tmp_path: Path) -> None:
    """`cxreview analyze` on everything stamps every conversation anew; only those whose
    figures it changed are scored again (here: the one whose text was edited)."""
    from cxreview.ingest.importer import import_files
    from cxreview.signals.analyze import analyze_conversations
    from cxreview.store.signals import all_conversation_ids

    with open_database(tmp_path / "again.db") as db:
        build(db, tmp_path, conversations=60)
        train(db, criteria=["calm"], bootstrap=50)
        with db.transaction() as conn:  # analysed long ago: the new run stamps every one anew
            conn.execute("UPDATE conversation_signals SET analyzed_at = '2020-01-01T00:00:00Z'")
        assert [(r.scored, r.unchanged) for r in score(db)] == [(60, 0)]
        first = json.loads((tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[0])
        customer = next(m for m in first["messages"] if m["role"] == "customer")
        customer["text"] = "This is ridiculous!! I have asked three times already and nobody helps!!"
        (tmp_path / "edit.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")
        assert import_files(db, [str(tmp_path / "edit.jsonl")]).updated == 1
        analyze_conversations(db, all_conversation_ids(db.conn), workers=1)
        assert [(r.scored, r.unchanged, r.covered) for r in score(db)] == [(1, 59, 60)]


def test_the_same_reviews_keep_the_same_models(trained: tuple[Path, list]) -> None:
    path, results = trained
    with open_database(path) as db:
        again = train(db, bootstrap=300)
    assert all(r.unchanged for r in again)
    assert [r.model_id for r in again] == [r.model_id for r in results]


def test_model_parameters_are_plain_json_and_predict_the_same() -> None:
    rng = np.random.default_rng(3)
    names = feature_names(["resolved"])
    raw = rng.normal(size=(60, len(names)))
    raw[:, names.index("peak_frustration")] = rng.uniform(0, 1, 60)
    y = np.clip(np.rint(5 - 4 * raw[:, names.index("peak_frustration")]), 1, 5)
    model = fit(raw, y, names, 1, 5, ["resolved"])
    again = LinearModel.from_params(json.loads(json.dumps(model.to_params(), allow_nan=False)))
    assert np.allclose(model.predict(raw)[0], again.predict(raw)[0])
    assert np.allclose(model.predict(raw)[1], again.predict(raw)[1])


def test_features_read_english_and_dutch_and_response_times() -> None:
    messages = [
        (1, "customer", "Mijn pakket is kwijt!", "2026-03-01T10:00:00Z"),
        (
            2,
            "agent",
            "Vervelend voor u, excuses. Ik ga het direct voor u uitzoeken. Welk ordernummer?",
            "2026-03-01T10:02:00Z",
        ),
        (3, "customer", "12345", "2026-03-01T10:03:00Z"),
        (4, "agent", "I understand. Let me check, sorry for the wait.", "2026-03-01T10:03:30Z"),
        (5, "note", "internal: check the courier", None),
        (6, "customer", "Top, bedankt!", "2026-03-01T10:05:00Z"),
    ]
    f = conversation_features({"analyzed_at": None, "csat": 4.0}, messages)
    assert f["agent_turns"] == 2 and f["agent_apology"] == 1.0 and f["agent_ownership"] == 1.0
    assert f["agent_acknowledgement"] == 1.0 and f["agent_questions"] == 0.5
    assert f["agent_response_seconds"] == 75.0 and f["agent_slowest_seconds"] == 120.0
    assert f["customer_thanks_at_end"] == 1.0 and f["customer_has_last_word"] == 1.0
    assert f["bot_present"] == 0.0 and np.isnan(f["bot_apology"]) and np.isnan(f["peak_frustration"])
    assert f["csat"] == 4.0 and f["analysed"] == 0.0
    assert shown("agent_apology", 0.4) == "40%" and shown("wait_seconds", 600) == "10 min"
    assert matrix([f], ["resolved"], feature_names(["resolved"]))[0, -1] == 1.0


def test_turn_features_sentiment_trouble_and_acceptance() -> None:
    messages = [
        (1, "bot", "Hoi! Waarmee kan ik helpen?", None),
        (2, "customer", "Nee, dat klopt niet. Mijn bestelling is verkeerd.", None),
        (3, "bot", "Sorry, dat begrijp ik niet.", None),
        (4, "customer", "The order is wrong", None),
        (5, "bot", "Sorry, dat begrijp ik niet.", None),
        (6, "customer", "Great, thanks!", None),
    ]
    per_message = json.dumps([[0.4, None, None], [-0.5, 0.6, {}], [-0.1, None, None], [-0.4, 0.5, {}], None,
                              [0.8, 0.0, None]])  # fmt: skip
    f = conversation_features({"analyzed_at": "2026-03-01", "per_message": per_message}, messages)
    assert f["customer_sentiment_min"] == -0.5 and f["customer_sentiment_max"] == 0.8
    assert f["customer_sentiment_mean"] == pytest.approx(-0.1 / 3)
    assert f["customer_negative"] == pytest.approx(2 / 3) and f["customer_positive_turns"] == 1.0
    # message 5 has no stored values (None): the replies' figures come from messages 1 and 3
    assert f["reply_sentiment_mean"] == pytest.approx(0.15) and f["reply_sentiment_min"] == -0.1
    assert f["replies_not_understood"] == pytest.approx(2 / 3) and f["repeated_replies"] == 1.0
    assert f["customer_says_no"] == pytest.approx(2 / 3)
    assert f["customer_accepts"] == pytest.approx(1 / 3) and f["customer_accepts_at_end"] == 1.0
    # a word that merely starts like a cue is not one
    shop = conversation_features({}, [(1, "customer", "Ik sta in de supermarkt, ik ben cooling down", None)])
    assert shop["customer_accepts"] == 0.0
    # not analysed: the sentiment figures are unknown (count as the training mean), the words still count
    g = conversation_features({"analyzed_at": None}, messages)
    assert np.isnan(g["customer_sentiment_mean"]) and g["repeated_replies"] == 1.0


def _run(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(path), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_cli_train_score_status(trained: tuple[Path, list]) -> None:
    path, _ = trained
    code, out = _run(path, "autoqa", "status", "--format", "json")
    assert code == 0, out
    models = {m["criterion"]: m for m in json.loads(out)["models"]}
    assert models["calm"]["reliable"] is True and models["noise"]["reliable"] is False
    code, out = _run(path, "autoqa", "score", "--format", "json")
    assert code == 0 and all(m["covered"] == m["in_scope"] == 300 for m in json.loads(out)["models"])
    code, out = _run(path, "autoqa", "train", "--criterion", "calm", "--seed", "1")
    assert code == 0 and "calm" in out and "reliable" in out and "noise" not in out
    code, out = _run(path, "autoqa", "status")
    assert code == 0 and "not reliable: alpha" in out


def test_cli_bad_input_is_one_line(trained: tuple[Path, list], tmp_path: Path) -> None:
    path, _ = trained
    cases = {
        ("--rubric", "default"): 'rubric "default" has no reviews in this database',
        ("--criterion", "calmm"): 'did you mean "calm"?',
        ("--min-reviews", "5000"): "has 400 scores, at least 5000 are needed",
    }
    for args, expected in cases.items():
        code, out = _run(path, "autoqa", "train", *args)
        assert code != 0 and expected in out and len(out.strip().splitlines()) == 1, out
    empty = tmp_path / "empty.db"
    open_database(empty).close()
    code, out = _run(empty, "autoqa", "train")
    assert code != 0 and "no submitted reviews" in out and "at least 30" in out
    code, out = _run(empty, "autoqa", "score")
    assert code != 0 and "autoqa train" in out


def test_a_criterion_never_scored(trained: tuple[Path, list], tmp_path: Path) -> None:
    path, _ = trained
    with open_database(path) as db:
        _never_scored(db)
        with pytest.raises(
            InputError, match='criterion "noise": all 400 scores are N/A; at least 30 scored levels are needed'
        ):
            train(db, criteria=["noise"])
        with pytest.raises(NotFoundError):
            score(db, rubric_id="nothing")


def _never_scored(db: Database) -> None:
    """Turn the noise scores into N/A (what a reviewer does when a criterion does not apply)."""
    with db.transaction() as conn:
        conn.execute("UPDATE review_scores SET na = 1, score = NULL WHERE criterion = 'noise'")


def test_worker_processes_score_the_same(trained: tuple[Path, list], monkeypatch: pytest.MonkeyPatch) -> None:
    """Large runs score in two worker processes: same values as scoring here."""
    from cxreview.autoqa import score as scoring

    path, _ = trained
    with open_database(path) as db:
        score(db, everything=True)
        here = store.predicted_scores(db, "sim", 1, reliable_only=False)
        monkeypatch.setattr(scoring, "PARALLEL_MIN", 0)
        monkeypatch.setattr(scoring, "BATCH", 40)
        assert [r.scored for r in score(db, everything=True)] == [300, 300]
        assert store.predicted_scores(db, "sim", 1, reliable_only=False) == here


def test_status_fits_80_columns_when_piped(trained: tuple[Path, list]) -> None:
    path, _ = trained
    result = CliRunner().invoke(cli, ["--db", str(path), "autoqa", "status"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    table = result.output.split("\nsim noise:")[0]  # the closing note is one sentence per line
    assert all(len(line) <= 80 for line in table.splitlines()), table
    assert "…" not in result.output and "Alpha [95%]" in result.output


def test_changed_figures_of_reviewed_conversations_make_a_new_model(tmp_path: Path) -> None:
    """`cxreview analyze` with another config changes the signals of reviewed conversations:
    the same reviews then teach another model, not the kept one fitted on the old figures."""
    from cxreview.signals.analyze import analyze_conversations
    from cxreview.signals.config import load_config
    from cxreview.store.signals import all_conversation_ids

    with open_database(tmp_path / "figures.db") as db:
        build(db, tmp_path, conversations=60)
        (first,) = train(db, criteria=["calm"], bootstrap=50)
        (same,) = train(db, criteria=["calm"], bootstrap=50)
        assert same.unchanged and same.model_id == first.model_id
        config = load_config()
        config["spike"]["absolute"] = 0.2  # many more spikes: the figures of reviewed conversations change
        analyze_conversations(db, all_conversation_ids(db.conn), config=config, workers=1)
        (after,) = train(db, criteria=["calm"], bootstrap=50)
    assert not after.unchanged and after.model_id != first.model_id
