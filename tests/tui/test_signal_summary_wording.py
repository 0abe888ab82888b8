"""The timeline line counts the customer's turns in plain English: one turn, two turns."""

from __future__ import annotations

from types import SimpleNamespace

from cxreview.tui.widgets.signal_summary import timeline


def _view(count: int) -> SimpleNamespace:
    signals = {p: {"frustration": 0.2, "sentiment": 0.0} for p in range(1, count + 1)}
    return SimpleNamespace(message_signals=signals)


def test_one_customer_turn_is_singular_and_more_are_plural() -> None:
    one = timeline(_view(1))[0].plain
    assert "(1 customer turn)" in one and "turns" not in one
    assert "(3 customer turns)" in timeline(_view(3))[0].plain
