"""`cxreview reviews history`: who changed a submitted review, what, when and why."""

from __future__ import annotations

import json

import click

from cxreview.commands.common import database, echo, safe_console


@click.group("reviews")
def reviews_group() -> None:
    """Look into single reviews.

    \b
    Example:
      cxreview reviews history 42
    """


@reviews_group.command("history")
@click.argument("review_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def history_command(ctx: click.Context, review_id: int, fmt: str) -> None:
    """Print a review's history: first submission, every edit (who, as reviewer or arbiter,
    when, each value from -> to, the reason) and its disputes.

    \b
    Examples:
      cxreview reviews history 42
      cxreview reviews history 42 --format json
    """
    from rich.padding import Padding
    from rich.text import Text

    from cxreview.corrections import history
    from cxreview.reviews import get_review

    with database(ctx) as db:
        review = get_review(db, review_id)
        events = history(db, review_id)
    if fmt == "json":
        echo(json.dumps([e.to_dict() for e in events], indent=2, ensure_ascii=False))
        return
    console = safe_console()
    console.print(
        Text(
            f"Review {review.id} of {review.conversation_id} by {review.reviewer} "
            f"(rubric {review.rubric.id} v{review.rubric.version}, {review.status})"
        )
    )
    if not events:
        console.print("Not submitted yet: no history.")
    for event in events:
        # Text throughout: names, reasons and notes are never read as markup.
        console.print(Text(f"{event.at}  {event.who} ({event.role}) {event.what}"))
        # Indented as a block: a long line wraps under itself, not at the left edge.
        for change in event.changes:
            console.print(Padding(Text(change), (0, 0, 0, 4)))
        if event.reason:
            console.print(Padding(Text(f"reason: {event.reason}"), (0, 0, 0, 4)))


@reviews_group.command("edit")
@click.argument("review_id", type=int)
@click.option("--criterion", required=True, help="The criterion id to change.")
@click.option("--score", required=True, help="The new score (a level, or na).")
@click.option("--by", "by", required=True, metavar="NAME", help="Who changes it: the reviewer, or an arbiter.")
@click.option("--as-arbiter", is_flag=True, help="Change someone else's review, recorded as the arbiter's edit.")
@click.option("--reason", default="", help="Why (kept in the history and shown in coaching reports).")
@click.pass_context
def edit_command(
    ctx: click.Context, review_id: int, criterion: str, score: str, by: str, as_arbiter: bool, reason: str
) -> None:
    """Correct one score of a submitted review; the change is kept in its history.

    \b
    Examples:
      cxreview reviews edit 42 --criterion empathy --score 4 --by ana --reason "misread it"
      cxreview reviews edit 42 --criterion empathy --score 4 --by lead --as-arbiter
    """
    from cxreview.disputes import parse_score
    from cxreview.reviews import correct_score

    value, na = parse_score(score)
    with database(ctx) as db:
        result = correct_score(db, review_id, criterion, value, na, by, as_arbiter, reason)
    echo(f"Review {review_id}: {criterion} is now {'N/A' if na else value}; review score {result}.")
