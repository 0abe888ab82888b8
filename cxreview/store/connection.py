"""Open the SQLite file safely for many readers and writers: WAL, foreign keys, migrations."""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cxreview.errors import DatabaseError, DatabaseLockedError
from cxreview.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "cxreview.db"
# Long enough that reviewers on one shared machine queue behind a bulk import
# instead of failing; every write we do is short except imports.
BUSY_TIMEOUT_S = 120.0

# An import or analysis of at least this many conversations refreshes planner statistics
# (Database.after_bulk_write); smaller ones leave it to the server's autovacuum.
BULK_CONVERSATIONS = 1000


class Database:
    """A connection with explicit transactions (autocommit otherwise).

    SQLite here; ``store/postgres.py`` has the PostgreSQL subclass with the same methods.
    """

    engine = "sqlite"

    def __init__(self, path: Path | str, conn: sqlite3.Connection, read_only: bool = False) -> None:
        # A file path for SQLite; the connection string for PostgreSQL (worker processes
        # of `analyze` open their own connection from it).
        self.path = path
        self.conn = conn
        # Opened read-only because the file or its folder is not writable (see _writable).
        self.read_only = read_only

    @property
    def display(self) -> str:
        """Where the data is, for messages (never with a password)."""
        return str(self.path)

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state of the database (a read transaction)."""
        _locked_guard(lambda: self.conn.execute("BEGIN"))
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def batches(self, sql: str, size: int) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """(column names, rows) of a query, ``size`` rows at a time, without holding them all."""
        cursor = self.conn.execute(sql)
        columns = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(size):
            yield columns, [tuple(r) for r in rows]

    def after_copy(self) -> None:
        """Called inside the transaction of `db copy` once every row is in (nothing to do on SQLite)."""

    def after_bulk_write(self, tables: tuple[str, ...]) -> None:
        """Called after an import or analysis wrote many rows to ``tables``, outside its
        transaction. Nothing on SQLite (its planner needs no statistics for our queries)."""

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        return _locked_guard(lambda: self.conn.execute(sql, params))

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return _locked_guard(lambda: self.conn.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: tuple | dict = ()) -> Any:
        row = _locked_guard(lambda: self.conn.execute(sql, params).fetchone())
        return None if row is None else row[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE takes the write lock up front, so two
        writers queue on the busy timeout instead of deadlocking on a lock upgrade."""
        if self.read_only:
            raise DatabaseError(
                f"the database {self.path} is read-only: this command needs to write to it",
                "ask for write access to the file and its folder, or work on a copy",
            )
        _locked_guard(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
            _locked_guard(lambda: self.conn.execute("COMMIT"))
        except BaseException:
            # SQLite rolls back by itself after some errors (disk full): a second
            # ROLLBACK would fail and hide the real cause, so only roll back if needed.
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _locked_guard(call):  # type: ignore[no-untyped-def]
    try:
        return call()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(
                f"the database stayed locked by another cxreview process for {BUSY_TIMEOUT_S:.0f} s",
                "wait for the other import or analysis to finish, then run the command again",
            ) from exc
        raise


def explain_database_error(exc: BaseException, path: str | os.PathLike[str] | None) -> DatabaseError | None:
    """Turn a database failure a command did not expect (a read-only file, a full disk, a
    PostgreSQL role without the rights, a lost server) into a one-line error with its fix, or None."""
    # By module name: SQLite users never import psycopg.
    if type(exc).__module__.startswith("psycopg"):
        from cxreview.store.postgres import explain_postgres_error

        return explain_postgres_error(exc, str(resolve_target(path)))
    return explain_sqlite_error(exc, path)


def explain_sqlite_error(exc: BaseException, path: str | os.PathLike[str] | None) -> DatabaseError | None:
    """Turn a file-level SQLite failure into a one-line error with its fix, or None."""
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    text = str(exc).lower()
    where = resolve_path(path)
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            f"the database {where} is read-only: this command needs to write to it",
            "ask for write access to the file and its folder, or work on a copy",
        )
    if "disk is full" in text or "disk full" in text:
        return DatabaseError(
            f"the disk is full: nothing was written to {where}, it is as it was",
            "free some disk space and run the command again",
        )
    if "disk i/o error" in text or "unable to open" in text:
        return DatabaseError(
            f"cannot read or write {where} or its -wal/-shm files (SQLite says: {exc})",
            "check free disk space, file size limits (ulimit -f) and the folder's permissions",
        )
    return None


def resolve_target(path: str | os.PathLike[str] | None) -> str | os.PathLike[str]:
    """--db wins, then CXREVIEW_DB, then ./cxreview.db."""
    return path or os.environ.get("CXREVIEW_DB") or DEFAULT_DB


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    return Path(resolve_target(path))


def is_server_url(target: object) -> bool:
    """A postgresql:// connection string (anything else is a SQLite file path)."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def new_database_file(path: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file that opening ``path`` would create, or None (it exists, or is PostgreSQL)."""
    target = resolve_target(path)
    if is_server_url(target) or Path(target).exists():
        return None
    return Path(target)


def remove_if_empty(path: Path) -> None:
    """Delete the SQLite database at ``path`` (with its -wal, -shm and -journal files) when it
    holds no conversation; under an exclusive lock, so one another process is writing stays."""
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as conn:
            conn.execute("BEGIN EXCLUSIVE")
            if conn.execute("SELECT count(*) FROM conversations").fetchone()[0]:
                return
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    except sqlite3.Error:
        return  # not a cxreview database, or in use: leave it


