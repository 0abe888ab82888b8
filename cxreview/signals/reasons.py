"""The words a supervisor sees for each frustration feature among a message's reasons.

Apart from the model (`frustration.py`) so the review screen can word stored reasons without
loading the signal pipeline (lexicons, YAML, VADER) on its start path.

A message's stored cues are the features that pushed its frustration up, each with its push
("no_to_question": 0.44), and the evidence of each: the words that matched ("sarcasm_match":
"Great service. Really great."; also the negative words, the negation words, the shouted
words, the !! bursts) and, for a reason read in the conversation, the message it refers to
("after_failure_at": 3). `reasons_in_words` words them the same way for the review screen,
the flag details and the message export: every reason with its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# Every feature of the frustration model, with the words a supervisor sees when it is among a message's reasons.
REASONS: dict[str, str] = {
    "negative_sentiment": "negative words",
    "positive_sentiment": "positive words",
    "caps": "shouting in capitals",
    "emphasis": "a shouted word",
    "exclamation": "!! or ?! bursts",
    "escalation": "threatens to escalate or cancel",
    "profanity": "swearing or insults",
    "rejection": "rejects the answer",
    "not_listening": "says the answer missed what they asked",
    "rejection_unprompted": "says something is wrong",
    "sarcasm": "sarcasm",
    "impatience": "impatience",
    "giving_up": "gives up",
    "grievance": "a grievance",
    "repetition": "says they already said it",
    "insistence": "says the same thing three times",
    "negative_answer": "says no",
    "confusion": "is lost or confused",
    "waiting": "complains about waiting",
    "broken_promise": "says a promise was not kept",
    "rhetorical": "a rhetorical question",
    "relief": "relieved at last, after a struggle",
    "emoji": "angry or sad emoji",
    "correction": "corrects the answer or asks to look again",
    "problem": "reports a problem",
    "public_problem": "reports a problem in a public post",
    "complaint_words": "words typical of complaints",
    "duration": "says how long it has taken",
    "exasperation": "an exasperated ugh, sigh or #fail-style hashtag",
    "demand": "demands a fix or an answer",
    "contempt": "contempt for the company or its service",
    "incredulous": "asks in disbelief",
    "protest": "left or cancelled in protest",
    "paid_for": "pays for what they do not get",
    "why_question": "asks why",
    "negations": "negations",
    "question": "asks a question",
    "short": "a very short reply",
    "long_post": "a long public post",
    "after_failure": "after a failed bot or agent answer",
    "after_bot_repeat": "after the bot repeated itself",
    "after_question": "answers a question",
    "no_to_question": "says no to what was asked or proposed",
    "no_to_confirmation": "says the bot got the details wrong",
    "repeats_self": "repeats an earlier message",
    "no_again": "says no again",
    "curt": "much shorter than usual",
    "human_request": "asks for a person",
    "human_request_repeat": "asks for a person again",
    "frustrated_before": "frustrated in their previous message",
}

# Reasons read in their setting, not features of the model: a "no" or "I don't think ..." to
# a question that asked openly ("What can I do for you?", "Anything I can help with?") is an
# answer, not a "no" to what was proposed (`frustration.explain`).
OPEN_NO = "no_to_open_question"
# Before any bot or agent message (an e-mail's first message, a chat opened with a complaint)
# there is no answer to reject or correct: "That's not right, I was charged twice" says that
# something the company did is wrong.
UNPROMPTED: dict[str, str] = {"rejection": "rejection_unprompted", "correction": "correction_unprompted"}
# A correction before any answer that says no detail is wrong ("the other shop", "I said yes
# to the offer", "another provider"): only its words are named.
CORRECTION_WORDS = "correction_words"
# A "no" answer's words before anything was asked or answered ("my bill has not been
# corrected", "I don't want to cancel"): a negative statement, no "no" to anything.
NEGATIVE_STATEMENT = "negative_statement"
READINGS: dict[str, str] = {
    OPEN_NO: "answers an open question with a no",
    "correction_unprompted": "says a detail is wrong or asks to check again",
    CORRECTION_WORDS: "words that usually correct an answer",
    NEGATIVE_STATEMENT: "a negative statement",
}
# The cues whose matched words a reason of the conversation or a reading quotes, the first
# one the message has: a "no" to a question quotes the "no".
_SAID_NO = ("negative_answer", "rejection")
QUOTES: dict[str, tuple[str, ...]] = {
    OPEN_NO: _SAID_NO,
    "no_to_question": _SAID_NO,
    "no_again": _SAID_NO,
    "no_to_confirmation": (*_SAID_NO, "correction"),
    CORRECTION_WORDS: ("correction",),
    NEGATIVE_STATEMENT: ("negative_answer",),
    **{reading: (cue,) for cue, reading in UNPROMPTED.items()},
}
# The words of "negative_sentiment" when its evidence is emoji or emoticons only.
NEGATIVE_EMOJI = "negative emoji"
# Finds a letter or digit: evidence without one is emoji or emoticons only.
WORD_CHAR = re.compile(r"\w")
AT = "_at"  # the key suffix of the message a reason of the conversation refers to
MATCH = "_match"  # the key suffix of the words that matched
MAX_QUOTE = 60  # characters of matched words quoted per reason


def reason_words(name: str) -> str:
    """The words a supervisor sees for a stored reason (a feature or a reading)."""
    return REASONS.get(name) or READINGS.get(name) or name.replace("_", " ")


def is_push(name: str) -> bool:
    """A stored cue that is a reason (a push), not the evidence of one."""
    return not name.endswith((MATCH, AT))


def evidence_of(cues: dict[str, Any], name: str) -> str | None:
    """The stored words of reason ``name`` (its own, else the cue a reading quotes)."""
    for source in (name, *QUOTES.get(name, ())):
        words = cues.get(source + MATCH)
        if isinstance(words, str) and words.strip():
            return words
    return None


def _quote(words: str, mask: Callable[[str], str] | None) -> str:
    words = " ".join(words.split())  # a match spanning lines stays on the line
    if len(words) > MAX_QUOTE:
        words = words[: MAX_QUOTE - 1].rstrip() + "…"
    return mask(words) if mask is not None else words


def reasons_in_words(
    cues: dict[str, Any] | None, top: int | None = None, mask: Callable[[str], str] | None = None
) -> list[str]:
    """'says no to what was asked or proposed ("no")', 'sarcasm ("Great service. Really
    great.")', 'after a failed bot or agent answer (message 3: "didn't understand")', ... for
    the stored cues of one message, strongest push first, the ``top`` of them. ``mask``:
    applied to every quote (the review screen masks personal data as in the message)."""
    if not cues:
        return []
    pushes = [(value, name) for name, value in cues.items() if is_push(name)]
    # Numbers are pushes (a value of another type, from an older database, counts as 0). Pushes
    # equal as stored (rounded) come in the order `frustration.explain` gives them, by name, last
    # first: the stored keys' order is no tie-break, PostgreSQL's jsonb orders them its own way.
    pushes.sort(key=lambda pair: (pair[0] if isinstance(pair[0], (int, float)) else 0.0, pair[1]), reverse=True)
    names = [name for _, name in pushes if not _emoji_told(cues, name)]
    return [_with_evidence(cues, name, reason_words(name), mask) for name in names[:top]]


def with_evidence(reasons: list[str], cues: dict[str, Any]) -> list[str]:
    """``reasons`` in words (a message's top reasons, as `frustration.explain` words them)
    each with its evidence from the message's stored ``cues``: the flag details."""
    named = [(_NAMES.get(words, words), words) for words in reasons]
    return [_with_evidence(cues, name, words, None) for name, words in named if not _emoji_told(cues, name)]


# The name of each reason by its words.
_NAMES = {words: name for name, words in (*REASONS.items(), *READINGS.items())}


def _emoji_told(cues: dict[str, Any], name: str) -> bool:
    """Whether ``name`` is negative sentiment that only emoji made, all of them quoted by the
    angry-or-sad-emoji reason already ("my order is late :("): one reason, not two."""
    if name != "negative_sentiment" or "emoji" not in cues:
        return False
    match, told = evidence_of(cues, name), cues.get("emoji" + MATCH)
    if match is None or not isinstance(told, str) or WORD_CHAR.search(match) is not None:
        return False
    return all(part.strip() in told for part in match.split(","))


def _with_evidence(cues: dict[str, Any], name: str, words: str, mask: Callable[[str], str] | None) -> str:
    evidence = []
    at = cues.get(name + AT)
    if at is not None and type(at) is int:
        evidence.append(f"message {at}")
    match = evidence_of(cues, name)
    if match is not None and name == "negative_sentiment" and WORD_CHAR.search(match) is None:
        words = NEGATIVE_EMOJI  # "😡", ":(": the emoji of a language without word lists
    if match is not None:
        evidence.append(f'"{_quote(match, mask)}"')
    return f"{words} ({': '.join(evidence)})" if evidence else words
