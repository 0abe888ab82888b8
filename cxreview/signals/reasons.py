"""The words a supervisor sees for each frustration feature among a message's reasons.

Apart from the model (`frustration.py`) so the review screen can word stored reasons without
loading the signal pipeline (lexicons, YAML, VADER) on its start path.
"""

from __future__ import annotations

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
    "sarcasm": "sarcasm",
    "impatience": "impatience",
    "giving_up": "gives up",
    "grievance": "a grievance",
    "repetition": "says they already said it",
    "negative_answer": "says no",
    "confusion": "is lost (what? still there?)",
    "waiting": "complains about waiting",
    "broken_promise": "says a promise was not kept",
    "rhetorical": "a rhetorical question",
    "emoji": "angry or sad emoji",
    "correction": "corrects the answer or asks to look again",
    "problem": "reports a problem",
    "complaint_words": "words typical of complaints",
    "negations": "negations",
    "question": "asks a question",
    "short": "a very short reply",
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
}

# Reasons read in their setting, not features of the model: a "no" or "I don't think ..." to
# a question that asked openly ("What can I do for you?", "Anything I can help with?") is an
# answer, not a "no" to what was proposed (`frustration.explain`).
OPEN_NO = "no_to_open_question"
# Before any bot or agent message (an e-mail's first message, a chat opened with a complaint)
# there is no answer to reject or correct: "That's not right, I was charged twice" says that
# something the company did is wrong.
UNPROMPTED: dict[str, str] = {"rejection": "rejection_unprompted", "correction": "correction_unprompted"}
READINGS: dict[str, str] = {
    OPEN_NO: "answers an open question with a no",
    "rejection_unprompted": "says something is wrong",
    "correction_unprompted": "says a detail is wrong or asks to check again",
}
# The cue whose matched words such a reading quotes.
QUOTES: dict[str, str] = {OPEN_NO: "negative_answer", **{reading: cue for cue, reading in UNPROMPTED.items()}}


def reason_words(name: str) -> str:
    """The words a supervisor sees for a stored reason (a feature or a reading)."""
    return REASONS.get(name) or READINGS.get(name) or name.replace("_", " ")
