"""Phases of hand-built hybrid conversations: who gets the credit for the customer's mood."""

from __future__ import annotations

from cxreview.signals.config import copy_config, load_config
from cxreview.signals.conversation import analyze
from cxreview.signals.phases import Phases, split_phases
from tests.signals.dialogue import messages_of

CONFIG = load_config()


def phases_of(turns: list[tuple[str, str, str]], language: str = "en", config: dict | None = None) -> Phases:
    config = config or CONFIG
    messages = messages_of(turns, language)
    result = analyze("t", language, messages, config)
    return split_phases("t", messages, result.messages, config)


ANGRY_AT_BOT = [
    ("bot", "Hi, I'm the virtual assistant. What can I do for you?", "2026-03-05T10:00:00Z"),
    ("customer", "I was charged twice for my order", "2026-03-05T10:00:20Z"),
    ("bot", "Could you give me your order number? It starts with NW.", "2026-03-05T10:00:21Z"),
    ("customer", "NW-1234567", "2026-03-05T10:00:40Z"),
    ("bot", "Could you give me your order number? It starts with NW.", "2026-03-05T10:00:41Z"),
    ("customer", "I ALREADY GAVE IT!! This is useless, I want a real person NOW", "2026-03-05T10:01:00Z"),
    ("bot", "I'll connect you with a colleague now.", "2026-03-05T10:01:01Z"),
    ("agent", "Hi, I'm Sanne. I see the double charge and I've refunded it just now.", "2026-03-05T10:04:01Z"),
    ("customer", "Thank you, that's great, have a nice day", "2026-03-05T10:04:30Z"),
]

CALM_THEN_AGENT = [
    ("bot", "Hi, I'm the virtual assistant. What can I do for you?", "2026-03-05T10:00:00Z"),
    ("customer", "I'd like to change my delivery address please", "2026-03-05T10:00:20Z"),
    ("bot", "I'll connect you with a colleague now.", "2026-03-05T10:00:21Z"),
    ("agent", "Just read the website, it's all there.", "2026-03-05T10:01:21Z"),
    ("customer", "That is ridiculous!! I want to file a complaint, this is terrible service.", "2026-03-05T10:02:00Z"),
]


def test_frustration_from_the_bot_counts_for_the_bot_and_recovered_for_the_agent() -> None:
    phases = phases_of(ANGRY_AT_BOT)
    assert phases.kind == "hybrid"
    assert (phases.bot.start, phases.bot.end, phases.agent.start, phases.agent.end) == (1, 7, 8, 9)
    assert phases.bot.peak_frustration is not None and phases.bot.peak_frustration >= 0.6
    assert phases.bot.spikes >= 1 and phases.bot.bot_repeats == 1
    assert phases.agent.peak_frustration is not None and phases.agent.peak_frustration < 0.4
    assert phases.agent.spikes == 0
    # The handover: asked at 6, announced at 7, the agent came three minutes later.
    assert phases.request_position == 6 and phases.announced_position == 7
    assert phases.wait_messages == 1 and phases.wait_seconds == 180
    assert phases.arrived_frustrated is True
    assert phases.arrival_evidence.startswith("message 6: frustration")
    assert phases.agent_change == "recovered" and phases.agent_added == 0


def test_the_arrival_window_is_a_setting() -> None:
    # The default looks at the customer's last two messages before the agent that say
    # something: 2 and 6 (4 is the order number typed again, which tells nothing of the mood).
    assert phases_of(ANGRY_AT_BOT).arrival_positions == [2, 6]
    narrow = copy_config(CONFIG)
    narrow["handover"]["arrival_messages"] = 1
    assert phases_of(ANGRY_AT_BOT, config=narrow).arrival_positions == [6]
    # Only the very last message: here the outburst, so still frustrated on arrival.
    last = copy_config(CONFIG)
    last["handover"]["arrival_messages"] = 1
    only = phases_of(ANGRY_AT_BOT, config=last)
    assert only.arrival_positions == [6] and only.arrived_frustrated


