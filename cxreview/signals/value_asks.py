"""Asks for a value named by what it means rather than by its noun: what a meter shows is its
reading, when you were born is your date of birth, the number to reach you on is your phone
number. `requested.asked_for` reads these first, as the item their noun would give.

Each reading names the value it asks for, not a sentence: "What does the display of your
meter show?" / "Please type the numbers shown on your meter." / "your meter reading"; "When
were you born?" / "your date of birth"; "What's the best number to reach you on?" / "Which
phone number can we reach you at?"; "Op welk nummer kunnen we je bereiken?" /
"je telefoonnummer". What another display shows (an error, a light) is no value, nor is a
number to call the company on ("the number to call us on"). What says which one is part of
the value: a register or meter ("for the night rate", "bij T2", "voor stroom"), which of the
customer's numbers ("a work number", "the number we should text you on").
"""

from __future__ import annotations

import re

from cxreview.signals.wording import content_form

Asked = tuple[tuple[str, ...], str]  # the item's content forms, its words as shown

# Abbreviations of an item that the noun phrase reads as one word.
ABBREVIATIONS: dict[tuple[str, ...], tuple[str, ...]] = {("dob",): ("date", "birth")}


def asked_by_meaning(norm: str, language: str) -> Asked | None:
    """(item, words) of an ask for a value named by what it means, or None."""
    language = "nl" if language.startswith("nl") else "en"
    if "meter" in norm:
        found = _meter_shown(norm, language)
        if found is not None:
            return found
    if ("born" if language == "en" else "geboren") in norm and _BORN[language].search(norm):
        return (("date", "birth"), "date of birth") if language == "en" else (("geboortedate",), "geboortedatum")
    if (
        ("reach" in norm or "call" in norm or "contact" in norm or "text you" in norm)
        if language == "en"
        else ("bereik" in norm or "bel" in norm or "contact" in norm or "sms" in norm)
    ):
        match = _REACH[language].search(norm)
        if match is not None and not _READ_BACK.search(norm):
            return _reach_number(norm, match, language)
    return None


def _reach_number(norm: str, match: re.Match[str], language: str) -> Asked:
    """The customer's phone number, with what says which of their numbers: "a work number",
    "if you're not home", "the number we should text you on", "een tweede nummer" are other
    items than the number to reach them on (as another party's number is, `owners_apart`)."""
    words = set(norm.split())
    which = sorted(words & _WHICH_NUMBER[language])
    verb = next((v for v in match.groupdict().values() if v), "")
    if verb in ("text", "sms en"):
        which.append(verb.split()[0])  # a number to text: a mobile one
    item = ("phone", "number") if language == "en" else ("phonenumber",)
    shown = "phone number" if language == "en" else "telefoonnummer"
    return (item + tuple(which), f"{shown} ({', '.join(which)})") if which else (item, shown)


# Words that say which of the customer's numbers: another one, or one for a time or place.
_WHICH_NUMBER = {
    "en": frozenset(
        "work office home landline alternative alternate second other another backup day daytime evening night emergency".split()
    ),
    "nl": frozenset("werk werknummer kantoor thuis vast vaste ander andere tweede extra overdag avond nood".split()),
}


def _meter_shown(norm: str, language: str) -> Asked | None:
    """What a meter shows: its reading ("What does the display of your meter show?" is "your
    meter reading", "Wat staat er op het display van je gasmeter?" is "je gasmeterstand"),
    with the register or meter named after it ("for the night rate", "bij T2", "voor stroom":
    "your meter reading for the night rate", as `requested` reads that phrase). A question
    about what it shows to find a fault ("If it shows E3, ...", "Is there an error code?")
    asks for no reading."""
    match = next((m for m in (p.search(norm) for p in _SHOWN[language]) if m is not None), None)
    if match is None or _DIAGNOSTIC.search(norm):
        return None
    meter = match.group("meter").split()
    which = _which_register(norm[match.end() :])
    if not which and meter[-1] == "meter" and len(meter) == 1:
        # A bare meter in a text that names its kind ("Now the electricity: what does your
        # meter show?"): not the gas meter asked before.
        which = [word for word in norm.split() if word in _KINDS][:1]
    forms = tuple(content_form(word, language) for word in which)
    if language == "nl":
        return (content_form(f"{meter[-1]}stand", language), *forms), " ".join([f"{meter[-1]}stand", *which])
    return (*(content_form(word, language) for word in meter), "reading", *forms), " ".join([*meter, "reading", *which])


