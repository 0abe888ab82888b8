"""Text hygiene: escapes and control characters go, everything else round-trips."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cxreview.ingest.hygiene import clean_text
from cxreview.ingest.importer import import_files
from cxreview.store import Database
from cxreview.store.conversations import get_messages

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_escape_sequences_and_controls_are_removed() -> None:
    assert clean_text("\x1b[31mred\x1b[0m text") == "red text"
    assert clean_text("title\x1b]0;pwned\x07 here") == "title here"
    assert clean_text("bell\x07 null\x00 del\x7f c1\x9b") == "bell null del c1"
    assert clean_text("line one\r\nline two\ttab") == "line one\nline two\ttab"


def test_markup_like_text_is_kept_exactly() -> None:
    text = "[bold]hi[/] [/x] [@click=app.quit]x[/] [link=https://example.com]y[/link] back\\"
    assert clean_text(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("a\u202ab")  # a bidi control alone: shown as <U+202A>, so the text changes
def test_clean_text_only_removes_control_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert CONTROL.search(cleaned) is None
    bidi = re.search("[\u202a-\u202e\u2066-\u2069]", text)
    if CONTROL.search(text) is None and not bidi:
        assert cleaned == text
    # Nothing is added (bidi controls become a visible <U+XXXX>), printable characters keep their order.
    if not bidi:
        assert len(cleaned) <= len(text)
    assert re.search("[\u202a-\u202e\u2066-\u2069]", cleaned) is None


_EXAMPLES = itertools.count()


# One database for all examples (each example a conversation of its own): a new database per
# example would cost more than the example.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=0, max_size=200), min_size=1, max_size=5))
def test_arbitrary_text_round_trips_through_import(db: Database, tmp_path: Path, texts: list[str]) -> None:
    conv_id = f"rt{next(_EXAMPLES)}"
    record = {"id": conv_id, "messages": [{"role": "customer", "text": t} for t in texts]}
    path = tmp_path / f"{conv_id}.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    import_files(db, [str(path)])
    stored = [m["text"] for m in get_messages(db.conn, conv_id)]
    assert stored == [clean_text(t) for t in texts]
