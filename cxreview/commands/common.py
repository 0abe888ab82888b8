"""Helpers shared by the CLI commands: opening the database, progress bars, console."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from cxreview.store import Database, open_database


def database(ctx: click.Context, create: bool = False) -> Database:
    db = open_database(ctx.obj["db_path"], create=create)
    from cxreview.store.calibrated import state

    if state(db.conn) == "stale" and not getattr(db, "read_only", False):
        from cxreview.calibrated import refresh

        refresh(db)  # a database just upgraded to schema 11: fill its stored calibrated scores
    return db


def skip_exit_collection() -> None:
    """Let the process end without the garbage collector's last walk over everything alive.

    After an analysis the command's process holds the lexicons, cue indexes and compiled
    rules it built for its workers (hundreds of thousands of objects, handed back to the
    collector when the analysis ended); at exit Python's collector examined every one of
    them again: ~0.1 s of CPU, serial, after the work was done (benchmarks/analyze_split.py,
    "not in any report": 0.11-0.14 s -> 0.03 s). Frozen at exit, they are freed by reference
    counting as modules are torn down, as before; only the search for reference cycles
    among them is skipped. Registered at exit, not done now: under a test runner the
    process goes on and its collector must keep working."""
    import atexit
    import gc

    atexit.register(gc.freeze)


def stderr_console() -> Any:
    return safe_console(stderr=True)


def safe_console(stderr: bool = False) -> Any:
    """A rich Console that cleans every piece of text it prints (but not its own styling).

    Names, labels and notes come from a database other people write to: an escape sequence
    that slipped in could retitle a reviewer's terminal or fill their clipboard (OSC 52).
    """
    import os

    # NO_COLOR (no-color.org) means no styles at all: rich alone drops colour but keeps bold.
    # Off a terminal rich already prints plain text.
    plain = bool(os.environ.get("NO_COLOR"))
    return _safe_console_class()(stderr=stderr, **({"color_system": None} if plain else {}))


_SAFE_CONSOLE: list[Any] = []


def _safe_console_class() -> Any:
    if not _SAFE_CONSOLE:
        from rich.console import Console
        from rich.segment import Segment

        from cxreview.hygiene import clean_for_terminal

        class SafeConsole(Console):
            def _render_buffer(self, buffer: Any) -> str:
                cleaned = (
                    segment if segment.control else Segment(clean_for_terminal(segment.text), segment.style)
                    for segment in buffer
                )
                text = str(super()._render_buffer(cleaned))
                if not self.is_terminal:  # piped: no padding to the width at the ends of lines
                    text = "\n".join(line.rstrip() for line in text.split("\n"))
                return text

        _SAFE_CONSOLE.append(SafeConsole)
    return _SAFE_CONSOLE[0]


def echo(message: object = "", err: bool = False, nl: bool = True) -> None:
    """click.echo, with escapes and control characters removed from what is printed."""
    from cxreview.hygiene import clean_for_terminal

    click.echo(clean_for_terminal(str(message)), err=err, nl=nl)


def info(message: object = "", err: bool = False) -> None:
    """A status message (what was done, what to do next): silent under --quiet; cleaned like echo."""
    from cxreview.commands.global_options import is_quiet

    if not is_quiet():
        echo(message, err=err)


class TerminalSafeWriter:
    """Wraps standard output for exports: every write is cleaned like ``echo``."""

    def __init__(self, out: Any) -> None:
        from cxreview.hygiene import clean_for_terminal

        self.out = out
        self.clean = clean_for_terminal

    def write(self, text: str) -> int:
        return int(self.out.write(self.clean(text)))

    def flush(self) -> None:
        self.out.flush()


@contextmanager
def progress_bar(description: str, total: int | None, enabled: bool = True) -> Iterator[Any]:
    """A rich progress bar on a terminal; a silent stand-in when piped or --quiet."""
    from cxreview.commands.global_options import is_quiet

    if not enabled or is_quiet() or not sys.stderr.isatty():
        yield _SilentProgress()
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    class Counter(MofNCompleteColumn):
        """M/N, bytes while reading, a plain count (or nothing) while a phase has no total."""

        def render(self, task: Any) -> Any:
            from rich.text import Text

            if task.total is None:
                return Text(f"{task.completed:,.0f}" if task.completed else "")
            if task.description.startswith("Reading"):
                return DownloadColumn().render(task)
            return super().render(task)

    counter = Counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),  # descriptions name files and agents
        BarColumn(),  # pulses while a phase has no total
        counter,
        TimeElapsedColumn(),  # something always moves, also during one long query
        console=stderr_console(),
        transient=True,
        redirect_stdout=False,  # exports write rows to stdout meanwhile: never through the display
    ) as progress:
        task = progress.add_task(description, total=total)
        yield _RichProgress(progress, task)


class _SilentProgress:
    def advance(self, amount: int) -> None:
        pass

    def reset(self, description: str, total: int | None) -> None:
        pass


class _RichProgress:
    def __init__(self, progress: Any, task: Any) -> None:
        self.progress = progress
        self.task = task

    def advance(self, amount: int) -> None:
        self.progress.advance(self.task, amount)

    def reset(self, description: str, total: int | None) -> None:
        # A new task per phase: rich's reset keeps the old total, and a phase without one
        # must pulse; the elapsed time then counts this phase.
        self.progress.remove_task(self.task)
        self.task = self.progress.add_task(description, total=total)


def output_format(ctx: click.Context, fmt: str, output: str | None, offered: dict[str, str], command: str) -> str:
    """--format when given (after the subcommand, or before it as the global one), else the
    format the -o file name asks for (``-o sanne.html``: HTML), else the default."""
    from click.core import ParameterSource

    from cxreview.output_file import format_from_name

    if not output or ctx.get_parameter_source("fmt") not in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP):
        return fmt
    if (ctx.obj or {}).get("format") in offered.values():
        return fmt  # the global --format json chose it
    return format_from_name(output, offered, command) or fmt


def command_line(*words: object) -> str:
    """A cxreview command to print for pasting: every word shell-quoted (names with spaces,
    paths with brackets)."""
    import shlex

    return " ".join(shlex.quote(str(word)) for word in ("cxreview", *words))


def typed_db(ctx: click.Context) -> str | None:
    """The --db file typed on the command line (before or after the subcommand), to repeat in a
    printed next command; None when it came from CXREVIEW_DB or the default (the next command
    finds it the same way) or names a server (its URL may hold a password)."""
    from click.core import ParameterSource

    from cxreview.store.connection import is_server_url

    typed = ctx.get_parameter_source("db") == ParameterSource.COMMANDLINE or (
        ctx.parent is not None and ctx.parent.get_parameter_source("db_path") == ParameterSource.COMMANDLINE
    )
    target = str((ctx.obj or {}).get("db_path") or "")
    return target if typed and target and not is_server_url(target) else None


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Accept 2026-03-05 or a full ISO time (UTC unless it has an offset); anything else is a usage error."""
    if value is None:
        return None
    from cxreview.filters import parse_bound

    try:
        parse_bound(value)
    except ValueError:
        raise click.BadParameter(f'"{value}" is not a date; write it as 2026-03-05') from None
    return value


