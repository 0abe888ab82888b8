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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the test is about SQLite files (paths, WAL, permissions, a full disk), "
        "so it runs on SQLite only",
    )


def engines_under_test() -> tuple[str, ...]:
    """The engines the core tests run on: both, or those CXREVIEW_TEST_ENGINES names
    (``sqlite``, ``postgresql``, comma-separated; .ci/run's second run takes SQLite only)."""
    wanted = os.environ.get("CXREVIEW_TEST_ENGINES", "").replace(" ", "")
    if not wanted:
        return ENGINES
    engines = tuple(e for e in wanted.split(",") if e)
    unknown = set(engines) - set(ENGINES)
    if unknown:
        raise pytest.UsageError(f"CXREVIEW_TEST_ENGINES names {sorted(unknown)}; use sqlite and/or postgresql")
    return engines


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that reaches the ``engine`` fixture (through ``db``, ``db_path``, ``run_cli``...)
    runs once per engine, except those marked ``sqlite_only``."""
    if "engine" not in metafunc.fixturenames:
        return
    engines = engines_under_test()
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        engines = tuple(e for e in engines if e == "sqlite") or ("sqlite",)
    metafunc.parametrize("engine", engines, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine this run of the test uses (parametrised by pytest_generate_tests)."""
    return str(request.param)


@pytest.fixture
def new_db_target(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Any]]:
    """Make new, empty databases on ``engine``: a file path under tmp_path for SQLite, a
    connection string to a fresh copy of a migrated template database for PostgreSQL
    (dropped again after the test)."""
    made: list[str] = []
    server = None
    if engine == "postgresql":
        server = request.getfixturevalue("postgres_server")
        if server is None:
            pytest.skip("PostgreSQL is not installed (with CI=true this is a failure)")

    def make(name: str = "test.db") -> Any:
        if server is None:
            return tmp_path / name
        made.append(f"t{os.getpid()}_{next(_DATABASE_NUMBERS)}")
        return server.create_database(made[-1], migrated=True)

    yield make
    if server is not None and made:
        server.drop_databases(made)


@pytest.fixture
def db_target(db_path: Any) -> str:
    """The test's database as --db takes it: a file path, or a connection string."""
    return str(db_path)


@pytest.fixture
def engine_db(db: Database) -> Database:
    return db


@pytest.fixture
def db_path(new_db_target: Callable[[str], Any]) -> Any:
    """The test's database: a Path (SQLite, not created yet) or a postgresql:// string (an
    empty migrated database). ``str(db_path)`` is what --db takes on both."""
    return new_db_target("test.db")


@pytest.fixture
def db(db_path: Any) -> Iterable[Database]:
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
def run_cli(db_path: Any) -> Callable[..., Any]:
    """Invoke the CLI in-process against the test database."""

    def run(*args: str, stdin: str | bytes | None = None) -> Any:
        runner = CliRunner()
        return runner.invoke(cli, ["--db", str(db_path), *args], input=stdin, catch_exceptions=False)

    return run


def before_last_create() -> int:
    """The schema version just before the last migration that creates a table: running that
    migration again fails (its table exists), which the tests of a failed upgrade need."""
    from cxreview.store.schema import MIGRATIONS

    return max(i for i, sql in enumerate(MIGRATIONS) if "CREATE TABLE" in sql)
