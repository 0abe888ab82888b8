"""The shipped cue facts (cue_facts.json) are what the code works out, and are never used stale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxreview.signals import cue_facts
from cxreview.signals.cue_facts import all_patterns, facts_of, fingerprint, shipped, work_out
from cxreview.signals.cue_index import CueIndex

REMAKE = "run `python -m cxreview.signals.cue_facts` and commit cxreview/signals/cue_facts.json"
# Patterns of cues.yaml the file may lack (each is worked out at start instead, ~0.25 ms) or
# hold in excess (never asked for): a cue edit need not remake the file at once, but the
# file must not drift far from the cues.
_DRIFT = 30


def test_the_shipped_file_holds_the_patterns_as_worked_out_now() -> None:
    data = json.loads(cue_facts.FACTS_FILE.read_text(encoding="utf-8"))
    assert data["fingerprint"] == fingerprint(), f"the code that works the facts out changed: {REMAKE}"
    facts = shipped()
    assert len(facts) == len(data["patterns"]) > 800
    wrong = [p for p, known in facts.items() if known != work_out(p)]
    assert not wrong, f"{len(wrong)} patterns' facts differ from a fresh computation ({wrong[0]!r}): {REMAKE}"
    patterns = set(all_patterns())
    missing, unused = patterns - set(facts), set(facts) - patterns
    assert len(missing) <= _DRIFT, f"{len(missing)} cue patterns are not in the file: {REMAKE}"
    assert len(unused) <= _DRIFT, f"{len(unused)} patterns in the file are no cue's: {REMAKE}"


@pytest.fixture
def facts_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Another facts file in place of the shipped one (the cache of it emptied around)."""
    path = tmp_path / "cue_facts.json"
    monkeypatch.setattr(cue_facts, "FACTS_FILE", path)
    shipped.cache_clear()
    yield path
    shipped.cache_clear()


def _write(path: Path, code: str | None, patterns: list[str]) -> None:
    path.write_text(cue_facts.render(patterns).replace(str(fingerprint()), str(code)), encoding="utf-8")


def test_a_pattern_missing_from_the_file_is_worked_out(facts_file: Path) -> None:
    _write(facts_file, fingerprint(), ["how (do|can) i"])
    assert list(shipped()) == ["how (do|can) i"]
    assert facts_of("where is my (order|parcel)") == work_out("where is my (order|parcel)")
    index = CueIndex({"x": ["where is my (order|parcel)"]})
    assert index.match("Where is my parcel?", "where is my parcel?") == {"x": "Where is my parcel"}


def test_a_file_made_by_other_code_is_not_used(facts_file: Path) -> None:
    _write(facts_file, "0" * 64, ["how (do|can) i"])
    assert shipped() == {}


def test_a_file_with_wrong_facts_would_change_the_index(facts_file: Path) -> None:
    """The file is really read: facts that say a pattern needs a word it does not need make
    the index miss it (which is why the file must equal a fresh computation)."""
    facts_file.write_text(
        json.dumps(
            {
                "fingerprint": fingerprint(),
                "patterns": {"refund": [[["nothing"]], False, False, [], None, [["refund"], []], True]},
            }
        ),
        encoding="utf-8",
    )
    assert CueIndex({"x": ["refund"]}).match("refund please", "refund please") == {}


@pytest.mark.parametrize(
    "content",
    [None, "", "{not json", "[]", '{"fingerprint": "%s"}', '{"fingerprint": "%s", "patterns": {"refund": [1]}}'],
)
def test_a_missing_or_broken_file_means_working_everything_out(facts_file: Path, content: str | None) -> None:
    if content is not None:
        facts_file.write_text(content.replace("%s", str(fingerprint())), encoding="utf-8")
    assert shipped() == {}
    assert CueIndex({"x": ["refund"]}).match("refund please", "refund please") == {"x": "refund"}
