"""The store boundary is a contract: import-linter layers, and SQL only in cxreview/store/."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "cxreview"
# A string that reads as a SQL statement: the keyword and what must follow it.
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)"
    r"|PRAGMA\s+\w+)\b",
    re.IGNORECASE | re.DOTALL,
)
# Calls that run SQL on a connection or on the Database helper.
RUNS_SQL = re.compile(r"\.(execute|executemany|executescript)\(|\bdb\.(scalar|query)\(")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the package in ``root`` with the contracts of its pyproject.toml."""
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    return subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)


def test_import_linter_contracts_are_kept() -> None:
    """Layers never import upward; only the store imports sqlite3 (or psycopg); only the
    TUI imports textual. The contracts are in pyproject.toml under [tool.importlinter]."""
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_can_fail(tmp_path: Path) -> None:
    """A copy of the package with an upward import and a stray sqlite3 breaks both contracts."""
    shutil.copytree(PACKAGE, tmp_path / "cxreview", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    with open(tmp_path / "cxreview" / "store" / "clock.py", "a", encoding="utf-8") as f:
        f.write("\nimport cxreview.sampling  # noqa\n")
    with open(tmp_path / "cxreview" / "reviews.py", "a", encoding="utf-8") as f:
        f.write("\nimport sqlite3  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "cxreview.store is not allowed to import cxreview.sampling" in result.stdout
    assert "cxreview.reviews is not allowed to import sqlite3" in result.stdout


def _outside_store() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "store" not in p.relative_to(PACKAGE).parts[:1]]


def sql_outside_store(path: Path) -> list[str]:
    """Lines of ``path`` that hold a SQL statement in a string or run one on a connection."""
    source = path.read_text(encoding="utf-8")
    name = path.relative_to(REPO) if path.is_relative_to(REPO) else path.name
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and SQL.search(token.string):
            found.append(f"{name}:{token.start[0]}: SQL in a string")
    for number, line in enumerate(source.splitlines(), start=1):
        if RUNS_SQL.search(line):
            found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_every_sql_statement_lives_in_the_store() -> None:
    found = [hit for path in _outside_store() for hit in sql_outside_store(path)]
    assert not found, "SQL outside cxreview/store/ (put it in a store function):\n" + "\n".join(found)


def test_the_sql_check_can_fail(tmp_path: Path) -> None:
    """The scanner above finds each kind of SQL it is meant to find."""
    sample = tmp_path / "probe.py"
    sample.write_text(
        'def f(db, conn):\n    conn.execute("x")\n    db.scalar("y")\n    q = "select id from reviews"\n',
        encoding="utf-8",
    )
    hits = sql_outside_store(sample)
    assert len(hits) == 3, hits
