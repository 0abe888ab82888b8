"""A bot's ask to describe the problem ("Could you describe the problem?", "What seems to be
the issue?", "Please tell me what's wrong.", "Can you tell me more about your problem?", "Wat
is er aan de hand?", "Beschrijf je probleem.", "Kun je je probleem omschrijven?", "Kun je meer
vertellen over je probleem?"): one item, "problem", however it is worded (`requested.asked_for`),
so that the bot asking it again in other words is a repeat (round 19: blind18's Dutch loop). A
problem of something named ("the problem with your payment", "... with your second order") is
no such ask, nor what the bot says it will do itself ("I will explain the problem").

Split from `requested` (which was near 600 lines)."""

from __future__ import annotations

import re

from cxreview.signals.day_asks import BOT_SUBJECT_BEFORE


def asks_the_problem(norm: str) -> bool:
    """Whether the normalised bot text ends in an ask to describe the problem."""
    match = _PROBLEM_ASK.search(norm)
    return match is not None and BOT_SUBJECT_BEFORE.search(norm[: match.start()]) is None


# "what's wrong" is normalised as "what s wrong"; nothing may follow the problem but an end.
_PROBLEM_ASK = re.compile(
    r"(?:\b(?:describe|explain|beschrijf|omschrijf|beschrijven|omschrijven|uitleggen) (?:the|your|je|het|uw) "
    r"(?:problem|issue|probleem)|\bwhat (?:s|is) (?:wrong|the (?:problem|issue|matter))"
    r"|\bwhat seems to be (?:the )?(?:problem|issue|matter)|\bwat is (?:er )?(?:aan de hand|mis|het probleem)"
    # Round 19 (blind18): "tell me more about your problem", the Dutch verb last ("Kun je je probleem
    # omschrijven?", "Kun je meer vertellen over je probleem?").
    r"|\btell (?:me|us) (?:a bit |a little |some(?:thing)? )?(?:more )?about (?:the|your) (?:problem|issue)"
    r"|\b(?:je|jouw|uw|het) probleem (?:even |kort |wat |nader )?(?:beschrijven|omschrijven|uitleggen|toelichten)"
    r"|\b(?:meer |iets meer |wat meer )?(?:vertellen|uitleggen) over (?:je|jouw|uw|het) probleem)$"
    r"|(?:\bdescribe|\bexplain) (?:the|your) (?:problem|issue)(?= (?:please|briefly|in a few words)\b)"
)
