"""Machine-estimated (AutoQA) scores in insights and coaching reports: per agent and queue over
all conversations, next to the reviewed means, reliable criteria only, always labelled; nothing
without a model."""

from __future__ import annotations

import json

from cxreview import reviews
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights import compute
from cxreview.reports.coaching import build_report
from cxreview.reports.coaching import to_html as coaching_html
from cxreview.reports.insights_report import renderables, to_html, to_json
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database
from tests.autoqa_helpers import predict
from tests.conftest import REPO

RUBRIC = resolve_rubric("default")


def test_machine_estimates_per_agent_and_queue_only_for_reliable_criteria(db: Database) -> None:
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    assert compute(db, Filters()).machine == []  # no model: nothing shown
    rows = db.query("SELECT id, agent FROM conversations WHERE agent IS NOT NULL ORDER BY id")
    agent = rows[0]["agent"]
    # Empathy (reliable): 2.0 for the first agent's conversations, 4.0 for everyone else's.
    predict(db, "empathy", [(r["id"], 2.0 if r["agent"] == agent else 4.0, 0.3, []) for r in rows])
    predict(db, "clarity", [(r["id"], 1.0, 0.3, []) for r in rows], reliable=False, reason="alpha 0.1")
    review = reviews.start_review(db, rows[0]["id"], "ana", RUBRIC)
    for criterion in ("empathy", "clarity", "resolution"):
        reviews.set_score(db, review.id, criterion, 3)
    reviews.submit(db, review.id)

    insights = compute(db, Filters())
    mine = [r for r in insights.machine if r.column == "agent" and r.group == agent]
    assert [(r.criterion, r.machine_mean, r.reviewed_mean, r.reviews) for r in mine] == [("empathy", 2.0, 3.0, 1)]
    assert mine[0].n == sum(1 for r in rows if r["agent"] == agent)
    assert {r.criterion for r in insights.machine} == {"empathy"}  # clarity's model is not reliable
    assert {r.column for r in insights.machine} == {"agent", "queue"}
    agents = [r for r in insights.machine if r.column == "agent"]
    assert agents[0].group == agent  # lowest estimate first

    data = json.loads(to_json(insights))["machine_estimates"]
    assert data and all(d["label"] == "machine-estimated (AutoQA)" for d in data)
    html = to_html(insights)
    assert "Machine-estimated (AutoQA) scores per agent" in html and "machine-estimated mean (AutoQA)" in html
    text = " ".join(str(getattr(part, "title", "") or "") for part in renderables(insights))
    assert "Machine-estimated (AutoQA) scores per queue" in text

    report = build_report(db, agent)
    assert report.machine.startswith(
        "Machine-estimated (AutoQA) over all your conversations, not a review: Empathy 2.0"
    )
    assert "Clarity" not in report.machine
    assert "<h2>Machine-estimated (AutoQA)</h2>" in coaching_html(report)

    queue = db.scalar("SELECT queue FROM conversations WHERE id = ?", (rows[0]["id"],))
    narrowed = compute(db, Filters(queues=[queue])).machine
    assert {r.group for r in narrowed if r.column == "queue"} == {queue}
