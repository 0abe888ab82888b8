"""The coaching report: one agent's calibrated scores, trend, strengths, root causes and
three example moments, written to be read by the agent (Markdown or one HTML file)."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import Any

from cxreview.errors import NotFoundError
from cxreview.export import calibrations_for, review_records
from cxreview.filters import Filters
from cxreview.insights_autoqa import agent_sentence
from cxreview.privacy import mask_pii
from cxreview.progress import SILENT, Phases
from cxreview.reports.charts import sparkline, svg_bars, svg_line, text_bar
from cxreview.reports.excerpts import Example, examples
from cxreview.reviews import rubric_versions
from cxreview.store import Database
from cxreview.store.insights import agent_phase_signals


@dataclass
class CriterionLine:
    label: str
    agent: float
    team: float
    n: int


@dataclass
class ChangedScore:
    """A score changed after the review was first submitted, shown as changed with the reason."""

    conversation_id: str
    criterion: str
    original: str
    final: str
    why: str

    def sentence(self) -> str:
        return f"{self.conversation_id}, {self.criterion}: {self.original} -> {self.final} ({self.why})"


@dataclass
class CoachingReport:
    agent: str
    since: str | None
    reviews: int
    mean_score: float | None
    team_score: float | None
    criteria: list[CriterionLine]
    trend: list[tuple[str, float, int]]
    root_causes: list[tuple[str, int]]
    examples: list[Example]
    changed: list[ChangedScore] = field(default_factory=list)
    conversations: int = 0  # reviewed conversations; ``reviews`` counts every reviewer's review
    arrivals: dict[str, int] = field(default_factory=dict)  # how customers arrived and what changed
    machine: str = ""  # machine-estimated (AutoQA) means, reliable criteria only (insights_autoqa)


def build_report(db: Database, agent: str, since: str | None = None, phases: Phases = SILENT) -> CoachingReport:
    filters = Filters(since=since)
    phases.reset("Coaching report: leniency offsets", None)
    calibrations = calibrations_for(db)  # fitted once for both levels
    # Only the agent's own scorecard speaks about an agent: reviews with the bot rubric judge the bot.
    reviews = [
        r
        for r in review_records(db, "review", filters, calibrations=calibrations, phases=phases)
        if r["status"] == "submitted" and r["party"] == "agent"
    ]
    criteria_rows = [
        r
        for r in review_records(db, "criterion", filters, calibrations=calibrations, phases=phases)
        if r["status"] == "submitted" and r["party"] == "agent"
    ]
    phases.reset("Coaching report: team medians, arrivals and excerpts", None)
    mine = [r for r in reviews if r["agent"] == agent]
    if not mine:
        known = sorted({str(r["agent"]) for r in reviews if r["agent"]})
        raise NotFoundError(
            f'no submitted reviews of agent "{agent}"' + (f" since {since}" if since else ""),
            "agents with reviews: " + (", ".join(known[:8]) or "none yet"),
        )
    rubrics = rubric_versions(db)
    # Per criterion: this agent's mean against the median of every agent's mean (0..100).
    per_agent: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    labels: dict[str, str] = {}
    for row in criteria_rows:
        if row["na"] or row["calibrated"] is None or not row["agent"]:
            continue
        rubric = rubrics[(row["rubric_id"], row["rubric_version"])]
        criterion = rubric.criterion(str(row["criterion"]))
        labels[criterion.id] = criterion.label
        per_agent[str(row["criterion"])][str(row["agent"])].append(criterion.normalise(float(row["calibrated"])))
    lines = []
    for criterion_id, agents in per_agent.items():
        if agent not in agents:
            continue
        means = [statistics.fmean(v) for v in agents.values()]
        lines.append(
            CriterionLine(
                labels[criterion_id], statistics.fmean(agents[agent]), statistics.median(means), len(agents[agent])
            )
        )
    lines.sort(key=lambda line: line.agent - line.team, reverse=True)
    scored = [float(r["calibrated_score"]) for r in mine if r["calibrated_score"] is not None]
    team_means = defaultdict(list)
    for r in reviews:
        if r["calibrated_score"] is not None and r["agent"]:
            team_means[r["agent"]].append(float(r["calibrated_score"]))
    team = statistics.median(statistics.fmean(v) for v in team_means.values()) if team_means else None
    by_week: dict[str, list[float]] = defaultdict(list)
    for r in mine:
        if r["calibrated_score"] is not None and r["submitted_at"]:
            moment = datetime.fromisoformat(str(r["submitted_at"]).replace("Z", "+00:00"))
            by_week[f"{moment.isocalendar().year}-W{moment.isocalendar().week:02d}"].append(
                float(r["calibrated_score"])
            )
    trend = [(week, statistics.fmean(v), len(v)) for week, v in sorted(by_week.items())]
    causes: Counter[str] = Counter()
    import json

    for row in criteria_rows:
        if row["agent"] == agent:
            causes.update(json.loads(str(row["root_causes"])))
    return CoachingReport(
        agent=agent,
        since=since,
        reviews=len(mine),
        mean_score=statistics.fmean(scored) if scored else None,
        team_score=team,
        criteria=lines,
        trend=trend,
        root_causes=causes.most_common(5),
        examples=examples(db, agent, mine),
        conversations=len({r["conversation_id"] for r in mine}),
        arrivals=_arrivals(db, agent, since),
        machine=agent_sentence(db, agent, since),
        changed=_changed_scores(db, [r for r in criteria_rows if r["agent"] == agent and r["edited"]], labels),
    )


def _changed_scores(db: Database, rows: list[dict[str, Any]], labels: dict[str, str]) -> list[ChangedScore]:
    """Scores that changed after submission (a correction or an accepted dispute), with why."""
    from cxreview.store.corrections import latest_score_changes

    reasons = latest_score_changes(db.conn) if rows else {}
    changed = []
    for row in rows:
        change = reasons.get((row["review_id"], row["criterion"]))
        if change is None:
            why = "changed"
        elif change["dispute_id"] is not None:
            why = f"your dispute was accepted by {change['editor']}"
        else:
            why = f"corrected by the {'reviewer' if change['role'] == 'reviewer' else 'QA lead'}"
        if change is not None and change["reason"]:
            why += f": {change['reason']}"
        final = "N/A" if row["na"] else str(row["raw"])
        original = "N/A" if row["original"] == "na" else str(row["original"])
        label = labels.get(str(row["criterion"]), str(row["criterion"]))
        changed.append(ChangedScore(str(row["conversation_id"]), label, original, final, mask_pii(why)))
    return changed


def _arrivals(db: Database, agent: str, since: str | None) -> dict[str, int]:
    """Over all the agent's conversations with an agent phase: how many customers arrived
    frustrated (inherited, from the bot or from before), how many of those recovered, and
    how many got worse under the agent."""
    rows = agent_phase_signals(db.conn, Filters(since=since, agents=[agent]))
    if not rows:
        return {}
    row = rows[0]
    return {
        "n": int(row["n"]),
        "inherited": int(row["inherited"] or 0),
        "recovered": int(row["recovered"] or 0),
        "worse": int(row["worse"] or 0),
    }


def arrival_sentence(report: CoachingReport) -> str:
    """The agent-phase figures in words: inherited frustration is not the agent's."""
    a = report.arrivals
    if not a:
        return ""
    return (
        f"In {a['inherited']} of your {a['n']} conversations the customer was already frustrated when you "
        f"joined (from the bot or from before); {a['recovered']} of them left calm with you. "
        f"{a['worse']} got worse while with you. Frustration customers brought with them is not counted as yours."
    )


