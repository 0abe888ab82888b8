"""Review time counts active time only: it pauses after 60 seconds without input."""

from __future__ import annotations

from cxreview.tui.screens import review as review_module
from cxreview.tui.screens.review import ReviewScreen


def test_idle_gaps_do_not_count(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = [1000.0]
    monkeypatch.setattr(review_module, "_now", lambda: clock[0])
    screen = ReviewScreen.__new__(ReviewScreen)
    screen._last_input = clock[0]
    screen._unsaved_seconds = 0.0
    for gap in (5, 10, 300, 20):  # the 300 s coffee break is not review time
        clock[0] += gap
        screen.touch()
    assert screen._unsaved_seconds == 35


async def test_keys_in_a_note_dialog_count_as_review_time(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.tui.conftest import settle

    clock = [5000.0]
    monkeypatch.setattr(review_module, "_now", lambda: clock[0])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen._last_input = clock[0]
        screen._unsaved_seconds = 0.0
        await pilot.press("c")
        await settle(app, pilot)
        for _ in range(3):
            clock[0] += 10
            await pilot.press("x")  # typing in the note dialog
        assert screen._unsaved_seconds == 30
