"""Reading keys of the review screen: move through the transcript, jump to highlights and to
the message evidence names, page, expand a shortened message, mask or show personal data."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.css.query import NoMatches

from cxreview.tui.widgets.flag_evidence import FlagEvidence
from cxreview.tui.widgets.signal_summary import SignalSummary, peaks
from cxreview.tui.widgets.transcript import Transcript


class ReviewReading:
    """Mixed into ReviewScreen: the keys that read the conversation and change nothing."""

    app: Any
    query_one: Any
    toggle_class: Any
    call_after_refresh: Any

    def _rubric_hint(self) -> None:
        """ "more below" under the rubric panel while part of it is out of sight."""
        try:
            scroll, hint = self.query_one(RubricScroll), self.query_one("#rubric-hint")
        except NoMatches:  # the screen was left before this ran
            return
        hint.set_class(scroll.scroll_y < scroll.max_scroll_y, "-shown")

    def on_resize(self) -> None:
        self.call_after_refresh(self._rubric_hint)

    def action_scroll_rubric(self, step: int) -> None:
        scroll = self.query_one(RubricScroll)
        scroll.scroll_to(y=scroll.scroll_y + step * max(1, scroll.size.height - 2), animate=False)
        self.call_after_refresh(self._rubric_hint)

    def action_message(self, step: int) -> None:
        self.query_one(Transcript).move(step)

    def action_highlight(self, step: int) -> None:
        if not self.query_one(Transcript).jump_highlight(step > 0):
            self.app.notify("No more highlighted messages that way.", timeout=2)

    def action_details(self) -> None:
        """Open or close the header: the whole title, signal line and why it was picked."""
        self.toggle_class("-details")

    def action_evidence(self) -> None:
        """Jump to the message the focused message's evidence names; again for the next one."""
        transcript = self.query_one(Transcript)
        if not transcript.messages:
            return
        here = transcript.messages[transcript.cursor]["position"]
        related = transcript.related(transcript.cursor)
        if not related:
            self.app.notify("The focused message's evidence names no other message.", timeout=3)
            return
        transcript.go_to_position(related[0])
        self.app.notify(f"Message {related[0]}, named by message {here}'s evidence.", timeout=3)

    def action_flag_evidence(self) -> None:
        """Focus the first message a conversation flag names (a bot loop's first ask); pressed
        again on it, the next one, through every flag shown under the signal line."""
        transcript = self.query_one(Transcript)
        targets = self.query_one(FlagEvidence).targets
        if not targets:
            self.app.notify("This conversation has no loop or other conversation flag naming messages.", timeout=3)
            return
        positions = [p for p, _ in targets]
        here = transcript.focused_position
        rank = (positions.index(here) + 1) % len(positions) if here == getattr(self, "_flag_at", None) else 0
        self._flag_at, label = targets[rank]
        transcript.go_to_position(self._flag_at)
        self.app.notify(f"Message {self._flag_at}: {label} ({rank + 1} of {len(targets)}; f: next)", timeout=3)

    def action_peak(self) -> None:
        """Focus the most frustrated customer message (what the frustration line peaks at);
        pressed again on it, the next most frustrated, and so on."""
        transcript = self.query_one(Transcript)
        order = peaks(transcript.signals)
        if not order:
            self.app.notify("No analysed customer messages: the timelines are empty.", timeout=3)
            return
        here = transcript.focused_position
        rank = (order.index(here) + 1) % len(order) if here == getattr(self, "_peak", None) else 0
        self._peak = order[rank]
        transcript.go_to_position(order[rank])
        value = transcript.signals[order[rank]]["frustration"]
        self.app.notify(
            f"Message {order[rank]}: frustration {value:.2f} ({rank + 1} of {len(order)}; p: next)", timeout=3
        )

    def on_signal_summary_bar_clicked(self, message: SignalSummary.BarClicked) -> None:
        transcript = self.query_one(Transcript)
        if transcript.go_to_position(message.position):
            value = transcript.signals.get(message.position, {}).get("frustration")
            said = f"Message {message.position}" + (f": frustration {value:.2f}" if value is not None else "")
            self.app.notify(said, timeout=3)

    def action_page(self, step: int) -> None:
        transcript = self.query_one(Transcript)
        transcript.scroll_to(y=transcript.scroll_offset.y + step * max(1, transcript.size.height - 2), animate=False)

    def action_expand(self) -> None:
        transcript = self.query_one(Transcript)
        index = transcript.cursor
        if not transcript.messages:
            self.app.notify("This conversation has no messages.", timeout=3)
            return
        if not transcript.bodies[index].shortened:
            self.app.notify("The focused message is shown in full already.", timeout=3)
            return
        from cxreview.tui.screens.long_message import LongMessageScreen

        message = transcript.messages[index]
        self.app.push_screen(LongMessageScreen(message["position"], message["text"], transcript.masked))

    def action_toggle_mask(self) -> None:
        transcript = self.query_one(Transcript)
        transcript.masked = not transcript.masked
        self.query_one(FlagEvidence).set_masked(transcript.masked)  # its detail is masked alike
        self.app.notify(
            "Personal data masked" if transcript.masked else "Personal data shown: mind who can see your screen",
            timeout=3,
        )


class RubricScroll(VerticalScroll, can_focus=False):
    """Scrolls the rubric panel (shift+↑↓); never takes focus, so ↑↓ stay the criterion keys."""
