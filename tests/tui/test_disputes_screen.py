"""Arbitration in the app: the Disputes screen lists open disputes; an arbiter accepts one."""

from __future__ import annotations

from pathlib import Path

from cxreview import disputes, reviews
from cxreview.rubrics import resolve_rubric
from cxreview.store import open_database
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.disputes import DisputeScreen, DisputesScreen
from tests.tui.conftest import settle


def _disputed(path: Path) -> tuple[int, int]:
    with open_database(path) as db:
        conversation = db.scalar("SELECT id FROM conversations ORDER BY id LIMIT 1")
        review = reviews.start_review(db, conversation, "ana", resolve_rubric("default"))
        for criterion, score in (("empathy", 2), ("clarity", 3), ("resolution", 4)):
            reviews.set_score(db, review.id, criterion, score)
        reviews.submit(db, review.id)
        dispute = disputes.open_dispute(db, review.id, "empathy", "Sanne", "[bold]I apologised[/] twice")
    return review.id, dispute.id


async def test_arbiter_accepts_a_dispute_with_one_key(tui_db: Path) -> None:
    review_id, dispute_id = _disputed(tui_db)
    app = ReviewApp(tui_db, "lead", None, as_arbiter=True)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")  # from the session picker
        await settle(app, pilot)
        assert isinstance(app.screen, DisputesScreen)
        assert app.screen.query_one("#disputes").row_count == 1
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DisputeScreen)
        panel = str(app.screen.query_one("#dispute-panel").render())
        assert "[bold]I apologised[/] twice" in panel and "▶ Empathy: 2" in panel
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, DisputesScreen)  # back to the list, now empty
        assert app.screen.query_one("#disputes").row_count == 0
    with open_database(tui_db) as db:
        row = disputes.get_dispute(db, dispute_id)
        assert (row["status"], row["resolved_by"], row["score_after"]) == ("accepted", "lead", 4)
        assert reviews.get_review(db, review_id).criteria["empathy"].score == 4


async def test_without_as_arbiter_the_screen_is_read_only(tui_db: Path) -> None:
    _, dispute_id = _disputed(tui_db)
    app = ReviewApp(tui_db, "ana", "daily")
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(app, pilot)
        app.action_disputes()  # what the palette entry runs
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("4", "x")
        await settle(app, pilot)
        assert isinstance(app.screen, DisputeScreen)
        await pilot.press("c", *"which message?", "ctrl+s")  # anyone may add a note
        await settle(app, pilot)
    with open_database(tui_db) as db:
        assert disputes.get_dispute(db, dispute_id)["status"] == "open"
        assert [n["text"] for n in disputes.notes(db, dispute_id)] == ["which message?"]
