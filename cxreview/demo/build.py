"""Build the demo database from the bundled corpus, in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from cxreview.errors import DatabaseError
from cxreview.ingest.importer import ImportSummary, import_files
from cxreview.resources import bundled_dir
from cxreview.store import Database, open_database
from cxreview.store.conversations import table_counts
from cxreview.store.demo_mark import is_cxreview_file, is_demo_database, mark_demo


def default_demo_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "cxreview" / "demo.db"


def demo_corpus() -> Path:
    path = bundled_dir("samples") / "demo.jsonl"
    if not path.exists():
        raise DatabaseError(f"the demo corpus is missing ({path})", "reinstall cxreview")
    return path


def _check_is_demo(path: Path) -> None:
    """Refuse to reuse or delete anything that is not a demo database cxreview built.

    Demo databases built before the mark existed are still recognised at the default
    path, which only cxreview writes to.
    """
    if not path.exists() and not path.is_symlink():
        return
    if path.is_file() and not path.is_symlink():
        if is_demo_database(path):
            return
        if path.resolve() == default_demo_path().resolve() and is_cxreview_file(path):
            return
    raise DatabaseError(
        f"{path} exists and is not a demo database built by cxreview; it was left untouched",
        "choose another --path for the demo (or remove that file yourself if you are sure)",
    )


def build_demo(path: Path, fresh: bool = False) -> tuple[Database, ImportSummary | None]:
    """Create (or reuse) the demo database; return it and the import summary if it was built."""
    _check_is_demo(path)
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists()
    db = open_database(path, create=True)
    if not existed:
        with db.transaction() as conn:
            mark_demo(conn)
    summary = None
    if not existed or table_counts(db.conn)["conversations"] == 0:
        summary = import_files(db, [str(demo_corpus())])
    if table_counts(db.conn)["conversation_signals"] == 0:
        from cxreview.signals.analyze import analyze_conversations

        analyze_conversations(db)
    return db, summary


DEMO_SESSION = "demo"
DEMO_REVIEWER = "demo"


def ensure_demo_session(db: Database) -> str:
    """A spotlight session of 12 for the demo reviewer, created once."""
    from cxreview.rubrics import resolve_rubric
    from cxreview.sampling import SampleRequest, create_session
    from cxreview.store.sessions import session_id

    if session_id(db.conn, DEMO_SESSION) is None:
        request = SampleRequest(size=12, strategy="spotlight", seed=2026, name=DEMO_SESSION, reviewers=[DEMO_REVIEWER])
        create_session(db, request, resolve_rubric("default"))
    return DEMO_SESSION