def filter_options(function: Any) -> Any:
    """The filters shared by export, sample and insights."""
    options = [
        click.option(
            "--since",
            "--from",
            "since",
            callback=_date,
            metavar="DATE",
            help="Conversations started on or after DATE (UTC, or give an offset: 2026-03-05T10:00+02:00).",
        ),
        click.option(
            "--to",
            "to",
            callback=_date,
            metavar="DATE",
            help="Conversations started on or before DATE (a bare date includes that whole UTC day).",
        ),
        click.option("--queue", "queues", multiple=True, help="Only this queue (repeatable)."),
        click.option("--channel", "channels", multiple=True, help="Only this channel (repeatable)."),
        click.option("--agent", "agents", multiple=True, help="Only this agent (repeatable)."),
        click.option("--language", "languages", multiple=True, help="Only this language, e.g. nl (repeatable)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def check_dates(since: str | None, to: str | None) -> None:
    """--to before --since matches nothing: say so, instead of an empty export or sample."""
    from cxreview.errors import UsageError
    from cxreview.filters import empty_range

    if empty_range(since, to):
        raise UsageError(
            f"--to {to} is before --since {since}, so nothing can match", f"swap them: --since {to} --to {since}"
        )


def filters_from(values: dict[str, Any]) -> Any:
    from cxreview.filters import Filters

    check_dates(values.get("since"), values.get("to"))
    return Filters(
        since=values.get("since"),
        to=values.get("to"),
        queues=list(values.get("queues") or []),
        channels=[c.lower() for c in values.get("channels") or []],
        agents=list(values.get("agents") or []),
        languages=[lang.lower() for lang in values.get("languages") or []],
    )


@contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner on stderr for work that takes seconds and has no natural progress count."""
    from cxreview.commands.global_options import is_quiet

    if is_quiet() or not sys.stderr.isatty():
        yield
        return
    from rich.text import Text

    with stderr_console().status(Text(message)):  # Text: names in the message are never markup
        yield
