"""Words and digits of ASCII texts without a regex: the same pieces, far fewer instructions.

Most texts are ASCII. For them, a regex like ``[a-z]+`` or ``\\w+`` finds exactly the
maximal runs of a fixed set of characters, and those runs are what replacing every other
character by a space and splitting gives. ``bytes.translate`` does that replacement in one
C pass with a 256-entry table, where the regex engine pays per character and per match
(each found word restarts the search): the features' tokenisers cost about a third of
their regex form (callgrind, 4,000 customer texts). Non-ASCII texts keep the regexes, whose
Unicode classes (``\\w``, "À-ÿ") the tables do not try to follow.

`tests/signals/test_ascii_text.py` checks each table against its regex on random texts.
"""

from __future__ import annotations

from collections.abc import Callable


def _table(keep: Callable[[str], bool]) -> bytes:
    """A translate table that keeps the characters ``keep`` accepts and makes the rest spaces."""
    return bytes(code if keep(chr(code)) else 0x20 for code in range(256))


# ASCII lower case, as the cue index's tokens are (its TOKEN regex on a lower-case text).
LOWER_LETTERS = _table(lambda c: "a" <= c <= "z")
# Letters and apostrophes: features._WORD ("[A-Za-zÀ-ÿ']+") on an ASCII text.
LETTERS_AND_APOSTROPHES = _table(lambda c: "a" <= c <= "z" or "A" <= c <= "Z" or c == "'")
# Word characters: "\\w+" on an ASCII text (letters, digits, underscore).
WORD_CHARACTERS = _table(lambda c: c.isascii() and (c.isalnum() or c == "_"))
_DIGIT_BYTES = b"0123456789"
# Capitals as "A", everything else a space: two capitals in a row show as "AA".
_CAPITALS = bytes(0x41 if 0x41 <= code <= 0x5A else 0x20 for code in range(256))


def runs(text: str, table: bytes) -> list[str]:
    """The maximal runs of the characters ``table`` keeps, in order; ``text`` must be ASCII."""
    return text.encode("ascii").translate(table).decode("ascii").split()


def has_digit(text: str) -> bool:
    """Whether an ASCII ``text`` has a digit (deleting the digits in one C pass shortens it)."""
    raw = text.encode("ascii")
    return len(raw.translate(None, _DIGIT_BYTES)) != len(raw)


def shouted_words(text: str) -> list[str]:
    """``\\b[A-Z]{2,}\\b`` on an ASCII text: the runs of word characters that are two or
    more capital letters (a boundary on both sides makes the match a whole run). Most
    texts have no two capitals in a row: one C pass finds that, and no word is looked at."""
    if b"AA" not in text.encode("ascii").translate(_CAPITALS):
        return []
    return [w for w in runs(text, WORD_CHARACTERS) if len(w) > 1 and w.isalpha() and w.isupper()]
