"""AutoQA suggestions in the review screen: shown for reliable criteria, accepted with `a`
(never over a reviewer's score), overridden by a digit, and never in blind calibration."""

from __future__ import annotations

from pathlib import Path

from cxreview.store import open_database
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.rubric_panel import RubricPanel
from tests.autoqa_helpers import predict
from tests.tui.conftest import open_first_review, settle

REASONS = ["acknowledged the problem", "[bold]apologised[/] once"]  # plain text, never markup


def _predict(path: Path) -> None:
    """Active models for the default rubric (resolution not reliable) scoring every conversation."""
    with open_database(path) as db:
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        predict(db, "empathy", [(c, 3.6, 0.5, REASONS) for c in ids])
        predict(db, "clarity", [(c, 2.5, 0.8, ["asked two questions"]) for c in ids])  # halfway: the lower level
        predict(
            db,
            "resolution",
            [(c, 4.0, 1.1, ["noise"]) for c in ids],
            reliable=False,
            reason="not reliable: alpha 0.31 below 0.667",
        )


def _scores(path: Path, conversation_id: str, reviewer: str = "ana") -> dict[str, tuple]:
    with open_database(path) as db:
        rows = db.query(
            "SELECT s.criterion, s.score, s.suggested FROM review_scores s JOIN reviews r ON r.id = s.review_id "
            "WHERE r.conversation_id = ? AND r.reviewer = ?",
            (conversation_id, reviewer),
        )
    return {r["criterion"]: (r["score"], r["suggested"]) for r in rows}


async def test_accept_override_and_undo_record_which_scores_were_suggested(make_app, tui_db: Path) -> None:
    _predict(tui_db)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen)
        conversation = screen.item.conversation_id
        panel = screen.query_one(RubricPanel).plain
        assert "AutoQA 3.6 ±0.5 (a gives 4): acknowledged the problem; [bold]apologised[/] once" in panel
        assert "AutoQA 2.5 ±0.8" in panel and "a accepts AutoQA" in panel
        assert "AutoQA 4.0" not in panel  # not reliable: no figure
        await pilot.press("5")  # the reviewer's own empathy score: a never overwrites it
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, conversation) == {"empathy": (5, 0), "clarity": (2, 1)}
        said = [n.message for n in app._notifications][-1]
        assert "Accepted AutoQA: Clarity 2" in said and "kept your score for Empathy" in said
        assert "not reliable, score yourself: Resolution" in said
        # Resolution is focused now (the next one to score): its model is named, with no figure.
        panel = screen.query_one(RubricPanel).plain
        assert "AutoQA: not reliable: alpha 0.31 below 0.667" in panel
        assert "a accepts AutoQA" not in panel  # nothing reliable left to accept
        await pilot.press("up")  # clarity
        await pilot.press("3")  # a digit over an accepted suggestion makes it the reviewer's own
        await settle(app, pilot)
        assert _scores(tui_db, conversation)["clarity"] == (3, 0)
        await pilot.press("u")  # back to the accepted suggestion, and to its mark
        await settle(app, pilot)
        assert _scores(tui_db, conversation)["clarity"] == (2, 1)
        await pilot.press("u")  # the acceptance itself undone
        await settle(app, pilot)
        assert _scores(tui_db, conversation)["clarity"] == (None, 0)


async def test_blind_calibration_never_shows_or_accepts_suggestions(make_app, tui_db: Path) -> None:
    _predict(tui_db)
    app = make_app(session="calib")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        assert isinstance(screen, ReviewScreen) and screen.session.calibration
        assert "AutoQA" not in screen.query_one(RubricPanel).plain
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, screen.item.conversation_id) == {}
        assert "Blind calibration session" in [n.message for n in app._notifications][-1]


async def test_without_a_model_a_says_why_and_writes_nothing(make_app, tui_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        assert "AutoQA" not in screen.query_one(RubricPanel).plain
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, screen.item.conversation_id) == {}
        assert "No reliable AutoQA suggestion" in [n.message for n in app._notifications][-1]


async def test_the_accept_key_is_listed_in_help_and_can_be_remapped(make_app) -> None:
    from cxreview.tui.keymap import all_bindings
    from cxreview.tui.screens.help import HelpScreen

    assert all_bindings()["review.accept_suggestions"].key == "a"
    assert all_bindings()["review.message_note"].key == "A"
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_review(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        ids = [b.id for b in app.screen.key_bindings]
        assert "review.accept_suggestions" in ids


async def test_a_leaves_a_suggestion_the_model_is_unsure_of_and_says_so(make_app, tui_db: Path) -> None:
    """A reliable model can be unsure of one conversation: ±1.5 on 1-5 could be any of three
    levels, so the panel shows no figure and `a` leaves that criterion to the reviewer."""
    with open_database(tui_db) as db:
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        predict(db, "empathy", [(c, 3.4, 1.5, ["customer turns disagreeing: 100%"]) for c in ids])
        predict(db, "clarity", [(c, 4.2, 0.6, ["asked two questions"]) for c in ids])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        conversation = screen.item.conversation_id
        panel = screen.query_one(RubricPanel).plain
        assert "AutoQA unsure ±1.5 (more than a level either way; a leaves it)" in panel
        assert "AutoQA 3.4" not in panel and "AutoQA 4.2 ±0.6" in panel
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, conversation) == {"clarity": (4, 1)}
        said = [n.message for n in app._notifications][-1]
        assert said == "Accepted AutoQA: Clarity 4; Empathy: AutoQA unsure (±1.5), score yourself."
        assert "a accepts AutoQA" not in screen.query_one(RubricPanel).plain  # nothing sure left


