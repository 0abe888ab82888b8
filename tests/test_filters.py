"""One Filters type (bounds normalised to UTC; the SQL condition and the in-memory test agree)
and one definition of repeat contact."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from cxreview.export import export_signals
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.store import Database
from cxreview.store.sessions import filtered_candidates
from tests.conftest import conversation

# Stored forms an import can produce: Z to the second, fractions, and no zone at all.
STARTS = {
    "early": "2026-03-05T07:59:59Z",
    "nine": "2026-03-05T09:00:00Z",
    "nine-half": "2026-03-05T09:00:00.500000Z",
    "naive": "2026-03-05T12:00:00",
    "late": "2026-03-05T23:59:59.900000Z",
    "next-day": "2026-03-06T00:00:00Z",
    "none": None,
}


@pytest.fixture
def spread(db: Database, write_jsonl: Callable[..., Path]) -> Database:
    records = []
    for cid, started in STARTS.items():
        record = conversation(cid, started_at=started, queue="billing" if cid != "late" else "sales")
        if started is None:
            for message in record["messages"]:
                message.pop("at")
        records.append(record)
    import_files(db, [str(write_jsonl(records))])
    return db


def _sql_ids(db: Database, filters: Filters) -> set[str]:
    return {row["id"] for row in filtered_candidates(db.conn, filters, 0)}


def _memory_ids(db: Database, filters: Filters) -> set[str]:
    return {row["id"] for row in filtered_candidates(db.conn, Filters(), 0) if filters.matches(row)}


CASES = [
    (Filters(since="2026-03-05T10:00:00+02:00"), {"nine", "nine-half", "naive", "late", "next-day"}),
    (Filters(since="2026-03-05T09:00:00Z"), {"nine", "nine-half", "naive", "late", "next-day"}),
    (Filters(since="2026-03-05T09:00:01"), {"naive", "late", "next-day"}),
    (Filters(to="2026-03-05"), {"early", "nine", "nine-half", "naive", "late"}),
    (Filters(to="2026-03-05T09:00:00Z"), {"early", "nine", "nine-half"}),
    (Filters(to="2026-03-05T11:00:00+02:00"), {"early", "nine", "nine-half"}),
    (Filters(to="2026-03-05T08:59:59Z"), {"early"}),
    (Filters(since="2026-03-05", to="2026-03-05"), {"early", "nine", "nine-half", "naive", "late"}),
    (Filters(since="2026-03-06T01:00:00+01:00"), {"next-day"}),
    (Filters(queues=["sales"]), {"late"}),
    (Filters(), set(STARTS)),
]


@pytest.mark.parametrize(("filters", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_sql_and_memory_select_the_same_conversations(spread: Database, filters: Filters, expected: set[str]) -> None:
    assert _sql_ids(spread, filters) == expected
    assert _memory_ids(spread, filters) == expected


def test_an_offset_is_converted_to_utc() -> None:
    """The issue's example: --since 10:00+02:00 is 08:00 UTC, so 09:00Z is in."""
    filters = Filters(since="2026-03-05T10:00:00+02:00")
    assert filters.start == "2026-03-05T08:00:00"
    assert filters.matches({"started_at": "2026-03-05T09:00:00Z", "queue": None})
    assert Filters(to="2026-03-05").end == "2026-03-06T00:00:00"


def test_a_bad_bound_is_refused() -> None:
    with pytest.raises(ValueError, match="not a date"):
        Filters(since="last tuesday")


def test_export_and_sampling_use_the_same_bounds(spread: Database) -> None:
    filters = Filters(since="2026-03-05T10:00:00+02:00", to="2026-03-05")
    out = io.StringIO()
    export_signals(spread, "conversation", filters, out, "jsonl")
    exported = {line.split('"conversation_id": "')[1].split('"')[0] for line in out.getvalue().splitlines()}
    request = SampleRequest(size=10, seed=1, filters=filters, include_reviewed=True)
    sampled = {pick.conversation_id for pick in create_session(spread, request, resolve_rubric("default")).picks}
    assert exported == sampled == {"nine", "nine-half", "naive", "late"}


def test_the_cli_takes_an_offset(run_cli: Callable[..., object], spread: Database) -> None:
    result = run_cli("export", "--level", "conversation", "--format", "jsonl", "--since", "2026-03-05T10:00+02:00")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert '"early"' not in result.output and '"nine"' in result.output  # type: ignore[attr-defined]
    bad = run_cli("export", "--since", "yesterday")
    assert bad.exit_code != 0 and "is not a date" in bad.output  # type: ignore[attr-defined]


def test_repeat_contact_counts_later_contacts_within_the_window(db: Database, write_jsonl: Callable[..., Path]) -> None:
    """One definition for insights and the review screen: later contacts within N days."""
    from cxreview.insights import compute
    from cxreview.store.repeats import came_back_count

    records = [
        conversation("first", customer="K", started_at="2026-03-01T10:00:00Z"),
        conversation("again", customer="K", started_at="2026-03-08T09:59:59Z"),  # 7 days minus a second
        conversation("late", customer="K", started_at="2026-03-20T10:00:00Z"),  # 12 days after "again"
        conversation("other", customer="Q", started_at="2026-03-02T10:00:00Z"),
    ]
    import_files(db, [str(write_jsonl(records))])
    counts = {cid: came_back_count(db.conn, cid, 7) for cid in ("first", "again", "late", "other")}
    assert counts == {"first": 1, "again": 0, "late": 0, "other": 0}
    assert came_back_count(db.conn, "again", 14) == 1
    insights = compute(db, Filters(), repeat_days=7)
    (group,) = insights.repeat_by_queue
    assert group.n == 4 and group.values["repeat_share"] == 0.25


@pytest.mark.parametrize("command", [["export", "--level", "conversation"], ["sample", "--size", "3"], ["insights"]])
def test_a_to_before_since_is_a_usage_error(
    run_cli: Callable[..., object], spread: Database, command: list[str]
) -> None:
    """Found sampling with the dates the wrong way round: export wrote a header and no rows
    (exit 0), sample said 'no conversation matches the filters'; the dates were the mistake."""
    result = run_cli(*command, "--since", "2026-03-06", "--to", "2026-03-04")
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "--to 2026-03-04 is before --since 2026-03-06" in result.output  # type: ignore[attr-defined]
    same_day = run_cli(*command, "--since", "2026-03-05", "--to", "2026-03-05", "-q")
    assert same_day.exit_code in (0, 1) and "is before" not in same_day.output  # type: ignore[attr-defined]
