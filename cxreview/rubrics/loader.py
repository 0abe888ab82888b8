"""Load rubric YAML and validate it, naming every mistake with file:line:column and its fix."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from cxreview.errors import RubricError
from cxreview.hygiene import clean_name, clean_text
from cxreview.resources import bundled_dir
from cxreview.rubrics.model import Criterion, Critical, Rubric
from cxreview.yaml_check import SHOWN_PROBLEMS, YamlChecker, compose, short

TOP_KEYS = (
    "id",
    "name",
    "version",
    "description",
    "language",
    "applies_to",
    "pass_threshold",
    "dispute_days",
    "criteria",
)
CRITERION_KEYS = (
    "id",
    "label",
    "question",
    "scale",
    "anchors",
    "weight",
    "allow_na",
    "critical",
    "root_causes",
    "guidance",
    "signals",
)
APPLIES_TO = ("agent", "bot", "any")
CRITICAL_EFFECTS = ("zero", "flag")
MAX_LEVELS = 100  # every level needs an anchor; a scale beyond this is a mistake or an attack
BINARY_NAMES = {"no": 0, "yes": 1, "false": 0, "true": 1, "0": 0, "1": 1}


class _Located:
    """A YAML value with the position of its node, so mistakes can point at it."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node
        self.line = node.start_mark.line + 1
        self.column = node.start_mark.column + 1


_Checker = YamlChecker


def _scalar(node: yaml.Node) -> Any:
    """Build the Python value of a node directly (no re-serialising: cheap on large rubrics)."""
    if node is None:
        return None
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load_rubric(path: str | Path) -> Rubric:
    """Parse and validate one rubric file; raise RubricError listing all its mistakes."""
    file_path = Path(path)
    name = str(path)
    try:
        text = file_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricError(
            f"{name}: no such rubric file", "check the path, or use a shipped rubric: default, bot, default.nl"
        ) from None
    except UnicodeDecodeError:
        raise RubricError(f"{name}: not UTF-8 text", "save the rubric as UTF-8") from None
    except OSError as exc:
        raise RubricError(f"{name}: cannot read ({exc.strerror})", "check the file's permissions") from None
    return parse_rubric(text, name)


def parse_rubric(text: str, name: str = "<rubric>") -> Rubric:
    check = _Checker(name)
    root = compose(text, name, RubricError, "rubric")
    if root is None:
        raise RubricError(f"{name}: the rubric is empty", "start from rubrics/default.yaml", problems=[])
    top = check.mapping(root, TOP_KEYS, "the rubric")
    values: dict[str, Any] = {}
    for key in ("id", "name", "version", "description", "language", "applies_to", "pass_threshold", "dispute_days"):
        if key in top:
            values[key] = _scalar(top[key][1])
    for key in ("id", "name", "version"):
        if key not in top and isinstance(root, yaml.MappingNode):
            check.add(root, f'missing "{key}" at the top of the rubric')
    if "id" in values and not (isinstance(values["id"], str) and values["id"].strip()):
        check.add(top["id"][1], '"id" must be a short name such as default')
    version = values.get("version", 1)
    if "version" in top and (not isinstance(version, int) or isinstance(version, bool) or version < 1):
        check.add(
            top["version"][1], '"version" must be a whole number, 1 or more; raise it whenever you change the rubric'
        )
    applies_to = values.get("applies_to", "any")
    if applies_to not in APPLIES_TO:
        check.add(top["applies_to"][1], f'"applies_to" is "{applies_to}"; use agent, bot or any')
    threshold = values.get("pass_threshold", 70)
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 <= threshold <= 100:
        check.add(top["pass_threshold"][1], '"pass_threshold" must be a number from 0 to 100')
    dispute_days = values.get("dispute_days")
    if dispute_days is not None and (
        not isinstance(dispute_days, int) or isinstance(dispute_days, bool) or dispute_days < 1
    ):
        check.add(top["dispute_days"][1], '"dispute_days" must be a whole number of days, 1 or more')
    criteria: list[Criterion] = []
    if "criteria" not in top:
        if isinstance(root, yaml.MappingNode):
            check.add(root, 'the rubric has no "criteria"; add a list of criteria')
    else:
        node = top["criteria"][1]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            check.add(node, '"criteria" must be a non-empty list of criteria')
        else:
            seen: dict[str, yaml.Node] = {}
            for item in node.value:
                criterion = _criterion(check, item, seen)
                if criterion is not None:
                    criteria.append(criterion)
    if check.problems:
        count = len(check.problems)
        raise RubricError(
            f"{name}: {count} mistake{'s' * (count != 1)} in the rubric"
            + (f" (the first {SHOWN_PROBLEMS} shown)" if count > SHOWN_PROBLEMS else ""),
            "fix the lines listed above; docs/rubrics.md describes every key",
            problems=check.problems[:SHOWN_PROBLEMS],
        )
    return Rubric(
        id=clean_name(str(values["id"])),
        name=clean_name(str(values["name"])),
        version=int(version),
        description=clean_text(str(values.get("description") or "")),
        language=str(values.get("language") or "en"),
        applies_to=str(applies_to),
        pass_threshold=float(threshold),
        criteria=tuple(criteria),
        source=name,
        dispute_days=dispute_days,
    )


