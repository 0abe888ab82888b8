"""The session picker and the command palette's screen actions."""

from __future__ import annotations

from cxreview.tui.commands import ScreenActions
from cxreview.tui.screens.picker import SessionPickerScreen
from cxreview.tui.screens.queue import QueueScreen
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle


async def test_picker_lists_open_sessions_and_opens_one(make_app) -> None:
    app = make_app(session=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, SessionPickerScreen)
        table = app.screen.query_one("DataTable")
        names = [str(key.value) for key in table.rows]
        assert sorted(names) == ["calib", "daily"]
        assert all(
            column.get_render_width(table) >= len("spotlight") or column.label.plain != "Strategy"
            for column in table.columns.values()
        )
        table.move_cursor(row=names.index("daily"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen) and app.screen.session.name == "daily"


async def test_palette_offers_the_actions_that_apply(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        provider = ScreenActions(app.screen)
        labels = [label for label, _, _ in provider._actions()]
        assert "Submit this review and open the next" in labels
        assert "Write a note on the focused criterion" in labels
        # Comparing is for calibration sessions only: not offered here.
        assert not any("side by side" in label for label in labels)
        run = next(run for label, run, _ in provider._actions() if label.startswith("Show or mask personal data"))
        await run()  # the palette awaits it the same way
        await pilot.pause()
        assert app.screen.query_one("#transcript").masked is False
