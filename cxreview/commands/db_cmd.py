"""`cxreview db`: which database this is (engine, schema, counts), and copying it between engines."""

from __future__ import annotations

import click

from cxreview.commands.common import plural, progress_bar
from cxreview.commands.global_options import print_json, table_or_json


@click.group("db")
def db_group() -> None:
    """Inspect the database, or copy it to another engine (SQLite <-> PostgreSQL).

    \b
    Examples:
      cxreview db info
      cxreview --db postgresql://ana@qa-db.example.org/cxreview db info
      cxreview db copy cxreview.db postgresql://ana@qa-db.example.org/cxreview
    """


@db_group.command("info")
@table_or_json
@click.pass_context
def info_command(ctx: click.Context, fmt: str) -> None:
    """Say which engine and schema version the database has, and how many rows of each kind.

    \b
    Examples:
      cxreview db info
      CXREVIEW_DB=postgresql://ana@qa-db/cxreview cxreview db info
      cxreview db info --format json
    """
    from cxreview.store import open_database
    from cxreview.store.copy import row_counts

    with open_database(ctx.obj["db_path"], create=False) as db:
        if fmt == "json":
            counts = row_counts(db)
            print_json(
                {"engine": db.engine, "database": db.display, "schema_version": db.schema_version(), "rows": counts}
            )
            return
        click.echo(f"engine: {db.engine}")
        click.echo(f"database: {db.display}")
        click.echo(f"schema version: {db.schema_version()}")
        for table, count in row_counts(db).items():
            click.echo(f"{table}: {count:,}")


@db_group.command("copy")
@click.argument("source")
@click.argument("dest")
def copy_command(source: str, dest: str) -> None:
    """Copy a whole database into a new, empty one: SQLite file or postgresql:// URL, either way.

    The copy is one transaction on DEST and ends with a row count per table, checked
    against SOURCE; DEST must be empty.

    \b
    Examples:
      cxreview db copy cxreview.db postgresql://ana@qa-db.example.org/cxreview
      cxreview db copy postgresql://ana@qa-db.example.org/cxreview backup.db
    """
    from cxreview.store import open_database
    from cxreview.store.copy import copy_database, row_counts

    with open_database(source, create=False) as src, open_database(dest, create=True) as out:
        total = sum(row_counts(src).values())
        with progress_bar("Copying", total) as bar:
            counts = copy_database(src, out, lambda _table, n: bar.advance(n))
        click.echo(f"Copied {plural(sum(counts.values()), 'row')} from {src.display} to {out.display}; verified:")
        for table, count in counts.items():
            click.echo(f"  {table}: {count:,}")
