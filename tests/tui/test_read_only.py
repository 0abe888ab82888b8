"""Issue 14: a database the reviewer may not write to opens, says so up front, and every
attempt to save says why it failed; nothing crashes and the file is left as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cxreview.store import connection
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.queue import QueueScreen
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_read_only_database_opens_and_says_so(tui_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As a file without write permission looks (the tests may run as root, who writes anyway).
    monkeypatch.setattr(connection, "_writable", lambda path: False)
    before = _digest(tui_db)
    app = ReviewApp(tui_db, "ana", "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen) and app.screen.query_one("DataTable").row_count == 4
        assert "read-only" in app.sub_title
        said = [n.message for n in app._notifications]
        assert any("read-only" in text and "no score" in text for text in said), said
        await pilot.press("enter")  # opening a conversation starts a review: a write
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        said = [n.message for n in app._notifications]
        assert any("read-only" in text for text in said), said
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)  # still running, still usable
    assert _digest(tui_db) == before
