"""JSONL import: fields, idempotency, atomicity and the error for every kind of bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cxreview.errors import InputError
from cxreview.ingest.importer import import_files
from cxreview.store import Database
from cxreview.store.conversations import get_conversation, get_messages
from tests.conftest import conversation


def test_import_stores_every_field_and_keeps_unknown_fields_in_meta(db: Database, write_jsonl) -> None:
    path = write_jsonl([conversation("c1", outcome="resolved", csat=4, tags=["vip"], ticket_priority="high")])
    summary = import_files(db, [str(path)])
    assert (summary.new, summary.updated, summary.unchanged, summary.messages) == (1, 0, 0, 3)
    stored = get_conversation(db.conn, "c1")
    assert stored is not None
    assert stored["queue"] == "billing" and stored["csat"] == 4.0 and stored["outcome"] == "resolved"
    assert stored["tags"] == ["vip"]
    assert stored["meta"] == {"ticket_priority": "high"}
    assert stored["n_messages"] == 3
    messages = get_messages(db.conn, "c1")
    assert [m["role"] for m in messages] == ["bot", "customer", "agent"]
    assert messages[2]["author"] == "Sanne"
    assert [m["position"] for m in messages] == [1, 2, 3]


def test_started_at_defaults_to_first_message_time(db: Database, write_jsonl) -> None:
    record = conversation("c1")
    del record["started_at"]
    import_files(db, [str(write_jsonl([record]))])
    assert get_conversation(db.conn, "c1")["started_at"] == "2026-03-05T10:00:01Z"


def test_timestamps_are_normalised_to_utc(db: Database, write_jsonl) -> None:
    record = conversation("c1", started_at="2026-03-05T11:00:00+01:00")
    record["messages"][0]["at"] = 1772704800  # epoch seconds
    import_files(db, [str(write_jsonl([record]))])
    assert get_conversation(db.conn, "c1")["started_at"] == "2026-03-05T10:00:00Z"
    assert get_messages(db.conn, "c1")[0]["at"] == "2026-03-05T10:00:00Z"


def test_reimport_is_idempotent_and_counts_new_updated_unchanged(db: Database, write_jsonl) -> None:
    first = write_jsonl([conversation("c1"), conversation("c2")], "a.jsonl")
    import_files(db, [str(first)])
    changed = conversation("c2", outcome="escalated")
    changed["messages"] = changed["messages"][:2]
    second = write_jsonl([conversation("c1"), changed, conversation("c3")], "b.jsonl")
    summary = import_files(db, [str(second)])
    assert (summary.new, summary.updated, summary.unchanged) == (1, 1, 1)
    assert db.scalar("SELECT count(*) FROM conversations") == 3
    assert db.scalar("SELECT count(*) FROM messages WHERE conversation_id = 'c2'") == 2
    assert get_conversation(db.conn, "c2")["outcome"] == "escalated"


def test_same_id_twice_in_one_run_keeps_the_last(db: Database, write_jsonl) -> None:
    path = write_jsonl([conversation("c1", outcome="open"), conversation("c1", outcome="resolved")])
    summary = import_files(db, [str(path)])
    assert summary.repeated == 1
    assert db.scalar("SELECT count(*) FROM conversations") == 1
    assert get_conversation(db.conn, "c1")["outcome"] == "resolved"


@pytest.mark.sqlite_only(
    reason="compares the SQLite file's bytes (all-or-nothing on PostgreSQL: tests/store/test_engines.py)"
)
def test_failed_import_leaves_database_byte_for_byte_unchanged(db: Database, db_path: Path, write_jsonl) -> None:
    import_files(db, [str(write_jsonl([conversation("c1")], "good.jsonl"))])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_path.read_bytes()
    bad = [conversation(f"n{i}") for i in range(5000)]  # enough to span several write batches
    bad.append(conversation("broken", messages=[{"role": "robot", "text": "beep"}]))
    with pytest.raises(InputError):
        import_files(db, [str(write_jsonl(bad, "bad.jsonl"))])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db_path.read_bytes() == before
    assert db.scalar("SELECT count(*) FROM conversations") == 1


def test_every_problem_is_reported_in_one_run_with_file_line_and_fix(db: Database, tmp_path: Path) -> None:
    lines = [
        json.dumps(conversation("ok")),
        json.dumps(conversation("r", messages=[{"role": "customer", "text": "a"}, {"role": "robot", "text": "b"}])),
        json.dumps({"id": "empty", "messages": []}),
        json.dumps({"messages": [{"role": "bot", "text": "x"}]}),
        '{"id": "cut", "messages": [{"role": "bot", "te',
        json.dumps(conversation("t", started_at="yesterday")),
        json.dumps(conversation("s", csat="great")),
        "[1, 2]",
    ]
    path = tmp_path / "calls.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "\xff"}\n')
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)])
    problems = info.value.problems
    assert (
        f'{path}:2: conversation r: message 2 has role "robot"; expected customer, agent, bot or '
        "system (map it with --roles robot=bot)"
    ) in problems
    assert any(p.startswith(f"{path}:3: conversation empty: has no messages") for p in problems)
    assert any(p.startswith(f'{path}:4: missing "id"') for p in problems)
    assert any(p.startswith(f"{path}:5: not valid JSON") and "cut off" in p for p in problems)
    assert any(p.startswith(f"{path}:6:") and "not a time" in p for p in problems)
    assert any(p.startswith(f"{path}:7:") and "csat" in p for p in problems)
    assert any(p.startswith(f"{path}:8:") and "JSON object" in p for p in problems)
    assert any(p.startswith(f"{path}:9: not valid UTF-8") for p in problems)
    assert len(problems) == 8
    assert db.scalar("SELECT count(*) FROM conversations") == 0


def test_roles_option_maps_values(db: Database, write_jsonl) -> None:
    record = conversation("c1", messages=[{"role": "Robot", "text": "beep"}, {"role": "end-user", "text": "hi"}])
    import_files(db, [str(write_jsonl([record]))], role_map={"robot": "bot", "end-user": "customer"})
    assert [m["role"] for m in get_messages(db.conn, "c1")] == ["bot", "customer"]


def test_map_option_renames_top_level_fields(db: Database, write_jsonl) -> None:
    record = conversation("x")
    record["ticket"] = record.pop("id")
    import_files(db, [str(write_jsonl([record]))], column_map={"ticket": "id"})
    assert get_conversation(db.conn, "x") is not None


def test_gzip_files_are_read_transparently(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps(conversation("g1")) + "\n")
    assert import_files(db, [str(path)]).new == 1


def test_truncated_gzip_is_a_clear_error_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    payload = gzip.compress(("".join(json.dumps(conversation(f"g{i}")) + "\n" for i in range(200))).encode())
    path.write_bytes(payload[: len(payload) // 2])
    with pytest.raises(InputError, match="damaged or cut off"):
        import_files(db, [str(path)])
    assert db.scalar("SELECT count(*) FROM conversations") == 0


def test_missing_file_and_empty_file(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_files(db, [str(tmp_path / "nope.jsonl")])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    with pytest.raises(InputError) as info:
        import_files(db, [str(empty)])
    assert "empty" in info.value.problems[0]
