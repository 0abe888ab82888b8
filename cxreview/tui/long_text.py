"""Message text prepared for the screen: shortened when huge (off the UI thread), masked when shown.

A 50 MB message once froze the review app for minutes (masking and wrapping ran on the UI
thread, and quit could not get through). Now the worker that loads a conversation prepares
each body here: the transcript shows at most ``LONG_MESSAGE`` characters of a message and
says how much more there is. A body is masked the first time it is shown, which is bounded
by that length (masking all 500 messages of a long conversation up front cost half a second;
the screen shows a dozen). `x` opens the whole text in a view that masks and wraps it in a
worker, chunk by chunk, so the screen and quit stay responsive. Nothing here imports textual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from cxreview.privacy import mask_pii

LONG_MESSAGE = 3000  # characters shown in the transcript before "x shows all"
CHUNK = 32_768  # characters masked and wrapped at a time in the full view
_SEARCH = 400  # how far back a cut looks for a safe place
_NEAR_PII = set("0123456789+()-@.")


@dataclass(frozen=True)
class Body:
    """A message body as shown: plain and masked, and the full length when shortened."""

    plain: str
    length: int  # of the whole text
    # Cut where no safe place was near: a wider window is masked, so a cut address is still
    # recognised, then cut to the plain text's length.
    wide: str | None = None

    @cached_property
    def masked(self) -> str:
        """Masked once, when first shown (bounded: at most twice ``LONG_MESSAGE`` characters)."""
        if self.wide is not None:
            return mask_pii(self.wide)[: len(self.plain)]
        return mask_pii(self.plain)

    @property
    def shortened(self) -> bool:
        return len(self.plain) < self.length


def safe_cut(text: str, limit: int) -> int:
    """An index at most ``limit`` where the text can be cut without splitting personal data
    (a space whose neighbours are no digits or address characters); ``limit`` when none is
    near: the caller then masks a wider window before cutting."""
    if len(text) <= limit:
        return len(text)
    position = limit
    floor = max(1, limit - _SEARCH)
    while position > floor:
        position = text.rfind(" ", floor, position)
        if position <= 0:
            break
        if text[position - 1] not in _NEAR_PII and text[position + 1] not in _NEAR_PII:
            return position
    newline = text.rfind("\n", floor, limit)
    return newline if newline > 0 else limit


def prepare(text: str, limit: int = LONG_MESSAGE) -> Body:
    """Shorten one message body when longer than ``limit`` (its ``masked`` comes when asked)."""
    if len(text) <= limit:
        return Body(text, len(text))
    cut = safe_cut(text, limit)
    if cut < limit:
        return Body(text[:cut], len(text))
    # No safe place: mask a wider window so a cut address is still recognised, then cut.
    return Body(text[:limit], len(text), text[: limit * 2])


def chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, str]]:
    """The text in pieces of about ``size`` characters, cut where no personal data can be
    split, so each piece can be masked on its own; each with the offset where it ends."""
    start = 0
    while start < len(text):
        cut = safe_cut(text[start : start + size + 1], size) if len(text) - start > size else len(text) - start
        cut = max(cut, 1)
        piece = text[start : start + cut]
        start += cut
        if text[start : start + 1] == " ":
            start += 1  # the space the piece was cut at ends the line
        yield start, piece


def wrap_plain(text: str, width: int) -> list[str]:
    """Greedy wrapping by characters at spaces (a word longer than the line is cut); linear
    in the text, for the full view of a huge message."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        start, end = 0, len(paragraph)
        while end - start > width:
            space = paragraph.rfind(" ", start, start + width + 1)
            if space <= start:
                lines.append(paragraph[start : start + width])
                start += width
            else:
                lines.append(paragraph[start:space])
                start = space + 1
        lines.append(paragraph[start:end])
    return lines
