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


class CxGroup(click.Group):
    """Turns every CxReviewError raised by a command into a one-line CLI error."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # registration order, not alphabetical

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


def _register() -> None:
    from cxreview.commands import (
        analyze_cmd,
        autoqa_cmd,
        calibrate_cmd,
        db_cmd,
        demo_cmd,
        disputes_cmd,
        export_cmd,
        import_cmd,
        insights_cmd,
        report_cmd,
        review_cmd,
        reviews_cmd,
        rubric_cmd,
        sample_cmd,
        scores_cmd,
        sessions_cmd,
    )

    # In pipeline order: `cxreview --help` lists them as a day's work goes.
    cli.add_command(import_cmd.import_command)
    cli.add_command(analyze_cmd.analyze_command)
    cli.add_command(sample_cmd.sample_command)
    cli.add_command(sessions_cmd.sessions_group)
    cli.add_command(review_cmd.review_command)
    cli.add_command(reviews_cmd.reviews_group)
    cli.add_command(disputes_cmd.disputes_group)
    cli.add_command(calibrate_cmd.calibrate_command)
    cli.add_command(autoqa_cmd.autoqa_group)
    cli.add_command(export_cmd.export_command)
    cli.add_command(report_cmd.report_command)
    cli.add_command(insights_cmd.insights_command)
    cli.add_command(rubric_cmd.rubric_group)
    cli.add_command(scores_cmd.scores_group)
    cli.add_command(demo_cmd.demo_command)
    cli.add_command(db_cmd.db_group)
    from cxreview.commands.global_options import add_global_options

    for command in cli.commands.values():
        add_global_options(command)


_register()


def main() -> None:
    cli(prog_name="cxreview")
