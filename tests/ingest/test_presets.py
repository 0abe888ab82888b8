"""Shipped presets on realistic exports: counts, roles, notes, HTML, UTC times, csat/outcome, agent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cxreview.errors import InputError
from cxreview.ingest.importer import import_files
from cxreview.ingest.mapping import list_presets, load_mapping
from cxreview.ingest.mapping_options import MappingOptions
from cxreview.store import Database
from cxreview.store.conversations import get_conversation, get_messages

FIXTURES = Path(__file__).parent / "fixtures"


def _import(db: Database, name: str, preset: str, **options: object):
    return import_files(db, [str(FIXTURES / name)], options=MappingOptions(preset=preset, **options))  # type: ignore[arg-type]


def _roles(db: Database, conv_id: str) -> list[str]:
    return [m["role"] for m in get_messages(db.conn, conv_id)]


def test_every_preset_loads_and_is_listed() -> None:
    presets = list_presets()
    assert set(presets) == {"zendesk", "intercom", "freshdesk", "chatbot-events"}
    for name, description in presets.items():
        assert description, name
        load_mapping(name)


def test_intercom(db: Database) -> None:
    summary = _import(db, "intercom_conversations.json", "intercom")
    assert (summary.new, summary.messages, summary.notes_dropped) == (3, 10, 2)
    first = get_conversation(db.conn, "215470881234567")
    assert first is not None
    assert first["started_at"] == "2026-03-05T14:02:00Z"  # epoch seconds, stored as UTC
    assert (first["agent"], first["customer"], first["outcome"], first["csat"]) == (
        "Sanne de Vries",  # derived from the admin's turns
        "C000117",
        "resolved",
        4.0,
    )
    assert first["tags"] == ["delivery", "vip"] and first["channel"] == "chat"
    messages = get_messages(db.conn, "215470881234567")
    # source first, then parts; the note, the assignment and the close event are gone
    assert [m["role"] for m in messages] == ["customer", "bot", "customer", "agent", "customer"]
    assert messages[0]["text"] == "Hi, my parcel NW-1234567 hasn't arrived yet & it's been 5 days 😟"
    assert (
        messages[1]["text"] == "Hi! I'm Fin, an AI agent. I can help with deliveries.\nCould you tell me your postcode?"
    )
    assert "Track it here (https://track.example.com/NW-7654321).\nAnything else?" in messages[3]["text"]
    assert all("<" not in m["text"] and "&#" not in m["text"] for m in messages)
    assert not any("depot" in m["text"] for m in messages)  # the internal note
    bot_only = get_conversation(db.conn, "215470881234568")
    assert bot_only is not None and bot_only["agent"] is None and bot_only["outcome"] == "unresolved"
    assert _roles(db, "215470881234568") == ["customer", "bot", "customer"]
    email = get_conversation(db.conn, "215470881234569")
    assert email is not None and email["channel"] == "email" and email["agent"] == "Mark Bakker"
    assert get_messages(db.conn, "215470881234569")[1]["text"].endswith("(€ 49,95) teruggestort.\nGroet,\nMark")


def test_intercom_json_and_flat_csv_import_identical_rows(new_db_target: Callable[[str], Any]) -> None:
    from cxreview.store import open_database

    dumps = []
    for name, preset in (
        ("intercom_conversations.json", "intercom"),
        ("intercom_parts.csv", str(FIXTURES / "intercom_parts.yaml")),
    ):
        db = open_database(new_db_target(f"{preset[-8:]}.db"))
        _import(db, name, preset)
        rows = db.conn.execute(
            "SELECT id, started_at, channel, queue, language, agent, customer, outcome, csat, tags, meta,"
            " n_messages, content_hash FROM conversations ORDER BY id"
        ).fetchall()
        messages = db.conn.execute("SELECT * FROM messages ORDER BY conversation_id, position").fetchall()
        dumps.append(([tuple(r) for r in rows], [tuple(m) for m in messages]))
        db.close()
    assert dumps[0] == dumps[1]
    assert len(dumps[0][1]) == 10


def test_zendesk_json_lines(db: Database) -> None:
    summary = _import(db, "zendesk_tickets.json", "zendesk")
    # 4414 holds only an internal note: nothing customer-facing, so it is skipped, not an error
    assert (summary.new, summary.messages, summary.notes_dropped, summary.skipped) == (3, 8, 3, 1)
    ticket = get_conversation(db.conn, "4411")
    assert ticket is not None
    assert (ticket["outcome"], ticket["csat"], ticket["agent"], ticket["channel"]) == (
        "resolved",
        5.0,
        "Tom Visser",
        "email",
    )
    assert ticket["meta"]["subject"] == "Charged twice for order 5521"
    assert _roles(db, "4411") == ["customer", "agent", "customer"]  # the requester is the customer
    texts = [m["text"] for m in get_messages(db.conn, "4411")]
    assert not any("Stripe" in t or "trigger" in t for t in texts)  # private comments
    assert texts[0] == "Hi,\n\nI was charged twice for order 5521 — please fix 😡"  # plain_body preferred
    assert _roles(db, "4412") == ["customer", "bot", "bot"]
    unrated = get_conversation(db.conn, "4412")
    assert unrated is not None and unrated["csat"] is None and unrated["agent"] is None
    bad = get_conversation(db.conn, "4413")
    assert bad is not None and bad["csat"] == 1.0 and bad["outcome"] == "resolved"
    assert get_conversation(db.conn, "4414") is None


def test_zendesk_csv_rows_give_the_same_conversations(db: Database, new_db_target: Callable[[str], Any]) -> None:
    from cxreview.store import open_database

    _import(db, "zendesk_comments.csv", "zendesk")
    other = open_database(new_db_target("json.db"))
    _import(other, "zendesk_tickets.json", "zendesk")
    for conv_id in ("4411", "4412", "4413"):
        # The CSV names no customer (author_id is not in it); roles, texts and times agree.
        assert [(m["role"], m["text"], m["at"]) for m in get_messages(db.conn, conv_id)] == [
            (m["role"], m["text"], m["at"]) for m in get_messages(other.conn, conv_id)
        ]
        mine, theirs = get_conversation(db.conn, conv_id), get_conversation(other.conn, conv_id)
        assert mine is not None and theirs is not None
        assert (mine["outcome"], mine["csat"], mine["agent"]) == (theirs["outcome"], theirs["csat"], theirs["agent"])
    other.close()


def test_freshdesk_pretty_printed_array(db: Database) -> None:
    summary = _import(db, "freshdesk_conversations.json", "freshdesk")
    assert (summary.new, summary.messages, summary.notes_dropped) == (2, 5, 2)
    assert _roles(db, "7001") == ["customer", "agent", "customer"]
    messages = get_messages(db.conn, "7001")
    # body_text is missing on one reply: its HTML body is turned into text instead
    assert (
        messages[1]["text"]
        == "Dear customer,\nWe've corrected the invoice: INV-3 (https://acme.example/invoices/INV-3).\nRegards, Lisa 👍"
    )
    assert not any("Billing L2" in m["text"] for m in messages)
    # epoch seconds as text and epoch milliseconds as a number, both UTC
    assert [m["at"] for m in get_messages(db.conn, "7002")] == ["2026-03-07T08:00:00Z", "2026-03-07T09:00:00Z"]
    ticket = get_conversation(db.conn, "7001")
    assert ticket is not None and ticket["agent"] == "lisa@acme.example"


def test_chatbot_events(db: Database) -> None:
    summary = _import(db, "chatbot_events.jsonl", "chatbot-events")
    assert (summary.new, summary.messages) == (2, 8)
    assert _roles(db, "S-100") == ["bot", "customer", "system", "agent", "customer"]
    session = get_conversation(db.conn, "S-100")
    assert session is not None
    # +01:00 local times stored as UTC; the assignment, typing and session events are left out
    assert session["started_at"] == "2026-03-05T14:00:01Z"
    assert (session["language"], session["channel"], session["outcome"], session["csat"], session["agent"]) == (
        "nl",
        "web",
        "escalated",
        3.0,
        "Sanne de Vries",
    )
    bot = get_messages(db.conn, "S-200")
    assert bot[2]["text"] == "We're open 9:00–17:00 on weekdays & 10:00–14:00 on Saturdays."
    assert get_conversation(db.conn, "S-200")["agent"] is None  # type: ignore[index]


def test_keep_notes_keeps_them_as_note_turns(db: Database) -> None:
    summary = _import(db, "intercom_conversations.json", "intercom", keep_notes=True)
    assert summary.notes_dropped == 0 and summary.messages == 12
    conversation = get_conversation(db.conn, "215470881234567")
    assert conversation is not None and "internal_notes" not in conversation["meta"]
    notes = [m for m in get_messages(db.conn, "215470881234567") if m["role"] == "note"]
    assert [(n["author"], n["at"], n["text"]) for n in notes] == [
        ("Sanne de Vries", "2026-03-05T14:03:40Z", "Carrier says lost in depot, reship & refund shipping")
    ]


def test_unknown_preset_suggests_a_name() -> None:
    with pytest.raises(InputError) as error:
        load_mapping("zendsk")
    assert 'did you mean "zendesk"' in error.value.one_line()


def test_bots_describing_themselves_disclose_they_are_bots(db: Database, tmp_path: Path) -> None:
    from cxreview.signals.analyze import analyze_conversations
    from tests.conftest import conversation

    greetings = {
        "fin": "Hi! I'm Fin, an AI agent. How can I help?",
        "virtual": "Hello, this is Acme's virtual agent speaking.",
        "nl": "Hoi! Ik ben Robin, de digitale assistent van Acme.",
        "nl-ai": "Hallo, je chat met onze AI-assistent.",
    }
    records = []
    for key, greeting in greetings.items():
        record = conversation(key, language="nl" if key.startswith("nl") else "en")
        record["messages"][0]["text"] = greeting
        records.append(record)
    path = tmp_path / "greetings.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    import_files(db, [str(path)])
    analyze_conversations(db, list(greetings))
    disclosed = dict(db.conn.execute("SELECT conversation_id, bot_disclosed FROM conversation_signals").fetchall())
    assert disclosed == dict.fromkeys(greetings, 1)


def test_a_conversation_field_filters_whole_conversations(db: Database) -> None:
    summary = _import(db, "intercom_conversations.json", "intercom", wheres=("state=closed",))
    assert summary.new == 2 and get_conversation(db.conn, "215470881234568") is None
