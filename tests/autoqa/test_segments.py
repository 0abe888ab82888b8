"""Agreement per channel and language: a dozen reviews of a new kind of conversation (e-mail,
where the model learnt from chats) lift the far check for it, while the model does not agree
with the reviewers there. Training measures that kind on its own; its figures are withheld
like a far conversation's (no figure, `a` leaves it, not in autoqa-low, calibration, insights
or reports), and the commands count them. A kind with too few reviews to measure is said so."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cxreview import reviews, suggestions
from cxreview.autoqa.score import score
from cxreview.autoqa.segments import SEGMENT_MIN, TOO_FEW, too_few, unmeasured, warnings, withheld
from cxreview.autoqa.train import train
from cxreview.calibration_autoqa import load_machine
from cxreview.cli import cli
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights_autoqa import agent_sentence, machine_left_out
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.score_import import import_scores
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import autoqa as store
from cxreview.store import open_database
from cxreview.store.autoqa_means import machine_means
from tests.autoqa.simulated import build
from tests.autoqa.test_far import email_thread


def _with_mails(folder: Path, reviewed: int, unreviewed: int) -> tuple[Path, Path]:
    """150 simulated chats and e-mails of which ``reviewed`` are scored on something the
    figures do not carry (alike letters, scores 1 and 5 in turn); trained, not yet scored."""
    path = folder / "seg.db"
    with open_database(path) as db:
        rubric = build(db, folder, conversations=150)
        mails = [f"MAIL-{i:02d}" for i in range(reviewed + unreviewed)]
        (folder / "mail.jsonl").write_text("".join(json.dumps(email_thread(c)) + "\n" for c in mails), "utf-8")
        import_files(db, [str(folder / "mail.jsonl")])
        analyze_conversations(db, mails, workers=1)
        with (folder / "mail.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["conversation_id", "reviewer", "criterion", "score"])
            for i, cid in enumerate(mails[:reviewed]):
                writer.writerow([cid, "reviewer0", "calm", 1 if i % 2 else 5])
                writer.writerow([cid, "reviewer0", "noise", 3])
        import_scores(db, str(folder / "mail.csv"), default_rubric=resolve_rubric(str(rubric)))
    return path, rubric


@pytest.fixture(scope="module")
def seg_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    yield _with_mails(tmp_path_factory.mktemp("seg"), reviewed=12, unreviewed=8)


def test_a_kind_the_model_does_not_agree_on_is_named(seg_db: tuple[Path, Path]) -> None:
    path, _ = seg_db
    with open_database(path) as db:
        (result,) = train(db, criteria=["calm"], bootstrap=200)
    assert result.reliable  # pooled over 162 conversations, the chats carry the verdict
    by = {(s["column"], s["value"]): s for s in result.segments}
    assert by[("channel", "email")]["conversations"] == 12 and by[("channel", "email")]["alpha"] < 0.667
    assert by[("language", "en")]["conversations"] >= SEGMENT_MIN and ("language", "nl") in by
    lines = warnings("sim v1 calm", result.segments)
    assert lines and lines[0].startswith("sim v1 calm on channel email (12 reviewed conversations): alpha ")
    assert "withheld (not shown, not used)" in lines[0]
    assert all("email" in line for line in lines)  # the chat channels and languages agree
    runner = CliRunner()
    status = runner.invoke(cli, ["--db", str(path), "autoqa", "status"], env={"COLUMNS": "200"})
    assert status.exit_code == 0, status.output
    assert lines[0] in " ".join(status.output.split())
    data = json.loads(runner.invoke(cli, ["--db", str(path), "autoqa", "status", "--format", "json"]).output)
    calm = next(m for m in data["models"] if m["criterion"] == "calm")
    assert {(s["column"], s["value"]) for s in calm["segments"]} == set(by)


def test_a_kind_not_reliable_is_withheld_everywhere(seg_db: tuple[Path, Path]) -> None:
    path, rubric_path = seg_db
    rubric = resolve_rubric(str(rubric_path))
    with open_database(path) as db:
        train(db, bootstrap=200)
        runs = {r.model.criterion: r for r in score(db)}
        # The 20 e-mails are not far (12 reviewed ones lifted the threshold) but withheld.
        assert runs["calm"].far == 0 and runs["calm"].withheld == {"channel email": 20}
        assert runs["noise"].withheld == {}  # not reliable as a whole: nothing of it is shown anyway
        found = store.suggestions_for(db, "MAIL-15", "sim", 1)
        calm = found["calm"]
        assert calm.reliable and not calm.far and calm.withheld == "channel email"
        assert suggestions.ghost(calm, rubric.criterion("calm")) == "AutoQA: not reliable here"
        review = reviews.start_review(db, "MAIL-15", "ana", rubric)
        plan = suggestions.plan_accept(reviews.get_review(db, review.id), suggestions.shown(found, False))
        assert "calm" not in plan.levels
        assert plan.unsure == ["Calm customer: AutoQA is not reliable on channel email, score yourself"]
        assert suggestions.shown(found, True) == {}  # blind calibration: nothing at all
        mails = {f"MAIL-{i:02d}" for i in range(20)}
        # Not ranked, calibrated against or averaged ...
        assert not mails & {c for c, _, _, _ in store.predicted_scores(db, "sim", 1)}
        assert mails <= {c for c, _, _, _ in store.predicted_scores(db, "sim", 1, far_too=True, reliable_only=False)}
        assert "contracts" not in {r["grp"] for r in machine_means(db.conn, "sim", 1, Filters(), "queue")}
        machine = load_machine(db, "sim", 1)
        assert machine.predictions and not mails & {c for c, _ in machine.predictions}
        # ... and insights and reports say how many were left out, and why.
        (left,) = machine_left_out(db, Filters())
        assert left["withheld"] == 20 and left["far"] == 0 and left["where"] == {"channel email": 20}
        assert left["sentence"] == "20 in a channel or language where AutoQA is not reliable (channel email)"
        sentence = agent_sentence(db, "Mail Desk", None)
        assert (
            sentence.startswith("No machine-estimated (AutoQA) figure for your conversations") and "20 in" in sentence
        )
        result = create_session(
            db,
            SampleRequest(name="low", size=10, strategy="autoqa-low", seed=3, random_share=0.0, include_reviewed=True),
            rubric,
        )
    assert not mails & {p.conversation_id for p in result.picks}
    assert any(n.startswith("20 of ") and "channel email, where AutoQA is not reliable" in n for n in result.notes)


def test_cli_counts_withheld_and_says_why(seg_db: tuple[Path, Path]) -> None:
    path, rubric_path = seg_db
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["--db", str(path), "autoqa", "score", "--format", "json"]).output)
    calm = next(m for m in data["models"] if m["criterion"] == "calm")
    assert calm["withheld"] == 20 and calm["withheld_where"] == {"channel email": 20} and calm["far"] == 0
    text = " ".join(runner.invoke(cli, ["--db", str(path), "autoqa", "score"], env={"COLUMNS": "120"}).output.split())
    assert "sim v1 calm: 20 conversations in channel email, where AutoQA is not reliable (Withheld)" in text
    status = runner.invoke(cli, ["--db", str(path), "autoqa", "status"], env={"COLUMNS": "200"})
    assert "(20 withheld)" in status.output
    insights = " ".join(runner.invoke(cli, ["--db", str(path), "insights"], env={"COLUMNS": "200"}).output.split())
    assert "left out: 20 in a channel or language where AutoQA is not reliable (channel email)" in insights
    only_mail = runner.invoke(
        cli,
        ["--db", str(path), "sample", "--strategy", "autoqa-low", "--size", "3", "--channel", "email",
         "--rubric", str(rubric_path), "--name", "mail-low", "--include-reviewed"],
    )  # fmt: skip
    assert only_mail.exit_code != 0 and "Traceback" not in only_mail.output
    line = " ".join(only_mail.output.split())
    assert "(20 in channel email, where it is not reliable; of 20)" in line


def test_a_kind_with_too_few_reviews_is_said_so(tmp_path: Path) -> None:
    path, _ = _with_mails(tmp_path, reviewed=4, unreviewed=0)
    with open_database(path) as db:
        (result,) = train(db, criteria=["calm"], bootstrap=100)
        email = next(s for s in result.segments if s["value"] == "email")
        assert email["status"] == TOO_FEW and email["alpha"] is None and email["conversations"] == 4
        (line,) = too_few([("sim v1 calm", result.segments)])
        assert line.startswith("channel email: only 4 reviewed conversations, too few to measure")
        (run,) = score(db)
    assert run.withheld == {}  # not withheld: not measured either, and said so
    assert sum(run.unmeasured.values()) == 4 - run.far and all(
        "channel email (4 reviewed)" in k for k in run.unmeasured
    )
    out = CliRunner().invoke(cli, ["--db", str(path), "autoqa", "train", "--criterion", "calm"], env={"COLUMNS": "200"})
    assert line in " ".join(out.output.split())


def test_withheld_and_unmeasured_rules() -> None:
    segments = [
        {"column": "channel", "value": "chat", "conversations": 80, "status": "measured", "alpha": 0.8},
        {"column": "channel", "value": "email", "conversations": 12, "status": "measured", "alpha": 0.2},
        {"column": "channel", "value": "sms", "conversations": 3, "status": "too few", "alpha": None},
        {"column": "language", "value": "en", "conversations": 95, "status": "only kind", "alpha": None},
    ]
    assert withheld(segments, "email", "en") == "channel email"
    assert withheld(segments, "chat", "en") is None and withheld(segments, "sms", None) is None
    assert unmeasured(segments, "sms", "en") == "channel sms (3 reviewed)"
    assert unmeasured(segments, "fax", "nl") == "channel fax (never reviewed) and language nl (never reviewed)"
    assert unmeasured(segments, "chat", "en") is None
    # Models trained before kinds were stored kept the measured ones only: they cannot tell.
    assert unmeasured([{k: v for k, v in segments[1].items() if k != "status"}], "fax", "nl") is None


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["autoqa", "train", "--seed", "-1"], "-1 is not in the range x>=0"),
        (["sample", "--strategy", "uncertain", "--size", "3", "--seed", str(2**70)], "is not in the range"),
        (["calibrate", "--rubric", "nope"], 'no submitted reviews of rubric "nope"; use --rubric sim'),
    ],
)
def test_user_errors_are_one_line(seg_db: tuple[Path, Path], args: list[str], says: str) -> None:
    path, rubric_path = seg_db
    if args[0] == "sample":
        args = [*args, "--rubric", str(rubric_path)]
    out = CliRunner().invoke(cli, ["--db", str(path), *args], env={"COLUMNS": "200"})
    assert out.exit_code != 0 and isinstance(out.exception, SystemExit) and "Traceback" not in out.output
    assert says in " ".join(out.output.split())
