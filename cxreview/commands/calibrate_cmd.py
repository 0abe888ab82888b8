"""`cxreview calibrate`: agreement between reviewers and their leniency offsets."""

from __future__ import annotations

import json
from typing import Any

import click

from cxreview.commands.common import _date, database, echo, progress_bar, safe_console


@click.command("calibrate")
@click.option("--session", help="Only reviews of this session.")
@click.option("--since", callback=_date, metavar="DATE", help="Only reviews submitted on or after DATE.")
@click.option("--rubric", "rubric_id", help="Rubric id (default: every rubric with reviews).")
@click.option("--benchmark", help="Reviewer whose scores are the reference (alignment, offsets anchored on them).")
@click.option(
    "--shrinkage",
    type=float,
    default=5.0,
    show_default=True,
    help="How many shared conversations an offset needs to count for half (at least 1).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def calibrate_command(
    ctx: click.Context,
    session: str | None,
    since: str | None,
    rubric_id: str | None,
    benchmark: str | None,
    shrinkage: float,
    fmt: str,
) -> None:
    """Show how well reviewers agree, and how lenient or strict each one is.

    Per criterion and for the review score: conversations and pairs compared, exact and
    within-one agreement, Krippendorff's alpha (ordinal) with a 95% bootstrap interval,
    alignment with the benchmark reviewer (or the others' median), N/A agreement, and
    each reviewer's offset with its uncertainty. Blind reviews only.

    With AutoQA scores (cxreview autoqa score), the model is listed apart as the machine
    reviewer "autoqa": its alignment and leniency on the conversations people reviewed,
    reliable criteria only. It never takes part in the fit that corrects the people.

    \b
    Examples:
      cxreview calibrate
      cxreview calibrate --session calib-nov --benchmark lead
      cxreview calibrate --since 2026-10-01 --format json > calibration.json
    """
    from cxreview.calibration import calibrate, check_shrinkage, load_scores
    from cxreview.calibration_autoqa import as_json, load_machine, machine_figures
    from cxreview.errors import NotFoundError

    check_shrinkage(shrinkage)
    with database(ctx) as db:
        grouped = load_scores(db, rubric_id, session, since)
        machines = {key: load_machine(db, *key) for key in grouped}
        if not grouped and rubric_id is not None:
            # A wrong --rubric named as such (the generic line blamed --session/--since).
            known = sorted({key[0] for key in load_scores(db, None, session, since)})
            if known:
                raise NotFoundError(
                    f'no submitted reviews of rubric "{rubric_id}"', f"use --rubric {' or '.join(known)}"
                )
        if not grouped:
            raise NotFoundError(
                "no submitted reviews match", "score some conversations first, or widen --session/--since"
            )
        with progress_bar("Calibrating", None) as bar:
            results = {
                key: calibrate(scores, benchmark, shrinkage, phases=bar) for key, scores in sorted(grouped.items())
            }
            # The machine is measured against the people after their fit, never inside it.
            machine = {key: machine_figures(grouped[key], result, machines[key]) for key, result in results.items()}
            if not getattr(db, "read_only", False):
                from cxreview.calibrated import refresh

                bar.reset("Calibrating: storing calibrated scores", None)
                refresh(db)  # the stored calibrated scores (review_overview) are refitted too
    if fmt == "json":
        out = {
            f"{rid}@{version}": {
                **_as_json(result),
                **({"autoqa": as_json(machine[(rid, version)])} if machine[(rid, version)] else {}),
            }
            for (rid, version), result in results.items()
        }
        echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for key, result in results.items():
        _print_table(result)
        if machine[key]:
            _print_machine(machine[key])


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _alpha(agreement: Any) -> str:
    if agreement.alpha is None:
        return "-"
    text = f"{agreement.alpha:.2f}"
    if agreement.alpha_interval:
        text += f" [{agreement.alpha_interval[0]:.2f}, {agreement.alpha_interval[1]:.2f}]"
    return text


