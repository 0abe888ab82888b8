"""A hybrid conversation scored with the bot rubric and the agent rubric in one sitting."""

from __future__ import annotations

from pathlib import Path

from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import open_database
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.signal_summary import facts
from cxreview.tui.widgets.transcript import Transcript
from tests.conftest import conversation
from tests.signals.test_phases import ANGRY_AT_BOT
from tests.tui.conftest import settle


def _database(path: Path, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    hybrid = [{"role": r, "text": t, "at": at} for r, t, at in ANGRY_AT_BOT]
    bot_only = [m for m in hybrid if m["role"] != "agent"][:6]
    with open_database(path) as db:
        import_files(
            db,
            [
                str(
                    write_jsonl(
                        [conversation("hybrid", messages=hybrid), conversation("bot", agent=None, messages=bot_only)]
                    )
                )
            ],
        )
        analyze_conversations(db, workers=1)
        create_session(
            db,
            SampleRequest(size=2, seed=3, name="parties", reviewers=["ana"]),
            resolve_rubric("default"),
            bot_rubric=resolve_rubric("bot"),
        )


async def test_one_review_moves_from_the_bots_criteria_to_the_agents(tmp_path: Path, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "parties.db"
    _database(path, write_jsonl)
    app = ReviewApp(path, "ana", "parties")
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for _ in range(2):
            if screen.item.conversation_id == "hybrid":
                assert [p.rubric.id for p in screen.parts] == ["bot", "default"]
                assert screen.review is not None and screen.review.rubric.id == "bot"
                divider = screen.query_one(Transcript).divider
                assert divider is not None and divider[0] == 8
                assert "waited 3 min 00 s after message 7" in divider[1] and "arrived frustrated" in divider[1]
                assert "with the agent arrived frustrated, recovered" in facts(screen.view).plain
                await pilot.press("4", "2", "3", "2")  # the bot: transparency, handover, loops, resolution
                await settle(app, pilot)
                assert screen.review.rubric.id == "default" and screen.cursor == 0  # on to the agent
                await pilot.press("5", "4", "5", "enter")  # empathy, clarity, resolution, submit both
            else:
                # Only the bot took part: only the bot rubric.
                assert [p.rubric.id for p in screen.parts] == ["bot"]
                await pilot.press("3", "3", "3", "3", "enter")
            await settle(app, pilot)
    with open_database(path) as db:
        rows = db.query(
            "SELECT conversation_id, rubric_id, status, score FROM reviews WHERE reviewer = 'ana' ORDER BY 1, 2"
        )
        done = [dict(r) for r in rows]
        scores = {
            (r["rubric_id"], r["criterion"]): r["score"]
            for r in db.query(
                "SELECT r.rubric_id, s.criterion, s.score FROM review_scores s JOIN reviews r ON r.id = s.review_id "
                "WHERE r.conversation_id = 'hybrid'"
            )
        }
    assert [(r["conversation_id"], r["rubric_id"], r["status"]) for r in done] == [
        ("bot", "bot", "submitted"),
        ("hybrid", "bot", "submitted"),
        ("hybrid", "default", "submitted"),
    ]
    assert scores[("bot", "handover")] == 2 and scores[("default", "empathy")] == 5
