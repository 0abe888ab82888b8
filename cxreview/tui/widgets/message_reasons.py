"""The figures line under a focused message: its frustration and sentiment, and why, in words.

The stored cues of a message are the model's feature names with how much each pushed the
frustration up ("no_to_question": 0.44) and, for cues of the text, the words that matched
("sarcasm_match": "Great service. Really great."). A supervisor reads the reasons as the
flag details word them (`signals.reasons`), strongest first, each with its evidence: the
customer's words that raised it, masked like the message they quote.
"""

from __future__ import annotations

from typing import Any

from cxreview.privacy import mask_pii
from cxreview.signals import reasons

MAX_REASONS = 4  # the strongest few: the line is one glance, the detail is in the flags


def reasons_in_words(cues: dict[str, Any] | None, masked: bool) -> list[str]:
    """'says no to what was asked or proposed ("no")', 'sarcasm ("Great service. Really
    great.")', ... for the stored cues of one message, strongest push first, each with its
    evidence (`signals.reasons.reasons_in_words`), masked like the message when ``masked``."""
    return reasons.reasons_in_words(cues, MAX_REASONS, mask_pii if masked else None)


def figures_line(values: dict[str, Any], masked: bool) -> str:
    """'frustration 0.86 · sentiment -0.86 · why: says they already said it ("I said …, not"), ...'."""
    figures = [f"sentiment {values.get('sentiment', 0):+.2f}"]
    if values.get("frustration") is not None:
        figures.insert(0, f"frustration {values['frustration']:.2f}")
    reasons = reasons_in_words(values.get("cues"), masked)
    if reasons:
        figures.append("why: " + "; ".join(reasons))
    return " · ".join(figures)
