"""Long steps report phases that move: named steps, then counts that reach their totals."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from cxreview.calibration import calibrate, load_scores
from cxreview.export import export_reviews, export_signals
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights import compute
from cxreview.signals.analyze import CHUNK, analyze_conversations
from cxreview.store import Database
from tests.conftest import REPO


class Recorder:
    """Phases as a list: ["reset", description, total] and ["advance", n] in order."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []

    def reset(self, description: str, total: int | None) -> None:
        self.events.append(("reset", description, total))

    def advance(self, amount: int) -> None:
        self.events.append(("advance", amount))

    def phases(self) -> list[str]:
        return [e[1] for e in self.events if e[0] == "reset"]

    def advanced(self, after: str) -> int:
        """Units advanced in the phase whose description starts with ``after``."""
        total, inside = 0, False
        for event in self.events:
            if event[0] == "reset":
                inside = event[1].startswith(after)
            elif inside:
                total += event[1]
        return total


@pytest.fixture
def demo(db: Database) -> Database:
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    return db


def test_analysis_moves_from_the_first_chunk(demo: Database) -> None:
    recorder = Recorder()
    summary = analyze_conversations(demo, workers=1, on_progress=recorder.advance)
    steps = [e[1] for e in recorder.events]
    # Texts are toned inside each chunk: the bar moves chunk by chunk, never one jump at the end.
    assert max(steps) <= CHUNK and sum(steps) == summary.conversations == 300


def test_insights_exports_and_calibration_name_their_steps(demo: Database) -> None:
    from cxreview import reviews
    from cxreview.rubrics import resolve_rubric

    analyze_conversations(demo, workers=1)
    rubric = resolve_rubric("default")
    for index, (conversation_id,) in enumerate(demo.query("SELECT id FROM conversations ORDER BY id LIMIT 12")):
        for reviewer in ("ana", "ben"):
            review = reviews.start_review(demo, conversation_id, reviewer, rubric)
            for criterion in rubric.criteria:
                reviews.set_score(demo, review.id, criterion.id, 2 + (index + len(reviewer)) % 3)
            reviews.submit(demo, review.id)

    recorder = Recorder()
    compute(demo, Filters(), phases=recorder)
    assert [p.split(":")[0] for p in recorder.phases()] == [f"Insights ({i}/10)" for i in range(1, 11)]

    recorder = Recorder()
    rows = export_signals(demo, "message", Filters(), io.StringIO(), "jsonl", phases=recorder)
    assert recorder.phases() == ["Exporting: writing rows"] and recorder.advanced("Exporting") == rows > 3000

    recorder = Recorder()
    rows = export_reviews(demo, "review", Filters(), io.StringIO(), "csv", phases=recorder)
    assert recorder.phases()[:3] == [
        "Reviews (review level) (1/3): leniency offsets",
        "Reviews (review level) (2/3): corrections and disputes",
        "Reviews (review level) (3/3): scores",
    ]
    assert recorder.advanced("Exporting: writing rows") == rows == 24

    recorder = Recorder()
    calibrate(load_scores(demo)[("default", 1)], bootstrap=50, phases=recorder)
    assert recorder.phases()[-1] == "Calibrating default v1 (5/5): leniency offsets"


def test_no_progress_off_a_terminal(run_cli: Any, write_jsonl: Any, tmp_path: Path) -> None:
    result = run_cli("import", str(REPO / "samples" / "demo.jsonl"))
    assert result.exit_code == 0
    # Piped (CliRunner is not a terminal): the summary lines only, no bar, no escape codes.
    assert "\x1b" not in result.output and "━" not in result.output and "Analysing:" not in result.output