def _criterion(check: _Checker, node: yaml.Node, seen: dict[str, yaml.Node]) -> Criterion | None:
    before = len(check.problems)
    fields = check.mapping(node, CRITERION_KEYS, "a criterion")
    if not fields:
        return None
    raw = {key: _scalar(value) for key, (_, value) in fields.items()}
    crit_id = raw.get("id")
    label = f'criterion "{crit_id}"' if crit_id else "a criterion"
    if not isinstance(crit_id, str) or not crit_id.strip():
        check.add(node, 'a criterion needs an "id" such as empathy')
        crit_id = ""
    elif crit_id in seen:
        first = seen[crit_id].start_mark.line + 1
        check.add(
            fields["id"][1],
            f'duplicate criterion id "{crit_id}" (first at line {first}); give each criterion its own id',
        )
    else:
        seen[crit_id] = fields["id"][1]
    for key in ("label", "question"):
        if not isinstance(raw.get(key), str) or not raw.get(key, "").strip():
            check.add(fields[key][1] if key in fields else node, f'{label} needs a "{key}"')
    # Scale: "binary", or {min, max} integers with min < max.
    scale = raw.get("scale", {"min": 1, "max": 5})
    binary = scale == "binary"
    low, high = 0, 1
    if not binary:
        if not isinstance(scale, dict) or set(scale) - {"min", "max"}:
            check.add(
                fields["scale"][1] if "scale" in fields else node,
                f'{label}: "scale" must be binary or {{min: 1, max: 5}}',
            )
            return None
        low, high = scale.get("min", 1), scale.get("max", 5)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)):
            check.add(fields["scale"][1], f"{label}: scale min and max must be whole numbers")
            return None
        if low >= high:
            check.add(
                fields["scale"][1], f"{label}: scale min ({low}) must be below max ({high}); e.g. {{min: 1, max: 5}}"
            )
            return None
        if high - low + 1 > MAX_LEVELS:
            check.add(
                fields["scale"][1],
                f"{label}: a scale of {high - low + 1:,} levels is more than a reviewer can use "
                f"(at most {MAX_LEVELS}); e.g. {{min: 1, max: 5}}",
            )
            return None
    anchors: dict[int, str] = {}
    anchor_node = fields.get("anchors", (None, None))[1]
    if anchor_node is None:
        check.add(node, f'{label} has no "anchors"; describe what each level looks like in practice')
    elif not isinstance(anchor_node, yaml.MappingNode):
        check.add(anchor_node, f'{label}: "anchors" must map each level to a description')
    else:
        for key_node, value_node in anchor_node.value:
            key = str(key_node.value).strip().lower()
            level = BINARY_NAMES.get(key) if binary else (int(key) if key.lstrip("-").isdigit() else None)
            if level is None or not low <= level <= high:
                check.add(
                    key_node,
                    f'{label}: anchor "{key_node.value}" is not a level of the scale ({_levels(binary, low, high)})',
                )
                continue
            value = _scalar(value_node)
            if isinstance(value, (bool, int, float)) and str(value_node.value).strip():
                # YAML reads a bare no, yes, off or 3 as a boolean or number, not as the words.
                check.add(
                    value_node,
                    f"{label}: the anchor for level {key_node.value} reads as {str(value).lower()}, not text; "
                    f'put it in quotes: "{value_node.value}"',
                )
                continue
            if not isinstance(value, str) or not value.strip():
                check.add(value_node, f"{label}: the anchor for level {key_node.value} is empty; describe that level")
                continue
            anchors[level] = clean_text(value.strip())
        for level in range(low, high + 1):
            if level not in anchors:
                name = ("yes" if level else "no") if binary else str(level)
                check.add(anchor_node, f"{label}: level {name} has no anchor; add one so reviewers score alike")
    weight = raw.get("weight", 1)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 < weight < math.inf:
        check.add(
            fields["weight"][1] if "weight" in fields else node,
            f"{label}: weight must be a number above 0 (got {short(weight)})",
        )
    allow_na = raw.get("allow_na", False)
    if not isinstance(allow_na, bool):
        check.add(fields["allow_na"][1], f"{label}: allow_na must be true or false")
    critical = None
    if raw.get("critical") is not None:
        critical = _critical(check, fields["critical"][1], raw["critical"], label, binary, low, high)
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("root_causes", "signals"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            check.add(fields[key][1], f"{label}: {key} must be a list of names")
            value = []
        lists[key] = tuple(value)
    guidance = raw.get("guidance", "")
    if not isinstance(guidance, str):
        check.add(fields["guidance"][1], f"{label}: guidance must be text")
    if len(check.problems) > before:
        return None
    return Criterion(
        id=clean_name(crit_id),
        label=clean_name(raw["label"]),
        question=clean_name(raw["question"]),
        min=low,
        max=high,
        binary=binary,
        anchors=anchors,
        weight=float(weight),
        allow_na=bool(allow_na),
        critical=critical,
        root_causes=tuple(clean_name(v) for v in lists["root_causes"]),
        guidance=clean_text((guidance or "").strip()),
        signals=lists["signals"],
    )


def _levels(binary: bool, low: int, high: int) -> str:
    return "no or yes" if binary else f"{low} to {high}"


def _critical(
    check: _Checker, node: yaml.Node, value: Any, label: str, binary: bool, low: int, high: int
) -> Critical | None:
    if not isinstance(value, dict) or "below" not in value or set(value) - {"below", "effect"}:
        check.add(node, f"{label}: critical must look like {{below: 2, effect: zero}} (effect zero or flag)")
        return None
    below = value["below"]
    if binary and isinstance(below, str):
        below = BINARY_NAMES.get(below.lower(), below)
    if binary and below is True:
        below = 1
    if not isinstance(below, int) or isinstance(below, bool) or not low < below <= high:
        check.add(
            node,
            f"{label}: critical level below {short(value['below'])} is outside the scale; "
            f"use a level from {low + 1} to {high} (scores below it fail)",
        )
        return None
    effect = value.get("effect", "zero")
    if effect not in CRITICAL_EFFECTS:
        check.add(node, f'{label}: critical effect "{effect}" is unknown; use zero or flag')
        return None
    return Critical(below=below, effect=effect)


def shipped_rubrics() -> dict[str, Path]:
    folder = bundled_dir("rubrics")
    return {p.name.removesuffix(".yaml"): p for p in sorted(folder.glob("*.yaml"))}


def resolve_rubric(name_or_path: str) -> Rubric:
    """A path to a YAML file, or the name of a shipped rubric (default, bot, default.nl)."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load_rubric(path)
    shipped = shipped_rubrics()
    if name_or_path in shipped:
        return load_rubric(shipped[name_or_path])
    raise RubricError(
        f'unknown rubric "{name_or_path}"',
        f"pass a YAML file or one of the shipped rubrics: {', '.join(shipped) or 'none found'}",
    )
