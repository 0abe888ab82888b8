"""Shared fixtures: throwaway databases under tmp_path and helpers to write inputs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cxreview
from cxreview.cli import cli
from cxreview.store import Database, open_database

REPO = Path(__file__).resolve().parents[1]
# Where the cxreview under test is imported from: the checkout when developing, site-packages
# when CI tests the installed package. Subprocesses start there so they import the same one.
PACKAGE_PARENT = Path(cxreview.__file__).resolve().parents[1]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path) -> Iterable[Database]:
    database = open_database(db_path)
    yield database
    database.close()


def conversation(conv_id: str = "c1", **fields: Any) -> dict[str, Any]:
    """A minimal valid native conversation; keyword arguments override fields."""
    base: dict[str, Any] = {
        "id": conv_id,
        "started_at": "2026-03-05T10:00:00Z",
        "channel": "chat",
        "queue": "billing",
        "language": "en",
        "agent": "Sanne",
        "customer": "C1",
        "messages": [
            {"role": "bot", "text": "Hi, I'm a virtual assistant. How can I help?", "at": "2026-03-05T10:00:01Z"},
            {"role": "customer", "text": "I was charged twice", "at": "2026-03-05T10:00:20Z"},
            {"role": "agent", "text": "I'm sorry, I've refunded it.", "at": "2026-03-05T10:01:00Z", "author": "Sanne"},
        ],
    }
    base.update(fields)
    return base


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[..., Path]:
    def write(records: list[dict[str, Any]], name: str = "in.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_cli(db_path: Path) -> Callable[..., Any]:
    """Invoke the CLI in-process against the test database."""

    def run(*args: str, stdin: str | bytes | None = None) -> Any:
        runner = CliRunner()
        return runner.invoke(cli, ["--db", str(db_path), *args], input=stdin, catch_exceptions=False)

    return run
