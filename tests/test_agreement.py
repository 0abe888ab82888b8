"""The array agreement figures against a plain per-conversation computation."""

from __future__ import annotations

import random
import statistics

import numpy as np
import pytest

from cxreview.agreement import agreement, dedupe_last
from cxreview.krippendorff import alpha


def _plain(table: dict[int, dict[int, float | None]], span: float, benchmark: int | None) -> dict:
    pairs = exact = within = na_pairs = na_same = 0
    alignment: dict[int, list[float]] = {}
    units = []
    for values in table.values():
        if len(values) < 2:
            continue
        flags = [v is not None for v in values.values()]
        for i in range(len(flags)):
            for j in range(i + 1, len(flags)):
                na_pairs += 1
                na_same += flags[i] == flags[j]
        scored = {r: v for r, v in values.items() if v is not None}
        if len(scored) < 2:
            continue
        numbers = list(scored.values())
        units.append(numbers)
        for i in range(len(numbers)):
            for j in range(i + 1, len(numbers)):
                pairs += 1
                exact += numbers[i] == numbers[j]
                within += abs(numbers[i] - numbers[j]) <= 1
        for reviewer, value in scored.items():
            if benchmark is not None:
                if reviewer == benchmark or benchmark not in scored:
                    continue
                reference = scored[benchmark]
            else:
                reference = statistics.median(v for r, v in scored.items() if r != reviewer)
            alignment.setdefault(reviewer, []).append(100 * (1 - abs(value - reference) / span))
    return {
        "pairs": pairs,
        "exact": exact / pairs if pairs else None,
        "within": within / pairs if pairs else None,
        "na": na_same / na_pairs if na_pairs else None,
        "alpha": alpha(units, "ordinal") if units else None,
        "alignment": {r: (sum(v) / len(v), len(v)) for r, v in alignment.items()},
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("benchmark", [None, 0])
def test_array_figures_equal_the_plain_computation(seed: int, benchmark: int | None) -> None:
    rng = random.Random(seed)
    table: dict[int, dict[int, float | None]] = {}
    for conversation in range(300):
        reviewers = rng.sample(range(6), rng.choice([1, 2, 2, 3, 4]))
        table[conversation] = {r: (None if rng.random() < 0.1 else float(rng.randint(1, 5))) for r in reviewers}
    rows = [(c, r, np.nan if v is None else v) for c, values in table.items() for r, v in values.items()]
    rng.shuffle(rows)  # the figures must not depend on the order of the scores
    conversation, reviewer, value = (np.array(column) for column in zip(*rows, strict=True))
    got = agreement(conversation.astype(np.int64), reviewer.astype(np.int64), value, 4.0, benchmark, "ordinal", 0)
    want = _plain(table, 4.0, benchmark)
    assert got.pairs == want["pairs"]
    assert got.exact == pytest.approx(want["exact"]) and got.within_one == pytest.approx(want["within"])
    assert got.na_agreement == pytest.approx(want["na"])
    assert got.alpha == pytest.approx(want["alpha"])
    assert got.alignment.keys() == want["alignment"].keys()
    for r, (mean, n) in want["alignment"].items():
        assert got.alignment[r][0] == pytest.approx(mean) and got.alignment[r][1] == n


def test_dedupe_keeps_the_last_entry_of_each_key() -> None:
    first = np.array([0, 1, 0, 1, 0])
    second = np.array([5, 5, 5, 6, 5])
    assert dedupe_last(first, second).tolist() == [1, 3, 4]
