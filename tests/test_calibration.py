"""Calibration: agreement figures, leniency offsets from shared conversations, calibrated exports."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
from click.testing import CliRunner

from cxreview import reviews
from cxreview.calibration import MIN_SHRINKAGE, _ridge, calibrate, calibrated_value, load_scores
from cxreview.cli import cli
from cxreview.errors import NotFoundError, UsageError
from cxreview.export import export_reviews, review_records
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.reports.coaching import build_report, to_html, to_markdown
from cxreview.rubrics import resolve_rubric
from cxreview.rubrics.loader import parse_rubric
from cxreview.store import Database
from tests.conftest import REPO

RUBRIC = resolve_rubric("default")


@pytest.fixture
def demo(db: Database) -> Database:
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    return db


def _score(db: Database, conversation: str, reviewer: str, values: dict[str, int | str], note: str = "") -> int:
    review = reviews.start_review(db, conversation, reviewer, RUBRIC)
    for criterion, value in values.items():
        if value == "na":
            reviews.set_na(db, review.id, criterion)
        else:
            reviews.set_score(db, review.id, criterion, int(value))
    if note:
        reviews.set_overall_note(db, review.id, note)
    reviews.submit(db, review.id)
    return review.id


def _simulate(db: Database, biases: dict[str, int], conversations: int = 60, seed: int = 4) -> list[str]:
    rng = random.Random(seed)
    ids = [r[0] for r in db.query("SELECT id FROM conversations ORDER BY id LIMIT ?", (conversations,))]
    for cid in ids:
        truth = {c: rng.randint(2, 4) for c in ("empathy", "clarity", "resolution")}
        for reviewer, bias in biases.items():
            values = {c: max(1, min(5, v + bias + rng.choice([-1, 0, 0, 0, 1]))) for c, v in truth.items()}
            _score(db, cid, reviewer, values)
    return ids


def test_offsets_recover_leniency_on_shared_conversations(demo: Database) -> None:
    _simulate(demo, {"ana": 1, "ben": -1, "cem": 0})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    for criterion in ("empathy", "clarity", "resolution"):
        ana, ben, cem = (result.offsets[(r, criterion)] for r in ("ana", "ben", "cem"))
        assert 0.6 < ana.offset < 1.1 and -1.1 < ben.offset < -0.6 and abs(cem.offset) < 0.25
        assert ana.low < ana.offset < ana.high and ana.n == 60
        # centred: the offsets balance out
        assert abs(ana.offset + ben.offset + cem.offset) < 1e-6
    agreement = {a.criterion: a for a in result.criteria}
    assert agreement["empathy"].conversations == 60 and agreement["empathy"].pairs == 180
    assert agreement["empathy"].alignment["cem"][0] > agreement["empathy"].alignment["ana"][0]
    assert result.warnings == []


def test_team_quality_is_not_mistaken_for_leniency(demo: Database) -> None:
    """ana reviews only strong conversations, ben only weak ones, plus a shared overlap
    scored alike: their averages differ a lot, their offsets must not."""
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id LIMIT 70")]
    for cid in ids[:30]:
        _score(demo, cid, "ana", {"empathy": 5, "clarity": 5, "resolution": 5})
    for cid in ids[30:60]:
        _score(demo, cid, "ben", {"empathy": 1, "clarity": 1, "resolution": 2})
    for index, cid in enumerate(ids[60:]):
        level = 2 + index % 3
        for reviewer in ("ana", "ben"):
            _score(demo, cid, reviewer, {"empathy": level, "clarity": level, "resolution": level})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    assert abs(result.offsets[("ana", "empathy")].offset) < 0.05
    assert abs(result.offsets[("ben", "empathy")].offset) < 0.05


def test_thin_evidence_is_shrunk_and_benchmark_anchors(demo: Database) -> None:
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id LIMIT 2")]
    for cid in ids:
        _score(demo, cid, "ana", {"empathy": 5, "clarity": 5, "resolution": 5})
        _score(demo, cid, "lead", {"empathy": 3, "clarity": 3, "resolution": 3})
    result = calibrate(load_scores(demo)[("default", 1)], benchmark="lead", bootstrap=0)
    offset = result.offsets[("ana", "empathy")]
    assert result.offsets[("lead", "empathy")].offset == 0  # anchored on the benchmark
    # The raw difference is 2, but two shared conversations are thin evidence: 2 x 2/(2+5) ≈ 0.57 each side.
    assert 0.3 < offset.offset < 1.5 and offset.high - offset.low > 0.5
    assert any("too little data" in a.note for a in result.criteria)


def test_disconnected_reviewer_groups_are_warned_about(demo: Database) -> None:
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id LIMIT 4")]
    for cid in ids[:2]:
        _score(demo, cid, "ana", {"empathy": 4, "clarity": 4, "resolution": 4})
        _score(demo, cid, "ben", {"empathy": 3, "clarity": 3, "resolution": 3})
    for cid in ids[2:]:
        _score(demo, cid, "cem", {"empathy": 4, "clarity": 4, "resolution": 4})
        _score(demo, cid, "dee", {"empathy": 2, "clarity": 2, "resolution": 2})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    assert result.groups == [["ana", "ben"], ["cem", "dee"]]
    assert "2 groups that share no conversations" in result.warnings[0]


def test_na_agreement_and_non_blind_reviews(demo: Database) -> None:
    cid = demo.scalar("SELECT id FROM conversations ORDER BY id LIMIT 1")
    first = _score(demo, cid, "ana", {"empathy": 4, "clarity": 4, "resolution": "na"})
    _score(demo, cid, "ben", {"empathy": 4, "clarity": 3, "resolution": 4})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    resolution = next(a for a in result.criteria if a.criterion == "resolution")
    assert resolution.na_agreement == 0.0 and resolution.conversations == 0
    empathy = next(a for a in result.criteria if a.criterion == "empathy")
    assert empathy.exact == 1.0 and empathy.pairs == 1
    # ana looks at ben's scores, reopens and changes hers: no longer blind, left out.
    reviews.mark_seen_others(demo, first)
    reviews.reopen(demo, first)
    reviews.set_score(demo, first, "resolution", 4)
    reviews.submit(demo, first)
    assert {s.reviewer for s in load_scores(demo)[("default", 1)]} == {"ben"}
    assert len(load_scores(demo, blind_only=False)[("default", 1)]) == 6


def test_calibrated_value_clips_and_leaves_na_alone(demo: Database) -> None:
    _simulate(demo, {"ana": 1, "ben": -1}, conversations=30)
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    value, offset = calibrated_value(result, RUBRIC, "ben", "empathy", 5, False)
    assert value == 5 and offset < 0  # 5 - (negative offset) is clipped to the scale's max
    assert calibrated_value(result, RUBRIC, "ben", "empathy", None, True) == (None, 0.0)
    bot = resolve_rubric("bot")
    assert calibrated_value(None, bot, "ben", "transparency", 3, False) == (3.0, 0.0)


def test_review_and_criterion_exports(demo: Database) -> None:
    _simulate(demo, {"ana": 1, "ben": -1}, conversations=20)
    cid = demo.scalar("SELECT id FROM conversations ORDER BY id DESC LIMIT 1")
    draft = reviews.start_review(demo, cid, "ana", RUBRIC)
    reviews.set_score(demo, draft.id, "empathy", 2)
    reviews.set_overall_note(demo, draft.id, "=cmd|' /C calc'!A0")
    out = io.StringIO()
    assert export_reviews(demo, "review", Filters(), out, "csv") == 40
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[:6] == ["review_id", "conversation_id", "agent", "queue", "channel", "reviewer"]
    ana = [r for r in rows if r["reviewer"] == "ana"]
    assert all(float(r["calibrated_score"]) <= float(r["raw_score"]) + 1e-9 for r in ana)
    out = io.StringIO()
    export_reviews(demo, "criterion", Filters(), out, "csv", include_drafts=True)
    drafts = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["status"] == "draft"]
    assert len(drafts) == 1 and drafts[0]["criterion"] == "empathy" and drafts[0]["raw"] == "2"
    out = io.StringIO()
    export_reviews(demo, "review", Filters(), out, "csv", include_drafts=True)
    assert "'=cmd|' /C calc'!A0" in out.getvalue()
    raw = review_records(demo, "review", Filters(), calibrated=False)
    assert all(r["calibrated_score"] is None for r in raw)


def test_coaching_report_markdown_and_html(demo: Database) -> None:
    _simulate(demo, {"ana": 1, "ben": -1}, conversations=40)
    agent = demo.scalar("SELECT agent FROM conversations WHERE agent IS NOT NULL ORDER BY id LIMIT 1")
    cid = demo.scalar("SELECT id FROM conversations WHERE agent = ? ORDER BY id LIMIT 1", (agent,))
    demo.execute(
        "UPDATE messages SET text = 'mail me: jan@example.nl [link=x]y[/link] <script>' WHERE conversation_id = ?",
        (cid,),
    )
    review_id = demo.scalar("SELECT id FROM reviews WHERE conversation_id = ? AND reviewer = 'ana'", (cid,))
    reviews.reopen(demo, review_id)
    reviews.set_criterion_note(demo, review_id, "empathy", "acknowledge the delay first")
    reviews.set_root_causes(demo, review_id, "empathy", ["rushed"])
    reviews.set_score(demo, review_id, "resolution", 1)
    reviews.submit(demo, review_id)
    report = build_report(demo, agent)
    assert report.reviews >= 2 and {c.label for c in report.criteria} == {"Empathy", "Clarity", "Resolution"}
    assert ("rushed", 1) in report.root_causes
    markdown = to_markdown(report)
    assert "## Your scores per criterion" in markdown and "team median" in markdown
    assert "jan@example.nl" not in markdown and "\\[email\\]" in markdown  # masked, then escaped for Markdown
    assert "acknowledge the delay first" in markdown
    html = to_html(report)
    assert html.startswith("<!doctype html>") and "<svg" in html and "<script>" not in html
    assert "&lt;script&gt;" in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")
    with pytest.raises(NotFoundError, match="no submitted reviews"):
        build_report(demo, "Nobody")


def test_calibrate_cli_json(run_cli, db_path) -> None:  # type: ignore[no-untyped-def]
    from cxreview.store import open_database

    run_cli("import", "-q", "--no-analyze", str(REPO / "samples" / "demo.jsonl"))
    with open_database(db_path) as db:
        _simulate(db, {"ana": 1, "ben": 0}, conversations=12)
    result = run_cli("calibrate", "--format", "json")
    data = json.loads(result.output)["default@1"]
    assert data["criteria"][0]["conversations"] == 12 and data["criteria"][0]["alpha_95"] is not None
    # Every offset says whether it is applied and why: ana's +1 on 12 conversations is evidence.
    ana = next(o for o in data["offsets"] if o["reviewer"] == "ana" and o["criterion"] == "empathy")
    assert ana["applied"] == ana["offset"] > 0 and ana["reason"].startswith("applied")
    table = run_cli("calibrate")
    assert "version 1" in table.output and "applied" in table.output
    assert "indicative only" in data["criteria"][0]["note"]
    table = run_cli("calibrate")
    assert "Agreement" in table.output and "ana" in table.output


def test_export_can_anchor_offsets_on_a_benchmark_reviewer(demo: Database) -> None:
    _simulate(demo, {"lead": 0, "ana": 1}, conversations=20)
    anchored = review_records(demo, "review", Filters(), benchmark="lead")
    lead = [r for r in anchored if r["reviewer"] == "lead"]
    assert all(r["calibrated_score"] == r["raw_score"] for r in lead)
    centred = review_records(demo, "review", Filters())
    assert any(r["calibrated_score"] != r["raw_score"] for r in centred if r["reviewer"] == "lead")


def test_exact_solve_matches_least_squares_on_a_chain_of_reviewers() -> None:
    """20 reviewers in a chain (each shares conversations only with the next): the old
    200-step iteration stopped 0.39 points short here; the solve must equal an independent
    least-squares fit of the ridge problem."""
    import numpy as np

    rng = random.Random(7)
    rows = []
    for link in range(19):
        for k in range(3):
            truth = rng.uniform(1, 5)
            for reviewer in (link, link + 1):
                rows.append((f"c{link}-{k}", f"r{reviewer:02d}", truth + 0.1 * reviewer + rng.gauss(0, 0.3)))
    for shrinkage in (MIN_SHRINKAGE, 5.0):
        fit = _ridge(rows, shrinkage)
        conversations = sorted({c for c, _, _ in rows})
        reviewers = sorted(fit.index)
        design = np.zeros((len(rows) + len(reviewers), len(conversations) + len(reviewers)))
        target = np.zeros(len(rows) + len(reviewers))
        for i, (c, r, v) in enumerate(rows):
            design[i, conversations.index(c)] = 1
            design[i, len(conversations) + reviewers.index(r)] = 1
            target[i] = v
        for j in range(len(reviewers)):  # the ridge penalty as extra rows
            design[len(rows) + j, len(conversations) + j] = shrinkage**0.5
        solution = np.linalg.lstsq(design, target, rcond=None)[0][len(conversations) :]
        assert np.allclose(fit.beta, solution, atol=1e-9)


def test_shrinkage_below_the_minimum_is_refused(demo: Database, run_cli) -> None:  # type: ignore[no-untyped-def]
    _simulate(demo, {"ana": 1, "ben": 0}, conversations=3)
    for bad in (0.0, -2.0, float("nan")):
        with pytest.raises(UsageError, match="--shrinkage must be at least"):
            calibrate(load_scores(demo)[("default", 1)], shrinkage=bad, bootstrap=0)
    runner_result = CliRunner().invoke(cli, ["--db", demo.path, "calibrate", "--shrinkage", "0"])
    assert runner_result.exit_code == 2 and "--shrinkage must be at least 1" in runner_result.output
    assert "Traceback" not in runner_result.output


ANCHORS_10 = ", ".join(f"{level}: x" for level in range(1, 11))


def test_rubric_versions_are_not_pooled(demo: Database) -> None:
    """Version 1 (1-5) scored 4 and version 2 (1-10) scored 8 on the same conversations are
    the same judgement on different scales: no alpha across them, no offsets."""
    v2 = parse_rubric(
        "id: default\nname: Default v2\nversion: 2\npass_threshold: 70\ncriteria:\n"
        + "".join(
            f"  - {{id: {c}, label: {c}, question: q, scale: {{min: 1, max: 10}}, anchors: {{{ANCHORS_10}}}}}\n"
            for c in ("empathy", "clarity", "resolution")
        )
    )
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id LIMIT 12")]
    for cid in ids:
        _score(demo, cid, "ana", {"empathy": 4, "clarity": 4, "resolution": 4})
        review = reviews.start_review(demo, cid, "ben", v2)
        for criterion in ("empathy", "clarity", "resolution"):
            reviews.set_score(demo, review.id, criterion, 8)
        reviews.submit(demo, review.id)
    grouped = load_scores(demo)
    assert sorted(grouped) == [("default", 1), ("default", 2)]
    for scores in grouped.values():
        result = calibrate(scores, bootstrap=0)
        assert result.offsets == {} and all(a.conversations == 0 for a in result.criteria)
    rows = review_records(demo, "review", Filters())
    assert all(r["calibrated_score"] == r["raw_score"] for r in rows)


def test_offsets_are_applied_only_on_evidence(demo: Database) -> None:
    """Six shared conversations: the tool calls the figures noise, so exports must not move
    scores on them; sixty: the offset is applied, and each export row says which."""
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id LIMIT 6")]
    for cid in ids:
        _score(demo, cid, "ana", {"empathy": 5, "clarity": 4, "resolution": 5})
        _score(demo, cid, "ben", {"empathy": 3, "clarity": 4, "resolution": 3})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    ana = result.offsets[("ana", "empathy")]
    assert ana.offset > 0.3 and ana.applied == 0 and "6 shared conversations, 10 needed" in ana.reason
    rows = review_records(demo, "review", Filters())
    assert all(r["calibrated_score"] == r["raw_score"] and r["offsets"] == "none applied" for r in rows)
    criterion_rows = review_records(demo, "criterion", Filters())
    assert all(r["offset_applied"] == 0 and r["offset_note"].startswith("not applied") for r in criterion_rows)


def test_offsets_with_enough_evidence_are_applied_and_said_so(demo: Database) -> None:
    _simulate(demo, {"ana": 1, "ben": -1, "cem": 0})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    ana, cem = result.offsets[("ana", "empathy")], result.offsets[("cem", "empathy")]
    assert ana.applied == ana.offset and ana.low > 0 and ana.reason.startswith("applied")
    assert cem.low < 0 < cem.high and cem.applied == 0 and "includes 0" in cem.reason
    rows = {(r["reviewer"], r["criterion"]): r for r in review_records(demo, "criterion", Filters())}
    assert rows[("ana", "empathy")]["offset_note"].startswith("applied")
    assert rows[("cem", "empathy")]["offset_applied"] == 0
    reviews_rows = [r for r in review_records(demo, "review", Filters()) if r["reviewer"] == "ana"]
    assert reviews_rows[0]["offsets"].startswith("applied: ")


def test_vectorised_review_scores_match_the_score_formula(demo: Database) -> None:
    """calibrate() scores reviews with numpy; it must agree with rubrics/scoring.py, N/A,
    critical zero and flag included."""
    import dataclasses

    from cxreview.calibration import _review_scores
    from cxreview.rubrics.scoring import review_score

    _simulate(demo, {"ana": 1, "ben": -1}, conversations=25)
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id DESC LIMIT 3")]
    _score(demo, ids[0], "cem", {"empathy": 4, "clarity": 3, "resolution": "na"})
    _score(demo, ids[1], "cem", {"empathy": 5, "clarity": 5, "resolution": 1})  # critical: zero
    _score(demo, ids[2], "cem", {"empathy": 1, "clarity": 4, "resolution": 4})  # critical: flag only
    scores = load_scores(demo)[("default", 1)]
    fast = _review_scores(scores)
    by_review: dict[int, list] = {}
    for s in scores:
        by_review.setdefault(s.review_id, []).append(s)
    expected = [
        (
            g[0].conversation_id,
            g[0].reviewer,
            review_score(g[0].rubric, {s.criterion: "na" if s.na else s.value for s in g}).score,
        )
        for g in by_review.values()
    ]
    assert [(c, r) for c, r, _ in fast] == [(c, r) for c, r, _ in expected]
    assert [v for _, _, v in fast] == pytest.approx([v for _, _, v in expected], abs=1e-9)
    assert 0.0 in [v for _, _, v in fast]
    mixed = [dataclasses.replace(scores[0], rubric=dataclasses.replace(scores[0].rubric)), *scores[1:]]
    assert [v for _, _, v in _review_scores(mixed)] == pytest.approx([v for _, _, v in expected], abs=1e-9)


def test_no_shared_conversation_says_how_to_get_one_once(demo: Database) -> None:
    """Found as a supervisor: each single review gave four notes 'only 0 conversations with two
    or more reviewers: too little data, figures are noise', where there are no figures at all."""
    ids = [r[0] for r in demo.query("SELECT id FROM conversations ORDER BY id LIMIT 2")]
    _score(demo, ids[0], "ana", {"empathy": 4, "clarity": 4, "resolution": 4})
    _score(demo, ids[1], "ben", {"empathy": 3, "clarity": 3, "resolution": 3})
    result = calibrate(load_scores(demo)[("default", 1)], bootstrap=0)
    note = result.criteria[0].note
    assert "only 0" not in note and "no conversation" in note and "--calibration" in note
    out = CliRunner().invoke(cli, ["--db", demo.path, "calibrate"]).output
    assert out.count("no conversation has") == 1, out  # one note for every criterion, not one each
    assert "Empathy, Clarity, Resolution, Review score" in " ".join(out.split())
    _score(demo, ids[0], "ben", {"empathy": 3, "clarity": 3, "resolution": 3})
    note = calibrate(load_scores(demo)[("default", 1)], bootstrap=0).criteria[0].note
    assert note.startswith("only 1 conversation with two or more reviewers")
