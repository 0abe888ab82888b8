"""Several processes writing one database file at once never see 'database is locked'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cxreview.store import open_database
from tests.conftest import REPO, conversation


def test_two_processes_importing_at_once(tmp_path: Path) -> None:
    db_path = tmp_path / "shared.db"
    files = []
    for worker in range(2):
        path = tmp_path / f"part{worker}.jsonl"
        with path.open("w") as out:
            for i in range(3000):
                out.write(json.dumps(conversation(f"w{worker}-{i}")) + "\n")
        files.append(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "cxreview", "--db", str(db_path), "import", "-q", str(path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in files
    ]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err.decode()
        assert b"locked" not in err
    with open_database(db_path) as db:
        assert db.scalar("SELECT count(*) FROM conversations") == 6000
        assert db.scalar("SELECT count(*) FROM messages") == 18000
