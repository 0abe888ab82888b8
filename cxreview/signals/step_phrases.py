"""Steps written as a phrase, read as one verb before `asked_steps` reads a bot text: "turn
your router off and on again" is "restart your router", "zet je modem uit en weer aan" and "je
modem opnieuw opstarten" a "herstart", "log out and log back in" / "log uit en weer in" a
"relogin", "have a look in your spam folder" and "make sure the cable is plugged in" a
"check". Each rewrite is searched for only when its words are in the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def one_verb(norm: str, language: str) -> str:
    """The normalised text with each phrasal step written as its one verb."""
    text = norm
    if (" off" in text or " down" in text) if language == "en" else (" uit" in text or "opnieuw op" in text):
        text = _restarts(language).sub(_restart, text)
    if language == "nl" and "opnieuw" in text:
        # "je modem opnieuw opgestart" -> "herstart"; an infinitive stays one, as a Dutch clause
        # ends at it ("Probeer je modem opnieuw op te starten. Is het lampje ..." -> "herstarten")
        text = _DUTCH_RESTART.sub(lambda m: "herstarten" if m.group().endswith("en") else "herstart", text)
    if language == "en" and " look" in text:
        text = _LOOKING.sub("check", text)  # "have a look in your spam folder"
    if "log" in text or "sign" in text or "meld" in text:
        text = _RELOGIN[language].sub(_relogin, text)  # "log out and back in"
    if language == "en" and (
        "make sure " in text or "check that " in text or "check if " in text or "check whe" in text
    ):
        text = _MAKE_SURE.sub("check ", text)  # "make sure (that) the cable is ..."
    return text


def _restart(match: re.Match[str]) -> str:
    # "turn your router off ... and on again" -> "restart your router"
    verb = "herstart" if match.group(1) in ("zet", "schakel") else "restart"
    return f"{verb} {match.group('obj')}"


def _relogin(match: re.Match[str]) -> str:
    # "log out of the app on your phone and log back in" -> "relogin your account on your phone"
    place = match.group("place") or match.group("after") or ""
    if match.re is _RELOGIN["nl"]:  # an infinitive ends a Dutch clause: "probeer ... in te loggen"
        return f"je account{place} relogin" if match.group(0).endswith("loggen") else f"relogin je account{place}"
    # Out of the app or the account is one step; out of the website another; on the phone,
    # the TV or the tablet (a place) another each.
    thing = match.group("obj")
    return (
        f"relogin the {thing}{place}" if thing and thing not in ("app", "account") else f"relogin your account{place}"
    )


# Logging out and back in is one step: "log out and log back in", "sign out of the app and
# sign in again", "log uit en weer in", "uitloggen en opnieuw inloggen". Where it is done is
# part of it: "on your TV" / "on your phone", "in de app" / "op de website" / "in Mijn Omgeving".
_EN_PLACE = r" (?:on|in|from) (?:the |your |my )?(?!and\b)\w+"
_NL_PLACE = r" (?:in|op|via|bij|uit|van) (?:de |het |je |jouw |uw |mijn )?(?!en\b)\w+"
_RELOGIN = {
    "en": re.compile(
        rf"\b(?:log|sign)(?:ging|ing)? (?:out|off)\b(?: of (?:the |your )?(?P<obj>\w+))?(?P<place>{_EN_PLACE})?"
        r"(?: \w+){0,3}? and (?:then )?(?:(?:log|sign)(?:ging|ing)? )?(?:back )?in\b(?: again)?"
        rf"(?P<after>{_EN_PLACE}\b)?"
    ),
    "nl": re.compile(
        rf"\b(?:log (?:uit|af)|uitloggen|uit te loggen|afmelden|meld (?:je |u )?af)\b(?P<place>{_NL_PLACE})?"
        r"(?: \w+){0,4}? en (?:dan |daarna )?(?:log (?:daarna |dan )?|meld (?:je |u )?)?(?:weer |opnieuw )?"
        r"(?:in te loggen|inloggen|in\b|aanmelden|aan\b)(?P<after>)"
    ),
}


@functools.lru_cache(maxsize=2)
def _restarts(language: str) -> re.Pattern[str]:
    if language == "nl":
        return re.compile(
            r"\b(zet|schakel|start) (?P<obj>(?:\w+ ){1,3}?)(?:(?:uit)\b(?: \w+){0,8}? (?:weer |dan weer )?aan\b"
            r"|opnieuw op\b)"
        )
    return re.compile(
        r"\b(turn|switch|power|turning|switching|powering) (?P<obj>(?:\w+ ){1,3}?)(?:off|down)\b(?: \w+){0,8}?"
        r" (?:back )?on\b(?: again)?"
    )


_DUTCH_RESTART = re.compile(r"\bopnieuw (?:opgestart|opstarten|opstart|op te starten|starten|gestart|op)\b")
_LOOKING = re.compile(r"\b(?:have|take) a (?:quick |good )?look\b")
_MAKE_SURE = re.compile(r"\b(?:make sure|check) (?:that |if |whether )|\bmake sure (?=(?:your|the) )")


def compile_rules(languages: Iterable[str]) -> None:
    """Compile ahead of use the regexes this module builds on first use, the restarts, for
    ``languages`` (lexicon languages): `analyze` does so before it forks its workers."""
    for language in languages:
        _restarts(language)
