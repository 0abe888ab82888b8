"""The Insights screen: sections that fold, rows that open their conversations (read-only or
added to a session), and filters in the words of `cxreview insights`."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Collapsible, DataTable, Static

from cxreview.store import open_database
from cxreview.tui.screens.drill import ConversationScreen, DrillScreen, SessionChoice
from cxreview.tui.screens.insights import InsightsScreen, parse_filters
from cxreview.tui.screens.queue import QueueScreen
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import settle


def test_parse_filters_uses_the_cli_words() -> None:
    filters = parse_filters('since=2026-03-01 queue=billing,returns agent="Ana de Vries" language=nl')
    assert filters.since == "2026-03-01" and filters.queues == ["billing", "returns"]
    assert filters.agents == ["Ana de Vries"] and filters.languages == ["nl"]
    with pytest.raises(ValueError, match="not a filter"):
        parse_filters("queue billing")


async def test_drill_down_from_a_row_to_its_conversations(make_app, tui_db: Path) -> None:
    with open_database(tui_db) as db:
        in_sessions = {r[0] for r in db.query("SELECT conversation_id FROM session_items WHERE reviewer = 'ana'")}
        before = len(db.query("SELECT 1 FROM session_items WHERE reviewer = 'ana'"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("i")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        number = next(i for i, s in enumerate(screen.sections) if s[0] == "Frustration drivers by queue")
        table = screen.query_one(f"#section-{number}", DataTable)
        queue = screen.sections[number][2][0][0]
        table.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        drill = app.screen
        assert isinstance(drill, DrillScreen) and drill.rows and all(r["queue"] == queue for r in drill.rows)
        target = next(i for i, r in enumerate(drill.rows) if r["id"] not in in_sessions)
        drill.query_one(DataTable).move_cursor(row=target)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ConversationScreen) and app.screen.query_one(Transcript).messages
        # Shown, not only received (the read-only view once passed its bodies as the phases, and
        # the error vanished in the worker: an empty transcript).
        assert app.screen.query_one(Transcript).line_count > len(app.screen.query_one(Transcript).messages)
        await pilot.press("a")  # two open sessions: which one?
        await settle(app, pilot)
        assert isinstance(app.screen, SessionChoice)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("escape", "escape")
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("c")  # fold every section
        await pilot.pause()
        assert all(section.collapsed for section in screen.query(Collapsible))
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press(*f"queue={queue}", "enter")
        await settle(app, pilot)
        assert screen.filters.queues == [queue] and queue in screen.intro.split(")")[0]
    with open_database(tui_db) as db:
        rows = db.query("SELECT conversation_id, reason FROM session_items WHERE reviewer = 'ana'")
        assert len(rows) == before + 1
        assert any(r["conversation_id"] == drill.rows[target]["id"] and "insights" in r["reason"] for r in rows)


def test_the_warm_up_computes_once_in_the_background(tui_db: Path) -> None:
    from cxreview.filters import Filters
    from cxreview.tui.insights_cache import InsightsCache

    cache = InsightsCache(str(tui_db))
    cache.warm().join()  # the demo database is small: no warm-up
    assert cache._done == {}
    cache._warm(warm_from=0)  # as on a big database
    first = cache.get(Filters())
    assert len(cache._done) == 1 and cache.get(Filters()) is first
    assert len(cache._shown) == 1 and cache.screen_parts(Filters()) is cache._shown[cache._key(Filters())]


async def test_the_stored_insights_open_at_once_and_a_stale_one_says_so(
    make_app, tui_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from cxreview import insights_cache
    from cxreview.filters import Filters

    monkeypatch.setattr(insights_cache, "now_iso", lambda: "9999-12-31T00:00:00Z")
    with open_database(tui_db) as db:
        insights_cache.compute_and_store(db, Filters(), 7)  # as `cxreview insights` leaves it
    real_compute, release, calls = insights_cache.compute, threading.Event(), []

    def compute(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        release.wait(10)
        return real_compute(*args, **kwargs)

    monkeypatch.setattr(insights_cache, "compute", compute)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen) and screen.sections and not screen.stale_as_of
        assert calls == []  # fresh in the database: nothing computed
        await pilot.press("escape")
        await settle(app, pilot)
    with open_database(tui_db) as db:  # new data: the stored insights are stale now
        db.execute("UPDATE conversation_signals SET analyzed_at = '9000-01-01T00:00:00Z'")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        for _ in range(100):
            await pilot.pause(0.02)
            if calls and isinstance(app.screen, InsightsScreen) and app.screen.stale_as_of:
                break
        screen = app.screen
        assert isinstance(screen, InsightsScreen) and screen.sections  # shown at once, labelled
        assert screen.stale_as_of == "9999-12-31 00:00 UTC"
        assert "the data changed since" in str(screen.query_one("#insights-filters", Static).render())
        release.set()
        await settle(app, pilot)
        assert screen.sections and not screen.stale_as_of  # the current ones replaced them
    with open_database(tui_db) as db:
        found = insights_cache.stored(db, Filters(), 7)
        assert found is not None and found.fresh  # and were stored for the next run


async def test_a_score_in_this_run_brings_back_only_the_review_sections(
    make_app, tui_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Insights kept for the run are checked against their data stamps: after a score the
    next i shows them labelled while the review sections (only they) are computed again."""
    from cxreview import insights, insights_cache
    from cxreview.filters import Filters

    monkeypatch.setattr(insights_cache, "now_iso", lambda: "9999-12-31T00:00:00Z")
    with open_database(tui_db) as db:
        insights_cache.compute_and_store(db, Filters(), 7)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, InsightsScreen) and not app.screen.stale_as_of
        await pilot.press("escape", "enter")  # back to the queue, open the first conversation
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)

        def no_signals(*args: object, **kwargs: object) -> None:
            raise AssertionError("the signal sections were computed again after a score")

        monkeypatch.setattr(insights, "_signal_sections", no_signals)
        await pilot.press("escape", "i")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen) and screen.sections and not screen.stale_as_of
    with open_database(tui_db) as db:
        found = insights_cache.stored(db, Filters(), 7)
        assert found is not None and found.fresh
        monkeypatch.undo()
        assert found.insights == insights.compute(db, Filters(), 7)
