"""Command palette: the main actions of the current screen, by name."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActions(Provider):
    """Offers the bindings of the active screen that apply right now as commands."""

    def _actions(self) -> Iterator[tuple[str, Any, str]]:
        screen = self.screen  # the screen the palette was opened from (not the palette itself)
        for binding in getattr(screen, "BINDINGS", []):
            if not hasattr(binding, "action") or binding.action.startswith("score("):
                continue
            if screen.check_action(binding.action.split("(")[0], ()) is not True:
                continue
            label = binding.tooltip or binding.description
            yield label, partial(screen.run_action, binding.action), f"key: {binding.key_display or binding.key}"

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, run, help_text in self._actions():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), run, help=help_text)

    async def discover(self) -> Hits:
        for label, run, help_text in self._actions():
            yield DiscoveryHit(label, run, help=help_text)
