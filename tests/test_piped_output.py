"""Piped output at 80 columns: no styles, nothing wider than 80, no word broken, no column lost."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console

from cxreview import reviews
from cxreview.cli import cli
from cxreview.demo.build import build_demo
from cxreview.reports.text_table import FitTable
from cxreview.rubrics import resolve_rubric
from cxreview.store.search import overview_rows

LONG_REASON = "I apologised twice, offered a replacement and the customer thanked me warmly afterwards"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("piped") / "demo.db"
    db, _ = build_demo(path)
    rubric = resolve_rubric("default")
    rows = [r for r in overview_rows(db, "conversation_overview") if r["agent"]][:12]
    for index, row in enumerate(rows):
        for reviewer in ("ana", "ben"):
            review = reviews.start_review(db, row["conversation_id"], reviewer, rubric)
            for criterion in rubric.criteria:
                reviews.set_score(db, review.id, criterion.id, 2 + (index + len(reviewer)) % 3)
            reviews.submit(db, review.id)
    db.close()
    for args in (
        ("sample", "--size", "8", "--strategy", "spotlight", "--name", "s", "--reviewer", "ana", "--reviewer", "ben"),
        ("disputes", "open", "1", "--criterion", "empathy", "--by", "Sanne", "--reason", LONG_REASON),
    ):
        assert _run(path, *args).exit_code == 0
    return path


def _run(path: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", str(path), *args], env={"COLUMNS": "80"}, catch_exceptions=False)


def _flat(text: str) -> str:
    """The words of a table as one line: box drawing and block separators become spaces."""
    return " ".join(re.sub(r"[\u2500-\u257f·]", " ", text).split())


COMMANDS = [
    ("sessions",),
    ("sessions", "show", "s"),
    ("insights",),
    ("calibrate",),
    ("disputes", "list"),
    ("disputes", "stats"),
    ("reviews", "history", "1"),
    ("db", "info"),
    ("rubric", "show", "default"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_every_data_command_fits_80_columns_when_piped(demo: Path, args: tuple[str, ...]) -> None:
    result = _run(demo, *args)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output  # no styles off a terminal
    for line in result.output.splitlines():
        assert len(line) <= 80, f"{len(line)} columns: {line}"
        assert line == line.rstrip(), f"trailing spaces: {line!r}"


def test_long_texts_wrap_at_words_and_no_column_is_lost(demo: Path) -> None:
    shown = set(_flat(_run(demo, "sessions", "show", "s").output).split())
    items = json.loads(_run(demo, "sessions", "show", "s", "--format", "json").output)["items"]
    for item in items:  # every word of every reason, whole (a word folded mid-way would be split)
        assert set(item["reason"].split()) <= shown and item["conversation_id"] in shown
    assert _flat(LONG_REASON) in _flat(_run(demo, "disputes", "list").output)
    insights = set(_flat(_run(demo, "insights").output).split())
    headers = {"mean", "peak", "frustration", "ended", "worse", "agent-phase", "spike", "came", "back"}
    assert headers <= insights  # every column is there: as a column, or as a label of the narrow layout


def test_an_empty_table_prints_a_dash_row() -> None:
    console = Console(width=80, record=True)
    console.print(FitTable("Nothing", ["Name", "n"], []))
    assert "│ -" in console.export_text()


def test_a_table_too_wide_for_its_words_becomes_blocks() -> None:
    table = FitTable("T", ["Name", "first measure", "second measure"], [["Fatima El Amrani", "12%", "0.31"]])
    wide, narrow = Console(width=80, record=True), Console(width=28, record=True)
    wide.print(table)
    narrow.print(table)
    assert "┃ Name" in wide.export_text()
    assert [line.rstrip() for line in narrow.export_text().splitlines()] == [
        "T",
        "Fatima El Amrani",
        "  first measure: 12% ·",
        "  second measure: 0.31",
    ]
