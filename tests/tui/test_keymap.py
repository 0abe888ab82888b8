"""The user's keymap: remap by binding id; mistakes reported at start with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.store import open_database
from cxreview.tui.app import ReviewApp
from cxreview.tui.keymap import load_keymap
from cxreview.tui.screens.review import ReviewScreen
from tests.tui.conftest import settle

GOOD = "review.submit: ctrl+s\nreview.na: x\nqueue.open: o\n"
BAD = """review.submit: ctrl+s
review.sumbit: f2
review.na: "ctrl+ x"
review.undo: [1, 2]
review.help: ctrl+s
"""


def test_load_keymap_reports_every_mistake_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "keymap.yaml"
    path.write_text(BAD)
    keymap, problems = load_keymap(path)
    assert keymap == {"review.submit": "ctrl+s"}
    assert len(problems) == 4
    assert problems[0].startswith(f"{path}:2:1: ") and 'did you mean "review.submit"' in problems[0]
    assert problems[1].startswith(f"{path}:3:") and "not a key name" in problems[1]
    assert problems[2].startswith(f"{path}:4:")
    assert problems[3].startswith(f"{path}:5:") and "same key" in problems[3]
    assert load_keymap(tmp_path / "missing.yaml") == ({}, [])
    path.write_text("review.submit: [unclosed\n")
    keymap, problems = load_keymap(path)
    assert keymap == {} and problems[0].startswith(f"{path}:") and "YAML syntax error" in problems[0]


async def test_remapped_keys_drive_the_review_and_a_bad_file_is_reported(tui_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "keymap.yaml"
    path.write_text(GOOD)
    app = ReviewApp(tui_db, "ana", "daily", keymap=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")  # queue.open remapped from enter
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("4", "3", "x")  # review.na remapped from n
        await pilot.press("ctrl+s")  # review.submit remapped from enter
        await settle(app, pilot)
        assert not app._notifications or all("Keymap" not in n.title for n in app._notifications)
    with open_database(tui_db) as db:
        row = db.query("SELECT status FROM reviews WHERE reviewer = 'ana' ORDER BY id LIMIT 1")[0]
        na = db.scalar("SELECT na FROM review_scores WHERE criterion = 'resolution' ORDER BY review_id LIMIT 1")
    assert row["status"] == "submitted" and na == 1
    path.write_text(BAD)
    app = ReviewApp(tui_db, "ana", "daily", keymap=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        said = [n.message for n in app._notifications if n.title == "Keymap"]
        assert len(said) == 4 and said[0].startswith(f"{path}:2:1")


def test_keymap_folder_is_the_one_click_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """keymap_path finds the folder without click (the app's start does not import it); the
    documented place is click's app folder, with or without XDG_CONFIG_HOME."""
    import click

    from cxreview.tui.keymap import keymap_path

    for xdg in (str(tmp_path / "xdg"), None):
        if xdg is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        assert keymap_path() == Path(click.get_app_dir("cxreview")) / "keymap.yaml"
