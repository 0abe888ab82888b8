"""Review sessions: reproducible, filtered, fair per agent, risk-weighted, split or blind."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxreview import reviews
from cxreview.errors import ConflictError, NotFoundError, UsageError
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session, fair_quota
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database, open_database
from cxreview.store.sessions import list_sessions, session_items
from tests.conftest import REPO

RUBRIC = resolve_rubric("default")


@pytest.fixture
def demo(db: Database) -> Database:
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    analyze_conversations(db, workers=1)
    return db


def _ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.conversation_id for p in result.picks]


def test_same_seed_same_session_and_filters_hold(demo: Database) -> None:
    request = dict(size=15, seed=42, filters=Filters(queues=["billing"], languages=["nl"]), include_reviewed=True)
    first = create_session(demo, SampleRequest(name="a", **request), RUBRIC)
    second = create_session(demo, SampleRequest(name="b", **request), RUBRIC)
    assert _ids(first) == _ids(second) and len(set(_ids(first))) == 15
    third = create_session(demo, SampleRequest(name="c", **{**request, "seed": 43}), RUBRIC)
    assert _ids(third) != _ids(first)
    rows = demo.query(f"SELECT queue, language FROM conversations WHERE id IN ({','.join('?' * 15)})", _ids(first))
    assert {(r["queue"], r["language"]) for r in rows} == {("billing", "nl")}


def test_random_is_roughly_uniform(demo: Database) -> None:
    counts: Counter[str] = Counter()
    for seed in range(200):
        result = create_session(demo, SampleRequest(size=3, seed=seed, name=f"u{seed}", include_reviewed=True), RUBRIC)
        counts.update(_ids(result))
    # 600 picks over the 221 demo conversations a person took part in (the agent rubric cannot
    # score the 79 bot-only ones): about 206 distinct expected, none should dominate.
    assert len(counts) > 190 and max(counts.values()) <= 12
    bot_only = {r["id"] for r in demo.query("SELECT conversation_id AS id FROM conversation_phases WHERE kind = 'bot'")}
    assert len(bot_only) == 79 and not bot_only & set(counts)


def test_reviewed_and_scheduled_conversations_are_left_out(demo: Database) -> None:
    first = create_session(demo, SampleRequest(size=40, seed=1, name="first"), RUBRIC)
    reviewed = next(
        r["id"]
        for r in demo.query("SELECT conversation_id AS id FROM conversation_phases WHERE kind = 'hybrid' ORDER BY 1")
        if r["id"] not in _ids(first)
    )
    reviews.start_review(demo, reviewed, "ana", RUBRIC)
    second = create_session(demo, SampleRequest(size=260, seed=2, name="second"), RUBRIC)
    assert not set(_ids(first)) & set(_ids(second))
    assert reviewed not in _ids(second)
    # 221 conversations with a person, 40 in the first session, one reviewed.
    assert any("only 180 conversations match" in note for note in second.notes)
    assert any("no person took part were left out" in note for note in second.notes)


def test_min_messages_and_date_filters(demo: Database) -> None:
    result = create_session(
        demo,
        SampleRequest(
            size=20, seed=5, name="long", min_messages=12, filters=Filters(since="2026-10-01", to="2026-10-31")
        ),
        RUBRIC,
    )
    rows = demo.query(
        f"SELECT n_messages, started_at FROM conversations WHERE id IN ({','.join('?' * len(result.picks))})",
        _ids(result),
    )
    assert all(r["n_messages"] >= 12 and "2026-10-01" <= r["started_at"] <= "2026-10-31T99" for r in rows)


def test_stratified_gives_each_agent_k_and_reports_short_agents(demo: Database) -> None:
    result = create_session(
        demo, SampleRequest(size=None, strategy="stratified", per_group=3, seed=9, name="s"), RUBRIC
    )
    per_agent = Counter(p.agent for p in result.picks)
    agents = {r[0] for r in demo.query("SELECT DISTINCT agent FROM conversations WHERE agent IS NOT NULL")}
    assert set(per_agent) == agents and set(per_agent.values()) == {3}
    narrow = create_session(
        demo,
        SampleRequest(
            size=None, strategy="stratified", per_group=50, seed=9, name="s2", filters=Filters(queues=["cancellations"])
        ),
        RUBRIC,
    )
    assert any("has only" in note and "all taken" in note for note in narrow.notes)
    by_queue = create_session(
        demo,
        SampleRequest(
            size=None, strategy="stratified", per_group=2, group_by="queue", seed=9, name="q", include_reviewed=True
        ),
        RUBRIC,
    )
    assert len(by_queue.picks) == 8


def test_spotlight_prefers_risky_conversations_and_marks_random_picks(demo: Database) -> None:
    result = create_session(demo, SampleRequest(size=30, strategy="spotlight", seed=3, name="spot"), RUBRIC)
    kinds = Counter(p.pick for p in result.picks)
    assert kinds == {"spotlight": 24, "random": 6}
    risk = {
        r["conversation_id"]: r["risk"] for r in demo.query("SELECT conversation_id, risk FROM conversation_signals")
    }
    spot = [risk[p.conversation_id] for p in result.picks if p.pick == "spotlight"]
    overall = sum(risk.values()) / len(risk)
    assert sum(spot) / len(spot) > overall + 0.15
    assert all(p.reason.startswith("risk ") for p in result.picks if p.pick == "spotlight")
    stored = demo.query("SELECT pick, count(*) AS n FROM session_items GROUP BY pick")
    assert {r["pick"]: r["n"] for r in stored} == {"spotlight": 24, "random": 6}


def test_spotlight_is_reproducible_after_re_analysis(demo: Database, new_db_target: Callable[[str], Any]) -> None:
    """Same seed, same data, same risks: the same session, after re-analysing 40 conversations
    (in another order) and in a second database analysed in reverse order."""

    def picks(db: Database, name: str) -> list[str]:
        request = SampleRequest(size=10, strategy="spotlight", seed=11, name=name, include_reviewed=True)
        return [p.conversation_id for p in create_session(db, request, RUBRIC).picks]

    before = picks(demo, "before")
    rowids = dict(demo.query("SELECT conversation_id, rowid FROM conversation_signals"))
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id DESC LIMIT 40")]
    analyze_conversations(demo, ids=ids, workers=1)
    assert picks(demo, "after") == before
    assert dict(demo.query("SELECT conversation_id, rowid FROM conversation_signals")) == rowids  # updated in place
    with open_database(new_db_target("other.db")) as other:
        import_files(other, [str(REPO / "samples" / "demo.jsonl")])
        everything = [r[0] for r in other.query("SELECT id FROM conversations ORDER BY id DESC")]
        analyze_conversations(other, ids=everything, workers=1)
        assert picks(other, "elsewhere") == before


def test_split_among_reviewers_and_blind_calibration(demo: Database) -> None:
    split = create_session(demo, SampleRequest(size=9, seed=1, name="split", reviewers=["ana", "ben", "cem"]), RUBRIC)
    assert {r: len(ids) for r, ids in split.assignments.items()} == {"ana": 3, "ben": 3, "cem": 3}
    assert not set(split.assignments["ana"]) & set(split.assignments["ben"])
    calib = create_session(
        demo, SampleRequest(size=5, seed=2, name="calib", reviewers=["ana", "ben"], calibration=True), RUBRIC
    )
    assert calib.assignments["ana"] == calib.assignments["ben"] and len(calib.assignments["ana"]) == 5
    sessions = {s["name"]: s for s in list_sessions(demo.conn)}
    assert sessions["calib"]["calibration"] and sessions["calib"]["reviewers"]["ben"]["total"] == 5
    items = session_items(demo.conn, sessions["split"]["id"], "ana")
    assert [i["review_status"] for i in items] == [None, None, None]
    review = reviews.start_review(demo, items[0]["conversation_id"], "ana", RUBRIC)
    for criterion in ("empathy", "clarity", "resolution"):
        reviews.set_score(demo, review.id, criterion, 4)
    reviews.submit(demo, review.id)
    progress = {s["name"]: s for s in list_sessions(demo.conn)}["split"]["reviewers"]["ana"]
    assert progress == {"total": 3, "done": 1, "started": 0}


def test_clear_errors(demo: Database, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--size must be a number above 0"):
        create_session(demo, SampleRequest(size=0), RUBRIC)
    create_session(demo, SampleRequest(size=2, name="taken", seed=1), RUBRIC)
    with pytest.raises(ConflictError, match='a session named "taken" exists'):
        create_session(demo, SampleRequest(size=2, name="taken"), RUBRIC)
    with pytest.raises(NotFoundError, match="no conversation matches the filters"):
        create_session(demo, SampleRequest(size=2, filters=Filters(queues=["nope"])), RUBRIC)
    with pytest.raises(UsageError, match="named twice"):
        create_session(demo, SampleRequest(size=2, reviewers=["ana", "ana"]), RUBRIC)
    # Found sampling 'random --size 5 --per-agent 2': the option was silently ignored, five
    # conversations of whichever agents; an option of another strategy is now an error.
    with pytest.raises(UsageError, match="--per-agent only applies to --strategy stratified"):
        create_session(demo, SampleRequest(size=5, per_group=2), RUBRIC)
    with pytest.raises(UsageError, match="--criterion only applies to --strategy autoqa-low or uncertain"):
        create_session(demo, SampleRequest(size=5, strategy="spotlight", criterion="empathy"), RUBRIC)
    assert demo.scalar("SELECT count(*) FROM sessions") == 1  # only "taken"


def test_spotlight_without_signals_says_to_analyze(db: Database, write_jsonl) -> None:
    from tests.conftest import conversation

    import_files(db, [str(write_jsonl([conversation("x")]))])
    with pytest.raises(ConflictError, match="cxreview analyze"):
        create_session(db, SampleRequest(size=1, strategy="spotlight"), RUBRIC)


def test_cli_sample_and_sessions(run_cli, write_jsonl) -> None:
    run_cli("import", "-q", str(REPO / "samples" / "demo.jsonl"))
    out = run_cli("sample", "--size", "4", "--reviewer", "ana", "--reviewer", "ben", "--seed", "1", "--name", "day1")
    assert 'Created session "day1": 4 conversations (4 random)' in out.output
    assert "ana: 2 conversations" in out.output
    listing = run_cli("sessions")
    assert "day1" in listing.output and "0/2" in listing.output
    shown = run_cli("sessions", "show", "day1")
    assert "random pick" in shown.output and shown.output.count("to do") == 4
    missing = run_cli("sessions", "show", "nope")
    assert missing.exit_code == 1 and 'no session "nope"' in missing.output
    unknown = run_cli("sample", "--size", "2", "--rubric", "nope")
    assert unknown.exit_code == 1 and 'unknown rubric "nope"' in unknown.output


@settings(max_examples=100, deadline=None)
@given(
    available=st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 6), min_size=1, max_size=12),
    size=st.integers(1, 60),
    seed=st.integers(0, 2**16),
)
def test_fair_quota_is_as_even_as_the_groups_allow(available: dict[str, int], size: int, seed: int) -> None:
    quota = fair_quota(available, size, random.Random(seed))
    assert sum(quota.values()) == min(size, sum(available.values()))
    assert all(0 <= quota[g] <= available[g] for g in available)
    for g in available:
        for h in available:
            # g may have fewer than h minus one only when g has nothing more to give
            assert quota[g] >= quota[h] - 1 or quota[g] == available[g]


def test_the_size_cut_is_drawn_by_the_seed_not_by_name(demo: Database) -> None:
    """Seeds 1 and 2 used to give the same three (alphabetically first) agents; now every
    agent is about equally likely to be kept."""
    kept: list[frozenset[str]] = []
    for seed in (1, 2, 3):
        request = SampleRequest(
            size=3, strategy="stratified", per_group=1, seed=seed, name=f"cut-{seed}", include_reviewed=True
        )
        result = create_session(demo, request, RUBRIC)
        assert len(result.picks) == 3 and len({p.agent for p in result.picks}) == 3
        assert any("chosen at random by the seed" in n for n in result.notes)
        kept.append(frozenset(str(p.agent) for p in result.picks))
    assert len(set(kept)) > 1
    counts = Counter(
        g
        for seed in range(300)
        for g, q in fair_quota(dict.fromkeys("abcdefghij", 2), 3, random.Random(seed)).items()
        if q
    )
    assert all(60 <= counts[g] <= 120 for g in "abcdefghij")  # 90 expected each


def test_stratified_probing_is_bounded_by_groups_and_table(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """--per-agent 50 on 300 conversations: no agent can be filled, and the former per-agent
    probing spent K x 60 x agents probes for *each* agent (432,000 here). Now one shared run,
    at most three probes per conversation, then each short agent listed through the index."""
    from cxreview.store import sessions as store_sessions

    probes = 0
    real = store_sessions.conversation_by_rowid

    def counting(conn, rowid):  # type: ignore[no-untyped-def]
        nonlocal probes
        probes += 1
        return real(conn, rowid)

    monkeypatch.setattr(store_sessions, "conversation_by_rowid", counting)
    request = SampleRequest(size=None, strategy="stratified", per_group=50, seed=1, name="k50", include_reviewed=True)
    result = create_session(demo, request, RUBRIC)
    with_agent = demo.scalar("SELECT count(*) FROM conversations WHERE agent IS NOT NULL")
    assert len(result.picks) == with_agent and probes <= 3 * 300


def test_an_empty_database_says_to_import_first(db: Database) -> None:
    """Found after a first import that failed: sample said 'no conversation matches the filters
    (reviewed ones left out); widen the filters, or add --include-reviewed' with no filter set
    and nothing reviewed; the database was simply empty."""
    with pytest.raises(NotFoundError, match="the database holds no conversations yet") as raised:
        create_session(db, SampleRequest(size=5), RUBRIC)
    assert "cxreview import" in raised.value.one_line()
