"""The evidence of the conversation's own flags (a bot loop, a customer stuck in the bot):
one line each under the signal line, with the messages involved and the key that goes there.

Message flags show their evidence when their message is focused; a conversation flag has no
message of its own, so its rule and detail ("bot repeats: the bot repeated itself 2 times,
asking message 3 again") are shown here, and key f walks through the messages it names.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from cxreview.privacy import mask_pii
from cxreview.tui.widgets.rubric_panel import SIGNAL_LABELS
from cxreview.tui.widgets.transcript import MESSAGE_REF

# Shown first, in this order: what makes a supervisor read the conversation.
FIRST = ("bot_loop", "stuck_in_bot")
# Not repeated here: the signal line says when a person took over and the transcript draws a
# divider there; a "phrase" flag (bot disclosed, handover offered) names no messages.
SHOWN_ELSEWHERE = ("handover",)
MAX_LISTED = 6  # message numbers listed before "… N messages"


def evidence_flags(signals: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The conversation flags that have evidence to show, the loop first."""
    flags = [
        f
        for f in (signals or {}).get("flags") or []
        if f["flag"] not in SHOWN_ELSEWHERE and f.get("rule") != "phrase" and (f.get("positions") or f.get("detail"))
    ]
    return sorted(flags, key=lambda f: (FIRST.index(f["flag"]) if f["flag"] in FIRST else len(FIRST), f["flag"]))


def named_messages(flag: dict[str, Any], known: set[int]) -> list[int]:
    """The messages of this conversation a flag involves: its positions and those its detail
    names in words ("asking message 3 again"), in conversation order."""
    named = {int(p) for p in flag.get("positions") or []}
    named.update(int(p) for p in MESSAGE_REF.findall(flag.get("detail") or ""))
    return sorted(p for p in named if p in known)


def evidence_line(flag: dict[str, Any], messages: list[int], masked: bool) -> Text:
    """The line "⚑ bot loop (bot repeats) at #3, #7, #9 (f): the bot repeated itself ...": the words
    that matter first, as the line is cut at the width until t opens the header."""
    name = flag["flag"]
    label = SIGNAL_LABELS.get(name, name.replace("_", " "))
    rule, detail = str(flag.get("rule") or ""), str(flag.get("detail") or "")
    if masked:  # stored text: masked like the evidence in the transcript
        rule, detail = mask_pii(rule), mask_pii(detail)
    line = Text().append("⚑ " + label, style="bold red3")  # not the base style: that colours all
    if rule:
        line.append(" (").append(Text(rule)).append(")")
    if messages:
        listed = ", ".join(f"#{p}" for p in messages[:MAX_LISTED])
        if len(messages) > MAX_LISTED:
            listed += f", … ({len(messages)} messages)"
        line.append(f" at {listed} (f)", style="dim")
    if detail:
        line.append(": ").append(Text(detail))
    return line


class FlagEvidence(Static):
    """One line per conversation flag with evidence; hidden when there is none."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.masked = True  # as the transcript starts; key m changes both
        self.flags: list[dict[str, Any]] = []
        self.known: set[int] = set()
        # Where key f goes, in order: (message number, the flag's words).
        self.targets: list[tuple[int, str]] = []

    def show(self, view: Any) -> None:
        self.flags = evidence_flags(view.signals)
        self.known = {int(m["position"]) for m in view.messages}
        self.targets = []
        for flag in self.flags:
            label = SIGNAL_LABELS.get(flag["flag"], flag["flag"].replace("_", " "))
            seen = {p for p, _ in self.targets}
            self.targets.extend((p, label) for p in named_messages(flag, self.known) if p not in seen)
        self._render_lines()

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self._render_lines()

    def _render_lines(self) -> None:
        lines = [evidence_line(f, named_messages(f, self.known), self.masked) for f in self.flags]
        self.display = bool(lines)
        self.update(Text("\n").join(lines))
