"""Internal notes kept with --keep-notes are turns with role "note" (issue 11 item 4):
stored and shown, but never analysed, quoted to agents or counted as a reply."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxreview import reviews
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.ingest.mapping_options import MappingOptions
from cxreview.insights import compute
from cxreview.reports.coaching import build_report, to_markdown
from cxreview.reports.insights_report import to_markdown as insights_markdown
from cxreview.rubrics import resolve_rubric
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database, open_database
from cxreview.store.conversations import get_messages
from cxreview.store.phases import phases_of
from cxreview.store.signals import conversation_signals, message_signals

FIXTURE = Path(__file__).parent / "fixtures" / "intercom_conversations.json"
IDS = ("215470881234567", "215470881234568", "215470881234569")
NOTE_WORDS = ("depot", "reship", "R-88")


def _imported(path: Any, keep_notes: bool) -> Database:
    db = open_database(path)
    import_files(db, [str(FIXTURE)], options=MappingOptions(preset="intercom", keep_notes=keep_notes))
    analyze_conversations(db, workers=1)
    return db


def _unplaced(values: dict[str, Any] | None) -> dict[str, Any]:
    """Signals without what names a position (notes take positions of their own)."""
    assert values is not None
    kept = {
        k: v
        for k, v in values.items()
        if k not in ("analysed_at", "analyzed_at") and not k.endswith(("position", "positions", "_start", "_end"))
    }
    if "flags" in kept:  # their details name positions ("a person took over at message 5")
        kept["flags"] = [(f["flag"], f["rule"]) for f in kept["flags"]]
    return kept


def _per_message(db: Database, cid: str) -> list[tuple[Any, ...]]:
    values = message_signals(db.conn, cid)
    return [(v["sentiment"], v["frustration"], [f["flag"] for f in v["flags"]]) for _, v in sorted(values.items())]


def test_kept_notes_are_turns_that_are_never_analysed_quoted_or_counted(new_db_target: Callable[[str], Any]) -> None:
    with _imported(new_db_target("notes.db"), True) as db, _imported(new_db_target("plain.db"), False) as plain:
        messages = get_messages(db.conn, IDS[0])
        notes = [m for m in messages if m["role"] == "note"]
        assert [(n["author"], n["text"]) for n in notes] == [
            ("Sanne de Vries", "Carrier says lost in depot, reship & refund shipping")
        ]
        turns = [m for m in messages if m["role"] != "note"]
        assert [m["text"] for m in turns] == [m["text"] for m in get_messages(plain.conn, IDS[0])]
        for cid in IDS:
            # The same signals, phases and waits as without the notes; the notes' own positions
            # carry none, and every flag stays on the message it is about.
            assert _unplaced(conversation_signals(db.conn, cid)) == _unplaced(conversation_signals(plain.conn, cid))
            assert _unplaced(phases_of(db.conn, cid)) == _unplaced(phases_of(plain.conn, cid))
            assert _per_message(db, cid) == _per_message(plain, cid)
            notes_at = {m["position"] for m in get_messages(db.conn, cid) if m["role"] == "note"}
            assert not notes_at & set(message_signals(db.conn, cid))
        # A reviewer's remark on the note's position is no reason to quote the note either.
        agent = str(db.scalar("SELECT agent FROM conversations WHERE id = ?", (IDS[0],)))
        review = reviews.start_review(db, IDS[0], "ana", resolve_rubric("default"))
        for criterion in review.rubric.criteria:
            reviews.set_score(db, review.id, criterion.id, criterion.max)
        reviews.set_message_note(db, review.id, notes[0]["position"], "see the note")
        reviews.submit(db, review.id)
        shown = to_markdown(build_report(db, agent)) + insights_markdown(compute(db, Filters()))
        assert "Carrier" not in shown and not any(word in shown for word in NOTE_WORDS)
