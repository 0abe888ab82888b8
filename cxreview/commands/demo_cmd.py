"""`cxreview demo`: build a demo database from the bundled corpus and open it."""

from __future__ import annotations

from pathlib import Path

import click

from cxreview.commands.common import command_line, info, plural


@click.command("demo")
@click.option(
    "--path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to build the demo database (default: your user data folder).",
)
@click.option("--fresh", is_flag=True, help="Throw away an earlier demo database and build it again.")
@click.option("--no-tui", is_flag=True, help="Only build the database and print how to open it.")
@click.pass_context
def demo_command(ctx: click.Context, path: Path | None, fresh: bool, no_tui: bool) -> None:
    """Build a demo database of a few hundred realistic conversations and review them.

    The demo lives in your user data folder, never in the current directory, so
    trying it leaves your own cxreview.db alone (CXREVIEW_DB is ignored too). A file
    named with --path, or with --db on the command line, is used instead; it is only
    ever replaced when cxreview built it as a demo. It opens the review tool on a
    spotlight session of 12 conversations for the reviewer "demo".

    \b
    Examples:
      cxreview demo
      cxreview demo --fresh
      cxreview demo --path try.db --no-tui
    """
    from cxreview.demo.build import DEMO_REVIEWER, build_demo, default_demo_path, ensure_demo_session
    from cxreview.store.conversations import table_counts

    target = path or _typed_db(ctx) or default_demo_path()
    db, summary = build_demo(target, fresh=fresh)
    with db:
        session = ensure_demo_session(db)
        counts = table_counts(db.conn)
        count, messages = counts["conversations"], counts["messages"]
    state = "Built" if summary else "Reusing"
    info(
        f"{state} the demo database {target}: {plural(int(count), 'conversation')}, {plural(int(messages), 'message')}."
    )
    if no_tui:
        info("Open it with:")
        info(f"  {command_line('--db', target, 'review', session, '--reviewer', DEMO_REVIEWER)}")
        return
    from cxreview.tui.app import ReviewApp

    ReviewApp(target, DEMO_REVIEWER, session).run()


def _typed_db(ctx: click.Context) -> Path | None:
    """--db typed on the command line, before or after ``demo``: build the demo there. From
    CXREVIEW_DB or the default it does not count: the demo never goes into a team's server
    or into the cxreview.db of the current folder."""
    from click.core import ParameterSource

    from cxreview.errors import UsageError
    from cxreview.store.connection import is_server_url

    typed = ctx.get_parameter_source("db") == ParameterSource.COMMANDLINE or (
        ctx.parent is not None and ctx.parent.get_parameter_source("db_path") == ParameterSource.COMMANDLINE
    )
    if not typed:
        return None
    target = str(ctx.obj["db_path"])
    if is_server_url(target):
        raise UsageError("the demo builds a SQLite file, not a database on a server", "name a file: --path demo.db")
    return Path(target)
