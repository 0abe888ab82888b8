"""A conversation flag shows its evidence under the signal line, and key f goes to its messages."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cxreview.cli import cli
from cxreview.store import open_database
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.flag_evidence import FlagEvidence, evidence_flags, evidence_line
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import settle

_ASK = "Could you give me your order number? It starts with NW."
LOOP = {
    "id": "loop-1",
    "queue": "billing",
    "customer": "c1",
    "messages": [
        {"role": "bot", "text": "Hi, I'm the virtual assistant. How can I help?"},
        {"role": "customer", "text": "I was charged twice for my order"},
        {"role": "bot", "text": _ASK},
        {"role": "customer", "text": "NW-2662442"},
        {"role": "bot", "text": _ASK},
        {"role": "customer", "text": "I already gave you my order number. NW-2662442"},
        {"role": "bot", "text": "Could you please give me your order number? It starts with NW."},
        {"role": "customer", "text": "This is useless."},
    ],
}
CALM = {
    "id": "calm-1",
    "queue": "billing",
    "customer": "c2",
    "messages": [
        {"role": "bot", "text": "Hi, I'm the virtual assistant. How can I help?"},
        {"role": "customer", "text": "When do you open tomorrow?"},
        {"role": "bot", "text": "We open at 9 tomorrow."},
        {"role": "customer", "text": "Thanks!"},
    ],
}


def _cli(db: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output


def _sampled(tmp_path: Path) -> Path:
    """import (analysed) and sample, as a supervisor does on the command line."""
    source, db = tmp_path / "chats.jsonl", tmp_path / "review.db"
    source.write_text("".join(json.dumps(r) + "\n" for r in (LOOP, CALM)), encoding="utf-8")
    _cli(db, "import", "-q", str(source))
    _cli(db, "sample", "--size", "2", "--seed", "1", "--name", "loops", "--reviewer", "ana", "--bot-rubric", "bot")
    return db


async def _open(app: ReviewApp, pilot, conversation: str) -> ReviewScreen:  # type: ignore[no-untyped-def]
    """From the queue, move down to the conversation and open it with enter."""
    await settle(app, pilot)
    ids = [item.conversation_id for item in app.screen.session.items]  # type: ignore[attr-defined]
    await pilot.press(*["down"] * ids.index(conversation), "enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReviewScreen) and screen.item.conversation_id == conversation
    return screen


def _notes(app: ReviewApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_loop_shows_its_rule_and_detail_and_f_walks_its_messages(tmp_path: Path) -> None:
    db = _sampled(tmp_path)
    with open_database(db) as store:
        stored = [dict(r) for r in store.query("SELECT * FROM conversation_flags WHERE flag = 'bot_loop'")]
    assert [(f["conversation_id"], f["rule"], json.loads(f["positions"])) for f in stored] == [
        ("loop-1", "bot repeats", [5, 7])
    ]
    app = ReviewApp(db, "ana", "loops")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, "loop-1")
        line = screen.query_one(FlagEvidence)
        assert line.display
        assert str(line.render()) == (
            "⚑ bot loop (bot repeats) at #3, #5, #7 (f): the bot repeated itself 2 times, asking message 3 again"
        )
        assert line.region.height == 1  # cut to the width at 80x24 until t opens the header
        transcript = screen.query_one(Transcript)
        assert transcript.focused_position == 1

        await pilot.press("f")  # the first message of the loop: the ask it repeats
        await pilot.pause()
        assert transcript.focused_position == 3
        assert _notes(app)[-1] == "Message 3: bot loop (1 of 3; f: next)"
        await pilot.press("f", "f")
        await pilot.pause()
        assert transcript.focused_position == 7
        await pilot.press("f")  # past the last: round to the first
        await pilot.pause()
        assert transcript.focused_position == 3
        await pilot.press("j", "f")  # moved away: f starts at the first again
        await pilot.pause()
        assert transcript.focused_position == 3

        await pilot.press("t")  # the whole line, wrapped, with the header open
        await pilot.pause()
        assert line.region.height >= 2

        await pilot.press("escape")  # a conversation without a loop: no line, f says why
        await pilot.pause()
        screen = await _open(app, pilot, "calm-1")
        assert not screen.query_one(FlagEvidence).display
        await pilot.press("f")
        await pilot.pause()
        assert screen.query_one(Transcript).focused_position == 1
        assert "no loop" in _notes(app)[-1]


async def test_flag_evidence_is_masked_like_the_transcript(tmp_path: Path) -> None:
    db = _sampled(tmp_path)
    with open_database(db) as store, store.transaction():
        store.execute(
            "INSERT INTO conversation_flags VALUES (?, ?, ?, ?, ?)",
            ("loop-1", "stuck_in_bot", "ignored request", "asked for a person: mail ana.b@example.com", "[6]"),
        )
    app = ReviewApp(db, "ana", "loops")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, "loop-1")
        line = screen.query_one(FlagEvidence)
        shown = str(line.render()).splitlines()
        assert [s[:14] for s in shown] == ["⚑ bot loop (bo", "⚑ stuck in bot"]  # the loop first
        assert "ana.b@example.com" not in shown[1] and "asked for a person" in shown[1]
        assert [p for p, _ in line.targets] == [3, 5, 7, 6]  # f: the loop's messages, then the request
        await pilot.press("m")
        await pilot.pause()
        assert "ana.b@example.com" in str(line.render())
        await pilot.press("m")
        await pilot.pause()
        assert "ana.b@example.com" not in str(line.render())


def test_only_flags_with_evidence_are_shown() -> None:
    signals = {
        "flags": [
            {"flag": "bot_disclosed", "rule": "phrase", "detail": "bot disclosed", "positions": []},
            {"flag": "handover", "rule": "agent joined", "detail": "a person took over at message 9", "positions": [9]},
            {"flag": "stuck_in_bot", "rule": "ignored request", "detail": "ignored for 2 bot turns", "positions": [4]},
            {"flag": "bot_loop", "rule": "customer repeats", "detail": "the customer had to repeat", "positions": [2]},
        ]
    }
    assert [f["flag"] for f in evidence_flags(signals)] == ["bot_loop", "stuck_in_bot"]
    assert evidence_flags(None) == [] and evidence_flags({"flags": []}) == []
    many = {"flag": "bot_loop", "rule": "customer repeats", "detail": "x", "positions": list(range(2, 20, 2))}
    assert "#12, … (9 messages) (f)" in evidence_line(many, many["positions"], masked=True).plain
