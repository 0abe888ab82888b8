"""`cxreview demo`: build a demo database from the bundled corpus and open it."""

from __future__ import annotations

from pathlib import Path

import click

from cxreview.commands.common import plural


@click.command("demo")
@click.option(
    "--path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to build the demo database (default: your user data folder).",
)
@click.option("--fresh", is_flag=True, help="Throw away an earlier demo database and build it again.")
def demo_command(path: Path | None, fresh: bool) -> None:
    """Build a demo database of a few hundred realistic conversations and open it.

    The demo lives in your user data folder, never in the current directory, so
    trying it leaves your own cxreview.db alone.

    \b
    Examples:
      cxreview demo
      cxreview demo --fresh
    """
    from cxreview.demo.build import build_demo, default_demo_path

    target = path or default_demo_path()
    db, summary = build_demo(target, fresh=fresh)
    with db:
        count = db.scalar("SELECT count(*) FROM conversations")
        messages = db.scalar("SELECT count(*) FROM messages")
    state = "Built" if summary else "Reusing"
    click.echo(
        f"{state} the demo database {target}: {plural(int(count), 'conversation')}, {plural(int(messages), 'message')}."
    )
    click.echo("Next: look around with")
    click.echo(f"  sqlite3 {target} 'SELECT queue, count(*) FROM conversations GROUP BY queue'")
    click.echo(f"  CXREVIEW_DB={target} cxreview --help")
