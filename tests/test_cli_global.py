"""Global options in both positions, --format json on data commands, --quiet, NO_COLOR."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cxreview.cli import cli
from cxreview.demo.build import build_demo
from tests.conftest import conversation


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db, _ = build_demo(path)
    db.close()
    made = _run("--db", str(path), "sample", "--size", "5", "--name", "demo", "--reviewer", "ana", "--seed", "3")
    assert made.exit_code == 0, made.output
    return path


def _run(*args: str, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result


def _strict(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"{constant} is not RFC 8259 JSON")

    assert "\x1b" not in text
    return json.loads(text, parse_constant=refuse)


def test_db_before_or_after_the_subcommand(demo: Path, tmp_path: Path) -> None:
    before = _run("--db", str(demo), "sessions", "--format", "json")
    after = _run("sessions", "--db", str(demo), "--format", "json")
    nested = _run("sessions", "show", "demo", "--db", str(demo), "--format", "json")
    assert before.exit_code == after.exit_code == nested.exit_code == 0, after.output + nested.output
    assert _strict(before.output) == _strict(after.output)
    assert [s["name"] for s in _strict(after.output)] == ["demo"]
    assert _strict(nested.output)["session"]["name"] == "demo"
    # After the subcommand wins over before it: the later, closer one is what the user meant.
    missing = _run("--db", str(demo), "db", "info", "--db", str(tmp_path / "nope.db"))
    assert missing.exit_code != 0 and "nope.db" in missing.output


def test_global_format_before_the_subcommand(demo: Path) -> None:
    result = _run("--format", "json", "--db", str(demo), "db", "info")
    data = _strict(result.output)
    assert data["engine"] == "sqlite" and data["rows"]["conversations"] == 300
    assert list(data) == sorted(data)  # stable keys


@pytest.mark.parametrize(
    "args",
    [
        ("sessions",),
        ("sessions", "show", "demo"),
        ("db", "info"),
        ("rubric", "show", "default"),
        ("insights",),
        ("disputes", "list"),
        ("disputes", "stats"),
    ],
)
def test_every_data_command_prints_strict_json(demo: Path, args: tuple[str, ...]) -> None:
    result = _run(*args, "--db", str(demo), "--format", "json")
    assert result.exit_code == 0, result.output
    _strict(result.output)


def test_sample_json_and_quiet(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(demo, copy)
    data = _strict(_run("sample", "--size", "3", "--seed", "1", "--db", str(copy), "--format", "json").output)
    assert len(data["picks"]) == 3 and data["seed"] == 1
    quiet = _run("sample", "--size", "3", "--db", str(copy), "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    quiet_before = _run("--quiet", "--db", str(copy), "sample", "--size", "2")
    assert quiet_before.exit_code == 0 and quiet_before.output == ""
    loud = _run("--db", str(copy), "sample", "--size", "2")
    assert "Created session" in loud.output


def test_import_quiet_in_both_positions(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(conversation()) + "\n", encoding="utf-8")
    after = _run("import", str(source), "--db", str(tmp_path / "a.db"), "--quiet")
    before = _run("-q", "--db", str(tmp_path / "b.db"), "import", str(source))
    assert after.exit_code == before.exit_code == 0
    assert after.output == before.output == ""
    assert "Imported 1 conversation" in _run("import", str(source), "--db", str(tmp_path / "c.db")).output


def test_no_color_removes_every_style(demo: Path) -> None:
    styled = _run("rubric", "show", "default", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[1m" in styled.output  # the test can fail: a forced terminal does get bold
    plain = _run("rubric", "show", "default", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.exit_code == 0 and "\x1b[" not in plain.output
    piped = _run("rubric", "show", "default")
    assert "\x1b[" not in piped.output and "Pass threshold" in piped.output


def test_no_formula_guard_writes_text_as_stored(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    tweet = conversation(messages=[{"role": "customer", "text": "@jansen_nl =1+1 my order?"}])
    source.write_text(json.dumps(tweet) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert _run("import", str(source), "--db", db).exit_code == 0
    guarded = _run("export", "--level", "message", "--db", db).output
    raw = _run("export", "--level", "message", "--no-formula-guard", "--db", db).output
    assert "'@jansen_nl =1+1 my order?" in guarded
    assert ",@jansen_nl =1+1 my order?," in raw and "'@" not in raw


def test_demo_is_silent_with_quiet(tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    quiet = _run("demo", "--path", str(target), "--no-tui", "-q")
    assert quiet.exit_code == 0 and quiet.output == "" and target.exists()
    assert "Reusing the demo database" in _run("demo", "--path", str(target), "--no-tui").output
