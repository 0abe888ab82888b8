"""Insights across all conversations: where customers get stuck, what drives frustration,
which answers create more contact, and how review scores relate to the signals.

The heavy lifting is SQL over the indexed message, flag and signal tables; Python only
merges near-identical answers (template variants) with rapidfuzz and formats.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from cxreview.filters import Filters
from cxreview.insights_autoqa import machine_estimates, machine_left_out
from cxreview.progress import SILENT, Phases, Steps
from cxreview.signals.features import template_of
from cxreview.signals.summary import csat_scale
from cxreview.store import Database
from cxreview.store import insights as sql
from cxreview.store.signals import max_csat_per_channel

SMALL = 20  # groups with fewer conversations are marked, not ranked
TEMPLATE_SIMILARITY = 85
TOP = 10


@dataclass
class Template:
    """An answer and its near-identical variants, with what followed them."""

    text: str
    role: str
    n: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    variants: int = 0
    example_conversation: str = ""
    # Every distinct wording merged into this template: the drill-down finds the
    # conversations behind all of them, not only behind ``text``.
    texts: list[str] = field(default_factory=list, repr=False)

    def rate(self, key: str) -> float:
        return self.counts.get(key, 0) / self.n if self.n else 0.0


@dataclass
class Group:
    name: str
    n: int
    values: dict[str, float | None]

    @property
    def small(self) -> bool:
        return self.n < SMALL


@dataclass
class Insights:
    filters: dict[str, Any]
    conversations: int
    answers: dict[str, list[Template]]  # "frustration", "human_request", "abandoned"
    unanswered: int
    loop_prompts: list[Template]
    stuck_by_queue: list[Group]
    drivers: dict[str, list[Group]]  # "queue", "channel": the whole conversation
    agents: list[Group]  # per agent, the agent phase only: inherited against caused
    handovers: list[Template]  # handover announcements: the wait after them, the arrival state
    trajectories: dict[str, float | int]
    repeat_days: int
    repeat_by_queue: list[Group]
    repeat_by_answer: list[Template]
    qa: list[dict[str, Any]]
    csat: list[Group]
    weeks: list[Group] = field(default_factory=list)
    machine: list[Any] = field(default_factory=list)  # insights_autoqa.MachineRow: AutoQA estimates
    # Per rubric version, the conversations left out of the machine estimates and why
    # (insights_autoqa.machine_left_out).
    machine_left_out: list[dict[str, Any]] = field(default_factory=list)
    # Conversations per language they were analysed in: the report says which were not read
    # with their own word lists (signals/language.py `reading_note`).
    languages: dict[str, int] = field(default_factory=dict)


def _templates(rows: list[tuple[str, str, int, dict[str, int], str]]) -> list[Template]:
    """Merge answers whose shape (numbers, e-mails and links hidden) is near-identical."""
    by_shape: dict[tuple[str, str], Template] = {}
    for role, text, n, counts, example in rows:
        key = (role, " ".join(template_of(text).lower().split()))
        template = by_shape.get(key)
        if template is None:
            template = by_shape[key] = Template(text, role, example_conversation=example)
        template.n += n
        template.variants += 1
        template.texts.append(text)
        for name, value in counts.items():
            template.counts[name] = template.counts.get(name, 0) + value
    ordered = sorted(by_shape.items(), key=lambda item: -item[1].n)
    merged: list[tuple[tuple[str, str], Template]] = []
    keys: list[str] = []
    for key, template in ordered:
        match = (
            process.extractOne(key[1], keys, scorer=fuzz.token_set_ratio, score_cutoff=TEMPLATE_SIMILARITY)
            if len(merged) < 2000
            else None
        )
        if match is not None and merged[match[2]][0][0] == key[0]:
            target = merged[match[2]][1]
            target.n += template.n
            target.variants += template.variants
            target.texts.extend(template.texts)
            for name, value in template.counts.items():
                target.counts[name] = target.counts.get(name, 0) + value
        else:
            merged.append((key, template))
            keys.append(key[1])
    return [template for _, template in merged]


def _ranked(templates: list[Template], key: str, minimum: int = SMALL) -> list[Template]:
    """Most often followed by ``key``: by count, with enough answers for the rate to mean something."""
    eligible = [t for t in templates if t.counts.get(key, 0) > 0]
    return sorted(eligible, key=lambda t: (t.n < minimum, -t.counts.get(key, 0), -t.rate(key)))[:TOP]


# The sections by the data they read, so stored insights go stale a group at a time
# (cxreview/insights_cache.py): a review or a score changes only the "reviews" group (QA
# linkage, CSAT against review scores, AutoQA estimates); the message- and signal-heavy
# sections (the minutes of a computation on a million messages) stay as they are.
GROUPS: dict[str, tuple[str, ...]] = {
    "signals": (
        "conversations",
        "answers",
        "unanswered",
        "loop_prompts",
        "stuck_by_queue",
        "drivers",
        "agents",
        "handovers",
        "trajectories",
        "repeat_days",
        "repeat_by_queue",
        "repeat_by_answer",
        "weeks",
        "languages",
    ),
    "reviews": ("qa", "csat", "machine", "machine_left_out"),
}
_STEPS = {"signals": 8, "reviews": 2}


def compute(db: Database, filters: Filters, repeat_days: int = 7, phases: Phases = SILENT) -> Insights:
    step = Steps(phases, "Insights", sum(_STEPS.values()))
    return Insights(
        filters=filters.described(),
        **_signal_sections(db, filters, repeat_days, step),
        **_review_sections(db, filters, step),
    )


def recompute(
    db: Database, insights: Insights, groups: list[str], filters: Filters, repeat_days: int, phases: Phases = SILENT
) -> Insights:
    """``insights`` with the sections of ``groups`` computed afresh, the others kept as they are:
    equal to ``compute`` when only those groups' data changed since ``insights`` were."""
    step = Steps(phases, "Insights", sum(_STEPS[group] for group in groups))
    fresh: dict[str, Any] = {}
    if "signals" in groups:
        fresh.update(_signal_sections(db, filters, repeat_days, step))
    if "reviews" in groups:
        fresh.update(_review_sections(db, filters, step))
    return replace(insights, filters=filters.described(), **fresh)


def _signal_sections(db: Database, filters: Filters, repeat_days: int, step: Steps) -> dict[str, Any]:
    """The sections of the "signals" group: conversations, messages, signals, phases, flags."""
    conn = db.conn
    step.next("conversations and answers")
    conversations = sql.count_conversations(conn, filters)
    rows = [
        (
            r["role"],
            r["text"],
            r["n"],
            {"frustration": r["frustrated"], "human_request": r["human_request"], "abandoned": r["abandoned"]},
            r["example_conversation"],
        )
        for r in sql.answer_outcomes(conn, filters)
    ]
    templates = _templates(rows)
    answers = {key: _ranked(templates, key) for key in ("frustration", "human_request", "abandoned")}
    step.next("loop hotspots")
    loops = _templates(
        [
            ("bot", r["text"], r["n"], {"conversations": r["conversations"]}, r["example_conversation"])
            for r in sql.repeated_bot_prompts(conn, filters)
        ]
    )[:TOP]
    step.next("drivers and handovers")
    # About an agent only the agent phase speaks: queues and channels keep the whole conversation.
    drivers = {column: _groups(sql.group_signals(conn, filters, column)) for column in ("queue", "channel")}
    latencies: dict[str, list[tuple[int, float | None]]] = defaultdict(list)
    for row in sql.handover_latencies(conn, filters):
        latencies[row["grp"]].append((row["turns"], row["seconds"]))
    stuck = []
    for group in drivers["queue"]:
        values = latencies.get(group.name, [])
        seconds = [s for _, s in values if s is not None]
        stuck.append(
            Group(
                group.name,
                group.n,
                {
                    "stuck_share": group.values["stuck_share"],
                    "median_turns": statistics.median(t for t, _ in values) if values else None,
                    "median_seconds": statistics.median(seconds) if seconds else None,
                    "handovers_after_request": len(values),
                },
            )
        )
    step.next("trajectories and repeat contact")
    totals = sql.trajectory_totals(conn, filters)
    repeat_rows = sql.repeat_contacts(conn, filters, repeat_days)
    by_queue: dict[str, list[int]] = defaultdict(list)
    for row in repeat_rows:
        by_queue[row["grp"]].append(row["came_back"])
    repeat_templates = _templates(
        [
            (row_role, text, len(flags), {"came_back": sum(flags)}, "")
            for (row_role, text), flags in _by_last_answer(repeat_rows).items()
        ]
    )
    step.next("unanswered endings")
    unanswered = sql.unanswered_endings(conn, filters)
    step.next("agents")
    agents = _agents(sql.agent_phase_signals(conn, filters))
    step.next("handover announcements")
    handovers = _handovers(sql.handover_announcements(conn, filters))
    step.next("weeks")
    weeks = [
        Group(
            r["week"],
            r["n"],
            {
                "peak_frustration": r["peak_frustration"],
                "stuck_share": r["stuck_share"],
                "spike_share": r["spike_share"],
            },
        )
        for r in sql.weekly(conn, filters)
    ]
    return {
        "conversations": conversations,
        "answers": answers,
        "unanswered": unanswered,
        "loop_prompts": loops,
        "stuck_by_queue": sorted(stuck, key=lambda g: (g.small, -(g.values["stuck_share"] or 0))),
        "drivers": drivers,
        "agents": agents,
        "handovers": handovers,
        "trajectories": {"n": totals[0] or 0, "better": totals[1] or 0.0, "worse": totals[2] or 0.0},
        "repeat_days": repeat_days,
        "repeat_by_queue": sorted(
            (Group(q, len(v), {"repeat_share": sum(v) / len(v)}) for q, v in by_queue.items()),
            key=lambda g: (g.small, -(g.values["repeat_share"] or 0)),
        ),
        "repeat_by_answer": sorted(
            [t for t in repeat_templates if t.counts.get("came_back")],
            key=lambda t: (t.n < SMALL, -t.rate("came_back")),
        )[:TOP],
        "weeks": weeks,
        "languages": sql.language_counts(conn, filters),
    }


