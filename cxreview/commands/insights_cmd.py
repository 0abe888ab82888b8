"""`cxreview insights`: where conversations get stuck and what drives frustration."""

from __future__ import annotations

import click

from cxreview.commands.common import _date, check_dates, database, echo, output_format, progress_bar, safe_console


@click.command("insights")
@click.option("--since", "--from", "since", callback=_date, metavar="DATE", help="Conversations from DATE on.")
@click.option("--to", "to", callback=_date, metavar="DATE", help="Conversations up to DATE.")
@click.option("--queue", "queues", multiple=True, help="Only this queue (repeatable).")
@click.option("--channel", "channels", multiple=True, help="Only this channel (repeatable).")
@click.option("--agent", "agents", multiple=True, help="Only this agent's conversations (repeatable).")
@click.option("--language", "languages", multiple=True, help="Only this language, e.g. nl (repeatable).")
@click.option(
    "--repeat-days",
    type=int,
    help="Window for repeat contact in days (default: repeat_contact.days of the signals config, 7).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "md", "html"]),
    default="table",
    show_default=True,
    help="With -o, default: from the file name (.html, .json, .md), else md.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.pass_context
def insights_command(
    ctx: click.Context,
    since: str | None,
    to: str | None,
    queues: tuple[str, ...],
    channels: tuple[str, ...],
    agents: tuple[str, ...],
    languages: tuple[str, ...],
    repeat_days: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """Show where conversations get stuck, what drives frustration, and which answers
    create more contact, across all conversations.

    Answers most often followed by frustration, a request for a person or abandonment
    (template variants grouped); loop hotspots and time to handover per queue;
    frustration by queue, channel and agent; repeat contact; and how review scores relate
    to the signals and to csat. Every figure shows its base; small groups are marked.

    \b
    Examples:
      cxreview insights
      cxreview insights --since 2026-10-01 --queue billing
      cxreview insights --agent "Ana de Vries" --language nl
      cxreview insights -o insights.html
    """
    from cxreview.errors import UsageError
    from cxreview.filters import Filters
    from cxreview.insights_cache import cached_or_compute
    from cxreview.output_file import check_output_path, write_output
    from cxreview.reports.insights_report import renderables, to_html, to_json, to_markdown
    from cxreview.signals.config import repeat_contact_days

    if repeat_days is None:
        repeat_days = repeat_contact_days()
    check_dates(since, to)
    if repeat_days <= 0:
        raise UsageError("--repeat-days must be above 0", "e.g. --repeat-days 7")
    if output:
        check_output_path(output, ctx.obj["db_path"])  # before any work: never onto the database
    fmt = output_format(ctx, fmt, output, {"json": "json", "md": "md", "html": "html"}, "insights")
    filters = Filters(
        since=since,
        to=to,
        queues=list(queues),
        channels=[c.lower() for c in channels],
        agents=list(agents),
        languages=[language.lower() for language in languages],
    )
    with database(ctx) as db, progress_bar("Insights", 9) as bar:
        # The unfiltered view is kept in the database (stamped): again while the data is unchanged.
        insights = cached_or_compute(db, filters, repeat_days, phases=bar)
    if fmt == "table" and not output:
        console = safe_console()
        for part in renderables(insights):
            console.print(part)
        return
    text = {"json": to_json, "md": to_markdown, "html": to_html}.get(fmt, to_markdown)(insights)
    if output:
        write_output(output, ctx.obj["db_path"], text)
        echo(f"Wrote insights to {output}.", err=True)
    else:
        echo(text)
