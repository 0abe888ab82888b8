"""`cxreview review`: open the review TUI."""

from __future__ import annotations

import click

from cxreview.commands.common import database


@click.command("review")
@click.argument("session", required=False)
@click.option("--reviewer", required=True, help="Your name, as used in sessions.")
@click.option(
    "--as-arbiter", is_flag=True, help="Decide disputes (press d in the session picker) as REVIEWER, recorded as such."
)
@click.pass_context
def review_command(ctx: click.Context, session: str | None, reviewer: str, as_arbiter: bool) -> None:
    """Review conversations in the terminal: transcript, signals and rubric side by side.

    Without SESSION it resumes your one open session (or the one with a review in
    progress) and otherwise lists your open sessions. Every score and note is saved the
    moment you make it; reopening resumes where you were. Press ? for every key.

    \b
    Examples:
      cxreview review --reviewer ana
      cxreview review 2026-11-26-spotlight --reviewer ana
      cxreview review --reviewer lead --as-arbiter      # decide disputes
    """
    from cxreview.errors import NotFoundError
    from cxreview.store.sessions import session_row

    reviewer = reviewer.strip()
    with database(ctx) as db:
        if session is not None and session_row(db.conn, session) is None:
            raise NotFoundError(f'no session "{session}"', "list sessions with 'cxreview sessions'")
        path = db.path
    from cxreview.tui.app import ReviewApp

    ReviewApp(path, reviewer, session, as_arbiter=as_arbiter).run()
