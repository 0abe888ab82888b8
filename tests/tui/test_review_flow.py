"""Whole review flows driven by keys, asserting what is in the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.store import open_database
from cxreview.tui.screens.queue import QueueScreen
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import settle


def _reviews(path: Path, reviewer: str = "ana") -> list[dict]:
    with open_database(path) as db:
        return [dict(r) for r in db.query("SELECT * FROM reviews WHERE reviewer = ? ORDER BY id", (reviewer,))]


def _scores(path: Path, review_id: int) -> dict[str, tuple]:
    with open_database(path) as db:
        rows = db.query(
            "SELECT criterion, score, na, note, root_causes FROM review_scores WHERE review_id = ?", (review_id,)
        )
    return {r["criterion"]: (r["score"], r["na"], r["note"], r["root_causes"]) for r in rows}


async def test_four_keys_score_and_submit_a_three_criterion_review(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        first = app.screen.item.conversation_id
        await pilot.press("4", "3", "5", "enter")  # the keystroke budget: four keys
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.item.conversation_id != first
    (review, *_rest) = _reviews(tui_db)
    assert review["conversation_id"] == first and review["status"] == "submitted"
    # (2 x 75 + 1 x 50 + 2 x 100) / 5 = 80
    assert review["score"] == 80.0 and review["passed"] == 1
    assert {k: v[0] for k, v in _scores(tui_db, review["id"]).items()} == {"empathy": 4, "clarity": 3, "resolution": 5}
    with open_database(tui_db) as db:  # the stored calibrated score follows (review_overview)
        assert db.scalar("SELECT calibrated_score FROM review_overview WHERE review_id = ?", (review["id"],)) == 80.0


async def test_na_undo_notes_and_root_causes(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("2")  # empathy 2, cursor moves to clarity
        await pilot.press("n")  # clarity may not be N/A: refused, nothing written
        await pilot.press("3")  # clarity 3
        await pilot.press("n")  # resolution N/A (allowed)
        await settle(app, pilot)
        review_id = _reviews(tui_db)[0]["id"]
        assert _scores(tui_db, review_id)["resolution"][:2] == (None, 1)
        await pilot.press("u")  # undo the N/A
        await settle(app, pilot)
        assert _scores(tui_db, review_id)["resolution"][:2] == (None, 0)
        await pilot.press("up", "up")  # back to empathy
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press(*"cold opening")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("space", "down", "space", "enter")  # pick the first two root causes
        await settle(app, pilot)
        await pilot.press("j", "A")  # note on the second message
        await settle(app, pilot)
        await pilot.press(*"upset here", "ctrl+s")
        await pilot.press("o")
        await settle(app, pilot)
        await pilot.press(*"Name the feeling first.", "ctrl+s")
        await settle(app, pilot)
    scores = _scores(tui_db, review_id)
    assert scores["empathy"][0] == 2 and scores["empathy"][2] == "cold opening"
    assert scores["empathy"][3] == '["no acknowledgement", "scripted apology"]'
    assert scores["clarity"][:2] == (3, 0)
    review = _reviews(tui_db)[0]
    assert review["status"] == "draft" and review["overall_note"] == "Name the feeling first."
    with open_database(tui_db) as db:
        notes = [
            tuple(r) for r in db.query("SELECT position, note FROM message_notes WHERE review_id = ?", (review_id,))
        ]
    assert notes == [(2, "upset here")]


async def test_quit_and_resume_at_the_same_conversation_and_criterion(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")  # the second conversation
        await settle(app, pilot)
        conversation = app.screen.item.conversation_id
        await pilot.press("5")  # empathy scored, now on clarity
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        screen = again.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.item.conversation_id == conversation
        assert screen.review.rubric.criteria[screen.cursor].id == "clarity"
        assert screen.review.criteria["empathy"].score == 5


async def test_submit_refuses_an_incomplete_review(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("4", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert any("first" in n.message for n in app._notifications)
    assert _reviews(tui_db)[0]["status"] == "draft"


async def test_highlight_jumps_and_pii_toggle(make_app, tui_db: Path) -> None:
    with open_database(tui_db) as db:
        target = db.scalar(
            "SELECT i.conversation_id FROM session_items i JOIN sessions s ON s.id = i.session_id "
            "WHERE s.name = 'daily' ORDER BY position LIMIT 1"
        )
        db.execute(
            "UPDATE messages SET text = 'mail me at jan.jansen@example.nl or 06-12345678' "
            "WHERE conversation_id = ? AND position = 1",
            (target,),
        )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        transcript = app.screen.query_one(Transcript)
        rendered = "".join(text.plain for _, text in transcript.rendered_lines())
        assert "jan.jansen@example.nl" not in rendered and "[email]" in rendered and "[phone]" in rendered
        await pilot.press("m")
        await pilot.pause()
        rendered = "".join(text.plain for _, text in transcript.rendered_lines())
        assert "jan.jansen@example.nl" in rendered
        marks = transcript.highlights()
        if marks:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert transcript.cursor == next(i for i in marks if i > 0) if any(i > 0 for i in marks) else 0


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_or_q_returns_to_the_queue_with_status(make_app, tui_db: Path, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        assert app.screen.session.items[0].status == "in progress"
