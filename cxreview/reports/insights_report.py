"""Insights as terminal tables (also used by the TUI), JSON, Markdown and one HTML file."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from html import escape
from typing import Any

from cxreview.insights import SMALL, Group, Insights, Template
from cxreview.insights_autoqa import LABEL as MACHINE_LABEL
from cxreview.privacy import mask_pii
from cxreview.reports.charts import nice_ceiling, sparkline, svg_bars, text_bar, word_cut
from cxreview.signals.language import languages_note

BAR_LABEL = 28  # characters of an answer before a text bar (cut at a word, the table shows it whole)

LABELS = {
    "frustration": "followed by frustration",
    "human_request": "followed by a request for a person",
    "abandoned": "the last answer before the customer left unresolved",
}


@dataclass
class Bars:
    """The chart under a table: the table's rows (groups marked small left out) in the table's
    order, drawn by the column the table is sorted by, in that column's units."""

    column: str  # the table column the bars draw (the one the table is sorted by)
    rows: list[tuple[str, float]] = field(default_factory=list)
    maximum: float = 100.0
    unit: str = "%"
    digits: int = 0

    def __bool__(self) -> bool:
        return bool(self.rows)

    def text(self, value: float) -> str:
        return f"{value:.{self.digits}f}{self.unit}"

    @property
    def caption(self) -> str:
        scale = f"0-{self.maximum:g}" if self.unit == "" else f"0-{self.maximum:g}{self.unit}"
        return f'Bars: "{self.column}" ({scale}), in the order of the table; rows marked small are not drawn.'


