"""Frustration and sentiment timelines of the conversation, over a line of signal facts.

Each bar of a timeline is one customer message: clicking a bar focuses that message in the
transcript (the screen handles ``SignalSummary.BarClicked``), and the line names the
frustration peak's message number (key p jumps there).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from cxreview.privacy import mask_pii
from cxreview.reports.charts import sparkline
from cxreview.signals.config import repeat_contact_days
from cxreview.signals.language import reading_note
from cxreview.tui.widgets.flag_evidence import FlagEvidence


class SignalSummary(Vertical):
    """The customer's frustration and sentiment turn by turn, and the facts a reviewer checks
    first: one line at 80 columns (cut with an ellipsis), a line per conversation flag with
    its evidence (a bot loop), all of it when the screen's details are open (key t), with why
    the conversation was picked."""

    DEFAULT_CSS = """
    SignalSummary { height: auto; }
    SignalSummary Static { height: auto; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    SignalSummary #pick-reason { display: none; }
    SignalSummary #language-note { display: none; text-wrap: wrap; }
    """

    class BarClicked(Message):
        """A timeline bar was clicked: the customer message it stands for."""

        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bars: list[tuple[int, list[int]]] = []  # (column of the first bar, message per bar)

    def compose(self) -> ComposeResult:
        yield Static(id="facts")
        yield Static(id="language-note")  # a language whose words are not read with its own lists
        yield FlagEvidence(id="flag-evidence")  # the loop's rule and messages, when there is one
        yield Static(id="pick-reason")

    def show(self, view: Any, reason: str = "") -> None:
        line, self.bars = timeline(view)
        line.append(" · ", style="dim").append(facts(view))
        self.query_one("#facts", Static).update(line)
        note = reading_note((view.signals or {}).get("language") or view.conversation.get("language"))
        language_note = self.query_one("#language-note", Static)
        language_note.update(Text(note or "", style="dim italic"))
        language_note.display = note is not None
        self.query_one(FlagEvidence).show(view)
        self.query_one("#pick-reason", Static).update(
            Text("why picked: ", style="dim").append(Text(reason)) if reason else Text("")
        )

    def on_click(self, event: events.Click) -> None:
        """A click on a bar of the facts line: the message that bar stands for."""
        facts_line = self.query_one("#facts", Static)
        if event.widget is not facts_line:
            return
        column = event.x - facts_line.styles.padding.left  # the line's own columns
        for start, positions in self.bars:
            if start <= column < start + len(positions):
                self.post_message(self.BarClicked(positions[column - start]))
                return


def customer_turns(view: Any) -> list[tuple[int, dict[str, Any]]]:
    """(message number, values) of the analysed customer messages, in order."""
    return [(p, v) for p, v in sorted(view.message_signals.items()) if v.get("frustration") is not None]


def peaks(signals: dict[int, dict[str, Any]]) -> list[int]:
    """Customer message numbers from the most frustrated down (ties: the earlier first)."""
    turns = [(p, v["frustration"]) for p, v in signals.items() if v.get("frustration") is not None]
    return [p for p, _ in sorted(turns, key=lambda turn: (-turn[1], turn[0]))]


def timeline(view: Any) -> tuple[Text, list[tuple[int, list[int]]]]:
    """The customer's turns in order: frustration (0..1) and sentiment (-1..1) as sparklines,
    each with its scale, and where the bars are: (column of the first bar, message per bar)."""
    customer = customer_turns(view)
    text = Text()
    if not customer:
        return text.append("no customer messages analysed", style="dim"), []
    positions = [p for p, _ in customer]
    bars: list[tuple[int, list[int]]] = []
    # The scale next to each line: the bars are the customer's turns, low to high on it.
    text.append("frustration 0", style="dim")
    bars.append((text.cell_len, positions))
    text.append(sparkline([v["frustration"] for _, v in customer], 0.0, 1.0), style="red3")
    text.append("1", style="dim")
    top = max(customer, key=lambda turn: turn[1]["frustration"])
    text.append(f" peak {top[1]['frustration']:.2f} at #{top[0]} (p)", style="dim")
    text.append("  sentiment -1", style="dim")
    bars.append((text.cell_len, positions))
    text.append(sparkline([v["sentiment"] for _, v in customer], -1.0, 1.0), style="dodger_blue2")
    turns = "turn" if len(customer) == 1 else "turns"
    text.append(f"+1 ({len(customer)} customer {turns})", style="dim")
    return text, bars


def facts(view: Any) -> Text:
    conversation = view.conversation
    signals = view.signals or {}
    parts: list[tuple[str, str]] = []
    if signals:
        parts.append(("risk", f"{signals['risk']:.2f}"))
        if signals.get("handover"):
            latency = signals.get("handover_latency_turns")
            seconds = signals.get("handover_latency_seconds")
            value = "yes"
            if latency is not None:
                value = f"{latency} msgs" + (f" / {seconds:.0f}s" if seconds is not None else "")
            parts.append(("handover", value))
        else:
            parts.append(("handover", "none"))
        if signals.get("bot_disclosed") is not None:
            parts.append(("bot disclosed", "yes" if signals["bot_disclosed"] else "NO"))
        if signals.get("trajectory_label"):
            parts.append(("trend", signals["trajectory_label"]))
    phases = getattr(view, "phases", None) or {}
    if phases.get("agent_change"):
        # What is the agent's: the state the customer arrived in is inherited, the change is theirs.
        arrived = "frustrated" if phases.get("arrived_frustrated") else "calm"
        parts.append(("with the agent", f"arrived {arrived}, {phases['agent_change']}"))
    # An outcome is imported free text like any other: masked alike (always, it is a label).
    parts.append(("outcome", mask_pii(conversation.get("outcome") or "-")))
    parts.append(("csat", f"{conversation['csat']:g}" if conversation.get("csat") is not None else "-"))
    parts.append(
        ("repeat contact", f"{view.repeat_contacts} in {repeat_contact_days()}d" if view.repeat_contacts else "no")
    )
    text = Text()
    for index, (label, value) in enumerate(parts):
        if index:
            text.append(" · ", style="dim")
        text.append(f"{label} ", style="dim")
        text.append(value, style="bold" if value in ("NO", "worse") or value.endswith(", worse") else "")
    if not signals:
        text.append("  (not analysed: run cxreview analyze)", style="dim")
    return text
