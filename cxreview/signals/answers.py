"""What a customer's reply brings to a question the bot asks again: the values it gives, in
one form however they are written ("1234 AB" / "1234ab", "3 March" / "03-03"), and whether
it says it cannot give one ("I don't have it", "dat heb ik niet") or says nothing ("pff"),
and whether it only sends an earlier text again ("Jansen").

The loop rule (`conversation._asked_again`) reads these: a run of asks goes on while the
customer brings nothing new, and the same value written another way is nothing new."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from cxreview.signals.lexicon import lexicon_language, raw_cues
from cxreview.signals.wording import rephrasing_words


@functools.lru_cache(maxsize=20_000)
def values(norm: str) -> frozenset[str]:
    """The number-like values of a normalised customer text, each in one form: a Dutch
    postcode as "1234ab", a date as "3/3" (day / month, as both languages write it), a number
    split by spaces also whole ("0612 345 678" -> "0612345678"), other words with a digit
    as they are. Empty when the text has no digit. Remembered: the rules read each earlier
    message's values again for every later one (and the bot's texts are templates)."""
    if _DIGIT.search(norm) is None:  # most texts: one pass
        return _NO_VALUES
    words = _NUMBER_WORD.findall(norm)
    found: set[str] = set()
    text = norm
    if len(words) > _DATE_GROUPS:
        # An IBAN or a phone number typed in groups ("nl91 abna 0417 1643 00", "06 12 34 56
        # 78") is one value, not a date and more numbers.
        for match in _GROUPED.finditer(norm):
            found.add(match.group(0).replace(" ", ""))
            text = text.replace(match.group(0), " ", 1)
    if _POSTCODE.search(text) is not None:
        for match in _POSTCODE.finditer(text):
            if match.group(2) not in _NOT_POSTCODE_LETTERS:
                found.add(match.group(1) + match.group(2))
                text = text.replace(match.group(0), " ", 1)
    for pattern in _dates() if _DATE_HINT.search(text) else ():
        for match in pattern.finditer(text):
            day, month = match.group("day"), match.group("month")
            month_number = int(month) if month.isdigit() else _month_numbers()[month]
            if 1 <= int(day) <= 31 and 1 <= month_number <= 12:
                found.add(f"{int(day)}/{month_number}")
                if match.group("year"):
                    found.add(match.group("year"))  # "3 maart 1980" / "03-03-1980": one date, one year
                text = text.replace(match.group(0), " ", 1)
    if len(words) > 1:
        for match in _SPLIT_NUMBER.finditer(text):
            joined = match.group(0).replace(" ", "")
            if len(joined) >= _SPLIT_DIGITS:
                found.add(joined)
                text = text.replace(match.group(0), " ", 1)
        for match in _SPLIT_CODE.finditer(text):
            # A code typed in two parts ("8kq 2291" for "8KQ-2291"; the norm split it at the
            # hyphen) is the code written whole ("8KQ2291").
            if not match.group(0).replace(" ", "").isdigit():
                found.add(match.group(0).replace(" ", ""))
                text = text.replace(match.group(0), " ", 1)
    found.update(words if text is norm else _NUMBER_WORD.findall(text))
    return frozenset(found)


_NO_VALUES: frozenset[str] = frozenset()


def given_before(given: AbstractSet[str], before: AbstractSet[str]) -> bool:
    """Whether every value of ``given`` was given before, also with or without the letters
    before a long number ("CN448812" after "CN 448812", whose "CN" is a word of its own;
    "448812" after "CN448812"). Other letters or digits are another value ("AC12354")."""
    for value in given - before:
        if not any(_prefixed(value, earlier) or _prefixed(earlier, value) for earlier in before):
            return False
    return True


def _prefixed(longer: str, shorter: str) -> bool:
    return (
        len(longer) > len(shorter)
        and longer.endswith(shorter)
        and sum(c.isdigit() for c in shorter) >= _PREFIXED_DIGITS
        and longer[: len(longer) - len(shorter)].isalpha()
    )


_PREFIXED_DIGITS = 4


def says_nothing(norm: str, language: str) -> bool:
    """The text gives nothing the bot asked for: no words at all ("???"), or it cannot give
    the value (cues.yaml ``nothing_new``)."""
    if not norm:
        return True
    return _nothing_new(lexicon_language(language)).search(norm) is not None


def said_before(norm: str, earlier: list[str]) -> bool:
    """The customer sends a text they sent before, word for word: a name or value given again
    ("Jansen", "Smith"), too short for a near-duplicate. Not a yes, a no or an acknowledgement
    (cues.yaml ``rephrasing.short_answers``): "no" to each new transaction is an answer.
    (The caller asks only after the bot asked again.)"""
    return norm in earlier and norm not in rephrasing_words("short_answers")


def says_again(norm: str, earlier: list[str]) -> bool:
    """The reply says an earlier short answer again among other words ("I said Sanne",
    "SANNE. are you even reading this", "joris_vp. amai", "BS3 4QT. we've had no water since
    7am"), with no correction ("Sanne, sorry, I mean Sandra") and no new long number. Not a
    yes, a no or an acknowledgement. (The caller asks only after the bot asked again for a
    value.)"""
    padded = f" {norm} "
    short = rephrasing_words("short_answers")
    said = [
        e
        for e in earlier
        if e and e != norm and e not in short and len(e.split()) <= _ANSWER_WORDS and f" {e} " in padded
    ]
    if not said:
        return False
    if not rephrasing_words("correction_words").isdisjoint(norm.split()):
        return False
    new = values(norm) - set().union(*(values(e) for e in said))
    return not any(sum(c.isdigit() for c in value) >= _NEW_VALUE_DIGITS for value in new)


_ANSWER_WORDS = 6  # an answer, not a story told again
_NEW_VALUE_DIGITS = 3  # "AC12354" is a new value, "since 7am" is not


def says_done(norm: str, language: str) -> bool:
    """The reply says the action asked about was done ("yes, twice", "I already did that",
    "ja al drie keer", "dat heb ik al gedaan"; cues.yaml ``rephrasing.done_answers``)."""
    return _done(lexicon_language(language)).search(norm) is not None


@functools.lru_cache(maxsize=2)
def _done(language: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in raw_cues()["rephrasing"]["done_answers"][language]))


@functools.lru_cache(maxsize=2)
def _nothing_new(language: str) -> re.Pattern[str]:
    patterns = raw_cues()["nothing_new"][language]
    return re.compile("|".join(f"(?:\\b{p})" if not p.startswith("^") else f"(?:{p})" for p in patterns))


@functools.lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names of both languages -> their number (cues.yaml ``months`` lists the twelve
    months first, then weekdays and relative days)."""
    numbers: dict[str, int] = {}
    for names in raw_cues()["months"].values():
        for number, name in enumerate(names[:12], start=1):
            numbers[name] = number
            numbers.setdefault(name[:3], number)  # "mar", "okt"
    return numbers


@functools.lru_cache(maxsize=1)
def _dates() -> tuple[re.Pattern[str], ...]:
    months = "|".join(sorted(_month_numbers(), key=len, reverse=True))
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|e|ste|de)?"
    return (
        # "3 March", "3rd of March", "3 maart 1980" (a year after it is the date's, as in "03-03-1985")
        re.compile(rf"\b{day} (?:of )?(?P<month>{months})(?: (?P<year>\d{{4}}))?\b"),
        re.compile(rf"\b(?P<month>{months}) (?:the )?{day}(?: (?P<year>\d{{4}}))?\b"),  # "March 3rd"
        # "03-03", "3/3/2026" (the separators are spaces in the normalised text)
        re.compile(r"\b(?P<day>\d{1,2}) (?P<month>\d{1,2})(?: (?:(?P<year>\d{4})|\d{2}))?\b"),
    )


