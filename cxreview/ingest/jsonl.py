"""The native format: one JSON conversation per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from cxreview.ingest.records import ConversationRecord, build_conversation, loads_json


def parse_jsonl(
    name: str,
    lines: Iterable[tuple[int, str]],
    column_map: dict[str, str],
    role_map: dict[str, str],
) -> Iterator[tuple[ConversationRecord | None, list[str]]]:
    """Yield (record, []) for each valid line and (None, problems) for each invalid one."""
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = loads_json(line)
        except json.JSONDecodeError as exc:
            hint = (
                "the line looks cut off; re-export the file"
                if not line.rstrip().endswith("}")
                else "each line must be one JSON object"
            )
            column = exc.pos + 1 if exc.lineno > 1 else exc.colno
            yield None, [f"{where}: not valid JSON ({exc.msg} at column {column}); {hint}"]
            continue
        if not isinstance(data, dict):
            yield None, [f"{where}: a line must be a JSON object, not {type(data).__name__}"]
            continue
        if column_map:
            data = {column_map.get(key, key): value for key, value in data.items()}
        if "messages" not in data and "id" not in data:
            yield (
                None,
                [
                    f"{where}: not a conversation (no id, no messages); for one message or event per line, or "
                    "another helpdesk's shape, import with a preset (--preset chatbot-events, zendesk, intercom, "
                    "freshdesk) or a mapping file (docs/formats.md)"
                ],
            )
            continue
        yield build_conversation(data, where, role_map)
