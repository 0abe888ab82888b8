"""Helpdesk CSV: one row per message, grouped into conversations by conversation_id."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from cxreview.ingest.records import ConversationRecord, build_conversation

REQUIRED = ("conversation_id", "role", "text")
MESSAGE_COLUMNS = ("role", "text", "at", "author")
CONVERSATION_COLUMNS = (
    "agent",
    "queue",
    "channel",
    "language",
    "customer",
    "started_at",
    "outcome",
    "csat",
    "tags",
)


def read_rows(
    name: str, lines: Iterable[tuple[int, str]], column_map: dict[str, str] | None = None
) -> Iterator[tuple[int, list[str] | str]]:
    """Yield (number of the row's FIRST line, cells); the header comes first, as line 1.

    A quoted cell may span lines; errors must point where the row starts, not where it ends.
    A CSV syntax error ends the file: it comes as (line, problem text) instead of cells.
    """
    numbered = iter(lines)
    current_line = [0]

    def text_lines() -> Iterator[str]:
        for number, line in numbered:
            current_line[0] = number
            yield line

    default = "\t" if name.lower().removesuffix(".gz").endswith(".tsv") else ","
    lines_iter = text_lines()
    first = next(lines_iter, None)
    if first is None:
        return
    delimiter = _detect_delimiter(first, default, column_map or {})
    # strict: a quote that is never closed is an error instead of swallowing the rows after it.
    reader = csv.reader(_chain(first, lines_iter), delimiter=delimiter, strict=True)
    row_start = 1
    for row in _rows(reader):
        if isinstance(row, csv.Error):
            yield row_start, f"{name}:{row_start}: {_explain_csv_error(row, row_start, current_line[0])}"
            return
        yield row_start, row
        row_start = current_line[0] + 1


def parse_csv(
    name: str,
    lines: Iterable[tuple[int, str]],
    column_map: dict[str, str],
    role_map: dict[str, str],
) -> Iterator[tuple[ConversationRecord | None, list[str]]]:
    """Group rows into conversations; order messages by ``at``, then by file order."""
    reader = read_rows(name, lines, column_map)
    first_row = next(reader, None)
    if first_row is None:
        yield None, [f"{name}: the file is empty; expected a header row with {', '.join(REQUIRED)}"]
        return
    header = first_row[1]
    if isinstance(header, str):
        yield None, [header]
        return
    if not any(h.strip() for h in header):
        # A blank first line or one of empty cells (",,"): no column to rename with --map.
        yield (
            None,
            [
                f"{name}:{first_row[0]}: the header row is empty; put the column names ({', '.join(REQUIRED)}, ...) on the first line"
            ],
        )
        return
    columns = [column_map.get(h.strip(), h.strip()) for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        found = ", ".join(h.strip() for h in header)
        yield (
            None,
            [
                f'{name}:1: missing column "{missing[0]}"'
                + (f" (and {', '.join(missing[1:])})" if missing[1:] else "")
                + f"; the header has {found} (rename a column with --map YOUR_COLUMN={missing[0]})"
            ],
        )
        return
    duplicate = duplicate_column(header, columns)
    if duplicate:
        yield None, [f"{name}:1: {duplicate}"]
        return
    index = {column: i for i, column in enumerate(columns)}
    groups: dict[str, dict[str, Any]] = {}
    order = 0
    for line_no, row in reader:
        if isinstance(row, str):
            yield None, [row]
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            yield (
                None,
                [
                    f"{name}:{line_no}: has {len(row)} cells but the header has {len(columns)}; "
                    "check for an unquoted comma or a cut-off line"
                ],
            )
            continue
        conv_id = row[index["conversation_id"]].strip()
        if not conv_id:
            yield None, [f"{name}:{line_no}: empty conversation_id; every row needs one"]
            continue
        group = groups.get(conv_id)
        if group is None:
            group = groups[conv_id] = {"id": conv_id, "_rows": [], "_line": line_no, "meta": {}}
        order += 1
        message = {c: row[index[c]] for c in MESSAGE_COLUMNS if c in index}
        group["_rows"].append((message.get("at") or "", order, line_no, message))
        for column, i in index.items():
            if column in MESSAGE_COLUMNS or column == "conversation_id":
                continue
            value = row[i]
            if value == "":
                continue
            target = group if column in CONVERSATION_COLUMNS else group["meta"]
            target.setdefault(column, value)
    for conv_id, group in groups.items():
        rows = group.pop("_rows")
        first_line = group.pop("_line")
        # Sort by time only when every row has one; otherwise file order is all we know.
        if all(at for at, *_ in rows):
            rows.sort(key=lambda r: (r[0], r[1]))
        group["messages"] = [message for *_, message in rows]
        record, problems = build_conversation(group, f"{name}:{first_line}", role_map)
        if problems:
            problems = [_line_for_message(p, rows) for p in problems]
        yield record, problems
        del conv_id


DELIMITERS = (",", ";", "\t", "|")


def _detect_delimiter(first_line: str, default: str, column_map: dict[str, str]) -> str:
    return detect_delimiter(first_line, REQUIRED, column_map, default)


def detect_delimiter(
    first_line: str, required: tuple[str, ...], column_map: dict[str, str] | None = None, default: str = ","
) -> str:
    """The separator whose header has the ``required`` columns; else the one giving most columns.

    Excel in many European locales saves "CSV" with semicolons; this reads those as they are
    (conversations, and the score and dispute imports).
    """
    column_map = column_map or {}
    best, best_count = default, 0
    for delimiter in (default, *[d for d in DELIMITERS if d != default]):
        try:
            header = next(csv.reader([first_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        columns = {column_map.get(h.strip(), h.strip()) for h in header}
        if all(c in columns for c in required):
            return delimiter
        if len(header) > best_count:
            best, best_count = delimiter, len(header)
    return best


def duplicate_column(header: list[str], columns: list[str]) -> str | None:
    """Name a column that appears twice (after --map), which would silently drop one of them."""
    first_seen: dict[str, int] = {}
    for position, column in enumerate(columns, start=1):
        if column in first_seen:
            names = f'"{header[first_seen[column] - 1].strip()}" and "{header[position - 1].strip()}"'
            return (
                f'column "{column}" appears twice (columns {first_seen[column]} and {position}: {names}); '
                "rename or remove one of them (or change --map)"
            )
        first_seen[column] = position
    return None


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str] | csv.Error]:
    """The reader's rows; a CSV syntax error ends the file as a value instead of an exception."""
    try:
        yield from reader
    except csv.Error as exc:
        yield exc


def _explain_csv_error(exc: csv.Error, row_start: int, line: int) -> str:
    text = str(exc)
    if "unexpected end of data" in text or "expected after" in text:
        return (
            f"a quoted cell that starts on this line is not closed where it should be (seen on line {line}), "
            "so the rows after it would be swallowed into one message; close the quote "
            '(a quote inside a cell is written as two: "")'
        )
    if "field larger than field limit" in text:
        return f"a cell is longer than the line limit (rows {row_start}-{line}); see --max-line-mb"
    return f"not valid CSV ({text}, line {line})"


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


MESSAGE_MARKER = ": message "


def message_problem(problem: str, messages: int) -> tuple[str, str, str] | None:
    """(head, message number, tail) of a problem that names message N of ``messages``, else None:
    both CSV and mapped imports point such a problem at the row or record of that message."""
    if MESSAGE_MARKER not in problem:
        return None
    head, tail = problem.split(MESSAGE_MARKER, 1)
    number = tail.split(" ", 1)[0]
    if not number.isdigit() or int(number) > messages:
        return None
    return head, number, tail


def _line_for_message(problem: str, rows: list[tuple]) -> str:
    """Point a message-level problem at the CSV row it came from."""
    found = message_problem(problem, len(rows))
    if found is None:
        return problem
    head, number, tail = found
    line_no = rows[int(number) - 1][2]
    file_name = head.split(":", 1)[0]
    conversation = head.split(": ", 1)[1] if ": " in head else ""
    rest = tail.split(" ", 1)[1] if " " in tail else ""
    return f"{file_name}:{line_no}: {conversation + ': ' if conversation else ''}message {number} {rest}"
