"""Issue 14 item 10: a huge message must not freeze the review app or block quit."""

from __future__ import annotations

from pathlib import Path

from cxreview.store import open_database
from cxreview.tui.long_text import LONG_MESSAGE, chunks, prepare, safe_cut, wrap_plain
from cxreview.tui.screens.long_message import LongMessageScreen, LongText
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import open_first_review, settle

HUGE = ("Order 123 is late, call me on 06-12345678 or mail jan.jansen@example.nl please. " * 15_000)[:1_200_000]


def _make_huge(path: Path) -> str:
    with open_database(path) as db:
        target = db.scalar(
            "SELECT i.conversation_id FROM session_items i JOIN sessions s ON s.id = i.session_id "
            "WHERE s.name = 'daily' ORDER BY position LIMIT 1"
        )
        db.execute("UPDATE messages SET text = ? WHERE conversation_id = ? AND position = 1", (HUGE, target))
    return str(target)


def test_prepare_shortens_and_masks_without_leaking_a_cut_address() -> None:
    body = prepare(HUGE)
    assert body.shortened and body.length == len(HUGE) and len(body.plain) <= LONG_MESSAGE
    assert "jan.jansen" not in body.masked and "12345678" not in body.masked
    # One unbroken token: masked in a wider window, then cut (no half address shown).
    token = "x" * (LONG_MESSAGE - 5) + "jan.jansen@example.nl"
    assert "jan" not in prepare(token).masked[LONG_MESSAGE - 10 :]
    assert prepare("short").plain == "short" and not prepare("short").shortened
    # Pieces never split a phone number, and wrap keeps every character but the cut spaces.
    assert all(not piece.endswith("06-1234") for _, piece in chunks(HUGE[:200_000], 1000))
    assert safe_cut("ab cd 06 1234 5678", 12) == 2
    assert wrap_plain("aaaa bbbb cc", 5) == ["aaaa", "bbbb", "cc"]


async def test_a_huge_message_opens_shortened_expands_and_quit_works(make_app, tui_db: Path) -> None:
    _make_huge(tui_db)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen)
        transcript = screen.query_one(Transcript)
        shown = " ".join(text.plain.strip() for _, text in transcript.rendered_lines())
        assert len(shown) < 20_000 and "x shows the whole message" in shown
        assert "jan.jansen@example.nl" not in shown
        await pilot.press("j", "x")  # a short message: says so
        await pilot.pause()
        assert any("in full already" in n.message for n in app._notifications)
        await pilot.press("k", "x")
        await settle(app, pilot)
        assert isinstance(app.screen, LongMessageScreen)
        lines = app.screen.query_one(LongText).lines
        assert app.screen.done == len(HUGE) and len(lines) > 9_000
        assert not any("jan.jansen" in line for line in lines[:1000])
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        # Quit while the long view is still being prepared.
        await pilot.press("x", "ctrl+q")
    assert app.return_code == 0
