"""Praise that may be sarcasm: the conversation decides.

"Wow. Great service. Really great." after "Your parcel is delayed another week" is sarcasm;
"Amazing service, thank you so much!" after "I've refunded it" is praise. The words are the
same kind (cue `ironic_praise`); what tells them apart is around them. Ironic praise counts
as `sarcasm` when the message does not thank (cue `gratitude`) and the setting is sour: the
customer opens with it (a first tweet "Great service. Really great."), the bot or agent just
failed, repeated itself, gave bad news or apologised, the customer's previous message was
frustrated, or the message itself complains (`frustration.COMPLAINT_CUES`, the cues that
mute praise) or negates. Otherwise it is what it says: praise.
"""

from __future__ import annotations

import functools
import re

from cxreview.signals.features import TextFeatures
from cxreview.signals.frustration import COMPLAINT_CUES, denies_trouble, said_negations
from cxreview.signals.lexicon import CUSTOMER_CUES

# A bot or agent message that says sorry, breaks news of a delay or announces a wait says
# something went wrong: bare praise right after it ("I'm afraid it's delayed another week." / "Brilliant.")
# reads as sarcasm.
_APOLOGY = re.compile(
    r"\b(?:sorry|apolog\w*|unfortunately|regret|afraid|delayed|postponed"
    r"|excuses|excuus|spijt|helaas|jammer genoeg|vertraagd|uitgesteld|vertraging"
    # a wait announced: "You are number 14 in the queue. Estimated wait: 35 minutes."
    r"|in the queue|estimated wait|waiting time|wait time|in de wachtrij|wachttijd|verwachte wachttijd)\b"
)


@functools.lru_cache(maxsize=16_384)  # asked of every bot and agent message: mostly templates
def apologises(norm: str) -> bool:
    """The (normalised) bot or agent text apologises or breaks bad news gently."""
    return _APOLOGY.search(norm) is not None


# Liking said of a thing ("love it", "love this", "love them"): at the opening of a
# conversation it is what it says ("the new vacuum sucks up everything, love it", "you guys are
# mirrored and i love it"); only a complaint or a negation in the message makes it sarcasm
# ("my flight got cancelled again, love it"). Round 19: real tweets that open with it are
# mostly sincere.
_LIKING = re.compile(r"(?i)^(i )?(just |really |absolutely )?(love|adore) (it|this|them|that)\b(?! for (me|us)\b)")


# The cues of a message that says it is fixed and praises ("it seems to have been fixed. Great job").
_FIXED = frozenset(("resolved", "ironic_praise", "problem", "relief"))


def read_irony(cues: dict[str, str], f: TextFeatures, sour_setting: bool, opens: bool = False) -> dict[str, str]:
    """``cues`` (of the message ``f``) with ironic praise read: turned into `sarcasm` (in cue
    order) when the setting or the message is sour and the message does not thank; left as
    praise (the cues unchanged) otherwise. ``opens``: the setting is sour only because the
    customer opens the conversation, which liking said of a thing (`_LIKING`) does not make sour.
    Round 25: a negation that denies trouble ("great service, never had a problem", "nooit
    problemen gehad") is no complaint, and praise after the customer says it is fixed ("it seems
    to have been fixed. Great job guys") thanks unless the message complains."""
    if "gratitude" in cues:
        return cues
    negations = said_negations(f)
    complains = negations > 0 or not COMPLAINT_CUES.isdisjoint(cues)
    if "resolved" in cues and not negations and cues.keys() <= _FIXED:
        return cues
    if opens and not complains and (_LIKING.match(cues["ironic_praise"]) or denies_trouble(f)):
        return cues
    if not (sour_setting or complains):
        return cues
    merged = dict(cues)
    merged.setdefault("sarcasm", cues["ironic_praise"])
    return {name: merged[name] for name in CUSTOMER_CUES if name in merged}


# A dry word said alone ("nou bedankt", "nou top dan", "pfff", "ugh"): sarcasm or a sigh when
# the setting is sour (the customer opens with it, the bot or agent just failed, apologised or
# repeated itself, or the customer was frustrated), but thanks or relief after an answer that
# helped ("Het is opgelost." / "nou bedankt!", "Your parcel is on its way." / "phew"; rev19).
_DRY = re.compile(
    r"^(nou (bedankt|dank je( wel)?|dankjewel|dank u( wel)?|merci|top|mooi|fijn|super|geweldig|lekker|leuk|prachtig)"
    r"( (hoor|he|hè|zeg|dan))?|pf+t?|zucht|ug+h+|urgh|sigh)$"
)


def read_dry(cues: dict[str, str], norm: str, sour_setting: bool) -> dict[str, str]:
    """``cues`` without `sarcasm` and `impatience` when the (normalised) message is only a dry
    word (`_DRY`) and the setting is not sour; unchanged otherwise."""
    if sour_setting or _DRY.match(norm) is None:
        return cues
    return {name: words for name, words in cues.items() if name not in ("sarcasm", "impatience")}
