"""PostgreSQL through psycopg 3: the engine for a QA team on several machines.

The store's query functions take a connection with SQLite's small API (``execute`` with
``?`` placeholders, ``executemany``, rows by index and by name, ``lastrowid``); here
:class:`PgConnection` gives a psycopg connection that API, rewriting each query once with
``dialect.statement``. Schema and migrations are the SQLite ones (``schema.MIGRATIONS``)
with types mapped by ``dialect.migration``; the version lives in a ``cxreview_meta`` table.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.types.numeric import FloatLoader

from cxreview.errors import DatabaseError
from cxreview.store import dialect
from cxreview.store.connection import Database, migration_failed, split_sql
from cxreview.store.schema import MIGRATIONS, SCHEMA_VERSION
from cxreview.store.schema_postgres import (
    POSTGRES_AFTER_TABLE,
    POSTGRES_COMPAT,
    POSTGRES_MIGRATIONS,
    POSTGRES_STATEMENTS,
)

APPLICATION = "cxreview"
# One number for every cxreview: two processes migrating the same database queue on it.
_MIGRATION_LOCK = 0x43585256
CONNECT_TIMEOUT_S = 10
# executemany with at least this many rows goes through COPY (one statement, not one per row).
BULK_ROWS = 16
_BULK_INSERT = re.compile(
    r"^INSERT INTO (\w+)\s*(?:\(([\w\s,]+)\))?\s*VALUES\s*\((?:\s*%s\s*,)*\s*%s\s*\)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_BULK_DELETE = re.compile(r"^DELETE FROM (\w+) WHERE (\w+) = %s$", re.IGNORECASE)


def display_url(url: str) -> str:
    """The connection string without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class Row(tuple):
    """A result row read by position (``row[0]``) or by column name (``row["id"]``), like sqlite3.Row."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    index = {column.name: i for i, column in enumerate(cursor.description or [])}
    return lambda values: Row(values, index)


class PgCursor:
    """The part of sqlite3.Cursor the store uses."""

    def __init__(self, cursor: psycopg.Cursor[Any], returns_id: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        self.rowcount = cursor.rowcount
        if returns_id:
            row = cursor.fetchone()
            self.lastrowid = None if row is None else int(row[0])

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int) -> list[Any]:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    @property
    def description(self) -> Any:
        return self._cursor.description

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection with the sqlite3 API the store functions were written for."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self.in_transaction = False
        self._table_columns: dict[str, list[str]] = {}
        self._scratch_tables: dict[tuple[str, tuple[str, ...]], str] = {}

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> PgCursor:
        text, returns_id = dialect.statement(sql)
        # Parameters bound on the client, as SQLite does: "? IS NULL" needs no declared type.
        cursor = psycopg.ClientCursor(self.raw, row_factory=_row_factory)
        cursor.execute(text, list(params) if not isinstance(params, dict) else params)  # type: ignore[call-overload]
        return PgCursor(cursor, returns_id)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        text, _ = dialect.statement(sql)
        if len(rows) >= BULK_ROWS and self._bulk(text, rows):
            return
        with self.raw.cursor() as cursor:
            cursor.executemany(text, rows)  # type: ignore[call-overload]

    def _bulk(self, text: str, rows: list[Sequence[Any]]) -> bool:
        """Many rows in a few statements instead of one each: an INSERT through COPY (into a
        temporary table first when it has an ON CONFLICT clause), a one-key DELETE as one
        ``= ANY(array)``. False when the statement has another shape."""
        delete = _BULK_DELETE.match(text)
        if delete:
            self.raw.execute(  # type: ignore[call-overload]
                f"DELETE FROM {delete.group(1)} WHERE {delete.group(2)} = ANY(%s)", [[row[0] for row in rows]]
            )
            return True
        insert = _BULK_INSERT.match(text)
        if insert is None or "RETURNING" in insert.group(3).upper() or "%" in insert.group(3):
            return False
        table, tail = insert.group(1), insert.group(3).strip()
        columns = [c.strip() for c in insert.group(2).split(",")] if insert.group(2) else self._columns(table)
        columns = columns[: len(rows[0])]
        listed = ", ".join(columns)
        if not tail:
            self._copy(f"COPY {table} ({listed}) FROM STDIN", rows)
            return True
        # ON CONFLICT needs INSERT: COPY into a temporary table, then one INSERT ... SELECT in
        # the rows' order (conversations get their rowid, sampling's numbering, in that order).
        scratch = self._scratch(table, columns)
        self.raw.execute("SAVEPOINT cx_bulk" if self.in_transaction else "BEGIN")
        try:
            self._copy(f"COPY {scratch} ({listed}) FROM STDIN", rows)
            self.raw.execute(  # type: ignore[call-overload]
                f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {scratch} ORDER BY cx_order {tail}"
            )
            self.raw.execute(f"TRUNCATE {scratch}")  # type: ignore[call-overload]
        except psycopg.errors.CardinalityViolation:
            # The same key twice in one batch with DO UPDATE: row by row, the last one wins.
            self.raw.execute("ROLLBACK TO SAVEPOINT cx_bulk" if self.in_transaction else "ROLLBACK")
            return False
        except BaseException:
            if not self.in_transaction:
                self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("RELEASE SAVEPOINT cx_bulk" if self.in_transaction else "COMMIT")
        return True

    def _copy(self, statement: str, rows: list[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[call-overload]
            for row in rows:
                copy.write_row(row)

    def _columns(self, table: str) -> list[str]:
        """A table's columns in their order (an INSERT without a column list fills the first ones)."""
        if table not in self._table_columns:
            self._table_columns[table] = [
                r[0]
                for r in self.raw.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
                    [table],
                )
            ]
        return self._table_columns[table]

    def _scratch(self, table: str, columns: list[str]) -> str:
        """A temporary table (this connection only) with these columns and a row order."""
        key = (table, tuple(columns))
        if key not in self._scratch_tables:
            name = f"cx_bulk_{len(self._scratch_tables)}"
            self.raw.execute(  # type: ignore[call-overload]
                f"CREATE TEMP TABLE {name} AS SELECT {', '.join(columns)} FROM {table} WITH NO DATA"
            )
            self.raw.execute(f"ALTER TABLE {name} ADD COLUMN cx_order BIGINT GENERATED ALWAYS AS IDENTITY")  # type: ignore[call-overload]
            self._scratch_tables[key] = name
        return self._scratch_tables[key]

    def begin(self) -> None:
        self.raw.execute("BEGIN")
        self.in_transaction = True

    def commit(self) -> None:
        self.raw.execute("COMMIT")
        self.in_transaction = False

    def rollback(self) -> None:
        self.in_transaction = False
        with contextlib.suppress(psycopg.Error):
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


