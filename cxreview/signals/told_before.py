"""The customer says the bot told them nothing new: the same answer sent again ("same link
again", "that's the same link", "weer dezelfde link", "steeds die link") or what they already
knew, put first ("I know where the bill is. I'm saying the amount is wrong", "yes I know. the
link only shows saturday", "dat weet ik, daarom heb ik net de dagpas gekocht").

Writers of every outsider set mark these as a customer repeat: the customer has to say again
that the answer does not serve them. The words come from cues.yaml ``told_before``. The same
answer needs a bot that answered twice with no person since (a customer who looks back on it
after a handover, "shame it took half an hour of being sent to the same link", repeats
nothing); what they already knew needs a reply by the bot or an agent to know it from. Read by
`customer_repeats.said_again` after the other readings; only the flag is added."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cxreview.signals.evidence import quoted
from cxreview.signals.lexicon import lexicon_language, told_before
from cxreview.signals.restated import Restated

if TYPE_CHECKING:
    from cxreview.signals.conversation import _State
    from cxreview.signals.features import TextFeatures


def told_again(state: _State, f: TextFeatures) -> Restated | None:
    """A ``customer_repeat`` reading for customer message ``f`` (see the module), or None."""
    reply = state.last_reply
    norm = f.norm
    if reply is None or not any(key in norm for key in _KEYS):
        return None  # most messages: a few substring tests, no pattern
    resent, known = told_before(lexicon_language(state.result.language))
    match = known.search(norm)
    if match is not None:
        words = quoted(match.group(0))
        return Restated("knew it", f'says they already knew what message {reply[0]} told: "{words}"', reply[0])
    if len(state.bot_positions) < 2 or state.result.handover or _ASKS_FOR_IT.search(norm) is not None:
        return None
    match = resent.search(norm)
    if match is None or _NOT_THE_BOT.search(norm[: match.start()]) or _USED_AFTER.match(norm, match.end()):
        return None
    at = state.bot_positions[-2]
    return Restated("same answer", f'says the bot sent the same answer again: "{quoted(match.group(0))}"', at)


# Every pattern of cues.yaml ``told_before`` has one of these in it.
_KEYS = ("same", "zelfde", "know", "weet", "die ", "sent me", "gave me", "showed me", "linked me")

# Not the bot's answer: a device or app that shows the same thing ("the TV keeps showing the same
# message: no signal"), or the customer's own try ("I clicked the same link again and now it
# works", "ik heb opnieuw die link geprobeerd"): a fault told, or a success.
_NOT_THE_BOT = re.compile(
    r"\b(?:(?:app|tv|telly|screen|site|website|phone|device|router|modem|box|decoder|machine|printer|laptop|computer"
    r"|terminal|atm|display|tablet|console|card reader|scanner|meter|thermostat|car)(?: still| just)?"
    r"|(?:click|clicked|clicking|tried|try|trying|used|use|using|opened|open|opening|followed|follow|pressed|press"
    r"|tapped|tap|visited|went to|go to|went back to|ging naar|geklikt op|klik op|klikte op)(?: on)?(?: the| that| this)?) $"
)
_USED_AFTER = re.compile(
    r"(?: \w+){0,2} (?:geprobeerd|geopend|aangeklikt|gebruikt|gevolgd|bezocht|geklikt|probeer|probeerde|open|opende"
    r"|klik|klikte)\b"
)

# A request for it again is no complaint about it: "can you send me the same link again?",
# "kun je dezelfde link nog een keer sturen?".
_ASKS_FOR_IT = re.compile(
    r"\b(?:can|could|would|will|kun|kunt|kan|wil|wilt|zou|please|pls|graag)\b.*\b(?:send|resend|stuur|sturen|opsturen|doorsturen)\b"
)
