"""`cxreview rubric check|show`: validate rubric files and read them as a table."""

from __future__ import annotations

import click

from cxreview.commands.common import echo, safe_console
from cxreview.commands.global_options import print_json, table_or_json
from cxreview.errors import InputError


@click.group("rubric")
def rubric_group() -> None:
    """Check and show YAML rubrics.

    \b
    Examples:
      cxreview rubric check rubrics/*.yaml
      cxreview rubric show default
    """


@rubric_group.command("check")
@click.argument("files", nargs=-1, required=True)
def check_command(files: tuple[str, ...]) -> None:
    """Validate rubric files; exit 0 only when all are valid.

    Every mistake is listed with file:line:column, what is wrong and the fix.

    \b
    Example:
      cxreview rubric check rubrics/default.yaml my-team.yaml
    """
    from cxreview.rubrics import resolve_rubric

    failed = 0
    for name in files:
        try:
            rubric = resolve_rubric(name)
        except InputError as error:
            failed += 1
            for problem in error.problems:
                echo(problem, err=True)
            echo(f"{error.one_line()}", err=True)
            continue
        echo(f"{name}: ok ({rubric.id} version {rubric.version}, {len(rubric.criteria)} criteria)")
    if failed:
        raise click.exceptions.Exit(1)


@rubric_group.command("show")
@click.argument("file")
@table_or_json
def show_command(file: str, fmt: str) -> None:
    """Show a rubric's criteria, weights and anchors as a readable table.

    FILE is a YAML path or a shipped rubric name (default, default.nl, bot).

    \b
    Example:
      cxreview rubric show bot
      cxreview rubric show default --format json
    """
    from rich.table import Table
    from rich.text import Text

    from cxreview.rubrics import resolve_rubric

    rubric = resolve_rubric(file)
    if fmt == "json":
        print_json(rubric.to_dict())
        return
    console = safe_console()
    console.print(
        Text(
            f"{rubric.name} ({rubric.id} v{rubric.version}, {rubric.language}, applies to {rubric.applies_to})",
            style="bold",
        )
    )
    if rubric.description:
        console.print(Text(rubric.description))
    console.print(Text(f"Pass threshold: {rubric.pass_threshold:g}"))
    for criterion in rubric.criteria:
        flags = [f"weight {criterion.weight:g}"]
        if criterion.allow_na:
            flags.append("N/A allowed")
        if criterion.critical:
            effect = "zeroes the review" if criterion.critical.effect == "zero" else "flags the review"
            flags.append(f"critical: below {criterion.level_name(criterion.critical.below)} {effect}")
        table = Table(
            title=Text(f"{criterion.label}: {criterion.question}"),
            caption=Text(", ".join(flags)),
            show_lines=True,
            expand=True,
            title_justify="left",
        )
        table.add_column("Level", justify="right", no_wrap=True)
        table.add_column("Anchor")
        for level in criterion.levels:
            table.add_row(Text(criterion.level_name(level)), Text(criterion.anchors.get(level, "")))
        console.print(table)
        details = []
        if criterion.root_causes:
            details.append(f"Root causes: {', '.join(criterion.root_causes)}")
        if criterion.signals:
            details.append(f"Signals shown: {', '.join(criterion.signals)}")
        if criterion.guidance:
            details.append(f"Guidance: {criterion.guidance}")
        for line in details:
            console.print(Text(line, style="dim"))
        console.print()