_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\b[^\W\d]*\d\w*")  # a word of a normalised text with a digit
# Two numbers of one or two digits in a row, or one next to a word: only then can a date be there.
_DATE_HINT = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th|e|ste|de)? [a-z0-9]|[a-z] (?:the )?\d{1,2}(?:st|nd|rd|th|e|ste|de)?\b"
)
_POSTCODE = re.compile(r"\b(\d{4}) ?([a-z]{2})\b")  # Dutch: "1234 AB", "1234ab"
# "in 2020 we", "12 at": two letters after a number that are a word, not a postcode's.
_NOT_POSTCODE_LETTERS = frozenset(
    "am an as at be by do go he if in is it me my no of on or so to up us we al en er ik je om op te na nu zo".split()
)
# An IBAN in groups of four, or four or more groups of digits: more groups than a date has.
_GROUPED = re.compile(r"\b[a-z]{2}\d{2}(?: [a-z0-9]{4}){2,7}(?: [a-z0-9]{1,4})?\b|\b\d+(?: \d+){3,}\b")
_DATE_GROUPS = 2  # a date has at most three groups of digits ("03 03 1985")
_SPLIT_NUMBER = re.compile(r"\b\d+(?: \d+)+\b")
_SPLIT_CODE = re.compile(r"\b[^\W\d]*\d\w* [^\W\d]*\d\w*\b")  # two words with a digit side by side
_SPLIT_DIGITS = 6  # a phone or account number typed in groups, not "4 45" (a time)


def compile_rules(languages: Iterable[str]) -> None:
    """Compile ahead of use the regexes this module builds on first use (dates, replies that say
    a step is done or nothing new) for ``languages`` (lexicon languages): `analyze` does so
    before it forks its workers."""
    _dates()
    for language in languages:
        _done(language)
        _nothing_new(language)
