"""`cxreview sessions`: list review sessions and their progress, or show one."""

from __future__ import annotations

import json

import click

from cxreview.commands.common import database, info, safe_console
from cxreview.commands.global_options import print_json, table_or_json
from cxreview.parties import agent_label


@click.group("sessions", invoke_without_command=True)
@click.option("--reviewer", help="Only this reviewer's part of each session.")
@table_or_json
@click.pass_context
def sessions_group(ctx: click.Context, reviewer: str | None, fmt: str) -> None:
    """List review sessions with progress (done / total per reviewer).

    \b
    Examples:
      cxreview sessions
      cxreview sessions --reviewer ana --format json
      cxreview sessions show 2026-11-26-spotlight
    """
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table
    from rich.text import Text

    from cxreview.store.sessions import list_sessions

    with database(ctx) as db:
        sessions = list_sessions(db.conn, reviewer)
    if fmt == "json":
        print_json([dict(session) for session in sessions])
        return
    if not sessions:
        info("No sessions yet. Create one with: cxreview sample --size 20 --reviewer NAME")
        return
    table = Table(title="Review sessions", title_justify="left")
    table.add_column("Session", overflow="fold", min_width=12)
    table.add_column("Strategy", overflow="fold")
    table.add_column("Reviewer", overflow="fold")
    table.add_column("Done", no_wrap=True, justify="right")
    table.add_column("Progress", no_wrap=True)
    table.add_column("Rubric", overflow="fold")
    for session in sessions:
        for index, (name, progress) in enumerate(session["reviewers"].items()):
            done, total = progress["done"], progress["total"]
            filled = round(10 * done / total)
            first = index == 0
            strategy = session["strategy"] + (", blind" if session["calibration"] else "")
            table.add_row(
                Text(session["name"] if first else ""),
                Text(strategy if first else ""),
                Text(name),
                f"{done}/{total}",
                "█" * filled + "░" * (10 - filled),
                Text(session["rubric"] if first else ""),
            )
    safe_console().print(table)


@sessions_group.command("show")
@click.argument("name")
@click.option("--reviewer", help="Only this reviewer's conversations.")
@table_or_json
@click.pass_context
def show_command(ctx: click.Context, name: str, reviewer: str | None, fmt: str) -> None:
    """List a session's conversations with assignee, status and why each was picked.

    \b
    Example:
      cxreview sessions show 2026-11-26-spotlight --reviewer ana
      cxreview sessions show 2026-11-26-spotlight --format json | jq '.items[].conversation_id'
    """
    from cxreview.errors import NotFoundError
    from cxreview.reports.text_table import FitTable
    from cxreview.store.sessions import session_items, session_row
    from cxreview.suggestions import older_model_note

    with database(ctx) as db:
        session = session_row(db.conn, name)
        if session is None:
            raise NotFoundError(f'no session "{name}"', "list sessions with 'cxreview sessions'")
        items = session_items(db.conn, session["id"], reviewer)
        older = older_model_note(db, session)
    status = {None: "to do", "draft": "in progress", "submitted": "done"}
    filters = json.loads(session["filters"])
    if fmt == "json":
        keys = (
            "name",
            "created_at",
            "strategy",
            "seed",
            "rubric_id",
            "rubric_version",
            "bot_rubric_id",
            "bot_rubric_version",
        )
        header = {key: session[key] for key in keys} | {"filters": filters, "notes": json.loads(session["notes"])}
        rows = [
            dict(item)
            | {
                "status": status.get(item["review_status"], item["review_status"]),
                "reason_from_older_model": bool(older) and item["pick"] == "autoqa",
            }
            for item in items
        ]
        print_json({"session": header, "items": rows})
        return
    caption = (
        f"created {session['created_at'][:16].replace('T', ' ')}, strategy {session['strategy']}, "
        f"seed {session['seed']}, rubric {session['rubric_id']} v{session['rubric_version']}"
    )
    if session["bot_rubric_id"]:
        caption += f", bot rubric {session['bot_rubric_id']} v{session['bot_rubric_version']}"
    if filters:
        caption += ", filters " + ", ".join(f"{k}={v}" for k, v in filters.items())
    table_rows = [
        [
            str(item["position"]),
            f"{item['conversation_id']}\n{item['pick']}",
            f"{item['reviewer']}\n{status.get(item['review_status'], item['review_status'])}",
            f"{agent_label(item['agent'], item['kind'])}\n{item['queue'] or '-'}",
            item["reason"] + (older if item["pick"] == "autoqa" else ""),
        ]
        for item in items
    ]
    # Two facts per cell keep "Why" wide enough to read at 80 columns (piped output).
    columns = ["#", "Conversation / pick", "Reviewer / status", "Agent / queue", "Why"]
    table = FitTable(f"Session {name}", columns, table_rows, caption)
    console = safe_console()
    console.print(table)
    from rich.text import Text

    from cxreview.commands.global_options import is_quiet

    for note in [] if is_quiet() else json.loads(session["notes"]):
        console.print(Text(f"Note: {note}"))  # wrapped to the width, like the table
