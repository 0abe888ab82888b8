"""Bar charts from their own geometry: labels, values and markers never overlap bars or each other."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cxreview.reports.charts import bar_layout, svg_bars, svg_line, word_cut

LONG = "Could you give me your order number and the postcode of the delivery address please"


def _clashes(boxes: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    texts = [b for b in boxes if b.kind in ("label", "value", "axis")]
    solid = [b for b in boxes if b.kind in ("bar", "marker")]
    clashes = [(a.text, b.kind) for a in texts for b in solid if b.width > 0 and a.overlaps(b)]
    clashes += [(a.text, b.text) for i, a in enumerate(texts) for b in texts[i + 1 :] if a.overlaps(b)]
    return clashes


def test_a_long_label_is_cut_at_a_word_and_keeps_its_full_text() -> None:
    svg = svg_bars([(LONG, 35.0, 60.0), ("Short", 100.0, 2.0)])
    shown = re.search(r"</title>([^<]*)</text>", svg)
    assert shown and shown.group(1).endswith("…") and LONG.startswith(shown.group(1)[:-1])
    assert LONG[len(shown.group(1)) - 1] == " "  # the cut falls on a word boundary
    assert f"<title>{LONG}</title>" in svg
    assert ">35%<" in svg and ">100%<" in svg and ">50%<" in svg  # units on values and on the scale
    assert word_cut("Supercalifragilistic", 8) == "Superca…"  # one word longer than the limit


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=0, max_size=120),
            st.floats(min_value=-10, max_value=150),
            st.one_of(st.none(), st.floats(min_value=-10, max_value=150)),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([560, 700]),
)
def test_label_boxes_never_overlap_bars_markers_or_each_other(rows, width) -> None:  # type: ignore[no-untyped-def]
    height, boxes = bar_layout(rows, 100.0, width)
    assert _clashes(boxes) == []
    assert all(0 <= b.x and b.x + b.width <= width and 0 <= b.y and b.y + b.height <= height for b in boxes)


def test_the_overlap_check_can_fail() -> None:
    from cxreview.reports.charts import Box

    assert _clashes([Box("value", 100, 10, 30, 18, "35%"), Box("marker", 110, 7, 3, 24)]) != []


def test_trend_chart_has_a_y_axis_with_units() -> None:
    svg = svg_line([40.0, 75.0, 90.0], ["W44", "W45", "W46"])
    assert all(f">{tick}%</text>" in svg for tick in (0, 50, 100))
    assert svg.count("<circle") == 3 and ">W46</text>" in svg
