"""Flag details and cue evidence name values by their kind and quote the customer's words
without the values in them: what import and analysis store is what screens, reports and
exports show (issue 12, audit defect 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from cxreview.cli import cli
from cxreview.signals.evidence import quoted, value_kind
from cxreview.store import open_database

_CHAT = {
    "id": "pii-1",
    "language": "en",
    "agent": "Ruben",
    "customer": "c1",
    "started_at": "2026-09-01T08:25:00Z",
    "messages": [
        {"role": "bot", "text": "Hi, I'm the assistant bot. What is your phone number?"},
        {"role": "customer", "text": "You can reach me on 06 12345678"},
        {"role": "bot", "text": "Sorry, what is your phone number?"},
        {"role": "customer", "text": "I told you, reach me on +31 6 12345678"},
        {"role": "bot", "text": "What is your name?"},
        {"role": "customer", "text": "I said Jansen, not Janssen"},
        {"role": "bot", "text": "Can you confirm your number +44 7911 123456?"},
        {"role": "customer", "text": "No, I said +44 7911 654321, not that one"},
        {"role": "agent", "text": "Hi, I am Ruben. Sorry about that, let me help."},
    ],
}
_NL = {
    "id": "pii-2",
    "language": "nl",
    "customer": "c2",
    "messages": [
        {"role": "bot", "text": "Wat is je IBAN?"},
        {"role": "customer", "text": "NL91ABNA0417164300"},
        {"role": "bot", "text": "Klopt het dat je IBAN NL02RABO0123456789 is?"},
        {"role": "customer", "text": "ik zei NL91ABNA0417164300, niet die andere"},
    ],
}
# Digits of the personal values above: none may be in any stored evidence.
_VALUES = re.compile(r"12345678|654321|7911|\+44|\+31|0417164300|NL91|ABNA|Jansen|Janssen")


def test_quoted_leaves_values_out_and_keeps_the_words() -> None:
    assert quoted("I said +44 000 000, not") == "I said …, not"
    assert quoted("ik zei NL91ABNA000, niet") == "ik zei …, niet"
    assert quoted("I said Jansen, not") == "I said …, not"
    assert quoted("That's not what I asked. You're not listening") == "That's not what I asked. You're not listening"
    assert quoted("Great service. Really great.") == "Great service. Really great."
    assert quoted("I already told you") == "I already told you"
    assert quoted("mail me at ana@example.com or call 06 000") == "mail me at … or call …"


def test_a_repeated_value_is_named_by_its_kind() -> None:
    assert value_kind("you can reach me on 06 12345678", "12345678") == "phone number"
    assert value_kind("my order number is ac20419877", "ac20419877") == "order number"
    assert value_kind("mijn bestelnummer is 20419877", "20419877") == "order number"
    assert value_kind("it is 20419877", "20419877") == "number"
    assert value_kind("44 7911 123456", "123456") == "phone number"


def test_stored_evidence_has_no_personal_values(tmp_path: Path) -> None:
    source, db = tmp_path / "chats.jsonl", tmp_path / "x.db"
    source.write_text("".join(json.dumps(c) + "\n" for c in (_CHAT, _NL)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db), "import", "-q", str(source)])
    assert result.exit_code == 0, result.output
    with open_database(db) as store:
        details = [r[0] for r in store.query("SELECT detail FROM message_flags")]
        details += [r[0] for r in store.query("SELECT detail FROM conversation_flags")]
        cues = [r[0] for r in store.query("SELECT per_message FROM conversation_signals")]
    assert "repeats message 2 (gives the same phone number again)" in details
    assert 'says they already said it: "I said …, not"' in details
    leaks = [text for text in details + cues if _VALUES.search(text)]
    assert leaks == []
    matches = [
        v for row in cues for m in json.loads(row) if m and m[2] for k, v in m[2].items() if k.endswith("_match")
    ]
    assert "I said …, not" in matches
