"""Conversation-level signals from the per-message results: bot loop, stuck in bot,
handover, trajectory, transparency and the risk score used by spotlight sampling."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Any

from cxreview.records import Flag
from cxreview.signals.cycle_loop import cycle_loop
from cxreview.signals.menu_loop import menu_loop
from cxreview.signals.stuck_loop import stuck_loop

if TYPE_CHECKING:
    from cxreview.signals.conversation import ConversationSignals, _State

BAD_OUTCOMES = ("escalated", "abandoned", "unresolved")


def noisy_or(parts: dict[str, float]) -> float:
    """1 - product(1 - p): each cue adds to the score but it never passes 1."""
    remaining = 1.0
    for value in parts.values():
        if value >= 1.0:
            return 1.0
        if value > 0.0:
            remaining *= 1.0 - value
    return 1.0 - remaining


def summarise(state: _State, outcome: str | None, csat: float | None, csat_scale: float | None) -> None:
    """Fill in the conversation-level fields and flags of ``state.result``."""
    result, config = state.result, state.config
    frustration, sentiment, bot_turns = state.frustration, state.sentiment, state.bot_turns
    result.n_customer_messages = len(frustration)
    if frustration:
        result.peak_frustration = round(max(frustration), 4)
        result.mean_frustration = round(statistics.fmean(frustration), 4)
    if sentiment:
        trajectory_cfg = config["trajectory"]
        ends = max(1, int(trajectory_cfg["end_messages"])) if len(sentiment) >= trajectory_cfg["min_messages"] else 1
        head, tail = sentiment[:ends], sentiment[-ends:]
        result.sentiment_start = round(statistics.fmean(head), 4)
        result.sentiment_end = round(statistics.fmean(tail), 4)
        if len(sentiment) >= 2:
            result.trajectory = round(result.sentiment_end - result.sentiment_start, 4)
            threshold = trajectory_cfg["threshold"]
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
        if ms.flags:  # most messages have none
            for flag in ms.flags:
                by_flag.setdefault(flag.flag, []).append(ms.position)
    result.n_spikes = len(by_flag.get("emotion_spike", []))
    loop = _loop(state)
    if loop is not None:
        result.bot_loop = True
        flags.append(Flag("bot_loop", *loop))
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
        start = state.first_request or state.handover_cue
        if result.handover_latency_turns is not None and start is not None:
            # Counted from the request for a person when there was one, else from the bot's
            # "I'll pass you to a colleague": the detail says which.
            turns = result.handover_latency_turns
            latency = f", {turns} message{'s' * (turns != 1)}"
            if result.handover_latency_seconds is not None:
                latency += f" ({result.handover_latency_seconds:.0f} s)"
            since = "the request for a person" if state.first_request is not None else "the handover was announced"
            latency += f" after {since} (message {start[0]})"
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
    _risk(result, config, outcome, csat, csat_scale)


def _loop(state: _State) -> tuple[str, str, list[int]] | None:
    """(rule, detail, positions) of the first loop rule that holds, or None.

    The rules, in order: the bot asks one question again and again while the customer brings
    nothing new (in any wording: repeats of it or of its repeats; two unrelated repeats are
    no loop, nor a question asked again for each new item or topic, as a template "What do
    you like about this movie?" after each "Do you like the movie X?"); the bot gives one
    answer again and again, in any words, while the customer brings nothing it takes up
    (`answer_runs`); the bot fails to understand; the customer has to repeat themselves while still with the bot (kept after a
    handover: the loop happened before it); the bot comes back to the same thing (a repeat,
    an answer again, a failure, a fallback prompt, the same link) while the customer's reply to
    each gets nowhere (`stuck_loop`); the bot shows again options the customer took none of,
    and they take none again (`menu_loop`); two bot turns in a row each repeat a different
    earlier turn while the customer gets nowhere (`cycle_loop`).
    """
    loop_cfg = state.config["loop"]
    ask, again = max(state.ask_runs, key=lambda run: len(run[1]), default=(0, []))
    if again and len(again) >= loop_cfg["bot_repeats"]:
        first = state.bot_positions[ask]
        return "bot repeats", f"the bot repeated itself {len(again)} times, asking message {first} again", again
    given = state.answers.longest
    if len(given) >= loop_cfg["same_answers"]:
        where = ", ".join(str(state.bot_positions[index]) for index in given)
        positions = [state.bot_positions[index] for index in given]
        return "same answer", f"the bot gave the same answer {len(given)} times (messages {where})", positions
    if len(state.bot_failures) >= loop_cfg["bot_failures"]:
        return "bot failures", f"the bot failed to understand {len(state.bot_failures)} times", state.bot_failures
    repeats = state.repeats_with_bot
    if len(repeats) >= loop_cfg["customer_repeats"]:
        return "customer repeats", f"the customer had to repeat {len(repeats)} times to the bot", repeats
    return stuck_loop(state, loop_cfg["stuck_turns"]) or menu_loop(state) or cycle_loop(state)


def csat_top(csat: float, scale: float | None, config: dict[str, Any]) -> float:
    """The top of the survey scale ``csat`` was given on: the config's when set there, else
    the caller's (the scale that holds the largest answer of the conversation's channel), else
    the value's own: a 7 cannot be on a 1..5 scale."""
    return float(config["csat"]["scale"] or scale or csat_scale(csat))


def csat_is_low(csat: float, scale: float | None, config: dict[str, Any]) -> bool:
    """A survey answer in the bottom ``csat.low_share`` of its scale (2 of 5, 4 of 10)."""
    return csat <= config["csat"]["low_share"] * csat_top(csat, scale, config)


def analysis_key(config_hash: str, csat: float | None, scale: float | None, config: dict[str, Any]) -> str:
    """What a conversation's signals were computed under: the config, and for a conversation
    with a csat read on a scale inferred from the data, that scale ("3f2a.../csat10"). When a
    later import changes its channel's scale (a 9 arrives where there were only 1..5), the
    key changes and ``analyze --stale`` finds the conversation."""
    if csat is None or config["csat"]["scale"]:
        return config_hash
    return f"{config_hash}/csat{csat_top(csat, scale, config):g}"


def csat_scale(largest: float) -> float:
    """The usual survey scale that holds ``largest``: 1..5, 0..10 or 0..100."""
    return 5.0 if largest <= 5 else 10.0 if largest <= 10 else 100.0


def _risk(
    result: ConversationSignals,
    config: dict[str, Any],
    outcome: str | None,
    csat: float | None,
    csat_scale: float | None,
) -> None:
    """Risk for spotlight sampling: a noisy-OR of the reasons found, each named."""
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
    if csat is not None and csat_is_low(csat, csat_scale, config):
        parts["low_csat"] = weights["low_csat"]
        reasons.append(f"csat {csat:g} of {csat_top(csat, csat_scale, config):g}")  # names the scale
    if result.bot_disclosed is False:
        parts["no_bot_disclosure"] = weights["no_bot_disclosure"]
        reasons.append("bot did not say it is a bot")
    result.risk = round(noisy_or(parts), 4)
    result.risk_reasons = reasons
