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
A message sent ("I sent you guys a DM, can you answer?", "I've submitted 6 updates", round 21) tells an
earlier contact only before any reply of the agent's to it (after one it answers the agent now), and
only with a sign that the customer still waits on it (round 23: a bare "I've sent you a DM" answers an
ask to write that a thread without the brand's replies does not show).

Not a contact of the customer's with the company (round 20, rev20): someone else's ("my friend
asked you 2 days ago", "the seller hasn't responded to my messages", "no one answered the phone
at the restaurant"), a praise of how the contact went ("I called your customer service and they
were amazing"), or "I did but it's still slow" answering the step an agent asked to try first
("Have you restarted the router? If that doesn't help, DM us").
"""

from __future__ import annotations

import re

from cxreview.signals.asked_steps import asked_steps
from cxreview.signals.evidence import quoted
from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import contacted_before, contacted_before_vetoes

_PRAISED = 0.3  # the sentiment of a post that praises the contact it tells

# A message sent tells an earlier contact only with a sign that the customer still waits on it
# (round 23, rep23: spot22 has no replies of the brand, and its "I've sent you a DM", "I DMed you
# screenshots", "I sent an e-mail to ... does that count?" answer an ask to write that is not in the
# thread): no answer yet, an ask to answer or look at it, a time since, a count, said after it.
_WAITS_ON_IT = re.compile(
    r"\b(?:no (?:reply|response|answer|one|body|change|changes)|nobody|nothing|yet|still|already|ago"
    r"|since(?! (?:you|u|y all|you guys) (?:asked|requested|said|told))|before|previously"
    r"|twice|times|days|weeks|in advance|(?:was|were) told|they said"
    r"|hours|months|(?:get|got|getting|come|came) back|(?<!\bi )(?<!\bwe )(?:can|could|will|would|please|pls|plz) (?:\w+ ){0,3}?"
    r"(?:answer|reply|respond|look|check (?:it|them|that|my)|read|help)|(?:never|not|n t) (?:heard|received|got|had))\b"
)


def said_contacted(f: TextFeatures, language: str, reply: str | None) -> str | None:
    """The words of a public post (features ``f``) that say the customer contacted the
    company before, or None; ``reply``: the norm of the agent's message just before it (None
    when none came since the customer's last)."""
    lang = "nl" if language == "nl" else "en"
    said, asks, done, sent = contacted_before(lang)
    norm = f.norm
    match = said.search(norm)
    if match is None and reply is None:
        match = sent.search(norm)  # "I sent you guys a DM, can you answer?", not "I DM'ed you" to "Send us a DM"
        if match is not None and _WAITS_ON_IT.search(norm, match.start()) is None:
            match = None  # the wait told after the sending: not "Still having problems, sigh. I DMed you screenshots."
    elif match is None and reply is not None and asks.search(reply) is not None and not asked_steps(reply, lang):
        match = done.search(norm)  # not "I did, still slow" to "have you restarted it? If not, DM us"
    if match is None or _someone_else(norm, match, lang) or _praised(f, lang):
        return None
    return quoted(match.group(0).strip())


def _someone_else(norm: str, match: re.Match[str], language: str) -> bool:
    """Whether the words just before ``match`` name who did it, or those after it whom it was
    done with, and that is not the customer with the company ("my mum called 2 days ago",
    "can't get through to my bank")."""
    before, after, _ = contacted_before_vetoes(language)
    return (
        before.search(norm[: match.start()].rstrip()) is not None
        or after.match(norm[match.end() :].lstrip()) is not None
    )


def _praised(f: TextFeatures, language: str) -> bool:
    """Whether the post praises how the contact went or says it was sorted, in a positive tone
    with no negation and no sarcasm ("they were amazing, sorted in 5 minutes!")."""
    praise = contacted_before_vetoes(language)[2]
    return f.sentiment >= _PRAISED and not f.negations and "sarcasm" not in f.cues and praise.search(f.norm) is not None
