"""Coaching reports quote the agent: own messages only, one moment per conversation, notes
that quote their message, reviews and conversations counted apart, inherited frustration."""

from __future__ import annotations

from cxreview import reviews
from cxreview.ingest.importer import import_files
from cxreview.reports.coaching import build_report, to_html, to_markdown
from cxreview.rubrics import resolve_rubric
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from tests.conftest import conversation
from tests.signals.test_phases import ANGRY_AT_BOT

RUBRIC = resolve_rubric("default")


def _review(db: Database, cid: str, reviewer: str, level: int) -> reviews.Review:
    review = reviews.start_review(db, cid, reviewer, RUBRIC)
    for criterion in ("empathy", "clarity", "resolution"):
        reviews.set_score(db, review.id, criterion, level)
    return review


def test_an_agents_report_quotes_the_agent_and_never_the_bot(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    turns = [{"role": r, "text": t, "at": at, "author": "Sanne" if r == "agent" else None} for r, t, at in ANGRY_AT_BOT]
    import_files(db, [str(write_jsonl([conversation(f"h{i}", messages=turns) for i in range(3)]))])
    analyze_conversations(db, workers=1)
    # h0 is scored by two reviewers; notes on the agent's message and on a bot message.
    first = _review(db, "h0", "ana", 2)
    reviews.set_message_note(db, first.id, 8, "Good: you owned the refund at once")
    reviews.set_message_note(db, first.id, 5, "The bot asked the same again")
    for review in (first, _review(db, "h0", "ben", 3), _review(db, "h1", "ana", 5), _review(db, "h2", "ana", 4)):
        reviews.submit(db, review.id)
    report = build_report(db, "Sanne")
    markdown, html = to_markdown(report), to_html(report)
    bot_words = {t for r, t, _ in ANGRY_AT_BOT if r == "bot"}
    for text in bot_words:
        assert text not in markdown and text.replace("'", "&#x27;") not in html
    assert "**bot**" not in markdown and "The bot asked the same again" not in markdown
    assert "Based on 4 reviews of 3 conversations" in markdown
    ids = [e.conversation_id for e in report.examples]
    assert len(ids) == len(set(ids)) >= 2  # lowest h0, highest h1, latest unless a tie
    lowest = report.examples[0]
    assert lowest.conversation_id == "h0" and lowest.reviews == 2
    # The agent's own message, with the customer before and after it.
    assert [role for role, _, _ in lowest.lines] == ["customer", "agent", "customer"]
    assert lowest.lines[1][1].startswith("Hi, I'm Sanne.")
    assert any(n.startswith("message 8 (\"Hi, I'm Sanne.") and "owned the refund" in n for n in lowest.notes)
    # Customers arrived angry from the bot loop and left calm: inherited, recovered, not hers.
    assert report.arrivals == {"n": 3, "inherited": 3, "recovered": 3, "worse": 0}
    assert "In 3 of your 3 conversations the customer was already frustrated" in markdown
