"""`cxreview sample`: create a review session."""

from __future__ import annotations

import click

from cxreview.commands.common import (
    command_line,
    database,
    filter_options,
    filters_from,
    info,
    plural,
    progress_bar,
    typed_db,
)
from cxreview.commands.global_options import print_json, table_or_json


@click.command("sample")
@click.option("--size", type=int, help="How many conversations (the cap, with --per-agent).")
@click.option(
    "--strategy",
    type=click.Choice(["random", "stratified", "spotlight", "autoqa-low", "uncertain"]),
    default="random",
    show_default=True,
)
@click.option(
    "--per-agent", "per_group", type=int, help="Stratified: conversations per agent (or per queue with --by)."
)
@click.option(
    "--by",
    "group_by",
    type=click.Choice(["agent", "queue"]),
    default="agent",
    show_default=True,
    help="Stratified: group by agent or queue.",
)
@click.option(
    "--seed",
    # Stored with the session (a 64-bit integer in both engines): a larger one was a traceback.
    type=click.IntRange(-(2**63), 2**63 - 1),
    help="Random seed; the same database, filters and seed give the same session.",
)
@click.option("--name", help="Session name (default: date and strategy).")
@click.option("--reviewer", "reviewers", multiple=True, help="Reviewer (repeatable); the sample is split among them.")
@click.option("--calibration", is_flag=True, help="Every reviewer gets every conversation, scored blind.")
@click.option("--rubric", default="default", show_default=True, help="Rubric YAML file or shipped name.")
@click.option(
    "--bot-rubric",
    help="A second rubric for the bot's part: bot-only conversations get it, hybrid ones both rubrics.",
)
@click.option(
    "--random-share",
    type=float,
    default=0.2,
    show_default=True,
    help="Spotlight, autoqa-low, uncertain: share of plain random picks.",
)
@click.option(
    "--criterion",
    metavar="ID",
    help="autoqa-low, uncertain: rank on this criterion only (default: all criteria the strategy uses).",
)
@click.option("--min-messages", type=int, default=0, help="Leave out conversations with fewer messages.")
@click.option("--include-reviewed", is_flag=True, help="Also pick conversations already reviewed or in a session.")
@filter_options
@table_or_json
@click.pass_context
def sample_command(
    ctx: click.Context,
    size: int | None,
    strategy: str,
    per_group: int | None,
    group_by: str,
    seed: int | None,
    name: str | None,
    reviewers: tuple[str, ...],
    calibration: bool,
    rubric: str,
    bot_rubric: str | None,
    random_share: float,
    criterion: str | None,
    min_messages: int,
    include_reviewed: bool,
    fmt: str,
    **filters: object,
) -> None:
    """Sample conversations into a named review session.

    random: uniform; stratified: K per agent, so every agent is reviewed fairly;
    spotlight: weighted towards risky conversations (emotion spikes, bot loops, stuck in
    bot, ...) with a share of random picks so scores stay representative.
    autoqa-low: the lowest AutoQA machine scores (predicted review score over the reliable
    criteria, or one --criterion); not-reliable models never decide what is read, nor do
    conversations outside what AutoQA was trained on (a note counts them).
    uncertain: where AutoQA is least sure, from any active model, reliable or not: those
    reviews teach a model most, which is how one whose verdict says "more reviews needed"
    becomes reliable (not one whose reviewers disagree: calibrate that rubric first).
    Both need 'cxreview autoqa score' first and mix in --random-share random picks.

    \b
    Examples:
      cxreview sample --size 20 --reviewer ana --reviewer ben
      cxreview sample --strategy stratified --per-agent 3 --since 2026-11-01
      cxreview sample --strategy spotlight --size 30 --queue billing --seed 7
      cxreview sample --size 10 --calibration --reviewer ana --reviewer ben --name calib-nov
      cxreview sample --size 20 --rubric default --bot-rubric bot
      cxreview sample --strategy autoqa-low --size 20 --seed 7 --reviewer ana
      cxreview sample --strategy uncertain --size 15 --criterion empathy --random-share 0.1
      cxreview sample --size 20 --reviewer ana --format json | jq .name
    """
    from cxreview.rubrics import resolve_rubric
    from cxreview.sampling import SampleRequest, create_session

    if strategy == "stratified" and per_group is None:
        per_group = 3
    request = SampleRequest(
        size=size,
        strategy=strategy,
        per_group=per_group,
        group_by=group_by,
        seed=seed,
        name=name,
        reviewers=[r.strip() for r in reviewers if r.strip()],
        calibration=calibration,
        filters=filters_from(filters),
        min_messages=min_messages,
        include_reviewed=include_reviewed,
        random_share=random_share,
        criterion=criterion,
    )
    chosen_rubric = resolve_rubric(rubric)
    chosen_bot = resolve_rubric(bot_rubric) if bot_rubric else None
    with database(ctx) as db, progress_bar("Sampling", 2) as bar:
        result = create_session(db, request, chosen_rubric, bot_rubric=chosen_bot, phases=bar)
    if fmt == "json":
        from dataclasses import asdict

        print_json(
            {
                "name": result.name,
                "seed": result.seed,
                "rubric": {"id": chosen_rubric.id, "version": chosen_rubric.version},
                "bot_rubric": {"id": chosen_bot.id, "version": chosen_bot.version} if chosen_bot else None,
                "calibration": calibration,
                "picks": [asdict(pick) for pick in result.picks],
                "assignments": result.assignments,
                "notes": result.notes,
            }
        )
        return
    kinds: dict[str, int] = {}
    for pick in result.picks:
        kinds[pick.pick] = kinds.get(pick.pick, 0) + 1
    breakdown = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    info(
        f'Created session "{result.name}": {plural(len(result.picks), "conversation")} ({breakdown}), '
        f"rubric {chosen_rubric.id} v{chosen_rubric.version}"
        + (f", bot rubric {chosen_bot.id} v{chosen_bot.version}" if chosen_bot else "")
        + f", seed {result.seed}."
    )
    for reviewer, ids in result.assignments.items():
        mode = " (blind calibration)" if calibration else ""
        info(f"  {reviewer}: {plural(len(ids), 'conversation')}{mode}")
    for note in result.notes:
        info(f"Note: {note}")
    first = next(iter(result.assignments))
    db_words = ("--db", db_file) if (db_file := typed_db(ctx)) else ()
    info(f"Next: {command_line(*db_words, 'review', result.name, '--reviewer', first)}")
