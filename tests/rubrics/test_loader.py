"""Rubric YAML: shipped rubrics load, and every kind of mistake is named with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxreview.errors import RubricError
from cxreview.rubrics import load_rubric, resolve_rubric
from cxreview.rubrics.loader import parse_rubric, shipped_rubrics

GOOD = """\
id: t
name: Test
version: 2
pass_threshold: 60
criteria:
  - id: empathy
    label: Empathy
    question: Q?
    scale: {min: 1, max: 3}
    weight: 2
    allow_na: true
    critical: {below: 2, effect: flag}
    anchors: {1: cold, 2: polite, 3: warm}
    root_causes: [rushed]
    signals: [emotion_spike]
  - id: disclosed
    label: Disclosed
    question: Did the bot say it is a bot?
    scale: binary
    anchors: {no: never said, yes: said so early}
"""


def test_shipped_rubrics_are_valid_and_dutch_matches_english_ids() -> None:
    shipped = shipped_rubrics()
    assert {"default", "default.nl", "bot"} <= shipped.keys()
    english, dutch = resolve_rubric("default"), resolve_rubric("default.nl")
    assert [c.id for c in english.criteria] == [c.id for c in dutch.criteria] == ["empathy", "clarity", "resolution"]
    assert dutch.language == "nl"
    bot = resolve_rubric("bot")
    assert [c.id for c in bot.criteria] == ["transparency", "handover", "loop_avoidance", "resolution"]
    for rubric in (english, dutch, bot):
        for criterion in rubric.criteria:
            assert set(criterion.anchors) == set(criterion.levels)
    assert english.criterion("empathy").anchors[1].startswith("Ignores the frustration the customer states")


def test_parses_scales_binary_critical_and_lists() -> None:
    rubric = parse_rubric(GOOD, "t.yaml")
    empathy, disclosed = rubric.criteria
    assert (empathy.min, empathy.max, empathy.weight, empathy.allow_na) == (1, 3, 2.0, True)
    assert empathy.critical is not None and empathy.critical.below == 2 and empathy.critical.effect == "flag"
    assert disclosed.binary and disclosed.anchors == {0: "never said", 1: "said so early"}
    assert rubric.version == 2 and rubric.pass_threshold == 60


def test_content_hash_ignores_comments_but_not_anchors() -> None:
    base = parse_rubric(GOOD).content_hash
    assert parse_rubric("# a comment\n" + GOOD).content_hash == base
    assert parse_rubric(GOOD.replace("warm", "very warm")).content_hash != base


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("    weight: 2", "    wieght: 2"),
            't.yaml:10:5: unknown key "wieght" in a criterion; did you mean "weight"?',
        ),
        (
            GOOD.replace("id: disclosed", "id: empathy"),
            't.yaml:16:9: duplicate criterion id "empathy" (first at line 6)',
        ),
        (
            GOOD.replace("{min: 1, max: 3}", "{min: 3, max: 3}"),
            't.yaml:9:12: criterion "empathy": scale min (3) must be below max (3)',
        ),
        (
            GOOD.replace("{1: cold, 2: polite, 3: warm}", "{1: cold, 3: warm}"),
            't.yaml:13:14: criterion "empathy": level 2 has no anchor',
        ),
        (GOOD.replace("weight: 2", "weight: 0"), 't.yaml:10:13: criterion "empathy": weight must be a number above 0'),
        (
            GOOD.replace("below: 2,", "below: 7,"),
            't.yaml:12:15: criterion "empathy": critical level below 7 is outside the scale',
        ),
        (
            GOOD.replace("pass_threshold: 60", "pass_threshold: 160"),
            't.yaml:4:17: "pass_threshold" must be a number from 0 to 100',
        ),
        ("id: x\nname: X\nversion: 1\ncriteria: []\n", 't.yaml:4:11: "criteria" must be a non-empty list of criteria'),
    ],
)
def test_each_mistake_is_named_with_line_and_column(text: str, expected: str) -> None:
    with pytest.raises(RubricError) as info:
        parse_rubric(text, "t.yaml")
    assert any(problem.startswith(expected) for problem in info.value.problems), info.value.problems


def test_all_mistakes_of_a_file_at_once() -> None:
    text = GOOD.replace("weight: 2", "weight: -1").replace("label: Disclosed", "lable: Disclosed")
    with pytest.raises(RubricError) as info:
        parse_rubric(text, "t.yaml")
    assert len(info.value.problems) == 3  # weight, unknown key, and the then-missing label


def test_yaml_syntax_error_and_empty_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ncriteria:\n  - id: a\n   label: [oops\n")
    with pytest.raises(RubricError, match=r"broken.yaml:\d+:\d+: YAML syntax error"):
        load_rubric(broken)
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing here\n")
    with pytest.raises(RubricError, match="the rubric is empty"):
        load_rubric(empty)


def test_unknown_rubric_name_lists_the_shipped_ones() -> None:
    with pytest.raises(RubricError) as info:
        resolve_rubric("nonexistent")
    assert "default" in info.value.fix and "bot" in info.value.fix


def test_an_anchor_yaml_reads_as_a_boolean_says_to_quote_it(tmp_path: Path) -> None:
    from tests.autoqa.simulated import RUBRIC_YAML

    rubric = tmp_path / "yesno.yaml"
    rubric.write_text(
        RUBRIC_YAML.replace("{1: one, 2: two, 3: three, 4: four, 5: five}", "{1: no, 2: b, 3: c, 4: d, 5: yes}")
    )
    with pytest.raises(RubricError) as info:
        load_rubric(rubric)
    said = " | ".join(str(p) for p in info.value.problems)
    assert 'the anchor for level 1 reads as false, not text; put it in quotes: "no"' in said
    assert 'the anchor for level 5 reads as true, not text; put it in quotes: "yes"' in said
