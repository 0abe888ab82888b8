"""Message numbers, a marker on every flagged message, and evidence that jumps (key g)."""

from __future__ import annotations

import json
from pathlib import Path

from cxreview.store import open_database
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import open_first_review


async def test_numbers_markers_and_evidence_links(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        transcript = (await open_first_review(app, pilot)).query_one(Transcript)
        conversation = app.screen.item.conversation_id
        with open_database(tui_db) as db:
            flags = [
                dict(r)
                for r in db.query(
                    "SELECT position, flag, related FROM message_flags WHERE conversation_id = ?", (conversation,)
                )
            ]
        assert flags, "the demo conversation has flags"
        headers = {}
        for index, text in transcript.rendered_lines():
            message = transcript.messages[index]
            if text.plain[:1] in ("▏", "▌"):  # the header (a handover divider comes before it)
                headers.setdefault(message["position"], text.plain)
        for position, header in headers.items():
            assert f"{position} " in header[:8]  # the message number leads the header
            flagged = any(f["position"] == position for f in flags)
            assert ("⚑" in header) == flagged, header
        linked = next((f for f in flags if any(p != f["position"] for p in json.loads(f["related"]))), None)
        assert linked is not None, "the demo conversation has a repeat naming an earlier message"
        assert transcript.go_to_position(linked["position"])
        await pilot.press("g")
        await pilot.pause()
        target = min(p for p in json.loads(linked["related"]) if p != linked["position"])
        assert transcript.messages[transcript.cursor]["position"] == target
        await pilot.press("g")  # the target names nothing further back: says so, stays
        await pilot.pause()
        assert transcript.messages[transcript.cursor]["position"] == target


async def test_evidence_and_notes_are_masked_like_the_message(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        transcript = (await open_first_review(app, pilot)).query_one(Transcript)
        position = transcript.messages[transcript.cursor]["position"]
        flag = {
            "flag": "human_request",
            "rule": "phrase",
            "detail": 'asks for a person: "mail me at ana.b@example.com"',
        }
        transcript.signals.setdefault(position, {}).setdefault("flags", []).append(flag)
        transcript.notes[position] = "customer gave 06-12345678 on the phone"
        transcript.masked = False
        await pilot.pause()
        shown = "\n".join(text.plain for index, text in transcript.rendered_lines() if index == transcript.cursor)
        assert "ana.b@example.com" in shown and "06-12345678" in shown
        transcript.masked = True
        await pilot.pause()
        shown = "\n".join(text.plain for index, text in transcript.rendered_lines() if index == transcript.cursor)
        assert "ana.b@example.com" not in shown and "12345678" not in shown
        assert "asks for a person" in shown and "customer gave" in shown


async def test_each_flag_names_only_its_own_messages(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        transcript = (await open_first_review(app, pilot)).query_one(Transcript)
        assert len(transcript.messages) >= 4
        first, second, focused = (m["position"] for m in transcript.messages[1:4])
        transcript.signals[focused] = {
            "flags": [
                {
                    "flag": "bot_repeat",
                    "rule": "near-duplicate",
                    "detail": f"nearly repeats message {first}",
                    "related": [first, focused],
                },
                {
                    "flag": "ignored_human_request",
                    "rule": "bot continues",
                    "detail": "after the request",
                    "related": [second],
                },
            ]
        }
        transcript.go_to_position(focused)
        await pilot.pause()
        lines = [t.plain for i, t in transcript.rendered_lines() if transcript.messages[i]["position"] == focused]
        evidence = " ".join(lines)
        repeat = evidence[evidence.index("nearly repeats") : evidence.index("after the request")]
        assert f"g: go to #{first}" in repeat and f"#{second}" not in repeat
        assert evidence.rstrip().endswith(f"g: go to #{second}")
        assert transcript.related(transcript.cursor) == sorted({first, second})  # g still visits all
