"""Disputes: the state machine, refusals that write nothing, deadlines, import, stats, concurrency."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from cxreview import corrections, disputes, reviews
from cxreview.errors import ConflictError, InputError, NotFoundError, UsageError
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.rubrics.loader import parse_rubric
from cxreview.store import Database, open_database
from tests.conftest import conversation
from tests.test_corrections import submitted


@pytest.fixture
def loaded(db: Database, write_jsonl) -> Database:
    import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2", agent="Bram")]))])
    return db


def count(db: Database) -> tuple[int, int, int]:
    return (
        db.scalar("SELECT count(*) FROM disputes"),
        db.scalar("SELECT count(*) FROM review_revisions"),
        db.scalar("SELECT count(*) FROM dispute_notes"),
    )


def opened(db: Database) -> tuple[int, int]:
    review_id = submitted(db)
    return review_id, disputes.open_dispute(db, review_id, "empathy", "Sanne", "I apologised twice").id


def decide(db: Database, dispute_id: int, to: str) -> None:
    if to == "accepted":
        disputes.accept(db, dispute_id, "lead", 4, answer="fair point")
    elif to == "rejected":
        disputes.reject(db, dispute_id, "lead", "the apology came too late")
    else:
        disputes.withdraw(db, dispute_id, "Sanne")


@pytest.mark.parametrize("to", ["accepted", "rejected", "withdrawn"])
def test_an_open_dispute_can_be_decided(loaded: Database, to: str) -> None:
    review_id, dispute_id = opened(loaded)
    decide(loaded, dispute_id, to)
    row = disputes.get_dispute(loaded, dispute_id)
    assert row["status"] == to and row["resolved_at"]
    score = reviews.get_review(loaded, review_id).criteria["empathy"].score
    assert score == (4 if to == "accepted" else 2)


@pytest.mark.parametrize("first", ["accepted", "rejected", "withdrawn"])
@pytest.mark.parametrize("then", ["accepted", "rejected", "withdrawn"])
def test_a_decided_dispute_is_final(loaded: Database, first: str, then: str) -> None:
    _, dispute_id = opened(loaded)
    decide(loaded, dispute_id, first)
    before = count(loaded)
    with pytest.raises(ConflictError, match=f"dispute {dispute_id} is already {first}"):
        decide(loaded, dispute_id, then)
    assert count(loaded) == before
    assert disputes.get_dispute(loaded, dispute_id)["status"] == first


def test_accept_changes_the_score_and_keeps_the_original(loaded: Database) -> None:
    review_id, dispute_id = opened(loaded)
    assert disputes.accept(loaded, dispute_id, "lead", 4) == ""
    row = loaded.query("SELECT score, original_score, status FROM reviews WHERE id = ?", (review_id,))[0]
    assert row["status"] == "submitted" and row["original_score"] == pytest.approx(50.0)
    assert row["score"] == pytest.approx(reviews.get_review(loaded, review_id).result().score)
    assert row["score"] > row["original_score"]
    [rev] = loaded.query("SELECT * FROM review_revisions WHERE review_id = ?", (review_id,))
    assert (rev["editor"], rev["role"], rev["dispute_id"], rev["reason"]) == (
        "lead",
        "arbiter",
        dispute_id,
        "I apologised twice",
    )
    events = corrections.history(loaded, review_id)
    assert [e.what for e in events] == ["submitted (score 50.0)", "opened dispute 1 on empathy", "accepted dispute 1"]
    assert events[2].changes == ["empathy score: 2 -> 4"]


def test_refused_decisions_write_nothing(loaded: Database) -> None:
    _, dispute_id = opened(loaded)
    before = count(loaded)
    with pytest.raises(UsageError, match="already 2"):
        disputes.accept(loaded, dispute_id, "lead", 2)
    with pytest.raises(UsageError, match="not a level"):
        disputes.accept(loaded, dispute_id, "lead", 9)
    with pytest.raises(UsageError, match="cannot be N/A"):
        disputes.accept(loaded, dispute_id, "lead", None, na=True)
    with pytest.raises(UsageError, match="answer is empty"):
        disputes.reject(loaded, dispute_id, "lead", "  ")
    with pytest.raises(ConflictError, match="opened by Sanne, not Bram"):
        disputes.withdraw(loaded, dispute_id, "Bram")
    with pytest.raises(NotFoundError, match="no dispute 99"):
        disputes.reject(loaded, 99, "lead", "no")
    assert count(loaded) == before
    assert disputes.get_dispute(loaded, dispute_id)["status"] == "open"


def test_opening_is_refused_with_a_clear_reason(loaded: Database) -> None:
    review_id = submitted(loaded)
    draft = reviews.start_review(loaded, "c2", "ana", resolve_rubric("default"))
    cases = [
        (lambda: disputes.open_dispute(loaded, 99, "empathy", "Sanne", "x"), NotFoundError, "no review 99"),
        (lambda: disputes.open_dispute(loaded, review_id, "tone", "Sanne", "x"), NotFoundError, 'no criterion "tone"'),
        (lambda: disputes.open_dispute(loaded, draft.id, "empathy", "Sanne", "x"), ConflictError, "is a draft"),
        (lambda: disputes.open_dispute(loaded, review_id, "empathy", "Sanne", ""), UsageError, "reason is empty"),
    ]
    for call, error, message in cases:
        with pytest.raises(error, match=message):
            call()
    disputes.open_dispute(loaded, review_id, "empathy", "Sanne", "x")
    with pytest.raises(ConflictError, match="already has an open dispute on empathy"):
        disputes.open_dispute(loaded, review_id, "empathy", "Sanne", "again")
    assert count(loaded)[0] == 1


def test_global_and_rubric_deadlines(loaded: Database, tmp_path: Path) -> None:
    review_id = submitted(loaded)
    later = datetime.now(timezone.utc) + timedelta(days=8)
    disputes.set_global_deadline(loaded, 7)
    with pytest.raises(ConflictError, match=r"deadline of review 1 passed on .* \(7 days after it was submitted\)"):
        disputes.open_dispute(loaded, review_id, "empathy", "Sanne", "late", now=later)
    assert count(loaded)[0] == 0
    disputes.open_dispute(loaded, review_id, "empathy", "Sanne", "in time", now=later - timedelta(days=2))
    disputes.set_global_deadline(loaded, None)
    disputes.open_dispute(loaded, review_id, "clarity", "Sanne", "no deadline", now=later + timedelta(days=300))
    # A rubric's own deadline wins over the global one.
    text = (
        Path(resolve_rubric("default").source)
        .read_text(encoding="utf-8")
        .replace("version: 1", "version: 2\ndispute_days: 30", 1)
    )
    rubric = parse_rubric(text, "team.yaml")
    assert rubric.dispute_days == 30
    review = reviews.start_review(loaded, "c2", "ana", rubric)
    for criterion, score in (("empathy", 2), ("clarity", 3), ("resolution", 4)):
        reviews.set_score(loaded, review.id, criterion, score)
    reviews.submit(loaded, review.id)
    disputes.set_global_deadline(loaded, 7)
    disputes.open_dispute(loaded, review.id, "empathy", "Bram", "within 30 days", now=later)
    with pytest.raises(ConflictError, match="30 days after"):
        disputes.open_dispute(loaded, review.id, "clarity", "Bram", "too late", now=later + timedelta(days=30))


def test_import_is_all_or_nothing(loaded: Database, tmp_path: Path) -> None:
    review_id = submitted(loaded)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"review_id,criterion,agent,reason\n{review_id},empathy,Sanne,too low\n{review_id},tone,Sanne,x\nabc,empathy,Sanne,x\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        disputes.import_disputes(loaded, bad)
    assert raised.value.problems == [
        f'{bad}:3: rubric "default" has no criterion "tone"; use one of empathy, clarity, resolution',
        f'{bad}:4: review_id "abc" is not a number; give the review id from the export',
    ]
    assert count(loaded)[0] == 0
    good = tmp_path / "good.csv"
    good.write_text(
        f"review_id,criterion,by,reason,opened_at\n{review_id},empathy,Sanne,too low,2026-11-01T09:00:00Z\n"
    )
    [new] = disputes.import_disputes(loaded, good)
    assert disputes.get_dispute(loaded, new.id)["opened_at"] == "2026-11-01T09:00:00Z"
    # A semicolon CSV (Excel in Dutch and other locales) reads the same, as conversation imports do.
    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_bytes(f"\ufeffreview_id;criterion;by;reason\r\n{review_id};clarity;Sanne;too low, sorry\r\n".encode())
    [other] = disputes.import_disputes(loaded, semicolons)
    assert disputes.get_dispute(loaded, other.id)["reason"] == "too low, sorry"


def test_list_and_stats(loaded: Database) -> None:
    _, first = opened(loaded)
    other = submitted(loaded, reviewer="ben", conv="c2")
    second = disputes.open_dispute(loaded, other, "clarity", "Bram", "clear enough").id
    third = disputes.open_dispute(loaded, other, "empathy", "Bram", "kind").id
    disputes.accept(loaded, first, "lead", 3)
    disputes.reject(loaded, second, "lead", "jargon")
    assert [d["id"] for d in disputes.list_disputes(loaded, status="open")] == [third]
    assert [d["id"] for d in disputes.list_disputes(loaded, agent="Bram")] == [second, third]
    with pytest.raises(UsageError, match='unknown status "shut"'):
        disputes.list_disputes(loaded, status="shut")
    stats = disputes.stats(loaded)
    assert stats["by_status"] == {"open": 1, "accepted": 1, "rejected": 1, "withdrawn": 0}
    assert stats["per_reviewer"]["ana"]["acceptance_rate"] == 1.0
    assert stats["per_reviewer"]["ben"]["acceptance_rate"] == 0.0
    assert stats["per_criterion"]["empathy"] == {"disputes": 2, "accepted": 1, "rejected": 0, "acceptance_rate": 1.0}


def test_dispute_accepted_while_the_reviewer_corrects_the_review(loaded: Database, db_path: Path) -> None:
    """Neither change is lost; whoever saves later is told about the other."""
    review_id, dispute_id = opened(loaded)
    reviews.reopen(loaded, review_id)  # the reviewer opens the review to correct it
    bookmark = corrections.last_revision(loaded, review_id)
    reviews.set_score(loaded, review_id, "clarity", 5)
    with open_database(db_path) as arbiter:
        disputes.accept(arbiter, dispute_id, "lead", 4)  # a different criterion: no clash
    # The reviewer's stale view of empathy (2) is refused, not overwritten.
    with pytest.raises(ConflictError, match="lead \\(arbiter\\) changed Empathy to 4"):
        reviews.set_score(loaded, review_id, "empathy", 1, expected=(2, False))
    reviews.submit(loaded, review_id, reason="clarity was fine")
    assert corrections.news_since(loaded, review_id, bookmark, "ana") == [
        "lead (arbiter) changed empathy score: 2 -> 4 (dispute 1)"
    ]
    final = reviews.get_review(loaded, review_id)
    assert (final.criteria["empathy"].score, final.criteria["clarity"].score) == (4, 5)


def test_arbiter_is_told_when_the_reviewer_is_changing_the_same_score(loaded: Database, db_path: Path) -> None:
    review_id, dispute_id = opened(loaded)
    reviews.reopen(loaded, review_id)
    reviews.set_score(loaded, review_id, "empathy", 3)
    with open_database(db_path) as arbiter:
        with pytest.raises(ConflictError, match="ana is correcting review 1 and changed Empathy from 2 to 3"):
            disputes.accept(arbiter, dispute_id, "lead", 4)
    assert disputes.get_dispute(loaded, dispute_id)["status"] == "open"
    reviews.submit(loaded, review_id)
    # After the reviewer saved, the arbiter decides on the current score and is told it moved.
    notice = disputes.accept(loaded, dispute_id, "lead", 4)
    assert notice == "Empathy had been changed from 2 to 3 since the dispute was opened; it is now 4"
    assert [
        e.changes for e in corrections.history(loaded, review_id) if e.what != "submitted (score 50.0)" and e.changes
    ] == [
        ["empathy score: 2 -> 3"],
        ["empathy score: 3 -> 4"],
    ]


def test_notes_make_a_conversation(loaded: Database) -> None:
    _, dispute_id = opened(loaded)
    disputes.add_note(loaded, dispute_id, "lead", "which message?")
    disputes.add_note(loaded, dispute_id, "Sanne", "message 3", role="agent")
    assert [(n["author"], n["text"]) for n in disputes.notes(loaded, dispute_id)] == [
        ("lead", "which message?"),
        ("Sanne", "message 3"),
    ]


def test_neither_the_agent_who_disputes_nor_the_reviewer_decides_the_dispute(loaded: Database) -> None:
    """Found trying the dispute flow as an agent: 'disputes accept 2 --score 5 --by Tom' let the
    agent who opened the dispute accept it and raise their own score from 1 to 5; the reviewer
    whose score is contested could equally reject it. An arbiter is someone else (docs/disputes.md)."""
    review_id, dispute_id = opened(loaded)  # reviewed by ana, disputed by Sanne
    before = count(loaded)
    with pytest.raises(ConflictError, match="Sanne opened dispute 1 and cannot decide it"):
        disputes.accept(loaded, dispute_id, "Sanne", 5)
    with pytest.raises(ConflictError, match="Sanne opened dispute 1 and cannot decide it"):
        disputes.reject(loaded, dispute_id, "Sanne", "I changed my mind")
    with pytest.raises(ConflictError, match="ana cannot decide a dispute on their own review"):
        disputes.reject(loaded, dispute_id, "ana", "I stand by it")
    with pytest.raises(ConflictError, match="own review"):
        disputes.accept(loaded, dispute_id, " ana ", 4)
    assert count(loaded) == before
    assert reviews.get_review(loaded, review_id).criteria["empathy"].score == 2
    # Opened for the agent by a team lead: the agent still does not decide it.
    disputes.withdraw(loaded, dispute_id, "Sanne")
    other = disputes.open_dispute(loaded, review_id, "empathy", "teamlead", "on Sanne's behalf").id
    with pytest.raises(ConflictError, match="Sanne is the agent of conversation c1"):
        disputes.accept(loaded, other, "Sanne", 5)
    disputes.accept(loaded, other, "lead", 4)
