"""Hostile rubric files: small, quick, one clear error each (issue 14 items 8, 14, 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cxreview.cli import cli
from tests.conftest import REPO

BASE = (REPO / "rubrics" / "default.yaml").read_text(encoding="utf-8")
FIRST = "    allow_na: false\n"  # the first criterion's allow_na line
WEIGHT = "    weight: 2\n"  # the first criterion's weight


def _alias_bomb(levels: int = 9) -> str:
    items = ["&a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)
    ]
    return "[" + ", ".join(items) + "]"


CASES = {
    "huge scale": (
        BASE.replace("scale: {min: 1, max: 5}", "scale: {min: 1, max: 100000000}", 1),
        "a scale of 100,000,000 levels is more than a reviewer can use (at most 100)",
    ),
    "alias bomb in weight": (
        BASE.replace(WEIGHT, "    weight: " + _alias_bomb() + "\n", 1),
        "holds more than 20,000 values",
    ),
    "alias bomb in critical.below": (
        BASE.replace("critical: {below: 2, effect: flag}", "critical: {below: " + _alias_bomb() + ", effect: flag}", 1),
        "holds more than 20,000 values",
    ),
    "deep nesting": ("id: x\nname: " + "[" * 100_000 + "]" * 100_000 + "\n", "nest"),
    "deep block nesting": ("id: x\nname:\n" + "".join("  " * i + "- \n" for i in range(200)), "nests more than"),
    "python tag": (
        BASE.replace("name: ", "name: !!python/object/apply:os.system ['echo hi']\nx_name: ", 1),
        'the YAML tag "tag:yaml.org,2002:python/object/apply:os.system" is not allowed',
    ),
    "unknown tag": (BASE.replace(FIRST, "    allow_na: !custom false\n", 1), 'the YAML tag "!custom" is not allowed'),
    "nan weight": (BASE.replace(WEIGHT, "    weight: .nan\n", 1), "weight must be a number above 0 (got nan)"),
    "inf weight": (BASE.replace(WEIGHT, "    weight: .inf\n", 1), "weight must be a number above 0 (got inf)"),
    "nan threshold": (BASE.replace("pass_threshold: 70", "pass_threshold: .nan", 1), "pass_threshold"),
    "too large": ("id: x\ndescription: " + "x" * 1_000_001 + "\n", "the limit is 1,000,000"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_rubric_is_one_clear_error(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["rubric", "check", str(path)])
    assert result.exit_code == 1
    assert expected in result.output, result.output[-2000:]
    assert "Traceback" not in result.output
    assert len(result.output) < 5000  # never an expanded value, never thousands of lines


def test_thousands_of_mistakes_list_the_first_fifty(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("".join(f"k{i}: v\n" for i in range(3000)) + BASE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["rubric", "check", str(path)])
    assert result.exit_code == 1
    assert "3000 mistakes in the rubric (the first 50 shown)" in result.output
    assert result.output.count("unknown key") == 50
