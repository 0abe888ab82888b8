"""The rubric panel: criteria with scores, the focused one's question, anchor and signals."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from cxreview.privacy import mask_pii
from cxreview.reviews import Review
from cxreview.rubrics.model import Criterion
from cxreview.signals.config import repeat_contact_days
from cxreview.suggestions import ghost, is_far, is_unsure, nearest_level, past_end, withheld_where

# Mid-tone colours that read on dark and light themes alike.
CRITICAL = "bold dark_orange"
PASS = "bold green3"
FAIL = "bold red3"
SIGNAL = "dodger_blue2"
AUTOQA = "dim italic"  # a ghost value: visibly not a score anyone gave

SIGNAL_LABELS = {
    "emotion_spike": "emotion spikes",
    "peak_frustration": "peak frustration",
    "trajectory": "trajectory",
    "customer_repeat": "customer repeats",
    "outcome": "outcome",
    "repeat_contact": "repeat contact",
    "stuck_in_bot": "stuck in bot",
    "bot_disclosed": "bot disclosed",
    "uncertainty_admitted": "admits limits",
    "human_request": "requests for a person",
    "ignored_human_request": "ignored requests",
    "handover": "handover",
    "bot_repeat": "bot repeats",
    "bot_loop": "bot loop",
}


class RubricPanel(Static):
    """Shows the review; the screen owns the keys and tells the panel what changed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.review: Review | None = None
        self.cursor = 0
        self.target = 0  # where c and r write: the criterion last scored until the cursor moves
        self.preview: int | None = None
        self.signal_values: dict[str, str] = {}
        self.suggestions: dict[str, Any] = {}
        self.content_group: Group = Group()

    def show(
        self,
        review: Review,
        cursor: int,
        preview: int | None,
        signal_values: dict[str, str],
        target: int | None = None,
        suggestions: dict[str, Any] | None = None,
    ) -> None:
        self.review = review
        self.suggestions = suggestions or {}
        self.cursor = cursor
        self.target = cursor if target is None else target
        self.preview = preview
        self.signal_values = signal_values
        self.content_group = self._render_review()
        self.update(self.content_group)

    def on_resize(self) -> None:
        # The criteria lines fit the ghost value to the width, unknown at the first show.
        if self.review is not None:
            self.content_group = self._render_review()
            self.update(self.content_group)

    @property
    def plain(self) -> str:
        """The panel's text without styles (what a test or a screen reader would read)."""
        return "\n".join(r.plain for r in self.content_group.renderables if isinstance(r, Text))

    @property
    def criteria(self) -> list[Criterion]:
        return list(self.review.rubric.criteria) if self.review else []

    def _render_review(self) -> Group:
        review = self.review
        assert review is not None
        lines: list[Any] = []
        for index, criterion in enumerate(review.rubric.criteria):
            state = review.criteria[criterion.id]
            focused = index == self.cursor
            line = Text("▶ " if focused else "  ", style="bold" if focused else "")
            line.append(criterion.label, style="bold" if focused else "")
            if criterion.critical:
                line.append(" ★", style=CRITICAL)
            value = "N/A" if state.na else (criterion.level_name(state.score) if state.score is not None else "·")
            line.append(
                f"  [{value}]" if state.score is not None or state.na else "  [ ]",
                style="bold" if state.score is not None or state.na else "dim",
            )
            if state.root_causes or state.note:
                line.append(" ✎", style="dim")
            suggestion = self.suggestions.get(criterion.id)
            if state.suggested:
                line.append(" accepted AutoQA", style=AUTOQA)
            elif suggestion is not None and suggestion.reliable:
                shown = ghost(suggestion, criterion)
                # A ghost that would wrap (80x24) pushes the criteria down: drop its "AutoQA"
                # (the focused criterion's line below spells it out), and never wrap it.
                if line.cell_len + 2 + len(shown) > (self.content_size.width or 1000):
                    shown = shown.replace("AutoQA ", "≈", 1)
                line.append(f"  {shown}", style=AUTOQA)
                line.no_wrap, line.overflow = True, "ellipsis"
            lines.append(line)
        lines.append(score_line(review))
        if review.overall_note:
            lines.append(Text("Coaching note: ").append(Text(review.overall_note)))
        if review.submitted:
            lines.append(Text("Submitted", style=PASS))
        criterion = review.rubric.criteria[self.cursor]
        state = review.criteria[criterion.id]
        lines.append(Text(""))
        lines.append(Text(criterion.question, style="italic"))
        if criterion.guidance:
            lines.append(Text(criterion.guidance, style="dim italic"))
        # Short, decision-relevant lines first; the anchors, the longest text, come last so
        # that at 80x24 only they can run past the bottom.
        signals = [
            f"{SIGNAL_LABELS.get(s, s.replace('_', ' '))}: {self.signal_values[s]}"
            for s in criterion.signals
            if s in self.signal_values
        ]
        if signals:
            lines.append(Text("Signals: " + "; ".join(signals), style=SIGNAL))
        lines.extend(self._suggestion_lines(criterion))
        if criterion.critical:
            effect = "zeroes the review" if criterion.critical.effect == "zero" else "flags the review"
            lines.append(
                Text(f"★ critical: below {criterion.level_name(criterion.critical.below)} {effect}", style=CRITICAL)
            )
        if state.root_causes:
            lines.append(Text("Root causes: " + ", ".join(state.root_causes), style="dim"))
        if state.note:
            lines.append(Text("Note: ").append(Text(state.note)))
        keys = "0 no · 1 yes" if criterion.binary else f"{criterion.min}-{criterion.max}"
        hint = f"keys {keys}" + (" · n N/A" if criterion.allow_na else "") + " · ←→ anchors"
        if self.target != self.cursor:
            hint += f" · c/r: {review.rubric.criteria[self.target].label}"
        if not review.submitted and any(
            s.reliable
            and c in review.criteria
            and review.criteria[c].value is None
            and not is_unsure(review.rubric.criterion(c), s)
            for c, s in self.suggestions.items()
        ):
            hint += " · a accepts AutoQA"
        lines.append(Text(hint, style="dim"))
        level = self.preview if self.preview is not None else state.score
        if state.na:
            lines.append(Text("N/A: does not apply to this conversation", style="dim"))
        elif level is not None and level in criterion.anchors:
            lines.append(
                Text(f"{criterion.level_name(level)}: ", style="bold").append(criterion.anchors[level], style="")
            )
        else:
            low, high = criterion.min, criterion.max
            lines.append(Text(f"{criterion.level_name(low)}: {criterion.anchors.get(low, '')}", style="dim"))
            lines.append(Text(f"{criterion.level_name(high)}: {criterion.anchors.get(high, '')}", style="dim"))
        return Group(*lines)

    def _suggestion_lines(self, criterion: Criterion) -> list[Text]:
        """The focused criterion's suggestion: the value, what it rounds to, the top reasons;
        a not-reliable model only says so and why (no figure to anchor on)."""
        suggestion = self.suggestions.get(criterion.id)
        if suggestion is None:
            return []
        if not suggestion.reliable:
            # The reason comes from the model store: plain text, never markup.
            why = suggestion.reason.removeprefix("not reliable").lstrip(": ")
            return [Text("AutoQA: not reliable" + (": " if why else ""), style="dim").append(Text(why))]
        if is_far(suggestion):
            # Unlike every conversation the model learnt from: whatever it computed is not backed.
            return [
                Text(
                    "AutoQA: outside what it was trained on (unlike every reviewed conversation); a leaves it",
                    style=AUTOQA,
                )
            ]
        if withheld_where(suggestion) is not None:
            # Reliable overall, but measurably not on this channel or language (plain text: the
            # kind's name comes from the imported data).
            return [
                Text("AutoQA: not reliable on ", style=AUTOQA)
                .append(Text(str(withheld_where(suggestion)), style=AUTOQA))
                .append(" (its agreement there is below 0.667); a leaves it", style=AUTOQA)
            ]
        if is_unsure(criterion, suggestion):
            # Too unsure of this conversation for a level: no figure to anchor on, a leaves it.
            line = Text(f"{ghost(suggestion, criterion)} (more than a level either way; a leaves it)", style=AUTOQA)
        else:
            level = criterion.level_name(nearest_level(criterion, suggestion.value))
            # A value clipped to an end of the scale says so: 1.0 may stand for -0.4.
            beyond = past_end(criterion.min, criterion.max, getattr(suggestion, "unclipped", None))
            line = Text(f"{ghost(suggestion)}{beyond} (a gives {level})", style=AUTOQA)
        if suggestion.reasons:
            # Reasons can quote an outcome value ("outcome <text>: yes"): masked like the transcript.
            line.append(": ", style=AUTOQA).append(Text(mask_pii("; ".join(suggestion.reasons[:3])), style=AUTOQA))
        return [line]