ANGRY_THEN_OK = [
    ("bot", "Hi, I'm the virtual assistant. What can I do for you?", None),
    ("customer", "I contacted you on Thursday about my internet and it's STILL not solved!!", None),
    ("customer", "agent please", None),
    ("bot", "Would you like me to connect you with a colleague?", None),
    ("customer", "alright", None),
    ("agent", "Hi, I'm Fatima. I'm sorry this has been such a hassle.", None),
    ("customer", "thanks, finally someone who listens", None),
]


def test_an_ok_to_the_handover_offer_does_not_make_an_angry_customer_arrive_calm() -> None:
    phases = phases_of(ANGRY_THEN_OK)
    # "alright" says nothing of the mood: the window is the complaint and the request.
    assert phases.arrival_positions == [2, 3]
    assert phases.arrived_frustrated is True
    assert phases.arrival_evidence.startswith("message 2: frustration")


def test_a_customer_who_only_gave_bare_answers_is_judged_on_them() -> None:
    turns = [
        ("bot", "Hi! What is your order number?", None),
        ("customer", "NW-1234567", None),
        ("bot", "Thanks. Shall I connect you with a colleague?", None),
        ("customer", "yes please", None),
        ("agent", "Hi, I'm Sanne, how can I help?", None),
        ("customer", "my parcel has not arrived", None),
    ]
    phases = phases_of(turns)
    assert phases.arrival_positions == [2, 4]
    assert phases.arrived_frustrated is False


def test_an_agent_who_angers_a_calm_customer_is_blamed() -> None:
    phases = phases_of(CALM_THEN_AGENT)
    assert phases.arrived_frustrated is False
    assert phases.agent_change == "worse"
    assert phases.agent_added is not None and phases.agent_added >= 0.4
    assert phases.bot.peak_frustration is not None and phases.bot.peak_frustration < 0.4


def test_bot_only_and_human_only_conversations() -> None:
    bot_only = phases_of(ANGRY_AT_BOT[:6])
    assert bot_only.kind == "bot" and bot_only.agent.start is None and bot_only.agent_change is None
    assert bot_only.bot.end == 6
    human = phases_of(
        [
            ("customer", "This is the THIRD time I write, nobody calls back!!", "2026-03-05T10:00:00Z"),
            ("agent", "I'm sorry, I've arranged the call for today at 3.", "2026-03-05T10:01:00Z"),
            ("customer", "Okay, thanks", "2026-03-05T10:02:00Z"),
        ]
    )
    # The customer's opening message is the mood they brought, not the agent's doing.
    assert human.kind == "agent" and human.bot.start is None
    assert human.arrived_frustrated is True and human.agent_change == "recovered"
    assert human.wait_messages is None


def test_analysis_stores_phases_and_exports_them(new_db_target, tmp_path, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    from cxreview.export import export_signals
    from cxreview.filters import Filters
    from cxreview.ingest.importer import import_files
    from cxreview.signals.analyze import analyze_conversations
    from cxreview.store import open_database
    from cxreview.store.phases import phases_of as stored
    from tests.conftest import conversation

    turns = [{"role": role, "text": text, "at": at} for role, text, at in ANGRY_AT_BOT]
    db = open_database(new_db_target("p.db"))
    try:
        import_files(db, [str(write_jsonl([conversation("h1", messages=turns)]))])
        analyze_conversations(db)
        row = stored(db.conn, "h1")
        assert row is not None and row["kind"] == "hybrid" and row["agent_change"] == "recovered"
        assert row["arrived_frustrated"] == 1 and row["wait_seconds"] == 180 and row["arrival_positions"] == [2, 6]
        # Spotlight reasons say where the frustration was: not the agent's doing.
        reasons = db.scalar("SELECT risk_reasons FROM conversation_signals WHERE conversation_id = 'h1'")
        assert "(bot phase)" in reasons and "1 bot phase, 0 agent phase" in reasons
        out = io.StringIO()
        export_signals(db, "conversation", Filters(), out, "csv")
        exported = next(csv.DictReader(io.StringIO(out.getvalue())))
        assert exported["phases"] == "hybrid" and exported["agent_change"] == "recovered"
        assert exported["arrived_frustrated"] == "true" and exported["handover_wait_seconds"] == "180.0"
        out = io.StringIO()
        export_signals(db, "message", Filters(), out, "csv")
        assert [r["phase"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == ["bot"] * 7 + ["agent"] * 2
    finally:
        db.close()
