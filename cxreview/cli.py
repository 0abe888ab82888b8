"""The click command line: parse options, call the headless core, print results.

Keep imports inside commands: ``cxreview --help`` and batch commands must stay fast
and must never load textual.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from cxreview import __version__
from cxreview.errors import CxReviewError, InputError


class CliError(click.ClickException):
    """Print a CxReviewError as one line (plus listed problems) on stderr."""

    def __init__(self, error: CxReviewError) -> None:
        super().__init__(error.one_line())
        self.error = error
        self.exit_code = error.exit_code  # type: ignore[misc]  # per error, not per class

    def show(self, file: Any = None) -> None:
        from cxreview.hygiene import clean_for_terminal  # errors quote names: clean them too

        out = file or sys.stderr
        if isinstance(self.error, InputError):
            for problem in self.error.problems:
                click.echo(clean_for_terminal(problem), file=out)
        click.echo(f"Error: {clean_for_terminal(self.error.one_line())}", file=out)


# The subcommands, in pipeline order (`cxreview --help` lists them as a day's work goes), as
# module and attribute under cxreview.commands: a command's module is imported when the
# command is used, so `cxreview review` does not import the fifteen others (about 25 ms).
COMMANDS = {
    "import": ("import_cmd", "import_command"),
    "analyze": ("analyze_cmd", "analyze_command"),
    "sample": ("sample_cmd", "sample_command"),
    "sessions": ("sessions_cmd", "sessions_group"),
    "review": ("review_cmd", "review_command"),
    "reviews": ("reviews_cmd", "reviews_group"),
    "disputes": ("disputes_cmd", "disputes_group"),
    "calibrate": ("calibrate_cmd", "calibrate_command"),
    "autoqa": ("autoqa_cmd", "autoqa_group"),
    "export": ("export_cmd", "export_command"),
    "report": ("report_cmd", "report_command"),
    "insights": ("insights_cmd", "insights_command"),
    "rubric": ("rubric_cmd", "rubric_group"),
    "scores": ("scores_cmd", "scores_group"),
    "demo": ("demo_cmd", "demo_command"),
    "db": ("db_cmd", "db_group"),
}


class CxGroup(click.Group):
    """Loads each subcommand when it is used, and turns every CxReviewError raised by a
    command into a one-line CLI error."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)  # pipeline order, not alphabetical

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import importlib

            from cxreview.commands.global_options import add_global_options

            module, attribute = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"cxreview.commands.{module}"), attribute)
            add_global_options(command)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CxReviewError as error:
            raise CliError(error) from None
        except BrokenPipeError:  # e.g. `cxreview export | head`
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:  # a database failure (read-only, disk full, no rights) is one line
            from cxreview.store.connection import explain_database_error

            explained = explain_database_error(exc, ctx.obj.get("db_path") if ctx.obj else None)
            if explained is None:
                raise
            raise CliError(explained) from None


@click.group(cls=CxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="CXREVIEW_DB",
    default="cxreview.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file, or postgresql://USER@HOST:PORT/DBNAME for a team server (or set CXREVIEW_DB).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bars and no status messages (data and errors still print)."
)
@click.option(
    "--format",
    "global_format",
    type=click.Choice(["table", "json"]),
    help="Default output of every command that prints data (its own --format wins).",
)
@click.version_option(__version__, prog_name="cxreview")
@click.pass_context
def cli(ctx: click.Context, db_path: str, quiet: bool, global_format: str | None) -> None:
    """Review contact-center conversations for empathy, transparency and quality.

    \b
    Typical day:
      cxreview import chats.jsonl
      cxreview sample --size 20 --strategy spotlight --reviewer ana
      cxreview review --reviewer ana

    Try it on demo data first:  cxreview demo
    """
    ctx.obj = {"db_path": db_path, "quiet": quiet, "format": global_format}


def main() -> None:
    cli(prog_name="cxreview")
