"""Validated conversation records, independent of the file format they came from."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from cxreview.ingest.hygiene import clean_optional, clean_text
from cxreview.records import ConversationRecord, MessageRecord  # neutral module the store can import too

ROLES = ("customer", "agent", "bot", "system")
CONVERSATION_FIELDS = (
    "id",
    "started_at",
    "channel",
    "queue",
    "language",
    "agent",
    "customer",
    "outcome",
    "csat",
    "tags",
    "meta",
    "messages",
)
_UTC_Z = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\Z")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


class Problems:
    """Collects the mistakes of one record, each prefixed with where it is."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.items: list[str] = []

    def add(self, message: str) -> None:
        self.items.append(f"{self.where}: {message}")


def parse_timestamp(value: Any, what: str, problems: Problems) -> str | None:
    """Normalise ISO 8601 or epoch seconds; aware times become UTC with a Z."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        problems.add(f"{what} is {value!r}; expected an ISO 8601 time such as 2026-03-05T14:02:00Z")
        return None
    if isinstance(value, (int, float)):
        try:
            moment = datetime.fromtimestamp(float(value), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            problems.add(f"{what} {value!r} is not a valid epoch time; use ISO 8601 instead")
            return None
        return _format_utc(moment)
    if not isinstance(value, str):
        problems.add(f"{what} is {type(value).__name__}; expected an ISO 8601 time string")
        return None
    text = value.strip()
    if _UTC_Z.match(text):
        return text
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        problems.add(f'{what} "{value}" is not a time; expected ISO 8601 such as 2026-03-05T14:02:00Z')
        return None
    if moment.tzinfo is None:
        return moment.isoformat()
    return _format_utc(moment.astimezone(timezone.utc))


def _format_utc(moment: datetime) -> str:
    spec = "microseconds" if moment.microsecond else "seconds"
    return moment.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def optional_text(value: Any, what: str, problems: Problems) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        problems.add(f"{what} is {type(value).__name__}; expected text")
        return None
    return clean_text(value)


def parse_role(value: Any, index: int, role_map: dict[str, str], problems: Problems) -> str:
    raw = value if isinstance(value, str) else ("" if value is None else str(value))
    mapped = role_map.get(raw.strip().lower(), raw.strip().lower())
    if mapped in ROLES:
        return mapped
    if not raw:
        problems.add(f"message {index} has no role; expected customer, agent, bot or system")
    else:
        hint = _guess_role(raw)
        problems.add(
            f'message {index} has role "{raw}"; expected customer, agent, bot or system '
            f"(map it with --roles {raw}={hint})"
        )
    return "system"


def _guess_role(raw: str) -> str:
    low = raw.lower()
    if any(word in low for word in ("bot", "virtual", "robot", "auto", "assistant", "ai")):
        return "bot"
    if any(word in low for word in ("user", "client", "klant", "visitor", "requester", "end")):
        return "customer"
    if any(word in low for word in ("staff", "operator", "rep", "medewerker", "support", "human")):
        return "agent"
    return "customer"


def build_conversation(
    data: dict[str, Any], where: str, role_map: dict[str, str]
) -> tuple[ConversationRecord | None, list[str]]:
    """Validate one conversation given as a dict in the native shape."""
    problems = Problems(where)
    raw_id = data.get("id")
    if raw_id is None or raw_id == "" or isinstance(raw_id, (dict, list, bool)):
        problems.add('missing "id"; every conversation needs a unique id (rename a column with --map)')
        conv_id = ""
    else:
        conv_id = clean_text(str(raw_id))
        problems.where = f"{where}: conversation {conv_id}"
    raw_messages = data.get("messages")
    messages: list[MessageRecord] = []
    if not isinstance(raw_messages, list) or not raw_messages:
        problems.add('has no messages; "messages" must be a non-empty list of {role, text}')
    else:
        for index, raw in enumerate(raw_messages, start=1):
            message = _build_message(raw, index, role_map, problems)
            if message is not None:
                messages.append(message)
    csat = data.get("csat")
    if csat is not None and csat != "":
        try:
            csat = float(csat)
            if csat != csat or csat < 0:  # NaN or negative
                raise ValueError
        except (TypeError, ValueError):
            problems.add(f"csat {data.get('csat')!r} is not a non-negative number")
            csat = None
    else:
        csat = None
    tags = _parse_tags(data.get("tags"), problems)
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        problems.add('"meta" must be an object of extra fields')
        meta = {}
    extra = {k: v for k, v in data.items() if k not in CONVERSATION_FIELDS}
    if extra:
        meta = {**meta, **extra}
    language = optional_text(data.get("language"), "language", problems)
    if language is not None:
        language = language.strip().lower()
        if not _LANGUAGE.match(language):
            problems.add(f'language "{language}" is not a language code such as en or nl')
    started_at = parse_timestamp(data.get("started_at"), "started_at", problems)
    if started_at is None and messages:
        started_at = next((m.at for m in messages if m.at), None)
    if problems.items:
        return None, problems.items
    record = ConversationRecord(
        id=conv_id,
        messages=messages,
        started_at=started_at,
        channel=_lower(optional_text(data.get("channel"), "channel", problems)),
        queue=optional_text(data.get("queue"), "queue", problems),
        language=language,
        agent=optional_text(data.get("agent"), "agent", problems),
        customer=optional_text(data.get("customer"), "customer", problems),
        outcome=optional_text(data.get("outcome"), "outcome", problems),
        csat=csat,
        tags=tags,
        meta=meta,
    )
    return (None, problems.items) if problems.items else (record, [])


def _lower(value: str | None) -> str | None:
    return value.strip().lower() if value else value


def _build_message(raw: Any, index: int, role_map: dict[str, str], problems: Problems) -> MessageRecord | None:
    if not isinstance(raw, dict):
        problems.add(f"message {index} is {type(raw).__name__}; expected an object with role and text")
        return None
    role = parse_role(raw.get("role"), index, role_map, problems)
    text = raw.get("text")
    if not isinstance(text, str):
        if text is None:
            problems.add(f'message {index} has no "text"')
        else:
            problems.add(f"message {index} text is {type(text).__name__}; expected a string")
        return None
    return MessageRecord(
        role=role,
        text=clean_text(text),
        at=parse_timestamp(raw.get("at"), f"message {index} at", problems),
        author=clean_optional(raw.get("author")) if isinstance(raw.get("author"), str) else None,
    )


def _parse_tags(value: Any, problems: Problems) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [clean_text(t.strip()) for t in re.split(r"[;,|]", value) if t.strip()]
    if isinstance(value, list) and all(isinstance(t, (str, int, float)) for t in value):
        return [clean_text(str(t)) for t in value]
    problems.add('"tags" must be a list of strings or a comma-separated string')
    return []