def _count_bars(column: str, rows: list[tuple[str, float]]) -> Bars:
    return Bars(column, rows, nice_ceiling(max((v for _, v in rows), default=1.0)), "", 0)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(mask_pii(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sections(insights: Insights) -> list[tuple[str, list[str], list[list[str]], Bars]]:
    """(title, columns, rows, bars) for every section: the one source for every format."""
    out = []
    for key, label in LABELS.items():
        rows = [
            [
                _short(t.text),
                t.role,
                str(t.n),
                str(t.counts.get(key, 0)),
                _pct(t.rate(key)),
                str(t.variants),
                "small" if t.n < SMALL else "",
            ]
            for t in insights.answers[key]
        ]
        # The table is sorted by "times" (a rate on few answers is noise), so the bars draw times.
        bars = _count_bars(
            "times", [(_short(t.text), float(t.counts.get(key, 0))) for t in insights.answers[key] if t.n >= SMALL]
        )
        out.append(
            (
                f"Answers most often {label}",
                ["Answer (template)", "By", "n answers", "times", "rate", "variants", ""],
                rows,
                bars,
            )
        )
    out.append(
        (
            f"Loop hotspots: bot prompts repeated most (and {insights.unanswered} conversations ended "
            "on an unanswered customer message)",
            ["Prompt (template)", "repeats", "conversations", "variants"],
            [
                [_short(t.text), str(t.n), str(t.counts.get("conversations", 0)), str(t.variants)]
                for t in insights.loop_prompts
            ],
            Bars(""),
        )
    )
    out.append(
        (
            "Stuck in the bot, per queue (median from first request for a person to handover)",
            ["Queue", "n", "stuck in bot", "median turns", "median seconds", "handovers after request", ""],
            [
                [
                    g.name,
                    str(g.n),
                    _pct(g.values["stuck_share"]),
                    _num(g.values["median_turns"], 0),
                    _num(g.values["median_seconds"], 0),
                    str(g.values["handovers_after_request"]),
                    _small(g),
                ]
                for g in insights.stuck_by_queue
            ],
            Bars(
                "stuck in bot",
                [(g.name, 100 * (g.values["stuck_share"] or 0)) for g in insights.stuck_by_queue if not g.small],
            ),
        )
    )
    for column, groups in insights.drivers.items():
        out.append(
            (
                f"Frustration drivers by {column}",
                [
                    column.capitalize(),
                    "n",
                    "mean peak frustration",
                    "with spike",
                    "bot loop",
                    "ended better",
                    "ended worse",
                    "",
                ],
                [
                    [
                        g.name,
                        str(g.n),
                        _num(g.values["peak_frustration"]),
                        _pct(g.values["spike_share"]),
                        _pct(g.values["loop_share"]),
                        _pct(g.values["better"]),
                        _pct(g.values["worse"]),
                        _small(g),
                    ]
                    for g in groups
                ],
                Bars(
                    "mean peak frustration",
                    [(g.name, g.values["peak_frustration"] or 0) for g in groups if not g.small],
                    1.0,
                    "",
                    2,
                ),
            )
        )
    out.append(
        (
            "Agents: what changed under the agent (agent phase only; frustration from the bot is inherited)",
            [
                "Agent",
                "n",
                "arrived frustrated",
                "of those recovered",
                "got worse under the agent",
                "mean frustration added",
                "agent-phase spike",
                "",
            ],
            [
                [
                    g.name,
                    str(g.n),
                    _pct(g.values["inherited_share"]),
                    _pct(g.values["recovered_share"]),
                    _pct(g.values["worse_share"]),
                    _num(g.values["added"]),
                    _pct(g.values["agent_spike_share"]),
                    _small(g),
                ]
                for g in insights.agents
            ],
            Bars(
                "got worse under the agent",
                [(g.name, 100 * (g.values["worse_share"] or 0)) for g in insights.agents if not g.small],
            ),
        )
    )
    out.append(
        (
            "Handover announcements: how long customers then waited, and how they arrived",
            ["Announcement (template)", "By", "n", "reached a person", "mean wait (s)", "arrived frustrated"],
            [
                [
                    _short(t.text),
                    t.role,
                    str(t.n),
                    str(t.counts.get("reached_agent", 0)),
                    _num(t.counts["wait_seconds"] / t.counts["wait_known"], 0) if t.counts.get("wait_known") else "-",
                    _pct(t.counts.get("arrived_frustrated", 0) / t.counts["reached_agent"])
                    if t.counts.get("reached_agent")
                    else "-",
                ]
                for t in insights.handovers
            ],
            Bars(""),
        )
    )
    if insights.weeks:
        weeks = insights.weeks
        out.append(
            (
                f"Week by week ({weeks[0].name} to {weeks[-1].name})",
                ["Measure", "trend", "first", "last", "weeks"],
                [
                    [
                        label,
                        sparkline([100 * (w.values[key] or 0) for w in weeks], 0, 100),
                        _pct(weeks[0].values[key]),
                        _pct(weeks[-1].values[key]),
                        str(len(weeks)),
                    ]
                    for label, key in (
                        ("mean peak frustration", "peak_frustration"),
                        ("with an emotion spike", "spike_share"),
                        ("stuck in bot", "stuck_share"),
                    )
                ]
                + [
                    [
                        "conversations",
                        sparkline([float(w.n) for w in weeks], 0),
                        str(weeks[0].n),
                        str(weeks[-1].n),
                        str(len(weeks)),
                    ]
                ],
                Bars(""),
            )
        )
    t = insights.trajectories
    out.append(
        (
            "Trajectories: how conversations end against how they started",
            ["n", "ended better", "ended worse"],
            [[str(t["n"]), _pct(float(t["better"])), _pct(float(t["worse"]))]],
            Bars(""),
        )
    )
    out.append(
        (
            f"Repeat contact within {insights.repeat_days} days, per queue",
            ["Queue", "n", "came back", ""],
            [[g.name, str(g.n), _pct(g.values["repeat_share"]), _small(g)] for g in insights.repeat_by_queue],
            Bars(
                "came back",
                [(g.name, 100 * (g.values["repeat_share"] or 0)) for g in insights.repeat_by_queue if not g.small],
            ),
        )
    )
    out.append(
        (
            f"Last answers of a first contact that most often bring the customer back within "
            f"{insights.repeat_days} days",
            ["Last answer (template)", "n", "came back", "rate", ""],
            [
                [
                    _short(t.text),
                    str(t.n),
                    str(t.counts.get("came_back", 0)),
                    _pct(t.rate("came_back")),
                    "small" if t.n < SMALL else "",
                ]
                for t in insights.repeat_by_answer
            ],
            Bars(""),
        )
    )
    if insights.qa:
        out.append(
            (
                "QA linkage: calibrated criterion scores with and without a signal",
                ["Signal", "Criterion", "with", "n", "without", "n"],
                [
                    [
                        q["signal"],
                        q["criterion"],
                        _num(q["with"]),
                        str(q["n_with"]),
                        _num(q["without"]),
                        str(q["n_without"]),
                    ]
                    for q in insights.qa
                ],
                Bars(""),
            )
        )
    out.extend(_machine_sections(insights))
    if insights.csat:
        out.append(
            (
                "QA linkage: mean review score per csat",
                ["csat", "reviews", "mean review score", ""],
                [[g.name, str(g.n), _num(g.values["mean_review_score"], 0), _small(g)] for g in insights.csat],
                Bars(
                    "mean review score",
                    [(f"csat {g.name}", g.values["mean_review_score"] or 0) for g in insights.csat if not g.small],
                    100.0,
                    "",
                ),
            )
        )
    return out


def _machine_sections(insights: Insights) -> list[tuple[str, list[str], list[list[str]], Bars]]:
    """AutoQA's estimates per agent and per queue (reliable criteria only), always labelled."""
    out: list[tuple[str, list[str], list[list[str]], Bars]] = []
    tables: dict[tuple[str, str], list[Any]] = {}
    for row in insights.machine:
        tables.setdefault((row.rubric, row.column), []).append(row)
    left = {item["rubric"]: item["sentence"] for item in insights.machine_left_out}
    for (rubric, column), rows in tables.items():
        out.append(
            (
                f"Machine-estimated (AutoQA) scores per {column} over all conversations, next to the reviewed "
                f"ones (rubric {rubric}, reliable criteria only, lowest estimate first"
                + (f"; left out: {left[rubric]})" if rubric in left else ")"),
                [
                    column.capitalize(),
                    "Criterion",
                    "n",
                    "machine-estimated mean (AutoQA)",
                    "reviewed mean (calibrated)",
                    "reviews",
                    "",
                ],
                [
                    [
                        r.group,
                        r.criterion,
                        str(r.n),
                        _num(r.machine_mean),
                        _num(r.reviewed_mean),
                        str(r.reviews),
                        f"small (n<{SMALL})" if r.n < SMALL else "",
                    ]
                    for r in rows
                ],
                Bars(""),
            )
        )
    return out


def _small(group: Group) -> str:
    return f"small (n<{SMALL})" if group.small else ""


# The filters in words: "since 2026-10-01, agent Ana, queue billing or returns".
_FILTER_WORDS = {"queues": "queue", "channels": "channel", "agents": "agent", "languages": "language"}


def _scope(filters: dict[str, Any]) -> str:
    parts = [
        f"{_FILTER_WORDS.get(key, key)} {' or '.join(map(str, value)) if isinstance(value, list) else value}"
        for key, value in filters.items()
    ]
    return ", ".join(parts) or "all conversations"


def intro(insights: Insights) -> str:
    scope = _scope(insights.filters)
    noun = "conversation" if insights.conversations == 1 else "conversations"
    return (
        f"Insights over {insights.conversations:,} {noun} ({scope}). Every figure shows its base (n); "
        f"groups with fewer than {SMALL} conversations are marked small and listed after the others, not ranked. "
        "Near-identical answers are grouped into one template. Personal data is masked."
    ) + (f" {note}" if (note := languages_note(insights.languages)) else "")


def renderables(insights: Insights) -> list[Any]:
    """Rich tables with text bars, for the terminal and the TUI's Insights screen."""
    from rich.text import Text

    from cxreview.reports.text_table import FitTable

    parts: list[Any] = [Text(intro(insights), style="dim")]
    for title, columns, rows, bars in sections(insights):
        parts.append(FitTable(title, columns, rows))  # a table, or blocks when too narrow
        if bars:
            chart = Text()
            chart.append(bars.caption + "\n", style="dim")
            for label, bar, value in _text_bars(bars):
                chart.append(label + " ")
                chart.append(bar, style="dodger_blue2")
                chart.append(f" {value}\n")
            parts.append(chart)
    return parts


def _text_bars(bars: Bars) -> list[tuple[str, str, str]]:
    """(label padded, bar, value) per row: labels cut at a word (the table has the full text)."""
    labels = [word_cut(label, BAR_LABEL) for label, _ in bars.rows]
    width = max(len(label) for label in labels)
    return [
        (f"{label:<{width}}", text_bar(value, bars.maximum, 24), bars.text(value))
        for label, (_, value) in zip(labels, bars.rows, strict=True)
    ]


def to_json(insights: Insights) -> str:
    def template(t: Template) -> dict[str, Any]:
        return {
            "text": mask_pii(t.text),
            "role": t.role,
            "n": t.n,
            "counts": t.counts,
            "variants": t.variants,
            "small": t.n < SMALL,
        }

    def group(g: Group) -> dict[str, Any]:
        return {"name": g.name, "n": g.n, **g.values, "small": g.small}

    data = {
        "conversations": insights.conversations,
        "filters": insights.filters,
        "answers": {k: [template(t) for t in v] for k, v in insights.answers.items()},
        "unanswered_endings": insights.unanswered,
        "loop_prompts": [template(t) for t in insights.loop_prompts],
        "stuck_by_queue": [group(g) for g in insights.stuck_by_queue],
        "drivers": {k: [group(g) for g in v] for k, v in insights.drivers.items()},
        "agents": [group(g) for g in insights.agents],
        "handover_announcements": [template(t) for t in insights.handovers],
        "trajectories": insights.trajectories,
        "repeat_days": insights.repeat_days,
        "repeat_by_queue": [group(g) for g in insights.repeat_by_queue],
        "repeat_by_last_answer": [template(t) for t in insights.repeat_by_answer],
        "qa_linkage": insights.qa,
        "csat": [group(g) for g in insights.csat],
        "machine_estimates": [{"label": MACHINE_LABEL, **asdict(row)} for row in insights.machine],
        "machine_left_out": insights.machine_left_out,
        "languages": insights.languages,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _md_cell(text: str) -> str:
    for char in ("\\", "|", "`", "*", "_", "[", "]", "<", ">"):
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(insights: Insights) -> str:
    out = ["# Insights", "", intro(insights), ""]
    for title, columns, rows, bars in sections(insights):
        out += [f"## {title}", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows] or [
            "| " + " | ".join("-" for _ in columns) + " |"
        ]
        if bars:
            out += ["", bars.caption, "", "```"]
            out += [f"{label} {bar} {value}" for label, bar, value in _text_bars(bars)] + ["```"]
        out.append("")
    return "\n".join(out)


def to_html(insights: Insights) -> str:
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>cxreview insights</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1f2937}"
        "table{border-collapse:collapse;width:100%;margin-bottom:.5em}td,th{padding:4px 8px;border-bottom:1px solid "
        "#e5e7eb;text-align:left;font-size:14px}h2{margin-top:1.8em;font-size:1.15em}.note{color:#6b7280}</style>"
        "</head><body><h1>Insights</h1>",
        f"<p class='note'>{escape(intro(insights))}</p>",
    ]
    for title, columns, rows, bars in sections(insights):
        parts.append(
            f"<h2>{escape(title)}</h2><table><tr>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>"
        )
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
        parts.append("</table>")
        if bars:
            parts.append(f"<p class='note'>{escape(bars.caption)}</p>")
            drawn: list[tuple[str, float, float | None]] = [(label, value, None) for label, value in bars.rows]
            parts.append(svg_bars(drawn, bars.maximum, 700, bars.unit, bars.digits))
    parts.append("</body></html>")
    return "\n".join(parts)
