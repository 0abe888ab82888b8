"""Command palette: the main actions of the current screen, by name, and screens reachable
from anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


class _ActionProvider(Provider):
    """Search and discovery over (label, callable, help) triples."""

    def _actions(self) -> Iterator[tuple[str, Any, str]]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, run, help_text in self._actions():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), run, help=help_text)

    async def discover(self) -> Hits:
        for label, run, help_text in self._actions():
            yield DiscoveryHit(label, run, help=help_text)


class ScreenActions(_ActionProvider):
    """Offers the bindings of the active screen that apply right now as commands."""

    def _actions(self) -> Iterator[tuple[str, Any, str]]:
        screen = self.screen  # the screen the palette was opened from (not the palette itself)
        for binding in getattr(screen, "BINDINGS", []):
            if not hasattr(binding, "action") or binding.action.startswith(("score(", "accept(")):
                continue
            if screen.check_action(binding.action.split("(")[0], ()) is not True:
                continue
            label = binding.tooltip or binding.description
            key = (binding.key_display or binding.key).replace("[", "\\[")  # help is markup: "[" is a key here
            yield label, partial(screen.run_action, binding.action), f"key: {key}"


class AppActions(_ActionProvider):
    """Screens reachable from anywhere: the disputes to decide."""

    def _actions(self) -> Iterator[tuple[str, Any, str]]:
        yield "Disputes: open disputes, oldest first", partial(self.app.run_action, "disputes"), "arbitration"
