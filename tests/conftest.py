"""Shared fixtures: throwaway databases under tmp_path and helpers to write inputs."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
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
ENGINES = ("sqlite", "postgresql")
_DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """A throwaway PostgreSQL server for the whole run (tests/pg_server.py), or None when
    PostgreSQL is not installed; with CI=true a missing PostgreSQL fails the run instead."""
    from tests.pg_server import Server, binaries

    if binaries() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and PostgreSQL is not installed: install it (Debian: apt-get install postgresql)")
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="cxreview-pg-"))
    server = Server(folder)
    try:
        server.start()
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Run the test once per engine: the store must give the same results on both."""
    return str(request.param)


@pytest.fixture
def db_target(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A new, empty database on ``engine``: a file path, or a connection string."""
    if engine == "sqlite":
        return str(tmp_path / "test.db")
    server = request.getfixturevalue("postgres_server")
    if server is None:
        pytest.skip("PostgreSQL is not installed (with CI=true this is a failure)")
    return str(server.create_database(f"t{os.getpid()}_{next(_DATABASE_NUMBERS)}", migrated=True))


@pytest.fixture
def engine_db(db_target: str) -> Iterable[Database]:
    database = open_database(db_target)
    yield database
    database.close()


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
