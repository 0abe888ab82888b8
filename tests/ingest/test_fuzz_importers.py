"""Fuzzing the importers (issue 14): random bytes, JSON and CSV never crash and never half-write.

Whatever the file holds, `cxreview import` either exits 0 with valid data (every
conversation has messages, exports parse as strict JSON) or exits non-zero with one-line
errors; never a traceback, and a failed import leaves the database exactly as it was.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxreview.cli import cli
from cxreview.store import open_database
from tests.conftest import conversation

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} stored or exported")


def _import_and_check(folder: Path, name: str, data: bytes) -> None:
    db_path = folder / "fuzz.db"
    if not db_path.exists():  # one conversation already there: a failed import must not touch it
        seed = folder / "seed.jsonl"
        seed.write_text(json.dumps(conversation("seed")) + "\n")
        assert CliRunner().invoke(cli, ["--db", str(db_path), "import", "-q", "--no-analyze", str(seed)]).exit_code == 0
    with open_database(db_path) as db:
        before = [tuple(r) for r in db.query("SELECT id, content_hash FROM conversations ORDER BY id")]
    path = folder / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "import", "-q", "--no-analyze", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    with open_database(db_path) as db:
        after = [tuple(r) for r in db.query("SELECT id, content_hash FROM conversations ORDER BY id")]
        empty = db.scalar("SELECT count(*) FROM conversations WHERE n_messages = 0")
        stored = db.query("SELECT meta, tags, csat FROM conversations")
    for meta, tags, csat in stored:  # what was stored is strict JSON and finite numbers
        json.loads(meta, parse_constant=_no_constants)
        json.loads(tags, parse_constant=_no_constants)
        assert csat is None or math.isfinite(csat)
    if result.exit_code == 0:
        assert empty == 0
        for level in ("conversation", "message"):
            exported = CliRunner().invoke(cli, ["--db", str(db_path), "export", "--level", level, "--format", "jsonl"])
            assert exported.exit_code == 0
            for line in exported.output.splitlines():
                json.loads(line, parse_constant=_no_constants)
    else:
        assert result.exit_code in (1, 2)
        assert result.output.strip().splitlines()[-1].startswith("Error: "), result.output
        assert after == before


@FUZZ
@given(data=st.binary(max_size=400), name=st.sampled_from(["x.jsonl", "x.csv", "x.jsonl.gz", "x.csv.gz", "x.json"]))
def test_random_bytes(tmp_path: Path, data: bytes, name: str) -> None:
    _import_and_check(tmp_path, name, data)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.sampled_from([math.nan, math.inf, -math.inf])  # not JSON, but json.dumps writes them
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    ["id", "messages", "started_at", "csat", "language", "agent", "tags", "meta", "meta", "channel"]
)


@st.composite
def conversations(draw: st.DrawFn) -> str:
    """Mostly valid conversations with a few fields replaced by random JSON (NaN included)."""
    record = conversation(draw(st.from_regex(r"[A-Za-z0-9-]{1,10}", fullmatch=True) | st.text(min_size=1, max_size=10)))
    for field in draw(st.lists(FIELDS, max_size=2)):
        # meta is usually an object; a NaN deep inside it must not reach the database either.
        record[field] = draw(st.dictionaries(st.text(max_size=5), JSON, max_size=3) if field == "meta" else JSON)
    if draw(st.booleans()):
        record["messages"] = [
            {"role": draw(st.sampled_from(["customer", "agent", "bot", "x"])), "text": draw(st.text(max_size=30))}
            for _ in range(draw(st.integers(0, 3)))
        ]
    return json.dumps(record, allow_nan=True)


@FUZZ
@given(
    lines=st.lists(conversations(), min_size=1, max_size=3)  # often valid: the success path is checked too
    | st.lists(conversations() | JSON.map(lambda v: json.dumps(v, allow_nan=True)), max_size=4)
)
def test_random_json_lines(tmp_path: Path, lines: list[str]) -> None:
    _import_and_check(tmp_path, "x.jsonl", ("\n".join(lines) + "\n").encode())


CELL = st.text(max_size=12) | st.sampled_from(["customer", "agent", "bot", "c1", "", '"', "Infinity", "NaN"])


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["conversation_id", "role", "text", "at", "csat", "agent", "x"]) | CELL, max_size=6
    ),
    rows=st.lists(st.lists(CELL, max_size=7), max_size=5),
    raw=st.booleans(),
)
def test_random_csv(tmp_path: Path, header: list[str], rows: list[list[str]], raw: bool) -> None:
    if raw:  # cells joined by hand: stray quotes and separators stay as they are
        text = "\n".join(",".join(row) for row in [header, *rows]) + "\n"
    else:
        out = io.StringIO()
        csv.writer(out).writerows([header, *rows])
        text = out.getvalue()
    _import_and_check(tmp_path, "x.csv", text.encode("utf-8", "surrogatepass"))
