"""A light language guess for conversations imported without a language: English or Dutch."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cxreview.signals.lexicon import language_hints

_WORD = re.compile(r"[a-zà-ÿ']+")


def detect_language(texts: Iterable[str], default: str = "en") -> str:
    """Count common function words of each language; ties go to ``default``."""
    hints = language_hints()
    counts = {lang: 0 for lang in hints}
    seen = 0
    for text in texts:
        for word in _WORD.findall(text.lower()):
            seen += 1
            for lang, words in hints.items():
                if word in words:
                    counts[lang] += 1
        if seen > 400:  # enough evidence; long conversations need not be read to the end
            break
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return default
    return best