def _which_register(after: str) -> list[str]:
    """The words of what follows the meter ("for the night rate", "bij t1 normaaltarief",
    "voor stroom"), or []."""
    match = _REGISTER.match(after)
    return [] if match is None else [word for word in match.group(1).split() if word not in _FILLERS]


_REGISTER = re.compile(
    r"(?: (?:show|say|read|display|indicate|staan|staat|aan|op))?"
    r" (?:for|on|at|under|bij|voor|van|onder) (?:the |your |a |de |het |je |uw )?(\w+(?: \w+)?)"
)
_KINDS = frozenset("gas electricity electric power water heat stroom elektriciteit elektra water warmte".split())
_FILLERS = frozenset("now please then currently nu graag dan nou even".split())
_DIAGNOSTIC = re.compile(
    r"\bif (?:it|the \w+) (?:shows|says|displays|reads|flashes)\b|\berror\b|\bfault\b|\bwarning\b|\bfout\w*"
    r"|\bstoring\b|\bals (?:er|het|hij) \w+ (?:staat|toont|knippert)\b"
)
_SHOWN = {
    "en": (
        re.compile(
            r"\bwhat (?:does|do|did) (?:the (?:display|screen|dial|counter|numbers?|digits) (?:on|of) )?(?:your|the) "
            r"(?P<meter>(?:\w+ )?meter)(?: display| screen)? (?:show|say|read|display|indicate)\b"
        ),
        # "Please type the numbers shown on your meter."
        re.compile(
            r"\b(?:enter|type|give|provide|share|send|what are|read) (?:me |us )?the (?:numbers|digits|figures) "
            r"(?:shown |displayed |that are )?(?:on|of) (?:the display of )?(?:your|the) (?P<meter>(?:\w+ )?meter)\b"
        ),
    ),
    "nl": (
        re.compile(
            r"\bwat (?:staat|zie je|ziet u|zie jij|geeft|toont) (?:er )?(?:nu )?(?:op |aan )?(?:het (?:display|scherm|"
            r"schermpje) van )?(?:je|jouw|uw|de) (?P<meter>\w*meter)\b"
        ),
        re.compile(
            r"\bde (?:cijfers|getallen) (?:die )?(?:op|van) (?:het display van )?(?:je|jouw|uw|de) (?P<meter>\w*meter)\b"
        ),
    ),
}
_BORN = {
    "en": re.compile(
        r"\b(?:when|what date|which date|what day) (?:were|was) you born\b|\b(?:tell me|know) when you were born\b"
    ),
    "nl": re.compile(
        r"\b(?:wanneer|op welke (?:dag|datum)) (?:ben|bent) (?:je|u|jij) geboren\b|\bwanneer (?:je|u) geboren (?:bent|ben)\b"
    ),
}
# The customer's number the bot may reach them on; not "the number to call us on".
_NL_WHICH_NUMBER = r"(?:op|via) welk (?:ander |tweede |extra )?(?:telefoon|mobiel |gsm )?nummer"
_REACH = {
    "en": re.compile(
        r"\b(?:best |right )?(?:phone |mobile |telephone |contact )?number (?:(?:that |where )?(?:we|i) (?:can|could|should|may) "
        r"|to |on which (?:we|i) (?:can|could) )(?:best )?(?P<verb>reach|call|contact|text|ring) you\b"
        r"|\b(?:what|which) (?:phone |mobile |telephone )?number (?:can|could|should|may|shall) (?:we|i)"
        r" (?P<verb2>reach|call|contact|text) you\b"
    ),
    "nl": re.compile(
        rf"\b{_NL_WHICH_NUMBER} (?:kunnen|kan|mogen|mag|zullen) (?:we|wij|ik) (?:je|u|jou) "
        r"(?:het beste )?(?P<verb>bereiken|bellen|terugbellen|contacteren|sms en)\b"
        rf"|\b{_NL_WHICH_NUMBER} (?:ben|bent) (?:je|u) (?:het beste |overdag |s avonds )?bereikbaar\b"
    ),
}
# A number read back to confirm: "Is 0612345678 the best number to reach you on?"
_READ_BACK = re.compile(r"\d{3}|\b(?:is|are|was) (?:this|that|it)\b|\bis dit\b|\bklopt\b")
