"""Sessions from AutoQA's machine scores: lowest predicted (reliable criteria only), least
certain (any model), mixed with random picks, reproducible, with why each was picked."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cxreview.errors import NotFoundError
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.sampling_autoqa import ranked
from cxreview.store import Database, open_database
from cxreview.store.sessions import session_items
from tests.autoqa_helpers import predict
from tests.conftest import REPO

RUBRIC = resolve_rubric("default")


@pytest.fixture
def scored(db: Database) -> tuple[Database, list[str]]:
    """The demo conversations with machine scores: empathy reliable (value falls with the
    position), clarity not reliable (lowest and least certain on the *last* conversations)."""
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    ids = sorted(r["id"] for r in db.query("SELECT id FROM conversations WHERE agent IS NOT NULL"))
    n = len(ids)
    predict(db, "empathy", [(c, 1 + 4 * i / n, 0.4, ["why"]) for i, c in enumerate(ids)])
    predict(
        db,
        "clarity",
        [(c, 5 - 4 * i / n, 0.2 + 3 * i / n, ["noise"]) for i, c in enumerate(ids)],
        reliable=False,
        reason="alpha 0.30 below 0.667",
    )
    return db, ids


def _items(db: Database, name: str) -> list[tuple[str, str, str]]:
    session = db.scalar("SELECT id FROM sessions WHERE name = ?", (name,))
    return [(r["conversation_id"], r["pick"], r["reason"]) for r in session_items(db.conn, session)]


def test_autoqa_low_picks_the_lowest_reliable_scores_reproducibly(scored: tuple[Database, list[str]]) -> None:
    db, ids = scored
    request = dict(size=10, strategy="autoqa-low", seed=5, random_share=0.0)
    result = create_session(db, SampleRequest(name="low", **request), RUBRIC)
    # Only empathy is reliable: its lowest are the first ids (clarity's lowest, the last, never count).
    assert sorted(p.conversation_id for p in result.picks) == ids[:10]
    items = _items(db, "low")
    assert {pick for _, pick, _ in items} == {"autoqa"}
    assert all(reason.startswith("AutoQA predicts Empathy") for _, _, reason in items)
    again = create_session(db, SampleRequest(name="low2", include_reviewed=True, **request), RUBRIC)
    assert [p.conversation_id for p in again.picks] == [p.conversation_id for p in result.picks]


def test_uncertain_uses_any_model_and_mixes_in_random_picks(scored: tuple[Database, list[str]]) -> None:
    db, ids = scored
    result = create_session(
        db, SampleRequest(size=10, strategy="uncertain", seed=3, random_share=0.3, name="unsure"), RUBRIC
    )
    kinds = [p.pick for p in result.picks]
    assert kinds.count("autoqa") == 7 and kinds.count("random") == 3
    targeted = {p.conversation_id for p in result.picks if p.pick == "autoqa"}
    assert targeted <= set(ids[-12:])  # the not-reliable clarity model is least sure on the last ones
    assert all(p.reason.startswith("AutoQA least sure: Clarity ±") for p in result.picks if p.pick == "autoqa")
    stored = db.scalar("SELECT random_share FROM sessions WHERE name = 'unsure'")
    assert stored == 0.3
    blind = create_session(
        db,
        SampleRequest(size=4, strategy="uncertain", seed=3, calibration=True, reviewers=["ana", "ben"], name="calib"),
        RUBRIC,
    )
    assert all("figures hidden" in p.reason and "±" not in p.reason for p in blind.picks if p.pick == "autoqa")


def test_filters_and_one_criterion(scored: tuple[Database, list[str]]) -> None:
    db, _ = scored
    queue = db.scalar("SELECT queue FROM conversations WHERE queue IS NOT NULL LIMIT 1")
    result = create_session(
        db,
        SampleRequest(size=3, strategy="uncertain", criterion="empathy", filters=Filters(queues=[queue]), seed=1),
        RUBRIC,
    )
    assert {db.scalar("SELECT queue FROM conversations WHERE id = ?", (p.conversation_id,)) for p in result.picks} == {
        queue
    }
    assert all("Empathy ±" in p.reason for p in result.picks if p.pick == "autoqa")


def test_clear_errors_without_scores_or_reliable_models(db: Database, db_path: Path, run_cli) -> None:
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    with pytest.raises(NotFoundError, match='no AutoQA model for rubric "default" version 1'):
        create_session(db, SampleRequest(size=3, strategy="autoqa-low"), RUBRIC)
    out = run_cli("sample", "--strategy", "uncertain", "--size", "3")
    assert out.exit_code == 1 and "cxreview autoqa score" in out.output and "Traceback" not in out.output
    assert len(out.output.strip().splitlines()) == 1
    predict(db, "empathy", [("EN-00001", 2.0, 0.5, [])], reliable=False, reason="alpha 0.20 below 0.667")
    with pytest.raises(NotFoundError, match="no reliable AutoQA model.*--strategy uncertain"):
        create_session(db, SampleRequest(size=3, strategy="autoqa-low"), RUBRIC)
    with open_database(db_path) as other:
        assert other.scalar("SELECT count(*) FROM sessions") == 0  # nothing half-written


def test_ties_at_the_scales_end_are_ordered_by_the_unclipped_value(db: Database) -> None:
    """A weak model widened to the reviewers' spread piles many conversations at 1.0: they are
    ordered by how far below the scale the model puts them, then the surer one first; the reason
    says the value was past the scale's end. The seed decides nothing here."""
    from cxreview.store.autoqa import MachineScore, NewModel, save_model, write_scores

    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    ids = sorted(r["id"] for r in db.query("SELECT id FROM conversations WHERE agent IS NOT NULL"))[:30]
    model = save_model(
        db,
        NewModel("default", 1, "empathy", 40, 40, "test", {}, True, "alpha 0.80 [0.72, 0.86] vs reviewers 0.75"),
    )
    # Every one at 1.0 on the scale; the first 20 at 1.0 with unclipped values 0.9 down to -1.0 by
    # position, the last ten above the scale's low end. ids[0] and ids[1] share the lowest unclipped
    # value; ids[1] is surer.
    unclipped = {c: round(0.9 - 0.1 * i, 2) for i, c in enumerate(ids[:20])}
    unclipped[ids[0]] = unclipped[ids[1]] = -2.0
    rows = [MachineScore(c, 1.0, 0.9 if c == ids[0] else 0.5, ("why",), unclipped=unclipped[c]) for c in ids[:20]]
    rows += [MachineScore(c, 3.0, 0.5, ("why",), unclipped=3.0) for c in ids[20:]]
    write_scores(db, model, rows)
    lowest = sorted(ids[:20], key=lambda c: (unclipped[c], c != ids[1]))
    for seed in (1, 2, 3):
        order = ranked(db, RUBRIC, "autoqa-low", None, random.Random(seed))
        assert [c for c, _ in order[:20]] == lowest
    request = SampleRequest(name="tie", size=5, strategy="autoqa-low", seed=4, random_share=0.0)
    picks = create_session(db, request, RUBRIC).picks
    assert sorted(p.conversation_id for p in picks) == sorted(lowest[:5])
    reasons = {c: r for c, _, r in _items(db, "tie")}
    assert reasons[ids[1]] == "AutoQA predicts Empathy 1.0 ±0.5 (model value -2.0, below the scale's 1)"
    assert reasons[ids[19]] == "AutoQA predicts Empathy 1.0 ±0.5 (model value -1.0, below the scale's 1)"


