"""A deterministic, seeded generator of realistic bot-plus-human support conversations.

Each conversation follows one of several scenarios (warm resolution, cold but correct,
calm turning angry, bot loop, ignored request for a person, ...) in English or Dutch,
with details (orders, amounts, dates, PII-like strings) drawn from a seeded RNG.
The same seed and size always give the same corpus.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from cxreview.demo import phrases_en, phrases_nl

AGENTS = [
    "Sanne de Vries",
    "Mark Jansen",
    "Priya Patel",
    "Tom Bakker",
    "Lotte Visser",
    "James O'Connor",
    "Fatima El Amrani",
    "Daan Smit",
    "Emily Carter",
    "Jeroen Mulder",
    "Aisha Okafor",
    "Ruben Peters",
]
QUEUES = ["billing", "delivery", "technical support", "cancellations"]
QUEUE_KEY = {
    "billing": "billing",
    "delivery": "delivery",
    "technical support": "tech",
    "cancellations": "cancel",
}
CHANNELS = [("chat", 0.55), ("whatsapp", 0.3), ("messenger", 0.15)]
FIRST_NAMES_EN = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Grace", "Jack", "Chloe", "Ryan"]
FIRST_NAMES_NL = ["Anouk", "Bram", "Eva", "Jesse", "Fleur", "Thijs", "Sophie", "Lars", "Noor", "Sem", "Iris", "Milan"]
LAST_NAMES = [
    "Smith",
    "de Boer",
    "Brown",
    "Hendriks",
    "Wilson",
    "van Dijk",
    "Taylor",
    "Meijer",
    "Khan",
    "Bos",
    "Murphy",
    "Vos",
]
SCENARIOS = [
    ("warm_resolution", 0.22),
    ("cold_correct", 0.14),
    ("calm_to_angry", 0.12),
    ("bot_loop", 0.12),
    ("ignored_human", 0.12),
    ("bot_resolved", 0.16),
    ("quick_handover", 0.08),
    ("polite_furious", 0.04),
]
EPOCH = datetime(2026, 9, 1, tzinfo=timezone.utc)
SPAN_DAYS = 80
DEFAULT_SEED = 20261126


def _pick_weighted(rng: random.Random, options: list[tuple[str, float]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


class _Builder:
    """Appends messages with plausible gaps; fills {slots} from the conversation's details."""

    def __init__(self, rng: random.Random, lang: str, start: datetime, slots: dict[str, str]) -> None:
        self.rng = rng
        self.phrases = phrases_nl.PHRASES if lang == "nl" else phrases_en.PHRASES
        self.clock = start
        self.slots = slots
        self.messages: list[dict[str, Any]] = []
        self.agent_name: str | None = None

    def _text(self, key: str, choice: int | None = None) -> str:
        pool = self.phrases[key]
        template = pool[choice % len(pool)] if choice is not None else self.rng.choice(pool)
        return template.format(**self.slots)

    def _add(self, role: str, text: str, author: str | None, gap: tuple[float, float]) -> None:
        self.clock += timedelta(seconds=round(self.rng.uniform(*gap)))
        message: dict[str, Any] = {"role": role, "text": text, "at": self.clock.strftime("%Y-%m-%dT%H:%M:%SZ")}
        if author:
            message["author"] = author
        self.messages.append(message)

    def bot(self, key: str, choice: int | None = None) -> None:
        self._add("bot", self._text(key, choice), "Robin", (1, 4))

    def customer(self, key: str, text: str | None = None) -> None:
        self._add("customer", text if text is not None else self._text(key), self.slots["customer"], (8, 75))

    def agent(self, key: str) -> None:
        self._add("agent", self._text(key), self.agent_name, (20, 110))

    def system(self, key: str) -> None:
        self._add("system", self._text(key), None, (0, 2))

    def wait(self, low: float, high: float) -> None:
        self.clock += timedelta(seconds=round(self.rng.uniform(low, high)))


def _details(rng: random.Random, lang: str, customer: dict[str, str], start: datetime) -> dict[str, str]:
    delivery_day = start + timedelta(days=rng.randint(1, 4))
    amount = rng.choice([19.99, 24.5, 34.95, 49.0, 59.99, 89.0, 129.95, 249.0])
    amount_text = f"€{amount:.2f}".replace(".", ",") if lang == "nl" else f"€{amount:.2f}"
    date_text = delivery_day.strftime("%d-%m-%Y") if lang == "nl" else delivery_day.strftime("%B %-d")
    return {
        "order": f"NW-{rng.randint(1000000, 9999999)}",
        "amount": amount_text,
        "date": date_text,
        "wait": str(rng.randint(2, 9)),
        "customer": customer["first"],
        "email": customer["email"],
        "phone": customer["phone"],
        "custno": customer["custno"],
        "agent": "",
        "queue": "",
        "prev_day": "",
        "topic": "",
    }