class PgDatabase(Database):
    """The Database of the store, on a PostgreSQL server."""

    engine = "postgresql"

    def __init__(self, url: str, conn: PgConnection) -> None:
        super().__init__(url, conn)  # type: ignore[arg-type]

    @property
    def display(self) -> str:
        return display_url(str(self.path))

    def schema_version(self) -> int:
        return schema_version(self.conn) or 0  # type: ignore[arg-type]

    def after_copy(self) -> None:
        """Rows came with their ids: move each id sequence past the largest one."""
        numbered = [(table, "id") for table in sorted(dialect.ID_TABLES)]
        numbered += [(table, "rowid") for table in POSTGRES_AFTER_TABLE]
        for table, column in numbered:
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), coalesce(max({column}), 0) + 1, false) "
                f"FROM {table}"
            )

    def after_bulk_write(self, tables: tuple[str, ...]) -> None:
        """VACUUM (ANALYZE) of tables that just grew a lot, as PostgreSQL's documentation advises
        after a bulk load: planner statistics at once, and the new rows' hint bits and visibility
        map set now, not by the first command that reads them (a sample right after an analysis
        took twice its time, beside the server's own autovacuum). Inside a caller's transaction,
        where VACUUM cannot run, the statistics only."""
        conn: PgConnection = self.conn  # type: ignore[assignment]
        command = "ANALYZE " if conn.in_transaction else "VACUUM (ANALYZE) "
        conn.execute(command + ", ".join(tables))

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """One consistent state for every read inside (REPEATABLE READ, read only)."""
        conn: PgConnection = self.conn  # type: ignore[assignment]
        conn.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        conn.in_transaction = True
        try:
            yield
        finally:
            conn.rollback()

    def batches(self, sql: str, size: int) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """A server-side cursor: the client holds ``size`` rows at a time, not the table.
        Needs a transaction (``snapshot``)."""
        conn: PgConnection = self.conn  # type: ignore[assignment]
        text, _ = dialect.statement(sql)
        with conn.raw.cursor(name="cxreview_batches") as cursor:
            cursor.itersize = size
            cursor.execute(text)  # type: ignore[call-overload]
            columns: list[str] | None = None
            while rows := cursor.fetchmany(size):
                if columns is None:
                    columns = [d.name for d in cursor.description or []]
                yield columns, [tuple(r) for r in rows]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """A short write transaction (READ COMMITTED: writers wait on row locks only)."""
        conn: PgConnection = self.conn  # type: ignore[assignment]
        conn.begin()
        try:
            yield conn
            conn.commit()
        except BaseException:
            conn.rollback()
            raise


