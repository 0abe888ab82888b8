"""Former traps of the review screen: silent keys, wrapping focus, notes on the wrong
criterion, toasts that follow to the next conversation, the palette's Keys panel."""

from __future__ import annotations

from pathlib import Path

from cxreview.store import open_database
from cxreview.tui.screens.help import HelpScreen
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.rubric_panel import RubricPanel
from tests.tui.conftest import open_first_review, settle


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


def _score_rows(path: Path) -> dict[str, tuple]:
    with open_database(path) as db:
        rows = db.query(
            "SELECT s.criterion, s.score, s.note FROM review_scores s JOIN reviews r ON r.id = s.review_id "
            "WHERE r.reviewer = 'ana' ORDER BY r.id"
        )
    return {r["criterion"]: (r["score"], r["note"]) for r in rows}


async def test_no_silent_keys_no_wrapping_and_notes_on_the_criterion_scored(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen)
        # Before anything is scored the score line counts, it does not judge.
        assert "0 of 3 criteria scored" in screen.query_one(RubricPanel).plain
        # n on a criterion that may not be N/A says why.
        await pilot.press("n")
        await pilot.pause()
        assert any("cannot be N/A" in m for m in _messages(app))
        # Up on the first criterion does not wrap to the last.
        await pilot.press("up")
        await pilot.pause()
        assert screen.cursor == 0 and any("first criterion" in m for m in _messages(app))
        # A digit moves the focus on, but c still writes on the criterion just scored.
        await pilot.press("4")
        assert screen.cursor == 1
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press(*"warm", "ctrl+s")
        await settle(app, pilot)
        assert _score_rows(tui_db)["empathy"] == (4, "warm")
        # After moving the cursor, c writes on the focused criterion.
        await pilot.press("down", "up")
        assert screen.cursor == 1
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press(*"clear", "ctrl+s")
        await settle(app, pilot)
        assert _score_rows(tui_db)["clarity"] == (None, "clear")
        # Down on the last criterion stays: no wrap onto empathy's score.
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert screen.cursor == 2 and any("last criterion" in m for m in _messages(app))
        await pilot.press("5")
        assert screen.cursor == 1  # the one criterion left to score, not a scored one
        await pilot.press("3")
        await settle(app, pilot)
        assert "pass" in screen.query_one(RubricPanel).plain
        scores = _score_rows(tui_db)
        assert {k: v[0] for k, v in scores.items()} == {"empathy": 4, "clarity": 3, "resolution": 5}
        # v outside a calibration session says why.
        await pilot.press("v")
        await pilot.pause()
        assert any("calibration sessions only" in m for m in _messages(app))
        await pilot.press("enter")
        await settle(app, pilot)
        # The next conversation starts with only the submit toast, none of the old ones.
        assert _messages(app) == ["Submitted: 80"]


async def test_digits_on_a_submitted_review_say_why(make_app, tui_db: Path) -> None:
    app = make_app(reviewer="ana", session="calib")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")  # the last one: the screen stays after submitting
        await settle(app, pilot)
        await pilot.press("4", "4", "4", "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.review is not None and screen.review.submitted
        app.clear_notifications()
        await pilot.press("2")
        await pilot.pause()
        assert any("submitted" in m for m in _messages(app))
    assert _score_rows(tui_db)["empathy"][0] == 4


async def test_palette_keys_opens_the_help_dialog_and_escape_only_closes_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        review = await open_first_review(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"Keys", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is review
