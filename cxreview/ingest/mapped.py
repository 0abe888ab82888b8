"""Apply a mapping to an export: records in, native conversation dicts out, then validation.

Records come from JSON lines, a JSON document (an array, or an object holding the list at
``records``) or CSV rows. A record with a nested message list is one conversation; any
other record is one message, grouped into conversations by ``group_by``. The result of
each conversation is the native shape, validated by the same code as native JSONL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cxreview.ingest.csv_format import MESSAGE_MARKER, duplicate_column, message_problem, read_rows
from cxreview.ingest.html_text import html_to_text_many, looks_like_html
from cxreview.ingest.mapping import (
    CONVERSATION_TARGETS,
    MISSING,
    Mapping,
    Path,
    _norm,
    did_you_mean,
    first_value,
    native_csv,
)
from cxreview.ingest.records import (
    ConversationRecord,
    _finite_float,
    _no_constant,
    build_conversation,
    loads_json,
)

Result = tuple[ConversationRecord | None, list[str]]
CHUNK = 256  # conversations whose HTML bodies are converted together
_SAMPLE = 200  # records whose keys are remembered for "did you mean"


@dataclass
class MappingReport:
    """What a run noticed beyond per-record problems: typos in options, unused role values."""

    seen_roles: set[str] = field(default_factory=set)
    unseen: dict[str, tuple[Path, str]] = field(default_factory=dict)  # option text -> (path, level)
    known_keys: set[str] = field(default_factory=set)
    notes_dropped: int = 0
    records_dropped: int = 0  # filtered out by `where`, or events without any text
    conversations_skipped: int = 0  # nothing customer-facing left (only notes or events)

    def note_keys(self, item: Any, prefix: str = "", depth: int = 0) -> None:
        if not isinstance(item, dict) or depth > 2:
            return
        for key, value in item.items():
            name = f"{prefix}{key}"
            self.known_keys.add(name)
            if isinstance(value, dict):
                self.note_keys(value, name + ".", depth + 1)
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                self.note_keys(value[0], name + ".", depth + 1)


class _Engine:
    def __init__(self, name: str, mapping: Mapping, report: MappingReport) -> None:
        self.name = name
        self.m = mapping
        self.report = report
        self.role_values = mapping.values.get("role", {})
        self.other_values = {k: v for k, v in mapping.values.items() if k != "role"}
        self.used = mapping.used_top_keys()
        self.sampled = 0
        # (target, paths, the keys a path can start with, value table) per conversation field
        self.conversation_specs = [
            (
                target,
                paths,
                frozenset(p.flat if not p.parts else p.parts[0] for p in paths) | {p.flat for p in paths},
                self.other_values.get(target),
            )
            for target, paths in mapping.conversation.items()
        ]
        self.role_paths = mapping.message.get("role", ())
        self.text_paths = mapping.message.get("text", ())
        self.at_paths = mapping.message.get("at", ())
        self.author_paths = mapping.message.get("author", ())
        self.html = mapping.body == "html"
        self.auto_html = mapping.body == "auto"
        for option, (path, level) in mapping_required(mapping).items():
            report.unseen[option] = (path, level)

    # -- one conversation record, or one message row ------------------------------------
    def fields(self, record: dict[str, Any], into: dict[str, Any] | None = None) -> dict[str, Any]:
        """Conversation fields of a record; with ``into``, only those still missing there."""
        conv: dict[str, Any] = {} if into is None else into
        meta: dict[str, Any] = conv.setdefault("meta", {}) if into is not None else {}
        keys = record.keys()
        for target, paths, firsts, table in self.conversation_specs:
            if target in conv or target in meta or firsts.isdisjoint(keys):
                continue  # set already, or no path can start in this record (the common miss, cheaply)
            value = first_value(paths, record, record)
            if value is MISSING:
                continue
            if table is not None:
                value = table.get(_norm(value), value)
                if value == "":
                    continue
            if target == "meta" and isinstance(value, dict):
                meta.update({k: v for k, v in value.items() if k not in meta})
            elif target in CONVERSATION_TARGETS:
                conv[target] = value
            else:
                meta[target] = value
        if self.m.other_fields == "meta":
            for key, value in record.items():
                if key not in self.used and key not in meta and value not in ("", None):
                    meta[key] = value
        for target, value in self.m.constants.items():
            if target in CONVERSATION_TARGETS:
                conv[target] = value
            else:
                meta[target] = value
        if meta:
            conv["meta"] = meta
        return conv

    def message(self, item: Any, outer: Any) -> dict[str, Any] | None:
        """A native message dict, or None when the filter drops it or it is a dropped note."""
        if not isinstance(item, dict):
            return {"role": "", "text": item}  # validation says what is wrong
        m = self.m
        for condition in m.where:
            if not condition.holds(item, outer):
                self.report.records_dropped += 1
                return None
        role: str | None = None
        for condition in m.notes:
            if condition.holds(item, outer):
                if not m.keep_notes:
                    self.report.notes_dropped += 1
                    return None
                role = "note"
                break
        if role is None:
            for rule_role, condition in m.role_when:
                if condition.holds(item, outer):
                    role = rule_role
                    break
        if role is None:
            raw = first_value(self.role_paths, item, outer)
            if raw is MISSING:
                role = self.role_values.get("", "")  # values: role: {"": agent} gives a default
            else:
                key = _norm(raw)
                self.report.seen_roles.add(key)
                role = self.role_values.get(key, raw if isinstance(raw, str) else str(raw))
        if role == "note" and not m.keep_notes:
            self.report.notes_dropped += 1
            return None
        message: dict[str, Any] = {"role": role}
        text_paths = self.text_paths
        text = first_value(text_paths, item, outer)
        if text is not MISSING:
            message["text"] = text
        elif any(path.get(item, outer) is not MISSING for path in text_paths):
            message["text"] = ""  # present but empty (an event such as an assignment): left out
        # Absent altogether, validation reports the message has no text (a wrong path, usually).
        if self.at_paths:
            at = first_value(self.at_paths, item, outer)
            if at is not MISSING:
                message["at"] = at
        if self.author_paths:
            author = first_value(self.author_paths, item, outer)
            if author is not MISSING:
                message["author"] = author if type(author) is str else str(author)
        return message

    def check_required(self, item: Any, outer: Any, level: str) -> None:
        unseen = self.report.unseen
        if not unseen:
            return
        for option in [o for o, (path, lvl) in unseen.items() if lvl == level or lvl == "any"]:
            path = unseen[option][0]
            if path.get(item, outer) is not MISSING or (
                outer is not item and outer is not None and path.get(outer, outer) is not MISSING
            ):
                del unseen[option]

    def sample(self, item: Any) -> None:
        if self.sampled < _SAMPLE:
            self.sampled += 1
            self.report.note_keys(item)

    def nested(self, record: dict[str, Any]) -> dict[str, Any]:
        conv = self.fields(record)
        messages: list[dict[str, Any]] = []
        self.check_required(record, record, "record")
        before = self.report.notes_dropped + self.report.records_dropped
        for path in self.m.messages:
            found = path.get(record, record)
            if found is MISSING or found is None:
                continue
            for item in found if isinstance(found, list) else [found]:
                self.sample(item)
                self.check_required(item, record, "message")
                message = self.message(item, record)
                if message is not None:
                    messages.append(message)
        conv["messages"] = messages
        conv["_filtered"] = self.report.notes_dropped + self.report.records_dropped - before
        return conv

    def has_messages(self, record: Any) -> bool:
        return isinstance(record, dict) and any(p.parts and p.get(record) is not MISSING for p in self.m.messages)

    def convert_html(self, conversations: Iterable[dict[str, Any]]) -> None:
        if not (self.html or self.auto_html):
            return
        targets = [
            message
            for conv in conversations
            for message in conv["messages"]
            if isinstance(message.get("text"), str) and (self.html or looks_like_html(message["text"]))
        ]
        for message, text in zip(targets, html_to_text_many([t["text"] for t in targets]), strict=True):
            message["text"] = text


def mapping_required(mapping: Mapping) -> dict[str, tuple[Path, str]]:
    """Sources named on the command line, with the level (record or message) they are read at."""
    result = {}
    for option, source in mapping.required_sources.items():
        path = Path.parse(source)
        level = "message" if option.startswith("--where") or _is_message_source(mapping, path) else "record"
        if mapping.group_by is not None and not mapping.messages:
            level = "any"
        result[option] = (path, level)
    return result


def _is_message_source(mapping: Mapping, path: Path) -> bool:
    return any(path in paths for paths in mapping.message.values())


# --- reading records -------------------------------------------------------------------------


def json_records(name: str, lines: Iterable[tuple[int, str]], mapping: Mapping) -> Iterator[tuple[str, Any, list[str]]]:
    """Yield (where, record, problems): JSON lines, a JSON array or one JSON object's list."""
    numbered = iter(lines)
    first: tuple[int, str] | None = None
    for number, line in numbered:
        if line.strip():
            first = (number, line)
            break
    if first is None:
        return
    start = first[1].lstrip()
    single: Any = MISSING
    if start.startswith("{"):
        try:
            single = loads_json(first[1])
        except json.JSONDecodeError:
            single = MISSING  # an object over several lines: a pretty-printed document
    if single is not MISSING:  # JSON lines: every line is a record (or holds them at `records`)
        yield from _line_records(name, [(first[0], single)], mapping)
        plain = mapping.records is None  # the common case, without a generator per line
        for number, line in numbered:
            try:
                data = loads_json(line)
            except json.JSONDecodeError as exc:
                if not line.strip():
                    continue
                yield (
                    f"{name}:{number}",
                    None,
                    [
                        f"{name}:{number}: not valid JSON ({exc.msg} at column {exc.colno}); "
                        "each line must be one complete JSON object"
                    ],
                )
                continue
            if plain and type(data) is dict:
                yield f"{name}:{number}", data, []
            else:
                yield from _line_records(name, [(number, data)], mapping)
        return
    text = first[1] + "".join(line for _, line in numbered)
    yield from _document_records(name, text, first[0], mapping)


