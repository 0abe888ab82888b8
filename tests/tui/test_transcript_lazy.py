"""The lazy transcript: only what is seen is laid out and masked, and it still shows everything."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.app import App, ComposeResult

from cxreview.tui.widgets.transcript import Transcript, _count_wrapped, _wrap

ROLES = ("bot", "customer", "agent", "customer")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n", max_size=200), st.integers(min_value=10, max_value=40))
def test_counting_lines_agrees_with_wrapping(text: str, width: int) -> None:
    assert _count_wrapped(text, width) == len(_wrap(Text(text), width, None))


def test_a_space_after_a_full_line_adds_no_blank_line() -> None:
    for text in ("a" * 10 + " ", "a" * 10 + "  ", "aaaa bbbbb " + "c" * 3):
        lines = [line.plain for line in _wrap(Text(text), 10, None)]
        assert "" not in lines, lines
        assert _count_wrapped(text, 10) == len(lines)
    assert [line.plain for line in _wrap(Text("aaaa bbbbb  cc"), 10, None)] == ["aaaa bbbbb", "cc"]


def _conversation(n: int) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    messages = [
        {
            "position": i + 1,
            "role": ROLES[i % 4],
            "author": None,
            "at": f"2026-10-01T10:{i // 60 % 60:02d}:{i % 60:02d}Z",
            # A phone number to mask, and length enough to wrap at 80 columns.
            "text": f"Message {i + 1}: call me on 06-1234567{i % 10} about the parcel " + "that is late " * (i % 7),
        }
        for i in range(n)
    ]
    signals = {
        120: {"sentiment": -0.8, "flags": [{"flag": "customer_repeat", "rule": "r", "detail": "repeats message 4"}]}
    }
    return messages, signals


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield Transcript()


async def test_a_long_conversation_lays_out_only_the_lines_on_screen() -> None:
    app = _One()
    messages, signals = _conversation(500)
    async with app.run_test(size=(80, 24)) as pilot:
        transcript = app.query_one(Transcript)
        transcript.show(messages, signals, {200: "checked this one"})
        await pilot.pause()
        laid_out = len(transcript._layouts.keys())
        masked = sum("masked" in body.__dict__ for body in transcript.bodies)
        assert 0 < laid_out <= 24 and masked <= 24  # a screenful, not 500 messages
        screen = [transcript.render_line(y).text for y in range(transcript.size.height)]
        assert screen[0].startswith("▌") and "  1 BOT" in screen[0]
        assert "[phone]" in "".join(screen) and "06-1234567" not in "".join(screen)

        # Jump far: the target is laid out, focused, on screen, and its evidence shows.
        assert transcript.go_to_position(120)
        await pilot.pause()
        screen = [transcript.render_line(y).text for y in range(transcript.size.height)]
        assert any(line.startswith("▌ 120 CUSTOMER") and "⚑ repeat" in line for line in screen), screen
        assert any("repeats message 4" in line for line in screen)
        assert transcript.related(transcript.cursor) == [4]

        # Every line, laid out: the counts became exact and agree with the lines.
        lines = transcript.rendered_lines()
        assert transcript.line_count == len(lines)
        assert sum(text.plain.startswith(("▏", "▌")) for _, text in lines) == 500
        assert any("✎ checked this one" in text.plain for _, text in lines)

        # Unmasked on request; the last message is reachable and shown.
        transcript.masked = False
        transcript.go_to_position(500)
        await pilot.pause()
        screen = [transcript.render_line(y).text for y in range(transcript.size.height)]
        assert any(line.startswith("▌ 500 CUSTOMER") for line in screen)
        assert "06-12345679" in "".join(screen)


class _Composed(App[None]):
    """A transcript given its conversation before it has a size (as the review screen
    composed at start does)."""

    def __init__(self, messages: list[dict[str, Any]]) -> None:
        super().__init__()
        self.messages = messages

    def compose(self) -> ComposeResult:
        transcript = Transcript()
        transcript.show(self.messages, {}, {})
        yield transcript


async def test_a_transcript_composed_with_its_conversation_paints_it_in_the_first_frame(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Laid out at its width as the screen is arranged, with its scrollbar: the first frame
    already shows the text (it was painted empty, then the whole screen again)."""
    first: list[tuple[int, bool, str]] = []
    render_line = Transcript.render_line

    def recording(self: Transcript, y: int) -> Any:
        strip = render_line(self, y)
        if not first:
            first.append((self._width, self.show_vertical_scrollbar, strip.text))
        return strip

    monkeypatch.setattr(Transcript, "render_line", recording)
    app = _Composed(_conversation(500)[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        width, scrollbar, text = first[0]
        transcript = app.query_one(Transcript)
        assert width == transcript._width > 0 and scrollbar
        assert "  1 BOT" in text
        # Three lines a message at the least, until each is counted at the real width.
        assert transcript.line_count > 3 * 500