async def test_outcome_values_are_masked_in_the_header_and_the_reasons(make_app, tui_db: Path) -> None:
    """An outcome is imported text: an e-mail in it is masked like one in the transcript."""
    from textual.widgets import Static

    from cxreview.tui.widgets.signal_summary import SignalSummary

    with open_database(tui_db) as db:
        with db.transaction() as conn:
            conn.execute("UPDATE conversations SET outcome = 'refund to jan@example.com'")
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        predict(db, "empathy", [(c, 2.2, 0.5, ["outcome refund to jan@example.com: yes (-1.4)"]) for c in ids])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        panel = screen.query_one(RubricPanel).plain
        assert "AutoQA 2.2 ±0.5 (a gives 2): outcome refund to" in panel and "jan@example.com" not in panel
        await pilot.press("t")  # the signal header with the outcome
        await settle(app, pilot)
        header = str(screen.query_one(SignalSummary).query_one("#facts", Static).render())
        assert "refund to" in header and "jan@example.com" not in header


async def test_the_ghost_value_never_wraps_at_80x24(make_app, tui_db: Path) -> None:
    _predict(tui_db)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_review(app, pilot)
        await settle(app, pilot)
        lines = screen.query_one(RubricPanel).plain.splitlines()
        assert lines[0].startswith("▶ Empathy") and lines[0].endswith("≈3.6 ±0.5")
        assert lines[1].startswith("  Clarity") and lines[2].startswith("  Resolution")


async def test_a_with_only_not_reliable_models_names_them_not_the_commands(make_app, tui_db: Path) -> None:
    with open_database(tui_db) as db:
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        predict(db, "resolution", [(c, 4.0, 0.5, ["noise"]) for c in ids], reliable=False, reason="not reliable: x")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, screen.item.conversation_id) == {}
        said = [n.message for n in app._notifications][-1]
        assert said == "AutoQA is not reliable for Resolution: score yourself (the panel says why)."


async def test_a_conversation_outside_the_training_gets_no_figure(make_app, tui_db: Path) -> None:
    """Far from every conversation the model learnt from: no figure to anchor on, `a` leaves it."""
    from cxreview.store.autoqa import MachineScore, write_scores

    with open_database(tui_db) as db:
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        empathy = predict(db, "empathy", [])
        write_scores(db, empathy, [MachineScore(c, 4.6, 0.4, ("long letters",), distance=9.0, far=True) for c in ids])
        predict(db, "clarity", [(c, 4.2, 0.6, ["asked two questions"]) for c in ids])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        conversation = screen.item.conversation_id
        panel = screen.query_one(RubricPanel).plain
        assert "AutoQA: outside training" in panel and "AutoQA 4.6" not in panel
        assert "AutoQA: outside what it was trained on (unlike every reviewed conversation); a leaves it" in panel
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, conversation) == {"clarity": (4, 1)}
        said = [n.message for n in app._notifications][-1]
        assert said == "Accepted AutoQA: Clarity 4; Empathy: outside what AutoQA was trained on, score yourself."


async def test_a_channel_where_autoqa_is_not_reliable_gets_no_figure(make_app, tui_db: Path) -> None:
    """Reliable overall, but its agreement on this channel is below 0.667: no figure, `a` leaves it."""
    from cxreview.store.autoqa import MachineScore, write_scores

    with open_database(tui_db) as db:
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        empathy = predict(db, "empathy", [])
        write_scores(db, empathy, [MachineScore(c, 4.6, 0.4, ("x",), withheld="channel [bold]email[/]") for c in ids])
        predict(db, "clarity", [(c, 4.2, 0.6, ["asked two questions"]) for c in ids])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_first_review(app, pilot)
        conversation = screen.item.conversation_id
        panel = screen.query_one(RubricPanel).plain
        assert "AutoQA: not reliable here" in panel and "AutoQA 4.6" not in panel
        # The channel's name is imported data: shown as text, never markup.
        assert "AutoQA: not reliable on channel [bold]email[/] (its agreement there is below 0.667)" in panel
        await pilot.press("a")
        await settle(app, pilot)
        assert _scores(tui_db, conversation) == {"clarity": (4, 1)}
        said = [n.message for n in app._notifications][-1]
        assert said == (
            "Accepted AutoQA: Clarity 4; Empathy: AutoQA is not reliable on channel [bold]email[/], score yourself."
        )


async def test_a_value_clipped_to_the_scales_end_says_so_on_the_focused_line(make_app, tui_db: Path) -> None:
    """Shown as 1.0, the model's value may be far below the scale: the focused line says how far."""
    from cxreview.store.autoqa import MachineScore, write_scores

    with open_database(tui_db) as db:
        ids = [r["id"] for r in db.query("SELECT id FROM conversations")]
        empathy = predict(db, "empathy", [])
        write_scores(db, empathy, [MachineScore(c, 1.0, 0.4, ("no apology",), unclipped=-0.62) for c in ids])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_review(app, pilot)
        panel = app.screen.query_one(RubricPanel).plain
        assert "AutoQA 1.0 ±0.4 (model value -0.6, below the scale's 1) (a gives 1)" in " ".join(panel.split())
