"""Hostile and odd input files: caps, encodings, empty files, non-finite numbers (issue 14 items 9, 15, 16).

Each file is built here, small; the limits are lowered where a real attack would be large.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cxreview.errors import InputError
from cxreview.ingest.importer import import_files
from cxreview.ingest.sources import Limits
from cxreview.store import Database
from tests.conftest import conversation

MB = 1024 * 1024


def _problems(db: Database, path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)], limits=limits)
    assert db.scalar("SELECT count(*) FROM conversations") == 0
    return "\n".join([*info.value.problems, info.value.one_line()])


@pytest.mark.parametrize("payload", [b"\0" * (8 * MB), b"\n" * (8 * MB)], ids=["zeros", "newlines"])
def test_a_decompression_bomb_is_refused_at_once(db: Database, tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(payload, 9))  # about 8 KB that expand 1,000 times
    assert "looks like a decompression bomb" in _problems(db, path)


def test_the_gzip_ratio_is_configurable_and_the_line_cap_still_holds(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "zeros.jsonl.gz"
    path.write_bytes(gzip.compress(b"\0" * (3 * MB), 9))
    found = _problems(db, path, Limits(max_line_mb=2, max_gzip_ratio=1e9))
    assert ":1: the line is longer than 2 MB" in found and "--max-line-mb" in found


def test_a_long_line_and_a_large_file_name_their_limit(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    record = json.dumps(conversation("a", messages=[{"role": "customer", "text": "x" * 300_000}]))
    path.write_text(json.dumps(conversation("b")) + "\n" + record + "\n")
    assert f"{path}:2: the line is longer than 0.25 MB" in _problems(db, path, Limits(max_line_mb=0.25))
    assert "the input is larger than 0.1 MB" in _problems(db, path, Limits(max_input_mb=0.1))
    assert import_files(db, [str(path)]).new == 2  # within the default limits


def test_a_csv_cell_longer_than_the_csv_modules_default_is_fine(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f'conversation_id,role,text\nc1,customer,"{"y" * 200_000}"\n')
    assert import_files(db, [str(path)]).new == 1


def test_concatenated_gzip_members_are_read(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(
        gzip.compress(b'{"id":"g1","messages":[{"role":"customer","text":"a"}]}\n')
        + gzip.compress(b'{"id":"g2","messages":[{"role":"customer","text":"b"}]}\n')
    )
    assert import_files(db, [str(path)]).new == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("name", ["in.csv", "in.jsonl"])
def test_utf16_files_say_so(db: Database, tmp_path: Path, encoding: str, name: str) -> None:
    text = (
        "conversation_id,role,text\nc1,customer,hallo\n"
        if name.endswith(".csv")
        else json.dumps(conversation("c1")) + "\n"
    )
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    found = _problems(db, path)
    assert "this file is UTF-16 (or UTF-32) encoded, not UTF-8; save it as UTF-8" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("\n\n   \n", "the file has only blank lines"),
        # Found importing an Excel-saved export with nothing in it: a byte-order mark alone
        # was "Imported 0 conversations", exit 0.
        ("\ufeff", "the file has only blank lines"),
        ("\ufeff\r\n\r\n", "the file has only blank lines"),
        ("\ufeffconversation_id,role,text\r\n", "the file has a header row but no rows"),
        ("conversation_id,role,text\n", "the file has a header row but no rows"),
        ("conversation_id,role,text\n\n\n", "the file has a header row but no rows"),
    ],
)
def test_files_without_conversations_are_all_errors(run_cli, tmp_path: Path, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 14 item 16: an empty file, blank lines and a lone header behave alike (exit 1)."""
    path = tmp_path / ("in.csv" if text.lstrip("\ufeff").startswith("conv") else "in.jsonl")
    path.write_text(text)
    result = run_cli("import", "-q", str(path))
    assert result.exit_code == 1
    assert expected in result.output


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ('"csat": Infinity', "Infinity is not a JSON number"),
        ('"csat": NaN', "NaN is not a JSON number"),
        ('"csat": 1e400', "the number 1e400 is too large"),
        ('"meta": {"x": -Infinity}', "-Infinity is not a JSON number"),
        ('"started_at": "2026-13-45T99:00:00Z"', 'started_at "2026-13-45T99:00:00Z" is not a time'),
        ('"started_at": "2026-02-30T10:00:00Z"', 'started_at "2026-02-30T10:00:00Z" is not a time'),
        ('"id": "   "', '"id" is blank'),
    ],
)
def test_invalid_values_are_refused(db: Database, tmp_path: Path, field: str, expected: str) -> None:
    """Issue 14 item 15: these were accepted, and broke JSON exports or sorting later."""
    base = json.dumps(conversation("v1"))
    key = field.split(":")[0].strip('"')
    data = json.loads(base)
    data.pop(key, None)
    line = json.dumps(data)[:-1] + ", " + field + "}"
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n")
    assert expected in _problems(db, path)


def test_csat_infinity_in_a_csv_cell_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("conversation_id,role,text,csat\nc1,customer,hi,Infinity\n")
    assert "csat 'Infinity' is not a non-negative number" in _problems(db, path)


@pytest.mark.parametrize(
    ("option", "expected"), [("--session", 'no session "nosuch"'), ("--benchmark", 'no reviews by "nosuch"')]
)
def test_export_with_an_unknown_session_or_benchmark_fails(run_cli, write_jsonl, option: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("import", "-q", "--no-analyze", str(write_jsonl([conversation("c1")]))).exit_code == 0
    result = run_cli("export", option, "nosuch")
    assert result.exit_code == 1 and expected in result.output
