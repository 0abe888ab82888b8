"""`cxreview scores import`: historical scores, validated and atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.errors import InputError
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.score_import import import_scores
from cxreview.store import Database
from tests.conftest import conversation


@pytest.fixture
def loaded(db: Database, write_jsonl) -> Database:
    import_files(db, [str(write_jsonl([conversation("c1"), conversation("c2")]))])
    return db


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_imports_reviews_grouped_by_conversation_and_reviewer(loaded: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        (
            "conversation_id,reviewer,criterion,score,note,submitted_at\n"
            "c1,ana,empathy,4,warm,2026-02-01T10:00:00Z\n"
            "c1,ana,clarity,3,,\n"
            "c1,ana,resolution,n/a,,\n"
            "c1,ben,empathy,2,=HYPERLINK(x),2026-02-02T10:00:00Z\n"
            "c2,ana,empathy,5,,\n"
            "c1,ben,clarity,3,,\n"
            "c2,ana,clarity,5,,\n"
            "c2,ana,resolution,4,,\n"
            "c1,ben,resolution,na,,\n"
        ),
    )
    summary = import_scores(loaded, str(path), resolve_rubric("default"))
    assert (summary.reviews_new, summary.scores) == (3, 9)
    ana = loaded.query("SELECT * FROM reviews WHERE conversation_id='c1' AND reviewer='ana'")[0]
    assert ana["source"] == "import" and ana["status"] == "submitted"
    assert ana["submitted_at"] == "2026-02-01T10:00:00Z"
    assert ana["first_submitted_at"] == "2026-02-01T10:00:00Z"  # disputes count their deadline from it
    # (2 x 75 + 1 x 50) / 3, resolution N/A
    assert ana["score"] == pytest.approx(200 / 3)
    na = loaded.scalar("SELECT na FROM review_scores WHERE review_id = ? AND criterion = 'resolution'", (ana["id"],))
    assert na == 1
    # Stored as given; CSV exports neutralise formulas, storage does not alter text.
    assert loaded.scalar("SELECT note FROM review_scores WHERE note LIKE '=%'") == "=HYPERLINK(x)"
    again = import_scores(loaded, str(path), resolve_rubric("default"))
    assert (again.reviews_new, again.reviews_updated) == (0, 3)
    assert loaded.scalar("SELECT count(*) FROM reviews") == 3
    # Imported reviews get their stored calibrated score too (review_overview, schema 13).
    assert loaded.scalar("SELECT count(*) FROM calibrated_reviews") == 3


def test_bad_rows_are_all_reported_and_nothing_is_written(loaded: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        (
            "conversation_id,reviewer,criterion,score\n"
            "c1,ana,empathy,4\n"
            "nope,ana,empathy,4\n"
            "c1,ana,speed,4\n"
            "c1,ana,clarity,9\n"
            "c1,ana,empathy,n/a\n"
            "c1,,clarity,3\n"
        ),
    )
    with pytest.raises(InputError) as info:
        import_scores(loaded, str(path), resolve_rubric("default"))
    problems = info.value.problems
    assert any(p.startswith(f'{path}:3: no conversation "nope"') for p in problems)
    assert any(p.startswith(f'{path}:4: rubric "default" has no criterion "speed"') for p in problems)
    assert any(p.startswith(f"{path}:5: score 9 for clarity is outside 1..5") for p in problems)
    assert any(p.startswith(f"{path}:6: empathy cannot be N/A") for p in problems)
    assert any(p.startswith(f"{path}:7: empty reviewer") for p in problems)
    assert loaded.scalar("SELECT count(*) FROM reviews") == 0


def test_rubric_column_or_option_is_required(loaded: Database, tmp_path: Path) -> None:
    path = _csv(tmp_path, "conversation_id,reviewer,criterion,score\nc1,ana,empathy,4\n")
    with pytest.raises(InputError) as info:
        import_scores(loaded, str(path))
    assert "--rubric" in info.value.problems[0]
    with_column = _csv(tmp_path, "conversation_id,reviewer,criterion,score,rubric\nc1,ana,transparency,4,bot\n")
    assert import_scores(loaded, str(with_column), as_draft=True).reviews_new == 1


def test_missing_required_column(loaded: Database, tmp_path: Path) -> None:
    path = _csv(tmp_path, "conversation,reviewer,criterion,score\nc1,ana,empathy,4\n")
    with pytest.raises(InputError, match='missing column "conversation_id"'):
        import_scores(loaded, str(path), resolve_rubric("default"))


def test_a_review_missing_criteria_is_an_error_naming_them(loaded: Database, tmp_path: Path) -> None:
    """Issue 14 item 5: one row (empathy only) used to become a submitted, passing review."""
    path = _csv(tmp_path, "conversation_id,reviewer,criterion,score\nc1,ana,empathy,4\n")
    with pytest.raises(InputError) as info:
        import_scores(loaded, str(path), resolve_rubric("default"))
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:2: the review of c1 by ana misses clarity, resolution (critical: resolution)")
    assert "--as-draft" in problem
    assert loaded.scalar("SELECT count(*) FROM reviews") == 0


def test_as_draft_imports_an_incomplete_review_as_a_draft_and_a_later_file_completes_it(
    loaded: Database, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "conversation_id,reviewer,criterion,score\nc1,ana,empathy,4\n")
    import_scores(loaded, str(path), resolve_rubric("default"), as_draft=True)
    review = loaded.query("SELECT * FROM reviews")[0]
    assert (review["status"], review["score"], review["submitted_at"], review["passed"]) == ("draft", None, None, None)
    rest = _csv(tmp_path, "conversation_id,reviewer,criterion,score\nc1,ana,clarity,4\nc1,ana,resolution,1\n")
    import_scores(loaded, str(rest), resolve_rubric("default"))
    review = loaded.query("SELECT * FROM reviews")[0]
    # resolution 1 is below its critical level (effect zero): the stored empathy score counts too.
    assert (review["status"], review["score"], review["critical_fail"]) == ("submitted", 0, 1)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e400", "Infinity"])
def test_non_finite_scores_are_row_errors(loaded: Database, tmp_path: Path, value: str) -> None:
    """Issue 14 item 14: these used to end in an OverflowError/ValueError traceback."""
    path = _csv(tmp_path, f"conversation_id,reviewer,criterion,score\nc1,ana,empathy,{value}\n")
    with pytest.raises(InputError) as info:
        import_scores(loaded, str(path), resolve_rubric("default"))
    assert info.value.problems == [f'{path}:2: score "{value}" for empathy is not a number']


def test_a_semicolon_csv_from_excel_imports_like_a_comma_one(loaded: Database, tmp_path: Path) -> None:
    """Found importing last quarter's scores saved by a Dutch Excel: 'missing column
    "conversation_id"; the header has conversation_id;reviewer;...', with a fix (--map) that
    cannot help. Conversation imports detect the separator; score imports now do too."""
    path = tmp_path / "scores.csv"
    path.write_bytes(
        "\ufeffconversation_id;reviewer;criterion;score;note\r\n"
        "c1;ana;empathy;4;warm, clear\r\nc1;ana;clarity;3;\r\nc1;ana;resolution;n/a;\r\n".encode()
    )
    summary = import_scores(loaded, str(path), resolve_rubric("default"))
    assert (summary.reviews_new, summary.scores) == (1, 3)
    assert loaded.scalar("SELECT note FROM review_scores WHERE criterion = 'empathy'") == "warm, clear"
