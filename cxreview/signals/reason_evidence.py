"""A customer message's reasons with their evidence, and the flags that name them.

The evidence of the reasons no cue of the message matched: which words are negative, which
negations counted, what was shouted, which earlier message a reason of the conversation
refers to. Computed after the score, and only for the reasons a message has (most messages
have none of these), so a supervisor can check every reason against the message; the
emotion-spike and frustrated flags quote it (`reasons.reasons_in_words`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from cxreview.records import Flag, MessageSignals
from cxreview.signals.evidence import quoted
from cxreview.signals.features import TextFeatures
from cxreview.signals.frustration import counted_negations
from cxreview.signals.reasons import AT, MATCH, WORD_CHAR, with_evidence
from cxreview.signals.sentiment import as_written

if TYPE_CHECKING:  # only for type checking: conversation imports this module
    from cxreview.signals.conversation import _State

_SHOUTS = ("caps", "emphasis")


def add_evidence(
    state: _State,
    shown: dict[str, Any],
    f: TextFeatures,
    repeated: tuple[int, str] | None,
    again: bool,
    asks_person: bool,
) -> None:
    """Add to ``shown`` (a customer message's reasons with their pushes) the evidence of each
    reason it has: "negative_sentiment_match": "terrible, not happy", "negations_match":
    "never", "caps_match": "WHY IS MY ORDER", "exclamation_match": "!!!"; the earlier
    message a reason of the conversation refers to ("after_failure_at": 3, the message
    ``repeated``, the first request for a person when this one asks ``again``) and the words
    it quotes (the bot's failed answer, the request for a person)."""
    # Each reason is looked up in ``shown``: most messages have one or two of them.
    if "negative_sentiment" in shown and f.negative:
        found = _unique([w for w in (_as_written(words, f.norm) for words in f.negative) if w])
        if found:
            shown["negative_sentiment" + MATCH] = ", ".join(found)
    if "negations" in shown:
        found = _unique(counted_negations(f))
        if found:
            shown["negations" + MATCH] = ", ".join(found)
    if "public_problem" in shown and f.cues.get("problem"):  # the problem told, as the cue found it
        shown["public_problem" + MATCH] = f.cues["problem"]
    if f.shouted:
        for name in _SHOUTS:
            if name in shown:
                shown[name + MATCH] = f.shouted
    if "curt" in shown and f.norm:  # the short reply itself
        shown["curt" + MATCH] = quoted(f.norm)
    if f.bursts and "exclamation" in shown:
        shown["exclamation" + MATCH] = f.bursts
    if "after_failure" in shown and state.last_failure is not None:
        shown["after_failure" + AT] = state.last_failure
        said = _failure_words(state)
        if said:
            shown["after_failure" + MATCH] = _quoted_line(said)
    if "after_bot_repeat" in shown and state.last_reply:
        shown["after_bot_repeat" + AT] = state.last_reply[0]
    if "repeats_self" in shown and repeated:
        shown["repeats_self" + AT] = repeated[0]
    if again and state.first_request and "human_request_repeat" in shown:
        shown["human_request_repeat" + AT] = state.first_request[0]
    if asks_person and "human_request" in shown and f.cues.get("human_request"):
        shown["human_request" + MATCH] = _quoted_line(f.cues["human_request"])


def _failure_words(state: _State) -> str | None:
    """The words of the bot's failed answer just before ("I didn't understand"), when a bot
    gave it (an agent's is named by its message alone)."""
    if state.last_failure is None or state.last_failure not in state.bot_positions:
        return None
    cues = state.bot_features[state.bot_positions.index(state.last_failure)].cues
    return cues.get("failure") or cues.get("bad_news")


def spike_and_frustrated(state: _State, ms: MessageSignals, frustration: float, sentiment: float) -> None:
    """Emotion spike: against this customer's own earlier turns, or an absolute peak."""
    spike_cfg, position = state.config["spike"], ms.position
    frustrated_at = state.config["frustration"]["frustrated_at"]
    # Worded once for both flags, and only for the messages that have one.
    reasons = _why(ms) if frustration >= min(frustrated_at, spike_cfg["absolute"]) else []
    if frustration >= spike_cfg["absolute"]:
        ms.flags.append(
            Flag(
                "emotion_spike",
                "absolute",
                f"frustration {frustration:.2f} (>= {spike_cfg['absolute']}): {', '.join(reasons)}",
                [position],
            )
        )
    elif state.frustration:
        earlier = sum(state.frustration) / len(state.frustration)
        earlier_sentiment = sum(state.sentiment) / len(state.sentiment)
        if frustration - earlier >= spike_cfg["rise"]:
            ms.flags.append(
                Flag(
                    "emotion_spike",
                    "rise",
                    f"frustration {frustration:.2f}, up from {earlier:.2f} on earlier turns",
                    [position],
                )
            )
        elif earlier_sentiment - sentiment >= spike_cfg["sentiment_drop"]:
            ms.flags.append(
                Flag(
                    "emotion_spike",
                    "sentiment drop",
                    f"sentiment {sentiment:+.2f}, down from {earlier_sentiment:+.2f}",
                    [position],
                )
            )
    if frustration >= frustrated_at:
        why = f": {', '.join(reasons)}" if reasons else ""
        # Insights ask which answers customers react to with frustration: a flag in the
        # indexed flag table keeps that a join instead of a scan.
        ms.flags.append(
            Flag("frustrated", "threshold", f"frustration {frustration:.2f} (>= {frustrated_at}){why}", [position])
        )


def _why(ms: MessageSignals) -> list[str]:
    """The message's top reasons in words, each with its evidence (as the review screen and
    the message export word them)."""
    return with_evidence(ms.reasons, ms.cues) if ms.reasons else []


def _as_written(words: str, norm: str) -> str | None:
    """Negative ``words`` as the customer wrote them; an emoji ("😡") as it is."""
    return words if WORD_CHAR.search(words) is None else as_written(words, norm)


def _unique(found: list[str]) -> list[str]:
    return list(dict.fromkeys(found))


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _quoted_line(words: str) -> str:
    """``words`` on one line, without values (`evidence.quoted`); remembered: a bot's failed
    answer is a template said in many conversations."""
    return quoted(_SPACES.sub(" ", words).strip())
