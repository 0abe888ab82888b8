"""Several reviewers on one database file at once: nobody waits on a lock or loses work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cxreview.demo.build import build_demo
from cxreview.store import open_database
from tests.conftest import REPO

WRITER = r"""
import sys, random
from cxreview import reviews
from cxreview.rubrics import resolve_rubric
from cxreview.store import open_database
db_path, reviewer = sys.argv[1], sys.argv[2]
rubric = resolve_rubric("default")
with open_database(db_path) as db:
    ids = [r[0] for r in db.query("SELECT id FROM conversations ORDER BY id LIMIT 60")]
    for conversation in ids:
        review = reviews.start_review(db, conversation, reviewer, rubric)
        for criterion, score in zip(("empathy", "clarity", "resolution"), (3, 4, 5)):
            reviews.set_score(db, review.id, criterion, score)
        reviews.set_overall_note(db, review.id, f"{reviewer} on {conversation}")
        reviews.submit(db, review.id)
print("ok")
"""

ANALYZER = r"""
import sys
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import open_database
with open_database(sys.argv[1]) as db:
    for _ in range(3):
        analyze_conversations(db, workers=1)
print("ok")
"""


def test_three_reviewers_and_an_analysis_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    db, _ = build_demo(path)
    db.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for name in ("ana", "ben", "cem")
    ]
    procs.append(
        subprocess.Popen(
            [sys.executable, "-c", ANALYZER, str(path)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    )
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        assert out.decode().strip() == "ok"
        assert b"locked" not in err
    with open_database(path) as db:
        assert db.scalar("SELECT count(*) FROM reviews WHERE status = 'submitted'") == 180
        assert db.scalar("SELECT count(*) FROM review_scores") == 540
        assert db.scalar("SELECT count(DISTINCT overall_note) FROM reviews") == 180
