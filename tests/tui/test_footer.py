"""The footer redraws its keys only when what it shows changed; the review screen's compact
footer draws them as one widget that looks and acts like Textual's keys."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.footer import KeyFooter
from cxreview.tui.widgets.key_strip import KeyStrip
from tests.tui.conftest import open_first_review, settle


async def test_the_footer_keeps_its_keys_until_one_changes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen) and screen.footer_ready
        footer = screen.query_one(KeyFooter)
        strip = footer.query_one(KeyStrip)
        entries = strip.entries
        assert [e.key for e in entries][:3] == ["enter", "question_mark", "n"]
        # Textual's palette key stays a key of its own, docked on the right.
        assert [key.key for key in footer.query(FooterKey)] == ["ctrl+p"]
        screen.refresh_bindings()  # nothing changed: the same keys stay
        screen.query_one("#transcript").focus()
        await settle(app, pilot)
        assert footer.query_one(KeyStrip) is strip and strip.entries is entries
        app.set_keymap({"review.submit": "ctrl+s"})  # a key changed: redrawn in place, showing it
        await settle(app, pilot)
        assert footer.query_one(KeyStrip) is strip and strip.entries != entries
        assert any(e.key == "ctrl+s" for e in strip.entries)
        assert "^s Submit" in strip.render().plain
        # A rebound key keeps its place (Textual moves it to the end): most important first.
        assert strip.entries[0].key == "ctrl+s"


async def test_a_click_on_a_footer_key_presses_it_and_a_disabled_one_says_no(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first_review(app, pilot)
        strip = screen.query_one(KeyStrip)
        strip.render()
        spans = dict(zip([e.key for e in strip.entries], strip._spans, strict=True))
        # Hovering a key shows its tooltip and highlights it.
        await pilot.hover(KeyStrip, offset=(spans["question_mark"][0], 0))
        assert strip.tooltip == "Show every key"
        # A click on "? Help" opens the help, as the key does.
        await pilot.click(KeyStrip, offset=(spans["question_mark"][0] + 1, 0))
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        # A key that cannot act is dim and rings the bell instead of acting.
        # (N/A: the first criterion allows none).
        disabled = [e.key for e in strip.entries if not e.enabled]
        assert disabled == ["n"]
        bells: list[bool] = []
        app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
        notes: list[str] = []
        notify = app.notify
        app.notify = lambda message, *a, **k: (notes.append(str(message)), notify(message, *a, **k))[1]  # type: ignore[method-assign,func-returns-value]
        await pilot.click(KeyStrip, offset=(spans["n"][0], 0))
        await settle(app, pilot)
        assert bells and app.screen is screen
        # ... and the screen says why, as it does for the key itself (no key is silent).
        assert notes and "N/A" in notes[-1]


async def test_the_strip_ignores_the_mouse_over_keys_it_no_longer_has(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first_review(app, pilot)
        strip = screen.query_one(KeyStrip)
        strip.render()
        last = strip._spans[-1][0]
        strip.show(strip.entries[:2])  # fewer keys, not drawn yet
        await pilot.hover(KeyStrip, offset=(last, 0))  # where the old last key was
        await settle(app, pilot)
        assert strip.tooltip is None and app.screen is screen
