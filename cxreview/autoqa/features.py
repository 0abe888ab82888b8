"""What AutoQA looks at: per conversation, figures a supervisor can read and check.

From the stored signals and phases (frustration, spikes, loops, handover wait, transparency
cues), from the agent's and the bot's own words (acknowledgement, apology, ownership,
questions, length, response times; English and Dutch cues) and from the outcome and CSAT.
Every feature has a label so a prediction can say why in words ("agent turns with an
apology: 40%"). A missing figure (no bot in the conversation, no timestamps) is NaN: the
model fills in the training mean, which makes it count for nothing.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Feature:
    """A named figure with how to show it: ``kind`` is number, share, flag, count or seconds."""

    name: str
    label: str
    kind: str = "number"


def _f(name: str, label: str, kind: str = "number") -> Feature:
    return Feature(name, label, kind)


# From conversation_signals and conversation_phases (stored by `analyze`).
SIGNAL_FEATURES: tuple[Feature, ...] = (
    _f("analysed", "signals analysed", "flag"),
    _f("peak_frustration", "peak customer frustration"),
    _f("mean_frustration", "mean customer frustration"),
    _f("sentiment_start", "customer sentiment at the start"),
    _f("sentiment_end", "customer sentiment at the end"),
    _f("trajectory", "customer sentiment change"),
    _f("n_spikes", "frustration spikes", "count"),
    _f("bot_loop", "bot loop", "flag"),
    _f("stuck_in_bot", "customer stuck in the bot", "flag"),
    _f("handover", "handed over to a person", "flag"),
    _f("handover_latency_turns", "turns waiting for a person", "count"),
    _f("bot_disclosed", "bot said it is a bot", "flag"),
    _f("handover_offered", "bot offered a person", "flag"),
    _f("uncertainty_admitted", "bot admitted what it cannot do", "flag"),
    _f("n_bot_repeats", "bot repeated itself", "count"),
    _f("n_customer_repeats", "customer repeated themselves", "count"),
    _f("n_human_requests", "requests for a person", "count"),
    _f("max_ignored_bot_turns", "bot turns after an ignored request for a person", "count"),
    _f("risk", "risk score"),
    _f("bot_peak_frustration", "peak frustration with the bot"),
    _f("bot_spikes", "frustration spikes with the bot", "count"),
    _f("wait_seconds", "handover wait", "seconds"),
    _f("agent_peak_frustration", "peak frustration with the agent"),
    _f("agent_mean_frustration", "mean frustration with the agent"),
    _f("agent_spikes", "frustration spikes with the agent", "count"),
    _f("arrival_frustration", "frustration when the agent took over"),
    _f("agent_end_frustration", "frustration at the end with the agent"),
    _f("agent_added", "frustration the agent added"),
    _f("agent_recovered", "agent calmed the customer down", "flag"),
    _f("agent_worse", "customer got more frustrated with the agent", "flag"),
)

# What the customer, the agent and the bot wrote.
_TEXT_ROLES = ("agent", "bot")
TEXT_FEATURES: tuple[Feature, ...] = (
    _f("messages", "messages", "count"),
    _f("customer_turns", "customer turns", "count"),
    _f("customer_words", "words per customer turn"),
    _f("customer_questions", "customer turns with a question", "share"),
    _f("customer_exclamations", "customer turns with an exclamation mark", "share"),
    _f("customer_thanks_at_end", "customer thanked at the end", "flag"),
    _f("customer_has_last_word", "customer had the last word", "flag"),
    *(
        feature
        for role in _TEXT_ROLES
        for feature in (
            _f(f"{role}_present", f"{role} took part", "flag"),
            _f(f"{role}_turns", f"{role} turns", "count"),
            _f(f"{role}_words", f"words per {role} turn"),
            _f(f"{role}_acknowledgement", f"{role} turns acknowledging the customer", "share"),
            _f(f"{role}_apology", f"{role} turns with an apology", "share"),
            _f(f"{role}_ownership", f"{role} turns taking ownership", "share"),
            _f(f"{role}_questions", f"{role} turns asking a question", "share"),
            _f(f"{role}_thanks", f"{role} turns thanking the customer", "share"),
            _f(f"{role}_more_help", f"{role} offered more help", "flag"),
            _f(f"{role}_response_seconds", f"median {role} response time", "seconds"),
            _f(f"{role}_slowest_seconds", f"slowest {role} response", "seconds"),
        )
    ),
)

# How the conversation went, turn by turn: the stored per-message sentiment (every message)
# and cues of trouble and of acceptance in the words. Dialogue-level satisfaction follows
# these more than any single peak (measured on rated dialogues: benchmarks/README.md).
TURN_FEATURES: tuple[Feature, ...] = (
    _f("customer_sentiment_mean", "mean customer sentiment"),
    _f("customer_sentiment_min", "most negative customer turn"),
    _f("customer_sentiment_max", "most positive customer turn"),
    _f("customer_positive", "customer turns that were positive", "share"),
    _f("customer_negative", "customer turns that were negative", "share"),
    _f("customer_positive_turns", "positive customer turns", "count"),
    _f("customer_negative_turns", "negative customer turns", "count"),
    _f("reply_sentiment_mean", "mean sentiment of the replies"),
    _f("reply_sentiment_min", "most negative reply"),
    _f("replies_not_understood", "replies that did not understand or could not help", "share"),
    _f("repeated_replies", "replies repeated word for word", "count"),
    _f("customer_accepts", "customer turns accepting or thanking", "share"),
    _f("customer_accepts_at_end", "customer accepted or thanked at the end", "flag"),
    _f("customer_says_no", "customer turns with a no, don't or wrong", "share"),
)

OUTCOME_FEATURES: tuple[Feature, ...] = (
    _f("csat_present", "a CSAT answer", "flag"),
    _f("csat", "CSAT"),
)

FEATURES: tuple[Feature, ...] = SIGNAL_FEATURES + TEXT_FEATURES + TURN_FEATURES + OUTCOME_FEATURES
BY_NAME: dict[str, Feature] = {f.name: f for f in FEATURES}

# Cues in English and Dutch, matched on lower-cased text in one pass per message.
_CUES = {
    "acknowledgement": r"\b(?:i understand|i see\b|got it|understood|i hear you|makes sense|i can imagine|"
    r"that must be|ik begrijp|begrijpelijk|dat snap ik|ik snap|ik kan me voorstellen|vervelend voor)",
    "apology": r"\b(?:sorry|apolog|excuses|spijt|my bad|pardon)",
    "ownership": r"\b(?:i will|i'll|let me|i've|i have (?:checked|sent|updated|arranged|fixed|asked)|"
    r"i can (?:do|arrange|fix|help|check)|i'm going to|ik ga\b|ik zal|ik regel|ik zorg|ik heb (?:het|uw|je|dit)|"
    r"laat me|ik kijk|ik pak|ik stuur)",
    "thanks": r"\b(?:thank|thanks|thx|cheers|bedankt|dank je|dank u|dankjewel|dankuwel|merci)",
    "more_help": r"\b(?:anything else|something else i can|can i help with anything|nog iets|kan ik (?:je|u) "
    r"(?:nog|verder)|nog ergens mee)",
}
_CUE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _CUES.items()))
# A reply that did not understand the customer or could not give what was asked.
_TROUBLE = re.compile(
    r"\b(?:sorry|i don'?t understand|i do not understand|not sure|didn'?t (?:catch|get|understand)|"
    r"could you (?:rephrase|repeat|clarify)|i can'?t|i cannot|unable|no results|couldn'?t find|could not find|"
    r"don'?t know|begrijp (?:het |je |u )?niet|snap (?:het |je |u )?niet|weet ik niet|kan ik niet|helaas|"
    r"niet gevonden|geen resultaten|wat bedoel)"
)
# The customer accepting, thanking or closing contentedly; and the customer saying no.
_CUSTOMER_CUES = {
    "accepts": r"\b(?:thank|thanks|great|perfect|awesome|sounds good|that'?s all|good ?bye|bye|excellent|"
    r"i'?ll (?:watch|check|take|try)|will do|nice|cool\b|love|bedankt|dank|top\b|super\b|prima\b|fijn|geweldig|mooi|"
    r"doei|tot ziens)",
    "says_no": r"^\s*(?:no\b|nope|not really|nah|nee\b|niet echt)|\b(?:don'?t|doesn'?t|didn'?t|wrong|not what|"
    r"klopt niet|verkeerd)\b",
}
_CUSTOMER_CUE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _CUSTOMER_CUES.items()))
# VADER compound beyond this counts as a clearly positive or negative turn.
_CLEAR_SENTIMENT = 0.3


def _time(at: str | None) -> datetime | None:
    if not at:
        return None
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _number(value: Any) -> float:
    return math.nan if value is None else float(value)


def signal_features(row: dict[str, Any]) -> dict[str, float]:
    """The signal and phase figures of one conversation_inputs row (NaN where not analysed)."""
    out = {f.name: _number(row.get(f.name)) for f in SIGNAL_FEATURES}
    out["analysed"] = 0.0 if row.get("analyzed_at") is None else 1.0
    change = row.get("agent_change")
    out["agent_recovered"] = math.nan if change is None else float(change == "recovered")
    out["agent_worse"] = math.nan if change is None else float(change == "worse")
    return out


def outcome_features(row: dict[str, Any]) -> dict[str, float]:
    """CSAT as given (one database has one survey scale; the model standardises it)."""
    csat = row.get("csat")
    return {"csat_present": float(csat is not None), "csat": _number(csat)}


def text_features(messages: Iterable[tuple[int, str, str, str | None]]) -> dict[str, float]:
    """Figures from (position, role, text, at) of one conversation, in order."""
    turns = {"customer": 0, "agent": 0, "bot": 0}
    words = dict.fromkeys(turns, 0)
    cues: dict[str, dict[str, int]] = {role: dict.fromkeys([*_CUES, "questions"], 0) for role in _TEXT_ROLES}
    waits: dict[str, list[float]] = {role: [] for role in _TEXT_ROLES}
    questions = exclamations = accepts = says_no = trouble = 0
    customer_texts: list[str] = []
    replies: set[str] = set()
    repeated = 0
    last_role = ""
    asked_at: datetime | None = None  # the first customer turn not answered yet
    total = 0
    for _position, role, text, at in messages:
        if role not in turns:
            continue  # system lines and internal notes: not part of the exchange
        total += 1
        turns[role] += 1
        words[role] += len(text.split())
        last_role = role
        if role == "customer":
            questions += "?" in text
            exclamations += "!" in text
            customer_texts.append(text)
            cues_of_customer = _customer_cues_in(text)
            accepts += "accepts" in cues_of_customer
            says_no += "says_no" in cues_of_customer
            if asked_at is None:
                asked_at = _time(at)
            continue
        for cue in _cues_in(text):
            cues[role][cue] += 1
        trouble += _trouble(text)
        repeated += text in replies
        replies.add(text)
        cues[role]["questions"] += "?" in text
        if asked_at is not None:
            answered = _time(at)
            if answered is not None and answered >= asked_at:
                waits[role].append((answered - asked_at).total_seconds())
        asked_at = None
    out: dict[str, float] = {
        "messages": float(total),
        "customer_turns": float(turns["customer"]),
        "customer_words": words["customer"] / turns["customer"] if turns["customer"] else math.nan,
        "customer_questions": questions / turns["customer"] if turns["customer"] else math.nan,
        "customer_exclamations": exclamations / turns["customer"] if turns["customer"] else math.nan,
        "customer_thanks_at_end": float(any(_thanks(t) for t in customer_texts[-2:])),
        "customer_has_last_word": float(last_role == "customer"),
        "customer_accepts": accepts / turns["customer"] if turns["customer"] else math.nan,
        "customer_accepts_at_end": float(any("accepts" in _customer_cues_in(t) for t in customer_texts[-2:])),
        "customer_says_no": says_no / turns["customer"] if turns["customer"] else math.nan,
        "replies_not_understood": trouble / (turns["agent"] + turns["bot"])
        if turns["agent"] + turns["bot"]
        else math.nan,
        "repeated_replies": float(repeated),
    }
    for role in _TEXT_ROLES:
        n = turns[role]
        out[f"{role}_present"] = float(n > 0)
        out[f"{role}_turns"] = float(n)
        out[f"{role}_words"] = words[role] / n if n else math.nan
        for cue in ("acknowledgement", "apology", "ownership", "questions", "thanks"):
            out[f"{role}_{cue}"] = cues[role][cue] / n if n else math.nan
        out[f"{role}_more_help"] = float(cues[role]["more_help"] > 0) if n else math.nan
        times = sorted(waits[role])
        out[f"{role}_response_seconds"] = statistics.median(times) if times else math.nan
        out[f"{role}_slowest_seconds"] = times[-1] if times else math.nan
    return out


@lru_cache(maxsize=65536)
def _cues_in(text: str) -> frozenset[str]:
    """The cues of one text; cached, because bot and agent turns repeat templates a lot."""
    return frozenset(m.lastgroup for m in _CUE.finditer(text.lower()) if m.lastgroup)


def _thanks(text: str) -> bool:
    return "thanks" in _cues_in(text)


@lru_cache(maxsize=65536)
def _trouble(text: str) -> bool:
    return _TROUBLE.search(text.lower()) is not None


@lru_cache(maxsize=65536)
def _customer_cues_in(text: str) -> frozenset[str]:
    return frozenset(m.lastgroup for m in _CUSTOMER_CUE.finditer(text.lower()) if m.lastgroup)


def turn_values(
    per_message: str, messages: Sequence[tuple[int, str, str, str | None]]
) -> tuple[list[float], list[float], list[float]]:
    """(the customer's sentiment, the customer's frustration, the replies' sentiment), turn by
    turn in order, from the stored per-message JSON; messages without a value are left out."""
    values = json.loads(per_message)
    customer: list[float] = []
    frustration: list[float] = []
    replies: list[float] = []
    for position, role, _text, _at in messages:
        entry = values[position - 1] if 0 < position <= len(values) else None
        if not entry or entry[0] is None:
            continue
        if role == "customer":
            customer.append(float(entry[0]))
            frustration.append(float(entry[1] or 0.0))
        elif role in _TEXT_ROLES:
            replies.append(float(entry[0]))
    return customer, frustration, replies


def sentiment_features(
    per_message: str | None, messages: Sequence[tuple[int, str, str, str | None]]
) -> dict[str, float]:
    """The customer's and the replies' sentiment over the conversation, from the stored
    per-message values (``per_message``: the JSON of conversation_signals; None when not
    analysed: every figure unknown)."""
    out = dict.fromkeys(_SENTIMENT_NAMES, math.nan)
    if not per_message:
        return out
    customer, _, replies = turn_values(per_message, messages)
    if customer:
        positive = sum(v > _CLEAR_SENTIMENT for v in customer)
        negative = sum(v < -_CLEAR_SENTIMENT for v in customer)
        out.update(
            customer_sentiment_mean=sum(customer) / len(customer),
            customer_sentiment_min=min(customer),
            customer_sentiment_max=max(customer),
            customer_positive=positive / len(customer),
            customer_negative=negative / len(customer),
            customer_positive_turns=float(positive),
            customer_negative_turns=float(negative),
        )
    if replies:
        out.update(reply_sentiment_mean=sum(replies) / len(replies), reply_sentiment_min=min(replies))
    return out


_SENTIMENT_NAMES = tuple(
    f.name
    for f in TURN_FEATURES
    if "sentiment" in f.name or f.name.startswith(("customer_positive", "customer_negative"))
)


def conversation_features(
    row: dict[str, Any], messages: Sequence[tuple[int, str, str, str | None]]
) -> dict[str, float]:
    """Every feature of one conversation, by name (see FEATURES)."""
    return {
        **signal_features(row),
        **text_features(messages),
        **sentiment_features(row.get("per_message"), messages),
        **outcome_features(row),
    }


def shown(name: str, value: float) -> str:
    """A feature's value as a person reads it: 40%, yes, 45 s, 0.82."""
    kind = BY_NAME[name].kind if name in BY_NAME else "flag"
    if math.isnan(value):
        return "unknown"
    if kind == "flag":
        return "yes" if value >= 0.5 else "no"
    if kind == "share":
        return f"{value:.0%}"
    if kind == "count":
        return f"{value:.0f}"
    if kind == "seconds":
        return f"{value / 60:.0f} min" if value >= 120 else f"{value:.0f} s"
    return f"{value:.2f}"


def label(name: str) -> str:
    """The words for a feature; ``outcome=resolved`` reads as "outcome resolved"."""
    if name in BY_NAME:
        return BY_NAME[name].label
    return name.replace("=", " ")
