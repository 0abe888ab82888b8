"""Tiny chart renderers with no dependencies: text bars and sparklines, inline SVG."""

from __future__ import annotations

from html import escape

SPARKS = "▁▂▃▄▅▆▇█"


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


def svg_bars(rows: list[tuple[str, float, float | None]], maximum: float = 100.0, width: int = 560) -> str:
    """Horizontal bars (label, value, reference marker) as one inline SVG."""
    height = 26 * len(rows) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for index, (label, value, reference) in enumerate(rows):
        y = 8 + index * 26
        bar = (width - 200) * max(0.0, min(value, maximum)) / maximum
        parts.append(f'<text x="0" y="{y + 14}" font-size="13">{escape(label)}</text>')
        parts.append(f'<rect x="150" y="{y}" width="{bar:.1f}" height="18" fill="#3b82f6" rx="3"/>')
        parts.append(f'<text x="{155 + bar:.1f}" y="{y + 14}" font-size="12">{value:.0f}</text>')
        if reference is not None:
            x = 150 + (width - 200) * max(0.0, min(reference, maximum)) / maximum
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 3}" y2="{y + 21}" stroke="#f59e0b" stroke-width="3"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def svg_line(
    values: list[float], labels: list[str], width: int = 560, height: int = 120, maximum: float = 100.0
) -> str:
    if not values:
        return ""
    step = (width - 40) / max(1, len(values) - 1)
    points = " ".join(
        f"{20 + i * step:.1f},{height - 20 - (height - 40) * v / maximum:.1f}" for i, v in enumerate(values)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">',
        f'<polyline points="{points}" fill="none" stroke="#3b82f6" stroke-width="2"/>',
    ]
    for i, (v, label) in enumerate(zip(values, labels, strict=True)):
        x, y = 20 + i * step, height - 20 - (height - 40) * v / maximum
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#3b82f6"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
