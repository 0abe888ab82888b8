"""Text from customers, agents and reviewers is never markup, on every display path."""

from __future__ import annotations

import json
from pathlib import Path

from rich.text import Text

from cxreview import reviews
from cxreview.ingest.importer import import_files
from cxreview.rubrics import resolve_rubric
from cxreview.sampling import SampleRequest, create_session
from cxreview.store import open_database
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.widgets.flag_evidence import FlagEvidence
from cxreview.tui.widgets.rubric_panel import RubricPanel
from cxreview.tui.widgets.transcript import Transcript
from tests.tui.conftest import settle

NASTY = [
    "[bold]not bold[/bold]",
    "[/x] stray closing tag",
    "[@click=app.quit]x[/] click me",
    "[link=https://example.com]y[/link]",
    "ends with a backslash \\",
    "escape \x1b[31mred\x1b[0m and bell \x07",
]


def _nasty_db(tmp_path: Path) -> Path:
    path = tmp_path / "nasty.db"
    record = {
        "id": "[bold]conv[/bold]",
        "agent": "[@click=app.quit]agent[/]",
        "queue": "[link=https://example.com]queue[/link]",
        "customer": "c1",
        "messages": [{"role": "customer", "text": text, "author": "[red]customer[/red]"} for text in NASTY]
        + [{"role": "agent", "text": "I'm sorry [b]really[/b]", "author": "[/x]"}],
    }
    source = tmp_path / "nasty.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_database(path) as db:
        import_files(db, [str(source)])
        from cxreview.signals.analyze import analyze_conversations

        analyze_conversations(db)
        rubric = resolve_rubric("default")
        create_session(db, SampleRequest(size=1, seed=1, name="[bold]s[/bold]", reviewers=["[i]ana[/i]"]), rubric)
        review = reviews.start_review(db, "[bold]conv[/bold]", "[i]ana[/i]", rubric)
        reviews.set_criterion_note(db, review.id, "empathy", "[@click=app.quit]note[/]")
        reviews.set_overall_note(db, review.id, "[link=https://example.com]coach[/link] \\")
        reviews.set_message_note(db, review.id, 1, "[/x] message note")
        with db.transaction():  # a loop's evidence as another tool might have stored it
            db.execute(
                "INSERT INTO conversation_flags VALUES (?, ?, ?, ?, ?)",
                ("[bold]conv[/bold]", "bot_loop", "[/x] rule", "[@click=app.quit]detail[/] \\", "[1, 2]"),
            )
    return path


async def test_markup_shows_literally_and_triggers_nothing(tmp_path: Path) -> None:
    app = ReviewApp(_nasty_db(tmp_path), "[i]ana[/i]", "[bold]s[/bold]")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)  # the draft is resumed
        transcript = screen.query_one(Transcript)
        plain = "\n".join(text.plain for _, text in transcript.rendered_lines())
        for text in NASTY[:5]:
            assert text in plain
        assert "escape red and bell " in plain and "\x1b" not in plain
        assert "[red]customer[/red]" in plain and "[/x] message note" in plain
        panel = screen.query_one(RubricPanel)
        rendered = Text()
        for part in panel.content_group.renderables:
            rendered.append_text(part if isinstance(part, Text) else Text(str(part)))
        assert "[@click=app.quit]note[/]" in rendered.plain
        assert "[link=https://example.com]coach[/link] \\" in rendered.plain
        evidence = str(screen.query_one(FlagEvidence).render())
        assert "(f): [@click=app.quit]detail[/] \\" in evidence and "([/x] rule)" in evidence
        title = screen.query_one("#conversation-title").render()
        assert "[bold]conv[/bold]" in str(title) and "[@click=app.quit]agent[/]" in str(title)
        # Clicking everywhere and moving through every message must not quit or crash.
        for _ in range(len(NASTY) + 1):
            await pilot.press("j")
            await pilot.pause()
        await pilot.click(Transcript, offset=(5, 3))
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.is_running
        table_text = str(app.screen.query_one("DataTable").get_row_at(0))
        assert "[bold]conv[/bold]" in table_text and "[@click=app.quit]agent[/]" in table_text
        app.notify('no conversation "[bold]x[/bold]"')
        await pilot.pause()
        assert app.is_running
