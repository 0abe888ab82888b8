"""`cxreview db copy`: every table of one database into an empty one, on either engine.

The tables are copied in the order the migrations create them, so a row's parents are
always there first. The whole copy is one transaction on the destination: it is there
completely, with the same row counts as the source, or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cxreview.errors import DatabaseError
from cxreview.store.connection import Database
from cxreview.store.schema import MIGRATIONS

BATCH = 2000
# A table a migration rebuilds under a passing name (messages_v8) is renamed to the old one.
_REBUILT = {n for script in MIGRATIONS for n in re.findall(r"ALTER TABLE (\w+) RENAME TO", script, flags=re.IGNORECASE)}
TABLES: tuple[str, ...] = tuple(
    name
    for script in MIGRATIONS
    for name in re.findall(r"CREATE TABLE (\w+)", script, flags=re.IGNORECASE)
    if name not in _REBUILT
)


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table, for every cxreview table (names from the migrations, never from input)."""
    return {table: int(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in TABLES}


def copy_database(
    source: Database, dest: Database, on_progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy ``source`` into the empty ``dest``; return the verified row counts per table."""
    already = {table: n for table, n in row_counts(dest).items() if n}
    if already:
        table, n = next(iter(already.items()))
        raise DatabaseError(
            f"{dest.display} is not empty ({n:,} rows in {table})",
            "copy into a new database (a new file, or an empty PostgreSQL database)",
        )
    # One snapshot of the source: reviewers may keep working on it during the copy.
    with source.snapshot(), dest.transaction() as out:
        wanted = row_counts(source)
        for table in TABLES:
            for columns, rows in source.batches(f"SELECT * FROM {table}", BATCH):
                marks = ", ".join("?" * len(columns))
                out.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
                if on_progress:
                    on_progress(table, len(rows))
        dest.after_copy()
        copied = row_counts(dest)
        if copied != wanted:
            wrong = [t for t in TABLES if copied[t] != wanted[t]]
            raise DatabaseError(
                f"the copy of {wrong[0]} has {copied[wrong[0]]:,} rows, the source {wanted[wrong[0]]:,}: nothing was kept",
                "make sure nobody writes to the source during the copy, then run it again",
            )
    dest.after_bulk_write(TABLES)  # a whole database arrived at once
    return copied
