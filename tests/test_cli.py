"""The command line: help everywhere, one-line errors, stdin, and a light import path."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cxreview.cli import cli
from tests.conftest import PACKAGE_PARENT, REPO, conversation


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None and command.name == name, f"{name} loads {command}"
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_all_commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("path", _all_commands(cli))
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"{' '.join(path)} --help shows no example"


def test_every_command_is_documented_in_the_readme_or_docs() -> None:
    text = (REPO / "README.md").read_text() + "".join(p.read_text() for p in (REPO / "docs").glob("*.md"))
    for path in _all_commands(cli):
        assert f"cxreview {' '.join(path)}" in text, f"'cxreview {' '.join(path)}' is not documented"


def _run(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cxreview", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        cwd=cwd or PACKAGE_PARENT,
        timeout=120,
    )


def test_help_and_batch_commands_never_import_textual(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from cxreview.cli import cli\n"
        "try:\n"
        "    cli(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    print('TEXTUAL_LOADED' if 'textual' in sys.modules else 'TEXTUAL_ABSENT')\n"
    )
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(conversation("c1")) + "\n")
    for args in (["--help"], ["--db", str(tmp_path / "x.db"), "import", "-q", str(source)]):
        out = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=PACKAGE_PARENT, timeout=120
        )
        assert out.stdout.strip().endswith("TEXTUAL_ABSENT"), out.stdout + out.stderr


def test_a_command_loads_only_its_own_module() -> None:
    probe = (
        "import sys\n"
        "from cxreview.cli import cli\n"
        "try:\n"
        "    cli(['review', '--help'], standalone_mode=False)\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.startswith('cxreview.commands.') and m.endswith('_cmd')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PACKAGE_PARENT, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "['cxreview.commands.review_cmd']", out.stdout + out.stderr


def test_user_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(conversation("c1", messages=[{"role": "robot", "text": "x"}])) + "\n")
    result = _run("--db", str(tmp_path / "x.db"), "import", str(bad))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert 'message 1 has role "robot"' in err
    assert err.strip().splitlines()[-1].startswith("Error: nothing was imported")

    missing = _run("--db", str(tmp_path / "x.db"), "import", str(tmp_path / "missing.jsonl"))
    assert missing.returncode == 1
    assert (
        missing.stderr.decode().strip()
        == f"Error: {tmp_path / 'missing.jsonl'}: no such file; check the path (use - to read standard input)"
    )

    bad_option = _run("--db", str(tmp_path / "x.db"), "import", "--roles", "robot", str(bad))
    assert bad_option.returncode == 2
    assert "SOURCE=TARGET" in bad_option.stderr.decode()
    assert "Traceback" not in bad_option.stderr.decode()


def test_import_from_stdin_gzip_and_env_database(tmp_path: Path) -> None:
    payload = gzip.compress((json.dumps(conversation("s1")) + "\n").encode())
    result = _run("import", "-", stdin=payload, env={"CXREVIEW_DB": str(tmp_path / "env.db")})
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout.decode()
    assert (tmp_path / "env.db").exists()


def test_default_database_is_created_in_the_working_folder(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(conversation("c1")) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "CXREVIEW_DB"}
    env["PYTHONPATH"] = str(PACKAGE_PARENT)
    result = subprocess.run(
        [sys.executable, "-m", "cxreview", "import", str(source)],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cxreview.db").exists()


def test_summary_line(run_cli, write_jsonl) -> None:
    path = write_jsonl([conversation("a"), conversation("b")])
    result = run_cli("import", str(path))
    assert result.exit_code == 0
    assert "Imported 2 conversations (6 messages) from 1 file: 2 new, 0 updated, 0 unchanged." in result.output
