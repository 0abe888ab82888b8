"""Insights across all conversations, in the review app (key i): collapsible sections whose
rows open the conversations behind them, and the filters of `cxreview insights`."""

from __future__ import annotations

import shlex
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Collapsible, DataTable, Header, Input, Label, Static

from cxreview.filters import Filters
from cxreview.tui.widgets.footer import KeyFooter

# The filter words: the same names as the options of `cxreview insights`.
FILTER_WORDS = {
    "since": "since",
    "from": "since",
    "to": "to",
    "queue": "queues",
    "channel": "channels",
    "agent": "agents",
    "language": "languages",
}


def parse_filters(text: str) -> Filters:
    """``since=2026-03-01 queue=billing,returns agent="Ana de Vries"`` -> Filters; a
    ValueError names the word that is wrong."""
    values: dict[str, Any] = {}
    for word in shlex.split(text):
        name, _, value = word.partition("=")
        field = FILTER_WORDS.get(name.strip().lower())
        if field is None or not value.strip():
            raise ValueError(f'"{word}" is not a filter; write since=, to=, queue=, channel=, agent= or language=')
        if field in ("since", "to"):
            values[field] = value.strip()
        elif field in ("channels", "languages"):  # stored lower-case, as the CLI reads them
            values.setdefault(field, []).extend(v.strip().lower() for v in value.split(",") if v.strip())
        else:
            values.setdefault(field, []).extend(v.strip() for v in value.split(",") if v.strip())
    return Filters(**values)


def filters_text(filters: Filters) -> str:
    parts = []
    for word, field in (("since", "since"), ("to", "to")):
        if getattr(filters, field):
            parts.append(f"{word}={getattr(filters, field)}")
    for word, field in (("queue", "queues"), ("channel", "channels"), ("agent", "agents"), ("language", "languages")):
        values = getattr(filters, field)
        if values:
            parts.append(shlex.quote(f"{word}={','.join(values)}"))
    return " ".join(parts)


# What a row of insights stands for: (kind, value, role, every wording of an answer template).
DrillKey = tuple[str, str, str | None, list[str]]


def drill_keys(insights: Any) -> dict[str, list[DrillKey]]:
    """For each section title (its start), what each row stands for."""

    def texts(templates: list[Any]) -> list[DrillKey]:
        # All the template's wordings, merged as the insights merge them (shape and near-identity).
        return [("text", t.text, t.role, list(t.texts)) for t in templates]

    def groups(kind: str, items: list[Any]) -> list[DrillKey]:
        return [(kind, g.name, None, []) for g in items]

    from cxreview.reports.insights_report import LABELS

    keys: dict[str, list[DrillKey]] = {}
    for key, templates in insights.answers.items():
        keys[f"Answers most often {LABELS[key]}"] = texts(templates)
    keys["Loop hotspots"] = texts(insights.loop_prompts)
    keys["Stuck in the bot, per queue"] = groups("queue", insights.stuck_by_queue)
    for column, items in insights.drivers.items():
        keys[f"Frustration drivers by {column}"] = groups(column, items)
    keys["Agents:"] = groups("agent", insights.agents)
    keys["Handover announcements"] = texts(insights.handovers)
    keys["Repeat contact within"] = groups("queue", insights.repeat_by_queue)
    keys["Last answers of a first contact"] = texts(insights.repeat_by_answer)
    return keys


def _keys_for(title: str, keys: dict[str, list[Any]]) -> list[Any]:
    return next((values for start, values in keys.items() if title.startswith(start)), [])


class InsightsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,i", "close", "Back", id="insights.back", tooltip="Back to where you were"),
        Binding("f", "filters", "Filters", id="insights.filters", tooltip="Filter by period, queue, agent..."),
        Binding("c", "collapse", "Fold all", id="insights.collapse", tooltip="Fold or unfold every section"),
        Binding("question_mark", "help", "Help", id="insights.help", tooltip="Show every key"),
    ]

    def __init__(self, filters: Filters | None = None) -> None:
        super().__init__()
        self.filters = filters or Filters()
        self.sections: list[tuple[str, list[str], list[list[str]], list[Any]]] = []
        self.row_keys: list[list[Any]] = []
        self.intro = ""
        self.stale_as_of = ""  # when a stale stored result is shown: when it was computed
        self.step = "recomputing…"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="insights-filters")
        with VerticalScroll(id="insights-body"):
            yield Static(Text("Computing insights over all conversations…", style="dim"), classes="insights-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.compute()

    def _describe_filters(self) -> None:
        scope = filters_text(self.filters) or "all conversations"
        line = Text("Filters: ", style="bold").append(Text(scope))
        if self.stale_as_of:
            line.append(f"   as of {self.stale_as_of}: the data changed since; {self.step}", style="bold dark_orange")
        else:
            line.append("   f changes them · enter on a row opens its conversations · c folds", style="dim")
        self.query_one("#insights-filters", Static).update(line)

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def compute(self) -> None:
        cache = self.app.insights  # type: ignore[attr-defined]
        try:
            # Made once per filter in a run, on its own connection (the review screen's saves
            # never wait for it): kept from earlier in the run, stored in the database and
            # still fresh, or computed now while a stale stored one is shown as such.
            parts = cache.ready(self.filters)
            if parts is None:
                found = cache.stored_parts(self.filters)
                if found is not None and found[2]:
                    parts = found[0]
                elif found is not None:
                    self.app.call_from_thread(self._show, *found[0], stale_as_of=_when(found[1]))
            if parts is None:
                parts = cache.screen_parts(self.filters, _Progress(self))
        except Exception as error:  # noqa: BLE001 - shown, the app keeps running
            self.app.call_from_thread(self.app.notify, f"Insights failed: {error}", severity="error")
            return
        self.app.call_from_thread(self._show, *parts)

    def show_step(self, step: str) -> None:
        """Where a computation is (from its worker): on the stale view's line, or in the body."""
        self.step = step
        if self.stale_as_of:
            self._describe_filters()
        else:
            for status in self.query(".insights-status").results(Static):
                status.update(Text(step, style="dim"))

    def _show(self, sections: list[Any], keys: dict[str, list[Any]], intro: str, stale_as_of: str = "") -> None:
        self.sections, self.intro, self.stale_as_of = sections, intro, stale_as_of
        self.row_keys = []
        self._describe_filters()
        body = self.query_one("#insights-body")
        body.remove_children()
        widgets: list[Any] = [Static(Text(intro, style="dim"))]
        for number, (title, columns, rows, _bars) in enumerate(sections):
            table: DataTable[Any] = DataTable(cursor_type="row", zebra_stripes=True, id=f"section-{number}")
            for column in columns:
                table.add_column(Text(column))
            for index, row in enumerate(rows):
                table.add_row(*[Text(cell) for cell in row], key=str(index))
            self.row_keys.append(_keys_for(title, keys))
            widgets.append(Collapsible(table, title=title, collapsed=False))
        body.mount_all(widgets)
        tables = self.query(DataTable)
        if tables:
            tables.first().focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        number = int(str(event.data_table.id).split("-")[1])
        keys = self.row_keys[number] if number < len(self.row_keys) else []
        index = int(str(event.row_key.value))
        if index >= len(keys):
            self.app.notify("This row sums up many groups; it has no conversations of its own to open.", timeout=4)
            return
        from cxreview.tui.screens.drill import DrillScreen

        kind, value, role, texts = keys[index]
        title = self.sections[number][0]
        self.app.push_screen(DrillScreen(kind, value, role, title, self.filters, texts))

    def action_filters(self) -> None:
        def done(text: str | None) -> None:
            if text is None:
                return
            try:
                self.filters = parse_filters(text)
            except ValueError as error:
                self.app.notify(str(error), severity="error", timeout=6)
                return
            self.stale_as_of = ""
            self.query_one("#insights-body").remove_children()
            self.query_one("#insights-body").mount(
                Static(Text("Computing insights…", style="dim"), classes="insights-status")
            )
            self.compute()

        self.app.push_screen(FilterModal(filters_text(self.filters)), done)

    def action_collapse(self) -> None:
        sections = list(self.query(Collapsible))
        fold = any(not s.collapsed for s in sections)
        for section in sections:
            section.collapsed = fold

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from cxreview.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen("insights", self.BINDINGS))


class _Progress:
    """The steps of a computation, shown on the screen as they start (cxreview.progress.Phases)."""

    def __init__(self, screen: InsightsScreen) -> None:
        self.screen = screen

    def reset(self, description: str, total: int | None) -> None:
        self.screen.app.call_from_thread(self.screen.show_step, f"{description}…")

    def advance(self, amount: int) -> None:
        pass


def _when(computed_at: str) -> str:
    """'2026-11-29T03:30:05Z' -> '2026-11-29 03:30 UTC'."""
    return computed_at[:16].replace("T", " ") + " UTC" if len(computed_at) >= 16 else computed_at


class FilterModal(ModalScreen[str | None]):
    """One line of filters, in the words of `cxreview insights` options."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="filters.cancel", tooltip="Keep the filters as they were")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(classes="dialog"):
            yield Label(Text("Filters (enter applies, empty: all conversations)"), classes="dialog-title")
            yield Input(self.current, placeholder="since=2026-03-01 to=2026-04-01 queue=billing agent=Ana language=nl")
            yield Static(Text("since= to= queue= channel= agent= language= · several values: queue=a,b", style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
