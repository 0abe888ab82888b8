"""A bot that goes round in a cycle of turns: two of its turns in a row each come back to an
earlier turn, and the customer gets nowhere on the way.

"Are you a tenant, landlord or someone looking for a home?" / "Thanks! What can I help you
with today?" and then both again, whatever the customer answered; "Could you rate your
delivery?" / "Is there anything else I can help you with?" twice; a return rule and the
bot's "Helaas is de retourtermijn verlopen. Kan ik je nog ergens anders mee helpen?" twice.
Each bot turn comes back only once, so the rules that count one shape (a question asked three
times, an answer given three times) do not see it, and `stuck_loop` needs a reply that gets
nowhere after each turn that came back. Here the bot's side is plainer: two turns in a row
repeat two different earlier turns (a ``bot_repeat`` flag or the same answer again), so the
bot went back over a stretch of the conversation. It is a loop when one of the customer's
replies from the first of those earlier turns on gets nowhere (`stuck_loop.gets_nowhere`: it
asks for a person, rejects, repeats, complains or gives up). The same two questions asked
again for a second booking or order, each answered with a new value, are no loop, and a
reply with thanks gets somewhere. Read by
`summary._loop` after the other loop rules.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from cxreview.signals.stuck_loop import NOWHERE_CUES, THANKS, had_to_repeat

if TYPE_CHECKING:
    from cxreview.records import MessageSignals
    from cxreview.signals.conversation import _State


def cycle_loop(state: _State) -> tuple[str, str, list[int]] | None:
    """(rule, detail, positions) when two bot turns in a row before any person took over each
    repeat a different earlier bot turn, and a customer reply from the first of those earlier
    turns on gets nowhere; None otherwise."""
    if len(state.bot_positions) < 4:
        return None
    by_position = {ms.position: ms for ms in state.result.messages}
    end = state.result.handover_position
    roots: list[int] = []
    for index, position in enumerate(state.bot_positions):
        roots.append(_root(state, index, by_position[position], roots))
    for index in range(1, len(state.bot_positions)):
        if end is not None and state.bot_positions[index] > end:
            break
        first, second = roots[index - 1], roots[index]
        if first == index - 1 or second == index or first == second:
            continue
        start = min(first, second)
        reply = _nowhere(state, start, index, end, by_position)
        if reply is not None:
            a, b = state.bot_positions[index - 1], state.bot_positions[index]
            detail = (
                f"the bot went round in a cycle: messages {a} and {b} repeat messages"
                f" {state.bot_positions[first]} and {state.bot_positions[second]},"
                f" and the customer got nowhere (message {reply})"
            )
            return "cycle", detail, [a, b]
    return None


def _nowhere(
    state: _State, start: int, last: int, end: int | None, by_position: dict[int, MessageSignals]
) -> int | None:
    """The first customer reply after bot turn ``start`` (up to the reply to bot turn
    ``last``, before any person took over) that says plainly it gets nowhere: a cue of
    rejection, repetition, complaint or giving up (`stuck_loop.NOWHERE_CUES`), a request for a
    person, or a repeat that says they had to say it again (`stuck_loop.had_to_repeat`, read as
    to a question). A new value or item each time
    ("hiking socks 2 pack", "the beanie" to "Which item would you like to return next?") is
    progress."""
    stop = state.bot_positions[last + 1] if last + 1 < len(state.bot_positions) else float("inf")
    if end is not None:
        stop = min(stop, end)
    for customer in range(bisect.bisect_right(state.positions, state.bot_positions[start]), len(state.positions)):
        at = state.positions[customer]
        if at >= stop:
            break
        ms = by_position[at]
        if not THANKS.isdisjoint(state.norms[customer].split()):
            continue  # "No, not right now. Thanks." to "Do you need something more?" asked again
        if NOWHERE_CUES & ms.features.keys() or any(flag.flag == "human_request" for flag in ms.flags):
            return at
        # Only "I said so" or their previous message again: "The love story is unbelievable"
        # to a template request asked again about a new film repeats an older answer.
        if any(had_to_repeat(state, customer, flag, False) for flag in ms.flags):
            return at
    return None


def _root(state: _State, index: int, ms: MessageSignals, roots: list[int]) -> int:
    """The bot turn (an index into ``state.bot_positions``) that bot turn ``index`` first
    said: the root of the turn it repeats or whose answer it gives again, the opening when
    that ended in all of its text, else itself."""
    for flag in ms.flags:
        if flag.flag == "bot_repeat":
            earlier = state.bot_positions.index(flag.positions[0])
            if earlier < index:
                return roots[earlier]
    first = state.answers.first[index]
    if first < index:
        return roots[first]
    # The bot's opening text again without its greeting ("Hi, I'm Lumi from Oakstone Lettings.
    # Are you a tenant, landlord or someone looking for a home?"): no repeat rule reads a
    # greeting as a retry, but the bot asks the same again. Only the opening: "Can you give me
    # one more reason?" after "What do you dislike about this movie? Can you give me one more
    # reason?" asks about another film.
    norm = state.bot_features[index].norm
    if index and norm.count(" ") + 1 >= _SAME_ENDING_WORDS and state.bot_features[0].norm.endswith(" " + norm):
        return 0
    return index


_SAME_ENDING_WORDS = 4  # words of a bot text that an earlier one ending in it says again
