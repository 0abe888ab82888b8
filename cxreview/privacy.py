"""Mask personal data where people look at it: e-mail addresses, @handles, phone numbers,
IBANs and card numbers.

Phone numbers are found by Google's libphonenumber rules (the ``phonenumbers`` package) for the
regions our conversations come from, not by a home-made pattern: "+31 6 12 34 56 78" and
"06-12345678" are numbers, an order number is not. Card numbers must pass the Luhn check and
IBANs their mod-97 checksum, so invoice and article numbers stay readable. Web addresses are
left intact (a number inside a link is part of the link, not someone's phone), and so are dates.
"""

from __future__ import annotations

import re
from typing import Any

# English-speaking (UK, Ireland, US) and Dutch/Belgian conversations. A number written in
# international form (+44, +31, ...) is found whatever the region.
PHONE_REGIONS = ("NL", "BE", "GB", "IE", "US")
LABELS = {"email": "[email]", "handle": "[handle]", "iban": "[iban]", "card": "[card]", "phone": "[phone]"}

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# Dates (27-09-2026, 2026-09-27, 9/9/26) are not phone numbers, however valid their digits look.
_DATE = re.compile(r"\b(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# @name on social media, starting a word (after a space or "(", not inside an e-mail address
# or markup such as "[@click=...]").
_HANDLE = re.compile(r"(?<![^\s(])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
# Country, check digits, then groups of four as IBANs are written (or all run together).
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
# 13-19 digits, single spaces or dashes between groups; the match ends on a digit, so the
# space before the next word stays.
_CARD = re.compile(r"(?<![\d\w])\d(?:[ -]?\d){12,18}(?![\d\w])")
_QUICK = re.compile(r"@|\d{2}")  # no @ and no two digits together: nothing to mask


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def iban_valid(candidate: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 == 1."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _phone_matcher() -> Any:
    """libphonenumber's matcher, imported on first use: a text without seven digits never needs
    it, and the review app starts faster without it."""
    import phonenumbers

    return phonenumbers.PhoneNumberMatcher, phonenumbers.Leniency.POSSIBLE


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of everything to mask, earliest and longest first, URLs excluded."""
    protected = [m.span() for m in _URL.finditer(text)] + [m.span() for m in _DATE.finditer(text)]
    found: list[tuple[int, int, str]] = [(*m.span(), "email") for m in _EMAIL.finditer(text)]
    found += [(*m.span(), "handle") for m in _HANDLE.finditer(text)]
    for match in _IBAN.finditer(text):
        if iban_valid(match.group()):
            found.append((*match.span(), "iban"))
        else:  # IBAN-shaped but failing the checksum: left whole, not half-read as a phone number
            protected.append(match.span())
    found += [(*m.span(), "card") for m in _CARD.finditer(text) if luhn_valid(re.sub(r"\D", "", m.group()))]
    if sum(char.isdigit() for char in text) >= 7:  # the shortest number phonenumbers accepts here
        matcher, possible = _phone_matcher()
        for region in PHONE_REGIONS:
            found += [(m.start, m.end, "phone") for m in matcher(text, region)]
            # A number in a range libphonenumber does not know as assigned ("07911 654321",
            # "+44 7911 654321") is still someone's number when written as one: with its
            # country code or trunk 0. Bare digit runs ("order 12345678") only when valid.
            found += [
                (m.start, m.end, "phone") for m in matcher(text, region, leniency=possible) if m.raw_string[:1] in "+0"
            ]
    # Cards and IBANs beat phone numbers on the same digits; then earliest, then longest.
    rank = {"email": 0, "handle": 0, "iban": 1, "card": 1, "phone": 2}
    found.sort(key=lambda span: (rank[span[2]], span[0], -span[1]))
    chosen: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if any(start < p_end and p_start < end for p_start, p_end in protected):
            continue
        if any(start < c_end and c_start < end for c_start, c_end, _ in chosen):
            continue
        chosen.append((start, end, kind))
    return sorted(chosen)


def mask_pii(text: str) -> str:
    """Replace personal data with a label such as [email]; everything else stays."""
    if _QUICK.search(text) is None:
        return text
    parts: list[str] = []
    last = 0
    for start, end, kind in _spans(text):
        parts.append(text[last:start])
        parts.append(LABELS[kind])
        last = end
    parts.append(text[last:])
    return "".join(parts)
