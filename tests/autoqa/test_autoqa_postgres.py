"""AutoQA end to end on PostgreSQL: the same simulated reviews give the same models and
machine scores as on SQLite (training, incremental scoring and the worker processes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cxreview.autoqa import score as scoring
from cxreview.autoqa.train import train
from cxreview.store import autoqa as store
from cxreview.store import open_database
from tests.autoqa.simulated import build


def test_the_same_on_both_engines(postgres_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed")
    targets = {"sqlite": str(tmp_path / "a.db"), "postgresql": postgres_server.create_database("autoqa", migrated=True)}
    outcome = {}
    for engine, target in targets.items():
        folder = tmp_path / engine
        folder.mkdir()
        with open_database(target) as db:
            build(db, folder, conversations=120)
            results = train(db, min_reviews=20, bootstrap=100)
            first = scoring.score(db)
            assert [r.scored for r in first] == [120, 120] and [r.scored for r in scoring.score(db)] == [0, 0]
            monkeypatch.setattr(scoring, "PARALLEL_MIN", 0)
            monkeypatch.setattr(scoring, "BATCH", 50)
            assert [r.covered for r in scoring.score(db, everything=True)] == [120, 120]
            monkeypatch.undo()
            outcome[engine] = (
                [(r.criterion, r.reliable, r.n_reviews, round(r.measured.alpha, 6)) for r in results],
                store.predicted_scores(db, "sim", 1, reliable_only=False),
            )
    assert outcome["sqlite"][0] == outcome["postgresql"][0]
    assert len(outcome["sqlite"][1]) == 240
    # Machine scores agree to rounding (PostgreSQL and SQLite sum floats in their own order).
    for a, b in zip(outcome["sqlite"][1], outcome["postgresql"][1], strict=True):
        assert a[:2] == b[:2] and a[2] == pytest.approx(b[2], abs=1e-3) and a[3] == pytest.approx(b[3], abs=1e-3)
