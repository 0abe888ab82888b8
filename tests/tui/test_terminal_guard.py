"""Control characters stored in a database (written by an older version or another tool,
past cxreview's input cleaning) never reach the terminal from the review app."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.content import Content

from cxreview.store import open_database
from cxreview.tui import terminal_guard
from cxreview.tui.app import ReviewApp
from tests.tui.conftest import open_first_review, settle

HOSTILE = "retitle \x1b]0;pwned\x07 clear \x1b[2J bell \x07 c1 \x9b31m end"


def test_rich_and_textual_strip_every_control_but_tab_and_newline() -> None:
    assert terminal_guard.installed()  # fails if a new Textual or Rich renamed its strip table
    for text in (Text(HOSTILE).plain, Content(HOSTILE).plain):
        assert not any(ord(ch) in terminal_guard.CONTROL_CODES for ch in text)
        assert "retitle ]0;pwned clear [2J bell  c1 31m end" == text
    assert Text("a\tb\nc").plain == "a\tb\nc"


def _visible_lines(app: ReviewApp) -> str:
    lines = []
    for widget in app.screen.query("*"):
        if widget.display and widget.size.height:
            for y in range(min(widget.size.height, 60)):
                lines.append("".join(segment.text for segment in widget.render_line(y)))
    return "\n".join(lines)


async def test_stored_escapes_are_not_drawn(tui_db: Path) -> None:
    with open_database(tui_db) as db:
        # Straight into the tables, as an old version or another tool could have written them.
        daily = "SELECT i.conversation_id FROM session_items i JOIN sessions s ON s.id = i.session_id WHERE s.name = 'daily'"
        db.execute(f"UPDATE messages SET text = ? WHERE conversation_id IN ({daily})", (HOSTILE,))
        db.execute(f"UPDATE conversations SET agent = ?, queue = ? WHERE id IN ({daily})", (HOSTILE, HOSTILE))
    app = ReviewApp(tui_db, "ana", "daily")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        queue = _visible_lines(app)
        assert "pwned" in queue and "\x1b" not in queue and "\x9b" not in queue
        await open_first_review(app, pilot)
        review = _visible_lines(app)
        assert "clear [2J bell" in review  # the text is shown, without its controls
        assert not any(ord(ch) in terminal_guard.CONTROL_CODES for ch in review)
