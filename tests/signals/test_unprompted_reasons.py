"""A rejection or correction before any bot or agent message rejects no answer: its reason
says that something is wrong, and the quoted words stay the customer's own."""

from __future__ import annotations

import pytest

from cxreview.tui.widgets.message_reasons import reasons_in_words
from tests.signals.dialogue import run

OPENINGS = [
    ("That's wrong. Please check again, I never ordered this", "en"),
    ("That's not right, I was charged twice this month", "en"),
    ("Nee dat is fout, kijk nog eens goed naar mijn factuur", "nl"),
    ("Dat klopt niet, ik heb twee keer betaald", "nl"),
]


@pytest.mark.parametrize(("text", "language"), OPENINGS)
def test_an_opening_message_rejects_no_answer(text: str, language: str) -> None:
    cues = run([("customer", text)], language).messages[0].cues
    reasons = reasons_in_words(cues, masked=False)
    assert not any(r.startswith(("rejects the answer", "corrects the answer")) for r in reasons)
    assert any(r.startswith(("says something is wrong", "says a detail is wrong")) for r in reasons)
    # The words quoted are the customer's own.
    assert cues["rejection_match"] in text
    assert any(f'("{cues["rejection_match"]}")' in r for r in reasons)


@pytest.mark.parametrize(("text", "language"), OPENINGS)
def test_after_an_answer_it_still_rejects_the_answer(text: str, language: str) -> None:
    bot = "Your invoice shows one payment." if language == "en" else "Op je factuur staat één betaling."
    signals = run([("customer", "Hi"), ("bot", bot), ("customer", text)], language)
    reasons = reasons_in_words(signals.messages[-1].cues, masked=False)
    assert any(r.startswith(("rejects the answer", "corrects the answer")) for r in reasons)
    assert not any(r.startswith("says something is wrong") for r in reasons)


def test_the_score_does_not_change_only_its_words() -> None:
    text, language = OPENINGS[0]
    alone = run([("customer", text)], language).messages[0]
    assert alone.frustration is not None and alone.frustration > 0
    assert sum(alone.cues.get(k, 0) for k in alone.cues if not k.endswith("_match")) > 0