def _make_customer(rng: random.Random, number: int, lang: str) -> dict[str, str]:
    first = rng.choice(FIRST_NAMES_NL if lang == "nl" else FIRST_NAMES_EN)
    last = rng.choice(LAST_NAMES)
    domain = rng.choice(["example.com", "mail.example", "example.nl", "inbox.example"])
    if lang == "nl" or rng.random() < 0.3:
        phone = f"06-{rng.randint(10000000, 99999999)}"
    else:
        phone = f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    return {
        "id": f"C{number:06d}",
        "first": first,
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower().replace(' ', '')}{rng.randint(1, 99)}@{domain}",
        "phone": phone,
        "custno": str(rng.randint(10000000, 99999999)),
        "iban": _iban(rng.randint(10, 99), f"ABNA0{rng.randint(100000000, 999999999)}"),
        "lang": lang,
    }


def _iban(_drawn: int, bban: str) -> str:
    """A Dutch IBAN with valid check digits (ISO 13616 mod 97), so the demo shows masking
    work (the masker only masks valid IBANs). The two digits drawn before are ignored, not
    left undrawn: the rest of the corpus stays the same for the same seed."""
    digits = "".join(str(int(char, 36)) for char in f"{bban}NL00")
    return f"NL{98 - int(digits) % 97:02d}{bban}"


