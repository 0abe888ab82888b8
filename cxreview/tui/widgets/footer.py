"""The footer of every screen: Textual's, rebuilt only when the keys it shows changed.

Textual's footer removes and mounts all its keys whenever the screen's bindings may have
changed (focus moves, refresh_bindings), each key a widget whose styles are applied on
mount: about 2 ms a key. A screen can also hold the footer back until it has something
to show (the review screen: until its first conversation is loaded, so the keys are
built once, enabled, instead of twice). The compact footer (the review screen's) draws its
keys as one widget (``KeyStrip``) and redraws it when they change, instead of mounting a
widget per key.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported by Textual; the palette key is one

from cxreview.tui.widgets.key_strip import FooterEntry, KeyStrip


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
        self._strip: KeyStrip | None = None

    def compose(self) -> ComposeResult:
        # Textual's footer is empty until the screen's first bindings signal, then built
        # after a refresh: a second layout and paint of the screen on its way up. Built
        # with the screen instead when it is ready (the signal then finds nothing changed).
        if not self._bindings_ready and getattr(self.screen, "footer_ready", True):
            self._bindings_ready = True
            self._shown = self._keys(self.screen)
        self._strip = None
        entries = self._entries(self.screen) if self._compact_keys and self._bindings_ready else None
        if entries is not None:
            self._strip = KeyStrip(entries)
            yield self._strip
            yield from self._palette_key()
            return
        for widget in super().compose():
            if self._compact_keys and isinstance(widget, FooterKey):
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
        palette_changed = self._shown is None or self._palette(self._shown) != self._palette(shown)
        self._shown = shown
        entries = self._entries(screen)
        if self._strip is not None and self._strip.is_attached and entries is not None and not palette_changed:
            self._strip.show(entries)  # redrawn in place: no key is mounted again
            return
        super().bindings_changed(screen)

    def _entries(self, screen: Screen[Any]) -> list[FooterEntry] | None:
        """The keys the compact footer draws in one widget, in the order of the screen's
        BINDINGS, most important first (one per action, the first binding of each; Textual
        moves a key rebound by the user's keymap to the end); None when a binding belongs to
        a group (drawn by Textual's own keys, grouped)."""
        order = {action: rank for rank, action in enumerate(_actions(type(screen).BINDINGS))}
        first: dict[str, FooterEntry] = {}
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            if binding.action not in first:
                display = self.app.get_key_display(binding)
                first[binding.action] = FooterEntry(binding.key, display, binding.description, enabled, tooltip)
        return [first[action] for action in sorted(first, key=lambda action: order.get(action, len(order)))]

    def _palette_key(self) -> ComposeResult:
        """Textual's command palette key, docked on the right, as its footer makes it."""
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is not None:
            _node, binding, enabled, tooltip = found
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette -compact",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def _palette(self, shown: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(key for key in shown if key[0] == self.app.COMMAND_PALETTE_BINDING)

    def _keys(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What the footer shows of the screen's bindings (compared, not displayed)."""
        return tuple(
            (binding.key, binding.key_display, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )


def _actions(bindings: Any) -> list[str]:
    """The actions of a BINDINGS list (Binding objects or (key, action, ...) tuples), in order."""
    return [b.action if isinstance(b, Binding) else b[1] for b in bindings]
