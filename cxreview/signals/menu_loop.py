"""A bot that shows again the options the customer took none of: the menu loop.

"None of those, I want an advisor" to "Are you looking to: a) check your balance b) make an
overpayment c) understand your statement?", and later the same three options again, taken by
none again ("This is the fourth time I've asked. An advisor."): the customer is sent back to
what they said does not fit. It is a loop even when a person takes over right after: the bot
came back to the rejected options before that. A customer who picks one of the options shown
again, or says what they want and is answered, progresses: no loop. Read by
`summary._loop` after the other loop rules.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from cxreview.signals.lexicon import rejects_options
from cxreview.signals.wording import shared_words

if TYPE_CHECKING:
    from cxreview.records import MessageSignals
    from cxreview.signals.conversation import _State

# The customer's reply takes none of the options shown again: a cue or flag that says so.
_NONE_TAKEN_CUES = frozenset({"rejection", "repetition", "giving_up", "escalation", "profanity", "impatience"})
_NONE_TAKEN_FLAGS = frozenset({"human_request", "customer_repeat"})
# Every pattern of cues.yaml ``rejects_options`` has one of these in it.
_KEYS = ("none", "neither", "not any", "not one", "option", "geen", "niks", "niets", "optie", "allebei")
_KEY_FOUND = re.compile("|".join(map(re.escape, _KEYS)))  # one of them as a substring, in one C call
_SAME_WORDS = 3  # content words a menu shown again shares with the first, at least (and half of the shorter)


def menu_loop(state: _State) -> tuple[str, str, list[int]] | None:
    """(rule, detail, positions) when the customer took none of a bot turn's options (cues.yaml
    ``rejects_options``), a later bot turn before any person took over shows those options
    again, and the customer's reply to it takes none of them again; None otherwise."""
    if len(state.bot_positions) < 2:
        return None
    pattern = rejects_options(state.result.language)
    end = state.result.handover_position
    by_position: dict[int, MessageSignals] | None = None
    for at, norm in zip(state.positions, state.norms, strict=True):
        if _KEY_FOUND.search(norm) is None or pattern.search(norm) is None:
            continue  # most messages: a few substring tests, no pattern
        menu = bisect.bisect_left(state.bot_positions, at) - 1
        if menu < 0:
            continue
        if by_position is None:
            by_position = {ms.position: ms for ms in state.result.messages}
        for later in range(menu + 1, len(state.bot_positions)):
            position = state.bot_positions[later]
            if end is not None and position > end:
                break
            if position < at or not _shows_again(state, later, menu, by_position[position]):
                continue
            reply = _none_taken(state, later, by_position)
            if reply is not None:
                first = state.bot_positions[menu]
                detail = (
                    f"the bot showed the options of message {first} again (message {position}) after the customer"
                    f" took none of them (message {at}), and the customer took none again (message {reply})"
                )
                return "options again", detail, [first, position]
    return None


def _shows_again(state: _State, later: int, menu: int, ms: MessageSignals) -> bool:
    """Bot turn ``later`` shows bot turn ``menu``'s options again: it repeats it (a
    ``bot_repeat`` flag), gives its answer again, or shares most of its content words."""
    first = state.bot_positions[menu]
    if any(flag.flag == "bot_repeat" and flag.positions[0] == first for flag in ms.flags):
        return True
    if state.answers.first[later] == state.answers.first[menu] != later:
        return True
    a, b = state.bot_features[later].semantic, state.bot_features[menu].semantic
    words_a = tuple(w for w in a if w.isalpha() and len(w) > 2)
    words_b = tuple(w for w in b if w.isalpha() and len(w) > 2)
    return shared_words(words_a, words_b) >= max(_SAME_WORDS, min(len(words_a), len(words_b)) / 2)


def _none_taken(state: _State, index: int, by_position: dict[int, MessageSignals]) -> int | None:
    """The position of the customer's reply to bot turn ``index`` (any of their messages
    before the next bot turn) that takes none of its options: it says so again, asks for a
    person, repeats itself, rejects, complains or gives up."""
    following = state.bot_positions[index + 1] if index + 1 < len(state.bot_positions) else float("inf")
    pattern = rejects_options(state.result.language)
    start = bisect.bisect_right(state.positions, state.bot_positions[index])
    for customer in range(start, len(state.positions)):
        at = state.positions[customer]
        if at >= following:
            break
        ms = by_position[at]
        if pattern.search(state.norms[customer]) is not None or _NONE_TAKEN_CUES & ms.features.keys():
            return at
        if any(flag.flag in _NONE_TAKEN_FLAGS for flag in ms.flags):
            return at
    return None
