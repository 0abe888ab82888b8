"""The analyst views agree with the exports; full-text search finds phrases and follows re-imports."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxreview import reviews
from cxreview.export import export_reviews, export_signals
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from cxreview.store.search import overview_rows, search_messages
from tests.conftest import REPO, conversation


def _jsonl(write: Callable[[io.StringIO], Any]) -> list[dict[str, Any]]:
    out = io.StringIO()
    write(out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _review(db: Database, conversation_id: str, reviewer: str, level: int) -> int:
    rubric = resolve_rubric("default")
    review = reviews.start_review(db, conversation_id, reviewer, rubric)
    for criterion in rubric.criteria:
        reviews.set_score(db, review.id, criterion.id, level)
    reviews.submit(db, review.id)
    return review.id


def test_views_agree_with_the_exports(engine_db: Database) -> None:
    db = engine_db
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    analyze_conversations(db)
    first, second = [row["conversation_id"] for row in overview_rows(db, "conversation_overview")[:2]]
    _review(db, first, "ana", 2)
    later = _review(db, first, "ben", 4)
    _review(db, second, "ana", 3)

    exported = {
        r["conversation_id"]: r for r in _jsonl(lambda o: export_signals(db, "conversation", Filters(), o, "jsonl"))
    }
    view = {r["conversation_id"]: r for r in overview_rows(db, "conversation_overview")}
    assert set(view) == set(exported) and len(view) > 50
    for conv_id, row in view.items():
        want = exported[conv_id]
        assert json.loads(row["flags"]) == want["flags"]
        assert row["risk"] == want["risk"] and row["trajectory_label"] == want["trajectory"]
        assert row["phases"] == want["phases"] and row["n_messages"] == want["n_messages"]
    assert view[first]["latest_review_id"] == later  # the latest submitted review, not the first
    assert view[list(view)[-1]]["latest_review_score"] is None

    exported_reviews = {
        r["review_id"]: r for r in _jsonl(lambda o: export_reviews(db, "review", Filters(), o, "jsonl"))
    }
    review_view = {r["review_id"]: r for r in overview_rows(db, "review_overview")}
    assert set(review_view) == set(exported_reviews) and len(review_view) == 3
    for review_id, row in review_view.items():
        want = exported_reviews[review_id]
        assert row["raw_score"] == want["raw_score"] and bool(row["pass"]) == want["pass"]
        assert (row["agent"], row["reviewer"]) == (want["agent"], want["reviewer"])


def test_search_finds_a_phrase_and_follows_reimports(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    db = engine_db
    messages = [
        {"role": "customer", "text": "Mijn pakket is beschadigd aangekomen"},
        {"role": "agent", "text": "Wat vervelend, ik stuur een nieuwe."},
    ]
    import_files(db, [str(write_jsonl([conversation("nl1", messages=messages), conversation("en1")]))])
    hits = search_messages(db, "beschadigd pakket")
    assert [(h["conversation_id"], h["position"]) for h in hits] == [("nl1", 1)]
    assert search_messages(db, 'charged "twice') != []  # stray quotes are words, not syntax errors
    messages[0]["text"] = "Mijn doos is kapot aangekomen"
    import_files(db, [str(write_jsonl([conversation("nl1", messages=messages)], "again.jsonl"))])
    assert search_messages(db, "beschadigd") == []
    assert [h["conversation_id"] for h in search_messages(db, "kapot")] == ["nl1"]
    assert len(search_messages(db, "charged")) == 1  # the other conversation kept its entry
