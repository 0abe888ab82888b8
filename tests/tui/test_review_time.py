"""Review time counts active time only: it pauses after 60 seconds without input."""

from __future__ import annotations

from cxreview.tui.screens import review as review_module
from cxreview.tui.screens.review import ReviewScreen


def test_idle_gaps_do_not_count(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = [1000.0]
    monkeypatch.setattr(review_module.time, "monotonic", lambda: clock[0])
    screen = ReviewScreen.__new__(ReviewScreen)
    screen._last_input = clock[0]
    screen._unsaved_seconds = 0.0
    for gap in (5, 10, 300, 20):  # the 300 s coffee break is not review time
        clock[0] += gap
        screen.on_key()
    assert screen._unsaved_seconds == 35
