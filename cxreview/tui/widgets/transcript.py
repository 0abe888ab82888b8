"""The transcript: every message with role, author, time, markers and evidence.

Rendered lazily with the Line API, as Toolong renders huge logs: a message is laid out
(masked, wrapped) only when one of its lines is on screen, and laid-out messages and rendered
strips are kept in LRU caches. The line offsets of the other messages come from a cheap line
count of their plain text; a message's count becomes exact when it is first laid out (only
masking or a header wider than the screen can make the two differ, and a message's own start
never moves when it does, so what is on screen stays put). A 500-message conversation opens
by laying out the dozen messages that fit. Conversation text is always a rich Text, never markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cxreview.privacy import mask_pii
from cxreview.roles import NOTE
from cxreview.tui.long_text import Body, prepare
from cxreview.tui.widgets.message_reasons import figures_line

FLAG_LABELS = {
    "emotion_spike": "emotion spike",
    "bot_repeat": "bot repeat",
    "customer_repeat": "customer repeat",
    "ignored_human_request": "ignored request for a person",
    "human_request": "asks for a person",
}
HIGHLIGHT_FLAGS = ("emotion_spike", "bot_repeat", "customer_repeat", "ignored_human_request")
ROLE_LABELS = {"customer": "CUSTOMER", "agent": "AGENT", "bot": "BOT", "system": "SYSTEM", NOTE: "internal note"}
BODY_INDENT = 2  # message text hangs clear of the role column
MIN_MESSAGE_LINES = 3  # header, at least one line of text, the blank line after it
# A key of the layout caches: (message index, focused, masked, width).
_LayoutKey = tuple[int, bool, bool, int]


class Transcript(ScrollView, can_focus=False):
    """A read-only, virtualised transcript with a message cursor."""

    COMPONENT_CLASSES = {
        "transcript--customer",
        "transcript--agent",
        "transcript--bot",
        "transcript--system",
        "transcript--marker",
        "transcript--evidence",
        "transcript--note",
        "transcript--cursor",
        "transcript--dim",
        "transcript--divider",
    }

    cursor: reactive[int] = reactive(0, init=False)
    masked: reactive[bool] = reactive(True, init=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.messages: list[dict[str, Any]] = []
        self.bodies: list[Body] = []
        self.signals: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, str] = {}
        self._width = 0
        self._number_width = 1
        # Lines per message (a count until laid out, then exact) and where each message
        # starts: _starts[i] is the first line of message i, _starts[-1] the line count.
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._starts: list[int] = [0]
        # Laid-out messages and rendered lines, only those looked at recently.
        self._layouts: LRUCache[_LayoutKey, list[Text]] = LRUCache(1024)
        self._strips: LRUCache[tuple[_LayoutKey, int], Strip] = LRUCache(4096)
        self.divider: tuple[int, str] | None = None  # (position, label): where a person takes over

    # -- content -----------------------------------------------------------------------
    def show(
        self,
        messages: list[dict[str, Any]],
        signals: dict[int, dict[str, Any]],
        notes: dict[int, str],
        phases: dict[str, Any] | None = None,
        bodies: list[Body] | None = None,
    ) -> None:
        """Show a conversation; ``bodies`` are the texts prepared (shortened) by the loading
        worker, one per message (``TuiStore.conversation`` does it)."""
        self.messages = messages
        self.bodies = bodies if bodies is not None else [prepare(m["text"]) for m in messages]
        self.signals = signals
        self.divider = handover_divider(phases)
        self.notes = dict(notes)
        self._number_width = len(str(max((m["position"] for m in messages), default=1)))
        self.set_reactive(Transcript.cursor, 0)
        if self.size.width:
            self._relayout()
        else:  # not laid out yet (a screen composed with its conversation): laid out once sized
            self._width = 0
            # Until the width is known, each message counts its fewest lines. A conversation
            # that cannot fit the screen even so has its scrollbar from the first layout
            # (Textual would add it in a second layout and paint of the whole screen).
            self._heights = [MIN_MESSAGE_LINES] * len(messages)
            self._exact = [False] * len(messages)
            self._layouts.clear()
            self._strips.clear()
            self._place()
            if self._starts[-1] > self.app.size.height:
                self.show_vertical_scrollbar = True
        self.scroll_to(y=0, animate=False)

    def set_notes(self, notes: dict[int, str]) -> None:
        """New message notes: only the messages whose note changed are laid out again (the
        others keep their exact heights, so nothing on screen moves)."""
        changed = {p for p in set(notes) | set(self.notes) if notes.get(p) != self.notes.get(p)}
        self.notes = dict(notes)
        if changed:
            self._invalidate([i for i, m in enumerate(self.messages) if m["position"] in changed])

    @property
    def line_count(self) -> int:
        """Lines of the whole transcript (exact for the messages laid out so far)."""
        return self._starts[-1]

    def rendered_lines(self) -> list[tuple[int, Text]]:
        """Every line as shown, with its message index: lays out every message (for tests
        and exports of the view; the screen itself never needs them all)."""
        lines: list[tuple[int, Text]] = []
        for index in range(len(self.messages)):
            lines.extend((index, text) for text in self._settled(index, place=False))
        self._place()
        return lines

    def highlights(self) -> list[int]:
        """Indexes of messages that carry a marker (a highlight or a request for a person)."""
        kinds = (*HIGHLIGHT_FLAGS, "human_request")
        return [i for i, m in enumerate(self.messages) if self._flags(m["position"], kinds)]

    def _flags(self, position: int, kinds: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        flags = self.signals.get(position, {}).get("flags", [])
        return [f for f in flags if kinds is None or f["flag"] in kinds]

    def watch_cursor(self, old: int, new: int) -> None:
        # The focused message shows its evidence: the two messages change height.
        self._invalidate([i for i in (old, new) if 0 <= i < len(self.messages)])
        self._scroll_to_message(new)

    def watch_masked(self) -> None:
        self._relayout()
        self._scroll_to_message(self.cursor)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Textual calls this once it has arranged the screen, before painting it: laid out at
        # its new width here, the transcript is painted with its text in the same frame.
        # (On the Resize event, which comes after the paint, a screen composed with its
        # conversation was painted once with an empty transcript and again, whole, with it.)
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.messages and self._content_width() != self._width:
            self._relayout()
            self._scroll_to_message(self.cursor)
        return changed

    def on_resize(self) -> None:
        if self._content_width() != self._width:
            self._relayout()
            self._scroll_to_message(self.cursor)

    def _content_width(self) -> int:
        return max(20, self.scrollable_content_region.width or self.size.width or 80)

    # -- layout ------------------------------------------------------------------------
    def _relayout(self) -> None:
        """Forget every layout (new conversation, width or masking) and count lines afresh."""
        self._width = self._content_width()
        self._layouts.clear()
        self._strips.clear()
        self._heights = [self._count(index) for index in range(len(self.messages))]
        self._exact = [False] * len(self.messages)
        self._place()

    def _invalidate(self, indexes: list[int]) -> None:
        """Lay the given messages out again now (they are few) and move what follows."""
        for index in indexes:
            for focused in (False, True):
                key = (index, focused, self.masked, self._width)
                self._layouts.discard(key)
        self._strips.clear()
        for index in indexes:
            self._heights[index] = len(self._layout(index))
            self._exact[index] = True
        self._place()

    def _place(self) -> None:
        self._starts = [0, *accumulate(self._heights)]
        self.virtual_size = Size(self._width, self._starts[-1])
        self.refresh()

    def _count(self, index: int) -> int:
        """The lines a message takes, counted from plain strings without building any Text:
        exact for an unfocused message unless masking changes the wrapping or the header is
        wider than the screen (the layout corrects it when the message is first shown)."""
        if index == self.cursor:  # the focused message (with its evidence) is always laid out
            return len(self._layout(index))
        body = self.bodies[index]
        # The masked text when it is already known (masking is what costs), else the plain.
        text = body.__dict__.get("masked", body.plain) if self.masked else body.plain
        room = max(10, self._width - 1 - BODY_INDENT)
        lines = 2 + _count_wrapped(text, room)  # header, body, blank line
        position = self.messages[index]["position"]
        if self.divider is not None and self.divider[0] == position:
            lines += _count_wrapped(self.divider[1], max(10, self._width - 1))
        if body.shortened:
            lines += _count_wrapped(_shortened(body), room)
        note = self.notes.get(position)
        if note:
            note = mask_pii(note) if self.masked else note  # notes quote customers too
            lines += _count_wrapped("✎ " + note, room)
        return lines

    def _layout(self, index: int) -> list[Text]:
        """The message's wrapped lines (cached); corrects its height if it was only counted."""
        key = (index, index == self.cursor, self.masked, self._width)
        wrapped = self._layouts.get(key)
        if wrapped is None:
            wrapped = []
            console = self.app.console
            for text, indent in self._message_texts(index, self.messages[index]):
                # A hanging indent keeps message text clear of the role column.
                for line in _wrap(text, max(10, self._width - 1 - indent), console):
                    wrapped.append(Text(" " * indent) + line if indent else line)
            wrapped.append(Text(""))
            self._layouts.set(key, wrapped)
        return wrapped

    def _style(self, name: str) -> Style:
        if name == "transcript--cursor":
            # Rich styles have no alpha: blend the translucent cursor colour over ours.
            background = self.background_colors[1] + self.get_component_styles(name).background
            return Style(bgcolor=background.rich_color)
        return self.get_component_rich_style(name, partial=True)

    def _message_texts(self, index: int, message: dict[str, Any]) -> list[tuple[Text, int]]:
        """The message as (text, indent) pieces: header, body, and when focused its evidence."""
        role = message["role"]
        focused = index == self.cursor
        position = message["position"]
        # An internal note (kept on import) is dim and labelled so: the customer never saw it.
        role_style = self._style("transcript--dim" if role == NOTE else f"transcript--{role}")
        header = Text()
        header.append("▌ " if focused else "▏ ", role_style)
        # The number evidence refers to ("repeats message 4"), then role, author and time.
        header.append(f"{position:>{self._number_width}} ", self._style("transcript--dim"))
        header.append(ROLE_LABELS.get(role, role.upper()), role_style + Style(bold=True))
        if message.get("author"):
            header.append(" · ")
            author = message["author"][:80]  # a name, not a text: never let it fill the screen
            header.append(mask_pii(author) if self.masked else author)
        if message.get("at"):
            header.append(" · " + _clock(message["at"]), self._style("transcript--dim"))
        # Every flag of the message, compact, without focusing it (full evidence on focus).
        kinds = list(dict.fromkeys(f["flag"] for f in self._flags(position)))
        if kinds:
            strong = [k for k in kinds if k in HIGHLIGHT_FLAGS or k == "human_request"]
            header.append("  ⚑ ", self._style("transcript--marker"))
            header.append(", ".join(_short(k) for k in strong), self._style("transcript--marker"))
            weak = [k for k in kinds if k not in strong]
            if weak:
                header.append(
                    (", " if strong else "") + ", ".join(_short(k) for k in weak), self._style("transcript--evidence")
                )
        prepared = self.bodies[index]
        body = Text(prepared.masked if self.masked else prepared.plain, role_style if role == NOTE else "")
        texts = [(header, 0), (body, BODY_INDENT)]
        if self.divider is not None and self.divider[0] == position:
            texts.insert(0, (Text(self.divider[1], self._style("transcript--divider")), 0))
        if prepared.shortened:
            texts.append((Text(_shortened(prepared), self._style("transcript--marker")), BODY_INDENT))
        if focused and role != NOTE:  # a note is never analysed: no figures to show
            # Why the message scored so, in words, with the customer's words that show it.
            figures = figures_line(self.signals.get(position, {}), self.masked)
            texts.append((Text(figures, self._style("transcript--evidence")), 2))
            for flag in self._flags(position):
                label = FLAG_LABELS.get(flag["flag"], flag["flag"].replace("_", " "))
                # Evidence quotes the customer: masked like the message it comes from.
                detail = mask_pii(flag["detail"]) if self.masked else flag["detail"]
                line = Text(f"⚑ {label} ({flag['rule']}): {detail}", self._style("transcript--evidence"))
                named = self._named(position, [flag])  # this flag's messages, not every flag's
                if named:
                    line.append("  g: go to " + ", ".join(f"#{p}" for p in named), self._style("transcript--dim"))
                texts.append((line, 2))
        note = self.notes.get(position)
        if note:
            note = mask_pii(note) if self.masked else note  # notes quote customers too
            texts.append((Text("✎ ", self._style("transcript--note")) + Text(note, self._style("transcript--note")), 2))
        return texts

    # -- navigation ----------------------------------------------------------------------
    def related(self, index: int) -> list[int]:
        """The other messages the focused message's evidence names ("repeats message 4")."""
        position = self.messages[index]["position"]
        return self._named(position, self._flags(position))

    def _named(self, position: int, flags: list[dict[str, Any]]) -> list[int]:
        """The other messages of this conversation that ``flags`` relate to or name."""
        named: list[int] = []
        for flag in flags:
            named.extend(int(p) for p in flag.get("related") or [])
            named.extend(int(p) for p in MESSAGE_REF.findall(flag.get("detail") or ""))
        known = {m["position"] for m in self.messages}
        return sorted({p for p in named if p != position and p in known})

    def go_to_position(self, position: int) -> bool:
        for index, message in enumerate(self.messages):
            if message["position"] == position:
                self.cursor = index
                return True
        return False

    def move(self, step: int) -> None:
        if self.messages:
            self.cursor = max(0, min(len(self.messages) - 1, self.cursor + step))

    def jump_highlight(self, forward: bool) -> bool:
        marks = self.highlights()
        targets = [i for i in marks if (i > self.cursor if forward else i < self.cursor)]
        if not targets:
            return False
        self.cursor = targets[0] if forward else targets[-1]
        return True

    def _scroll_to_message(self, index: int) -> None:
        if not self.messages:
            return
        top, bottom = self._starts[index], self._starts[index + 1]
        height = self.scrollable_content_region.height or self.size.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_offset.y + height:
            self.scroll_to(y=max(top, bottom - height), animate=False)

    @property
    def focused_position(self) -> int | None:
        return self.messages[self.cursor]["position"] if self.messages else None

    def _settled(self, index: int, place: bool = True) -> list[Text]:
        """The message laid out, its counted height replaced by the exact one."""
        lines = self._layout(index)
        if not self._exact[index]:
            self._exact[index] = True
            if len(lines) != self._heights[index]:
                self._heights[index] = len(lines)
                if place:
                    self._place()
        return lines

    # -- Line API ------------------------------------------------------------------------
    def _line(self, y: int) -> tuple[int, int]:
        """(message index, line within it) of transcript line ``y``, laying the message out
        first: once exact, its height may differ from the count, which moves only what follows."""
        while True:
            index = bisect_right(self._starts, y) - 1
            lines = self._settled(index)
            offset = y - self._starts[index]
            if offset < len(lines) or y >= self._starts[-1]:
                return index, offset

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line_y = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if line_y >= self._starts[-1] or not self.messages:
            return Strip.blank(width, base)
        index, offset = self._line(line_y)
        if offset >= len(self._layout(index)):  # the last message came out shorter than counted
            return Strip.blank(width, base)
        focused = index == self.cursor
        key = ((index, focused, self.masked, self._width), offset)
        strip = self._strips.get(key)
        if strip is None:
            text = self._layout(index)[offset].copy()
            text.stylize(base)
            if focused:
                text.stylize(self._style("transcript--cursor"))
            strip = Strip(text.render(self.app.console), text.cell_len)
            self._strips.set(key, strip)
        fill = base + self._style("transcript--cursor") if focused else base
        return strip.crop_extend(scroll_x, scroll_x + width, fill).apply_offsets(scroll_x, line_y)


