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


def parse_csv(
    name: str,
    lines: Iterable[tuple[int, str]],
    column_map: dict[str, str],
    role_map: dict[str, str],
) -> Iterator[tuple[ConversationRecord | None, list[str]]]:
    """Group rows into conversations; order messages by ``at``, then by file order."""
    numbered = iter(lines)
    current_line = [0]

    def text_lines() -> Iterator[str]:
        for number, line in numbered:
            current_line[0] = number
            yield line

    delimiter = "\t" if name.lower().removesuffix(".gz").endswith(".tsv") else ","
    reader = csv.reader(text_lines(), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield None, [f"{name}: the file is empty; expected a header row with {', '.join(REQUIRED)}"]
        return
    columns = [column_map.get(h.strip(), h.strip()) for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        found = ", ".join(h.strip() for h in header) or "nothing"
        yield (
            None,
            [
                f'{name}:1: missing column "{missing[0]}"'
                + (f" (and {', '.join(missing[1:])})" if missing[1:] else "")
                + f"; the header has {found} (rename a column with --map YOUR_COLUMN={missing[0]})"
            ],
        )
        return
    index = {column: i for i, column in enumerate(columns)}
    groups: dict[str, dict[str, Any]] = {}
    order = 0
    for row in reader:
        line_no = current_line[0]
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


def _line_for_message(problem: str, rows: list[tuple]) -> str:
    """Point a message-level problem at the CSV row it came from."""
    marker = ": message "
    if marker not in problem:
        return problem
    head, tail = problem.split(marker, 1)
    number = tail.split(" ", 1)[0]
    if not number.isdigit() or int(number) > len(rows):
        return problem
    line_no = rows[int(number) - 1][2]
    file_name = head.split(":", 1)[0]
    conversation = head.split(": ", 1)[1] if ": " in head else ""
    rest = tail.split(" ", 1)[1] if " " in tail else ""
    return f"{file_name}:{line_no}: {conversation + ': ' if conversation else ''}message {number} {rest}"
