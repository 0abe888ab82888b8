"""The footer of every screen: Textual's, rebuilt only when the keys it shows changed.

Textual's footer removes and mounts all its keys whenever the screen's bindings may have
changed (focus moves, refresh_bindings), each key a widget whose styles are applied on
mount: about 2 ms a key. A screen can also hold the footer back until it has something
to show (the review screen: until its first conversation is loaded, so the keys are
built once, enabled, instead of twice).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self, *, compact: bool = False) -> None:
        # Textual >= 4 fits more keys at 80 columns when compact. Given to the constructor,
        # not set after it: setting it restyles the footer once more.
        self._compact_keys = compact and hasattr(Footer, "compact")
        if self._compact_keys:
            super().__init__(compact=True)
        else:
            super().__init__()
        self._shown: tuple[Any, ...] | None = None

    def compose(self) -> ComposeResult:
        # Textual's footer is empty until the screen's first bindings signal, then built
        # after a refresh: a second layout and paint of the screen on its way up. Built
        # with the screen instead when it is ready (the signal then finds nothing changed).
        if not self._bindings_ready and getattr(self.screen, "footer_ready", True):
            self._bindings_ready = True
            self._shown = self._keys(self.screen)
        for widget in super().compose():
            if self._compact_keys and type(widget).__name__ == "FooterKey":  # not exported by Textual
                # The class its compact binding would add once mounted, restyling each key a
                # second time (nine keys: a few ms of every footer build).
                widget.add_class("-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not getattr(screen, "footer_ready", True):
            return
        shown = self._keys(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)

    def _keys(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What the footer shows of the screen's bindings (compared, not displayed)."""
        return tuple(
            (binding.key, binding.key_display, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )
