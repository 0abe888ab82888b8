"""Machine-estimated (AutoQA) scores in insights: per agent and per queue, the mean of the
machine scores over *all* conversations next to the mean of the reviewed (calibrated) scores.

Only criteria whose active model is reliable are shown, always labelled machine-estimated;
with no reliable model there is nothing (docs/autoqa.md, docs/insights.md). Conversations
outside what the model was trained on, or of a channel or language where it is not reliable,
are left out of the means (their figure is not backed), and the output says how many and why.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from cxreview.filters import Filters
from cxreview.store import Database
from cxreview.store.autoqa_means import GROUP_COLUMNS, machine_means, reliable_rubrics
from cxreview.store.autoqa_withheld import left_out, left_out_sentence

LABEL = "machine-estimated (AutoQA)"


@dataclass
class MachineRow:
    """One group and criterion: the machine's mean over its conversations, the reviewed mean."""

    rubric: str  # "default v1"
    column: str  # agent or queue
    group: str
    criterion: str
    n: int  # conversations with a machine score
    machine_mean: float
    reviewed_mean: float | None  # calibrated, submitted reviews of the same rubric version
    reviews: int


def machine_estimates(db: Database, filters: Filters, records: list[dict[str, Any]]) -> list[MachineRow]:
    """Rows per agent and per queue, lowest machine-estimated mean first within each criterion;
    ``records`` are the criterion-level review records (cxreview.export) within ``filters``."""
    rubrics = reliable_rubrics(db.conn)
    if not rubrics:
        return []
    reviewed: dict[tuple[str, int, str, str, str], list[float]] = defaultdict(list)
    for record in records:
        value = record["calibrated"] if record["calibrated"] is not None else record["raw"]
        if record["status"] != "submitted" or record["na"] or value is None:
            continue
        for column in GROUP_COLUMNS:
            if record[column]:
                key = (record["rubric_id"], record["rubric_version"], column, record[column], record["criterion"])
                reviewed[key].append(float(value))
    rows = []
    for rubric_id, version in rubrics:
        for column in GROUP_COLUMNS:
            for r in machine_means(db.conn, rubric_id, version, filters, column):
                given = reviewed.get((rubric_id, version, column, r["grp"], r["criterion"]), [])
                rows.append(
                    MachineRow(
                        f"{rubric_id} v{version}",
                        column,
                        str(r["grp"]),
                        str(r["criterion"]),
                        int(r["n"]),
                        float(r["mean"]),
                        statistics.fmean(given) if given else None,
                        len(given),
                    )
                )
    return sorted(rows, key=lambda row: (row.rubric, row.column, row.criterion, row.machine_mean, row.group))


def machine_left_out(db: Database, filters: Filters) -> list[dict[str, Any]]:
    """Per rubric version with a reliable model: how many conversations within the filters its
    machine-estimated figures leave out, and why ({"rubric", "far", "withheld", "where",
    "sentence"}); rubric versions that leave none out are not listed."""
    out = []
    for rubric_id, version in reliable_rubrics(db.conn):
        counts = left_out(db.conn, rubric_id, version, filters)
        if counts["far"] or counts["withheld"]:
            out.append({"rubric": f"{rubric_id} v{version}", **counts, "sentence": left_out_sentence(counts)})
    return out


def agent_sentence(db: Database, agent: str, since: str | None) -> str:
    """For a coaching report: the agent's machine-estimated means over all their conversations
    against the team median of agents' means, reliable criteria of agent rubrics only."""
    from cxreview.reviews import rubric_versions

    rubrics = rubric_versions(db)
    parts = []
    missing = []
    for rubric_id, version in reliable_rubrics(db.conn):
        rubric = rubrics.get((rubric_id, version))
        if rubric is None or rubric.applies_to == "bot":
            continue  # the bot's scorecard says nothing about an agent
        left = left_out_sentence(left_out(db.conn, rubric_id, version, Filters(since=since), agent=agent))
        if left:
            missing.append(left)
        by_criterion: dict[str, dict[str, tuple[int, float]]] = defaultdict(dict)
        for r in machine_means(db.conn, rubric_id, version, Filters(since=since), "agent"):
            by_criterion[str(r["criterion"])][str(r["grp"])] = (int(r["n"]), float(r["mean"]))
        for criterion in rubric.criteria:
            groups = by_criterion.get(criterion.id, {})
            if agent not in groups:
                continue
            n, mean = groups[agent]
            team = statistics.median(m for _, m in groups.values())
            parts.append(f"{criterion.label} {mean:.1f} (team median {team:.1f}; {n} conversations)")
    if not parts and missing:
        return (
            "No machine-estimated (AutoQA) figure for your conversations: AutoQA's figures leave them out "
            f"({'; '.join(missing)})."
        )
    if not parts:
        return ""
    return (
        f"Machine-estimated (AutoQA) over all your conversations, not a review: {'; '.join(parts)}. "
        "Shown only for criteria where AutoQA agrees with the reviewers reliably, "
        "leaving out conversations unlike those it was trained on"
        + (f" (left out of yours: {'; '.join(missing)})." if missing else ".")
    )