def generate(size: int = 300, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """Yield ``size`` conversations in the native JSONL shape, in time order."""
    rng = random.Random(seed)
    customers: list[dict[str, str]] = []
    recent: list[tuple[dict[str, str], datetime, str, str]] = []
    # Opening hours 08:00-21:30 UTC over SPAN_DAYS days.
    starts = sorted(
        EPOCH + timedelta(days=rng.randrange(SPAN_DAYS), seconds=rng.uniform(8 * 3600, 21.5 * 3600))
        for _ in range(size)
    )
    for index, start in enumerate(starts):
        start = start.replace(microsecond=0)
        follow_up = None
        # About one conversation in nine is the same customer coming back within days.
        candidates = [r for r in recent[-40:] if timedelta(hours=6) < start - r[1] < timedelta(days=6)]
        if candidates and rng.random() < 0.12:
            follow_up = rng.choice(candidates)
            customer, queue = follow_up[0], follow_up[2]
            lang = customer["lang"]
        else:
            lang = "nl" if rng.random() < 0.4 else "en"
            if customers and rng.random() < 0.15:
                customer = rng.choice([c for c in customers if c["lang"] == lang] or customers)
                lang = customer["lang"]
            else:
                customer = _make_customer(rng, len(customers) + 1, lang)
                customers.append(customer)
            queue = rng.choices(QUEUES, weights=[0.3, 0.32, 0.24, 0.14])[0]
        conversation = _conversation(rng, index, start, lang, customer, queue, follow_up)
        recent.append((customer, start, queue, conversation["outcome"]))
        yield conversation


def _conversation(
    rng: random.Random,
    index: int,
    start: datetime,
    lang: str,
    customer: dict[str, str],
    queue: str,
    follow_up: tuple | None,
) -> dict[str, Any]:
    scenario = _pick_weighted(rng, SCENARIOS)
    slots = _details(rng, lang, customer, start)
    agent = rng.choice(AGENTS)
    slots["agent"] = agent.split()[0]
    slots["queue"] = queue
    b = _Builder(rng, lang, start, slots)
    b.agent_name = agent
    phrases = phrases_nl if lang == "nl" else phrases_en
    disclosed = rng.random() < 0.75
    b.bot("bot_greet_disclosed" if disclosed else "bot_greet_plain")
    if follow_up is not None:
        slots["prev_day"] = follow_up[1].strftime("%d-%m" if lang == "nl" else "%A %-d %B")
        slots["topic"] = phrases.TOPICS[queue]
        b.customer("customer_followup")
    else:
        b.customer(f"open_{QUEUE_KEY[queue]}")
    if rng.random() < 0.15:  # some customers share more than needed
        b.customer("", f"{'mijn IBAN is' if lang == 'nl' else 'my IBAN is'} {customer['iban']}")
    outcome, csat_range, handled_by_agent = _SCENARIO_FUNCS[scenario](b, rng, queue)
    agent_name: str | None = agent if handled_by_agent else None
    csat = rng.randint(*csat_range) if rng.random() < 0.6 else None
    channel = _pick_weighted(rng, CHANNELS)
    return {
        "id": f"{'NL' if lang == 'nl' else 'EN'}-{index + 1:05d}",
        "started_at": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "channel": channel,
        "queue": queue,
        "language": lang,
        "agent": agent_name,
        "customer": customer["id"],
        "outcome": outcome,
        "csat": csat,
        "tags": [scenario] + (["repeat_contact"] if follow_up else []),
        "messages": b.messages,
        "customer_name": customer["name"],
    }


def _handover(b: _Builder, rng: random.Random, queue: str) -> None:
    b.bot("bot_handover")
    b.system("system_transfer")
    b.wait(30, 400)


def _scenario_warm(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    b.bot("bot_ask_order" if queue in ("delivery", "billing") else "bot_ask_account")
    b.customer("give_order" if queue in ("delivery", "billing") else "give_account")
    if rng.random() < 0.5:
        b.bot("bot_uncertain")
    _handover(b, rng, queue)
    b.agent("agent_greet_warm")
    b.agent("agent_empathy")
    b.agent(f"agent_fix_{QUEUE_KEY[queue]}")
    if queue == "technical support":
        b.customer("customer_works")
    b.customer("customer_thanks")
    b.agent("agent_anything_else")
    b.customer("customer_ok")
    b.agent("agent_bye_warm")
    return "resolved", (4, 5), True


def _scenario_cold(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    _handover(b, rng, queue)
    b.agent("agent_greet_cold")
    b.customer("give_order")
    b.agent("agent_cold_fix")
    b.customer("customer_ok")
    b.agent("agent_bye_cold")
    return "resolved", (2, 4), True


def _scenario_angry(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    b.bot("bot_ask_order")
    b.customer("give_order")
    _handover(b, rng, queue)
    b.agent("agent_greet_cold")
    b.customer("give_order")
    b.agent("agent_bad_answer")
    b.customer("customer_angry")
    if rng.random() < 0.5:
        b.agent("agent_bad_answer")
        b.customer("customer_escalate")
        b.agent("agent_bye_cold")
        return "escalated", (1, 2), True
    b.agent("agent_deescalate")
    b.agent(f"agent_fix_{QUEUE_KEY[queue]}")
    b.customer("customer_ok")
    return "resolved", (2, 4), True


def _scenario_loop(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    b.bot("bot_ask_order", 0)
    b.customer("give_order")
    b.bot("bot_not_understood")
    b.customer("rephrase")
    b.bot("bot_repeat_order", rng.randint(0, 2))
    b.customer("rephrase")
    b.bot("bot_repeat_order", rng.randint(0, 2))
    if rng.random() < 0.5:
        b.customer("customer_leaves")
        b.system("system_closed")
        return "abandoned", (1, 2), False
    b.customer("human_direct")
    _handover(b, rng, queue)
    b.agent("agent_greet_warm")
    b.agent(f"agent_fix_{QUEUE_KEY[queue]}")
    b.customer("customer_thanks")
    return "resolved", (2, 4), True


def _scenario_ignored(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    b.customer("human_direct" if rng.random() < 0.6 else "human_indirect")
    b.bot("bot_menu")
    b.customer("human_repeat")
    b.bot("bot_ask_order")
    if rng.random() < 0.4:
        b.customer("human_repeat")
        b.bot("bot_not_understood")
        b.customer("customer_leaves")
        b.system("system_closed")
        return "abandoned", (1, 1), False
    b.customer("customer_angry")
    _handover(b, rng, queue)
    b.agent("agent_greet_warm" if rng.random() < 0.6 else "agent_greet_cold")
    b.agent(f"agent_fix_{QUEUE_KEY[queue]}")
    b.customer("customer_ok")
    return ("resolved" if rng.random() < 0.7 else "unresolved"), (1, 3), True


def _scenario_bot_resolved(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    b.bot("bot_ask_order" if queue in ("delivery", "billing") else "bot_ask_account")
    b.customer("give_order" if queue in ("delivery", "billing") else "give_account")
    b.bot(f"bot_resolved_{QUEUE_KEY[queue]}")
    b.bot("bot_anything_else")
    b.customer("customer_thanks" if rng.random() < 0.7 else "customer_ok")
    b.bot("bot_bye")
    return "resolved", (3, 5), False


def _scenario_quick_handover(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    b.customer("human_direct")
    b.bot("bot_offer_handover")
    b.customer("customer_ok")
    _handover(b, rng, queue)
    b.agent("agent_greet_warm")
    b.agent(f"agent_fix_{QUEUE_KEY[queue]}")
    b.customer("customer_thanks")
    b.agent("agent_bye_warm")
    return "resolved", (4, 5), True


def _scenario_polite_furious(b: _Builder, rng: random.Random, queue: str) -> tuple[str, tuple[int, int], bool]:
    _handover(b, rng, queue)
    b.agent("agent_greet_cold")
    b.customer("customer_polite_furious")
    b.agent("agent_bad_answer")
    b.customer("customer_sarcasm")
    b.agent("agent_cold_fix")
    b.customer("customer_leaves")
    return "unresolved", (1, 2), True


_SCENARIO_FUNCS = {
    "warm_resolution": _scenario_warm,
    "cold_correct": _scenario_cold,
    "calm_to_angry": _scenario_angry,
    "bot_loop": _scenario_loop,
    "ignored_human": _scenario_ignored,
    "bot_resolved": _scenario_bot_resolved,
    "quick_handover": _scenario_quick_handover,
    "polite_furious": _scenario_polite_furious,
}


def write_jsonl(path: Path, size: int, seed: int = DEFAULT_SEED) -> int:
    """Write a corpus to ``path`` (gzip when it ends in .gz); return the message count."""
    opener = gzip.open if path.suffix == ".gz" else open
    messages = 0
    with opener(path, "wt", encoding="utf-8") as out:  # type: ignore[operator]
        for conversation in generate(size, seed):
            messages += len(conversation["messages"])
            out.write(json.dumps(conversation, ensure_ascii=False) + "\n")
    return messages
