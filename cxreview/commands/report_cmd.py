"""`cxreview report`: a coaching report for one agent."""

from __future__ import annotations

import click

from cxreview.commands.common import _date, database, echo, output_format, progress_bar


@click.command("report")
@click.option("--agent", required=True, help="The agent the report is about (as in the conversations).")
@click.option("--since", callback=_date, metavar="DATE", help="Only conversations from DATE on.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Default: from the -o file name (.html), else md.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.pass_context
def report_command(ctx: click.Context, agent: str, since: str | None, fmt: str, output: str | None) -> None:
    """Write a coaching report for one agent, to prepare a feedback conversation.

    Calibrated scores per criterion against the team median, the trend, strongest and
    weakest criteria, the most frequent root causes, and three example moments with the
    reviewers' notes. Written to be read by the agent; personal data is masked. The HTML
    version is one self-contained file.

    \b
    Examples:
      cxreview report --agent "Sanne de Vries"
      cxreview report --agent "Sanne de Vries" --since 2026-10-01 -o sanne.html
    """
    from cxreview.output_file import check_output_path, write_output
    from cxreview.reports.coaching import build_report, to_html, to_markdown

    if output:
        check_output_path(output, ctx.obj["db_path"])  # before any work: never onto the database
    fmt = output_format(ctx, fmt, output, {"md": "md", "html": "html"}, "report")

    with database(ctx) as db, progress_bar("Coaching report", None) as bar:
        report = build_report(db, agent, since, phases=bar)
    text = to_html(report) if fmt == "html" else to_markdown(report)
    if output:
        write_output(output, ctx.obj["db_path"], text)
        echo(f"Wrote the coaching report for {agent} to {output}.", err=True)
    else:
        echo(text, nl=False)
