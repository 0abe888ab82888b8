"""Mask personal data where people look at it: e-mail addresses, phone numbers, IBANs, cards."""

from __future__ import annotations

import re

# Order matters: IBANs and card numbers before phone numbers, which would eat their digits.
_PATTERNS = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")),
    ("card", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
    ("phone", re.compile(r"(?<![\w-])(?:\+\d{1,3}[ -]?)?(?:\(?\d{2,4}\)?[ -]?)?\d{3,4}[ -]?\d{3,4}(?![\w-])")),
]
LABELS = {"email": "[email]", "iban": "[iban]", "card": "[card]", "phone": "[phone]"}


_ANY = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _PATTERNS))
_QUICK = re.compile(r"@|\d{3}")  # no @ and no run of three digits: nothing to mask


def mask_pii(text: str) -> str:
    """Replace personal data with a label such as [email]; everything else stays."""
    if _QUICK.search(text) is None:
        return text
    return _ANY.sub(lambda match: LABELS[match.lastgroup or "phone"], text)
