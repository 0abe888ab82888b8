"""Analysis end to end on a real database: stored evidence, parallel = serial, config, export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cxreview.errors import InputError
from cxreview.export import export_signals, safe_cell
from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.signals import analyze as analyze_module
from cxreview.signals.analyze import analyze_conversations
from cxreview.signals.config import config_hash, load_config
from cxreview.store import Database, open_database
from cxreview.store.signals import all_conversation_ids, conversation_signals, message_signals
from tests.conftest import REPO, conversation

LOOP = conversation(
    "loop",
    language=None,
    messages=[
        {"role": "bot", "text": "Could you give me your order number? It starts with NW."},
        {"role": "customer", "text": "NW-1234567"},
        {"role": "bot", "text": "Could you give me your order number? It starts with NW."},
        {"role": "customer", "text": "I just gave it!! NW-1234567"},
        {"role": "bot", "text": "Could you give me your order number? It starts with NW."},
        {"role": "customer", "text": '=HYPERLINK("http://evil")'},
    ],
)


def test_evidence_is_stored_per_message_and_conversation(db: Database, write_jsonl) -> None:
    import_files(db, [str(write_jsonl([LOOP]))])
    analyze_conversations(db, ["loop"])
    messages = message_signals(db.conn, "loop")
    assert messages[3]["flags"][0]["flag"] == "bot_repeat"
    assert messages[3]["flags"][0]["rule"] == "near-duplicate"
    assert messages[3]["flags"][0]["related"] == [1, 3]
    assert messages[4]["frustration"] > 0.3 and "repetition" in messages[4]["cues"]
    signals = conversation_signals(db.conn, "loop")
    assert signals["bot_loop"] == 1 and signals["language"] == "en"
    loop_flag = next(f for f in signals["flags"] if f["flag"] == "bot_loop")
    assert loop_flag["positions"] == [3, 5] and "repeated itself 2 times" in loop_flag["detail"]
    # The detected language fills the gap the import left.
    assert db.scalar("SELECT language FROM conversations WHERE id = 'loop'") == "en"


def test_parallel_analysis_equals_serial(new_db_target: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = REPO / "samples" / "demo.jsonl"
    rows = {}
    for workers in (1, 2):
        with open_database(new_db_target(f"w{workers}.db")) as db:
            import_files(db, [str(corpus)])
            monkeypatch.setattr(analyze_module, "PARALLEL_MIN_MESSAGES", 10 if workers > 1 else 10**9)
            monkeypatch.setattr(analyze_module, "CHUNK", 37)
            summary = analyze_conversations(db, workers=workers)
            assert summary.conversations == 300
            rows[workers] = (
                db.query(
                    "SELECT conversation_id, position, sentiment, frustration, cues FROM message_signals ORDER BY 1, 2"
                ),
                db.query("SELECT * FROM message_flags ORDER BY 1, 2, 3"),
                db.query(
                    "SELECT conversation_id, risk, risk_reasons, bot_loop, stuck_in_bot FROM conversation_signals ORDER BY 1"
                ),
            )
    for one, two in zip(rows[1], rows[2], strict=True):
        assert [tuple(r) for r in one] == [tuple(r) for r in two]
    assert len(rows[1][0]) == 3451


def test_each_distinct_text_shape_is_scored_once(db: Database, write_jsonl, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = analyze_module.tone_of

    def counting(text: str, language: str, kind: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return original(text, language, kind)

    monkeypatch.setattr(analyze_module, "tone_of", counting)
    records = [
        conversation(
            f"c{i}",
            messages=[
                {"role": "bot", "text": "Hi, I'm a virtual assistant. How can I help?"},
                {"role": "customer", "text": f"my order NW-{1000000 + i} is late"},
            ],
        )
        for i in range(50)
    ]
    import_files(db, [str(write_jsonl(records))])
    analyze_conversations(db, workers=1)
    assert sorted(calls) == sorted(["Hi, I'm a virtual assistant. How can I help?", "my order NW-000 is late"])


def test_import_analyses_and_reimport_refreshes(db_path: Path, write_jsonl, run_cli) -> None:
    path = write_jsonl([LOOP])
    assert "Analysed 1 conversation" in run_cli("import", str(path)).output
    with open_database(db_path) as db:
        assert db.scalar("SELECT count(*) FROM message_signals") == 6
    calm = dict(LOOP, messages=[{"role": "customer", "text": "thanks, all good"}])
    run_cli("import", "--no-analyze", str(write_jsonl([calm], "calm.jsonl")))
    with open_database(db_path) as db:
        assert db.scalar("SELECT count(*) FROM message_signals") == 0  # went with the old messages
        assert db.scalar("SELECT count(*) FROM conversation_signals") == 0
    assert "Analysed 1 conversation" in run_cli("analyze", "--stale").output
    assert "Analysed 0 conversations" in run_cli("analyze", "--stale").output


def test_config_overrides_and_errors(tmp_path: Path) -> None:
    custom = tmp_path / "signals.yaml"
    custom.write_text("spike:\n  absolute: 0.9\n")
    config = load_config(custom)
    assert config["spike"]["absolute"] == 0.9 and config["spike"]["rise"] == load_config()["spike"]["rise"]
    assert config_hash(config) != config_hash(load_config())
    custom.write_text("spike:\n  absolut: 0.9\nrepeat:\n  bot_similarity: high\n")
    with pytest.raises(InputError) as info:
        load_config(custom)
    assert any("unknown setting spike.absolut" in p for p in info.value.problems)
    assert any("repeat.bot_similarity must be a number" in p for p in info.value.problems)


def test_stale_ids_follow_the_config(db: Database, write_jsonl) -> None:
    import_files(db, [str(write_jsonl([LOOP, conversation("c2")]))])
    config = load_config()
    assert all_conversation_ids(db.conn, config_hash(config)) == ["c2", "loop"]
    analyze_conversations(db, config=config)
    assert all_conversation_ids(db.conn, config_hash(config)) == []
    changed = load_config()
    changed["spike"]["absolute"] = 0.5
    assert len(all_conversation_ids(db.conn, config_hash(changed))) == 2


def test_message_export_is_spreadsheet_safe(db: Database, write_jsonl) -> None:
    import_files(db, [str(write_jsonl([LOOP]))])
    analyze_conversations(db)
    out = io.StringIO()
    export_signals(db, "message", Filters(), out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [
        "conversation_id",
        "position",
        "role",
        "author",
        "at",
        "text",
        "sentiment",
        "frustration",
        "flags",
        "phase",
        "reasons",
    ]
    assert rows[5]["text"] == '\'=HYPERLINK("http://evil")'
    # Each frustrated message names its reasons with the words that matched (issue 12); one
    # frustrated by its setting alone (the bot's third ask right after an angry message) names
    # the setting, with the message it points at.
    frustrated = {int(r["position"]): r["reasons"] for r in rows if "frustrated" in r["flags"]}
    assert '("I just gave it")' in frustrated[4] and '("!!")' in frustrated[4]
    assert "frustrated in their previous message" not in frustrated[4]  # message 2 was calm
    assert all('("' in reasons or "(message " in reasons for reasons in frustrated.values())
    assert all(not r["reasons"] for r in rows if r["role"] != "customer")
    assert rows[2]["flags"] == "bot_repeat"
    out = io.StringIO()
    export_signals(db, "conversation", Filters(queues=["billing"]), out, "jsonl")
    record = json.loads(out.getvalue().splitlines()[0])
    assert record["conversation_id"] == "loop" and record["bot_disclosed"] is False and "bot_loop" in record["flags"]
    assert safe_cell("-5 stars") == "'-5 stars" and safe_cell(-0.5) == -0.5 and safe_cell("@x") == "'@x"


def test_csat_scale_comes_from_the_data(db: Database, write_jsonl) -> None:
    """A 0..10 survey: a 3 is low there, although it would not be on a 1..5 one."""
    calm = [{"role": "customer", "text": "When does my parcel come?"}, {"role": "agent", "text": "Tomorrow."}]
    rows = [conversation("three", messages=calm, csat=3), conversation("nine", messages=calm, csat=9)]
    import_files(db, [str(write_jsonl(rows))])
    analyze_conversations(db)
    assert "csat 3 of 10" in conversation_signals(db.conn, "three")["risk_reasons"]


def test_conversations_left_without_signals_are_noticed(run_cli, write_jsonl, db_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 14 item 13: kill -9 during the analysis of an import leaves conversations
    without signals (analysis commits per batch); spotlight refuses, a re-import analyses them."""
    from cxreview.store import open_database
    from tests.conftest import conversation

    source = write_jsonl([conversation(f"k{i}", customer=f"C{i}") for i in range(20)])
    assert run_cli("import", str(source)).exit_code == 0
    with open_database(db_path) as db:  # the state a killed analysis leaves behind
        db.execute("DELETE FROM conversation_signals WHERE conversation_id > 'k1'")
    refused = run_cli("sample", "--size", "3", "--strategy", "spotlight")
    assert refused.exit_code == 1
    assert "18 conversations have no signals yet" in refused.output and "cxreview analyze --stale" in refused.output
    again = run_cli("import", str(source))
    assert "20 unchanged" in again.output
    assert "Analysed 18 conversations (18 conversations had no signals from an earlier run)." in again.output
    assert run_cli("sample", "--size", "3", "--strategy", "spotlight").exit_code == 0


