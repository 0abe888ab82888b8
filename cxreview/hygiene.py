"""Text hygiene: strip control characters and terminal escape sequences, keep everything else.

Three cleaners, one set of rules:
- ``clean_text`` for free text (messages, notes, descriptions): newlines and tabs stay;
  bidirectional overrides are shown visibly as ``<U+202E>`` instead of reordering text.
- ``clean_name`` for one-line names and labels (sessions, reviewers, rubric labels): also
  no line breaks, and bidirectional controls are removed, so a name never renders reversed.
- ``clean_for_terminal`` for anything the CLI prints: the last guard before a terminal.
"""

from __future__ import annotations

import re

# Anything that could move a cursor, change colours or retitle a terminal: CSI, OSC, DCS/PM/APC
# strings and two-byte escapes, then any remaining C0/C1 control character except \t and \n.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
# The same, but keeping \r: CSV on standard output ends its lines with \r\n.
_TERMINAL_ESCAPES = re.compile(_ESCAPES.pattern.replace(r"\x0b-\x1f", r"\x0b\x0c\x0e-\x1f"))
# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they reorder what follows.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def _visible(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def clean_text(text: str) -> str:
    """Return ``text`` without control characters or escape sequences.

    Newlines and tabs stay; a carriage return is dropped, so Windows line ends become
    plain newlines. Bidirectional controls become visible ``<U+202E>``. All other
    characters, markup-looking brackets included, are kept.
    """
    if _NEEDS_CLEANING.search(text) is None:  # the common case costs one scan
        return text
    return _BIDI.sub(_visible, _ESCAPES.sub("", text))


def clean_optional(value: str | None) -> str | None:
    return None if value is None else clean_text(value)


def clean_name(text: str) -> str:
    """A one-line name or label: no controls, no bidirectional controls, single spaces."""
    return _SPACES.sub(" ", _ESCAPES.sub("", _BIDI.sub("", text))).strip()


def clean_for_terminal(text: str) -> str:
    """Anything about to be printed: escapes and controls go (\\n, \\t, \\r stay)."""
    if _NEEDS_CLEANING.search(text) is None:
        return text
    return _BIDI.sub(_visible, _TERMINAL_ESCAPES.sub("", text))
