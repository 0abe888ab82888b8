"""The customer asks again what the bot did not answer: "No. I asked about the maximum length
of a trip" after an answer about cover worldwide, "that's not what I asked. can I take a
bicycle on the train?", "nee, ik vraag hoe ik mijn abonnement kan pauzeren", and the answer's
offer turned down for what they asked ("I don't want to cancel, I want to freeze it").

The words say it is asked again (cues.yaml ``reasks``); a content word of an earlier message of
the customer's says what. Read by `customer_repeats.said_again` after the other readings; only the flag is
added. A turn-down after a question (not a closing offer or "Did that help?") answers it ("Do you want to cancel or pause?" / "I don't
want to cancel"), and so does "I asked" with nothing the customer said before ("I asked my
neighbour")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cxreview.signals.evidence import quoted
from cxreview.signals.lexicon import asks_if_fixed, closing_offer, lexicon_language, reasks
from cxreview.signals.restated import Restated, content_words, said_in

if TYPE_CHECKING:
    from cxreview.signals.conversation import _State
    from cxreview.signals.features import TextFeatures


def asked_again(state: _State, f: TextFeatures) -> Restated | None:
    """A ``customer_repeat`` reading for customer message ``f`` (see the module), or None."""
    reply = state.last_reply
    if reply is None or not state.norms or _KEY_FOUND.search(f.norm) is None:
        return None  # most messages: a few substring tests, no pattern
    language = lexicon_language(state.result.language)
    asks, wants = reasks(language)
    match = asks.search(f.norm)
    turned_down = match is None
    if match is None:
        match = wants.match(f.norm)
        if match is None or (state.last_question and not _checks_only(reply[1], language)):
            return None  # "I don't want to cancel" answers "Do you want to cancel or pause?"
    own = content_words(f.norm, language)
    if not own:
        return None
    best: tuple[int, int] | None = None  # (words shared, index)
    for index in range(len(state.norms) - 1, -1, -1):
        if turned_down and _ASKING.isdisjoint(state.norms[index].split()):
            continue  # what they want now was told as a fact before, not asked ("bag was NOT on the flight")
        earlier = content_words(state.norms[index], language)
        shared = sum(1 for word in own if said_in(word, earlier))
        if shared and (best is None or shared > best[0]):
            best = (shared, index)
    if best is None:
        return None
    at = state.positions[best[1]]
    return Restated("asked again", f'asks again what they asked in message {at}: "{quoted(match.group(0))}"', at)


# A turn-down asks again only what an earlier message asked or wished for ("I want to freeze
# it", "can I pause it?"); a tweet's norm keeps no question mark, so the asking words say so.
_ASKING = frozenset(
    "want wanted wanna need needed like can could would will how what when where why which is are do does did "
    "please pls plz wil wilde willen graag kan kun kunt kunnen hoe wat wanneer waar waarom welke moet mag "
    "alsjeblieft aub".split()
)

# Every pattern of cues.yaml ``reasks`` has one of these in it.
_KEYS = ("ask", "question", "meant", "want", "vroeg", "vraag", "bedoel", "wil ")
_KEY_FOUND = re.compile("|".join(map(re.escape, _KEYS)))  # one of them as a substring, in one C call


def _checks_only(reply: str, language: str) -> bool:
    """The bot's question is a closing offer or a check whether it helped ("Is there anything
    else I can help with?", "Did that answer your question?"): the turn-down answers its answer."""
    return closing_offer(language).search(reply) is not None or asks_if_fixed(language).search(reply) is not None
