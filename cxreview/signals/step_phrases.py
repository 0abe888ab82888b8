"""Steps written as a phrase, read as one verb before `asked_steps` reads a bot text: "turn
your router off and on again" is "restart your router", "zet je modem uit en weer aan" and "je
modem opnieuw opstarten" a "herstart", "log out and log back in" / "log uit en weer in" a
"relogin", "have a look in your spam folder" and "make sure the cable is plugged in" a
"check". Each rewrite is searched for only when its words are in the text.
"""

from __future__ import annotations

import functools
import re


def one_verb(norm: str, language: str) -> str:
    """The normalised text with each phrasal step written as its one verb."""
    text = norm
    if (" off" in text or " down" in text) if language == "en" else (" uit" in text or "opnieuw op" in text):
        text = _restarts(language).sub(_restart, text)
    if language == "nl" and "opnieuw" in text:
        text = _DUTCH_RESTART.sub("herstart", text)  # "je modem opnieuw opstarten"
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
    # "log out of the app and log back in" -> "relogin the app"
    thing = match.group("obj")
    if match.re is _RELOGIN["nl"]:  # an infinitive ends a Dutch clause: "probeer ... in te loggen"
        return "je account relogin" if match.group(0).endswith("loggen") else "relogin je account"
    # Out of the app or the account is one step; out of the website another.
    return f"relogin the {thing}" if thing and thing not in ("app", "account") else "relogin your account"


# Logging out and back in is one step: "log out and log back in", "sign out of the app and
# sign in again", "log uit en weer in", "uitloggen en opnieuw inloggen".
_RELOGIN = {
    "en": re.compile(
        r"\b(?:log|sign)(?:ging|ing)? (?:out|off)\b(?: of (?:the |your )?(?P<obj>\w+))?(?: \w+){0,3}? and (?:then )?"
        r"(?:(?:log|sign)(?:ging|ing)? )?(?:back )?in\b(?: again)?"
    ),
    "nl": re.compile(
        r"\b(?P<obj>)(?:log (?:uit|af)|uitloggen|uit te loggen|afmelden|meld (?:je |u )?af)\b(?: \w+){0,4}? en (?:dan |daarna )?"
        r"(?:log (?:daarna |dan )?)?(?:weer |opnieuw )?(?:in te loggen|inloggen|in\b|aanmelden)"
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
