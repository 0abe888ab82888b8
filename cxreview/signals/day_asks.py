"""Asks for the day of an event ("Which day would you like your parcel delivered?", "Wanneer
moeten we je pakket bezorgen?"): `requested.asked_for` reads them as the item `DAY` and the
event's content forms, and two asks are one when their events are (`same_event`)."""

from __future__ import annotations

import re

from cxreview.signals.wording import content_form, filler_words, has_form, word_forms

# The bot says what it does itself: "we can deliver on which day you like" asks nothing.
BOT_SUBJECT_BEFORE = re.compile(r"\b(?:we|i)(?: ll| will| can| could| shall| would)? $")


def day_asked(norm: str, language: str) -> tuple[tuple[str, ...], str] | None:
    """An ask for the day of an event: "Which day would you like your parcel delivered?" /
    "When should we deliver your package?" / "What day works best for the delivery?", "Op
    welke dag wil je dat we bezorgen?", "Wanneer moeten we je pakket bezorgen?". The item is
    `DAY` and the event's content forms (who wants it and what suits are left out); an ask
    that names no event ("Which day works for you?") is none. A question about when something
    was done ("When did you buy it?") is read the same way; the tense rule keeps it apart."""
    match = _DAY_ASK.search(norm)
    if match is None or BOT_SUBJECT_BEFORE.search(norm[: match.start()]) or _ANOTHER_ONE.search(norm):
        return None  # "... for the second visit", "ook voor het andere pakket": another event
    rest = _PICK_UP.sub("pickup", match.group("rest"))
    fillers = filler_words()
    forms = ["until"] if match.group("until") else []  # "till when" / "from when": the end, the start
    for word in rest.split()[:_EVENT_WORDS]:
        if word in _NEXT_QUESTION:
            break  # "When do you want to depart and when would you like to return?"
        if word in fillers or word in _NOT_EVENT or word.isdigit():
            continue
        form = content_form(word, language)
        if form not in _NOT_EVENT and form not in forms:
            forms.append(form)
    if not forms or forms == ["until"]:
        return None
    return (DAY, *forms), f"day ({' '.join(forms)})"


def same_event(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every content form of the shorter event is a form of one of the longer's: "delivery"
    / "parcel delivered", "pickup" / "pickup return"; not "parcel delivered" / "pickup old
    modem"."""
    short, long = sorted((a, b), key=len)
    forms = word_forms(long)
    return all(has_form(form, forms) for form in short)


DAY = "<day>"
# "which day ...", "when would you ...": "when" asks only before a verb ("What do you check
# for when picking a movie?" asks nothing about a day).
_DAY_ASK = re.compile(
    r"\b(?P<until>till |until |up to |tot |by )?(?:(?:on |at |for |op |voor )?(?:which|what|welke|welk)"
    r" (?:day|date|dag|datum)(?: (?:and|en) (?:time|tijd))?|(?:when|wanneer)(?= (?:would|should|can|could|will|do|does"
    r"|did|is|are|shall|may|wil|wilt|moet|moeten|kan|kun|kunt|zal|zullen|ga|gaat|mag)\b))\b (?P<rest>.+)"
)
_ANOTHER_ONE = re.compile(r"\b(?:second|another|other|next|also|too|tweede|andere|ander|volgende|ook)\b")
_NEXT_QUESTION = frozenset("and or where what how who why en of waar wat hoe wie waarom".split())
_PICK_UP = re.compile(r"\bpick (?:\w+ )?up\b")  # "pick up your return", "pick it up"
_EVENT_WORDS = 8
# Who wants it, what suits, when and how well: not the event.
_NOT_EVENT = frozenset(
    """like want wish should shall must suit suits suited work works best good convenient possible prefer okay ok
    moeten moet wil wilt willen komt komen uit beste goed past passen schikt schikken lukt handig voorkeur kan kun
    kunt want date day time dag datum tijd it hem het they them ze these this that need needing needed nodig hebben
    voor van naar bij met om aan in op to of at on from by with""".split()
)
