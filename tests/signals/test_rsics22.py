"""The rsics22 set (benchmarks/rsics.py): messages typed to companies' chatbots, read from the
user's copy of the RSiCS corpus; the repository keeps request ids and labels only. Also the
``--twcs-parts`` reader of benchmarks/twcs.py, which must refuse a set it does not know."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import rsics  # noqa: E402
from twcs import parts  # noqa: E402


def _corpus(tmp_path: Path, rows: list[list[str]]) -> Path:
    """A file in the layout of tagged_selections_by_sentence.csv (14 columns, no header)."""
    path = tmp_path / "tagged.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for dataset, request, text, rant, emotion in rows:
            writer.writerow([dataset, "1", request, "2", text, "", "", "0", "0", "0", rant, "0", "0", emotion])
    return path


def test_the_typed_text_comes_back_without_the_reviewers_brackets(tmp_path: Path) -> None:
    path = _corpus(
        tmp_path,
        [
            ["2", "11", "[Hi, ]I need to talk to an agent[ now!!]", "1", "0"],
            ["1", "12", "A forum post about legroom", "0", "0"],  # TripAdvisor: not a company's bot
            ["4", "13", "my modem blinks orange", "0", "1"],
            ["4", "13", "the same request repeated at another threshold", "0", "0"],
        ],
    )
    requests = rsics.read_requests(path)
    assert requests == {
        "rsics-2-11": ("Hi, I need to talk to an agent now!!", True),
        "rsics-4-13": ("my modem blinks orange", True),
    }


def test_the_split_is_fixed_by_the_id_and_holds_both_halves() -> None:
    ids = [f"rsics-{d}-{n}" for d in (2, 3, 4) for n in range(200)]
    halves = [rsics.part_of(i) for i in ids]
    assert halves == [rsics.part_of(i) for i in ids]
    assert 0.4 < halves.count("dev") / len(halves) < 0.6


def test_corpus_tags_label_the_messages_of_one_half(tmp_path: Path) -> None:
    texts = {
        f"rsics-3-{n}": ("This is ridiculous, I have asked three times!!" if n % 2 else "What meals are served?")
        for n in range(40)
    }
    path = _corpus(
        tmp_path, [["3", i.rsplit("-", 1)[1], t, str(int("ridiculous" in t)), "0"] for i, t in texts.items()]
    )
    dev, held = rsics.rsics_tag_rows(path, "dev"), rsics.rsics_tag_rows(path, "held")
    assert len(dev.labels) + len(held.labels) == 40 and dev.labels and held.labels
    for rows in (dev, held):
        for text, label, score in zip(rows.texts, rows.labels, rows.frustration, strict=True):
            assert label == int("ridiculous" in text)
            assert (score > 0.3) == bool(label), text  # the shipped model reads the two apart


@pytest.mark.skipif(not rsics.LABELS.exists(), reason="no rsics22 labels yet")
def test_the_labels_file_holds_ids_and_labels_only() -> None:
    with open(rsics.LABELS, encoding="utf-8") as handle:
        messages = [json.loads(line) for line in handle]
    assert len({m["id"] for m in messages}) == len(messages) > 1000
    for message in messages:
        assert set(message) == {"id", "part", "A", "B"}  # no text: the corpus' licence and its people
        assert message["part"] == rsics.part_of(message["id"])
        assert message["id"].split("-")[1] in rsics.DATASETS
        assert all(len(message[k]) == 3 and set(message[k]) <= {0, 1} for k in ("A", "B"))


def test_twcs_parts_refuses_a_set_it_does_not_know() -> None:
    assert parts("dev,twcs21,eric22:held") == [("twcs20", "dev"), ("twcs21", "dev"), ("eric22", "held")]
    with pytest.raises(SystemExit, match="twcs22"):
        parts("dev,twcs22")
