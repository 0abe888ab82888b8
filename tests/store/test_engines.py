"""The same store on SQLite and PostgreSQL: every test here runs once per engine.

PostgreSQL is a real throwaway server the tests start themselves (tests/pg_server.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cxreview import reviews
from cxreview.cli import cli
from cxreview.errors import DatabaseError, InputError
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.store import Database, open_database
from cxreview.store.copy import row_counts
from cxreview.store.insights import count_conversations, trajectory_totals
from cxreview.store.repeats import came_back_count
from tests.conftest import before_last_create, conversation

RUBRIC = resolve_rubric("default")


def _import(db: Database, write_jsonl: Callable[..., Path], records: list[dict[str, Any]]) -> None:
    import_files(db, [str(write_jsonl(records))])


def test_schema_and_counts(engine_db: Database, engine: str) -> None:
    assert engine_db.engine == engine
    assert engine_db.schema_version() > 0
    assert set(row_counts(engine_db).values()) == {0}


def test_import_is_all_or_nothing(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    _import(engine_db, write_jsonl, [conversation("a"), conversation("b", customer="C2")])
    assert row_counts(engine_db)["conversations"] == 2 and row_counts(engine_db)["messages"] == 6
    bad = [conversation("c"), {"id": "d", "messages": []}]
    with pytest.raises(InputError):
        _import(engine_db, write_jsonl, bad)
    assert row_counts(engine_db)["conversations"] == 2


def test_a_review_from_start_to_submit(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    _import(engine_db, write_jsonl, [conversation("a")])
    review = reviews.start_review(engine_db, "a", "ana", RUBRIC)
    first, second = [c.id for c in RUBRIC.criteria][:2]
    reviews.set_score(engine_db, review.id, first, RUBRIC.criteria[0].max)
    reviews.set_score(engine_db, review.id, second, RUBRIC.criteria[1].min)
    assert reviews.undo(engine_db, review.id) is not None
    review = reviews.get_review(engine_db, review.id)
    assert review.criteria[first].score == RUBRIC.criteria[0].max and review.criteria[second].score is None
    reviews.set_overall_note(engine_db, review.id, "Goed gedaan, Sanne — 100% [bold]")
    for criterion in RUBRIC.criteria:
        if criterion.allow_na:
            reviews.set_na(engine_db, review.id, criterion.id)
        else:
            reviews.set_score(engine_db, review.id, criterion.id, criterion.max)
    result = reviews.submit(engine_db, review.id)
    again = reviews.get_review(engine_db, review.id)
    assert again.submitted and again.overall_note == "Goed gedaan, Sanne — 100% [bold]"
    assert result.score == pytest.approx(again.result().score)
    # The same review is found again, not created twice.
    assert reviews.start_review(engine_db, "a", "ana", RUBRIC).id == review.id


def test_filters_and_repeat_contact_agree(engine_db: Database, write_jsonl: Callable[..., Path]) -> None:
    _import(
        engine_db,
        write_jsonl,
        [
            conversation("first", customer="K", started_at="2026-03-01T10:00:00Z"),
            conversation("again", customer="K", started_at="2026-03-08T09:59:59Z", queue="sales"),
            conversation("late", customer="K", started_at="2026-03-20T10:00:00Z"),
        ],
    )
    assert count_conversations(engine_db.conn, Filters(since="2026-03-08T12:00:00+02:00")) == 1
    assert count_conversations(engine_db.conn, Filters(to="2026-03-08", queues=["sales"])) == 1
    assert count_conversations(engine_db.conn, Filters(to="2026-03-07")) == 1
    assert [came_back_count(engine_db.conn, c, 7) for c in ("first", "again", "late")] == [1, 0, 0]
    assert trajectory_totals(engine_db.conn, Filters()) == (0, 0.0, 0.0)


def test_db_info_and_a_copy_there_and_back(
    engine: str, db_target: str, write_jsonl: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite -> engine -> SQLite keeps every row; the review reads the same at the end."""
    monkeypatch.setattr("cxreview.store.copy.BATCH", 2)  # several batches per table, streamed
    origin = tmp_path / "origin.db"
    with open_database(origin) as db:
        _import(db, write_jsonl, [conversation("a"), conversation("b")])
        review = reviews.start_review(db, "a", "ana", RUBRIC)
        reviews.set_score(db, review.id, RUBRIC.criteria[0].id, RUBRIC.criteria[0].max)
        # A language an analysis detected stays marked as detected (schema 22) after the copies.
        with db.transaction() as conn:
            conn.execute("UPDATE conversations SET language = 'es', language_detected = 1 WHERE id = 'a'")
        before = row_counts(db)
    runner = CliRunner()
    copied = runner.invoke(cli, ["db", "copy", "--quiet", str(origin), db_target])
    assert copied.exit_code == 0, copied.output
    assert "verified" in copied.output and "messages: 6" in copied.output
    info = runner.invoke(cli, ["--db", db_target, "db", "info"])
    assert info.exit_code == 0, info.output
    assert f"engine: {engine}" in info.output and "conversations: 2" in info.output
    back = tmp_path / "back.db"
    assert runner.invoke(cli, ["db", "copy", "--quiet", db_target, str(back)]).exit_code == 0
    with open_database(back) as db:
        assert row_counts(db) == before
        languages = db.conn.execute("SELECT id, language, language_detected FROM conversations ORDER BY id").fetchall()
        assert [tuple(row) for row in languages] == [("a", "es", 1), ("b", "en", 0)]
        assert reviews.get_review(db, review.id).criteria[RUBRIC.criteria[0].id].score == RUBRIC.criteria[0].max
        # Ids continue after the copied ones.
        assert reviews.start_review(db, "b", "ana", RUBRIC).id > review.id
    again = runner.invoke(cli, ["db", "copy", "--quiet", str(origin), db_target])
    assert again.exit_code != 0 and "is not empty" in again.output and "Traceback" not in again.output