def _review_sections(db: Database, filters: Filters, step: Steps) -> dict[str, Any]:
    """The sections of the "reviews" group: reviews and scores (calibrated), AutoQA, and the
    signals of the reviewed conversations."""
    from cxreview.export import calibrations_for, review_records

    step.next("leniency offsets and calibrated review scores")
    calibrations = calibrations_for(db)  # fitted once for the QA and csat sections
    # Read once: the QA linkage and the machine estimates' reviewed means both use them.
    criterion_records = review_records(db, "criterion", filters, calibrations=calibrations)
    step.next("QA linkage and machine estimates")
    return {
        "qa": _qa_linkage(db, criterion_records),
        "machine": machine_estimates(db, filters, criterion_records),
        "machine_left_out": machine_left_out(db, filters),
        "csat": _csat(db, filters, calibrations),
    }


def _by_last_answer(rows: list[Any]) -> dict[tuple[str, str], list[int]]:
    grouped: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        if row["last_answer"]:
            grouped[("answer", row["last_answer"])].append(row["came_back"])
    return grouped


def _groups(rows: list[Any]) -> list[Group]:
    groups = [
        Group(
            r["grp"],
            r["n"],
            {k: r[k] for k in ("peak_frustration", "spike_share", "loop_share", "stuck_share", "better", "worse")},
        )
        for r in rows
    ]
    return sorted(groups, key=lambda g: (g.small, -(g.values["peak_frustration"] or 0)))


def _agents(rows: list[Any]) -> list[Group]:
    """Agents ranked by what changed under them (the share that got worse, then the frustration
    added above the arrival state), never by the mood customers arrived in from the bot."""
    groups = []
    for r in rows:
        inherited = int(r["inherited"] or 0)
        groups.append(
            Group(
                r["grp"],
                r["n"],
                {
                    "inherited_share": r["inherited_share"],
                    "recovered_share": (r["recovered"] or 0) / inherited if inherited else None,
                    "worse_share": (r["worse"] or 0) / r["with_reply"] if r["with_reply"] else None,
                    "added": r["added"],
                    "agent_peak": r["agent_peak"],
                    "agent_spike_share": r["agent_spike_share"],
                    "bot_peak": r["bot_peak"],
                },
            )
        )
    return sorted(groups, key=lambda g: (g.small, -(g.values["worse_share"] or 0), -(g.values["added"] or 0)))


