"""docs/schema.md documents every table, view and column of a fresh database, on both engines."""

from __future__ import annotations

import re
from typing import Any

from cxreview.store import Database
from tests.conftest import REPO

DOC = REPO / "docs" / "schema.md"
# SQLite's own tables behind the FTS5 index (docs/schema.md says so).
_FTS_SHADOW = re.compile(r"^message_fts_(data|idx|content|docsize|config)$")
_HEADING = re.compile(r"^#{2,4}\s+(\w+)\b(.*)$")


def documented() -> dict[str, set[str]]:
    """Table or view name -> the columns named in the first cell of its rows (`col`, `a`, `b`)."""
    tables: dict[str, set[str]] = {}
    current: str | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            name = heading.group(1)
            # A heading that is a table's name (all lower case with underscores), not a topic.
            current = name if name.islower() and not heading.group(2).strip(" ()view").strip() else None
            if "PostgreSQL only" in heading.group(2):
                current = name
            if current:
                tables.setdefault(current, set())
            continue
        if current and line.startswith("|") and not line.startswith("|---") and not line.startswith("| column"):
            first_cell = line.split("|")[1]
            tables[current].update(re.findall(r"`(\w+)`", first_cell))
    return tables


def live_schema(db: Database, engine: str) -> dict[str, set[str]]:
    if engine == "sqlite":
        names = [
            row[0]
            for row in db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            )
            if not _FTS_SHADOW.match(row[0])
        ]
        return {name: {row[1] for row in db.conn.execute(f'PRAGMA table_info("{name}")')} for name in names}
    rows: Any = db.conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
    ).fetchall()
    schema: dict[str, set[str]] = {}
    for table, column in rows:
        schema.setdefault(table, set()).add(column)
    return schema


def test_every_table_view_and_column_is_documented(engine_db: Database, engine: str) -> None:
    doc = documented()
    live = live_schema(engine_db, engine)
    problems = []
    for table in sorted(live):
        if table not in doc:
            rows = "\n".join(f"    | `{c}` | <type> | <meaning> |" for c in sorted(live[table]))
            problems.append(
                f"table or view `{table}` is not documented: add to docs/schema.md a heading `### {table}` "
                f"and a column table:\n    | column | type | meaning |\n    |---|---|---|\n{rows}"
            )
            continue
        for column in sorted(live[table] - doc[table]):
            problems.append(
                f"column `{table}.{column}` is not documented: add the row "
                f"| `{column}` | <type> | <meaning> | under `### {table}` in docs/schema.md"
            )
    if engine == "sqlite":  # the doc names nothing that is gone (PostgreSQL-only items aside)
        text = DOC.read_text(encoding="utf-8")
        for table in sorted(set(doc) - set(live)):
            if not re.search(rf"^#+\s+{table}\b.*PostgreSQL only", text, flags=re.MULTILINE):
                problems.append(f"`### {table}` in docs/schema.md names no table or view: remove it or fix its name")
        for table in sorted(set(doc) & set(live)):
            for column in sorted(doc[table] - live[table]):
                if not re.search(rf"`{column}`.*PostgreSQL only", text):
                    problems.append(f"`{table}.{column}` in docs/schema.md is not a column: remove it or fix its name")
    assert not problems, "docs/schema.md is out of date:\n" + "\n".join(problems)


def test_the_doc_parser_sees_tables_and_grouped_columns() -> None:
    doc = documented()
    assert {"id", "version", "content_hash", "name"} <= doc["rubrics"]  # several columns in one row
    assert "raw_score" in doc["review_overview"] and "cxreview_meta" in doc
    assert "Conversations" not in doc and "Signals" not in doc  # topic headings are not tables
