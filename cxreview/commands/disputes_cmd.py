"""`cxreview disputes`: agents contest a criterion's score; an arbiter accepts or rejects."""

from __future__ import annotations

import json
from typing import Any

import click

from cxreview.commands.common import database, echo, plural, safe_console


@click.group("disputes")
def disputes_group() -> None:
    """Disputes of submitted reviews: open, import, list, decide, stats.

    \b
    A dispute is open until an arbiter accepts it (changing the score) or rejects it
    (with an answer), or the agent who opened it withdraws it.

    \b
    Examples:
      cxreview disputes open 42 --criterion empathy --by Sanne --reason "I apologised twice"
      cxreview disputes list --status open
      cxreview disputes accept 7 --score 4 --by lead --answer "agreed, message 5"
    """


@disputes_group.command("open")
@click.argument("review_id", type=int)
@click.option("--criterion", required=True, help="The criterion id whose score is contested.")
@click.option("--by", "by", required=True, metavar="AGENT", help="Who disputes (usually the agent).")
@click.option("--reason", required=True, help="Why the score is wrong.")
@click.pass_context
def open_command(ctx: click.Context, review_id: int, criterion: str, by: str, reason: str) -> None:
    """Dispute the score of one criterion of a submitted review.

    \b
    Example:
      cxreview disputes open 42 --criterion empathy --by Sanne --reason "I apologised twice"
    """
    from cxreview.disputes import open_dispute

    with database(ctx) as db:
        opened = open_dispute(db, review_id, criterion, by, reason)
    echo(f"Opened dispute {opened.id} on {opened.criterion} of review {opened.review_id}.")


@disputes_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
def import_command(ctx: click.Context, file: str) -> None:
    """Open disputes from a CSV with columns review_id, criterion, by (or agent), reason and
    optionally opened_at. All or nothing: one bad row and nothing is written.

    \b
    Example:
      cxreview disputes import disputes.csv
    """
    from cxreview.disputes import import_disputes

    with database(ctx) as db:
        opened = import_disputes(db, file)
    echo(f"Opened {plural(len(opened), 'dispute')}.")


