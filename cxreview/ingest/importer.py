"""Run an import: read every file, validate every record, write all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from cxreview.errors import InputError, UsageError
from cxreview.ingest.csv_format import parse_csv
from cxreview.ingest.jsonl import parse_jsonl
from cxreview.ingest.mapped import MappingReport, finish, parse_mapped
from cxreview.ingest.mapping import Mapping, native_jsonl
from cxreview.ingest.mapping_options import MappingOptions
from cxreview.ingest.problem_log import ProblemLog
from cxreview.ingest.records import ROLES, ConversationRecord
from cxreview.ingest.sources import FORMATS, Limits, Source, detect_format, open_source
from cxreview.store import Database
from cxreview.store.connection import BULK_CONVERSATIONS
from cxreview.store.conversations import existing_hashes, reviewed_ids, write_conversations

BATCH = 2000

Progress = Callable[[int], None]


@dataclass
class ImportSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0
    messages: int = 0
    files: int = 0
    changed_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes_dropped: int = 0
    skipped: int = 0  # conversations with nothing but internal notes and events
    reviewed_changed: set[str] = field(default_factory=set)  # updated ids that had a submitted review

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


def parse_pairs(pairs: Sequence[str], option: str, lower_keys: bool = False) -> dict[str, str]:
    """Turn ["a=b", ...] from --map or --roles into a dict, with a clear error for typos."""
    result: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair or not pair.split("=", 1)[0] or not pair.split("=", 1)[1]:
            raise UsageError(
                f'{option} "{pair}" is not of the form SOURCE=TARGET',
                f"write e.g. {option} " + ("ticket_id=conversation_id" if option == "--map" else "end-user=customer"),
            )
        source, target = (part.strip() for part in pair.split("=", 1))
        result[source.lower() if lower_keys else source] = target
    if option == "--roles":
        for source, target in result.items():
            if target not in ROLES:
                raise UsageError(
                    f'--roles {source}={target}: "{target}" is not a role',
                    "map to customer, agent, bot or system",
                )
    return result


def import_files(
    db: Database,
    paths: Sequence[str],
    fmt: str | None = None,
    column_map: dict[str, str] | None = None,
    role_map: dict[str, str] | None = None,
    on_progress: Progress | None = None,
    on_source: Callable[[Source], None] | None = None,
    options: MappingOptions | None = None,
    limits: Limits | None = None,
) -> ImportSummary:
    """Import ``paths`` in one transaction; raise InputError listing every problem.

    Without mapping options native files take the direct parsers; any option (or a file
    the native parser cannot read, such as a JSON array) goes through the mapping engine.
    """
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f'unknown format "{fmt}"', "use --format jsonl or --format csv")
    options = options or MappingOptions()
    if column_map or role_map:  # the library's older keyword arguments are the same options
        options = replace(
            options,
            maps=[*options.maps, *(f"{k}={v}" for k, v in (column_map or {}).items())],
            roles=[*options.roles, *(f"{k}={v}" for k, v in (role_map or {}).items())],
        )
    mappings: dict[str, Mapping] = {}
    if options.any():  # option mistakes show before any file is read
        for kind in ("jsonl", "csv"):
            mappings[kind] = options.mapping_for(kind)
    summary = ImportSummary()
    log = ProblemLog()
    seen: set[str] = set()  # ids already counted as new, updated or unchanged
    summary_changed: set[str] = set()
    counted: dict[str, int] = {}  # messages counted per id: a repeated id counts its last version only
    in_run: set[str] = set()  # ids met so far in the input
    batch: list[ConversationRecord] = []

    def flush() -> None:
        if log.count or not batch:
            batch.clear()
            return
        stored = existing_hashes(db.conn, [r.id for r in batch])
        to_write: list[tuple[ConversationRecord, str]] = []
        replace_ids: set[str] = set()
        for record in batch:
            digest = record.content_hash()
            old = stored.get(record.id)
            if old == digest:
                if record.id not in seen:
                    summary.unchanged += 1
            else:
                if old is None:
                    summary.new += 1
                else:
                    replace_ids.add(record.id)
                    if record.id not in seen:
                        summary.updated += 1
                to_write.append((record, digest))
                if record.id not in summary_changed:  # analysed once, however often it repeats
                    summary_changed.add(record.id)
                    summary.changed_ids.append(record.id)
            summary.messages += len(record.messages) - counted.get(record.id, 0)
            counted[record.id] = len(record.messages)
            seen.add(record.id)
        if replace_ids:  # their reviews and message notes now read the new text: the command says so
            summary.reviewed_changed |= reviewed_ids(db.conn, sorted(replace_ids))
        write_conversations(db.conn, to_write, replace_ids)
        batch.clear()

    limits = limits or Limits.from_env()
    for path in paths:  # fail fast on a typo before taking the write lock
        if path != "-":
            open_source(path, limits).close()
    with db.transaction():
        for path in paths:
            source = open_source(path, limits)
            summary.files += 1
            if on_source:
                on_source(source)
            try:
                lines = source.lines()
                first = next(lines, None)
                if first is None:
                    log.extend(source.problems or [f"{source.name}: the file is empty; export the conversations again"])
                    continue
                chosen = detect_format(path, fmt or _preset_format(path, mappings), first[1])
                report = MappingReport()
                mapping = mappings.get(chosen)
                if mapping is None and chosen == "jsonl" and not _is_json_lines(first[1]):
                    mapping = native_jsonl()  # a JSON array or a pretty-printed document
                if mapping is not None:
                    records = parse_mapped(source.name, _chain(first, lines), mapping, chosen, report)
                else:
                    parser = parse_jsonl if chosen == "jsonl" else parse_csv
                    records = parser(source.name, _chain(first, lines), {}, {})
                last_position = 0
                yielded = 0
                for record, record_problems in records:
                    yielded += 1
                    if record_problems:
                        log.extend(record_problems)
                        continue
                    assert record is not None
                    if record.id in in_run:
                        summary.repeated += 1
                    in_run.add(record.id)
                    batch.append(record)
                    if len(batch) >= BATCH:
                        _dedupe_batch(batch)
                        flush()
                        if on_progress:
                            position = source.position()
                            on_progress(position - last_position)
                            last_position = position
                _dedupe_batch(batch)
                flush()
                if mapping is not None:
                    option_problems, warnings = finish(report, mapping)
                    log.extend(option_problems)
                    summary.warnings.extend(warnings)
                    summary.notes_dropped += report.notes_dropped
                    summary.skipped += report.conversations_skipped
                log.extend(source.problems or ([] if yielded else _nothing_in(source, chosen)))
                if on_progress:
                    on_progress(source.position() - last_position)
            finally:
                source.close()
        if log.count:
            shown = log.summary()
            raise InputError(
                f"nothing was imported: {log.count:,} problem{'s' * (log.count != 1)} in the input",
                "fix the problems listed above and run the same import again",
                problems=shown,
            )
    if summary.new + summary.updated >= BULK_CONVERSATIONS:
        db.after_bulk_write(("conversations", "messages"))
    return summary


def _nothing_in(source: Source, chosen: str) -> list[str]:
    """Blank lines only, or a CSV header only, is a mistake like an empty file (exit 1 for all)."""
    if source.content_lines == 0:
        return [f"{source.name}: the file has only blank lines; export the conversations again"]
    if chosen == "csv" and source.content_lines == 1:
        return [f"{source.name}: the file has a header row but no rows; export the conversations again"]
    return []


def _preset_format(path: str, mappings: dict[str, Mapping]) -> str | None:
    """A preset's format counts only when the file name does not tell (standard input)."""
    mapping = mappings.get("jsonl")
    if mapping is None or mapping.format is None:
        return None
    try:
        return detect_format(path, None)
    except InputError:
        return "csv" if mapping.format == "csv" else "jsonl"


def _is_json_lines(first_line: str) -> bool:
    """True when the first line is one complete JSON object (the native layout)."""
    text = first_line.strip()
    if not text.startswith("{"):
        return not text.startswith("[")
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:  # cut off (JSON lines, reported as such) or the start of a document
        return not text.endswith(("{", "[", ","))


def _chain(first: tuple[int, str], rest):  # type: ignore[no-untyped-def]
    yield first
    yield from rest


def _dedupe_batch(batch: list[ConversationRecord]) -> None:
    """Within a batch the last occurrence of an id wins, as it would across batches."""
    if len({r.id for r in batch}) == len(batch):
        return
    latest = {r.id: r for r in batch}
    batch[:] = list(latest.values())
