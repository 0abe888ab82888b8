"""`cxreview autoqa`: train suggested scores on this team's reviews, score every conversation, show status."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from cxreview.commands.common import (
    database,
    filter_options,
    filters_from,
    info,
    plural,
    progress_bar,
    safe_console,
)
from cxreview.commands.global_options import print_json, table_or_json


@click.group("autoqa")
def autoqa_group() -> None:
    """Suggested scores learnt from your own reviewers, with their measured agreement.

    Everything runs on this machine: no conversation or score is sent anywhere.
    See docs/autoqa.md.

    \b
    Example:
      cxreview autoqa train && cxreview autoqa score && cxreview autoqa status
    """


def _figure(value: float | None, percent: bool = False) -> str:
    from cxreview.autoqa.measure import figure

    if value is None:
        return "-"
    return f"{value:.0%}" if percent else figure(value)


def _alpha(model: Any) -> str:
    from cxreview.autoqa.measure import THRESHOLD, figure

    if model.alpha is None:
        return "-"
    if model.alpha_low is None:
        return figure(model.alpha, THRESHOLD)
    ends = ", ".join(figure(v, THRESHOLD) for v in (model.alpha_low, model.alpha_high))
    return f"{figure(model.alpha, THRESHOLD)} [{ends}]"


def _print(rows: list[dict[str, Any]], columns: list[tuple[str, str]], title: str) -> None:
    from cxreview.reports.text_table import FitTable

    # FitTable: whole words at any width (80 columns when piped), else one block per row;
    # its plain-string cells become Text, so names are never markup.
    table_rows = [[str(row[key]) for _, key in columns] for row in rows]
    safe_console().print(FitTable(title, [header for header, _ in columns], table_rows))


@autoqa_group.command("train")
@click.option("--rubric", "rubric_id", help="Only this rubric id (as stored with the reviews); default: all.")
@click.option("--criterion", "criteria", multiple=True, help="Only this criterion id (repeatable).")
@click.option(
    "--min-reviews",
    type=int,
    default=30,
    show_default=True,
    help="Human scores a criterion needs before a model is trained.",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),  # numpy's bootstrap takes no negative seed (it was a traceback)
    default=None,
    help="Seed of the bootstrap interval (default 0). Given for a model whose reviews did not change, "
    "it measures that model again with this seed (its scores stay).",
)
@table_or_json
@click.pass_context
def train_command(
    ctx: click.Context, rubric_id: str | None, criteria: tuple[str, ...], min_reviews: int, seed: int | None, fmt: str
) -> None:
    """Fit one model per rubric version and criterion on submitted human scores.

    Imported scores count; corrected reviews count with their corrected scores; N/A and
    accepted suggestions do not. Each model is measured by cross-validation (grouped by
    conversation): Krippendorff's alpha against the reviewers with a 95% bootstrap
    interval, exact and within-one agreement, and the reviewers' own alpha on the same
    conversations. A model whose interval does not stay at or above 0.667 is "not reliable":
    its scores are stored but not shown as figures nor used downstream.

    \b
    Examples:
      cxreview autoqa train
      cxreview autoqa train --rubric default --criterion empathy --min-reviews 50
    """
    from cxreview.autoqa.train import train

    with database(ctx) as db, progress_bar("Training", None) as bar:

        def advance(criterion: str, done: int, total: int) -> None:
            bar.reset(f"Training {criterion}", total)
            bar.advance(done)

        results = train(db, rubric_id, list(criteria), min_reviews=min_reviews, on_progress=advance, seed=seed)
    rows: list[dict[str, Any]] = [
        {
            "rubric": f"{r.rubric_id} v{r.rubric_version}",
            "rubric_id": r.rubric_id,
            "rubric_version": r.rubric_version,
            "criterion": r.criterion,
            "model_id": r.model_id,
            "n_reviews": r.n_reviews,
            "n_conversations": r.n_conversations,
            "trained": r.model_id is not None,
            "unchanged": r.unchanged,
            "reliable": r.reliable,
            "reason": r.reason,
            "measured": asdict(r.measured) if r.measured else None,
            "segments": list(r.segments),
        }
        for r in results
    ]
    if fmt == "json":
        print_json({"models": rows})
        return
    for row in rows:
        row["verdict"] = "reliable" if row["reliable"] else ("skipped" if not row["trained"] else "not reliable")
        if row["unchanged"]:
            row["verdict"] += " (unchanged)" if row["measured"] is None else f" (unchanged, measured with seed {seed})"
    _print(
        rows,
        [
            ("Rubric", "rubric"),
            ("Criterion", "criterion"),
            ("Scores", "n_reviews"),
            ("Convs", "n_conversations"),
            ("Verdict", "verdict"),
            ("Why", "reason"),
        ],
        "AutoQA training (cross-validated agreement with the reviewers)",
    )
    _segment_warnings([(f"{r.rubric_id} v{r.rubric_version} {r.criterion}", r.reliable, r.segments) for r in results])
    if any(r["trained"] and not r["unchanged"] for r in rows):
        info("Next: cxreview autoqa score (new models have no scores yet)")


def _segment_warnings(models: list[tuple[str, bool, Any]]) -> None:
    """Where a reliable model's agreement on one channel or language is below the threshold
    (its figures there are withheld), and the kinds with too few reviews to measure (only
    reliable models: the figures of the others are not shown anyway)."""
    from cxreview.autoqa.segments import too_few, warnings

    for label, reliable, segments in models:
        if reliable:
            for line in warnings(label, segments or ()):
                info(line)
    for line in too_few([(label, segments or ()) for label, reliable, segments in models if reliable]):
        info(line)


def _kind_lines(models: list[tuple[str, dict[str, Any]]]) -> None:
    """How many scored conversations each reliable model withholds (a channel or language where
    it is not reliable) and how many it shows without a measured agreement of their kind."""
    for label, row in models:
        for where, n in sorted(row["withheld_where"].items()):
            info(
                f"{label}: {plural(n, 'conversation')} in {where}, where AutoQA is not reliable (Withheld): no "
                f"figure is shown or used for {'it' if n == 1 else 'them'}; score them yourself."
            )
        for where, n in sorted(row["unmeasured"].items()):
            info(
                f"{label}: {plural(n, 'conversation')} in {where}: AutoQA's agreement there is not measured; "
                f"{'its figure rests' if n == 1 else 'their figures rest'} on the other kinds' agreement."
            )


@autoqa_group.command("score")
@click.option("--rubric", "rubric_id", help="Only the models of this rubric id.")
@click.option("--all", "everything", is_flag=True, help="Score again what is up to date too.")
@filter_options
@table_or_json
@click.pass_context
def score_command(ctx: click.Context, rubric_id: str | None, everything: bool, fmt: str, **filters: object) -> None:
    """Score every conversation (within the filters) with every active model.

    Each score has a value on the criterion's scale, an uncertainty (standard deviation)
    and its top reasons, stored apart from human scores. A conversation unlike every
    reviewed one (another channel, language or flow) is counted as "Far": outside what
    AutoQA was trained on, so its figure is not shown or used; one of a channel or language
    where the model's own agreement is below 0.667 is counted as "Withheld", for the same
    reason. Only conversations without a
    score from the active model, or whose figures changed since (a new cxreview analyze
    run that leaves a conversation's figures as they were keeps its score), are scored again.

    \b
    Examples:
      cxreview autoqa score
      cxreview autoqa score --since 2026-11-01 --queue billing
    """
    from cxreview.autoqa.score import far_check_hint, score, without_far_check

    with database(ctx) as db, progress_bar("Scoring conversations", None) as bar:
        state = {"done": 0}

        def advance(done: int, total: int) -> None:
            if state["done"] == 0:
                bar.reset("Scoring conversations", total)
            bar.advance(done - state["done"])
            state["done"] = done

        results = score(db, filters_from(filters), rubric_id, everything=everything, on_progress=advance)
        unchecked = {m.id for m in without_far_check(db, [r.model for r in results])}
    rows: list[dict[str, Any]] = [
        {
            "rubric": f"{r.model.rubric_id} v{r.model.rubric_version}",
            "rubric_id": r.model.rubric_id,
            "rubric_version": r.model.rubric_version,
            "criterion": r.model.criterion,
            "model_id": r.model.id,
            "reliable": r.model.reliable,
            "scored": r.scored,
            "unchanged": r.unchanged,
            "far": r.far,
            "far_check": r.model.id not in unchecked,
            "withheld": sum(r.withheld.values()),
            "withheld_where": r.withheld,
            "unmeasured": r.unmeasured,
            "covered": r.covered,
            "in_scope": r.in_scope,
            "left_out": r.left_out,
            "coverage": f"{r.covered} of {r.in_scope} ({r.covered / r.in_scope:.0%})" if r.in_scope else "-",
        }
        for r in results
    ]
    if fmt == "json":
        print_json({"models": rows})
        return
    for row in rows:
        row["shown"] = "yes" if row["reliable"] else "no (not reliable)"
        if not row["reliable"]:  # none of its figures is shown: withholding some says nothing
            row["withheld"] = "-"
    _print(
        rows,
        [
            ("Rubric", "rubric"),
            ("Criterion", "criterion"),
            ("Scored", "scored"),
            ("Coverage", "coverage"),
            ("Far", "far"),
            ("Withheld", "withheld"),
            ("Shown", "shown"),
        ],
        "AutoQA scores (machine estimates, stored apart from human scores)",
    )
    total = max((r["in_scope"] for r in rows), default=0)
    info(f"{plural(total, 'conversation')} in scope; up to date for every model.")
    far = max((r["far"] for r in rows if r["reliable"]), default=0)
    if far:
        info(
            f"{plural(far, 'conversation')} outside what AutoQA was trained on (Far): unlike every reviewed one, "
            f"so no figure is shown or used for {'it' if far == 1 else 'them'}; review some of them and train again."
        )
    _kind_lines([(row["rubric"] + " " + row["criterion"], row) for row in rows if row["reliable"]])
    kept = max((r["unchanged"] for r in rows), default=0)
    if kept:
        info(
            f"{plural(kept, 'conversation')} analysed again or edited kept {'its' if kept == 1 else 'their'} scores: "
            "the figures AutoQA reads did not change."
        )
    hint = far_check_hint([r.model for r in results if r.model.id in unchecked])
    if hint:
        info(hint)
    left_out = {f"{r.model.rubric_id} v{r.model.rubric_version}": r.left_out for r in results if r.left_out}
    for rubric, count in left_out.items():
        info(f"{plural(count, 'conversation')} left out of {rubric}: its rubric does not apply to them (applies_to).")


@autoqa_group.command("status")
@click.option("--rubric", "rubric_id", help="Only the models of this rubric id.")
@table_or_json
@click.pass_context
def status_command(ctx: click.Context, rubric_id: str | None, fmt: str) -> None:
    """The active models: reliability, agreement with the reviewers, data, date.

    "Scored" counts the conversations scored, of those the rubric applies to, and how many
    of them are far (outside what AutoQA was trained on) or withheld (of a channel or language
    where the model is not reliable): no figure is shown or used for those.

    \b
    Example:
      cxreview autoqa status --format json
    """
    from cxreview.autoqa.score import far_check_hint, scope, unmeasured_counts, without_far_check
    from cxreview.errors import NotFoundError
    from cxreview.store.autoqa import active_models, model_params
    from cxreview.store.autoqa_withheld import score_kinds

    with database(ctx) as db:
        models = active_models(db, rubric_id)
        known = sorted({m.rubric_id for m in active_models(db)}) if rubric_id and not models else []
        counted = {m.id: score_kinds(db, m.id) for m in models}
        far = {m.id: counted[m.id].far for m in models}
        counts = scope(db, models)
        unchecked = {m.id for m in without_far_check(db, models)}
        segments = {m.id: model_params(db, m.id).get("segments") or [] for m in models}
    kinds: dict[int, dict[str, Any]] = {
        m.id: {
            "withheld": counted[m.id].withheld,
            "withheld_where": counted[m.id].withheld_where,
            "unmeasured": unmeasured_counts(segments[m.id], counted[m.id].usable_kinds),
        }
        for m in models
    }
    scored = {mid: n for mid, (n, _) in counts.items()}
    of = {mid: n for mid, (_, n) in counts.items()}
    if known:
        raise NotFoundError(f'no AutoQA models of rubric "{rubric_id}"', f"use --rubric {' or '.join(known)}")
    if fmt == "json":
        listed = [
            {
                **asdict(m),
                "scored": scored[m.id],
                "in_scope": of[m.id],
                "far": far[m.id],
                "far_check": m.id not in unchecked,
                **kinds[m.id],
                "segments": segments[m.id],
            }
            for m in models
        ]
        print_json({"models": listed})
        return
    if not models:
        info("No AutoQA models yet: run cxreview autoqa train.")
        return
    rows = [
        {
            "rubric": f"{m.rubric_id} v{m.rubric_version}",
            "criterion": m.criterion,
            "reliable": "yes" if m.reliable else "no",
            "alpha": _alpha(m),
            "reviewers": _figure(m.reviewers_alpha),
            "exact": _figure(m.exact, percent=True),
            "within": _figure(m.within_one, percent=True),
            "n": m.n_reviews,
            "scored": f"{scored[m.id]} of {of[m.id]}"
            + _left_out(far[m.id], kinds[m.id]["withheld"] if m.reliable else 0),
            "trained": m.trained_at[:16].replace("T", " "),
        }
        for m in models
    ]
    _print(
        rows,
        [
            ("Rubric", "rubric"),
            ("Criterion", "criterion"),
            ("Reliable", "reliable"),
            ("Alpha [95%]", "alpha"),
            ("Reviewers", "reviewers"),
            ("Exact", "exact"),
            ("±1", "within"),
            ("Scores", "n"),
            ("Scored", "scored"),
            ("Trained", "trained"),
        ],
        "AutoQA models",
    )
    for m in models:
        if not m.reliable:
            info(f"{m.rubric_id} {m.criterion}: {m.reason}")
    _segment_warnings(
        [(f"{m.rubric_id} v{m.rubric_version} {m.criterion}", m.reliable, segments[m.id]) for m in models]
    )
    _kind_lines([(f"{m.rubric_id} v{m.rubric_version} {m.criterion}", kinds[m.id]) for m in models if m.reliable])
    hint = far_check_hint([m for m in models if m.id in unchecked])
    if hint:
        info(hint)


def _left_out(far: int, withheld: int) -> str:
    """ " (3 far, 40 withheld)": the scores kept out of figures, and why."""
    parts = [f"{far} far"] * bool(far) + [f"{withheld} withheld"] * bool(withheld)
    return f" ({', '.join(parts)})" if parts else ""
