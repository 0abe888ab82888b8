"""`cxreview import`: load JSONL or CSV conversation exports into the database."""

from __future__ import annotations

import click

from cxreview.commands.common import database, plural, progress_bar
from cxreview.store import Database


@click.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), help="Input format (default: from the file name)."
)
@click.option(
    "--map", "maps", multiple=True, metavar="SRC=DEST", help="Rename a column or field, e.g. ticket_id=conversation_id."
)
@click.option("--roles", multiple=True, metavar="VALUE=ROLE", help="Map a role value, e.g. end-user=customer.")
@click.option("--no-analyze", is_flag=True, help="Skip computing signals after the import.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def import_command(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str | None,
    maps: tuple[str, ...],
    roles: tuple[str, ...],
    no_analyze: bool,
    quiet: bool,
) -> None:
    """Import conversations from JSONL or CSV files (.gz works, - reads stdin).

    Importing is all or nothing: if any record is invalid nothing is written and every
    problem is listed with its file and line. Re-importing updates, never duplicates.

    \b
    Examples:
      cxreview import chats.jsonl
      cxreview import export.csv.gz --map ticket_id=conversation_id --roles end-user=customer
      zcat old/*.jsonl.gz | cxreview import - --format jsonl
    """
    from cxreview.ingest.importer import import_files, parse_pairs

    column_map = parse_pairs(maps, "--map")
    role_map = parse_pairs(roles, "--roles", lower_keys=True)
    with database(ctx, create=True) as db:
        with progress_bar("Reading", None, enabled=not quiet) as bar:
            summary = import_files(
                db,
                files,
                fmt,
                column_map,
                role_map,
                on_progress=bar.advance,
                on_source=lambda source: bar.reset(f"Reading {source.name}", source.size),
            )
        click.echo(
            f"Imported {plural(summary.total, 'conversation')} ({plural(summary.messages, 'message')}) "
            f"from {plural(summary.files, 'file')}: {summary.new:,} new, {summary.updated:,} updated, "
            f"{summary.unchanged:,} unchanged."
        )
        if summary.repeated:
            click.echo(f"{plural(summary.repeated, 'conversation')} appeared more than once; the last one was kept.")
        if not no_analyze and summary.changed_ids:
            _analyze_after_import(db, summary.changed_ids, quiet)


def _analyze_after_import(db: Database, ids: list[str], quiet: bool) -> None:
    from cxreview.signals.analyze import analyze_conversations

    with progress_bar("Analysing", len(ids), enabled=not quiet) as bar:
        result = analyze_conversations(db, ids, on_progress=bar.advance)
    click.echo(f"Analysed {plural(result.conversations, 'conversation')}.")
