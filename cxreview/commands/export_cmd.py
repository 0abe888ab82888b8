"""`cxreview export`: signals (and, with reviews, scores) as CSV or JSON Lines."""

from __future__ import annotations

import sys

import click

from cxreview.commands.common import database, filter_options, filters_from


@click.command("export")
@click.option(
    "--level",
    type=click.Choice(["message", "conversation"]),
    default="conversation",
    show_default=True,
    help="One row per message or per conversation.",
)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@filter_options
@click.pass_context
def export_command(ctx: click.Context, level: str, fmt: str, output: str | None, **filters: object) -> None:
    """Export conversations or messages with their signals.

    CSV is safe to open in Excel or Sheets (cells that look like formulas are
    neutralised) and its column order is stable; docs/export.md lists the columns.

    \b
    Examples:
      cxreview export --level conversation -o conversations.csv
      cxreview export --level message --format jsonl --queue billing --since 2026-10-01
    """
    from cxreview.export import export_signals

    chosen = filters_from(filters)
    with database(ctx) as db:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = export_signals(db, level, chosen, out, fmt)
            click.echo(f"Wrote {count:,} {level} rows to {output}.", err=True)
        else:
            export_signals(db, level, chosen, sys.stdout, fmt)
