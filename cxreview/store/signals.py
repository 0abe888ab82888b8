"""Signal queries: read messages for analysis, replace signals, read them for display."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cxreview.store import Database
from cxreview.store.clock import now_iso

if TYPE_CHECKING:  # the record type only for the checker: the review app reads, never writes
    from cxreview.records import ConversationSignals

_CHUNK = 500

# What an analysis writes (conversations: the detected language), for planner statistics
# after a large one (Database.after_bulk_write).
SIGNAL_TABLES = ("conversations", "conversation_signals", "conversation_flags", "message_flags", "conversation_phases")


def conversation_info(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> dict[str, tuple[str | None, str | None, float | None, str | None]]:
    """id -> (given language, outcome, csat, channel); the language is None when the import
    gave none (an analysis detects it)."""
    info = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        # A language an earlier analysis detected is not given: it is detected again.
        query = (
            "SELECT id, CASE WHEN language_detected = 1 THEN NULL ELSE language END, outcome, csat, channel "
            f"FROM conversations WHERE id IN ({marks})"
        )
        for row in conn.execute(query, chunk):
            info[row[0]] = (row[1], row[2], row[3], row[4])
    return info


def max_csat_per_channel(conn: sqlite3.Connection) -> dict[str | None, float]:
    """The largest survey answer of each channel (None: conversations without one): tells a
    1..5 chat survey from a 0..10 e-mail one in the same database."""
    rows = conn.execute("SELECT channel, max(csat) FROM conversations WHERE csat IS NOT NULL GROUP BY channel")
    return {row[0]: float(row[1]) for row in rows}


def analysis_keys(conn: sqlite3.Connection) -> Iterator[tuple[str, str | None, float | None, str | None]]:
    """(id, channel, csat, the key its signals were stored under or None) of every conversation."""
    yield from conn.execute(
        "SELECT c.id, c.channel, c.csat, s.config_hash FROM conversations c "
        "LEFT JOIN conversation_signals s ON s.conversation_id = c.id ORDER BY c.id"
    )


def all_conversation_ids(conn: sqlite3.Connection, stale_only: str | None = None) -> list[str]:
    """Every conversation id, or (with a config hash) those not analysed under that config."""
    if stale_only is None:
        return [r[0] for r in conn.execute("SELECT id FROM conversations ORDER BY id")]
    return [
        r[0]
        for r in conn.execute(
            "SELECT c.id FROM conversations c LEFT JOIN conversation_signals s ON s.conversation_id = c.id "
            "WHERE s.conversation_id IS NULL OR s.config_hash != ? ORDER BY c.id",
            (stale_only,),
        )
    ]


def unanalysed_ids(conn: sqlite3.Connection, limit: int | None = None) -> list[str]:
    """Conversations without any signals row (an interrupted import or analysis, or --no-analyze)."""
    # LIMIT only when given: "LIMIT -1" (no limit) is SQLite's own, PostgreSQL refuses it.
    bounded = "" if limit is None else f" LIMIT {int(limit)}"
    return [
        r[0]
        for r in conn.execute(
            "SELECT c.id FROM conversations c WHERE NOT EXISTS "
            "(SELECT 1 FROM conversation_signals s WHERE s.conversation_id = c.id) ORDER BY c.id" + bounded
        )
    ]


def count_unanalysed(db: Database) -> int:
    """How many conversations have no signals row."""
    if db.engine == "postgresql":
        # PostgreSQL holds every client to the foreign key, so each signals row belongs to
        # a conversation of its own (its key) and the difference of the two counts is exact:
        # 6 ms of server time at 87,719 conversations against 15 for hashing every id.
        difference = int(
            db.conn.execute(
                "SELECT (SELECT count(*) FROM conversations) - (SELECT count(*) FROM conversation_signals)"
            ).fetchone()[0]
        )
        if difference == 0:
            return 0
    # SQLite checks foreign keys only on connections that ask (cxreview's do, the sqlite3
    # shell does not), so a signals row may have outlived its conversation: count directly.
    return int(
        db.conn.execute(
            "SELECT count(*) FROM conversations c WHERE NOT EXISTS "
            "(SELECT 1 FROM conversation_signals s WHERE s.conversation_id = c.id)"
        ).fetchone()[0]
    )


def messages_of(conn: sqlite3.Connection, ids: Sequence[str]) -> Iterator[tuple[str, int, str, str, str | None]]:
    """(conversation_id, position, role, text, at) for the ids, grouped by conversation in order."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(
            f"SELECT conversation_id, position, role, text, at FROM messages WHERE conversation_id IN ({marks}) "
            "ORDER BY conversation_id, position",
            chunk,
        )


