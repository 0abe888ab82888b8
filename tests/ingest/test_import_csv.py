"""Helpdesk CSV import: column and role mapping, ordering, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.errors import InputError
from cxreview.ingest.importer import import_files
from cxreview.store import Database
from cxreview.store.conversations import get_conversation, get_messages

HELPDESK = """\ufeffticket_id,sender,body,created,agent,queue,channel,language,customer,priority
T-1,end-user,"Hi, my parcel is late",2026-03-05T10:00:20Z,Tom,delivery,chat,en,C9,high
T-2,end-user,Hallo,2026-03-06T09:00:00Z,,billing,whatsapp,nl,C7,
T-1,virtual-agent,Hi! I'm a bot. What's your order number?,2026-03-05T10:00:01Z,Tom,delivery,chat,en,C9,high
T-1,staff,"I'm sorry about that.
I've sent a new one.",2026-03-05T10:03:00Z,Tom,delivery,chat,en,C9,high
"""


def _write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_helpdesk_csv_with_map_and_roles(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, HELPDESK)
    summary = import_files(
        db,
        [str(path)],
        column_map={"ticket_id": "conversation_id", "sender": "role", "body": "text", "created": "at"},
        role_map={"end-user": "customer", "virtual-agent": "bot", "staff": "agent"},
    )
    assert summary.new == 2 and summary.messages == 4
    messages = get_messages(db.conn, "T-1")
    # Unsorted rows are ordered by time, a quoted newline survives.
    assert [m["role"] for m in messages] == ["bot", "customer", "agent"]
    assert messages[2]["text"] == "I'm sorry about that.\nI've sent a new one."
    stored = get_conversation(db.conn, "T-1")
    assert stored["agent"] == "Tom" and stored["queue"] == "delivery" and stored["customer"] == "C9"
    assert stored["meta"] == {"priority": "high"}
    assert get_conversation(db.conn, "T-2")["language"] == "nl"


def test_rows_without_times_keep_file_order(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "conversation_id,role,text\n1,customer,first\n1,agent,second\n1,customer,third\n")
    import_files(db, [str(path)])
    assert [m["text"] for m in get_messages(db.conn, "1")] == ["first", "second", "third"]


def test_missing_column_names_the_header_and_the_fix(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "ticket_id,role,text\n1,customer,hi\n")
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)])
    (problem,) = info.value.problems
    assert problem == (
        f'{path}:1: missing column "conversation_id"; the header has ticket_id, role, text '
        "(rename a column with --map YOUR_COLUMN=conversation_id)"
    )


@pytest.mark.parametrize("first", ["", ",,", "\ufeff"])
def test_an_empty_header_row_asks_for_the_column_names(db: Database, tmp_path: Path, first: str) -> None:
    """A blank first line, one of empty cells, or Excel's byte-order mark alone used to say the
    header "has nothing" and suggest --map, which cannot help: there is no column to rename."""
    path = _write(tmp_path, first + "\n1,customer,hi\n")
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)])
    assert info.value.problems == [
        f"{path}:1: the header row is empty; put the column names (conversation_id, role, text, ...) on the first line"
    ]
    assert db.conn.execute("SELECT count(*) FROM conversations").fetchone()[0] == 0


def test_unknown_role_points_at_the_csv_row(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "conversation_id,role,text\n1,customer,hi\n1,robot,beep\n")
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)])
    assert info.value.problems == [
        f'{path}:3: conversation 1: message 2 has role "robot"; expected customer, agent, bot or '
        "system (map it with --roles robot=bot)"
    ]


def test_ragged_row_is_reported(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "conversation_id,role,text\n1,customer,hi,extra\n")
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)])
    assert "has 4 cells but the header has 3" in info.value.problems[0]


def test_tsv_files_are_tab_separated(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "conversation_id\trole\ttext\n1\tcustomer\thi, there\n", "x.tsv")
    import_files(db, [str(path)])
    assert get_messages(db.conn, "1")[0]["text"] == "hi, there"


@pytest.mark.parametrize(
    "text",
    [
        # The quote on line 2 is never closed: every row after it would become one message.
        'conversation_id,role,text\nc1,customer,"hello\nc1,agent,fine\nc2,customer,bye\n',
        # ... or it "closes" on a later row's opening quote.
        'conversation_id,role,text\nc1,customer,"hello\nc1,agent,fine\nc2,customer,"ok"\nc3,agent,"x"\n',
    ],
)
def test_an_unterminated_quote_is_an_error_naming_the_line(db: Database, tmp_path: Path, text: str) -> None:
    """Issue 14 item 4: nothing is imported, the problem points at the opening line."""
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)])
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:2: a quoted cell") and "close the quote" in problem
    assert db.scalar("SELECT count(*) FROM conversations") == 0


@pytest.mark.parametrize(
    ("header", "mapping", "named"),
    [
        ("conversation_id,role,text,text", {}, 'column "text" appears twice (columns 3 and 4'),
        ("conversation_id,role,body,text", {"body": "text"}, '"body" and "text"'),
    ],
)
def test_a_duplicated_column_is_an_error_naming_it(
    db: Database, tmp_path: Path, header: str, mapping: dict[str, str], named: str
) -> None:
    path = _write(tmp_path, f"{header}\nc1,customer,hello,there\n")
    with pytest.raises(InputError) as info:
        import_files(db, [str(path)], column_map=mapping)
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:1: ") and named in problem
    assert db.scalar("SELECT count(*) FROM conversations") == 0


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_other_delimiters_are_detected(db: Database, tmp_path: Path, delimiter: str) -> None:
    """Issue 14 item 16: Excel's semicolon CSV reads as it is (commas inside cells stay)."""
    rows = [["conversation_id", "role", "text"], ["c1", "customer", "hi, there"], ["c1", "agent", '"ok; sure"']]
    path = _write(tmp_path, "".join(delimiter.join(row) + "\n" for row in rows))
    import_files(db, [str(path)])
    assert [m["text"] for m in get_messages(db.conn, "c1")] == ["hi, there", "ok; sure"]
