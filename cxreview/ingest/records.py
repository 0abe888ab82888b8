"""Validated conversation records, independent of the file format they came from."""

from __future__ import annotations

import json
import math
import re
from datetime import datetime, timezone
from typing import Any

from cxreview.ingest.hygiene import clean_name, clean_text
from cxreview.records import NOTE, ConversationRecord, MessageRecord  # neutral module the store can import too

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
# The fast path for the common shape; days 29-31 take the slow path, which checks the month.
_UTC_Z = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z\Z")
_EPOCH = re.compile(r"-?\d{9,14}(?:\.\d+)?\Z")  # digits only: epoch seconds or milliseconds
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


class Problems:
    """Collects the mistakes of one record, each prefixed with where it is."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.items: list[str] = []

    def add(self, message: str) -> None:
        self.items.append(f"{self.where}: {message}")


def _no_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not a JSON number (write null or a number)", name, 0)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise json.JSONDecodeError(f"the number {text[:20]} is too large", text, 0)
    return value


def loads_json(text: str) -> Any:
    """json.loads, refusing NaN, Infinity and numbers that overflow to infinity: they are not
    JSON, and stored they would make every JSON export unreadable."""
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)


def parse_timestamp(value: Any, what: str, problems: Problems, time_format: str | None = None) -> str | None:
    """Normalise a time; aware times become UTC with a Z.

    ``time_format`` is None/"auto" (ISO 8601, or epoch seconds/milliseconds as a number or
    digits), "iso", "epoch", "epoch_ms", or a strftime pattern such as ``%d-%m-%Y %H:%M``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        problems.add(f"{what} is {value!r}; expected an ISO 8601 time such as 2026-03-05T14:02:00Z")
        return None
    fmt = time_format or "auto"
    if isinstance(value, str) and fmt in ("auto", "epoch", "epoch_ms") and _EPOCH.match(value.strip()):
        value = float(value)
    if isinstance(value, (int, float)):
        if fmt not in ("auto", "epoch", "epoch_ms"):
            problems.add(f"{what} {value!r} is a number, not a {_describe_format(fmt)} time")
            return None
        # Auto: an epoch in seconds would need the year 5000 to pass 1e11, so more is milliseconds.
        seconds = value / 1000 if fmt == "epoch_ms" or (fmt == "auto" and abs(value) >= 1e11) else value
        try:
            moment = datetime.fromtimestamp(float(seconds), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            problems.add(f"{what} {value!r} is not a valid epoch time; use ISO 8601 instead")
            return None
        return _format_utc(moment)
    if not isinstance(value, str):
        problems.add(f"{what} is {type(value).__name__}; expected an ISO 8601 time string")
        return None
    text = value.strip()
    if fmt not in ("auto", "iso", "epoch", "epoch_ms"):
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            problems.add(f'{what} "{value}" does not match --time-format "{fmt}"')
            return None
        return moment.isoformat() if moment.tzinfo is None else _format_utc(moment.astimezone(timezone.utc))
    if _UTC_Z.match(text):
        return text
    if text.endswith("+00:00") and _UTC_Z.match(utc := text[:-6] + "Z"):  # UTC with an offset: common in logs
        return utc
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        problems.add(
            f'{what} "{value}" is not a time; expected {_describe_format(fmt)} such as 2026-03-05T14:02:00Z'
            + (
                ' (or pass --time-format with its pattern, e.g. --time-format "%d-%m-%Y %H:%M")'
                if fmt in ("auto", "iso")
                else ""
            )
        )
        return None
    if moment.tzinfo is None:
        return moment.isoformat()
    return _format_utc(moment.astimezone(timezone.utc))


def _describe_format(fmt: str) -> str:
    return {"epoch": "epoch seconds", "epoch_ms": "epoch milliseconds"}.get(
        fmt, "ISO 8601" if fmt in ("auto", "iso") else f'"{fmt}"'
    )


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
    return clean_name(value) or None  # one-line labels: no escapes, no bidi overrides


def parse_role(value: Any, index: int, role_map: dict[str, str], problems: Problems) -> str:
    raw = value if isinstance(value, str) else ("" if value is None else str(value))
    mapped = role_map.get(raw.strip().lower(), raw.strip().lower())
    if mapped in ROLES or mapped == NOTE:
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
    data: dict[str, Any],
    where: str,
    role_map: dict[str, str],
    time_format: str | None = None,
    sort_by_time: bool = False,
) -> tuple[ConversationRecord | None, list[str]]:
    """Validate one conversation given as a dict in the native shape.

    With ``sort_by_time`` messages are ordered by time when every one has a time (a stable
    sort, so file order breaks ties). ``agent`` defaults to the author of most human agent turns.
    """
    problems = Problems(where)
    raw_id = data.get("id")
    if raw_id is None or raw_id == "" or isinstance(raw_id, (dict, list, bool)):
        problems.add('missing "id"; every conversation needs a unique id (rename a column with --map)')
        conv_id = ""
    else:
        conv_id = clean_text(str(raw_id))
        problems.where = f"{where}: conversation {conv_id}"
        if not conv_id.strip():
            problems.add('"id" is blank; every conversation needs a unique id')
    raw_messages = data.get("messages")
    messages: list[MessageRecord] = []
    if not isinstance(raw_messages, list) or not raw_messages:
        problems.add('has no messages; "messages" must be a non-empty list of {role, text}')
    else:
        for index, raw in enumerate(raw_messages, start=1):
            message = _build_message(raw, index, role_map, problems, time_format)
            if message is not None:
                messages.append(message)
    csat = data.get("csat")
    if csat is not None and csat != "":
        try:
            csat = float(csat)
            if not math.isfinite(csat) or csat < 0:  # NaN, Infinity (CSV cells) or negative
                raise ValueError
        except (TypeError, ValueError):
            raw = data.get("csat")
            problems.add(
                f"csat {raw!r} is not a non-negative number"
                + (f" (translate it, e.g. --values csat:{raw}=5)" if isinstance(raw, str) and raw.strip() else "")
            )
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
    started_at = parse_timestamp(data.get("started_at"), "started_at", problems, time_format)
    if sort_by_time and all(m.at for m in messages):
        messages.sort(key=lambda m: m.at or "")
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
        agent=optional_text(data.get("agent"), "agent", problems) or _main_agent(messages),
        customer=optional_text(data.get("customer"), "customer", problems),
        outcome=optional_text(data.get("outcome"), "outcome", problems),
        csat=csat,
        tags=tags,
        meta=meta,
    )
    return (None, problems.items) if problems.items else (record, [])


def _lower(value: str | None) -> str | None:
    return value.strip().lower() if value else value


def _main_agent(messages: list[MessageRecord]) -> str | None:
    """The author of most human agent turns (the first one on a tie), if any is named."""
    counts: dict[str, int] = {}
    for message in messages:
        if message.role == "agent" and message.author:
            counts[message.author] = counts.get(message.author, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _build_message(
    raw: Any, index: int, role_map: dict[str, str], problems: Problems, time_format: str | None = None
) -> MessageRecord | None:
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
        at=parse_timestamp(raw.get("at"), f"message {index} at", problems, time_format),
        author=(clean_name(raw["author"]) or None) if isinstance(raw.get("author"), str) else None,
    )


def _parse_tags(value: Any, problems: Problems) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [clean_name(t) for t in re.split(r"[;,|]", value) if clean_name(t)]
    if isinstance(value, list) and all(isinstance(t, (str, int, float)) for t in value):
        return [clean_name(str(t)) for t in value if clean_name(str(t))]
    problems.add('"tags" must be a list of strings or a comma-separated string')
    return []