def test_why_picked_says_when_a_newer_model_replaced_the_one_that_ranked(
    scored: tuple[Database, list[str]], db_path: Path, run_cli
) -> None:
    """After a retrain the stored "why picked" describes the old model: the queue, the session
    listing and its JSON say so; a session sampled after the retrain does not."""
    from cxreview.suggestions import OLDER_MODEL, older_model_note
    from cxreview.tui.data import TuiStore

    db, ids = scored
    create_session(db, SampleRequest(name="before", size=4, strategy="autoqa-low", seed=1, random_share=0.5), RUBRIC)
    row = db.query("SELECT * FROM sessions WHERE name = 'before'")[0]
    assert older_model_note(db, row) == ""
    n = len(ids)
    predict(db, "empathy", [(c, 5 - 4 * i / n, 0.4, ["newer"]) for i, c in enumerate(ids)])  # retrained
    assert older_model_note(db, row) == OLDER_MODEL
    create_session(db, SampleRequest(name="after", size=4, strategy="autoqa-low", seed=1, random_share=0.0), RUBRIC)
    assert older_model_note(db, db.query("SELECT * FROM sessions WHERE name = 'after'")[0]) == ""
    data = TuiStore(str(db_path))
    items = data.session("before", "unassigned").items
    assert {i.pick for i in items} == {"autoqa", "random"}
    for item in items:
        assert item.reason.endswith(OLDER_MODEL) == (item.pick == "autoqa")
    assert not any(i.reason.endswith(OLDER_MODEL) for i in data.session("after", "unassigned").items)
    data.close()
    shown = run_cli("sessions", "show", "before", "--format", "json")
    listed = [(i["pick"], i["reason_from_older_model"]) for i in json.loads(shown.output)["items"]]
    assert sorted(set(listed)) == [("autoqa", True), ("random", False)]
    text = run_cli("sessions", "show", "before")
    # The note wraps inside the "Why" cell at 80 columns: one "older" per AutoQA pick.
    assert text.output.count("older") == sum(pick == "autoqa" for pick, _ in listed) > 0
