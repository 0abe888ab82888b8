"""`cxreview import`: load JSONL or CSV conversation exports into the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cxreview.commands.common import database, echo, info, plural, progress_bar, skip_exit_collection
from cxreview.store import Database
from cxreview.store.connection import new_database_file, remove_if_empty

if TYPE_CHECKING:
    from cxreview.ingest.mapping_options import MappingOptions
    from cxreview.ingest.sources import Limits


@click.command("import")
@click.argument("files", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), help="Input format (default: from the file name)."
)
@click.option(
    "--preset",
    metavar="NAME|FILE",
    help="A shipped mapping (zendesk, intercom, freshdesk, chatbot-events) or a mapping file.",
)
@click.option("--list-presets", is_flag=True, help="List the shipped presets and exit.")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="SRC=DEST",
    help="Read a field from SRC (dotted paths work), e.g. author.type=role.",
)
@click.option(
    "--set", "sets", multiple=True, metavar="FIELD=VALUE", help="Give every conversation a value, e.g. channel=email."
)
@click.option(
    "--where",
    "wheres",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Keep only matching records (FIELD!=VALUE drops them).",
)
@click.option(
    "--values", "values", multiple=True, metavar="FIELD:SRC=DEST", help="Translate a value, e.g. csat:good=5."
)
@click.option("--roles", multiple=True, metavar="VALUE=ROLE", help="Map a role value, e.g. end-user=customer.")
@click.option("--time-format", metavar="FORMAT", help='auto, iso, epoch, epoch_ms or a pattern like "%d-%m-%Y %H:%M".')
@click.option("--keep-notes", is_flag=True, help="Keep internal notes as turns with role note (shown, never analysed).")
@click.option("--no-analyze", is_flag=True, help="Skip computing signals after the import.")
@click.option(
    "--max-line-mb",
    type=float,
    envvar="CXREVIEW_MAX_LINE_MB",
    default=16,
    show_default=True,
    help="Longest line allowed.",
)
@click.option(
    "--max-input-mb",
    type=float,
    envvar="CXREVIEW_MAX_INPUT_MB",
    default=8192,
    show_default=True,
    help="Largest file allowed (decompressed).",
)
@click.option(
    "--max-gzip-ratio",
    type=float,
    envvar="CXREVIEW_MAX_GZIP_RATIO",
    default=200,
    show_default=True,
    help="Refuse gzip data that expands more than this (a decompression bomb).",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str | None,
    preset: str | None,
    list_presets: bool,
    maps: tuple[str, ...],
    sets: tuple[str, ...],
    wheres: tuple[str, ...],
    values: tuple[str, ...],
    roles: tuple[str, ...],
    time_format: str | None,
    keep_notes: bool,
    no_analyze: bool,
    max_line_mb: float,
    max_input_mb: float,
    max_gzip_ratio: float,
) -> None:
    """Import conversations from JSONL, JSON or CSV files (.gz works, - reads stdin).

    Importing is all or nothing: if any record is invalid nothing is written and every
    problem is listed with its file and line. Re-importing updates, never duplicates.
    Helpdesk exports come in through a preset or a mapping file (docs/formats.md).

    \b
    Examples:
      cxreview import chats.jsonl
      cxreview import export.csv.gz --map ticket_id=conversation_id --roles end-user=customer
      cxreview import conversations.json --preset intercom
      cxreview import tickets.csv --preset my-helpdesk.yaml --set channel=email
      zcat old/*.jsonl.gz | cxreview import - --format jsonl
    """
    from cxreview.ingest.mapping_options import MappingOptions
    from cxreview.ingest.sources import Limits

    if list_presets:
        from cxreview.ingest.mapping import list_presets as shipped

        for name, description in shipped().items():
            click.echo(f"{name:16} {description}")
        return
    if not files:
        raise click.UsageError("give one or more FILES to import (or --list-presets)")
    options = MappingOptions(preset, maps, sets, wheres, values, roles, time_format, keep_notes)
    if min(max_line_mb, max_input_mb, max_gzip_ratio) <= 0:
        raise click.UsageError("--max-line-mb, --max-input-mb and --max-gzip-ratio must be above 0")
    limits = Limits(max_line_mb, max_input_mb, max_gzip_ratio)
    new_file = new_database_file(ctx.obj["db_path"])
    try:
        _import(ctx, files, fmt, options, limits, no_analyze)
    except BaseException:
        if new_file is not None:
            # A first import that failed leaves no database behind: later commands would find
            # one without conversations and say "no sessions", not "no database, import first".
            remove_if_empty(new_file)
        raise


def _import(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str | None,
    options: MappingOptions,
    limits: Limits,
    no_analyze: bool,
) -> None:
    from cxreview.ingest.importer import import_files

    with database(ctx, create=True) as db:
        with progress_bar("Reading", None) as bar:
            summary = import_files(
                db,
                files,
                fmt,
                on_progress=bar.advance,
                on_source=lambda source: bar.reset(f"Reading {source.name}", source.size),
                options=options,
                limits=limits,
            )
        for warning in summary.warnings:
            echo(f"warning: {warning}", err=True)  # warnings quote the file: cleaned for the terminal
        info(
            f"Imported {plural(summary.total, 'conversation')} ({plural(summary.messages, 'message')}) "
            f"from {plural(summary.files, 'file')}: {summary.new:,} new, {summary.updated:,} updated, "
            f"{summary.unchanged:,} unchanged."
        )
        if summary.notes_dropped:
            info(f"Left out {plural(summary.notes_dropped, 'internal note')} (--keep-notes keeps them as notes).")
        if summary.skipped:
            info(f"Skipped {plural(summary.skipped, 'conversation')} with nothing but internal notes or events.")
        if summary.reviewed_changed:
            n = len(summary.reviewed_changed)
            echo(
                f"warning: {plural(n, 'conversation')} with submitted reviews changed; "
                "their reviews and message notes now refer to the new text "
                f"(e.g. {min(summary.reviewed_changed)})",
                err=True,
            )
        if summary.repeated:
            info(f"{plural(summary.repeated, 'conversation')} appeared more than once; the last one was kept.")
        if not no_analyze:
            _analyze_after_import(db, summary.changed_ids)


def _analyze_after_import(db: Database, changed: list[str]) -> None:
    """Analyse what changed, anything an earlier, interrupted run left without signals, and
    conversations whose csat is now read on another scale (the import brought a larger answer
    to their channel: a 9 where there were only 1..5)."""
    from cxreview.signals.analyze import analyze_conversations, stale_ids
    from cxreview.signals.config import load_config
    from cxreview.store.signals import unanalysed_ids

    changed_set = set(changed)
    leftover = [i for i in unanalysed_ids(db.conn) if i not in changed_set]
    done = changed_set.union(leftover)
    rescaled = [i for i in stale_ids(db, load_config(), rescaled_only=True) if i not in done]
    ids = changed + leftover + rescaled
    if not ids:
        return
    with progress_bar("Analysing", len(ids)) as bar:
        result = analyze_conversations(db, ids, on_progress=bar.advance)
    skip_exit_collection()
    notes = [f"{plural(len(leftover), 'conversation')} had no signals from an earlier run"] if leftover else []
    if rescaled:
        notes.append(f"{plural(len(rescaled), 'conversation')} again: their channel's csat scale changed")
    note = f" ({'; '.join(notes)})" if notes else ""
    info(f"Analysed {plural(result.conversations, 'conversation')}{note}.")