@disputes_group.command("list")
@click.option("--status", type=click.Choice(["open", "accepted", "rejected", "withdrawn"]), help="Only this status.")
@click.option("--agent", help="Only disputes of this agent's conversations (or opened by them).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def list_command(ctx: click.Context, status: str | None, agent: str | None, fmt: str) -> None:
    """List disputes, oldest first, with their age.

    \b
    Examples:
      cxreview disputes list --status open
      cxreview disputes list --agent Sanne --format json
    """
    from cxreview.disputes import list_disputes

    with database(ctx) as db:
        rows = list_disputes(db, status, agent)
    if fmt == "json":
        echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        echo("No disputes" + (f" with status {status}" if status else "") + ".")
        return
    from cxreview.reports.text_table import FitTable

    # The status column only when the list mixes statuses.
    columns = ["Id", "Age"] + ([] if status else ["Status"]) + ["Review", "Criterion", "Score", "Reviewer", "By"]
    table_rows = [
        [str(row["id"]), f"{row['age_days']:.0f} d"]
        + ([] if status else [row["status"]])
        + [str(row["review_id"]), row["criterion"], _score_change(row), row["reviewer"], row["opened_by"]]
        + [row["reason"]]  # plain strings become Text: untrusted words are never markup
        for row in rows
    ]
    safe_console().print(FitTable("Disputes", [*columns, "Reason"], table_rows))


def _score_change(row: dict[str, Any]) -> str:
    before = "N/A" if row["na_before"] else str(row["score_before"])
    if row["status"] != "accepted":
        return before
    return f"{before} -> {'N/A' if row['na_after'] else row['score_after']}"


@disputes_group.command("stats")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def stats_command(ctx: click.Context, fmt: str) -> None:
    """Counts per status, and the acceptance rate (accepted / decided) per reviewer and per
    criterion. A reviewer whose disputes are often accepted is a calibration signal.

    \b
    Example:
      cxreview disputes stats
    """
    from cxreview.disputes import stats

    with database(ctx) as db:
        figures = stats(db)
    if fmt == "json":
        echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    from rich.table import Table
    from rich.text import Text

    counts = figures["by_status"]
    echo(f"{plural(figures['total'], 'dispute')}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    console = safe_console()
    for kind in ("reviewer", "criterion"):
        table = Table(title=f"Per {kind}", title_justify="left")
        for name in (kind.capitalize(), "Disputes", "Accepted", "Rejected", "Acceptance"):
            table.add_column(name, overflow="fold", justify="left" if name == kind.capitalize() else "right")
        for name, tally in sorted(figures[f"per_{kind}"].items()):
            rate = tally["acceptance_rate"]
            table.add_row(
                Text(name),
                str(tally["disputes"]),
                str(tally["accepted"]),
                str(tally["rejected"]),
                "-" if rate is None else f"{rate:.0%}",
            )
        console.print(table)


@disputes_group.command("accept")
@click.argument("dispute_id", type=int)
@click.option("--score", required=True, help="The new score of the criterion (a level, or na).")
@click.option("--by", "by", required=True, metavar="NAME", help="The arbiter.")
@click.option("--answer", default="", help="Why (shown to the agent and in the coaching report).")
@click.pass_context
def accept_command(ctx: click.Context, dispute_id: int, score: str, by: str, answer: str) -> None:
    """Accept a dispute: change the criterion's score (recorded as the arbiter's edit).

    \b
    Example:
      cxreview disputes accept 7 --score 4 --by lead --answer "agreed, see message 5"
    """
    from cxreview.disputes import accept, parse_score

    value, na = parse_score(score)
    with database(ctx) as db:
        notice = accept(db, dispute_id, by, value, na=na, answer=answer)
    echo(f"Accepted dispute {dispute_id}; the score is now {'N/A' if na else value}.")
    if notice:
        echo(f"Note: {notice}.")


@disputes_group.command("reject")
@click.argument("dispute_id", type=int)
@click.option("--by", "by", required=True, metavar="NAME", help="The arbiter.")
@click.option("--answer", required=True, help="Why the score stands.")
@click.pass_context
def reject_command(ctx: click.Context, dispute_id: int, by: str, answer: str) -> None:
    """Reject a dispute with an answer; the score stays.

    \b
    Example:
      cxreview disputes reject 7 --by lead --answer "the apology came after the refund"
    """
    from cxreview.disputes import reject

    with database(ctx) as db:
        reject(db, dispute_id, by, answer)
    echo(f"Rejected dispute {dispute_id}.")


@disputes_group.command("withdraw")
@click.argument("dispute_id", type=int)
@click.option("--by", "by", required=True, metavar="AGENT", help="Who opened the dispute.")
@click.pass_context
def withdraw_command(ctx: click.Context, dispute_id: int, by: str) -> None:
    """Withdraw your own open dispute.

    \b
    Example:
      cxreview disputes withdraw 7 --by Sanne
    """
    from cxreview.disputes import withdraw

    with database(ctx) as db:
        withdraw(db, dispute_id, by)
    echo(f"Withdrew dispute {dispute_id}.")


@disputes_group.command("note")
@click.argument("dispute_id", type=int)
@click.option("--by", "by", required=True, metavar="NAME", help="Who writes.")
@click.option("--text", required=True, help="The message.")
@click.option("--as", "role", type=click.Choice(["agent", "arbiter", "reviewer"]), default="agent", show_default=True)
@click.pass_context
def note_command(ctx: click.Context, dispute_id: int, by: str, text: str, role: str) -> None:
    """Add a message to a dispute's conversation.

    \b
    Example:
      cxreview disputes note 7 --by Sanne --text "see message 5"
    """
    from cxreview.disputes import add_note

    with database(ctx) as db:
        add_note(db, dispute_id, by, text, role)
    echo(f"Added a note to dispute {dispute_id}.")


@disputes_group.command("deadline")
@click.argument("days", required=False)
@click.pass_context
def deadline_command(ctx: click.Context, days: str | None) -> None:
    """Show or set how many days after submission a review can be disputed ('off' for no
    deadline). A rubric's own dispute_days wins over this.

    \b
    Examples:
      cxreview disputes deadline 14
      cxreview disputes deadline off
    """
    from cxreview.disputes import global_deadline_days, set_global_deadline

    with database(ctx) as db:
        if days is None:
            current = global_deadline_days(db)
            echo("No dispute deadline." if current is None else f"Disputes within {current} days of submission.")
            return
        if days.lower() == "off":
            set_global_deadline(db, None)
            echo("No dispute deadline.")
            return
        try:
            value = int(days)
        except ValueError:
            raise click.BadParameter(f'"{days}" is not a number of days; give e.g. 14, or off') from None
        set_global_deadline(db, value)
    echo(f"Disputes within {value} days of submission.")
