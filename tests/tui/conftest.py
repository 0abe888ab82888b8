"""A demo database with sessions, built once and copied for each TUI test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cxreview.demo.build import build_demo
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.review_reading import RubricScroll


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    db, _ = build_demo(path)
    with db:
        rubric = resolve_rubric("default")
        create_session(db, SampleRequest(size=4, seed=11, name="daily", reviewers=["ana"]), rubric)
        create_session(
            db,
            SampleRequest(
                size=2, seed=12, name="calib", reviewers=["ana", "ben"], calibration=True, include_reviewed=True
            ),
            rubric,
        )
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def tui_db(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "review.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def make_app(tui_db: Path) -> Callable[..., ReviewApp]:
    def make(reviewer: str = "ana", session: str | None = "daily") -> ReviewApp:
        return ReviewApp(tui_db, reviewer, session)

    return make


async def settle(app: ReviewApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Let workers finish and messages land; never sleep."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()
    await _rubric_hint_set(app, pilot)


async def _rubric_hint_set(app: ReviewApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """The review screen's "more below" hint is set after a refresh (`call_after_refresh`): on a
    loaded machine the next key (the help screen over it) or a snapshot could come first (CI saw
    the help screen's snapshot without it, twice). Wait, a bounded number of pauses, until the
    rubric panel is laid out and the hint says what its scroll position says, twice in a row
    (before the layout both read "nothing below"). The review screen may be under another one
    (the help screen): it is looked for down the screen stack."""
    agreed = 0
    for _ in range(100):
        screens = [screen for screen in reversed(app.screen_stack) if screen.query(RubricScroll)]
        if not screens:
            return  # no review screen
        scroll, hint = screens[0].query_one(RubricScroll), screens[0].query_one("#rubric-hint")
        laid_out = scroll.size.height > 0 and scroll.virtual_size.height > 0
        if laid_out and hint.has_class("-shown") == (scroll.scroll_y < scroll.max_scroll_y):
            agreed += 1
            if agreed == 2:
                return
        else:
            agreed = 0
        await pilot.pause(0.02)


async def open_first_review(app: ReviewApp, pilot):  # type: ignore[no-untyped-def]
    """From the queue, open the highlighted (first to-do) conversation; returns the screen."""
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    return app.screen
