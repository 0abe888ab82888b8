"""The stored insights (schema 15): used while the data is unchanged, identical to a live
computation, stale after an import, an analysis or a review, never stored mid-change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cxreview import insights_cache, reviews
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights import compute
from cxreview.rubrics import resolve_rubric
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from tests.conftest import conversation

LATER = "9999-12-31T00:00:00Z"  # "now" for the cache: every write of the test is older


@pytest.fixture
def analysed(db: Database, write_jsonl: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Database:
    records = [
        conversation(f"c{i}", queue=("billing", "returns")[i % 2], started_at=f"2026-03-0{1 + i % 5}T10:00:00Z")
        for i in range(8)
    ]
    import_files(db, [str(write_jsonl(records))])
    analyze_conversations(db)
    monkeypatch.setattr(insights_cache, "now_iso", lambda: LATER)
    return db


def _no_compute(*args: object, **kwargs: object) -> None:
    raise AssertionError("computed although a fresh stored result exists")


def test_stored_insights_are_used_while_fresh_and_equal_a_live_computation(
    analysed: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert insights_cache.stored(analysed, Filters(), 7) is None
    first = insights_cache.cached_or_compute(analysed, Filters(), 7)
    found = insights_cache.stored(analysed, Filters(), 7)
    assert found is not None and found.fresh and found.computed_at == LATER
    assert found.insights == first == compute(analysed, Filters(), 7)
    monkeypatch.setattr(insights_cache, "compute", _no_compute)
    assert insights_cache.cached_or_compute(analysed, Filters(), 7) == first
    # Another repeat-contact window or a filter is another view: not this stored one.
    assert insights_cache.stored(analysed, Filters(), 14) is None
    assert insights_cache.stored(analysed, Filters(queues=["billing"]), 7) is None


@pytest.mark.parametrize("change", ["import", "analysis", "review"])
def test_a_change_of_the_data_makes_them_stale_and_they_are_recomputed(
    analysed: Database, write_jsonl: Callable[..., Path], change: str
) -> None:
    insights_cache.cached_or_compute(analysed, Filters(), 7)
    if change == "import":
        import_files(analysed, [str(write_jsonl([conversation("new", queue="sales")], "more.jsonl"))])
    elif change == "analysis":
        analysed.execute(
            "UPDATE conversation_signals SET analyzed_at = ? WHERE conversation_id = 'c1'", ("9000-01-01T00:00:00Z",)
        )
    else:
        review = reviews.start_review(analysed, "c1", "ana", resolve_rubric("default"))
        for criterion in review.rubric.criteria:
            reviews.set_score(analysed, review.id, criterion.id, criterion.max)
        reviews.submit(analysed, review.id)
    found = insights_cache.stored(analysed, Filters(), 7)
    assert found is not None and not found.fresh
    again = insights_cache.cached_or_compute(analysed, Filters(), 7)
    assert again == compute(analysed, Filters(), 7)
    assert change == "analysis" or again != found.insights  # (a re-analysis found the same here)
    refreshed = insights_cache.stored(analysed, Filters(), 7)
    assert refreshed is not None and refreshed.fresh and refreshed.insights == again


def test_nothing_is_stored_when_the_data_may_change_in_the_same_second(
    analysed: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A write in the second computing started could leave the stamp's latest time unchanged.
    latest = analysed.scalar("SELECT max(analyzed_at) FROM conversation_signals")
    monkeypatch.setattr(insights_cache, "now_iso", lambda: latest)
    insights_cache.cached_or_compute(analysed, Filters(), 7)
    assert insights_cache.stored(analysed, Filters(), 7) is None


def test_a_filtered_view_is_computed_live_and_not_stored(analysed: Database) -> None:
    filtered = insights_cache.cached_or_compute(analysed, Filters(queues=["billing"]), 7)
    assert filtered.conversations == 4
    assert analysed.scalar("SELECT count(*) FROM insights_cache") == 0


def _submit_review(db: Database, conversation_id: str) -> None:
    review = reviews.start_review(db, conversation_id, "ana", resolve_rubric("default"))
    for criterion in review.rubric.criteria:
        reviews.set_score(db, review.id, criterion.id, criterion.max)
    reviews.submit(db, review.id)


def test_a_review_makes_only_the_review_sections_stale(analysed: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamps per group of sections: after a score only QA, CSAT and AutoQA are computed again;
    the message and signal sections are kept, and the result equals a live computation."""
    from cxreview import insights

    insights_cache.cached_or_compute(analysed, Filters(), 7)
    _submit_review(analysed, "c1")
    found = insights_cache.stored(analysed, Filters(), 7)
    assert found is not None and found.stale == ["reviews"] and not found.fresh

    def no_signals(*args: object, **kwargs: object) -> None:
        raise AssertionError("the signal sections were computed again after a review")

    real = insights._signal_sections
    monkeypatch.setattr(insights, "_signal_sections", no_signals)
    again = insights_cache.cached_or_compute(analysed, Filters(), 7)
    monkeypatch.setattr(insights, "_signal_sections", real)
    assert again == compute(analysed, Filters(), 7)
    assert again.qa != found.insights.qa  # the review sections did change
    refreshed = insights_cache.stored(analysed, Filters(), 7)
    assert refreshed is not None and refreshed.fresh and refreshed.insights == again
    # Another review: still only the review sections.
    _submit_review(analysed, "c2")
    stale = insights_cache.stored(analysed, Filters(), 7)
    assert stale is not None and stale.stale == ["reviews"]


def test_an_import_makes_every_section_stale(analysed: Database, write_jsonl: Callable[..., Path]) -> None:
    insights_cache.cached_or_compute(analysed, Filters(), 7)
    import_files(analysed, [str(write_jsonl([conversation("new", queue="sales")], "more.jsonl"))])
    found = insights_cache.stored(analysed, Filters(), 7)
    assert found is not None and found.stale == ["signals", "reviews"]
    assert insights_cache.cached_or_compute(analysed, Filters(), 7) == compute(analysed, Filters(), 7)
