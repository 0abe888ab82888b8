"""Import and analyse conversations of languages without word lists on a real database: the
stored language, what is read of them (timing, loops, handover) and what is not (their words)."""

from __future__ import annotations

from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights import compute
from cxreview.reports.insights_report import intro, to_json
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from cxreview.store.insights import count_conversations
from cxreview.store.signals import conversation_signals, message_signals
from tests.conftest import conversation


def _turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [
        {
            "role": role,
            "text": text,
            "at": f"2026-03-05T10:{i:02d}:00Z",
            **({"author": "Ana"} if role == "agent" else {}),
        }
        for i, (role, text) in enumerate(pairs)
    ]


ASK_ES = "¿Me puedes dar tu número de pedido? Empieza con NW."
SPANISH = conversation(
    "es-loop",
    language=None,
    messages=_turns(
        ("bot", "Hola, soy el asistente virtual. ¿En qué te puedo ayudar?"),
        ("customer", "Hola, mi pedido no ha llegado y ya pasaron dos semanas"),
        ("bot", ASK_ES),
        ("customer", "NW-1234567"),
        ("bot", ASK_ES),
        ("customer", "ya te lo di!! NW-1234567"),
        ("bot", ASK_ES),
        ("customer", "quiero hablar con una persona por favor, no funciona nada"),
        ("agent", "Hola, soy Ana. Lo siento mucho, reviso tu pedido ahora mismo."),
        ("customer", "gracias"),
    ),
)
# German "die" and "war" are English words of anger: read as English they made a calm
# German message look upset.
GERMAN = conversation(
    "de-calm",
    language=None,
    messages=_turns(
        ("customer", "Hallo, die Lieferung war heute nicht dabei. Können Sie bitte nachsehen?"),
        ("agent", "Hallo, ich sehe nach. Die Sendung kommt morgen, es tut mir leid."),
        ("customer", "Okay, danke für die Info"),
    ),
)
JAPANESE = conversation(
    "ja",
    language=None,
    messages=_turns(
        ("customer", "amazonのfireTVstickが見れない😢😢"),
        ("agent", "こんにちは、アマゾン公式です。どのような状況でしょうか。"),
    ),
)
DUTCH = conversation(
    "nl",
    language=None,
    messages=_turns(
        ("bot", "Hoi! Ik ben Robin, de digitale assistent. Waar kan ik je mee helpen?"),
        ("customer", "mijn pakket is nog steeds niet bezorgd, ik wil een medewerker spreken"),
        ("agent", "Hoi, ik ben Ana. Ik kijk het voor je na."),
    ),
)
SHORT = conversation("short", language=None, messages=_turns(("customer", "ok 👍")))
GIVEN = conversation("given-fr", language="fr", messages=SPANISH["messages"])  # the import's word stands


def _analysed(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    import_files(db, [str(write_jsonl([SPANISH, GERMAN, JAPANESE, DUTCH, SHORT, GIVEN]))])
    analyze_conversations(db, workers=1)


def test_detected_languages_are_stored_and_filter(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    _analysed(db, write_jsonl)
    stored = dict(db.query("SELECT id, language FROM conversations"))
    assert stored == {"es-loop": "es", "de-calm": "de", "ja": "ja", "nl": "nl", "short": "und", "given-fr": "fr"}
    assert conversation_signals(db.conn, "es-loop")["language"] == "es"
    assert count_conversations(db.conn, Filters(languages=["es"])) == 1
    assert count_conversations(db.conn, Filters(languages=["nl"])) == 1  # Spanish is no longer Dutch


def test_a_detected_language_is_detected_again_and_a_given_one_never(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    _analysed(db, write_jsonl)
    assert dict(db.query("SELECT id, language_detected FROM conversations")) == {
        "es-loop": 1,
        "de-calm": 1,
        "ja": 1,
        "nl": 1,
        "short": 1,
        "given-fr": 0,
    }
    # What an older detector stored (Spanish as Dutch) is corrected by the next analysis; a
    # language the import gave stays, even where the detector would say otherwise.
    with db.transaction() as conn:
        conn.execute("UPDATE conversations SET language = 'nl' WHERE id IN ('es-loop', 'given-fr')")
    analyze_conversations(db, workers=1)
    stored = dict(db.query("SELECT id, language FROM conversations"))
    assert stored["es-loop"] == "es" and stored["given-fr"] == "nl"
    assert conversation_signals(db.conn, "es-loop")["language"] == "es"
    # A changed conversation imported again with a language of its own: that one is given.
    changed = {
        **SPANISH,
        "language": "es-MX",
        "messages": [*SPANISH["messages"], {"role": "customer", "text": "Gracias."}],
    }
    import_files(db, [str(write_jsonl([changed], name="again.jsonl"))])
    analyze_conversations(db, workers=1)
    assert tuple(db.query("SELECT language, language_detected FROM conversations WHERE id = 'es-loop'")[0]) == (
        "es-mx",
        0,
    )


def test_the_words_of_a_language_without_word_lists_are_not_read(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    _analysed(db, write_jsonl)
    spanish = conversation_signals(db.conn, "es-loop")
    # What needs no words is read as usual: the bot asked the same question three times, and
    # an agent took over from the bot.
    assert spanish["bot_loop"] == 1 and spanish["handover"] == 1
    # A request said in Spanish words is not found (the English rules would not find it either,
    # and now say so); what only words say of the bot is not known rather than "no".
    assert spanish["n_human_requests"] == 0
    assert spanish["bot_disclosed"] is None and spanish["handover_offered"] is None
    # A value typed again after the bot asked again is a repeat in any language, and the !!
    # burst still counts: that message is frustrated.
    again = message_signals(db.conn, "es-loop")[6]
    assert "customer_repeat" in [f["flag"] for f in again["flags"]] and again["frustration"] > 0.4
    assert "exclamation" in again["cues"]
    german = message_signals(db.conn, "de-calm")
    for position in (1, 3):
        assert "negative_sentiment" not in (german[position]["cues"] or {}), german[position]
        assert german[position]["frustration"] < 0.15
    # The emoji of a Japanese message are read: 😢 is sad in any language.
    assert "negative_sentiment" in message_signals(db.conn, "ja")[1]["cues"]


def test_english_dutch_and_undetermined_are_read_with_word_lists(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    _analysed(db, write_jsonl)
    assert conversation_signals(db.conn, "nl")["n_human_requests"] == 1  # "ik wil een medewerker spreken"
    assert conversation_signals(db.conn, "nl")["bot_disclosed"] == 1
    assert conversation_signals(db.conn, "short")["language"] == "und"


def test_reports_say_which_languages_were_not_read(db: Database, write_jsonl) -> None:  # type: ignore[no-untyped-def]
    _analysed(db, write_jsonl)
    insights = compute(db, Filters())
    assert insights.languages == {"de": 1, "es": 1, "fr": 1, "ja": 1, "nl": 1, "und": 1}
    text = intro(insights)
    assert "4 conversations are in a language without word lists (de 1, es 1, fr 1, ja 1)" in text
    assert "1 is of a language not determined" in text
    assert '"languages"' in to_json(insights)
    only_dutch = compute(db, Filters(languages=["nl"]))
    assert "word lists" not in intro(only_dutch)