def based_on(report: CoachingReport) -> str:
    period = f" since {report.since}" if report.since else ""
    conversations = f"{report.conversations} conversation{'s' * (report.conversations != 1)}"
    if report.reviews == report.conversations:
        return f"Based on {conversations} reviewed{period}."
    return f"Based on {report.reviews} reviews of {conversations}{period} (some were scored by more than one reviewer)."


def to_markdown(report: CoachingReport) -> str:
    out = [f"# Coaching report: {_md(report.agent)}", ""]
    score = "-" if report.mean_score is None else f"{report.mean_score:.0f}"
    team = "-" if report.team_score is None else f"{report.team_score:.0f}"
    out += [
        f"{based_on(report)} "
        f"Your average review score is **{score}** (team median {team}). Scores are corrected for how "
        "lenient or strict each reviewer is, so they compare fairly.",
        "",
    ]
    out += [
        "## Your scores per criterion",
        "",
        "| criterion | you | team median | chart | reviews |",
        "|---|---|---|---|---|",
    ]
    for line in report.criteria:
        out.append(f"| {_md(line.label)} | {line.agent:.0f} | {line.team:.0f} | `{text_bar(line.agent)}` | {line.n} |")
    if report.criteria:
        best, worst = report.criteria[0], report.criteria[-1]
        out += [
            "",
            f"**Strongest:** {_md(best.label)} ({best.agent - best.team:+.0f} against the team). "
            f"**Most room to grow:** {_md(worst.label)} ({worst.agent - worst.team:+.0f}).",
        ]
    if report.trend:
        out += [
            "",
            "## Trend",
            "",
            f"`{sparkline([t[1] for t in report.trend], 0, 100)}` "
            + ", ".join(f"{week}: {value:.0f} (n={n})" for week, value, n in report.trend),
        ]
    if report.arrivals:
        out += ["", "## How your customers arrived and left", "", arrival_sentence(report)]
    if report.machine:
        out += ["", "## Machine-estimated (AutoQA)", "", _md(report.machine)]
    if report.root_causes:
        out += ["", "## What reviewers noticed most", ""]
        out += [f"- {_md(cause)} ({count}x)" for cause, count in report.root_causes]
    if report.changed:
        out += ["", "## Changed scores", ""]
        out += [f"- {_md(change.sentence())}" for change in report.changed]
    out += ["", "## Three moments from your conversations", ""]
    for example in report.examples:
        score = "-" if example.score is None else f"{example.score:.0f}"
        out += [f"### {_md(example.conversation_id)} ({example.date}, score {score}): {example.why}", ""]
        for role, text, marker in example.lines:
            flag = f" ⚑ *{marker}*" if marker else ""
            out.append(f"> **{role}**: {_md(text)}{flag}  ")
        if example.notes:
            out += ["", "Reviewer notes:"] + [f"- {_md(note)}" for note in example.notes]
        out.append("")
    out.append("Personal data in the excerpts is masked.")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Keep untrusted text from turning into Markdown links, HTML or table cells."""
    for char in ("\\", "`", "*", "_", "[", "]", "<", ">", "|", "#"):
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def to_html(report: CoachingReport) -> str:
    score = "-" if report.mean_score is None else f"{report.mean_score:.0f}"
    team = "-" if report.team_score is None else f"{report.team_score:.0f}"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Coaching report: {escape(report.agent)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;padding:0 1em;color:#1f2937}"
        "h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #e5e7eb}table{border-collapse:collapse}"
        "td,th{padding:4px 10px;border-bottom:1px solid #e5e7eb;text-align:left}.msg{margin:4px 0;padding:6px 10px;"
        "border-left:4px solid #d1d5db;background:#f9fafb}.customer{border-color:#3b82f6}.agent{border-color:#10b981}"
        ".bot{border-color:#8b5cf6}.flag{color:#b91c1c;font-weight:bold}.note{color:#6b7280}</style></head><body>",
        f"<h1>Coaching report: {escape(report.agent)}</h1>",
        f"<p>{escape(based_on(report))} "
        f"Your average review score is <strong>{score}</strong> (team median {team}). Scores are corrected for how "
        "lenient or strict each reviewer is, so they compare fairly.</p>",
        "<h2>Your scores per criterion</h2>",
        "<p class='note'>Blue: you. Orange line: team median. Scores 0-100 (each criterion's scale as 0 to 100), "
        "in the order of the gap to the team, largest lead first.</p>",
        svg_bars([(line.label, line.agent, line.team) for line in report.criteria], unit=""),
    ]
    if report.criteria:
        best, worst = report.criteria[0], report.criteria[-1]
        parts.append(
            f"<p><strong>Strongest:</strong> {escape(best.label)} ({best.agent - best.team:+.0f} against the "
            f"team). <strong>Most room to grow:</strong> {escape(worst.label)} ({worst.agent - worst.team:+.0f}).</p>"
        )
    if report.trend:
        parts += [
            "<h2>Trend</h2>",
            "<p class='note'>Your mean review score per week (0-100).</p>",
            svg_line([t[1] for t in report.trend], [t[0][-3:] for t in report.trend], unit=""),
            "<p class='note'>" + ", ".join(f"{escape(w)}: {v:.0f} (n={n})" for w, v, n in report.trend) + "</p>",
        ]
    if report.arrivals:
        parts += ["<h2>How your customers arrived and left</h2>", f"<p>{escape(arrival_sentence(report))}</p>"]
    if report.machine:
        parts += ["<h2>Machine-estimated (AutoQA)</h2>", f"<p class='note'>{escape(report.machine)}</p>"]
    if report.root_causes:
        parts += ["<h2>What reviewers noticed most</h2><ul>"]
        parts += [f"<li>{escape(cause)} ({count}x)</li>" for cause, count in report.root_causes]
        parts.append("</ul>")
    if report.changed:
        parts += ["<h2>Changed scores</h2><ul>"]
        parts += [f"<li>{escape(change.sentence())}</li>" for change in report.changed]
        parts.append("</ul>")
    parts.append("<h2>Three moments from your conversations</h2>")
    for example in report.examples:
        score = "-" if example.score is None else f"{example.score:.0f}"
        parts.append(
            f"<h3>{escape(example.conversation_id)} ({escape(example.date)}, score {score}): {escape(example.why)}</h3>"
        )
        for role, text, marker in example.lines:
            flag = f" <span class='flag'>⚑ {escape(marker)}</span>" if marker else ""
            parts.append(f"<div class='msg {escape(role)}'><strong>{escape(role)}</strong>: {escape(text)}{flag}</div>")
        if example.notes:
            parts.append(
                "<p class='note'>Reviewer notes:</p><ul>"
                + "".join(f"<li>{escape(n)}</li>" for n in example.notes)
                + "</ul>"
            )
    parts.append("<p class='note'>Personal data in the excerpts is masked.</p></body></html>")
    return "\n".join(parts)
