"""Text hygiene: strip control characters and terminal escape sequences, keep everything else."""

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
_NEEDS_CLEANING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Return ``text`` without control characters or escape sequences.

    Newlines and tabs stay; a carriage return is dropped, so Windows line ends become
    plain newlines. All other characters, markup-looking brackets included, are kept.
    """
    if _NEEDS_CLEANING.search(text) is None:  # the common case costs one scan
        return text
    return _ESCAPES.sub("", text)


def clean_optional(value: str | None) -> str | None:
    return None if value is None else clean_text(value)
