"""`cxreview export`: reviews, criterion scores, conversations or messages as CSV or JSON Lines."""

from __future__ import annotations

import sys

import click

from cxreview.commands.common import (
    TerminalSafeWriter,
    database,
    filter_options,
    filters_from,
    info,
    output_format,
    progress_bar,
)
from cxreview.store import Database


@click.command("export")
@click.option(
    "--level",
    type=click.Choice(["review", "criterion", "conversation", "message"]),
    default="review",
    show_default=True,
    help="One row per review, criterion score, conversation or message.",
)
@click.option(
    "--calibrated/--raw",
    default=True,
    show_default=True,
    help="Correct scores for reviewer leniency (review and criterion levels).",
)
@click.option("--include-drafts", is_flag=True, help="Also reviews that are not submitted yet.")
@click.option("--session", help="Only reviews of this session (review and criterion levels).")
@click.option("--benchmark", help="Anchor the leniency offsets on this reviewer instead of centring them.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="Default: from the -o file name (.jsonl), else csv.",
)
@click.option(
    "--no-formula-guard",
    is_flag=True,
    help="CSV text exactly as stored, for data pipelines (default: cells starting with = + - @ get a leading ').",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@filter_options
@click.pass_context
def export_command(
    ctx: click.Context,
    level: str,
    fmt: str,
    output: str | None,
    calibrated: bool,
    include_drafts: bool,
    session: str | None,
    benchmark: str | None,
    no_formula_guard: bool,
    **filters: object,
) -> None:
    """Export reviews, criterion scores, conversations or messages.

    Review and criterion levels carry raw and leniency-calibrated scores (docs/calibration.md);
    conversation and message levels carry the signals. CSV is safe to open in Excel or
    Sheets (cells that look like formulas are neutralised) and its column order is
    stable; docs/export.md lists the columns.

    \b
    Examples:
      cxreview export -o reviews.csv
      cxreview export --level criterion --include-drafts --format jsonl
      cxreview export --level conversation -o conversations.csv
      cxreview export --level message --queue billing --since 2026-10-01 -o billing.jsonl
      cxreview export --level message --no-formula-guard | your-pipeline   # raw text, not for Excel
    """
    from cxreview.export import export_reviews, export_signals
    from cxreview.output_file import check_output_path, open_output

    chosen = filters_from(filters)

    def run(out, bar) -> int:  # type: ignore[no-untyped-def]
        if level in ("review", "criterion"):
            return export_reviews(
                db, level, chosen, out, fmt, calibrated, include_drafts, session, benchmark, not no_formula_guard, bar
            )
        return export_signals(db, level, chosen, out, fmt, not no_formula_guard, bar)

    if output:
        check_output_path(output, ctx.obj["db_path"])  # before any work: never onto the database
    fmt = output_format(ctx, fmt, output, {"csv": "csv", "jsonl": "jsonl"}, "export")
    # Progress on stderr while writing a file or into a pipe; not when the rows themselves go
    # to the terminal (the bar would sit among them).
    stdout = TerminalSafeWriter(sys.stdout)
    with database(ctx) as db, progress_bar("Exporting", None, bool(output) or not sys.stdout.isatty()) as bar:
        _check_names(db, session, benchmark)
        if output:
            with open_output(output, ctx.obj["db_path"], newline="") as out:
                count = run(out, bar)
            info(f"Wrote {count:,} {level} rows to {output}.", err=True)
        else:
            run(stdout, bar)


def _check_names(db: Database, session: str | None, benchmark: str | None) -> None:
    """A misspelt --session or --benchmark is an error, not an empty or uncalibrated export."""
    from cxreview.errors import NotFoundError
    from cxreview.store.reviews import reviewer_exists
    from cxreview.store.sessions import session_row

    if session is not None and session_row(db.conn, session) is None:
        raise NotFoundError(f'no session "{session}"', "list the sessions with 'cxreview sessions'")
    if benchmark is not None and not reviewer_exists(db.conn, benchmark):
        raise NotFoundError(
            f'no reviews by "{benchmark}" to use as --benchmark', "name a reviewer as in 'cxreview calibrate'"
        )
