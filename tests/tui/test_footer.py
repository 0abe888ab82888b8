"""The footer rebuilds its keys only when what it shows changed (each key is a widget)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.footer import KeyFooter
from tests.tui.conftest import open_first_review, settle


async def test_the_footer_keeps_its_keys_until_one_changes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen) and screen.footer_ready
        footer = screen.query_one(KeyFooter)
        keys = list(footer.query(FooterKey))
        assert keys
        screen.refresh_bindings()  # nothing changed: the same key widgets stay
        screen.query_one("#transcript").focus()
        await settle(app, pilot)
        assert list(footer.query(FooterKey)) == keys
        app.set_keymap({"review.submit": "ctrl+s"})  # a key changed: rebuilt, showing it
        await settle(app, pilot)
        rebuilt = list(footer.query(FooterKey))
        assert rebuilt != keys and any(key.key == "ctrl+s" for key in rebuilt)
