"""Import options (--preset, --map, --set, --where, --values, --roles, --time-format) as one mapping.

Every option edits the same :class:`~cxreview.ingest.mapping.Mapping` that a mapping file
describes, so a command line can always be written down as a file and the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cxreview.errors import UsageError
from cxreview.ingest.mapping import (
    MESSAGE_TARGETS,
    TIME_FORMATS,
    Condition,
    Mapping,
    Path,
    _norm,
    load_mapping,
    native_csv,
    native_jsonl,
)
from cxreview.ingest.records import ROLES


@dataclass
class MappingOptions:
    """The mapping-related options of one `cxreview import`, as given."""

    preset: str | None = None
    maps: Sequence[str] = ()
    sets: Sequence[str] = ()
    wheres: Sequence[str] = ()
    values: Sequence[str] = ()
    roles: Sequence[str] = ()
    time_format: str | None = None
    keep_notes: bool = False

    def any(self) -> bool:
        return bool(
            self.preset
            or self.maps
            or self.sets
            or self.wheres
            or self.values
            or self.roles
            or self.time_format
            or self.keep_notes
        )

    def mapping_for(self, kind: str) -> Mapping:
        """The mapping for a file of ``kind`` (jsonl or csv): a preset or the native one, edited."""
        if self.preset:
            mapping = load_mapping(self.preset).copy()
        else:
            mapping = native_csv() if kind == "csv" else native_jsonl()
        self.apply(mapping)
        return mapping

    def apply(self, mapping: Mapping) -> None:
        _apply_maps(mapping, self.maps)
        for pair in self.sets:
            target, value = _split(pair, "--set", "channel=chat")
            if target in MESSAGE_TARGETS:
                raise UsageError(
                    f"--set {pair}: {target} is a message field", f"use --values {target}:SRC=DEST instead"
                )
            mapping.constants[target] = value
        for text in self.wheres:
            try:
                condition = Condition.parse(text)
            except ValueError as exc:
                raise UsageError(
                    f"--where {exc}", "write e.g. --where public=true or --where part_type!=note"
                ) from None
            mapping.where = (*mapping.where, condition)
            mapping.required_sources[f"--where {text}"] = condition.path.text
        for text in self.values:
            field_name, _, rest = text.partition(":")
            source, target = _split(rest, "--values", "csat:good=5") if field_name and rest else ("", "")
            if not field_name or not source:
                raise UsageError(
                    f'--values "{text}" is not of the form FIELD:SRC=DEST', "write e.g. --values csat:good=5"
                )
            if field_name == "role":
                _check_role(target, f"--values {text}")
            mapping.values.setdefault(field_name, {})[_norm(source)] = target
        for pair in self.roles:
            source, target = _split(pair, "--roles", "end-user=customer")
            _check_role(target, f"--roles {pair}")
            mapping.values.setdefault("role", {})[_norm(source)] = target
            mapping.warn_roles[source] = f"--roles {pair}"
        if self.time_format:
            if self.time_format not in TIME_FORMATS and "%" not in self.time_format:
                raise UsageError(
                    f'--time-format "{self.time_format}" is not a format',
                    f'use {", ".join(TIME_FORMATS)} or a strftime pattern such as "%d-%m-%Y %H:%M"',
                )
            mapping.times = self.time_format
        if self.keep_notes:
            mapping.keep_notes = True


def _apply_maps(mapping: Mapping, maps: Sequence[str]) -> None:
    sources: dict[str, str] = {}
    targets: dict[str, str] = {}
    for pair in maps:
        source, target = _split(pair, "--map", "ticket_id=conversation_id")
        mapping.renames[source] = target
        target = "id" if target == "conversation_id" else target
        if source in sources:
            raise UsageError(
                f'--map: "{source}" is mapped twice (to {sources[source]} and {target})', "keep one of the two"
            )
        if target in targets:
            raise UsageError(
                f"--map: {target} is mapped twice (from {targets[target]} and {source})", "keep one of the two"
            )
        sources[source] = target
        targets[target] = source
        path = Path.parse(source)
        if target == "id":
            mapping.conversation["id"] = (path,)
            if mapping.group_by is not None:
                mapping.group_by = path
        elif target in MESSAGE_TARGETS:
            mapping.message[target] = (path,)
        elif target == "messages":
            mapping.messages = (path,)
        else:
            mapping.conversation[target] = (path,)
        mapping.required_sources[f"--map {pair}"] = source


def _split(pair: str, option: str, example: str) -> tuple[str, str]:
    source, sep, target = pair.partition("=")
    source, target = source.strip(), target.strip()
    if not sep or not source or (not target and option != "--set"):
        raise UsageError(f'{option} "{pair}" is not of the form SOURCE=TARGET', f"write e.g. {option} {example}")
    return source, target


def _check_role(target: str, option: str) -> None:
    if target not in (*ROLES, "note"):
        raise UsageError(f'{option}: "{target}" is not a role', "map to customer, agent, bot, system or note")
