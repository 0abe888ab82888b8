"""The review screen says how a conversation's words were read when its language has no word lists."""

from __future__ import annotations

import sqlite3

from textual.widgets import Static

from tests.tui.conftest import open_first_review


async def test_no_note_for_english_and_dutch(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_first_review(app, pilot)
        assert screen.view.conversation["language"] in ("en", "nl")
        assert not screen.query_one("#language-note", Static).display


async def test_a_language_without_word_lists_is_named_with_what_was_read(make_app, tui_db) -> None:
    with sqlite3.connect(tui_db) as conn:  # as the analysis stores a detected Spanish conversation
        conn.execute("UPDATE conversations SET language = 'es'")
        conn.execute("UPDATE conversation_signals SET language = 'es'")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_first_review(app, pilot)
        note = screen.query_one("#language-note", Static)
        assert note.display
        text = str(note.render())
        assert text.startswith("es: no word lists for this language, so its words are not read")
        assert "request for a person" in text and "handover" in text
        assert " · es" in str(screen._title)  # the title names the language, as for any other
