"""Exports: CSV safe to open in Excel or Sheets, and JSON Lines, in a stable column order."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from cxreview.errors import UsageError
from cxreview.store import Database
from cxreview.store import exports as sql
from cxreview.store.exports import Filters

# OWASP CSV injection: a text cell starting with one of these could run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Columns holding JSON arrays or objects in the database, exported as real lists in JSONL.
_JSON_COLUMNS = {"flags", "risk_reasons", "root_causes", "tags"}
_BOOL_COLUMNS = {
    "handover",
    "bot_disclosed",
    "handover_offered",
    "uncertainty_admitted",
    "pass",
    "critical_fail",
    "na",
    "random_pick",
}


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _prepare(column: str, value: Any, for_csv: bool) -> Any:
    if column in _JSON_COLUMNS and isinstance(value, str):
        value = json.loads(value)
        if for_csv:
            return "; ".join(str(v) for v in value) if isinstance(value, list) else value
        return value
    if column in _BOOL_COLUMNS and value is not None and not isinstance(value, str):
        return bool(value)
    return value


def write_rows(out: IO[str], columns: Sequence[str], rows: Iterable[Any], fmt: str) -> int:
    """Write rows (mappings or sqlite Rows) as CSV or JSONL; return how many."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(_csv_value(_prepare(c, row[c], True))) for c in columns])
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: _prepare(c, row[c], False) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
    else:
        raise UsageError(f'unknown format "{fmt}"', "use --format csv or --format jsonl")
    return count


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return value


def export_signals(db: Database, level: str, filters: Filters, out: IO[str], fmt: str) -> int:
    """The message and conversation levels: texts with their signals."""
    if level == "message":
        return write_rows(out, sql.MESSAGE_COLUMNS, sql.message_rows(db.conn, filters), fmt)
    if level == "conversation":
        return write_rows(out, sql.CONVERSATION_COLUMNS, sql.conversation_rows(db.conn, filters), fmt)
    raise UsageError(f'unknown level "{level}"', "use --level message or --level conversation")
