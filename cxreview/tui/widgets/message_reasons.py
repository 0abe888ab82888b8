"""The figures line under a focused message: its frustration and sentiment, and why, in words.

The stored cues of a message are the model's feature names with how much each pushed the
frustration up ("no_to_question": 0.44) and, for cues of the text, the words that matched
("sarcasm_match": "Great service. Really great."). A supervisor reads the reasons as the
flag details word them (`frustration.REASONS`), strongest first, each with the customer's
words that raised it, masked like the message they quote.
"""

from __future__ import annotations

from typing import Any

from cxreview.privacy import mask_pii
from cxreview.signals.reasons import QUOTES, reason_words

MAX_REASONS = 4  # the strongest few: the line is one glance, the detail is in the flags
MAX_QUOTE = 60  # characters of matched words quoted per reason


def _quote(words: str, masked: bool) -> str:
    words = " ".join(words.split())  # a match spanning lines stays on the line
    if len(words) > MAX_QUOTE:
        words = words[: MAX_QUOTE - 1].rstrip() + "…"
    return mask_pii(words) if masked else words


def reasons_in_words(cues: dict[str, Any] | None, masked: bool) -> list[str]:
    """'says no to what was asked or proposed', 'sarcasm ("Great service. Really great.")', ...
    for the stored cues of one message, strongest push first."""
    if not cues:
        return []
    pushes = [(value, name) for name, value in cues.items() if not name.endswith("_match")]
    # Numbers are pushes; a value of another type (an older database) keeps its place.
    pushes.sort(key=lambda pair: -pair[0] if isinstance(pair[0], (int, float)) else 0.0)
    shown = []
    for _, name in pushes[:MAX_REASONS]:
        words = reason_words(name)
        match = cues.get(f"{QUOTES.get(name, name)}_match")
        if isinstance(match, str) and match.strip():
            words += f' ("{_quote(match, masked)}")'
        shown.append(words)
    return shown


def figures_line(values: dict[str, Any], masked: bool) -> str:
    """'frustration 0.86 · sentiment -0.86 · why: says they already said it ("I said …, not"), ...'."""
    figures = [f"sentiment {values.get('sentiment', 0):+.2f}"]
    if values.get("frustration") is not None:
        figures.insert(0, f"frustration {values['frustration']:.2f}")
    reasons = reasons_in_words(values.get("cues"), masked)
    if reasons:
        figures.append("why: " + "; ".join(reasons))
    return " · ".join(figures)
