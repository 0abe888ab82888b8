"""A public post that says the customer contacted the company before about this (round 20).

On a public support thread (a customer's tweet at a brand, an @handle) the customer who says
they already wrote, called or DM'd ("Already contacted them 3-4 times", "I DMd hours ago and
still nothing", "no one gets back to me", "can't get through on the phone", "I called customer
care when I tweeted this and they said ...") says the company was told before: the labelled
public threads count it as a repeat, in the first tweet too. So does "I did. No response." or
"I have tried, it won't let me" answering the agent's ask to contact them by a channel ("Send us
a note via ...", "reach us via phone/chat"); "Just did" and "DM sent" answer it now.

Read only in public posts: in chats the blind sets' writers take an opening's earlier contacts
for background (their "I've emailed you 4 times" is no repeat), and a step done before ("I
already restarted it") is none anywhere (round 18). Patterns: cues.yaml ``contacted_before``.
"""

from __future__ import annotations

from cxreview.signals.evidence import quoted
from cxreview.signals.lexicon import contacted_before


def said_contacted(norm: str, language: str, reply: str | None) -> str | None:
    """The words of a public post's ``norm`` that say the customer contacted the company
    before, or None; ``reply``: the norm of the agent's message just before it (None when none
    came since the customer's last)."""
    said, asks, done = contacted_before("nl" if language == "nl" else "en")
    match = said.search(norm)
    if match is None and reply is not None and asks.search(reply) is not None:
        match = done.search(norm)
    return None if match is None else quoted(match.group(0).strip())