def open_postgres(url: str, *, create: bool = True) -> PgDatabase:
    """Connect, check the database is ours and not newer, and migrate it up."""
    shown = display_url(url)
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.ProgrammingError as exc:
        raise DatabaseError(
            f"{shown} is not a valid PostgreSQL connection string ({_first_line(exc)})",
            "write it as postgresql://USER@HOST:PORT/DBNAME (see docs/team-server.md)",
        ) from None
    except psycopg.OperationalError as exc:
        raise _connect_error(shown, exc) from None
    raw.adapters.register_loader("numeric", FloatLoader)  # avg() gives numeric; we compute in float
    # JIT compiling and parallel workers pay off for long analytic queries; ours are short or
    # stream rows. Right after an import (no statistics yet) JIT spent seconds compiling a
    # lookup of 256 rows, and starting workers made sampling's check for unanalysed
    # conversations 2-3x slower than one process (26 ms against 71 on 87,719 conversations,
    # 2 cores), insights at 1M messages 17 s against 25. One round trip for both.
    raw.execute("SET jit = off; SET max_parallel_workers_per_gather = 0")
    db = PgDatabase(url, PgConnection(raw))
    try:
        _migrate(db, create)
    except BaseException:
        raw.close()
        raise
    return db


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _connect_error(shown: str, exc: BaseException) -> DatabaseError:
    text = str(exc)
    parts = urlsplit(shown)
    user, host, name = parts.username or "(your login name)", parts.hostname or "localhost", parts.path.lstrip("/")
    if "password authentication failed" in text or "no password supplied" in text:
        return DatabaseError(
            f'PostgreSQL at {host} refused the password of user "{user}"',
            "check the password in the connection string or in ~/.pgpass (docs/team-server.md)",
        )
    if "does not exist" in text and "database" in text:
        return DatabaseError(
            f'there is no database "{name}" on the PostgreSQL server at {host}',
            f"ask the server's admin to create it (createdb -O {user} {name}), see docs/team-server.md",
        )
    if "does not exist" in text and "role" in text:
        return DatabaseError(
            f'PostgreSQL at {host} has no user (role) "{user}"',
            f"ask the server's admin to create it (createuser --pwprompt {user}), see docs/team-server.md",
        )
    return DatabaseError(
        f"cannot connect to PostgreSQL at {shown}: {_first_line(exc).removeprefix('connection failed: ')}",
        "check host, port and that the server runs and accepts connections from this machine",
    )


