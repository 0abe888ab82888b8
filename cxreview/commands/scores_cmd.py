"""`cxreview scores import`: bring in historical or external review scores from CSV."""

from __future__ import annotations

import click

from cxreview.commands.common import database, echo, plural


@click.group("scores")
def scores_group() -> None:
    """Manage review scores that come from outside cxreview.

    \b
    Example:
      cxreview scores import past-reviews.csv --rubric default
    """


@scores_group.command("import")
@click.argument("file")
@click.option("--rubric", help="Rubric for rows without a rubric column (YAML file or shipped name).")
@click.option("--map", "maps", multiple=True, metavar="SRC=DEST", help="Rename a column, e.g. agent_score=score.")
@click.option("--as-draft", is_flag=True, help="Import reviews that miss criteria as drafts instead of failing.")
@click.pass_context
def import_scores_command(
    ctx: click.Context, file: str, rubric: str | None, maps: tuple[str, ...], as_draft: bool
) -> None:
    """Import scores from a CSV with columns conversation_id, reviewer, criterion, score
    (and optional note, submitted_at, rubric).

    All or nothing: one bad row and nothing is written; every problem is listed.
    Every review must score every criterion of its rubric (or, with --as-draft, it is
    imported as a draft to finish in the review app).
    Importing the same file again updates the same reviews. N/A is written na or n/a.

    \b
    Examples:
      cxreview scores import q3-reviews.csv --rubric default
      cxreview scores import sheet.csv --rubric team.yaml --map agent_score=score
    """
    from cxreview.ingest.importer import parse_pairs
    from cxreview.rubrics import resolve_rubric
    from cxreview.score_import import import_scores

    default = resolve_rubric(rubric) if rubric else None
    with database(ctx) as db:
        summary = import_scores(db, file, default, parse_pairs(maps, "--map"), as_draft)
    echo(
        f"Imported {plural(summary.scores, 'score')}: {plural(summary.reviews_new, 'new review')}, "
        f"{summary.reviews_updated:,} updated (rubric {', '.join(sorted(summary.rubrics))})."
    )
