"""AutoQA downstream queries on both engines: accepted suggestions and their undo, sampling by
machine score (the widened session_items.pick), calibration's machine figures and insights."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cxreview import reviews
from cxreview.calibration import calibrate, load_scores
from cxreview.calibration_autoqa import load_machine, machine_figures
from cxreview.export import review_records
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights_autoqa import machine_estimates
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.store import Database
from tests.autoqa_helpers import predict
from tests.conftest import conversation

RUBRIC = resolve_rubric("default")


def test_autoqa_downstream(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    db = engine_db
    ids = [f"c{i}" for i in range(6)]
    import_files(db, [str(write_jsonl([conversation(c, customer=f"K{c}", agent="Ana") for c in ids]))])
    predict(db, "empathy", [(c, 1.0 + i * 0.5, 0.2 + i * 0.1, ["why"]) for i, c in enumerate(ids)])
    review = reviews.start_review(db, "c0", "ana", RUBRIC)
    assert reviews.accept_suggestions(db, review.id, {"empathy": 1}) == ["empathy"]
    reviews.set_score(db, review.id, "empathy", 2)
    reviews.undo(db, review.id)
    assert reviews.get_review(db, review.id).criteria["empathy"].suggested
    for criterion in ("clarity", "resolution"):
        reviews.set_score(db, review.id, criterion, 3)
    reviews.submit(db, review.id)

    low = create_session(db, SampleRequest(size=2, strategy="autoqa-low", random_share=0, seed=1), RUBRIC)
    assert sorted(p.conversation_id for p in low.picks) == ["c1", "c2"]  # c0 is reviewed already
    assert db.scalar("SELECT count(*) FROM session_items WHERE pick = 'autoqa'") == 2

    scores = load_scores(db)[("default", 1)]
    figures = machine_figures(scores, calibrate(scores, bootstrap=10), load_machine(db, "default", 1))
    assert figures[0].criterion == "empathy" and figures[0].conversations == 0  # the only score was accepted

    records = review_records(db, "criterion", Filters(), calibrations={})
    (agent_row,) = [r for r in machine_estimates(db, Filters(), records) if r.column == "agent"]
    assert (agent_row.group, agent_row.n, agent_row.reviewed_mean) == ("Ana", 6, 1.0)
    assert agent_row.machine_mean == sum(1.0 + i * 0.5 for i in range(6)) / 6
