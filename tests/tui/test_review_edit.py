"""Correcting a submitted review in the app: e reopens it, enter saves it with a reason."""

from __future__ import annotations

from pathlib import Path

from cxreview import corrections, disputes
from cxreview.store import open_database
from cxreview.tui.commands import ScreenActions
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle


async def _submit_first(app, pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    """Open the session's last conversation and submit empathy 4, clarity 3, resolution 5
    (after the last one to do the screen stays on the review it submitted)."""
    await settle(app, pilot)
    await pilot.press("down", "enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    await pilot.press("4", "3", "5", "enter")
    await settle(app, pilot)
    assert screen.review is not None and screen.review.submitted
    return screen


async def test_submit_press_e_change_a_score_submit_and_history_shows_it(make_app, tui_db: Path) -> None:
    app = make_app(session="calib")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _submit_first(app, pilot)
        review_id = screen.review.id
        await pilot.press("3")  # a digit on a submitted review: told how to reopen it, nothing written
        await settle(app, pilot)
        assert "press e to reopen it" in [n.message for n in app._notifications][-1]
        labels = [label for label, _, _ in ScreenActions(screen)._actions()]
        assert "Reopen this submitted review to correct it" in labels  # the palette entry
        await pilot.press("e")
        await settle(app, pilot)
        assert not screen.review.submitted and screen.review.editing
        await pilot.press("up", "up")  # back to empathy
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("enter")  # asks why (optional)
        await settle(app, pilot)
        await pilot.press(*"misread the opening", "ctrl+s")
        await settle(app, pilot)
        assert screen.review.submitted
    with open_database(tui_db) as db:
        events = corrections.history(db, review_id)
    edit = events[-1]
    assert (edit.who, edit.role, edit.what, edit.reason) == ("ana", "reviewer", "edited", "misread the opening")
    assert edit.changes == ["empathy score: 4 -> 2"]


async def test_an_arbiters_change_is_not_overwritten_and_is_told(make_app, tui_db: Path) -> None:
    app = make_app(session="calib")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _submit_first(app, pilot)
        review_id = screen.review.id
        await pilot.press("e")
        await settle(app, pilot)
        assert screen._criterion().id == "resolution"
        with open_database(tui_db) as other:  # the arbiter, elsewhere, while the review is open
            dispute = disputes.open_dispute(other, review_id, "resolution", "Sanne", "not resolved")
            disputes.accept(other, dispute.id, "lead", 3)
        await pilot.press("4")  # the screen still shows 5; the database has the arbiter's 3
        await settle(app, pilot)
        told = [n.message for n in app._notifications]
        assert any("lead (arbiter) changed Resolution to 3 while you had this review open" in m for m in told)
        assert screen.review.criteria["resolution"].score == 3  # the screen took the arbiter's value
        await pilot.press("enter", "ctrl+s")
        await settle(app, pilot)
        told = [n.message for n in app._notifications]
        assert any("Meanwhile lead (arbiter) changed resolution score: 5 -> 3 (dispute 1)" in m for m in told)
    with open_database(tui_db) as db:
        rows = db.query("SELECT criterion, score FROM review_scores WHERE review_id = ?", (review_id,))
        assert {r["criterion"]: r["score"] for r in rows}["resolution"] == 3
        assert db.scalar("SELECT status FROM reviews WHERE id = ?", (review_id,)) == "submitted"
