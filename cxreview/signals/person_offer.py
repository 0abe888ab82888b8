"""A customer who takes the person a bot offers: "yes please" to "Would you like to speak to
someone from the council tax team?", "doorzetten" to "... of ik zet je door naar een
collega", or "3" to "1) Rebook 2) Request a refund 3) Talk to an agent". Such a reply asks for
a person as much as "agent please" does; read from the bot's message just before
(cues.yaml ``person_offer``). A "yes" to anything else, or a number picking another option,
asks for nobody."""

from __future__ import annotations

import functools
import re

from cxreview.signals.lexicon import person_offer, raw_cues

_NUMBER_ONLY = re.compile(r"^(?:option |optie |nummer |number |keuze |choice )?(\d)$")
_OPTION = re.compile(r"(?:^| )(\d) ")  # in a norm the option marks are bare digits ("3 talk to an agent")
_MAX_WORDS = 6


@functools.lru_cache(maxsize=1)
def _people() -> re.Pattern[str]:
    """The words that make a menu option one with people (cues.yaml ``person_offer.people``)."""
    return re.compile(raw_cues()["person_offer"]["people"])


def accepts_person(language: str, reply_norm: str, norm: str) -> bool:
    """Whether the customer's ``norm`` takes a person the bot's ``reply_norm`` offered."""
    if not norm or norm.count(" ") >= _MAX_WORDS:
        return False
    offers, accepts = person_offer(language)
    number = _NUMBER_ONLY.match(norm)
    if number is not None:
        return _picks_people(reply_norm, number.group(1))
    return accepts.search(norm) is not None and offers.search(reply_norm) is not None


def _picks_people(reply_norm: str, chosen: str) -> bool:
    """The menu option numbered ``chosen`` in the bot's norm names people."""
    marks = list(_OPTION.finditer(" " + reply_norm))
    if len(marks) < 2:  # one number is no menu ("press 3 to continue")
        return False
    text = " " + reply_norm
    for i, mark in enumerate(marks):
        if mark.group(1) == chosen:
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            return _people().search(text[mark.end() : end]) is not None
    return False
