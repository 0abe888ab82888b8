"""Agreement per kind of conversation: the cross-validated alpha per channel and per language.

The verdict pools every reviewed conversation, and the distance check ("outside what AutoQA
was trained on") lifts as soon as a kind of conversation makes up about 1 in 100 of the
reviewed ones (its threshold is a 99th percentile). A few reviews of a new channel can thus
switch "far" off for that channel while the model does not agree with the reviewers there:
the pooled alpha is the other channels' alpha. Training therefore measures each channel and
language with enough reviewed conversations on its own, from the same held-out predictions,
and the commands warn where a reliable model's agreement there is below the threshold. This
makes the gap visible; it does not (yet) withhold those conversations' figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from cxreview.autoqa.measure import THRESHOLD, figure, measure

# Reviewed conversations a channel or language needs for a figure of its own (fewer give an
# interval too wide to say anything).
SEGMENT_MIN = 10
_BOOTSTRAP = 200


def per_segment(
    kinds: Sequence[tuple[str | None, str | None]],
    groups: np.ndarray,
    y: np.ndarray,
    predicted: np.ndarray,
    low: int,
    high: int,
    seed: int = 0,
) -> list[dict[str, Any]]:
    """[{column, value, conversations, alpha, alpha_low, alpha_high}] per channel and language
    with at least SEGMENT_MIN reviewed conversations, when the column has two or more values
    (with one, the pooled figure is that segment's). ``kinds[g]`` is (channel, language) of the
    conversation coded g in ``groups`` (one code per score, as for ``measure``)."""
    out: list[dict[str, Any]] = []
    for column, index in (("channel", 0), ("language", 1)):
        values = np.array([kind[index] or "" for kind in kinds], dtype=object)
        distinct = sorted({v for v in values.tolist() if v})
        if len(distinct) < 2:
            continue
        per_score = values[groups]
        for value in distinct:
            mask = per_score == value
            n = len(np.unique(groups[mask]))
            if n < SEGMENT_MIN:
                continue
            m = measure(groups[mask], y[mask], predicted[mask], low, high, bootstrap=_BOOTSTRAP, seed=seed)
            out.append(
                {
                    "column": column,
                    "value": value,
                    "conversations": n,
                    "alpha": m.alpha,
                    "alpha_low": m.alpha_low,
                    "alpha_high": m.alpha_high,
                }
            )
    return out


def warnings(label: str, segments: Sequence[dict[str, Any]], threshold: float = THRESHOLD) -> list[str]:
    """One line per segment whose agreement is below the threshold (or cannot be measured)."""
    lines = []
    for s in segments:
        alpha = s.get("alpha")
        if alpha is not None and alpha >= threshold:
            continue
        where = f"{s['column']} {s['value']} ({s['conversations']} reviewed conversations)"
        if alpha is None:
            shown = "agreement cannot be measured (the scores or predictions do not vary)"
        else:
            low, high = s.get("alpha_low"), s.get("alpha_high")
            interval = "" if low is None or high is None else f" [{figure(low, threshold)}, {figure(high, threshold)}]"
            shown = f"alpha {figure(alpha, threshold)}{interval} is below {threshold}"
        lines.append(
            f"{label} on {where}: {shown}; the overall verdict does not hold there, so read its figures "
            "for those conversations with care; review more of them and train again"
        )
    return lines
