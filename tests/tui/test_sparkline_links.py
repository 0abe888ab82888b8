"""The timelines link to their messages: p focuses the frustration peak, a click on a bar its message."""

from __future__ import annotations

from cxreview.tui.widgets.signal_summary import SignalSummary, peaks
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import open_first_review


async def test_the_peak_key_and_a_click_on_a_bar_focus_their_messages(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_first_review(app, pilot)
        transcript = screen.query_one(Transcript)
        summary = screen.query_one(SignalSummary)
        order = peaks(transcript.signals)
        assert len(order) >= 2, "the demo conversation has customer turns"
        facts = str(summary.query_one("#facts").render())
        value = transcript.signals[order[0]]["frustration"]
        assert f"peak {value:.2f} at #{order[0]} (p)" in facts and "frustration 0" in facts

        await pilot.press("p")
        await pilot.pause()
        assert transcript.focused_position == order[0]
        await pilot.press("p")  # again: the next most frustrated
        await pilot.pause()
        assert transcript.focused_position == order[1]

        start, positions = summary.bars[1]  # the sentiment line: its last bar, the last customer turn
        await pilot.click("#facts", offset=(1 + start + len(positions) - 1, 0))
        await pilot.pause()
        assert transcript.focused_position == positions[-1]
        start, positions = summary.bars[0]
        await pilot.click("#facts", offset=(1 + start, 0))
        await pilot.pause()
        assert transcript.focused_position == positions[0]
