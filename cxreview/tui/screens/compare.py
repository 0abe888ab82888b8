"""Calibration: everyone's scores side by side, disagreements first, and who has not submitted."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from cxreview.reviews import Review
from cxreview.rubrics.model import Criterion

WIDE = "bold red3"  # two or more levels apart (or yes against no)
NEAR = "bold dark_orange"  # one level apart


def spread(criterion: Criterion, reviews: list[Review]) -> int:
    """How far apart the submitted scores of a criterion are, in levels (N/A counts apart
    from any score as one level; binary yes/no as two, the widest a binary can be)."""
    values = [r.criteria[criterion.id] for r in reviews if r.submitted and criterion.id in r.criteria]
    scores = [s.score for s in values if s.score is not None]
    distance = (max(scores) - min(scores)) if scores else 0
    if criterion.binary and distance:
        distance = 2
    if any(s.na for s in values) and scores:
        distance = max(distance, 1)
    return distance


def ordered(criteria: list[Criterion], reviews: list[Review]) -> list[tuple[Criterion, int]]:
    """Criteria with their spread: disagreements first (critical ones before others, then the
    widest), agreements after in rubric order."""
    rows = [(c, spread(c, reviews)) for c in criteria]
    order = {c.id: i for i, c in enumerate(criteria)}
    return sorted(rows, key=lambda row: (row[1] == 0, row[0].critical is None, -row[1], order[row[0].id]))


class CompareModal(ModalScreen[None]):
    """Everyone's scores and notes per criterion, side by side."""

    BINDINGS = [Binding("escape,v", "close", "Close", id="compare.close", tooltip="Close the comparison")]

    def __init__(self, mine: Review, others: list[Review], waiting: list[str], conversation_id: str = "") -> None:
        super().__init__()
        self.mine = mine
        self.others = others
        self.waiting = waiting
        self.conversation_id = conversation_id

    def compose(self) -> ComposeResult:
        reviews = [self.mine, *self.others]
        title = Text("Calibration: scores side by side")
        if self.conversation_id:
            title.append(" · ").append(Text(self.conversation_id))
        table = Table(expand=True, show_lines=True, title=title)
        table.add_column("Criterion", style="bold")
        for review in reviews:
            status = "" if review.submitted else " (draft)"
            table.add_column(Text(review.reviewer + status))
        rows = ordered(list(self.mine.rubric.criteria), reviews)
        for criterion, distance in rows:
            label = Text(criterion.label)
            if criterion.critical:
                label.append(" ★", style="bold dark_orange")
            if distance:
                label.append(f"\n{distance} apart", style=WIDE if distance >= 2 else NEAR)
            cells = []
            for review in reviews:
                state = review.criteria.get(criterion.id)
                if state is None:
                    cells.append(Text("-"))
                    continue
                value = "N/A" if state.na else (criterion.level_name(state.score) if state.score is not None else "·")
                cell = Text(value, style=(WIDE if distance >= 2 else NEAR) if distance else "bold")
                if state.note:
                    cell.append("\n").append(Text(state.note, style="dim"))
                cells.append(cell)
            table.add_row(label, *cells)
        scores = []
        for review in reviews:
            result = review.result()
            scores.append(Text("—" if result.score is None else f"{result.score:.0f}", style="bold"))
        table.add_row(Text("Review score"), *scores)
        notes = [Text(r.overall_note or "", style="dim") for r in reviews]
        table.add_row(Text("Coaching note"), *notes)
        disagreements = sum(1 for _c, d in rows if d)
        summary = Text(
            f"{disagreements} of {len(rows)} criteria disagree" if disagreements else "Everyone agrees",
            style="bold",
        )
        if self.waiting:
            summary.append("  ·  not submitted yet: ", style="dim").append(Text(", ".join(self.waiting)))
        else:
            summary.append("  ·  everyone has submitted", style="dim")
        with VerticalScroll(classes="dialog wide"):
            yield Static(summary, id="compare-summary")
            yield Static(table)
            yield Static(Text("escape closes", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
