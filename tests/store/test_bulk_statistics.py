"""After a large import or analysis PostgreSQL gets planner statistics at once (ANALYZE), so
the next command is not planned blind while the server's own autoanalyze runs beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cxreview.ingest import importer
from cxreview.ingest.importer import import_files
from cxreview.signals import analyze as analysis
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from tests.conftest import conversation


def _analysed(db: Database) -> set[str]:
    if db.engine != "postgresql":
        return set()
    rows = db.conn.execute("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL").fetchall()
    return {row[0] for row in rows}


def test_statistics_after_a_bulk_write_only(
    engine_db: Database, engine: str, write_jsonl: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    small = write_jsonl([conversation(f"c{i}") for i in range(3)])
    import_files(engine_db, [str(small)])
    analyze_conversations(engine_db, workers=1)
    assert _analysed(engine_db) == set()  # 3 conversations: left to autovacuum
    # The same with the threshold at 2 (a thousand in production).
    monkeypatch.setattr(importer, "BULK_CONVERSATIONS", 2)
    monkeypatch.setattr(analysis, "BULK_CONVERSATIONS", 2)
    more = write_jsonl([conversation(f"d{i}") for i in range(3)])
    import_files(engine_db, [str(more)])
    if engine == "postgresql":
        assert {"conversations", "messages"} <= _analysed(engine_db)
    analyze_conversations(engine_db, workers=1)
    if engine == "postgresql":
        assert {"conversation_signals", "conversation_flags", "message_flags", "conversation_phases"} <= _analysed(
            engine_db
        )
    assert engine_db.scalar("SELECT count(*) FROM conversation_signals") == 6
