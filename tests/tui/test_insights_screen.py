"""The Insights screen opens with i, computes in a worker and goes back with escape."""

from __future__ import annotations

from rich.table import Table

from cxreview.tui.screens.insights import InsightsScreen
from cxreview.tui.screens.queue import QueueScreen
from tests.tui.conftest import settle


async def test_insights_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("i")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        titles = [str(part.title) for part in screen.parts if isinstance(part, Table)]
        assert any("Frustration drivers by queue" in t for t in titles)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)
