"""Run an import: read every file, validate every record, write all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cxreview.errors import InputError, UsageError
from cxreview.ingest.csv_format import parse_csv
from cxreview.ingest.jsonl import parse_jsonl
from cxreview.ingest.records import ROLES, ConversationRecord
from cxreview.ingest.sources import FORMATS, Source, detect_format, open_source
from cxreview.store import Database
from cxreview.store.conversations import existing_hashes, write_conversations

BATCH = 2000
MAX_SHOWN_PROBLEMS = 50

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
) -> ImportSummary:
    """Import ``paths`` in one transaction; raise InputError listing every problem."""
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f'unknown format "{fmt}"', "use --format jsonl or --format csv")
    column_map = column_map or {}
    role_map = {k.lower(): v for k, v in (role_map or {}).items()}
    summary = ImportSummary()
    problems: list[str] = []
    problem_count = 0
    seen: set[str] = set()  # ids already counted as new, updated or unchanged
    in_run: set[str] = set()  # ids met so far in the input
    batch: list[ConversationRecord] = []

    def flush() -> None:
        if problem_count or not batch:
            batch.clear()
            return
        stored = existing_hashes(db.conn, [r.id for r in batch])
        to_write: list[tuple[ConversationRecord, str]] = []
        replace: set[str] = set()
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
                    replace.add(record.id)
                    if record.id not in seen:
                        summary.updated += 1
                to_write.append((record, digest))
                summary.changed_ids.append(record.id)
            summary.messages += len(record.messages)
            seen.add(record.id)
        write_conversations(db.conn, to_write, replace)
        batch.clear()

    for path in paths:  # fail fast on a typo before taking the write lock
        if path != "-":
            open_source(path).close()
    with db.transaction():
        for path in paths:
            source = open_source(path)
            summary.files += 1
            if on_source:
                on_source(source)
            try:
                lines = source.lines()
                first = next(lines, None)
                if first is None:
                    found = source.problems or [f"{source.name}: the file is empty; export the conversations again"]
                    problem_count += len(found)
                    problems.extend(found[: max(0, MAX_SHOWN_PROBLEMS - len(problems))])
                    continue
                chosen = detect_format(path, fmt, first[1])
                parser = parse_jsonl if chosen == "jsonl" else parse_csv
                last_position = 0
                for record, record_problems in parser(source.name, _chain(first, lines), column_map, role_map):
                    if record_problems:
                        problem_count += len(record_problems)
                        problems.extend(record_problems[: max(0, MAX_SHOWN_PROBLEMS - len(problems))])
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
                if source.problems:
                    problem_count += len(source.problems)
                    problems.extend(source.problems[: max(0, MAX_SHOWN_PROBLEMS - len(problems))])
                if on_progress:
                    on_progress(source.position() - last_position)
            finally:
                source.close()
        if problem_count:
            shown = len(problems)
            more = f" ({problem_count - shown} more not shown)" if problem_count > shown else ""
            raise InputError(
                f"nothing was imported: {problem_count} problem{'s' * (problem_count != 1)} in the input{more}",
                "fix the problems listed above and run the same import again",
                problems=problems,
            )
    return summary


def _chain(first: tuple[int, str], rest):  # type: ignore[no-untyped-def]
    yield first
    yield from rest


def _dedupe_batch(batch: list[ConversationRecord]) -> None:
    """Within a batch the last occurrence of an id wins, as it would across batches."""
    if len({r.id for r in batch}) == len(batch):
        return
    latest = {r.id: r for r in batch}
    batch[:] = list(latest.values())