def open_database(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Database:
    """Open (and create or upgrade) the database at ``path``.

    With ``create=False`` a missing file is an error: read-only commands should not
    leave empty databases behind in whatever folder they were run from. A
    ``postgresql://`` connection string opens PostgreSQL instead (``store/postgres.py``).
    """
    target = resolve_target(path)
    if is_server_url(target):
        return _postgres().open_postgres(str(target), create=create)
    db_path = Path(target)
    if not db_path.exists():
        if not create:
            raise DatabaseError(
                f"no database at {db_path}",
                "import conversations first with 'cxreview import FILE', or point to one with --db PATH or CXREVIEW_DB",
            )
        if db_path.parent and not db_path.parent.exists():
            raise DatabaseError(
                f"cannot create {db_path}: folder {db_path.parent} does not exist",
                "create the folder or choose another --db path",
            )
    elif db_path.is_dir():
        raise DatabaseError(f"{db_path} is a folder, not a database file", "pass a file path to --db")
    read_only = db_path.exists() and not _writable(db_path)
    try:
        conn = _connect(db_path, read_only)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open {db_path}: {exc}", "check the path and its permissions") from exc
    conn.row_factory = sqlite3.Row
    db = Database(db_path, conn, read_only=read_only)
    try:
        # Look before touching: a file we refuse must stay byte-for-byte as it was, so
        # the ownership and version checks run before the first write (journal mode).
        _check_version(db, *_header(conn))
        _configure(db)
        _migrate(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DatabaseError(
                f"{db_path} is not a cxreview database (SQLite says: {exc})",
                "point --db at a cxreview database or at a new file name",
            ) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return db


def _postgres() -> Any:
    """``store/postgres.py``, imported on first use: SQLite users never load psycopg (nor need
    it installed)."""
    first = "psycopg" not in sys.modules
    try:
        from cxreview.store import postgres
    except ImportError:
        raise DatabaseError(
            "PostgreSQL support is not installed (psycopg is missing)",
            "install it with: pip install 'cxreview[postgresql]'",
        ) from None
    if first:
        # psycopg (with asyncio, logging, importlib.metadata) doubles the objects alive in a
        # short command, and Python's collector examines every one of them again at each full
        # collection and once more at exit: 15-40 ms of a 0.4 s `sample`. They live until the
        # process ends anyway, so they are moved out of its sight, once.
        gc.freeze()
    return postgres


def _writable(db_path: Path) -> bool:
    """Writing needs the file and its folder (SQLite creates -wal and -shm beside it)."""
    folder = db_path.parent if str(db_path.parent) else Path(".")
    return os.access(db_path, os.W_OK) and os.access(folder, os.W_OK)


def _connect(db_path: Path, read_only: bool) -> sqlite3.Connection:
    """A normal connection, or a read-only one when the file or its folder is not writable."""
    options: dict[str, Any] = {"timeout": BUSY_TIMEOUT_S, "isolation_level": None, "check_same_thread": False}
    if not read_only:
        return sqlite3.connect(db_path, **options)
    uri = db_path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, **options)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL database in a read-only folder without its -shm file cannot be opened
        # normally; nobody can be writing to it there, so read it as an immutable file.
        conn.close()
        return sqlite3.connect(uri + "&immutable=1", uri=True, **options)


def _header(conn: sqlite3.Connection) -> tuple[int, int]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version, conn.execute("PRAGMA application_id").fetchone()[0]


def _configure(db: Database) -> None:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    if db.read_only:
        return  # the journal mode is a write; reads work in whatever mode the file is in
    # Switching to WAL needs a moment of exclusive access; another process creating
    # the same file at the same instant can make it fail once, so retry briefly.
    for attempt in range(50):
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() == "wal":
                break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        time.sleep(0.05 * (attempt + 1))
    # NORMAL is crash-safe in WAL mode (a killed process loses nothing committed).
    conn.execute("PRAGMA synchronous = NORMAL")


def _migrate(db: Database) -> None:
    conn = db.conn
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if db.read_only:
        raise DatabaseError(
            f"{db.path} needs an upgrade to schema {SCHEMA_VERSION} but is read-only",
            "ask for write access to the file and its folder, or open it once with write access",
        )
    with db.transaction():
        # Re-read inside the write lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        _check_version(db, version, app_id)
        for number in range(version, SCHEMA_VERSION):
            for statement in split_sql(MIGRATIONS[number]):
                try:
                    conn.execute(statement)
                except sqlite3.Error as exc:
                    if explain_sqlite_error(exc, db.path) is not None:
                        raise  # a full disk or a read-only file: the CLI names those itself
                    raise migration_failed(db.path, number, exc) from exc
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migration_failed(where: object, number: int, exc: BaseException) -> DatabaseError:
    """An upgrade that the database's own contents made fail: it ran in one transaction, so
    nothing changed; say so instead of a traceback."""
    return DatabaseError(
        f"upgrading {where} to schema {number + 1} failed, nothing was changed ({str(exc).splitlines()[0]})",
        "keep using the previous cxreview on this database and report this line as a bug",
    )


def _check_version(db: Database, version: int, app_id: int) -> None:
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{db.path} was written by a newer cxreview (schema {version}, this one knows up to {SCHEMA_VERSION})",
            "upgrade cxreview with 'pip install -U cxreview'",
        )
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseError(f"{db.path} is a SQLite database of another application", "choose another --db path")
    if app_id == 0 and version == 0:
        tables = db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise DatabaseError(
                f"{db.path} is a SQLite database that cxreview did not create",
                "choose another --db path",
            )


def split_sql(script: str) -> list[str]:
    """Split a migration into statements; executescript() would commit our transaction."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
