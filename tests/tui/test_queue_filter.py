"""Queue: filter with /, sort with s, columns dropped by priority at 80 columns."""

from __future__ import annotations

from cxreview.store import open_database
from cxreview.tui.screens.queue import QueueScreen
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle


def _rows(screen: QueueScreen) -> list[str]:
    table = screen.query_one("DataTable")
    return [str(key.value) for key in table.rows]


async def test_filter_sort_and_open_the_highlighted_conversation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, QueueScreen) and screen.session is not None
        items = screen.session.items
        assert len(_rows(screen)) == len(items)
        target = items[2]
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*target.conversation_id.lower())
        await pilot.pause()
        assert _rows(screen) == [target.conversation_id]
        await pilot.press("enter")  # keeps the filter, back to the table
        await pilot.press("enter")  # opens the one row left: the session's third conversation
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.index == 2
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("escape")  # clears the filter, stays in the queue
        await pilot.pause()
        assert app.screen is screen and len(_rows(screen)) == len(items)
        await pilot.press("slash", *"nothing-like-this", "enter")
        await pilot.pause()
        assert _rows(screen) == [] and any("Nothing matches" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.press("s", "s")  # from # to Status to Conversation
        await pilot.pause()
        assert screen.sort_column == "Conversation"
        assert _rows(screen) == sorted(item.conversation_id for item in items)


async def test_narrow_queue_keeps_status_id_flags_and_why(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(app, pilot)
        shown = [str(key.value) for key in app.screen.query_one("DataTable").columns]
        assert {"Status", "Conversation", "Flags"} <= set(shown) and "Msgs" not in shown


async def test_why_picked_uses_the_room_a_wide_window_leaves(make_app, tui_db) -> None:
    reason = "risk 0.83: peak frustration 0.98 (bot phase), bot loop, customer repeated 2 times"
    with open_database(tui_db) as db, db.transaction():
        db.execute("UPDATE session_items SET pick = 'spotlight', reason = ? WHERE position = 1", (reason,))
    # whole when there is room; the usual 40 cells at 100 columns; narrower, not gone, at 64
    for width, shortest in ((200, len(reason)), (100, 40), (64, 16)):
        app = make_app()
        async with app.run_test(size=(width, 30)) as pilot:
            await settle(app, pilot)
            table = app.screen.query_one("DataTable")
            labels = [str(c.value) for c in table.columns]
            assert "Why picked" in labels
            cell = str(table.get_row_at(0)[labels.index("Why picked")])
            assert len(cell) >= shortest
            assert cell == reason or (cell.endswith("…") and reason.startswith(cell[:-1]))