def test_ids_continue_after_a_copy_into_postgres(
    postgres_server: Any, tmp_path: Path, write_jsonl: Callable[..., Path]
) -> None:
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed")
    origin = tmp_path / "origin.db"
    with open_database(origin) as db:
        _import(db, write_jsonl, [conversation("a"), conversation("b")])
        first = reviews.start_review(db, "a", "ana", RUBRIC).id
    url = postgres_server.create_database("copy_ids")
    assert CliRunner().invoke(cli, ["db", "copy", "--quiet", str(origin), url]).exit_code == 0
    with open_database(url) as db:
        assert reviews.start_review(db, "b", "ana", RUBRIC).id == first + 1


def _one_line_error(target: str) -> str:
    result = CliRunner().invoke(cli, ["--db", target, "db", "info"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 2, result.output
    return result.output


def test_postgres_failures_are_one_clear_line(postgres_server: Any) -> None:
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed")
    import psycopg

    base = postgres_server.url
    closed = _one_line_error("postgresql://nobody@127.0.0.1:1/cxreview")
    assert "cannot connect to PostgreSQL" in closed
    assert 'no database "missing"' in _one_line_error(f"{base}/missing")
    assert 'no user (role) "ghost"' in _one_line_error(base.replace("cxtest@", "ghost@") + "/postgres")
    # A database of another application is refused, and left untouched.
    other = postgres_server.create_database("other_app")
    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    assert "another application" in _one_line_error(other)
    with pytest.raises(DatabaseError, match="another application"):
        open_database(other)
    with psycopg.connect(other, autocommit=True) as conn:
        assert (
            conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()[0]
            == 1
        )
    # A newer schema: upgrade cxreview.
    newer = postgres_server.create_database("newer")
    open_database(newer).close()
    with psycopg.connect(newer, autocommit=True) as conn:
        conn.execute("UPDATE cxreview_meta SET value = '999' WHERE key = 'schema_version'")
    assert "newer cxreview" in _one_line_error(newer)
    # An empty database is not created by a read-only command.
    empty = postgres_server.create_database("empty")
    assert "no cxreview data yet" in _one_line_error(empty)


def test_the_whole_pipeline_gives_the_same_results_on_both_engines(postgres_server: Any, tmp_path: Path) -> None:
    """Import, analyze, sample, export and insights through the CLI on a SQLite file and on
    PostgreSQL: the exported files are identical."""
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed")
    from tests.conftest import REPO

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join((REPO / "samples" / "demo.jsonl").open(encoding="utf-8").readlines()[:80]), encoding="utf-8"
    )
    targets = {
        "sqlite": str(tmp_path / "same.db"),
        "postgresql": postgres_server.create_database("same", migrated=True),
    }
    outputs: dict[str, dict[str, str]] = {}
    runner = CliRunner()
    for engine, target in targets.items():

        def run(*args: str, target: str = target) -> str:
            result = runner.invoke(cli, ["--db", target, *args])
            assert result.exit_code == 0, f"{target}: {args}: {result.output}"
            return result.output

        run("import", "--quiet", str(corpus))
        # random, not spotlight: spotlight probes signal rows, whose order parallel analysis varies
        run("sample", "--size", "6", "--seed", "7", "--strategy", "random", "--reviewer", "ana", "--name", "s")
        outputs[engine] = {
            level: run("export", "--level", level, "--format", "csv") for level in ("conversation", "message")
        }
        outputs[engine]["insights"] = run("insights", "--format", "json")
        # the creation minute is the clock's, not the data's: two runs may straddle a minute
        session, stamped = re.subn(r"created \S+ \S+,", "created <minute>,", run("sessions", "show", "s"))
        assert stamped == 1, session
        outputs[engine]["session"] = session
    for name, text in outputs["sqlite"].items():
        if name == "insights":  # averages may differ in the last bit: the engines add up differently
            assert _rounded(json.loads(outputs["postgresql"][name])) == _rounded(json.loads(text))
        else:
            assert outputs["postgresql"][name] == text, name


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def test_a_wrong_password_is_one_clear_line(postgres_server: Any) -> None:
    """A real password check (pg_hba.conf asks this role for scram-sha-256), not a mock."""
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed")
    from tests.pg_server import PASSWORD, PASSWORD_USER

    url = postgres_server.create_database("passwords", migrated=True)
    host = url.removeprefix(f"{postgres_server.url.split('@')[0]}@")
    right = f"postgresql://{PASSWORD_USER}:{PASSWORD.replace(' ', '%20')}@{host}"
    # The right password gets in (the wrong one is refused for that alone), but this role was
    # granted nothing yet: that too is one line, naming the grant.
    error = _one_line_error(right)
    assert f'user "{PASSWORD_USER}" may not do this' in error and f"GRANT cxreview_owner TO {PASSWORD_USER}" in error
    assert PASSWORD not in error and "%20" not in error
    for wrong in (f"{PASSWORD_USER}:wrong-one", PASSWORD_USER):
        error = _one_line_error(f"postgresql://{wrong}@{host}")
        assert f'refused the password of user "{PASSWORD_USER}"' in error and "check the password" in error
        assert "wrong-one" not in error  # the password itself is never printed


def test_many_rows_at_once_mean_what_they_mean_one_by_one(engine_db: Database) -> None:
    """On PostgreSQL executemany goes through COPY (and a temporary table for ON CONFLICT):
    the rows' order, a key twice in one batch (the last wins) and one-key deletes behave as
    row by row, as on SQLite."""
    upsert = (
        "INSERT INTO conversations (id, agent, content_hash, imported_at) VALUES (?, ?, 'h', 'now') "
        "ON CONFLICT(id) DO UPDATE SET agent = excluded.agent"
    )
    rows = [(f"k{i:02}", f"agent {i}") for i in range(40)]
    with engine_db.transaction() as conn:
        conn.executemany(upsert, rows)
        conn.executemany(upsert, [*rows[:20], ("k03", "first"), ("k03", "last")])  # k03 twice: last wins
        conn.executemany(
            "INSERT OR IGNORE INTO conversations (id, content_hash, imported_at) VALUES (?, ?, ?)",
            [(f"k{i:02}", "x", "y") for i in range(30, 60)],
        )
        conn.executemany("DELETE FROM conversations WHERE id = ?", [(f"k{i:02}",) for i in range(50, 60)])
    stored = engine_db.query("SELECT id, agent, content_hash FROM conversations ORDER BY rowid")
    assert [r[0] for r in stored] == [f"k{i:02}" for i in range(50)]  # numbered in the order given
    assert dict((r[0], r[1]) for r in stored)["k03"] == "last"
    assert [r[2] for r in stored].count("x") == 10  # existing keys ignored, new ones added


def test_a_failing_postgres_upgrade_is_one_line_and_changes_nothing(postgres_server: Any) -> None:
    if postgres_server is None:
        pytest.skip("PostgreSQL is not installed")
    import psycopg

    url = postgres_server.create_database("half_upgraded", migrated=True)
    with psycopg.connect(url, autocommit=True) as conn:
        # The last table-creating migration's table already exists, so running it again fails halfway.
        conn.execute("UPDATE cxreview_meta SET value = %s WHERE key = 'schema_version'", (str(before_last_create()),))
    assert f"to schema {before_last_create() + 1} failed, nothing was changed" in _one_line_error(url)
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT value FROM cxreview_meta WHERE key = 'schema_version'").fetchone()
    assert row is not None and row[0] == str(before_last_create())
