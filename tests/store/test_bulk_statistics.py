"""After a large import or analysis PostgreSQL vacuums and analyses the tables written at once,
so the next command is neither planned blind nor the one that sets the new rows' hint bits."""

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
    """Tables vacuumed and analysed by a command (not by the server's autovacuum)."""
    if db.engine != "postgresql":
        return set()
    rows = db.conn.execute(
        "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND last_vacuum IS NOT NULL"
    ).fetchall()
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


def test_inside_a_transaction_only_the_statistics(engine_db: Database) -> None:
    with engine_db.transaction():  # VACUUM cannot run in a transaction block: no error, ANALYZE only
        engine_db.after_bulk_write(("conversations",))
    engine_db.after_bulk_write(("conversations",))
