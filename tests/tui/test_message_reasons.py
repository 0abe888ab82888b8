"""The focused message's figures line gives its reasons in a supervisor's words, with the
customer's words that raised them, masked like the message (issue 12, audit defect 7)."""

from __future__ import annotations

from pathlib import Path

from cxreview.tui.app import ReviewApp
from cxreview.tui.widgets.message_reasons import figures_line, reasons_in_words
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import settle
from tests.tui.test_flag_evidence import _open, _sampled


def test_reasons_are_words_strongest_first_with_the_matched_words() -> None:
    cues = {"negations": 0.8, "sarcasm": 2.1, "sarcasm_match": "Great service. Really great.", "no_to_question": 0.4}
    assert reasons_in_words(cues, masked=True) == [
        'sarcasm ("Great service. Really great.")',
        "negations",
        "says no to what was asked or proposed",
    ]
    line = figures_line({"frustration": 0.5, "sentiment": -0.5, "cues": {"x_y": 1, "x_y_match": "mail a@b.com"}}, True)
    assert line == 'frustration 0.50 · sentiment -0.50 · why: x y ("mail [email]")'


async def test_the_focused_message_says_why_in_words(tmp_path: Path) -> None:
    db = _sampled(tmp_path)
    app = ReviewApp(db, "ana", "loops")
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _open(app, pilot, "loop-1")
        transcript = screen.query_one(Transcript)
        await pilot.press("j", "j", "j", "j", "j")  # message 6: "I already gave you my order number. NW-2662442"
        await settle(app, pilot)
        assert transcript.focused_position == 6
        # The lines of the focused message, unwrapped.
        shown = " ".join(" ".join(t.plain.split()) for i, t in transcript.rendered_lines() if i == transcript.cursor)
        assert 'why: says they already said it ("I already gave")' in shown
        assert "after the bot repeated itself" in shown
        assert "(gives the same order number again)" in shown
        assert "cues:" not in shown and "after_bot_repeat" not in shown