def test_message_features_read_a_conversation_as_the_stored_analysis_does(db: Database, write_jsonl) -> None:
    """`message_features` with `reading_key` (what the benchmarks analyse in memory with) gives
    the stored analysis' scores, for a language without word lists too (Spanish: its words are
    not read as English, so "sin" and "die" are no anger)."""
    from cxreview.signals.conversation import analyze
    from cxreview.signals.features import WORDLESS, message_features, reading_key
    from cxreview.signals.language import conversation_language

    texts = [
        ("bot", "Hola, soy el asistente virtual. ¿En qué puedo ayudarte?"),
        ("customer", "Llevo tres días sin internet y nadie me responde!! 😡"),
        ("agent", "Lo siento mucho, lo revisamos ahora mismo."),
        ("customer", "Quiero hablar con una persona, no con un robot. Die Verbindung ist tot."),
    ]
    language = conversation_language(texts)
    assert language == "es" and reading_key(language) == WORDLESS
    record = conversation("es1", language=None, messages=[{"role": r, "text": t} for r, t in texts])
    import_files(db, [str(write_jsonl([record]))])
    analyze_conversations(db, workers=1)
    stored = [(r["sentiment"], r["frustration"]) for r in message_signals(db.conn, "es1").values()]
    prepared = [(i, r, None, message_features(r, t, reading_key(language))) for i, (r, t) in enumerate(texts, start=1)]
    result = analyze("es1", language, prepared, load_config())

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    assert [(rounded(m.sentiment), rounded(m.frustration)) for m in result.messages] == [
        (rounded(s), rounded(f)) for s, f in stored
    ]
    assert stored[1][1] is not None and stored[3][1] is not None
    # Read as English instead, the same texts score otherwise: the key is what makes them equal.
    english = [(i, r, None, message_features(r, t, "en")) for i, (r, t) in enumerate(texts, start=1)]
    as_english = analyze("es1", "en", english, load_config())
    assert [m.frustration for m in as_english.messages] != [m.frustration for m in result.messages]
