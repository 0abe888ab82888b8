"""Evidence without personal data: what a flag may quote of a customer, and how it names a value.

Cues are matched on a text's *shape* (`features.shape_of`: long numbers read "000", e-mail
addresses "email"), so a matched phrase such as "I said +44 000 000, not" is neither what the
customer wrote nor safe to show: it quotes part of a phone number or IBAN, and a name typed
in it ("I said Jansen, not") is a surname. Evidence keeps the customer's words and leaves the
value out ("I said …, not"); a repeated order or phone number is named by its kind ("gives
the same phone number again"), never by its digits. The review screen masks what it shows
on top of this (`cxreview.privacy`), but stored evidence is also exported and reported.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
# A token of a matched phrase: a run without spaces, with the punctuation that ends it apart
# ("Jansen," -> "Jansen" + ","), so the quote keeps its commas.
_TOKEN = re.compile(r"(\S+?)([,.;:!?)\"']*)(?=\s|$)")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
# Capitalised words that are no name: "I", "I'm", "Ik" and a shape's placeholders.
_NOT_NAMES = frozenset(("i", "i'm", "i've", "i'd", "i'll", "ik", "ok", "oke"))
_SENTENCE_END = ".!?"


def _is_value(token: str, first: bool, after_end: bool) -> bool:
    """A number, code, e-mail address or name: digits anywhere ("+44", "000", "NL91ABNA000",
    "06-1234"), an "@", or a capitalised word inside a sentence ("Jansen")."""
    if _DIGIT.search(token) or "@" in token:
        return True
    letters = token.strip("\"'(")
    if not letters or first or after_end or letters.lower() in _NOT_NAMES:
        return False
    return letters[0].isupper() and not letters.isupper()


def _upper_after_first(phrase: str) -> bool:
    """``any(c.isupper() for c in phrase[1:])``; in an ASCII phrase (most) the upper-case
    characters are A-Z, the ones ``lower()`` changes: one C call instead of one per character."""
    rest = phrase[1:]
    if phrase.isascii():
        return rest.lower() != rest
    return any(c.isupper() for c in rest)


def quoted(phrase: str) -> str:
    """``phrase`` (a cue's matched words) with every value replaced by "…" and runs of values
    merged: "I said +44 000 000, not" -> "I said …, not"; "ik zei NL91ABNA000, niet" ->
    "ik zei …, niet"; "I said Jansen, not" -> "I said …, not". Words stay as written."""
    if not _DIGIT.search(phrase) and "@" not in phrase and not _upper_after_first(phrase):
        return phrase  # most matches: lower-case words only
    parts: list[str] = []
    previous_value = False
    after_end = False
    for index, match in enumerate(_TOKEN.finditer(phrase)):
        word, tail = match.group(1), match.group(2)
        if _is_value(word, index == 0, after_end):
            if previous_value and parts and parts[-1].endswith(ELLIPSIS):
                parts[-1] = parts[-1] + tail if tail else parts[-1]
            else:
                parts.append(ELLIPSIS + tail)
            previous_value = not tail  # "…, …": a comma keeps two values apart
        else:
            parts.append(word + tail)
            previous_value = False
        after_end = bool(tail) and tail[-1] in _SENTENCE_END
    return " ".join(parts)


# What a repeated identifier is, read from the words just before it in the message ("my
# phone is 06 12345678", "ordernummer AC20419877"); the nearest named kind wins.
_KINDS = (
    (
        "phone number",
        re.compile(r"\b(?:phone|mobile|cell|call|ring|text|whatsapp|tel|telefoon\w*|mobiel\w*|06|bel|bellen|belt)\b"),
    ),
    ("order number", re.compile(r"\b(?:order\w*|bestel\w*|purchase|aankoop)\b")),
    ("tracking number", re.compile(r"\b(?:track\w*|parcel|package|shipment|pakket\w*|zending\w*|verzend\w*)\b")),
    ("account number", re.compile(r"\b(?:account\w*|customer|klant\w*|member\w*|lid\w*|iban|rekening\w*)\b")),
    ("booking number", re.compile(r"\b(?:booking|reservation|reservering\w*|boeking\w*|ticket\w*)\b")),
    ("case number", re.compile(r"\b(?:case|ref\w*|claim|complaint|klacht\w*|dossier\w*|zaak\w*)\b")),
)
_WORDS_BEFORE = 5
# Digits in a group that phone numbers are written in: "06 12345678", "+44 7911 123456".
_PHONE_FORM = re.compile(r"(?:^|\s)(?:0\d{1,3}|\d{2,3} 0?\d{2,4}|31 6|32 4|44 7\d{0,3}|353 8\d?) $")


def value_kind(norm: str, identifier: str) -> str:
    """The kind of value ``identifier`` is in the customer's ``norm`` (lower case, words split
    by single spaces): "phone number", "order number", ... or plain "number"."""
    # The norm splits "nw-2662442" into "nw 2662442": found by its digits.
    digits = _DIGIT_RUN.search(identifier)
    at = norm.find(identifier if digits is None else digits.group())
    if at < 0:
        return "number"
    before = norm[:at]
    words = before.split()[-_WORDS_BEFORE:]
    window = " ".join(words)
    best, nearest = "number", -1
    for kind, pattern in _KINDS:
        for found in pattern.finditer(window):
            if found.start() > nearest:
                best, nearest = kind, found.start()
    if best == "number" and (_PHONE_FORM.search(" " + before) or re.fullmatch(r"0[1-9]\d{8}", identifier)):
        return "phone number"
    return best
