"""Tiny chart renderers with no dependencies: text bars and sparklines, inline SVG.

The SVG bar chart is laid out first (``bar_layout``: every label, bar, value and marker as
a box) and drawn from those boxes, so a test can check from the same geometry that nothing
overlaps. Text widths are estimated (CHAR_WIDTH per character of a 12-13 px sans-serif font,
generous for most glyphs), and every shortened label keeps its full text in a <title>.
"""

from __future__ import annotations

from dataclasses import dataclass

SPARKS = "▁▂▃▄▅▆▇█"
CHAR_WIDTH = 7.5  # px per character at font-size 12-13: wider than the average glyph, on purpose
LABEL_WIDTH = 210  # px for the label column of bar charts
VALUE_ROOM = 64  # px right of the longest bar for its value ("100%") and a reference marker


def text_bar(value: float, maximum: float = 100.0, width: int = 20) -> str:
    filled = 0 if maximum <= 0 else round(width * max(0.0, min(value, maximum)) / maximum)
    return "█" * filled + "░" * (width - filled)


def sparkline(values: list[float], low: float | None = None, high: float | None = None) -> str:
    if not values:
        return ""
    low = min(values) if low is None else low
    high = max(values) if high is None else high
    span = (high - low) or 1.0
    return "".join(SPARKS[min(7, int((v - low) / span * 7.999))] for v in values)


def nice_ceiling(value: float) -> float:
    """The smallest of 2, 4, 6, 8, 10, 20, 40, ... at or above ``value``: a scale for counts
    whose middle tick is a whole number."""
    step = 1.0
    while True:
        for multiple in (2, 4, 6, 8, 10):
            if value <= multiple * step:
                return multiple * step
        step *= 10


def word_cut(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters at a word boundary, with "…" (never mid-word
    unless a single word is longer than the limit)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


@dataclass(frozen=True)
class Box:
    kind: str  # label, bar, value, marker, axis
    x: float
    y: float
    width: float
    height: float
    text: str = ""

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.x + other.width
            and other.x < self.x + self.width
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )


def bar_layout(
    rows: list[tuple[str, float, float | None]],
    maximum: float = 100.0,
    width: int = 560,
    unit: str = "%",
    digits: int = 0,
) -> tuple[int, list[Box]]:
    """Every element of a horizontal bar chart as a box: (height, boxes)."""
    span = width - LABEL_WIDTH - VALUE_ROOM
    boxes: list[Box] = []
    limit = int((LABEL_WIDTH - 10) / CHAR_WIDTH)
    for index, (label, value, reference) in enumerate(rows):
        y = 8 + index * 26
        bar = span * max(0.0, min(value, maximum)) / maximum
        short = word_cut(label, limit)
        boxes.append(Box("label", 0, y, len(short) * CHAR_WIDTH, 18, short))
        boxes.append(Box("bar", LABEL_WIDTH, y, bar, 18))
        right = LABEL_WIDTH + bar
        if reference is not None:
            # The reference (team median) is a short tick above and below the bar, not across
            # the value: the value is written right of both the bar and the tick.
            x = LABEL_WIDTH + span * max(0.0, min(reference, maximum)) / maximum
            boxes.append(Box("marker", x - 1.5, y - 3, 3, 24))
            right = max(right, x + 1.5)
        text = f"{value:.{digits}f}{unit}"
        boxes.append(Box("value", right + 5, y, len(text) * CHAR_WIDTH, 18, text))
    height = 8 + 26 * len(rows) + 22
    for fraction in (0.0, 0.5, 1.0):  # the scale, under the bars
        text = f"{maximum * fraction:.{digits}f}{unit}"
        x = LABEL_WIDTH + span * fraction
        boxes.append(Box("axis", x - len(text) * CHAR_WIDTH / 2, height - 16, len(text) * CHAR_WIDTH, 14, text))
    return height, boxes


def svg_bars(
    rows: list[tuple[str, float, float | None]],
    maximum: float = 100.0,
    width: int = 560,
    unit: str = "%",
    digits: int = 0,
) -> str:
    """Horizontal bars (label, value, reference marker) as one inline SVG, in the given order."""
    from html import escape  # here, not at import: the review app draws no SVG

    height, boxes = bar_layout(rows, maximum, width, unit, digits)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    labels = iter(label for label, _, _ in rows)
    for box in boxes:
        if box.kind == "label":
            full = next(labels)
            parts.append(
                f'<text x="0" y="{box.y + 14}" font-size="12"><title>{escape(full)}</title>{escape(box.text)}</text>'
            )
        elif box.kind == "bar":
            parts.append(f'<rect x="{box.x}" y="{box.y}" width="{box.width:.1f}" height="18" fill="#3b82f6" rx="3"/>')
        elif box.kind == "marker":
            parts.append(
                f'<rect x="{box.x:.1f}" y="{box.y}" width="{box.width}" height="{box.height}" fill="#f59e0b"/>'
            )
        elif box.kind == "value":
            parts.append(f'<text x="{box.x:.1f}" y="{box.y + 14}" font-size="12">{escape(box.text)}</text>')
        else:
            parts.append(
                f'<text x="{box.x:.1f}" y="{box.y + 11}" font-size="11" fill="#6b7280">{escape(box.text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def svg_line(
    values: list[float],
    labels: list[str],
    width: int = 560,
    height: int = 140,
    maximum: float = 100.0,
    unit: str = "%",
) -> str:
    """A trend line with a y-axis (0, half, maximum with units) and x labels under the plot."""
    from html import escape  # here, not at import: the review app draws no SVG

    if not values:
        return ""
    left, right, top, bottom = 48, 16, 10, 24  # room for the y scale and the x labels
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(values) - 1)

    def y_of(v: float) -> float:
        return top + plot_h - plot_h * max(0.0, min(v, maximum)) / maximum

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for fraction in (0.0, 0.5, 1.0):
        y = y_of(maximum * fraction)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#6b7280">'
            f"{maximum * fraction:.0f}{escape(unit)}</text>"
        )
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#9ca3af"/>')
    points = " ".join(f"{left + i * step:.1f},{y_of(v):.1f}" for i, v in enumerate(values))
    parts.append(f'<polyline points="{points}" fill="none" stroke="#3b82f6" stroke-width="2"/>')
    for i, (v, label) in enumerate(zip(values, labels, strict=True)):
        x = left + i * step
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y_of(v):.1f}" r="3" fill="#3b82f6"><title>{v:.0f}{escape(unit)}</title></circle>'
        )
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="10" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
