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


async def test_resumed_review_is_composed_with_its_conversation(make_app, tui_db, monkeypatch) -> None:
    """Resuming straight into a review: the start worker loads its conversation too, so the
    screen is built and painted once with it (never "Loading…", no second load); the next
    conversation is loaded by the screen as before."""
    from cxreview import reviews
    from cxreview.store import open_database
    from cxreview.tui.data import TuiStore

    store = TuiStore(str(tui_db))
    session = store.session("daily", "ana")
    store.close()
    with open_database(tui_db) as db:
        second = session.items[1].conversation_id
        review = reviews.start_review(db, second, "ana", session.rubric, session.id)
        reviews.set_score(db, review.id, "empathy", 2)
    loads: list[int] = []
    original = ReviewScreen.load
    monkeypatch.setattr(ReviewScreen, "load", lambda self: (loads.append(self.index), original(self))[1])
    titles: list[str] = []
    original_title = ReviewScreen._show_title
    monkeypatch.setattr(
        ReviewScreen, "_show_title", lambda self: (titles.append(self._title.plain), original_title(self))[1]
    )
    app = make_app(session=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.item.conversation_id == second
        assert screen.review is not None and screen.review.criteria["empathy"].score == 2
        assert loads == [] and titles and second in titles[0]
        assert "Loading" not in str(screen.query_one("#conversation-title").render())
        screen.open_item(0)
        await settle(app, pilot)
        assert (
            loads == [0] and screen.view is not None and screen.item.conversation_id == session.items[0].conversation_id
        )