def score_line(review: Review) -> Text:
    """The live score: "x of y criteria scored" until every one is, then score and verdict
    (a pass or fail before the last criterion would be a guess)."""
    result = review.result()
    score = Text("Score ", style="bold")
    total = len(review.rubric.criteria)
    if result.missing:
        score.append(f"{total - len(result.missing)} of {total} criteria scored", style="bold")
        if result.critical_fail:
            score.append("  critical fail", style=FAIL)
        return score
    if result.score is None:
        score.append("— (all N/A)", style="dim")
    else:
        score.append(f"{result.score:.0f}", style="bold")
        verdict = "pass" if result.passed else "fail"
        score.append(f"  {verdict} (≥{review.rubric.pass_threshold:g})", style=PASS if result.passed else FAIL)
    if result.critical_fail:
        score.append("  critical fail", style=FAIL)
    elif result.flagged:
        score.append("  flagged: " + ", ".join(result.flagged), style=CRITICAL)
    return score


def signal_values(view: Any) -> dict[str, str]:
    """The figures the rubric links to its criteria, for one conversation (flag counts,
    peak frustration, trajectory, handover, transparency, outcome, repeat contact)."""
    values: dict[str, str] = {}
    signals = view.signals or {}
    counts: dict[str, int] = {}
    for entry in view.message_signals.values():
        for flag in entry["flags"]:
            counts[flag["flag"]] = counts.get(flag["flag"], 0) + 1
    for flag, count in counts.items():
        values[flag] = str(count)
    if signals:
        if signals.get("peak_frustration") is not None:
            values["peak_frustration"] = f"{signals['peak_frustration']:.2f}"
        values["trajectory"] = signals.get("trajectory_label") or "-"
        for name in ("stuck_in_bot", "bot_loop", "handover", "bot_disclosed", "uncertainty_admitted"):
            if signals.get(name) is not None:
                values[name] = "yes" if signals[name] else "no"
    values["outcome"] = mask_pii(view.conversation.get("outcome") or "-")  # imported text: masked
    values["repeat_contact"] = (
        f"{view.repeat_contacts} in {repeat_contact_days()} days" if view.repeat_contacts else "none"
    )
    return values