def replace_signals(
    conn: sqlite3.Connection,
    results: Sequence[ConversationSignals],
    config_hash: str,
    keys: dict[str, str] | None = None,
) -> None:
    """Write the signals of analysed conversations, replacing older ones (caller holds a
    transaction). ``keys``: the analysis key of a conversation when it is not ``config_hash``
    (`summary.analysis_key`)."""
    ids = [r.conversation_id for r in results]
    analysed: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        analysed.update(
            row[0]
            for row in conn.execute(
                f"SELECT conversation_id FROM conversation_signals WHERE conversation_id IN ({marks})", chunk
            )
        )
    # Only conversations analysed before have rows to replace; on a first analysis this
    # saves the deletes.
    stale = [(cid,) for cid in ids if cid in analysed]
    for table in ("message_flags", "conversation_flags"):
        conn.executemany(f"DELETE FROM {table} WHERE conversation_id = ?", stale)
    now = now_iso()
    flag_rows = []
    conv_rows = []
    conv_flag_rows = []
    language_rows = []
    for r in results:
        cid = r.conversation_id
        # Indexed by position - 1 (1-based positions); positions without signals (internal
        # notes, never analysed) hold nulls so every later position stays in its place.
        messages = r.messages
        per_message: list[list[Any]]
        if not messages or messages[-1].position == len(messages):  # positions 1..n, no gap: the usual case
            per_message = [[m.sentiment, m.frustration, m.cues or None] for m in messages]
        else:
            per_message = []
            for m in messages:
                if m.position - 1 > len(per_message):
                    per_message.extend([None, None, None] for _ in range(m.position - 1 - len(per_message)))
                per_message.append([m.sentiment, m.frustration, m.cues or None])
        for m in messages:
            if m.flags:
                for f in m.flags:
                    flag_rows.append((cid, m.position, f.flag, f.rule, f.detail, _positions(f.positions)))
        conv_rows.append(
            (
                cid,
                r.language,
                now,
                keys.get(cid, config_hash) if keys else config_hash,
                r.n_customer_messages,
                r.peak_frustration,
                r.mean_frustration,
                r.sentiment_start,
                r.sentiment_end,
                r.trajectory,
                r.trajectory_label,
                int(r.bot_loop),
                int(r.stuck_in_bot),
                int(r.handover),
                r.handover_position,
                r.handover_latency_turns,
                r.handover_latency_seconds,
                _opt(r.bot_disclosed),
                _opt(r.handover_offered),
                _opt(r.uncertainty_admitted),
                r.n_spikes,
                r.n_bot_repeats,
                r.n_customer_repeats,
                r.n_human_requests,
                r.max_ignored_bot_turns,
                r.risk,
                _dumps(r.risk_reasons),
                _dumps(per_message),
            )
        )
        for f in r.flags:
            conv_flag_rows.append((cid, f.flag, f.rule, f.detail, _positions(f.positions)))
        if r.language_detected:
            language_rows.append((r.language, cid))
    # One flag of a kind per message: the first rule that raised it is kept.
    conn.executemany("INSERT OR IGNORE INTO message_flags VALUES (?, ?, ?, ?, ?, ?)", flag_rows)
    conn.executemany(_upsert_signals(conn), conv_rows)
    conn.executemany("INSERT OR IGNORE INTO conversation_flags VALUES (?, ?, ?, ?, ?)", conv_flag_rows)
    # A detected language fills the gap the import left (and replaces what an earlier analysis
    # detected); a given one is never overwritten.
    conn.executemany(
        "UPDATE conversations SET language = ?, language_detected = 1 "
        "WHERE id = ? AND (language IS NULL OR language_detected = 1)",
        language_rows,
    )


