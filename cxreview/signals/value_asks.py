"""Asks for a value named by what it means rather than by its noun: what a meter shows is its
reading, when you were born is your date of birth, the number to reach you on is your phone
number. `requested.asked_for` reads these first, as the item their noun would give.

Each reading names the value it asks for, not a sentence: "What does the display of your
meter show?" / "Please type the numbers shown on your meter." / "your meter reading"; "When
were you born?" / "your date of birth"; "What's the best number to reach you on?" / "Which
phone number can we reach you at?"; "Op welk nummer kunnen we je bereiken?" /
"je telefoonnummer". What another display shows (an error, a light) is no value, nor is a
number to call the company on ("the number to call us on").
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
        else ("bereik" in norm or "bel" in norm or "contact" in norm)
    ):
        match = _REACH[language].search(norm)
        if match is not None and not _READ_BACK.search(norm):
            return (("phone", "number"), "phone number") if language == "en" else (("phonenumber",), "telefoonnummer")
    return None


def _meter_shown(norm: str, language: str) -> Asked | None:
    """What a meter shows: its reading ("What does the display of your meter show?" is "your
    meter reading", "Wat staat er op het display van je gasmeter?" is "je gasmeterstand")."""
    match = next((m for m in (p.search(norm) for p in _SHOWN[language]) if m is not None), None)
    if match is None:
        return None
    meter = match.group("meter").split()
    if language == "nl":
        return (content_form(f"{meter[-1]}stand", language),), f"{meter[-1]}stand"
    return tuple(content_form(word, language) for word in meter) + ("reading",), f"{' '.join(meter)} reading"


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
_REACH = {
    "en": re.compile(
        r"\b(?:best |right )?(?:phone |mobile |telephone |contact )?number (?:(?:that |where )?(?:we|i) (?:can|could|should|may) "
        r"|to |on which (?:we|i) (?:can|could) )(?:best )?(?:reach|call|contact|text|ring) you\b"
        r"|\b(?:what|which) (?:phone |mobile |telephone )?number (?:can|could|should|may|shall) (?:we|i) (?:reach|call|contact|text)"
        r" you\b"
    ),
    "nl": re.compile(
        r"\b(?:op|via) welk (?:telefoon|mobiel |gsm )?nummer (?:kunnen|kan|mogen|mag|zullen) (?:we|wij|ik) (?:je|u|jou) "
        r"(?:het beste )?(?:bereiken|bellen|terugbellen|contacteren|sms en)\b"
        r"|\b(?:op|via) welk (?:telefoon|mobiel |gsm )?nummer (?:ben|bent) (?:je|u) (?:het beste )?bereikbaar\b"
    ),
}
# A number read back to confirm: "Is 0612345678 the best number to reach you on?"
_READ_BACK = re.compile(r"\d{3}|\b(?:is|are|was) (?:this|that|it)\b|\bis dit\b|\bklopt\b")
