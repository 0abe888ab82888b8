"""An internal note kept on import shows in the transcript, marked as a note (issue 11 item 4)."""

from __future__ import annotations

from pathlib import Path

from cxreview.store import open_database
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import open_first_review


async def test_a_note_turn_shows_marked_as_an_internal_note(make_app, tui_db: Path) -> None:
    with open_database(tui_db) as db:
        target = db.scalar(
            "SELECT i.conversation_id FROM session_items i JOIN sessions s ON s.id = i.session_id "
            "WHERE s.name = 'daily' ORDER BY position LIMIT 1"
        )
        db.execute(
            "UPDATE messages SET role = 'note', text = 'Checked the depot [b]log[/b]' "
            "WHERE conversation_id = ? AND position = 2",
            (target,),
        )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen)
        lines = [text.plain for _, text in screen.query_one(Transcript).rendered_lines()]
        at = next(i for i, line in enumerate(lines) if "internal note" in line)
        assert " 2 internal note" in lines[at] and "Checked the depot [b]log[/b]" in lines[at + 1]
