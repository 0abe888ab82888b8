"""Agreement per channel and language: a dozen reviews of a new kind of conversation (e-mail,
where the model learnt from chats) lift the far check for it, while the model does not agree
with the reviewers there. Training measures that kind on its own, and train and status warn."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from cxreview.autoqa.segments import SEGMENT_MIN, warnings
from cxreview.autoqa.train import train
from cxreview.cli import cli
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.score_import import import_scores
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import open_database
from tests.autoqa.simulated import build
from tests.autoqa.test_far import email_thread


def test_a_kind_the_model_does_not_agree_on_is_named(tmp_path: Path) -> None:
    path = tmp_path / "seg.db"
    with open_database(path) as db:
        rubric = build(db, tmp_path, conversations=150)
        mails = [f"MAIL-{i}" for i in range(12)]
        (tmp_path / "mail.jsonl").write_text("".join(json.dumps(email_thread(c)) + "\n" for c in mails), "utf-8")
        import_files(db, [str(tmp_path / "mail.jsonl")])
        analyze_conversations(db, mails, workers=1)
        # The reviewers judge the e-mails on something the figures do not carry (alike letters).
        with (tmp_path / "mail.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["conversation_id", "reviewer", "criterion", "score"])
            for i, cid in enumerate(mails):
                writer.writerow([cid, "reviewer0", "calm", 1 if i % 2 else 5])
                writer.writerow([cid, "reviewer0", "noise", 3])
        import_scores(db, str(tmp_path / "mail.csv"), default_rubric=resolve_rubric(str(rubric)))
        (result,) = train(db, criteria=["calm"], bootstrap=200)
    assert result.reliable  # pooled over 162 conversations, the chats carry the verdict
    by = {(s["column"], s["value"]): s for s in result.segments}
    assert by[("channel", "email")]["conversations"] == 12 and by[("channel", "email")]["alpha"] < 0.667
    assert by[("language", "en")]["conversations"] >= SEGMENT_MIN and ("language", "nl") in by
    lines = warnings("sim v1 calm", result.segments)
    assert lines and lines[0].startswith("sim v1 calm on channel email (12 reviewed conversations): alpha ")
    assert all("email" in line for line in lines)  # the chat channels and languages agree
    runner = CliRunner()
    status = runner.invoke(cli, ["--db", str(path), "autoqa", "status"], env={"COLUMNS": "200"})
    assert status.exit_code == 0, status.output
    assert lines[0] in " ".join(status.output.split())
    data = json.loads(runner.invoke(cli, ["--db", str(path), "autoqa", "status", "--format", "json"]).output)
    assert {(s["column"], s["value"]) for s in data["models"][0]["segments"]} == set(by)
