"""Blind calibration: others' scores stay hidden until you submit, then side by side."""

from __future__ import annotations

from pathlib import Path

from cxreview.store import open_database
from cxreview.tui.screens.compare import CompareModal, ordered
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle


async def test_two_reviewers_blind_then_side_by_side(make_app, tui_db: Path) -> None:
    ben = make_app("ben", "calib")
    async with ben.run_test(size=(100, 30)) as pilot:
        await settle(ben, pilot)
        await pilot.press("enter")
        await settle(ben, pilot)
        first = ben.screen.item.conversation_id
        await pilot.press("2", "2", "2")
        await settle(ben, pilot)
        assert ben.screen.check_action("compare", ()) is None  # greyed: ben has not submitted
        await pilot.press("enter")
        await settle(ben, pilot)
        assert ben.screen.item.conversation_id != first  # auto-advance: no extra key per review
    ana = make_app("ana", "calib")
    async with ana.run_test(size=(100, 30)) as pilot:
        await settle(ana, pilot)
        await pilot.press("enter")
        await settle(ana, pilot)
        screen = ana.screen
        assert isinstance(screen, ReviewScreen) and screen.item.conversation_id == first
        await pilot.press("v")  # before submitting: nothing opens
        await settle(ana, pilot)
        assert not isinstance(ana.screen, CompareModal)
        panel_text = " ".join(
            str(getattr(p, "plain", p)) for p in screen.query_one("#rubric").content_group.renderables
        )
        assert "[2]" not in panel_text  # ben's scores are nowhere on screen
        await pilot.press("5", "4", "5", "enter")  # submit: the next conversation opens at once
        await settle(ana, pilot)
        assert isinstance(ana.screen, ReviewScreen) and ana.screen.item.conversation_id != first
        assert not ana.screen.review.submitted
        await pilot.press("v")  # compares the review just submitted, not the open one
        await settle(ana, pilot)
        modal = ana.screen
        assert isinstance(modal, CompareModal) and modal.conversation_id == first
        assert [r.reviewer for r in modal.others] == ["ben"]
        assert modal.others[0].criteria["empathy"].score == 2
        assert modal.waiting == []  # both have submitted
        rows = ordered(list(modal.mine.rubric.criteria), [modal.mine, *modal.others])
        # 5 vs 2, 4 vs 2, 5 vs 2: critical criteria with disagreement first, widest first.
        assert [(c.id, d) for c, d in rows] == [("empathy", 3), ("resolution", 3), ("clarity", 2)]
        await pilot.press("escape", "4", "4")
        await settle(ana, pilot)
        await pilot.press("4", "enter")  # the last one: the screen stays, v still compares
        await settle(ana, pilot)
        assert isinstance(ana.screen, ReviewScreen) and ana.screen.review.submitted
        second = ana.screen.item.conversation_id
        await pilot.press("v")
        await settle(ana, pilot)
        assert isinstance(ana.screen, CompareModal) and ana.screen.waiting == ["ben"]
        assert ana.screen.conversation_id == second
    with open_database(tui_db) as db:
        rows = db.query(
            "SELECT reviewer, status, score FROM reviews WHERE conversation_id = ? ORDER BY reviewer", (first,)
        )
        assert [(r["reviewer"], r["status"]) for r in rows] == [("ana", "submitted"), ("ben", "submitted")]
