"""Resume without keys: the picker only when there is a real choice; the queue on the first to-do."""

from __future__ import annotations

from cxreview.tui.screens.picker import SessionPickerScreen, resume_target
from cxreview.tui.screens.queue import QueueScreen
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle


def _session(name: str, started: int) -> dict:
    return {"name": name, "reviewers": {"ana": {"total": 4, "done": 0, "started": started}}}


def test_resume_target_only_without_a_real_choice() -> None:
    assert resume_target([_session("a", 0)], "ana") == "a"
    assert resume_target([_session("a", 0), _session("b", 1)], "ana") == "b"
    assert resume_target([_session("a", 1), _session("b", 1)], "ana") is None
    assert resume_target([_session("a", 0), _session("b", 0)], "ana") is None
    assert resume_target([], "ana") is None


async def test_review_without_a_session_resumes_the_review_in_progress(make_app) -> None:
    app = make_app(session=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, SessionPickerScreen)  # two sessions, none started: a choice
        table = app.screen.query_one("DataTable")
        table.move_cursor(row=[str(k.value) for k in table.rows].index("daily"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("enter", "4", "3", "5", "enter")  # first done; the second opens
        await settle(app, pilot)
        second = app.screen.item.conversation_id
        await pilot.press("2")  # a draft in progress
        await settle(app, pilot)
    again = make_app(session=None)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        screen = again.screen
        assert isinstance(screen, ReviewScreen) and screen.item.conversation_id == second
        assert screen.review is not None and screen.review.criteria["empathy"].score == 2
        # Resumed straight from the start: neither the picker nor the queue was built first.
        assert [type(s).__name__ for s in again.screen_stack[1:]] == ["ReviewScreen"]
        await pilot.press("escape")
        await settle(again, pilot)
        queue = again.screen
        # The cursor is on the first conversation not done (the first one is).
        assert isinstance(queue, QueueScreen) and queue.query_one("DataTable").cursor_row == 1
