"""The customer says the bot told them nothing new: the same answer sent again ("same link
again", "that's the same link", "weer dezelfde link", "steeds die link") or what they already
knew, put first ("I know where the bill is. I'm saying the amount is wrong", "yes I know. the
link only shows saturday", "dat weet ik, daarom heb ik net de dagpas gekocht"), or a value they gave before given again
with "same one" or a count ("same one, priya.n@fastmail.com", "LISBON. third time").

Writers of every outsider set mark these as a customer repeat: the customer has to say again
that the answer does not serve them. The words come from cues.yaml ``told_before``. The same
answer needs a bot that answered twice with no person since (a customer who looks back on it
after a handover, "shame it took half an hour of being sent to the same link", repeats
nothing); what they already knew needs a reply by the bot or an agent to know it from. Read by
`customer_repeats.said_again` after the other readings; only the flag is added."""

from __future__ import annotations

import bisect
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
    if reply is None or _KEY_FOUND.search(norm) is None:
        return None  # most messages: a few substring tests, no pattern
    again = _value_said_again(state, norm)
    if again is not None:
        return again
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


def _value_said_again(state: _State, norm: str) -> Restated | None:
    """A value the customer gave alone before, given again with "same one" before it or a count
    after it ("same one, priya.n@fastmail.com", "zelfde, 1012 AB", "it's finance@korvo.example.
    third time", "LISBON. third time"; round 19: blind12, blind16 and a probe round): the bot
    asked for it again in other words. The value must be a whole earlier message of theirs that
    answered an ask ("it crashed" told unasked, then "it crashed. third time", counts an event)."""
    match = _SAME_VALUE.match(norm)
    if match is not None:
        value = norm[match.end() :].strip()
    else:
        match = _NTH_TIME.search(norm)
        value = "" if match is None else _IT_IS.sub("", norm[: match.start()]).strip()
    if not value:
        return None
    for index in range(len(state.norms) - 1, -1, -1):
        if state.norms[index] == value:
            at = state.positions[index]
            if not _answered_an_ask(state, at):
                return None  # "it crashed" told, then "it crashed. third time": an event counted
            return Restated(SAME_VALUE, f"gives again what they gave alone in message {at}", at)
    return None


SAME_VALUE = "same value"  # a rule the loop rule counts as the customer having to repeat (`customer_repeats`)


def _answered_an_ask(state: _State, at: int) -> bool:
    """The bot's message before customer message ``at`` asked something other than what it can
    do for them ("How can I help?", "Waarmee kan ik je helpen?" ask for no value)."""
    index = bisect.bisect_left(state.bot_positions, at) - 1
    if index < 0:
        return False
    asked = state.bot_features[index]
    return (asked.question or bool(asked.ask)) and _OFFERS_HELP.search(asked.norm) is None


_SAME_VALUE = re.compile(
    r"^(?:(?:yes|yeah|yep|ja|it s|its|is|het is) )?(?:the |de |het )?(?:same|zelfde|dezelfde|hetzelfde)"
    r"(?: (?:one|address|email|e mail|email address|number|code|postcode|adres|e mailadres|mailadres|nummer))?"
    r"(?: (?:as (?:before|above|earlier|i said|last time)|als (?:net|eerder|hiervoor|daarnet|hierboven)))?(?= \w)"
)
_NTH_TIME = re.compile(
    r"(?<= )(?:for the |voor de |that s the |dat is de )?(?:second|third|fourth|fifth|tweede|derde|vierde|vijfde"
    r"|\d+(?:st|nd|rd|th|e|de|ste)) (?:time|keer)$"
)
_OFFERS_HELP = re.compile(
    r"\b(?:(?:how|what) (?:can|may|could) (?:i|we) (?:help|assist|do for you)|(?:can|may) (?:i|we) help"
    r"|waarmee kan ik|hoe kan ik (?:je|u|jou) helpen|wat kan ik voor (?:je|u|jou) doen)\b"
)
_IT_IS = re.compile(r"^(?:it s|its|i said|het is|ik zei|nogmaals) ")

# Every pattern of cues.yaml ``told_before`` has one of these in it; "time" and "keer" a count
# after a value given again.
_KEYS = ("same", "zelfde", "know", "weet", "die ", "sent me", "gave me", "showed me", "linked me", "time", "keer")
_KEY_FOUND = re.compile("|".join(map(re.escape, _KEYS)))  # one of them as a substring, in one C call

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
