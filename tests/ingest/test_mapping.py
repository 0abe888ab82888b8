"""Mapping files and the options that edit a mapping: validation, typos, filters, values, times."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cxreview.errors import InputError, UsageError
from cxreview.ingest.importer import import_files
from cxreview.ingest.mapping import parse_mapping
from cxreview.ingest.mapping_options import MappingOptions
from cxreview.store import Database
from cxreview.store.conversations import count_conversations, get_conversation, get_messages

ROWS = """ticket,sender,body,created_at,brand,satisfaction_rating,status,public
T1,end-user,Hi there,1772719320,acme,good,solved,true
T1,agent,Hello! How can I help?,1772719380000,acme,good,solved,true
T1,agent,customer is a VIP,1772719390,acme,good,solved,false
T2,end-user,Is it open?,2026-03-05T15:02:00+01:00,acme,bad,open,true
"""
BASE = ("ticket=conversation_id", "sender=role", "body=text", "created_at=at")


def _csv(tmp_path: Path, text: str = ROWS) -> str:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(db: Database, path: str, **options: object):
    return import_files(db, [path], options=MappingOptions(**options))  # type: ignore[arg-type]


def test_options_are_one_mapping(db: Database, tmp_path: Path) -> None:
    summary = _run(
        db,
        _csv(tmp_path),
        maps=(*BASE, "brand=queue", "satisfaction_rating=csat", "status=outcome"),
        roles=("end-user=customer",),
        values=("csat:good=5", "csat:bad=1", "outcome:solved=resolved", "outcome:open=unresolved"),
        wheres=("public=true",),
        sets=("channel=Email",),
    )
    assert (summary.new, summary.messages) == (2, 3)
    first = get_conversation(db.conn, "T1")
    assert first is not None
    assert (first["queue"], first["csat"], first["outcome"], first["channel"]) == ("acme", 5.0, "resolved", "email")
    # epoch seconds and milliseconds in CSV, stored as UTC
    assert [m["at"] for m in get_messages(db.conn, "T1")] == ["2026-03-05T14:02:00Z", "2026-03-05T14:03:00Z"]
    assert get_messages(db.conn, "T2")[0]["at"] == "2026-03-05T14:02:00Z"
    second = get_conversation(db.conn, "T2")
    assert second is not None and (second["csat"], second["outcome"]) == (1.0, "unresolved")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"maps": (*BASE, "creatd_at=started_at")},
            '--map creatd_at=started_at: no record has a field "creatd_at"; did you mean "created_at"?',
        ),
        ({"maps": (*BASE, "nonexistent=queue")}, '--map nonexistent=queue: no record has a field "nonexistent"'),
        ({"maps": BASE, "wheres": ("pubic=true",)}, 'did you mean "public"?'),
    ],
)
def test_a_source_no_record_has_is_an_error(db: Database, tmp_path: Path, options: dict, expected: str) -> None:
    with pytest.raises(InputError) as error:
        _run(db, _csv(tmp_path), roles=("end-user=customer",), **options)
    assert any(expected in p for p in error.value.problems), error.value.problems
    assert count_conversations(db.conn) == 0


def test_a_field_mapped_twice_is_an_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="mapped twice"):
        _run(db, _csv(tmp_path), maps=(*BASE, "brand=queue", "brand=agent"))
    with pytest.raises(UsageError, match="mapped twice"):
        _run(db, _csv(tmp_path), maps=(*BASE, "brand=queue", "status=queue"))


def test_an_unused_roles_value_is_a_warning(db: Database, tmp_path: Path) -> None:
    summary = _run(db, _csv(tmp_path), maps=BASE, roles=("end-user=customer", "enduser=customer"))
    assert summary.new == 2
    assert summary.warnings == [
        '--roles enduser=customer: no message has role "enduser" (roles found: agent, end-user); check the spelling'
    ]


def test_a_value_without_a_translation_names_the_fix(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        _run(db, _csv(tmp_path), maps=(*BASE, "satisfaction_rating=csat"), roles=("end-user=customer",))
    assert any(
        "csat 'good' is not a non-negative number (translate it, e.g. --values csat:good=5)" in p
        for p in error.value.problems
    )


def test_time_format_in_every_format(db: Database, tmp_path: Path, write_jsonl: Callable[..., Path]) -> None:
    _run(
        db,
        _csv(tmp_path, "conversation_id,role,text,at\nA,customer,hi,05-03-2026 14:02\n"),
        time_format="%d-%m-%Y %H:%M",
    )
    assert get_messages(db.conn, "A")[0]["at"] == "2026-03-05T14:02:00"
    record = {"id": "B", "messages": [{"role": "customer", "text": "hi", "at": 1772719320000}]}
    _run(db, str(write_jsonl([record])), time_format="epoch_ms")
    assert get_messages(db.conn, "B")[0]["at"] == "2026-03-05T14:02:00Z"
    with pytest.raises(UsageError, match="--time-format"):
        _run(db, str(write_jsonl([record])), time_format="dd-mm-yyyy")


def test_epoch_times_in_native_csv_without_options(db: Database, tmp_path: Path) -> None:
    import_files(db, [_csv(tmp_path, "conversation_id,role,text,at\nA,customer,hi,1772719320\n")])
    assert get_messages(db.conn, "A")[0]["at"] == "2026-03-05T14:02:00Z"


def test_a_json_array_of_native_conversations_needs_no_options(db: Database, tmp_path: Path) -> None:
    from tests.conftest import conversation

    path = tmp_path / "export.json"
    path.write_text(json.dumps([conversation("a"), conversation("b")], indent=2), encoding="utf-8")
    assert import_files(db, [str(path)]).new == 2


def test_native_jsonl_nested_paths(db: Database, write_jsonl: Callable[..., Path]) -> None:
    record = {
        "ticket": {"id": 7},
        "events": [
            {"from": {"kind": "user"}, "message": {"text": "hi"}, "ts": "2026-03-05T14:02:00Z"},
            {"from": {"kind": "agent", "name": "Eva"}, "message": {"text": "hello"}, "ts": "2026-03-05T14:03:00Z"},
        ],
    }
    _run(
        db,
        str(write_jsonl([record])),
        maps=("ticket.id=id", "events=messages", "from.kind=role", "message.text=text", "ts=at", "from.name=author"),
        roles=("user=customer",),
    )
    conversation = get_conversation(db.conn, "7")
    assert conversation is not None and conversation["agent"] == "Eva"  # derived from the agent's turns
    assert [m["role"] for m in get_messages(db.conn, "7")] == ["customer", "agent"]


def test_mapping_file_errors_have_line_and_column() -> None:
    text = "name: x\ngroup_by: id\nmesage:\n  role: a\nmessage:\n  txt: body\n  role: r\ntimes: sometimes\n"
    with pytest.raises(InputError) as error:
        parse_mapping(text, "my.yaml")
    problems = error.value.problems
    assert 'my.yaml:3:1: unknown key "mesage" in the mapping; did you mean "message"?' in problems
    assert 'my.yaml:6:3: unknown key "txt" in message; did you mean "text"?' in problems
    assert any(p.startswith("my.yaml:8:8: times") for p in problems)
    assert any("message: text: PATH" in p for p in problems)


def test_many_identical_problems_are_one_line(db: Database, tmp_path: Path) -> None:
    rows = "conversation_id,role,text\n" + "".join(f"c{i},robot,hi\n" for i in range(300))
    with pytest.raises(InputError) as error:
        import_files(db, [_csv(tmp_path, rows)])
    assert error.value.cause.startswith("nothing was imported: 300 problems")
    assert len(error.value.problems) == 1
    assert error.value.problems[0].endswith(
        'export.csv:2: conversation c0: message 1 has role "robot"; expected customer, agent, bot or system '
        "(map it with --roles robot=bot) [300 times in all, on lines 2, 3, 4, 5, 6, ...]"
    )


def test_csv_errors_name_the_first_line_of_the_row(db: Database, tmp_path: Path) -> None:
    text = 'conversation_id,role,text\nc1,customer,"one\ntwo\nthree"\nc2,robot,"multi\nline"\n'
    with pytest.raises(InputError) as error:
        import_files(db, [_csv(tmp_path, text)])
    # c2's row starts on line 5 (the quoted cell above it spans lines 2 to 4)
    assert error.value.problems[0].split("/")[-1].startswith("export.csv:5: conversation c2: message 1")


def test_event_lines_without_a_preset_point_to_one(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bot.jsonl"
    events = [{"session_id": "s1", "sender": "bot", "message": {"text": "hi"}}] * 3
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    with pytest.raises(InputError) as error:
        import_files(db, [str(path)])
    (problem,) = error.value.problems
    assert "--preset chatbot-events" in problem and "[3 times in all, on lines 1, 2, 3]" in problem


def test_a_json_array_refuses_nan_like_json_lines(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        '[\n  {"id": "a", "csat": NaN, "messages": [{"role": "customer", "text": "hi"}]}\n]\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as error:
        import_files(db, [str(path)])
    assert error.value.problems[0].split("/")[-1].startswith("export.json:2:")
    assert count_conversations(db.conn) == 0