def _line_records(name: str, items: list[tuple[int, Any]], mapping: Mapping) -> Iterator[tuple[str, Any, list[str]]]:
    for number, data in items:
        where = f"{name}:{number}"
        inner = mapping.records.get(data) if mapping.records is not None and isinstance(data, dict) else MISSING
        if isinstance(inner, list):
            for index, record in enumerate(inner, start=1):
                yield f"{where}: record {index}", record, []
        elif isinstance(data, dict):
            yield where, data, []
        else:
            yield where, None, [f"{where}: expected a JSON object, found {type(data).__name__}"]


def _document_records(name: str, text: str, first_line: int, mapping: Mapping) -> Iterator[tuple[str, Any, list[str]]]:
    # The same refusals as loads_json: NaN, Infinity and overflowing numbers are not JSON.
    decoder = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite_float)
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if stripped.startswith("["):
        # Walk the array element by element so each record keeps its line number.
        position = offset + 1
        index = 0
        line = first_line
        counted = 0
        while True:
            while position < len(text) and text[position] in " \t\r\n,":
                position += 1
            if position >= len(text):
                yield name, None, [f"{name}: the JSON array is not closed; the file looks cut off, export it again"]
                return
            if text[position] == "]":
                return
            line += text.count("\n", counted, position)
            counted = position
            try:
                record, end = decoder.raw_decode(text, position)
            except json.JSONDecodeError as exc:
                # A refused value (NaN) reports against its own text: name the record's line then.
                spot = f"{exc.lineno}:{exc.colno}" if exc.doc is text else str(line)
                yield (
                    f"{name}:{spot}",
                    None,
                    [f"{name}:{spot}: not valid JSON ({exc.msg}); fix the file or export it again"],
                )
                return
            index += 1
            if isinstance(record, dict):
                yield f"{name}:{line}", record, []
            else:
                yield (
                    f"{name}:{line}",
                    None,
                    [f"{name}:{line}: array item {index} is {type(record).__name__}; expected an object"],
                )
            position = end
    try:
        document = loads_json(text)
    except json.JSONDecodeError as exc:
        yield (
            f"{name}:{exc.lineno}",
            None,
            [f"{name}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); fix the file or export it again"],
        )
        return
    yield from _line_records(name, [(first_line, document)], mapping)