def _upsert_signals(conn: sqlite3.Connection) -> str:
    """INSERT that updates a re-analysed conversation's row in place: the row keeps its rowid
    (no delete and re-insert in the order the analysis workers finish), so anything keyed on
    the table stays put after a re-analysis."""
    # The columns as the table has them, on either engine ("rowid" is PostgreSQL's numbering
    # column, see schema_postgres.POSTGRES_AFTER_TABLE, never written by us).
    cursor = conn.execute("SELECT * FROM conversation_signals LIMIT 0")
    columns = [d[0] for d in cursor.description if d[0] != "rowid"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "conversation_id")
    marks = ",".join("?" * len(columns))
    return (
        f"INSERT INTO conversation_signals ({', '.join(columns)}) VALUES ({marks}) "
        f"ON CONFLICT (conversation_id) DO UPDATE SET {updates}"
    )


def _compact_encoder() -> Callable[[Any], str]:
    """JSON with compact separators and non-ASCII kept. json's own ``encode`` builds a new
    C encoder on every call, which costs more than encoding a flag's positions; this one
    is built once. Falls back to ``encode`` where the C encoder is missing or differs."""
    standard = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    try:
        from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]

        encoder = c_make_encoder(None, standard.default, encode_basestring, None, ":", ",", False, False, True)

        def fast(value: Any) -> str:
            return "".join(encoder(value, 0))

        sample = [[0.5, None, {"a": -0.25, "b_match": 'x"é\n'}], [1, 2], ["ok"], []]
        if all(fast(v) == standard.encode(v) for v in sample):
            return fast
    except Exception:  # noqa: BLE001 - any surprise: the standard encoder
        pass
    return standard.encode


_dumps = _compact_encoder()


def _positions(positions: list[int]) -> str:
    """A flag's positions as JSON: for a list of plain ints (every flag's) the same text as
    `_dumps`, without the encoder's machinery (a call per flag row, ~55,000 per 100,000
    messages)."""
    for position in positions:
        if type(position) is not int:  # a bool or an int subclass: the encoder decides
            return _dumps(positions)
    return "[" + ",".join(map(str, positions)) + "]"


def _opt(value: bool | None) -> int | None:
    return None if value is None else int(value)


def conversation_signals(conn: sqlite3.Connection, conversation_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM conversation_signals WHERE conversation_id = ?", (conversation_id,)).fetchone()
    if row is None:
        return None
    data = dict(row)
    data["risk_reasons"] = json.loads(data["risk_reasons"])
    data.pop("per_message")
    data["flags"] = [
        {"flag": f["flag"], "rule": f["rule"], "detail": f["detail"], "positions": json.loads(f["positions"])}
        for f in conn.execute(
            "SELECT * FROM conversation_flags WHERE conversation_id = ? ORDER BY flag", (conversation_id,)
        )
    ]
    return data


def message_signals(conn: sqlite3.Connection, conversation_id: str) -> dict[int, dict[str, Any]]:
    """position -> {sentiment, frustration, cues, flags: [{flag, rule, detail, related}]}."""
    result: dict[int, dict[str, Any]] = {}
    row = conn.execute(
        "SELECT per_message FROM conversation_signals WHERE conversation_id = ?", (conversation_id,)
    ).fetchone()
    if row is not None:
        for position, (sentiment, frustration, cues) in enumerate(json.loads(row[0]), start=1):
            if sentiment is None:
                continue  # an internal note: not analysed
            result[position] = {"sentiment": sentiment, "frustration": frustration, "cues": cues or {}, "flags": []}
    for flag in conn.execute(
        "SELECT * FROM message_flags WHERE conversation_id = ? ORDER BY position, flag", (conversation_id,)
    ):
        entry = result.setdefault(flag["position"], {"sentiment": 0.0, "frustration": None, "cues": {}, "flags": []})
        entry["flags"].append(
            {
                "flag": flag["flag"],
                "rule": flag["rule"],
                "detail": flag["detail"],
                "related": json.loads(flag["related"]),
            }
        )
    return result


def count_messages(conn: sqlite3.Connection, ids: Sequence[str]) -> int:
    total = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        total += conn.execute(
            f"SELECT coalesce(sum(n_messages), 0) FROM conversations WHERE id IN ({marks})", chunk
        ).fetchone()[0]
    return int(total)
