"""Round 25 review (rev25): fixes to the round's new cue patterns.

- `why_question` and `paid_for` looked for the question mark with an unbounded scan from every "why" or "I pay":
  quadratic on a long message ("why, why, why, ..." of 20,000 characters: 0.33 s; now ~0.01 s);
"""

from __future__ import annotations

import re
import time

import pytest

from cxreview.signals.lexicon import raw_cues
from tests.signals.test_frustration import customer


def _pattern(family: str, marker: str) -> re.Pattern[str]:
    return re.compile(next(p for p in raw_cues()[family]["en"] if marker in p))


@pytest.mark.parametrize(
    ("family", "marker", "unit"),
    [
        ("why_question", "how come", "why,"),
        ("why_question", "how come", "so why "),
        ("paid_for", "do you (have|offer)", "i pay 10, can i x "),
    ],
)
def test_the_question_mark_is_looked_for_a_bounded_way_ahead(family: str, marker: str, unit: str) -> None:
    pattern = _pattern(family, marker)
    text = (unit * (40_000 // len(unit) + 1))[:40_000]
    start = time.perf_counter()
    pattern.findall(text)
    assert time.perf_counter() - start < 0.5  # unbounded: ~1.3 s, bounded: ~0.02 s


def test_a_why_question_is_still_read() -> None:
    assert "why_question" in customer("Why is my bill higher this month?", "en").cues
    assert "why_question" in customer("so why does it keep logging me out every single day again?", "en").cues