def _handovers(rows: list[Any]) -> list[Template]:
    """Handover announcements as templates: the waits after them and how customers arrived."""
    by_text: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        entry = by_text.setdefault((r["role"], r["text"]), {"n": 0, "counts": defaultdict(int), "example": ""})
        entry["n"] += 1
        entry["example"] = entry["example"] or r["conversation_id"]
        counts = entry["counts"]
        counts["reached_agent"] += int(r["reached_agent"] or 0)
        counts["arrived_frustrated"] += int(r["arrived_frustrated"] or 0)
        if r["wait_seconds"] is not None:
            counts["wait_known"] += 1
            counts["wait_seconds"] += round(r["wait_seconds"])
    templates = _templates(
        [(role, text, e["n"], dict(e["counts"]), e["example"]) for (role, text), e in by_text.items()]
    )
    return sorted(templates, key=lambda t: -t.n)[:TOP]


def _qa_linkage(db: Database, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Calibrated criterion scores in conversations with and without each signal."""
    rows = [r for r in records if r["status"] == "submitted" and not r["na"]]
    if not rows:
        return []
    context = sql.conversation_flags_for(db.conn, sorted({str(r["conversation_id"]) for r in rows}))
    result = []
    for signal, test in (
        ("emotion spike", lambda c: (c.get("n_spikes") or 0) > 0),
        ("bot loop", lambda c: bool(c.get("bot_loop"))),
        ("stuck in bot", lambda c: bool(c.get("stuck_in_bot"))),
    ):
        by_criterion: dict[str, dict[bool, list[float]]] = defaultdict(lambda: {True: [], False: []})
        for row in rows:
            value = row["calibrated"] if row["calibrated"] is not None else row["raw"]
            if value is None:
                continue
            # The bot rubric and the agent rubric may share criterion ids (resolution): keep them apart.
            label = str(row["criterion"]) if row["party"] == "agent" else f"bot: {row['criterion']}"
            by_criterion[label][test(context.get(str(row["conversation_id"]), {}))].append(float(value))
        for criterion, split in sorted(by_criterion.items()):
            result.append(
                {
                    "signal": signal,
                    "criterion": criterion,
                    "with": statistics.fmean(split[True]) if split[True] else None,
                    "n_with": len(split[True]),
                    "without": statistics.fmean(split[False]) if split[False] else None,
                    "n_without": len(split[False]),
                }
            )
    return result


def _csat(db: Database, filters: Filters, calibrations: dict[tuple[str, int], Any]) -> list[Group]:
    from cxreview.export import review_records

    by_level: dict[str, list[float]] = defaultdict(list)
    rows = [r for r in review_records(db, "review", filters, calibrations=calibrations) if r["status"] == "submitted"]
    context = sql.conversation_flags_for(db.conn, sorted({str(r["conversation_id"]) for r in rows}))
    # Channels surveyed on different scales (1..5 chat, 0..10 e-mail): a level names its scale,
    # a 4 of 5 is not a 4 of 10. One scale for all: the plain answer, as before.
    scales = {channel: csat_scale(top) for channel, top in max_csat_per_channel(db.conn).items()}
    mixed = len(set(scales.values())) > 1
    for row in rows:
        csat = context.get(str(row["conversation_id"]), {}).get("csat")
        score = row["calibrated_score"] if row["calibrated_score"] is not None else row["raw_score"]
        if csat is not None and score is not None:
            level = f"{csat:g} of {scales.get(row['channel'], csat_scale(csat)):g}" if mixed else f"{csat:g}"
            by_level[level].append(float(score))
    return [Group(level, len(v), {"mean_review_score": statistics.fmean(v)}) for level, v in sorted(by_level.items())]
