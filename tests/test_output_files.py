"""Output files (-o): never onto the database, always atomic, one-line errors (issue 14 item 1)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, conversation

COMMANDS = {
    "export": ["export"],
    "report": ["report", "--agent", "Sanne"],
    "insights": ["insights", "--format", "html"],
}


@pytest.fixture
def imported(run_cli, write_jsonl, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    source = write_jsonl([conversation(f"c{i}", customer=f"C{i}") for i in range(30)])
    assert run_cli("import", "-q", str(source)).exit_code == 0
    return db_path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()}


@pytest.mark.sqlite_only(reason="an output path onto the SQLite file, its WAL, a symlink or a hard link")
@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("target", ["db", "symlink", "wal", "hardlink"])
def test_output_onto_the_database_is_refused_and_nothing_changes(
    run_cli, imported: Path, tmp_path: Path, command: str, target: str
) -> None:  # type: ignore[no-untyped-def]
    output = {
        "db": imported,
        "symlink": tmp_path / "report.csv",
        "wal": Path(f"{imported}-wal"),
        "hardlink": tmp_path / "hard.csv",
    }[target]
    if target == "symlink":
        output.symlink_to(imported.name)
    if target == "hardlink":
        os.link(imported, output)
    before = imported.read_bytes()
    result = run_cli(*COMMANDS[command], "-o", str(output))
    assert result.exit_code == 1
    assert "would destroy it" in result.output
    assert imported.read_bytes() == before
    assert run_cli("export", "--level", "conversation").output.count("\n") == 31


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_output_to_a_missing_folder_is_one_line(run_cli, imported: Path, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(*COMMANDS[command], "-o", str(tmp_path / "nowhere" / "out.txt"))
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_output_replaces_an_old_file_only_when_complete(run_cli, imported: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "old.csv"
    out.write_text("old contents\n")
    assert run_cli("export", "--level", "message", "-o", str(out)).exit_code == 0
    assert out.read_text().startswith("conversation_id")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_write_failure_leaves_the_old_file_and_says_why(run_cli, write_jsonl, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """ulimit -f: the export is larger than the limit, so the write fails half way."""
    long_text = "x" * 2000
    records = [conversation(f"b{i}", messages=[{"role": "customer", "text": long_text}]) for i in range(60)]
    assert run_cli("import", "-q", "--no-analyze", str(write_jsonl(records))).exit_code == 0
    out = tmp_path / "old.csv"
    out.write_text("old contents\n")
    limit = 64 * 1024  # bytes: below the export (120 KB), above the database's -wal

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "cxreview", "--db", str(db_path), "export", "--level", "message", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        preexec_fn=cap,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "file size limit" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert out.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.sqlite_only(reason="file names only; the engine does not matter")
def test_the_file_name_chooses_the_format_when_format_is_not_given(run_cli, imported: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Found following the help: 'report ... -o sanne.html' and 'export -o reviews.jsonl' wrote
    Markdown and CSV into those files (a browser showed '# Coaching report' as plain text)."""
    from cxreview import reviews
    from cxreview.rubrics import resolve_rubric
    from cxreview.store import open_database

    with open_database(imported) as db:
        review = reviews.start_review(db, "c1", "ana", resolve_rubric("default"))
        for criterion in ("empathy", "clarity", "resolution"):
            reviews.set_score(db, review.id, criterion, 4)
        reviews.submit(db, review.id)
    cases = {
        ("export", "e.jsonl"): lambda text: text.startswith('{"'),
        ("export", "m.jsonl"): lambda text: text.startswith('{"'),
        ("report", "r.html"): lambda text: text.lstrip().lower().startswith("<!doctype html"),
        ("insights", "i.html"): lambda text: text.lstrip().lower().startswith("<!doctype html"),
        ("insights", "i.json"): lambda text: text.startswith("{"),
        ("insights", "i.md"): lambda text: text.startswith("#"),
    }
    for (command, name), looks_right in cases.items():
        args = {"export": ["export"], "report": ["report", "--agent", "Sanne"], "insights": ["insights"]}[command]
        if name == "m.jsonl":
            args = ["export", "--level", "message"]
        result = run_cli(*args, "-q", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert looks_right(text), (command, name, text[:80])
    # An explicit --format still wins over the name.
    assert run_cli("export", "--level", "message", "--format", "csv", "-q", "-o", str(tmp_path / "x.jsonl")).exit_code == 0
    assert (tmp_path / "x.jsonl").read_text(encoding="utf-8").startswith("conversation_id,")


@pytest.mark.sqlite_only(reason="file names only; the engine does not matter")
def test_a_file_name_asking_for_a_format_the_command_cannot_write_is_a_one_line_error(
    run_cli, imported: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for args, name, fix in (
        (["export"], "reviews.xlsx", ".csv"),
        (["report", "--agent", "Sanne"], "sanne.csv", ".html"),
        (["insights"], "i.csv", ".html"),
    ):
        result = run_cli(*args, "-o", str(tmp_path / name))
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and fix in result.output and not (tmp_path / name).exists()
