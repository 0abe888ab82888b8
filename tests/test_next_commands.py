"""The commands cxreview prints to run next ("Next: ...", "Open it with:") work when pasted:
names and paths with spaces or brackets are shell-quoted, and a --db typed on the command
line is repeated (found pasting them: 'Next: cxreview review t --reviewer Ana de Vries')."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from cxreview.cli import cli
from tests.conftest import conversation


def _line_after(output: str, marker: str) -> list[str]:
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(marker):
            rest = line[len(marker) :].strip()
            return shlex.split(rest or lines[i + 1])
    raise AssertionError(f"no {marker!r} in {output}")


def test_demo_prints_a_command_that_survives_a_folder_with_a_space(tmp_path: Path) -> None:
    path = tmp_path / "Application Support" / "demo [1].db"
    path.parent.mkdir()
    result = CliRunner().invoke(cli, ["demo", "--no-tui", "--path", str(path)])
    assert result.exit_code == 0, result.output
    assert _line_after(result.output, "Open it with:") == [
        "cxreview", "--db", str(path), "review", "demo", "--reviewer", "demo",
    ]  # fmt: skip


@pytest.mark.sqlite_only(reason="a file path on the command line; a server URL is not repeated")
def test_sample_prints_a_review_command_with_quoted_names_and_the_typed_db(run_cli, write_jsonl, db_path) -> None:  # type: ignore[no-untyped-def]
    source = write_jsonl([conversation(f"c{i}") for i in range(3)])
    assert run_cli("import", "-q", str(source)).exit_code == 0
    result = run_cli("sample", "--size", "2", "--reviewer", "Ana de Vries", "--name", "team [a]")
    assert result.exit_code == 0, result.output
    assert _line_after(result.output, "Next:") == [
        "cxreview", "--db", str(db_path), "review", "team [a]", "--reviewer", "Ana de Vries",
    ]  # fmt: skip