def _print_table(result: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    from cxreview.reports.text_table import FitTable

    console = safe_console()
    rubric = result.rubric
    table = Table(title=Text(f"Agreement: {rubric.name} ({rubric.id}, version {rubric.version})"), title_justify="left")
    for column in ("Criterion", "Convs", "Pairs", "Exact", "±1", "Alpha (95% CI)", "N/A agree"):
        table.add_column(column, justify="left" if column in ("Criterion", "Alpha (95% CI)") else "right")
    rows = [*result.criteria, *([result.review_score] if result.review_score else [])]
    for a in rows:
        within = _pct(a.within_one) if a.criterion != "review_score" else "-"
        table.add_row(
            Text(a.label), str(a.conversations), str(a.pairs), _pct(a.exact), within, _alpha(a), _pct(a.na_agreement)
        )
    console.print(table)
    labels: dict[str, list[str]] = {}  # the same note for several criteria prints once
    for a in rows:
        if a.note:
            labels.setdefault(a.note, []).append(a.label)
    for note, names in labels.items():
        console.print(Text(f"Note ({', '.join(names)}): {note}", style="yellow"))
    reviewers = sorted({r for a in rows for r in a.alignment} | {o.reviewer for o in result.offsets.values()})
    if reviewers:
        columns = ["Reviewer", *(criterion.label for criterion in rubric.criteria)]
        table_rows: list[list[Any]] = []
        for reviewer in reviewers:
            cells: list[Any] = [reviewer]
            for criterion in rubric.criteria:
                agreement = next(a for a in result.criteria if a.criterion == criterion.id)
                align = agreement.alignment.get(reviewer)
                offset = result.offsets.get((reviewer, criterion.id))
                cell = Text(f"align {align[0]:.0f}" if align else "align -")
                if offset:
                    bar = ("+" if offset.offset > 0 else "-") * min(5, round(abs(offset.offset) * 4))
                    # One fact per line: the cell stays narrow enough for 80 columns.
                    cell.append(
                        f"\n{offset.offset:+.2f} {bar}\n[{offset.low:+.2f}, {offset.high:+.2f}]\nn={offset.n}, "
                    )
                    cell.append("applied" if offset.applied else "not applied", style="" if offset.applied else "dim")
                cells.append(cell)
            table_rows.append(cells)
        title = "Reviewers: alignment and leniency offset per criterion (+ = lenient)"
        console.print(FitTable(title, columns, table_rows))
    for warning in result.warnings:
        console.print(Text(f"Warning: {warning}", style="yellow"))


def _print_machine(figures: list[Any]) -> None:
    """AutoQA as a reviewer, in a table of its own: a machine, outside the people's offsets."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text('AutoQA as reviewer "autoqa" (machine-estimated; not in the offsets above, reliable criteria only)'),
        title_justify="left",
    )
    for column in ("Criterion", "Convs", "Left out", "Align", "Leniency (95% CI)", "Exact", "±1", "CV alpha"):
        table.add_column(column, justify="left" if column in ("Criterion", "Leniency (95% CI)") else "right")
    for f in figures:
        leniency = "-" if f.leniency is None else f"{f.leniency:+.2f}"
        if f.low is not None:
            leniency += f" [{f.low:+.2f}, {f.high:+.2f}]"
        table.add_row(
            Text(f.label),
            str(f.conversations),
            str(f.left_out),
            "-" if f.alignment is None else f"{f.alignment:.0f}",
            leniency,
            _pct(f.exact),
            _pct(f.within_one),
            "-" if f.cv_alpha is None else f"{f.cv_alpha:.2f}",
        )
    console = safe_console()
    console.print(table)
    console.print(
        Text(
            "In-sample: the model learnt from many of these reviews, so these figures flatter it; "
            "CV alpha is its cross-validated agreement measured at training. Left out: reviewed conversations "
            "with no machine figure (far from training, a channel or language where AutoQA is not reliable, "
            "or not scored yet).",
            style="dim",
        )
    )


def _as_json(result: Any) -> dict[str, Any]:
    def agreement(a: Any) -> dict[str, Any]:
        return {
            "criterion": a.criterion,
            "label": a.label,
            "conversations": a.conversations,
            "pairs": a.pairs,
            "exact_agreement": a.exact,
            "within_one": a.within_one if a.criterion != "review_score" else None,
            "alpha_ordinal" if a.criterion != "review_score" else "alpha_interval": a.alpha,
            "alpha_95": list(a.alpha_interval) if a.alpha_interval else None,
            "alignment": {r: {"score": v, "n": n} for r, (v, n) in sorted(a.alignment.items())},
            "na_conversations": a.na_conversations,
            "na_agreement": a.na_agreement,
            "note": a.note or None,
        }

    return {
        "rubric": {"id": result.rubric.id, "version": result.rubric.version, "name": result.rubric.name},
        "criteria": [agreement(a) for a in result.criteria],
        "review_score": agreement(result.review_score) if result.review_score else None,
        "offsets": [
            {
                "reviewer": o.reviewer,
                "criterion": o.criterion,
                "offset": round(o.offset, 4),
                "n": o.n,
                "interval_95": [round(o.low, 4), round(o.high, 4)],
                "applied": round(o.applied, 4),
                "reason": o.reason,
            }
            for o in sorted(result.offsets.values(), key=lambda o: (o.criterion, o.reviewer))
        ],
        "groups": result.groups,
        "warnings": result.warnings,
    }
