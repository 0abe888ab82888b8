"""Command palette: the main actions of the current screen, by name."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider


class ScreenActions(Provider):
    """Offers the visible bindings of the active screen as commands."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.app.screen
        for binding in getattr(screen, "BINDINGS", []):
            if not hasattr(binding, "action") or binding.action.startswith("score("):
                continue
            if screen.check_action(binding.action.split("(")[0], ()) is not True:
                continue
            label = binding.tooltip or binding.description
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(screen.run_action, binding.action),
                    help=f"key: {binding.key_display or binding.key}",
                )

    async def discover(self) -> Hits:
        screen = self.app.screen
        for binding in getattr(screen, "BINDINGS", []):
            if not hasattr(binding, "action") or binding.action.startswith("score("):
                continue
            if screen.check_action(binding.action.split("(")[0], ()) is not True:
                continue
            label = binding.tooltip or binding.description
            from textual.command import DiscoveryHit

            yield DiscoveryHit(
                label, partial(screen.run_action, binding.action), help=f"key: {binding.key_display or binding.key}"
            )
