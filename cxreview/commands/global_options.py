"""Global options (--db, --quiet, --format) accepted after the subcommand as well as before it.

`cxreview sessions --db x.db` is how people type it next to sqlite-utils; click only knows
group options before the subcommand. Every subcommand therefore gets copies of the global
options that write into the shared context object (``ctx.obj``) instead of into the function's
arguments, so the commands read one place whichever position was used.
"""

from __future__ import annotations

from typing import Any

import click


def _store(key: str) -> Any:
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None or value is False:
            return  # not given here: the value before the subcommand (or its default) stands
        if ctx.obj is None:
            ctx.obj = {}
        ctx.obj[key] = value

    return callback


def _options() -> list[click.Option]:
    return [
        click.Option(
            ["--db"],
            expose_value=False,
            default=None,
            type=click.Path(dir_okay=False),
            callback=_store("db_path"),
            help="Database (same as before the subcommand).",
        ),
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            default=False,
            expose_value=False,
            callback=_store("quiet"),
            help="No progress bars and no status messages.",
        ),
    ]


def add_global_options(command: click.Command) -> None:
    """Add --db and -q/--quiet to a command and to every subcommand of a group (where missing)."""
    taken = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for option in _options():
        if not taken.intersection(option.opts):
            command.params.append(option)
    for param in command.params:
        choices = getattr(param.type, "choices", ())
        if (
            isinstance(param, click.Option)
            and param.name == "fmt"
            and "json" in choices
            and not callable(param.default)
        ):
            param.show_default = str(param.default)
            param.default = _format_default(param.default, choices)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_global_options(sub)


def table_or_json(function: Any) -> Any:
    """--format table|json for a command that prints data (unset: the global --format, see add_global_options)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        help="table (default) or json: stable keys, no styles, strict RFC 8259 (no NaN).",
    )(function)


def _format_default(static: Any, choices: Any) -> Any:
    """The default of a data command's --format: the global --format when this command offers it."""

    def default() -> Any:
        ctx = click.get_current_context(silent=True)
        chosen = (ctx.obj or {}).get("format") if ctx else None
        if chosen in choices:
            return chosen
        if chosen == "table" and "text" in choices:
            return "text"
        return static

    return default


def is_quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.obj and ctx.obj.get("quiet"))


def _finite(value: Any) -> Any:
    """NaN and infinities become null: RFC 8259 has no such numbers and strict parsers refuse them."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def print_json(data: Any) -> None:
    """Data as strict JSON on stdout: sorted keys (stable for diffs and jq), no styles, no NaN."""
    import json

    click.echo(json.dumps(_finite(data), indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False, default=str))
