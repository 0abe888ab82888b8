"""Per-conversation analysis: frustration per customer turn, flags with evidence, risk.

Pure functions over message features: no database, no processes. Every flag carries the
rule that raised it and a short, human-readable detail naming the messages involved.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz, process  # noqa: F401  (process used for customer repeats)

from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import contrast_prefixes

BAD_OUTCOMES = ("escalated", "abandoned", "unresolved")
_FRUSTRATION_CUES = ("escalation", "profanity", "rejection", "sarcasm", "impatience", "giving_up", "grievance")
_MATCHED_CUES = _FRUSTRATION_CUES + ("repetition",)
_NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "nothing",
        "none",
        "without",
        "cannot",
        "dont",
        "niet",
        "geen",
        "nooit",
        "niks",
        "niets",
        "nergens",
    }
)
# Capitalised words that start sentences, not names.
_NOT_NAMES = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "sorry",
        "thanks",
        "thank",
        "please",
        "ok",
        "okay",
        "great",
        "sure",
        "yes",
        "no",
        "welcome",
        "could",
        "can",
        "what",
        "which",
        "is",
        "i",
        "the",
        "your",
        "you",
        "to",
        "hoi",
        "hallo",
        "dag",
        "bedankt",
        "graag",
        "ja",
        "nee",
        "goedendag",
        "welkom",
        "kun",
        "kan",
        "wat",
        "welk",
        "welke",
        "je",
        "jouw",
        "uw",
        "de",
        "het",
        "om",
        "ik",
    }
)


@dataclass(slots=True)
class Flag:
    flag: str
    rule: str
    detail: str
    positions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class MessageSignals:
    position: int
    sentiment: float
    frustration: float | None
    cues: dict[str, Any]
    flags: list[Flag] = field(default_factory=list)


@dataclass
class ConversationSignals:
    conversation_id: str
    language: str
    messages: list[MessageSignals]
    flags: list[Flag]
    n_customer_messages: int = 0
    peak_frustration: float | None = None
    mean_frustration: float | None = None
    sentiment_start: float | None = None
    sentiment_end: float | None = None
    trajectory: float | None = None
    trajectory_label: str | None = None
    bot_loop: bool = False
    stuck_in_bot: bool = False
    handover: bool = False
    handover_position: int | None = None
    handover_latency_turns: int | None = None
    handover_latency_seconds: float | None = None
    bot_disclosed: bool | None = None
    handover_offered: bool | None = None
    uncertainty_admitted: bool | None = None
    n_spikes: int = 0
    n_bot_repeats: int = 0
    n_customer_repeats: int = 0
    n_human_requests: int = 0
    max_ignored_bot_turns: int = 0
    risk: float = 0.0
    risk_reasons: list[str] = field(default_factory=list)
    language_detected: bool = False  # the import gave none: the store fills it in


def _noisy_or(parts: dict[str, float]) -> float:
    """1 - product(1 - p): each cue adds to the score but it never passes 1."""
    remaining = 1.0
    for value in parts.values():
        if value >= 1.0:
            return 1.0
        if value > 0.0:
            remaining *= 1.0 - value
    return 1.0 - remaining


def _seconds(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    try:
        a = datetime.fromisoformat(start.replace("Z", "+00:00"))
        b = datetime.fromisoformat(end.replace("Z", "+00:00"))
        return (b - a).total_seconds()
    except ValueError:
        return None


def _contrast(a: TextFeatures, b: TextFeatures) -> str | None:
    """Why two near-identical texts are still different messages, or None."""
    only_a, only_b = a.critical - b.critical, b.critical - a.critical
    # A replaced number, date or name ("March 5th" / "March 12th"), or a negation added or
    # dropped ("do" / "do not"), changes the message; a date merely added ("... today?") does not.
    if (only_a and only_b) or any(w in _NEGATIONS or w.endswith("n't") for w in only_a | only_b):
        differing = sorted(only_a | only_b)
        return f"differs in {', '.join(differing[:3])}"
    names = {w for w in a.capitalised ^ b.capitalised if w.lower().split("'")[0] not in _NOT_NAMES}
    if names and not all(w.lower() in a.norm.split() and w.lower() in b.norm.split() for w in names):
        return f"differs in {', '.join(sorted(names)[:3])}"
    words_a, words_b = set(a.norm.split()), set(b.norm.split())
    for word in words_a - words_b:
        for other in words_b - words_a:
            for prefix in contrast_prefixes():
                if word == prefix + other or other == prefix + word:
                    return f"differs in {other} / {word}"
    return None


def analyze(
    conversation_id: str,
    language: str,
    messages: list[tuple[int, str, str | None, TextFeatures]],
    config: dict[str, Any],
    outcome: str | None = None,
    csat: float | None = None,
) -> ConversationSignals:
    """``messages``: (position, role, at, features) in order."""
    weights = config["frustration"]["weights"]
    repeat_cfg, spike_cfg = config["repeat"], config["spike"]
    result = ConversationSignals(conversation_id, language, [], [])
    customer_frustration: list[float] = []
    customer_sentiment: list[float] = []
    customer_words: list[int] = []
    customer_norms: list[str] = []
    customer_positions: list[int] = []
    customer_ids: dict[str, int] = {}
    bot_norms: list[str] = []
    bot_features: list[TextFeatures] = []
    bot_positions: list[int] = []
    last_failure: int | None = None
    bot_failures: list[int] = []
    first_request: tuple[int, str | None] | None = None
    pending_request: int | None = None
    ignored_turns = 0
    bot_turns = 0
    handover_cue: tuple[int, str | None] | None = None

    for position, role, at, f in messages:
        ms = MessageSignals(position, f.sentiment, None, {})
        if role == "customer":
            parts: dict[str, float] = {}
            cues = f.cues
            sarcastic = "sarcasm" in cues
            negativity = -f.sentiment if not sarcastic else abs(f.sentiment)
            if negativity > 0:
                parts["negative_sentiment"] = weights["negative_sentiment"] * min(1.0, 1.5 * negativity)
            if f.caps:
                parts["caps"] = weights["caps"] * f.caps
            if f.exclamation:
                parts["exclamation"] = weights["exclamation"] * f.exclamation
            if f.emphasis:
                parts["emphasis"] = weights["emphasis"]
            if cues:
                for cue in _FRUSTRATION_CUES:
                    if cue in cues:
                        parts[cue] = weights[cue]
            repeat_of = None
            if len(f.norm) >= repeat_cfg["min_chars"] and customer_norms:
                match = process.extractOne(
                    f.norm, customer_norms, scorer=fuzz.ratio, score_cutoff=repeat_cfg["customer_similarity"]
                )
                if match is not None:
                    repeat_of = (customer_positions[match[2]], f"similarity {match[1]:.0f}")
            if repeat_of is None:
                for ident in f.identifiers:
                    if ident in customer_ids:
                        repeat_of = (customer_ids[ident], f"gives {ident} again")
                        break
            if repeat_of is not None:
                result.n_customer_repeats += 1
                ms.flags.append(
                    Flag(
                        "customer_repeat",
                        "near-duplicate" if "similarity" in repeat_of[1] else "repeated identifier",
                        f"repeats message {repeat_of[0]} ({repeat_of[1]})",
                        [repeat_of[0], position],
                    )
                )
            if "repetition" in f.cues or repeat_of is not None:
                parts["repetition"] = weights["repetition"]
            if last_failure is not None:
                parts["after_failure"] = weights["after_failure"]
            if customer_words and f.sentiment <= 0:
                ordered = sorted(customer_words)
                usual = ordered[len(ordered) // 2]
                if usual >= 6 and f.words <= usual * config["frustration"]["curt_ratio"]:
                    parts["curt"] = weights["curt"]
            if "human_request" in f.cues and "declines_human" not in f.cues:
                result.n_human_requests += 1
                parts["human_request"] = weights["human_request"]
                ms.flags.append(
                    Flag("human_request", "phrase", f'asks for a person: "{f.cues["human_request"]}"', [position])
                )
                if first_request is not None:
                    parts["human_request_repeat"] = weights["human_request_repeat"]
                else:
                    first_request = (position, at)
                if not result.handover and pending_request is None:
                    pending_request = position
                    ignored_turns = 0
            frustration = _noisy_or(parts)
            ms.frustration = round(frustration, 4)
            if parts:
                ms.cues = {name: round(value, 3) for name, value in parts.items()}
                for cue in _MATCHED_CUES:
                    if cue in cues:
                        ms.cues[f"{cue}_match"] = cues[cue]
            # Emotion spike: against this customer's own earlier turns, or an absolute peak.
            if frustration >= spike_cfg["absolute"]:
                ms.flags.append(
                    Flag(
                        "emotion_spike",
                        "absolute",
                        f"frustration {frustration:.2f} (>= {spike_cfg['absolute']})",
                        [position],
                    )
                )
            elif customer_frustration:
                earlier = sum(customer_frustration) / len(customer_frustration)
                earlier_sentiment = sum(customer_sentiment) / len(customer_sentiment)
                if frustration - earlier >= spike_cfg["rise"]:
                    ms.flags.append(
                        Flag(
                            "emotion_spike",
                            "rise",
                            f"frustration {frustration:.2f}, up from {earlier:.2f} on earlier turns",
                            [position],
                        )
                    )
                elif earlier_sentiment - f.sentiment >= spike_cfg["sentiment_drop"]:
                    ms.flags.append(
                        Flag(
                            "emotion_spike",
                            "sentiment drop",
                            f"sentiment {f.sentiment:+.2f}, down from {earlier_sentiment:+.2f}",
                            [position],
                        )
                    )
            if frustration >= config["frustration"]["frustrated_at"]:
                # Insights ask which answers customers react to with frustration: a flag in
                # the indexed flag table keeps that a join instead of a scan.
                ms.flags.append(
                    Flag(
                        "frustrated",
                        "threshold",
                        f"frustration {frustration:.2f} (>= {config['frustration']['frustrated_at']})",
                        [position],
                    )
                )
            customer_frustration.append(frustration)
            customer_sentiment.append(-abs(f.sentiment) if sarcastic else f.sentiment)
            customer_words.append(f.words)
            customer_norms.append(f.norm)
            customer_positions.append(position)
            for ident in f.identifiers:
                customer_ids.setdefault(ident, position)
            last_failure = None
        elif role == "bot":
            bot_turns += 1
            if len(f.norm) >= repeat_cfg["min_chars"] and bot_norms:
                for index in _candidates(f, bot_features, repeat_cfg["bot_similarity"]):
                    earlier_text = bot_features[index]
                    if _contrast(f, earlier_text) is None:
                        score = fuzz.ratio(f.norm, earlier_text.norm)
                        result.n_bot_repeats += 1
                        ms.flags.append(
                            Flag(
                                "bot_repeat",
                                "near-duplicate",
                                f"nearly repeats message {bot_positions[index]} (similarity {score:.0f})",
                                [bot_positions[index], position],
                            )
                        )
                        break
            if "failure" in f.cues:
                bot_failures.append(position)
                last_failure = position
            else:
                last_failure = None
            if "disclosure" in f.cues and bot_turns <= 2:
                result.bot_disclosed = True
            if "uncertainty" in f.cues:
                result.uncertainty_admitted = True
            handing = "handover_done" in f.cues
            if "handover_offer" in f.cues or handing:
                result.handover_offered = True
            if handing and handover_cue is None:
                handover_cue = (position, at)
            if pending_request is not None:
                if handing or "handover_offer" in f.cues:
                    pending_request = None
                else:
                    ignored_turns += 1
                    result.max_ignored_bot_turns = max(result.max_ignored_bot_turns, ignored_turns)
                    ms.flags.append(
                        Flag(
                            "ignored_human_request",
                            "bot continues",
                            f"the bot goes on after the request for a person in message {pending_request}"
                            f" ({ignored_turns} bot turn{'s' * (ignored_turns > 1)} so far)",
                            [pending_request, position],
                        )
                    )
            bot_norms.append(f.norm)
            bot_features.append(f)
            bot_positions.append(position)
        elif role == "agent":
            if not result.handover and bot_turns:
                result.handover = True
                result.handover_position = position
                start = first_request or handover_cue
                if start is not None:
                    result.handover_latency_turns = position - start[0]
                    result.handover_latency_seconds = _seconds(start[1], at)
            elif not result.handover:
                result.handover_position = None
            pending_request = None
            last_failure = position if "failure" in f.cues else None
        else:  # system
            if "handover_done" in f.cues and handover_cue is None:
                handover_cue = (position, at)
            if "handover_done" in f.cues:
                pending_request = None
        result.messages.append(ms)

    _summarise(result, customer_frustration, customer_sentiment, bot_turns, bot_failures, config, outcome, csat)
    return result


def _candidates(f: TextFeatures, earlier: list[TextFeatures], cutoff: float) -> list[int]:
    """Earlier texts that nearly repeat ``f``: similar at or above the cutoff, or the same
    words with at most three added on one side ("... help you with today?")."""
    found = []
    words = f.word_set
    length = len(f.norm)
    for index, other in enumerate(earlier):
        # fuzz.ratio cannot reach the cutoff when the lengths differ too much.
        other_length = len(other.norm)
        if 200 * min(length, other_length) / (length + other_length) >= cutoff and fuzz.ratio(
            f.norm, other.norm, score_cutoff=cutoff
        ):
            found.append(index)
            continue
        other_words = other.word_set
        small, large = (words, other_words) if len(words) <= len(other_words) else (other_words, words)
        if len(small) >= 4 and len(large) - len(small) <= 3 and small <= large:
            found.append(index)
    return found


def _summarise(
    result: ConversationSignals,
    frustration: list[float],
    sentiment: list[float],
    bot_turns: int,
    bot_failures: list[int],
    config: dict[str, Any],
    outcome: str | None,
    csat: float | None,
) -> None:
    result.n_customer_messages = len(frustration)
    if frustration:
        result.peak_frustration = round(max(frustration), 4)
        result.mean_frustration = round(statistics.fmean(frustration), 4)
    if sentiment:
        head = sentiment[:2] if len(sentiment) >= 4 else sentiment[:1]
        tail = sentiment[-2:] if len(sentiment) >= 4 else sentiment[-1:]
        result.sentiment_start = round(statistics.fmean(head), 4)
        result.sentiment_end = round(statistics.fmean(tail), 4)
        if len(sentiment) >= 2:
            result.trajectory = round(result.sentiment_end - result.sentiment_start, 4)
            threshold = config["trajectory"]["threshold"]
            result.trajectory_label = (
                "better" if result.trajectory > threshold else "worse" if result.trajectory < -threshold else "flat"
            )
    if bot_turns:
        result.bot_disclosed = bool(result.bot_disclosed)
        result.handover_offered = bool(result.handover_offered)
        result.uncertainty_admitted = bool(result.uncertainty_admitted)
    flags = result.flags
    by_flag: dict[str, list[int]] = {}
    for ms in result.messages:
        for flag in ms.flags:
            by_flag.setdefault(flag.flag, []).append(ms.position)
    result.n_spikes = len(by_flag.get("emotion_spike", []))
    loop_cfg = config["loop"]
    if result.n_bot_repeats >= loop_cfg["bot_repeats"]:
        result.bot_loop = True
        flags.append(
            Flag(
                "bot_loop",
                "bot repeats",
                f"the bot repeated itself {result.n_bot_repeats} times",
                by_flag["bot_repeat"],
            )
        )
    elif len(bot_failures) >= loop_cfg["bot_failures"]:
        result.bot_loop = True
        flags.append(
            Flag("bot_loop", "bot failures", f"the bot failed to understand {len(bot_failures)} times", bot_failures)
        )
    elif result.n_customer_repeats >= loop_cfg["customer_repeats"] and bot_turns and not result.handover:
        result.bot_loop = True
        flags.append(
            Flag(
                "bot_loop",
                "customer repeats",
                f"the customer had to repeat {result.n_customer_repeats} times",
                by_flag["customer_repeat"],
            )
        )
    if result.max_ignored_bot_turns >= config["stuck"]["ignored_bot_turns"]:
        result.stuck_in_bot = True
        flags.append(
            Flag(
                "stuck_in_bot",
                "ignored request",
                f"a request for a person was ignored for {result.max_ignored_bot_turns} bot turns",
                by_flag.get("ignored_human_request", []),
            )
        )
    if result.handover:
        latency = ""
        if result.handover_latency_turns is not None:
            latency = f" {result.handover_latency_turns} messages"
            if result.handover_latency_seconds is not None:
                latency += f" / {result.handover_latency_seconds:.0f} s"
            latency += " after the request"
        flags.append(
            Flag(
                "handover",
                "agent joined",
                f"a person took over at message {result.handover_position}{latency}",
                [result.handover_position or 0],
            )
        )
    for name, value in (
        ("bot_disclosed", result.bot_disclosed),
        ("handover_offered", result.handover_offered),
        ("uncertainty_admitted", result.uncertainty_admitted),
    ):
        if value:
            flags.append(Flag(name, "phrase", name.replace("_", " "), []))
    _risk(result, config, outcome, csat)


def _risk(result: ConversationSignals, config: dict[str, Any], outcome: str | None, csat: float | None) -> None:
    weights = config["risk"]["weights"]
    parts: dict[str, float] = {}
    reasons: list[str] = []
    if result.peak_frustration:
        parts["peak_frustration"] = weights["peak_frustration"] * result.peak_frustration
        if result.peak_frustration >= config["spike"]["absolute"]:
            reasons.append(f"peak frustration {result.peak_frustration:.2f}")
    if result.n_spikes:
        parts["emotion_spike"] = weights["emotion_spike"]
        reasons.append(f"{result.n_spikes} emotion spike{'s' * (result.n_spikes > 1)}")
    if result.bot_loop:
        parts["bot_loop"] = weights["bot_loop"]
        reasons.append("bot loop")
    if result.stuck_in_bot:
        parts["stuck_in_bot"] = weights["stuck_in_bot"]
        reasons.append("stuck in bot")
    elif result.max_ignored_bot_turns:
        parts["ignored_human_request"] = weights["ignored_human_request"]
        reasons.append("request for a person ignored")
    if result.trajectory_label == "worse":
        parts["negative_trajectory"] = weights["negative_trajectory"]
        reasons.append(f"ended worse ({result.trajectory:+.2f})")
    handover_cfg = config["handover"]
    if (result.handover_latency_turns or 0) > handover_cfg["slow_turns"] or (
        result.handover_latency_seconds or 0
    ) > handover_cfg["slow_seconds"]:
        parts["slow_handover"] = weights["slow_handover"]
        reasons.append("slow handover")
    if outcome and outcome.lower() in BAD_OUTCOMES:
        parts["bad_outcome"] = weights["bad_outcome"]
        reasons.append(f"outcome {outcome.lower()}")
    if csat is not None and csat <= 2:
        parts["low_csat"] = weights["low_csat"]
        reasons.append(f"csat {csat:g}")
    if result.bot_disclosed is False:
        parts["no_bot_disclosure"] = weights["no_bot_disclosure"]
        reasons.append("bot did not say it is a bot")
    result.risk = round(_noisy_or(parts), 4)
    result.risk_reasons = reasons