def csv_records(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[tuple[str, Any, list[str]]]:
    """CSV rows as dicts keyed by the (trimmed) header."""
    rows = read_rows(name, lines)
    header_row = next(rows, None)
    if header_row is None:
        return
    if isinstance(header_row[1], str):
        yield name, None, [header_row[1]]
        return
    header = [h.strip() for h in header_row[1]]
    duplicate = duplicate_column(header, header)
    if duplicate:
        yield name, None, [f"{name}:1: {duplicate}"]
        return
    yield "header", header, []
    for line, row in rows:
        if isinstance(row, str):
            yield f"{name}:{line}", None, [row]
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield (
                f"{name}:{line}",
                None,
                [
                    f"{name}:{line}: has {len(row)} cells but the header has {len(header)}; "
                    "check for an unquoted comma or a cut-off line"
                ],
            )
            continue
        yield f"{name}:{line}", dict(zip(header, row, strict=True)), []


# --- the whole run ---------------------------------------------------------------------------


def parse_mapped(
    name: str, lines: Iterable[tuple[int, str]], mapping: Mapping, kind: str, report: MappingReport
) -> Iterator[Result]:
    """Yield (record, []) or (None, problems) per conversation, as the native parsers do."""
    engine = _Engine(name, mapping, report)
    source = csv_records(name, lines) if kind == "csv" else json_records(name, lines, mapping)
    pending: list[tuple[str, dict[str, Any]]] = []
    groups: dict[str, dict[str, Any]] = {}
    group_by, nested_paths = mapping.group_by, bool(mapping.messages)
    for where, record, problems in source:
        if where == "header":
            report.known_keys.update(record)
            for option, (path, _) in list(report.unseen.items()):
                if path.flat in record:  # a CSV column that exists is found, even in an empty file
                    del report.unseen[option]
            clash = _renamed_onto_a_column(record, mapping) if mapping.name == native_csv().name else None
            if clash:
                yield None, [f"{name}:1: {clash}"]
                return
            continue
        if problems:
            yield None, problems
            continue
        if engine.sampled < _SAMPLE:
            engine.sample(record)
        if group_by is None or (nested_paths and engine.has_messages(record)):
            pending.append((where, engine.nested(record)))
            if len(pending) >= CHUNK:
                yield from _validate(engine, pending)
                pending.clear()
            continue
        # One record per message.
        if report.unseen:
            engine.check_required(record, record, "any")
        key = group_by.get(record, record)
        if key is MISSING or key is None or key == "":
            yield None, [f"{where}: no conversation id in {group_by.text}; every record needs one"]
            continue
        key_text = key if type(key) is str else str(key)
        group = groups.get(key_text)
        if group is None:
            if not key_text.strip():
                yield None, [f"{where}: no conversation id in {group_by.text}; every record needs one"]
                continue
            # The grouping key is the conversation id (a row's own "id" is the message's).
            group = groups[key_text] = {"_where": where, "_lines": [], "messages": [], "id": key}
        engine.fields(record, into=group)
        message = engine.message(record, record)
        if message is None:
            group["_filtered"] = group.get("_filtered", 0) + 1
        else:
            group["messages"].append(message)
            group["_lines"].append(where)
    yield from _validate(engine, pending)
    grouped = list(groups.values())
    for start in range(0, len(grouped), CHUNK):
        chunk = [(g.pop("_where"), g) for g in grouped[start : start + CHUNK]]
        yield from _validate(engine, chunk)


def _renamed_onto_a_column(header: list[str], mapping: Mapping) -> str | None:
    """--map body=text on a file that has a text column too: which one is meant?"""
    return duplicate_column(header, [mapping.renames.get(h, h) for h in header])


def _validate(engine: _Engine, pending: list[tuple[str, dict[str, Any]]]) -> Iterator[Result]:
    engine.convert_html(conv for _, conv in pending)
    report = engine.report
    for where, conv in pending:
        lines = conv.pop("_lines", None)
        filtered_here = conv.pop("_filtered", 0)
        filtered = report.notes_dropped + report.records_dropped
        kept = [m for m in conv["messages"] if not _is_blank(m.get("text"))]
        if len(kept) != len(conv["messages"]):
            if lines:
                lines = [line for line, m in zip(lines, conv["messages"], strict=True) if not _is_blank(m.get("text"))]
            report.records_dropped += len(conv["messages"]) - len(kept)
            conv["messages"] = kept
        # Kept notes are turns with role "note" (shown, never analysed), but not a conversation alone.
        only_notes = bool(kept) and all(m.get("role") == "note" for m in kept)
        if only_notes or (not kept and (filtered_here or report.notes_dropped + report.records_dropped > filtered)):
            report.conversations_skipped += 1  # only notes and events: nothing to review
            continue
        if not conv.get("meta"):
            conv.pop("meta", None)
        record, problems = build_conversation(conv, where, {}, engine.m.times, sort_by_time=True)
        if problems and lines:
            problems = [_point_at_row(p, where, lines) for p in problems]
        yield record, problems


def _is_blank(text: Any) -> bool:
    """An event without text (assignment, close) is not a message; a missing text is an error."""
    return isinstance(text, str) and not text.strip()


def _point_at_row(problem: str, where: str, lines: list[str]) -> str:
    """A message problem in grouped records names the message's own record (its line)."""
    found = message_problem(problem, len(lines))
    if found is None:
        return problem
    head, number, tail = found
    return lines[int(number) - 1] + head[len(where) :] + MESSAGE_MARKER + tail


def finish(report: MappingReport, mapping: Mapping) -> tuple[list[str], list[str]]:
    """Problems (option sources no record has) and warnings (role values that never occurred)."""
    problems = []
    for option, (path, _) in report.unseen.items():
        problems.append(
            f'{option}: no record has a field "{path.text}"; '
            + did_you_mean(path.text, report.known_keys, "fields found")
        )
    warnings = []
    for source, option in mapping.warn_roles.items():
        if _norm(source) not in report.seen_roles:
            found = ", ".join(sorted(report.seen_roles)[:8]) or "none"
            warnings.append(f'{option}: no message has role "{source}" (roles found: {found}); check the spelling')
    return problems, warnings
