"""Two rubrics in one session: the bot's part scored with the bot rubric, the agent's with
the agent rubric, each review keeping its party in scores and exports."""

from __future__ import annotations

import csv
import io

import pytest

from cxreview import reviews
from cxreview.errors import UsageError
from cxreview.export import export_reviews
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.parties import agent_label, rubrics_for
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from cxreview.store.sessions import list_sessions, session_items
from tests.conftest import conversation

AGENT, BOT = resolve_rubric("default"), resolve_rubric("bot")


def _corpus() -> list[dict]:
    bot_only = [
        {"role": "bot", "text": "Hi, I'm the virtual assistant. What can I do for you?"},
        {"role": "customer", "text": "Where is my parcel?"},
        {"role": "bot", "text": "It arrives tomorrow before 18:00."},
    ]
    human_only = [
        {"role": "customer", "text": "Where is my parcel?"},
        {"role": "agent", "text": "It arrives tomorrow before 18:00.", "author": "Sanne"},
    ]
    return [
        conversation("bot", agent=None, messages=bot_only),
        conversation("human", messages=human_only),
        conversation("hybrid"),
    ]


@pytest.fixture
def corpus(db: Database, write_jsonl) -> Database:  # type: ignore[no-untyped-def]
    import_files(db, [str(write_jsonl(_corpus()))])
    analyze_conversations(db, workers=1)
    return db


def _score_all(db: Database, review: reviews.Review, level: int = 1) -> None:
    for criterion in review.rubric.criteria:
        reviews.set_score(db, review.id, criterion.id, min(max(level, criterion.min), criterion.max))
    reviews.submit(db, review.id)


def test_each_conversation_gets_the_rubrics_of_the_parties_in_it(corpus: Database) -> None:
    result = create_session(corpus, SampleRequest(size=3, seed=1, name="two", reviewers=["ana"]), AGENT, bot_rubric=BOT)
    assert len(result.picks) == 3
    items = {r["conversation_id"]: r for r in session_items(corpus.conn, result.session_id)}
    kinds = {cid: r["kind"] for cid, r in items.items()}
    assert kinds == {"bot": "bot", "human": "agent", "hybrid": "hybrid"}
    assert [r.id for r in rubrics_for("bot", AGENT, BOT)] == ["bot"]
    assert [r.id for r in rubrics_for("agent", AGENT, BOT)] == ["default"]
    assert [r.id for r in rubrics_for("hybrid", AGENT, BOT)] == ["bot", "default"]
    assert [r.id for r in rubrics_for("bot", AGENT, None)] == ["default"]  # one rubric: as always
    # The hybrid conversation is done only when both its reviews are submitted.
    for rubric in rubrics_for("hybrid", AGENT, BOT):
        assert _status(corpus, result.session_id, "hybrid") in (None, "draft")
        _score_all(corpus, reviews.start_review(corpus, "hybrid", "ana", rubric, result.session_id))
    assert _status(corpus, result.session_id, "hybrid") == "submitted"
    _score_all(corpus, reviews.start_review(corpus, "bot", "ana", BOT, result.session_id))
    assert _status(corpus, result.session_id, "bot") == "submitted"
    [listed] = list_sessions(corpus.conn)
    assert listed["reviewers"]["ana"]["done"] == 2 and listed["rubric"] == "default v1 + bot: bot v1"
    # Exports keep the party of every review and criterion.
    out = io.StringIO()
    export_reviews(corpus, "criterion", Filters(), out, "csv", calibrated=False)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    parties = {(r["conversation_id"], r["criterion"]): r["party"] for r in rows}
    assert parties[("hybrid", "empathy")] == "agent" and parties[("hybrid", "handover")] == "bot"
    assert {p for (cid, _), p in parties.items() if cid == "bot"} == {"bot"}


def _status(db: Database, session: int, conversation_id: str) -> str | None:
    return next(r["review_status"] for r in session_items(db.conn, session) if r["conversation_id"] == conversation_id)


def test_one_agent_rubric_leaves_out_bot_only_conversations(corpus: Database) -> None:
    result = create_session(corpus, SampleRequest(size=3, seed=1, name="one"), AGENT)
    assert sorted(p.conversation_id for p in result.picks) == ["human", "hybrid"]
    assert any("--bot-rubric bot" in note for note in result.notes)


def test_only_bot_only_conversations_and_an_agent_rubric_say_why_nothing_was_picked(run_cli, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    """Not "no conversation matches the filters (reviewed ones left out)": nothing was reviewed."""
    run_cli("import", "-q", str(write_jsonl([conversation("bot", agent=None, messages=_corpus()[0]["messages"])])))
    refused = run_cli("sample", "--size", "1", "--name", "agents")
    assert refused.exit_code != 0 and "reviewed ones" not in refused.output
    assert "no person took part" in refused.output and "--bot-rubric bot" in refused.output
    assert "Traceback" not in refused.output
    assert run_cli("sample", "--size", "1", "--name", "both", "--bot-rubric", "bot").exit_code == 0


def test_rubric_pairs_that_make_no_sense_are_refused(corpus: Database, run_cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="not a bot rubric"):
        create_session(corpus, SampleRequest(size=1, name="x"), AGENT, bot_rubric=AGENT)
    with pytest.raises(UsageError, match="is a bot rubric"):
        create_session(corpus, SampleRequest(size=1, name="x"), BOT, bot_rubric=BOT)
    done = run_cli("sample", "--size", "3", "--rubric", "default", "--bot-rubric", "bot", "--name", "cli")
    assert done.exit_code == 0 and "bot rubric bot v1" in done.output
    shown = run_cli("sessions", "show", "cli")
    assert shown.exit_code == 0 and "bot rubric bot v1" in " ".join(shown.output.split())
    refused = run_cli("sample", "--size", "3", "--bot-rubric", "default", "--name", "cli2")
    assert refused.exit_code != 0 and "not a bot rubric" in refused.output


def test_bot_only_means_no_human_agent_turn(run_cli, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    """People whose turns carry no name are an agent, not "bot only" (issue 11 item 8)."""
    unnamed = [
        {"role": "customer", "text": "Where is my parcel?"},
        {"role": "agent", "text": "It arrives tomorrow before 18:00."},
    ]
    records = [conversation("bot", agent=None, messages=_corpus()[0]["messages"])]
    records.append(conversation("unnamed", agent=None, messages=unnamed))
    run_cli("import", "-q", str(write_jsonl(records)))
    run_cli("sample", "--size", "2", "--seed", "1", "--name", "who", "--bot-rubric", "bot")
    shown = run_cli("sessions", "show", "who").output
    assert shown.count("bot only") == 1 and "(unnamed)" in shown  # the column wraps the label
    assert agent_label(None, "agent") == agent_label(None, "hybrid") == "agent (unnamed)"
    assert (agent_label("Sanne", "bot"), agent_label(None, "bot"), agent_label(None, "none")) == (
        "Sanne",
        "bot only",
        "no agent",
    )
