"""SVG snapshots of the main screens at 80x24 and 160x50 (regenerate with --snapshot-update)."""

from __future__ import annotations

from tests.tui.conftest import settle


def _wait(app):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)

    return run_before


def test_queue_screen(snap_compare, make_app) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=_wait(app))


def test_review_screen(snap_compare, make_app) -> None:
    app = make_app()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("4", "j")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare, make_app) -> None:
    app = make_app()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_review_screen_light_theme(snap_compare, make_app) -> None:
    app = make_app()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app.theme = "textual-light"
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("4", "j")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_queue_screen_large(snap_compare, make_app) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=(160, 50), run_before=_wait(app))


def test_review_screen_large(snap_compare, make_app) -> None:
    app = make_app()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("4", "j", "t")  # t: the header's details open
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(160, 50), run_before=run_before)