def handover_divider(phases: dict[str, Any] | None) -> tuple[int, str] | None:
    """The line drawn where a person takes over from the bot: the wait and the customer's state."""
    if not phases or phases.get("kind") != "hybrid" or phases.get("agent_start") is None:
        return None
    parts = ["a person takes over"]
    seconds = phases.get("wait_seconds")
    since = phases.get("announced_position") or phases.get("offer_position") or phases.get("request_position")
    if seconds is not None:
        minutes, rest = divmod(int(round(seconds)), 60)
        waited = f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"
        parts.append(f"waited {waited} after message {since}")
    elif phases.get("wait_messages") is not None:
        parts.append(f"{phases['wait_messages']} messages after message {since}")
    if phases.get("arrived_frustrated"):
        parts.append("customer arrived frustrated")
    elif phases.get("arrived_frustrated") is not None:
        parts.append("customer arrived calm")
    return int(phases["agent_start"]), "── " + " · ".join(parts) + " ──"


def _wrap(text: Text, width: int, console: Any) -> list[Text]:
    """Wrap like Rich, but fast for the common case: one style, single-width characters.

    Rich's wrap costs about 80 µs a message; a 500-message conversation must open in
    well under 100 ms, so plain text is wrapped greedily here and the rest goes to Rich.
    """
    plain = text.plain
    if "\n" not in plain and text.cell_len <= width:
        return [text]
    if text.spans or not plain.isascii():
        return list(text.wrap(console, width))
    lines: list[Text] = []
    for paragraph in plain.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            while len(word) > width:  # a word longer than the line is cut
                if line:
                    lines.append(Text(line, style=text.style))
                    line = ""
                lines.append(Text(word[:width], style=text.style))
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            elif not word:
                continue  # a space after a full line ends that line (as Rich wraps): no blank line
            else:
                lines.append(Text(line, style=text.style))
                line = word
        lines.append(Text(line, style=text.style))
    return lines


