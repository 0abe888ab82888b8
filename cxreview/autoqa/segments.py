"""Agreement per kind of conversation: the cross-validated alpha per channel and per language,
and what follows from it for the conversations of that kind.

The verdict pools every reviewed conversation, and the distance check ("outside what AutoQA
was trained on") lifts as soon as a kind of conversation makes up about 1 in 100 of the
reviewed ones (its threshold is a 99th percentile). A few reviews of a new channel can thus
switch "far" off for that channel while the model does not agree with the reviewers there:
the pooled alpha is the other channels' alpha. Training therefore measures each channel and
language on its own, from the same held-out predictions, and stores one entry per kind of
conversation it saw (``status``):

- ``measured``: at least SEGMENT_MIN reviewed conversations: its own alpha with a bootstrap
  interval. Below the threshold, AutoQA is *not reliable there*: the figures of that kind of
  conversation are withheld like a far conversation's (``withheld``).
- ``too few``: reviewed, but fewer than SEGMENT_MIN: its agreement is not measured; its
  figures rest on the pooled verdict, and the commands say so.
- ``only kind``: every reviewed conversation is of this kind: the pooled figure is its own.

A kind never reviewed at all (e-mails scored by a model trained on chats) is not stored: it is
what is missing from the stored kinds, so it counts as unmeasured too (``unmeasured``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from cxreview.autoqa.measure import THRESHOLD, figure, measure

# Reviewed conversations a channel or language needs for an alpha of its own. Fewer give an
# interval too wide to say anything (with 10, about +-0.3 on the simulated reviewers), and
# the bootstrap cannot resample them meaningfully. A segment at or above it whose alpha is
# below the threshold is withheld even when its interval still reaches it: the pooled verdict
# does not vouch for a kind of conversation on which the model measurably agrees less, and a
# withheld figure costs a reviewer one score, a wrong one a wrong judgement of an agent.
SEGMENT_MIN = 10
_BOOTSTRAP = 200
COLUMNS = ("channel", "language")
MEASURED, TOO_FEW, ONLY_KIND = "measured", "too few", "only kind"


def per_segment(
    kinds: Sequence[tuple[str | None, str | None]],
    groups: np.ndarray,
    y: np.ndarray,
    predicted: np.ndarray,
    low: int,
    high: int,
    seed: int = 0,
) -> list[dict[str, Any]]:
    """[{column, value, conversations, status, alpha, alpha_low, alpha_high}] per channel and
    language of the reviewed conversations (alpha None unless ``status`` is measured).
    ``kinds[g]`` is (channel, language) of the conversation coded g in ``groups`` (one code per
    score, as for ``measure``)."""
    out: list[dict[str, Any]] = []
    for index, column in enumerate(COLUMNS):
        values = np.array([kind[index] or "" for kind in kinds], dtype=object)
        distinct = sorted({v for v in values.tolist() if v})
        per_score = values[groups]
        for value in distinct:
            mask = per_score == value
            n = len(np.unique(groups[mask]))
            entry: dict[str, Any] = {"column": column, "value": value, "conversations": n, "alpha": None}
            entry.update(alpha_low=None, alpha_high=None)
            if len(distinct) < 2:
                entry["status"] = ONLY_KIND
            elif n < SEGMENT_MIN:
                entry["status"] = TOO_FEW
            else:
                m = measure(groups[mask], y[mask], predicted[mask], low, high, bootstrap=_BOOTSTRAP, seed=seed)
                entry.update(status=MEASURED, alpha=m.alpha, alpha_low=m.alpha_low, alpha_high=m.alpha_high)
            out.append(entry)
    return out


def _status(segment: dict[str, Any]) -> str:
    # Models trained before the status was stored kept measured segments only.
    return str(segment.get("status", MEASURED))


def not_reliable(segment: dict[str, Any], threshold: float = THRESHOLD) -> bool:
    """A measured segment whose alpha is below the threshold (or cannot be computed)."""
    alpha = segment.get("alpha")
    return _status(segment) == MEASURED and (alpha is None or alpha < threshold)


def withheld(segments: Sequence[dict[str, Any]], channel: str | None, language: str | None) -> str | None:
    """Why a conversation of this channel and language gets no figure from the model ("channel
    email", "channel email and language nl"), or None when its kinds do not withhold it."""
    wanted = dict(zip(COLUMNS, (channel or "", language or ""), strict=True))
    parts = [f"{s['column']} {s['value']}" for s in segments if not_reliable(s) and wanted[s["column"]] == s["value"]]
    return " and ".join(parts) or None


def knows_kinds(segments: Sequence[dict[str, Any]]) -> bool:
    """True when the model stored every reviewed kind (not only the measured ones), so a kind
    it has no entry for was never reviewed."""
    return any("status" in s for s in segments)


def unmeasured(segments: Sequence[dict[str, Any]], channel: str | None, language: str | None) -> str | None:
    """Where a conversation of this channel and language has no agreement figure of its own
    although the model's other kinds do: "channel email (4 reviewed conversations)", "language
    de (never reviewed)"; None when it has one (or the model cannot tell)."""
    if not knows_kinds(segments):
        return None
    parts = []
    for column, value in zip(COLUMNS, (channel or "", language or ""), strict=True):
        mine = [s for s in segments if s["column"] == column]
        if not value or not mine:
            continue
        found = next((s for s in mine if s["value"] == value), None)
        if found is None:
            parts.append(f"{column} {value} (never reviewed)")
        elif _status(found) == TOO_FEW:
            parts.append(f"{column} {value} ({found['conversations']} reviewed)")
    return " and ".join(parts) or None


def warnings(label: str, segments: Sequence[dict[str, Any]], threshold: float = THRESHOLD) -> list[str]:
    """One line per segment whose agreement is below the threshold: its figures are withheld."""
    lines = []
    for s in segments:
        if not not_reliable(s, threshold):
            continue
        where = f"{s['column']} {s['value']} ({s['conversations']} reviewed conversations)"
        alpha = s.get("alpha")
        if alpha is None:
            shown = "agreement cannot be measured (the scores or predictions do not vary)"
        else:
            low, high = s.get("alpha_low"), s.get("alpha_high")
            interval = "" if low is None or high is None else f" [{figure(low, threshold)}, {figure(high, threshold)}]"
            shown = f"alpha {figure(alpha, threshold)}{interval} is below {threshold}"
        lines.append(
            f"{label} on {where}: {shown}; AutoQA is not reliable there, so its figures for those conversations "
            "are withheld (not shown, not used): score them yourself, review more of them and train again"
        )
    return lines


def too_few(models: Sequence[tuple[str, Sequence[dict[str, Any]]]]) -> list[str]:
    """One line per channel or language with too few reviewed conversations to measure, naming
    the models (label, segments) it concerns: the kinds are the data's, so they repeat per model."""
    by_kind: dict[tuple[str, str, int], list[str]] = {}
    for label, segments in models:
        for s in segments:
            if _status(s) == TOO_FEW:
                by_kind.setdefault((s["column"], s["value"], int(s["conversations"])), []).append(label)
    return [
        f"{column} {value}: only {n} reviewed conversation{'s' * (n != 1)}, too few to measure AutoQA's agreement "
        f"there ({SEGMENT_MIN} needed) for {', '.join(labels)}; its figures there rest on the other kinds' agreement: "
        "review more of them and train again"
        for (column, value, n), labels in by_kind.items()
    ]