def explain_postgres_error(exc: BaseException, url: str) -> DatabaseError | None:
    """A server-side failure in the middle of a command, as one line with its fix (or None).
    The command's transaction was rolled back by the server: nothing is half-written."""
    shown = display_url(url)
    parts = urlsplit(url)
    user, host = parts.username or "(your login name)", parts.hostname or "localhost"
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return DatabaseError(
            f'PostgreSQL user "{user}" may not do this in {shown} ({_first_line(exc)})',
            f"ask the server's admin to grant it cxreview's tables (GRANT cxreview_owner TO {user}), "
            "see docs/team-server.md",
        )
    if isinstance(exc, psycopg.errors.DiskFull):
        return DatabaseError(
            f"the PostgreSQL server at {host} is out of disk space: nothing was written",
            "ask the server's admin to free disk space, then run the command again",
        )
    if isinstance(exc, psycopg.OperationalError):
        return DatabaseError(
            f"lost the connection to PostgreSQL at {host} ({_first_line(exc)}): the unfinished change was not kept",
            "check that the server runs and this machine can reach it, then run the command again",
        )
    return None


def schema_version(conn: PgConnection) -> int | None:
    """The schema version, or None when this database has no cxreview tables (yet)."""
    found = conn.execute("SELECT to_regclass('cxreview_meta') IS NOT NULL").fetchone()[0]
    if not found:
        return None
    rows = dict(conn.execute("SELECT key, value FROM cxreview_meta").fetchall())
    if rows.get("application") != APPLICATION:
        return -1
    return int(rows.get("schema_version", 0))


def _user_tables(conn: PgConnection) -> int:
    return int(
        conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()").fetchone()[
            0
        ]
    )


def _migrate(db: PgDatabase, create: bool) -> None:
    conn: PgConnection = db.conn  # type: ignore[assignment]
    # Look before touching: nothing is written to a database we refuse.
    version = _check(db, schema_version(conn), create)
    if version == SCHEMA_VERSION:
        return
    with db.transaction():
        conn.execute(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        version = _check(db, schema_version(conn), create)  # another process may have migrated meanwhile
        if version == SCHEMA_VERSION:
            return
        if version == 0 and _user_tables(conn) == 0:
            for statement in POSTGRES_COMPAT:
                conn.raw.execute(statement)  # type: ignore[call-overload]
            conn.execute(
                "INSERT INTO cxreview_meta (key, value) VALUES ('application', ?), ('schema_version', '0')",
                (APPLICATION,),
            )
        for number in range(version, SCHEMA_VERSION):
            for statement in split_sql(POSTGRES_MIGRATIONS.get(number, MIGRATIONS[number])):
                if "message_fts" in statement:
                    continue  # SQLite's FTS5 index and its triggers: no full-text index here (docs/schema.md)
                try:
                    conn.raw.execute(_migration_statement(statement))  # type: ignore[call-overload]
                except psycopg.Error as exc:
                    if explain_postgres_error(exc, str(db.path)) is not None:
                        raise  # rights, a lost server, a full disk: named by the CLI
                    raise migration_failed(db.display, number, exc) from exc
                created = re.match(r"\s*CREATE TABLE (\w+)", statement, flags=re.IGNORECASE)
                for extra in POSTGRES_AFTER_TABLE.get(created.group(1) if created else "", []):
                    conn.raw.execute(extra)  # type: ignore[call-overload]
        conn.execute("UPDATE cxreview_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))


def _migration_statement(statement: str) -> str:
    for name, text in POSTGRES_STATEMENTS.items():
        if f"CREATE VIEW {name}" in statement:
            return text
    return dialect.migration(statement)


def _check(db: PgDatabase, version: int | None, create: bool) -> int:
    conn: PgConnection = db.conn  # type: ignore[assignment]
    if version is None:
        if _user_tables(conn):
            raise DatabaseError(
                f"{db.display} holds tables of another application",
                "give cxreview a database of its own (createdb), see docs/team-server.md",
            )
        if not create:
            raise DatabaseError(
                f"{db.display} has no cxreview data yet",
                "import conversations first with 'cxreview import FILE', or copy a database in with 'cxreview db copy'",
            )
        return 0
    if version < 0:
        raise DatabaseError(f"{db.display} belongs to another application", "choose another database")
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{db.display} was written by a newer cxreview (schema {version}, this one knows up to {SCHEMA_VERSION})",
            "upgrade cxreview with 'pip install -U cxreview' on this machine",
        )
    return version
