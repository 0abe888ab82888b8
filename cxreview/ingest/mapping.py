"""Mappings: how a helpdesk export becomes conversations, loaded from YAML or built from options.

A mapping says where the records are, how they group into conversations (one record per
conversation with nested messages, or one record per message grouped by a key), which
dotted path holds each field, how values translate (roles, csat, outcome), which records
are kept, which are internal notes, and how to read times and bodies. Shipped presets live
in ``ingest/presets/`` as package data; ``--map``, ``--set``, ``--where``, ``--values`` and
``--roles`` only edit a mapping (see :mod:`cxreview.ingest.mapping_options`).
The engine that applies a mapping is :mod:`cxreview.ingest.mapped`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path as FilePath
from typing import Any

import yaml

from cxreview.errors import InputError
from cxreview.ingest.records import CONVERSATION_FIELDS
from cxreview.yaml_check import YamlChecker, compose, did_you_mean

MISSING: Any = object()
CONVERSATION_TARGETS = tuple(f for f in CONVERSATION_FIELDS if f not in ("meta", "messages"))
MESSAGE_TARGETS = ("role", "text", "at", "author")
TIME_FORMATS = ("auto", "iso", "epoch", "epoch_ms")
BODY_KINDS = ("plain", "html", "auto")
FILE_FORMATS = ("json", "jsonl", "csv")
TOP_KEYS = (
    "name",
    "description",
    "format",
    "records",
    "messages",
    "group_by",
    "conversation",
    "message",
    "values",
    "set",
    "where",
    "notes",
    "keep_notes",
    "role_when",
    "times",
    "body",
    "other_fields",
)
PRESETS_DIR = FilePath(__file__).resolve().parent / "presets"


def _norm(value: Any) -> str:
    """The form values are compared in: text trimmed and case-folded, true/false, 5 not 5.0."""
    if type(value) is str:
        return value.strip().casefold()
    if value is None or value is MISSING:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().casefold()


@dataclass(frozen=True)
class Path:
    """A dotted path into a record (``author.type``); ``^`` reads from the conversation record."""

    text: str
    parts: tuple[str, ...]
    outer: bool = False
    flat: str = ""  # the path as one key: flat records (CSV rows) may name a column "author.type"
    single: bool = True

    @classmethod
    def parse(cls, text: str) -> Path:
        outer = text.startswith("^")
        body = text[1:] if outer else text
        parts = tuple(p for p in body.replace("[]", "").split(".") if p)
        return cls(text, parts, outer, body, len(parts) == 1)

    def get(self, item: Any, outer: Any = None) -> Any:
        """The value at this path, or MISSING. A list on the way maps over its elements."""
        current = outer if self.outer else item
        # type() rather than isinstance(): this runs several times per message of a million.
        if type(current) is dict:
            value = current.get(self.flat, MISSING)
            if value is not MISSING or self.single:
                return value
            if len(self.parts) == 2:  # author.type: the usual nesting, without the loop
                inner = current.get(self.parts[0], MISSING)
                if type(inner) is dict:
                    return inner.get(self.parts[1], MISSING)
                if inner is MISSING or inner is None:
                    return MISSING
        if not self.parts:  # "." is the record itself (a ticket whose description is its first message)
            return current
        for part in self.parts:
            if type(current) is dict:
                current = current.get(part, MISSING)
            elif isinstance(current, list):
                if part.isdigit():
                    current = current[int(part)] if int(part) < len(current) else MISSING
                else:
                    current = [x.get(part) for x in current if isinstance(x, dict) and x.get(part) is not None]
            else:
                return MISSING
            if current is MISSING:
                return MISSING
        return current


def first_value(paths: tuple[Path, ...], item: Any, outer: Any = None) -> Any:
    """The first of ``paths`` that holds a non-empty value, else MISSING."""
    if len(paths) == 1:
        value = paths[0].get(item, outer)
        return MISSING if value is None or value == "" else value
    for path in paths:
        value = path.get(item, outer)
        if value is not MISSING and value is not None and value != "":
            return value
    return MISSING


@dataclass(frozen=True)
class Condition:
    """``FIELD=A|B`` keeps records whose field is A or B; ``FIELD!=A`` drops those that are A.

    An empty alternative stands for a missing or empty field; ``FIELD=^OTHER`` compares two
    fields (``author_id=^requester_id``). A field the message lacks is looked up in its
    conversation record, so ``state=closed`` keeps whole conversations.
    """

    text: str
    path: Path
    negate: bool
    values: frozenset[str]
    other: Path | None = None

    @classmethod
    def parse(cls, text: str) -> Condition:
        negate = "!=" in text
        name, _, wanted = text.partition("!=" if negate else "=")
        name, wanted = name.strip(), wanted.strip()
        if not name or ("=" not in text):
            raise ValueError(f'"{text}" is not of the form FIELD=VALUE or FIELD!=VALUE')
        other = Path.parse(wanted) if wanted.startswith("^") else None
        values = frozenset(_norm(v) for v in wanted.split("|")) if other is None else frozenset()
        return cls(text, Path.parse(name), negate, values, other)

    def holds(self, item: Any, outer: Any = None) -> bool:
        raw = self.path.get(item, outer)
        if raw is MISSING and outer is not None and outer is not item:
            raw = self.path.get(outer, outer)  # a conversation's field filters all its messages
        found = _norm(raw)
        if self.other is not None:
            match = found != "" and found == _norm(self.other.get(item, outer))
        else:
            match = found in self.values
        return match != self.negate


@dataclass
class Mapping:
    """Everything the engine needs to turn records into native conversation dicts."""

    name: str = "native"
    description: str = ""
    format: str | None = None
    records: Path | None = None
    messages: tuple[Path, ...] = ()
    group_by: Path | None = None
    conversation: dict[str, tuple[Path, ...]] = field(default_factory=dict)
    message: dict[str, tuple[Path, ...]] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    where: tuple[Condition, ...] = ()
    notes: tuple[Condition, ...] = ()
    keep_notes: bool = False
    role_when: tuple[tuple[str, Condition], ...] = ()
    times: str = "auto"
    body: str = "plain"
    other_fields: str = "drop"  # "meta": unmapped top-level fields of a record go to meta
    # Sources named on the command line: an error when no record has them (a typo).
    required_sources: dict[str, str] = field(default_factory=dict)
    # Role values given with --roles: a warning when no message has them.
    warn_roles: dict[str, str] = field(default_factory=dict)
    # --map SRC=DEST as given: on native CSV a DEST that is also a column is a clash.
    renames: dict[str, str] = field(default_factory=dict)

    def copy(self) -> Mapping:
        return replace(
            self,
            conversation=dict(self.conversation),
            message=dict(self.message),
            values={k: dict(v) for k, v in self.values.items()},
            constants=dict(self.constants),
            required_sources=dict(self.required_sources),
            warn_roles=dict(self.warn_roles),
            renames=dict(self.renames),
        )

    def used_top_keys(self) -> set[str]:
        """Top-level record keys some path reads (the rest may go to meta)."""
        keys: set[str] = set()
        groups = [*self.conversation.values(), *self.message.values(), self.messages]
        for paths in groups:
            keys.update(p.parts[0] for p in paths if p.parts and not p.outer)
            keys.update(p.text for p in paths)
        for path in (self.group_by, self.records):
            if path is not None and path.parts:
                keys.update((path.parts[0], path.text))
        return keys


def native_jsonl() -> Mapping:
    """The native JSONL format as a mapping (what --map and friends edit for .jsonl files)."""
    return Mapping(
        name="native JSONL",
        format="jsonl",
        messages=(Path.parse("messages"),),
        conversation={t: (Path.parse(t),) for t in (*CONVERSATION_TARGETS, "meta")},
        message={t: (Path.parse(t),) for t in MESSAGE_TARGETS},
        other_fields="meta",
    )


def native_csv() -> Mapping:
    """The native CSV format (one row per message, grouped by conversation_id) as a mapping."""
    conversation: dict[str, tuple[Path, ...]] = {t: (Path.parse(t),) for t in CONVERSATION_TARGETS if t != "id"}
    conversation["id"] = (Path.parse("conversation_id"),)
    return Mapping(
        name="native CSV",
        format="csv",
        group_by=Path.parse("conversation_id"),
        conversation=conversation,
        message={t: (Path.parse(t),) for t in MESSAGE_TARGETS},
        other_fields="meta",
    )


# --- loading mapping files ------------------------------------------------------------------


def _plain(node: yaml.Node) -> Any:
    return yaml.safe_load(yaml.serialize(node))


def _strings(check: YamlChecker, node: yaml.Node, what: str) -> list[str]:
    """A string or a list of strings (fallback paths, several conditions)."""
    value = _plain(node)
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, (str, int)) and not isinstance(v, bool) and str(v) for v in items):
        check.add(node, f"{what} must be a field path or a list of them")
        return []
    return [str(v) for v in items]


def _conditions(check: YamlChecker, node: yaml.Node, what: str) -> tuple[Condition, ...]:
    result = []
    for text in _strings(check, node, what):
        try:
            result.append(Condition.parse(text))
        except ValueError as exc:
            check.add(node, f"{what}: {exc}")
    return tuple(result)


def load_mapping(path_or_name: str) -> Mapping:
    """A shipped preset by name, or a mapping file by path; InputError with file:line:col."""
    file_path = FilePath(path_or_name)
    if not file_path.suffix and not file_path.exists():
        preset = PRESETS_DIR / f"{path_or_name}.yaml"
        if not preset.is_file():
            raise InputError(
                f'no preset or mapping file "{path_or_name}"',
                did_you_mean(path_or_name, list_presets(), "presets") + " (cxreview import --list-presets)",
            )
        file_path = preset
    try:
        text = file_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path_or_name}: no such mapping file", "check the path, or use --list-presets") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise InputError(f"{path_or_name}: cannot read the mapping ({exc})", "save it as UTF-8 text") from None
    return parse_mapping(text, str(path_or_name))


def list_presets() -> dict[str, str]:
    """Shipped preset names with their one-line descriptions."""
    result = {}
    for preset in sorted(PRESETS_DIR.glob("*.yaml")):
        data = yaml.safe_load(preset.read_text(encoding="utf-8")) or {}
        result[preset.stem] = str(data.get("description", "")).strip().split("\n")[0]
    return result


def parse_mapping(text: str, name: str = "<mapping>") -> Mapping:
    check = YamlChecker(name)
    root = compose(text, name, what="mapping")
    if root is None:
        raise InputError(f"{name}: the mapping is empty", "start from a shipped preset (--list-presets)")
    top = check.mapping(root, TOP_KEYS, "the mapping")
    mapping = Mapping(name=FilePath(name).stem)
    for key, (key_node, node) in top.items():
        _apply_key(check, mapping, key, key_node, node)
    if "id" not in mapping.conversation and mapping.group_by is None:
        check.add(
            root, "the mapping needs conversation: id: PATH or group_by: PATH; which field holds the conversation id?"
        )
    if not mapping.messages and mapping.group_by is None:
        check.add(root, "the mapping needs messages: PATH (a nested list) or group_by: PATH (one record per message)")
    for target in ("role", "text"):
        if target not in mapping.message:
            check.add(root, f"the mapping needs message: {target}: PATH")
    if check.problems:
        raise InputError(
            f"{name}: the mapping has {len(check.problems)} problem{'s' * (len(check.problems) != 1)}",
            "fix them and run the import again",
            problems=check.problems,
        )
    return mapping


def _apply_key(check: YamlChecker, mapping: Mapping, key: str, key_node: yaml.Node, node: yaml.Node) -> None:
    value = _plain(node)
    if key in ("name", "description"):
        setattr(mapping, key, str(value or ""))
    elif key in ("format", "times", "body", "other_fields"):
        allowed = {"format": FILE_FORMATS, "body": BODY_KINDS, "other_fields": ("meta", "drop")}.get(key)
        if not isinstance(value, str) or (allowed and value not in allowed):
            check.add(
                node,
                f"{key} must be one of {', '.join(allowed or TIME_FORMATS)}"
                + (" or a strftime pattern such as %d-%m-%Y %H:%M" if key == "times" else ""),
            )
        elif key == "times" and value not in TIME_FORMATS and "%" not in value:
            check.add(node, f'times "{value}" is not one of {", ".join(TIME_FORMATS)} nor a strftime pattern')
        else:
            setattr(mapping, key, value)
    elif key == "keep_notes":
        if not isinstance(value, bool):
            check.add(node, "keep_notes must be true or false")
        else:
            mapping.keep_notes = value
    elif key in ("records", "group_by"):
        paths = _strings(check, node, key)
        if paths:
            setattr(mapping, key, Path.parse(paths[0]))
    elif key == "messages":
        mapping.messages = tuple(Path.parse(p) for p in _strings(check, node, key))
    elif key in ("conversation", "message"):
        allowed = MESSAGE_TARGETS if key == "message" else None
        target_fields = mapping.message if key == "message" else mapping.conversation
        for target, (_, paths_node) in check.mapping(node, allowed, key).items():
            paths = _strings(check, paths_node, f"{key}.{target}")
            target_fields[target] = tuple(Path.parse(p) for p in paths)
    elif key in ("values", "set"):
        for target, (target_node, inner) in check.mapping(node, None, key).items():
            if key == "set":
                if isinstance(_plain(inner), (dict, list)):
                    check.add(inner, f"set.{target} must be one value")
                else:
                    mapping.constants[target] = "" if _plain(inner) is None else str(_plain(inner))
                continue
            table = check.mapping(inner, None, f"values.{target}")
            mapping.values[target] = {
                _norm(_plain(k)): ("" if _plain(v) is None else str(_plain(v))) for k, v in table.values()
            }
            del target_node
    elif key in ("where", "notes"):
        setattr(mapping, key, _conditions(check, node, key))
    elif key == "role_when":
        rules: list[tuple[str, Condition]] = []
        for role, (_, cond_node) in check.mapping(node, ("customer", "agent", "bot", "system", "note"), key).items():
            rules.extend((role, c) for c in _conditions(check, cond_node, f"role_when.{role}"))
        mapping.role_when = tuple(rules)
    del key_node
