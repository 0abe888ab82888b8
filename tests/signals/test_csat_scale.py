"""The csat scale is per channel: a 1..5 chat survey and a 0..10 e-mail survey in one
database, each answer judged and named on its own channel's scale; a larger answer imported
later makes the channel's earlier conversations stale (issue 12, audit defect 6)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from cxreview.cli import cli
from cxreview.store import open_database

_CALM = [{"role": "customer", "text": "When does my parcel come?"}, {"role": "agent", "text": "Tomorrow."}]


def _chat(cid: str, channel: str, csat: float) -> dict:
    return {"id": cid, "channel": channel, "customer": cid, "csat": csat, "messages": _CALM}


def _cli(db: Any, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _reasons(db: Any) -> dict[str, list[str]]:
    with open_database(db) as store:
        rows = store.query("SELECT conversation_id, risk_reasons FROM conversation_signals")
        return {row[0]: json.loads(row[1]) for row in rows}


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_each_channel_has_its_own_scale_and_the_evidence_names_it(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    rows = [_chat("chat-4", "chat", 4), _chat("chat-2", "chat", 2), _chat("chat-5", "chat", 5)]
    rows += [_chat("mail-4", "email", 4), _chat("mail-9", "email", 9)]
    _cli(db, "import", "-q", _write(tmp_path / "a.jsonl", rows))
    reasons = _reasons(db)
    assert not any(r.startswith("csat") for r in reasons["chat-4"])  # satisfied on 1..5
    assert "csat 2 of 5" in reasons["chat-2"]
    assert "csat 4 of 10" in reasons["mail-4"]
    assert not any(r.startswith("csat") for r in reasons["mail-9"])


def test_a_larger_answer_later_makes_the_channel_stale(tmp_path: Path, db_path: Any) -> None:
    db = db_path  # SQLite and PostgreSQL
    first = [_chat(f"c{v}", "chat", v) for v in (2, 3, 4, 5)] + [_chat("m1", "email", 1)]
    _cli(db, "import", "-q", _write(tmp_path / "a.jsonl", first))
    assert not any(r.startswith("csat") for r in _reasons(db)["c4"])
    # The chat survey turns out to be 0..10: a 9 arrives, imported without analysis.
    _cli(db, "import", "-q", "--no-analyze", _write(tmp_path / "b.jsonl", [_chat("c9", "chat", 9)]))
    out = _cli(db, "analyze", "--stale")
    assert "Analysed 5 conversations" in out  # the new one and the four chat answers; not the e-mail one
    reasons = _reasons(db)
    assert "csat 4 of 10" in reasons["c4"] and "csat 3 of 10" in reasons["c3"]
    assert "Analysed 0 conversations" in _cli(db, "analyze", "--stale")


def test_an_import_reanalyses_the_conversations_its_answers_rescale(tmp_path: Path, db_path: Any) -> None:
    db = db_path  # SQLite and PostgreSQL
    _cli(db, "import", "-q", _write(tmp_path / "a.jsonl", [_chat(f"c{v}", "chat", v) for v in (3, 4)]))
    out = _cli(db, "import", _write(tmp_path / "b.jsonl", [_chat("c9", "chat", 9)]))
    assert "2 conversations again: their channel's csat scale changed" in out
    assert "csat 4 of 10" in _reasons(db)["c4"]
    assert "Analysed 0 conversations" in _cli(db, "analyze", "--stale")


def test_a_configured_scale_wins_and_no_key_changes(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    config = tmp_path / "signals.yaml"
    config.write_text("csat:\n  scale: 10\n", encoding="utf-8")
    _cli(db, "import", "-q", "--no-analyze", _write(tmp_path / "a.jsonl", [_chat("c4", "chat", 4)]))
    _cli(db, "analyze", "--config", str(config))
    assert "csat 4 of 10" in _reasons(db)["c4"]
    assert "Analysed 0 conversations" in _cli(db, "analyze", "--config", str(config), "--stale")
