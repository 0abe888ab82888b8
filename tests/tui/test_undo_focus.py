"""Undo puts the focus back on the criterion it changed, so the next digit re-scores it."""

from __future__ import annotations

from pathlib import Path

from cxreview.store import open_database
from tests.tui.conftest import settle


async def test_the_digit_after_undo_rescores_the_undone_criterion(make_app, tui_db: Path) -> None:
    """Found in a review day: empathy 5, clarity 4, u (meant: clarity was wrong), 3 - the 3
    went to resolution, the criterion the cursor had moved on to, and clarity stayed empty."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("5", "4")  # empathy 5, clarity 4; the cursor moves on to resolution
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
    with open_database(tui_db) as db:
        rows = db.query(
            "SELECT s.criterion, s.score FROM review_scores s JOIN reviews r ON r.id = s.review_id WHERE r.reviewer = 'ana'"
        )
    assert {r["criterion"]: r["score"] for r in rows if r["score"] is not None} == {"empathy": 5, "clarity": 3}
