"""20 reviewers scoring the same calibration session at once on PostgreSQL: nothing is lost."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cxreview import reviews
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.store import open_database
from cxreview.store.sessions import session_items, session_row
from tests.conftest import conversation

REVIEWERS = [f"reviewer{i:02d}" for i in range(20)]


def _score_session(url: str, reviewer: str, shared: int, failures: Any) -> None:
    """One reviewer's whole part of the session, in a process of its own; meanwhile it also
    adds review time to one review everybody touches (an update that must not be lost)."""
    try:
        rubric = resolve_rubric("default")
        with open_database(url) as db:
            for _ in range(3):
                reviews.add_time(db, shared, 1.0)
            session = session_row(db.conn, "calibration")
            for item in session_items(db.conn, session["id"], reviewer):
                review = reviews.start_review(db, item["conversation_id"], reviewer, rubric, session["id"])
                for criterion in rubric.criteria:
                    reviews.set_score(db, review.id, criterion.id, criterion.max)
                reviews.set_overall_note(db, review.id, f"{reviewer} on {item['conversation_id']}")
                reviews.submit(db, review.id)
    except BaseException as exc:  # reported to the test, which fails on any
        failures.put(f"{reviewer}: {type(exc).__name__}: {exc}")


def test_twenty_reviewers_at_once(postgres_server: Any, write_jsonl: Callable[..., Path]) -> None:
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed (with CI=true this is a failure)")
    url = postgres_server.create_database("twenty", migrated=True)
    rubric = resolve_rubric("default")
    with open_database(url) as db:
        import_files(db, [str(write_jsonl([conversation(f"c{i}") for i in range(3)]))])
        request = SampleRequest(size=3, seed=1, name="calibration", reviewers=REVIEWERS, calibration=True)
        create_session(db, request, rubric)
        shared = reviews.start_review(db, "c0", "lead", rubric).id
    context = multiprocessing.get_context("fork")
    failures = context.Queue()
    workers = [context.Process(target=_score_session, args=(url, r, shared, failures)) for r in REVIEWERS]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
    problems = []
    while not failures.empty():
        problems.append(failures.get())
    assert not problems, problems
    assert all(worker.exitcode == 0 for worker in workers)
    with open_database(url) as db:
        found = db.query("SELECT reviewer, conversation_id, status, overall_note, score FROM reviews")
        scores = db.scalar("SELECT count(*) FROM review_scores")
        shared_seconds = reviews.get_review(db, shared).review_seconds
    found = [r for r in found if r["reviewer"] != "lead"]
    assert shared_seconds == 20 * 3
    assert len(found) == 20 * 3
    assert {r["status"] for r in found} == {"submitted"}
    assert all(r["overall_note"] == f"{r['reviewer']} on {r['conversation_id']}" for r in found)
    assert scores == 20 * 3 * len(rubric.criteria)