def _count_wrapped(plain: str, width: int) -> int:
    """How many lines ``_wrap`` makes of a plain text, counted without building them (the
    same greedy rule; for wide characters an estimate the layout later corrects)."""
    if "\n" not in plain and len(plain) <= width:
        return 1
    count = 0
    for paragraph in plain.split("\n"):
        length = 0  # of the line being filled
        for word in paragraph.split(" "):
            size = len(word)
            while size > width:  # a word longer than the line is cut
                if length:
                    count += 1
                    length = 0
                count += 1
                size -= width
            if not length:
                length = size
            elif length + 1 + size <= width:
                length += 1 + size
            elif not size:
                continue  # as in _wrap: a space after a full line adds no line
            else:
                count += 1
                length = size
        count += 1
    return count


def _shortened(body: Body) -> str:
    return f"… shortened: {body.length:,} characters in all; x shows the whole message"


# "asks message 3 again", "repeats message 4": the messages evidence names in words.
MESSAGE_REF = re.compile(r"\bmessages? (\d+)")
SHORT_FLAGS = {
    "emotion_spike": "spike",
    "customer_repeat": "repeat",
    "ignored_human_request": "ignored request",
    "human_request": "asks for a person",
}


def _short(flag: str) -> str:
    return SHORT_FLAGS.get(flag, flag.replace("_", " "))


def _clock(at: str) -> str:
    """14:02 from an ISO time; the date only when the time is missing."""
    if "T" in at:
        return at.split("T", 1)[1][:5]
    return at[:16]
