"""Mapped import speed: `--preset` imports against native JSONL of the same conversations.

Usage: python benchmarks/mapping_speed.py [--messages 1000000]

The demo corpus is rewritten into two helpdesk shapes, with the same messages:
- Intercom API objects (source + conversation_parts, author types, epoch times, one internal
  note and one assignment event per conversation, HTML bodies), imported with --preset intercom;
- chatbot events, one JSON event per message (nested sender and message.text, ISO times with
  an offset), imported with --preset chatbot-events (grouping without HTML).
Prints each time, the ratio against native JSONL (target <= 1.5) and the cost of the HTML
conversion alone per message (target < 20 µs), all measured in this run.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from common import WORK, corpus, fresh, machine, run_quiet, timed

_ROLE_TO_INTERCOM = {"customer": "user", "agent": "admin", "bot": "bot", "system": "bot"}


def _epoch(at: str) -> int:
    return int(datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp())


def _html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p)
    return paragraphs or "<p></p>"


def _part(conv_id: str, start: int, i: int, m: dict, part_type: str = "comment", body: str | None = None) -> dict:
    return {
        "type": "conversation_part",
        "id": f"{conv_id}-{i}",
        "part_type": part_type,
        "body": _html(m["text"]) if body is None and part_type == "comment" else body,
        "created_at": _epoch(m["at"]) if m.get("at") else start,
        "author": {"type": _ROLE_TO_INTERCOM[m["role"]], "name": m.get("author") or ""},
    }


def intercom_file(source: Path) -> Path:
    path = source.with_suffix(".intercom.jsonl")
    if path.exists():
        return path
    with source.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            conv = json.loads(line)
            messages = conv["messages"]
            start = _epoch(conv["started_at"])

            parts = [_part(conv["id"], start, i, m) for i, m in enumerate(messages[1:], start=1)]
            parts.insert(len(parts) // 2, _part(conv["id"], start, 0, messages[0], "assignment", None))
            parts.insert(
                len(parts) // 2, _part(conv["id"], start, 0, messages[-1], "note", "<p>internal: checked the order</p>")
            )
            out.write(
                json.dumps(
                    {
                        "type": "conversation",
                        "id": conv["id"],
                        "created_at": start,
                        "state": "closed",
                        "source": {
                            "type": "conversation",
                            "body": _html(messages[0]["text"]),
                            "author": {
                                "type": _ROLE_TO_INTERCOM[messages[0]["role"]],
                                "name": messages[0].get("author") or "",
                            },
                        },
                        "contacts": {"contacts": [{"id": conv.get("customer")}]},
                        "conversation_parts": {"conversation_parts": parts},
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


def events_file(source: Path) -> Path:
    path = source.with_suffix(".events.jsonl")
    if path.exists():
        return path
    with source.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            conv = json.loads(line)
            for m in conv["messages"]:
                event = {
                    "session_id": conv["id"],
                    "type": "message",
                    "timestamp": (m.get("at") or conv["started_at"]).replace("Z", "+00:00"),
                    "sender": {"type": {"customer": "user"}.get(m["role"], m["role"]), "name": m.get("author")},
                    "message": {"text": m["text"]},
                    "channel": conv.get("channel"),
                }
                out.write(json.dumps(event, ensure_ascii=False) + "\n")
    return path


def html_cost(path: Path) -> tuple[int, float]:
    """Seconds per message for html_to_text_many over every HTML body of the Intercom file."""
    from cxreview.ingest.html_text import html_to_text_many

    bodies: list[str] = []
    with path.open(encoding="utf-8") as src:
        for line in src:
            conv = json.loads(line)
            bodies.append(conv["source"]["body"])
            bodies.extend(p["body"] for p in conv["conversation_parts"]["conversation_parts"] if p["body"])
    start = time.perf_counter()
    for chunk in range(0, len(bodies), 50_000):
        html_to_text_many(bodies[chunk : chunk + 50_000])
    return len(bodies), (time.perf_counter() - start) / len(bodies)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args()
    source = corpus(args.messages)
    intercom, events = intercom_file(source), events_file(source)
    n_messages = sum(1 for _ in events.open(encoding="utf-8"))
    cxreview = [sys.executable, "-m", "cxreview"]

    def run(db: str, *extra: str) -> float:
        return timed(
            lambda: run_quiet([*cxreview, "--db", str(fresh(WORK / db)), "import", "-q", "--no-analyze", *extra])
        )

    t_native = run("map-native.db", str(source))
    t_intercom = run("map-intercom.db", str(intercom), "--preset", "intercom")
    t_events = run("map-events.db", str(events), "--preset", "chatbot-events")
    n_bodies, per_body = html_cost(intercom)
    print(f"machine: {machine()}, load average {os.getloadavg()[0]:.1f} at the end (others share the cores)")
    print(f"messages: {n_messages:,}")
    print(f"native JSONL:              {t_native:7.2f} s  ({n_messages / t_native:,.0f} messages/s)")
    print(f"--preset intercom (HTML):  {t_intercom:7.2f} s  ratio {t_intercom / t_native:.2f}  (target <= 1.5)")
    print(f"--preset chatbot-events:   {t_events:7.2f} s  ratio {t_events / t_native:.2f}  (target <= 1.5)")
    print(f"HTML to text: {per_body * 1e6:.1f} µs per body over {n_bodies:,} bodies  (target < 20 µs)")
    # How busy the shared cores were: compare this line between runs (it is pure CPU).
    start = time.perf_counter()
    for _ in range(200_000):
        json.loads('{"a": [1, 2, 3]}')
    print(f"load reference: json.loads of a small object {(time.perf_counter() - start) / 200_000 * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
