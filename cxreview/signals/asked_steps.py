"""What a bot message asks the customer to do, or asks whether they did: a step to try, read
as its verb and the thing it is done to, in English and Dutch.

A troubleshooting bot asks one step again in other words: "Have you restarted your router?" /
"Please turn your router off, wait 30 seconds and turn it on again." / "A quick restart fixes
most issues! Please switch the router off and on."; "Have you paid the invoice?" / "Can you pay
the invoice?" / "Please pay the invoice via the link below."; "Heb je in je spammap gekeken?" /
"Kun je in je spammap kijken?". As whole texts these share too few words; what they ask is one
step: (restart, router), (pay, invoice), (kijk, spammap). `asked_step` reads it from a
normalised text:

- the verb after "have you (tried)", "did you", "can / could / would you", "please", or at the
  start of a request; in Dutch the participle after "heb je" ("Heb je de factuur al betaald?"),
  the infinitive after "wil / kun je" ("Wil je de factuur betalen?") or the verb a request
  starts with ("Betaal de factuur via de link hieronder."); each by its stem ("paid" / "pay",
  "betaald" / "betalen", "resetting" / "reset") and its synonyms ("look" / "check");
- "turn / switch X off (...) and (back) on (again)", "zet X uit (...) en weer aan", "start X
  opnieuw op" are a restart of X;
- the thing is the noun phrase after the verb ("the invoice", "your spam folder", "in je
  spammap") with a place or party after it ("the decoder in the bedroom", "the damage to the
  police"); how it is done ("via the link below", "using the Forgot password link") is not part
  of it; "it" / "hem" is the thing of the bot's step before.

A text may ask several steps (`asked_steps`): the step it says to take it by ("reset the display
by holding the A button"), one after "and" ("Go to Settings and clear the cache"); "let's" /
"laten we" ask a step too ("Laten we uw modem herstarten").

A step marked as another one ("as well", "too", "also", "ook") or as a deliberate repeat ("once
more", "one last time", "nog een keer": a new reason to do it again, such as an update) is never
the same step as an earlier one. Asks for a value ("Please enter your account number") are
`requested.asked_for`'s, not steps.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from cxreview.signals.lexicon import lexicon_language
from cxreview.signals.step_phrases import one_verb
from cxreview.signals.wording import content_form, dutch_stem, opened, same_word


class Step(NamedTuple):
    """A step the bot asks about: whether it asks if it was ``done`` or asks to do it, the
    verb's form, the thing's content forms, whether it is marked as ``another`` step, the
    words as written (to show) and its detail."""

    done: bool
    verb: str
    thing: tuple[str, ...]
    another: bool
    words: str
    # How, with what or by how much, said after the thing ("via the link below", "met een
    # maand"): two steps that each say one and differ in it are two steps.
    detail: tuple[str, ...] = ()
    # Asked after "and" / "en", beside the text's main step ("... and restart your laptop").
    joined: bool = False


IT = ("<it>",)  # the thing of the step before


def asked_step(norm: str, language: str = "en") -> Step | None:
    """The step a normalised bot text asks about, or None."""
    language = lexicon_language(language)
    key = (norm, language)
    if key not in _CACHE:
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[key] = _read(norm, language)
    return _CACHE[key]


_CACHE: dict[tuple[str, str], Step | None] = {}
_CACHE_LIMIT = 50_000


def asked_steps(norm: str, language: str = "en") -> tuple[Step, ...]:
    """Every step a normalised bot text asks about: its step (`asked_step`), the step it
    says to take it by ("reset the display by holding the A button", "reset je router door
    de resetknop ingedrukt te houden") and a step joined to another one ("Go to Settings >
    Apps and clear the cache"). A bot re-asks one step by naming another part of it."""
    language = lexicon_language(language)
    key = (norm, language)
    found = _ALL_CACHE.get(key)
    if found is None:
        if len(_ALL_CACHE) > _CACHE_LIMIT:
            _ALL_CACHE.clear()
        main = asked_step(norm, language)
        found = _ALL_CACHE[key] = (() if main is None else (main,)) + _also_asked(norm, language, main)
    return found


_ALL_CACHE: dict[tuple[str, str], tuple[Step, ...]] = {}


def _also_asked(norm: str, language: str, main: Step | None) -> tuple[Step, ...]:
    """The steps a text asks about besides its first: by what means, or after "and"."""
    if (" by " if language == "en" else " door ") not in norm and (" and " if language == "en" else " en ") not in norm:
        return ()  # most texts: no search
    another = _ANOTHER[language].search(norm) is not None
    found: list[Step] = []
    for joined, pattern in enumerate(_ALSO[language]):
        for match in pattern.finditer(norm):
            verb, rest = match.group("verb"), match.group("rest")
            if language == "en":
                step = _english_object(verb, rest)
            else:
                step = _dutch_clause(f"{_verb_form(verb, 'nl')} {rest}", False, imperative=True)
            if step is not None and step[1] == IT and main is not None and main.thing != IT:
                step = (step[0], main.thing, *step[2:])  # "delete the app and install it again"
            if step is not None and (main is None or (step[0], step[1]) != (main.verb, main.thing)):
                done = main.done if main is not None else False
                found.append(Step(done, *step[:2], another, *step[2:], joined=bool(joined)))
    return tuple(found)


def same_step(a: Step, b: Step, said: Callable[[], frozenset[str]] | None = None) -> bool:
    """Whether two steps are one step to take (whatever their tense). With ``said`` (the
    content forms of what the conversation said before), a thing with a qualifier the other
    lacks is the same thing when the conversation named the qualifier anyway ("reset the
    display" / "reset your in-home display" after "my in-home display is blank"; not "restart
    the decoder" / "... the decoder in the bedroom" with no bedroom named before)."""
    if a.another or b.another or IT in (a.thing, b.thing) or not _one_verb(a.verb, b.verb):
        return False
    if a.detail and b.detail and a.detail != b.detail:
        return False  # "verlengen met een maand / met een jaar"
    if a.thing == b.thing:
        return True
    if len(a.thing) == len(b.thing) == 1:  # "kaartnummer" / "bankkaartnummer"
        return same_word(a.thing[0], b.thing[0])
    short, long = sorted((a.thing, b.thing), key=len)
    if (
        said is None
        or len(short) == len(long)
        or not set(short) <= set(long)
        or short[0] != long[0]
        and long[-1] != short[-1]
    ):
        return False
    if long[-1] in _LOOK_PARTICLES or long[-1] in _STATES:
        return False  # "zet je router uit" / "zet je router aan": a particle is no qualifier
    return set(long) - set(short) <= said()


_STATES = frozenset({"aan", "uit", "op", "af", "open", "dicht", "terug"})


def _one_verb(a: str, b: str) -> bool:
    """Two verb forms of one verb: equal, or one with a silent "e" ("clos" / "close")."""
    if a == b or (len(a) >= 3 and len(b) >= 3 and (a + "e" == b or b + "e" == a)):
        return True
    # A letter doubled or not: "installeer" / "installer" (installeren), "instal" ("installing")
    return len(a) >= 5 and len(b) >= 5 and _DOUBLED.sub(r"\1", a) == _DOUBLED.sub(r"\1", b)


_DOUBLED = re.compile(r"(\w)\1")


def with_thing(step: Step, before: Step | None) -> Step | None:
    """A step done to "it" as one done to the thing of the step ``before``; None when there
    is no such step."""
    if step.thing != IT:
        return step
    if before is None or before.thing == IT:
        return None
    return step._replace(thing=before.thing)


def _read(norm: str, language: str) -> Step | None:
    text = one_verb(norm, language)
    another = _ANOTHER[language].search(text) is not None
    text = opened(text)
    for pattern, done, needle in _patterns(language):
        if needle and needle not in text:
            continue  # the pattern's words are not in the text: no search
        match = pattern.search(text)
        if match is None:
            continue
        if _QUESTION_BEFORE.search(text, 0, match.start()):
            return None  # "Wanneer heb je voor het laatst ingelogd?", "Waarvoor wil je een afspraak maken?"
        verb, rest = match.group("verb"), match.group("rest") or ""
        if match.start("verb") == 0 and verb and not _STEP_VERB.fullmatch(verb):
            continue  # a text that starts with a word and "the": "Yes, the Curry Garden is ..."
        if language == "en":
            found = _english_object(verb, rest)
        elif verb:
            found = _dutch_clause(f"{verb} {rest}", done, imperative=True)
        else:
            if match.group(0).startswith(("laten we", "probeer")):
                # "Probeer je modem opnieuw op te starten. Is het lampje nu groen?" (round 19)
                rest = _to_first_infinitive(rest)
            found = _dutch_clause(rest, done)
        if found is not None:
            return Step(done, *found[:2], another, *found[2:])
    return None


def _to_first_infinitive(clause: str) -> str:
    """A Dutch clause up to its first infinitive: "uw modem herstarten haal de stekker ..."
    (two sentences run together in a normalised text) -> "uw modem herstarten"."""
    words = clause.split()
    for index, word in enumerate(words):
        if index and _dutch_verb(word, False) and words[index - 1] not in _DETERMINERS:
            return " ".join(words[: index + 1])
    return clause


# An open question word right before the verb group asks for information, not a step.
_QUESTION_BEFORE = re.compile(
    r"\b(?:when|why|how|where|what|which|who|wanneer|waarom|waarvoor|waarmee|hoe|waar|wat|welke?|wie) $"
)
# The verbs a request may start with, without "please" or "can you" before them: steps to try.
_STEP_VERB = re.compile(
    r"(?:restart|reboot|reset|unplug|plug|reconnect|connect|disconnect|turn|switch|power|update|upgrade|reinstall|"
    r"install|uninstall|clear|delete|remove|insert|log|sign|send|upload|attach|take|press|open|close|charge|check|"
    r"test|pay|look|hold|relogin|herstart|start|trek|steek|sluit|verbind|koppel|zet|schakel|controleer|kijk|installeer|verwijder|"
    r"wis|stuur|maak|neem|houd|druk|open|test|betaal|update|reset)"
)
# Per language: the step it is taken by, then a step after "and" (`Step.joined`).
_ALSO = {
    "en": (
        re.compile(r"\bby (?P<verb>\w+ing) (?P<rest>(?:your|the|it) .+)"),  # "by holding the A button"
        # "... and clear the cache", "try removing and reinstalling the app"
        re.compile(rf"\band (?:then )?(?P<verb>{_STEP_VERB.pattern}(?:ing)?) (?P<rest>(?:your|the|it) .+)"),
    ),
    "nl": (
        # "door de resetknop ingedrukt te houden": the verb after "te", its thing before
        re.compile(
            r"\bdoor (?P<rest>(?:je|jouw|uw|de|het) \w+(?: \w+){0,2}?)(?: ingedrukt| aan| uit)? te (?P<verb>\w+en)\b"
        ),
        re.compile(rf"\ben (?:dan )?(?P<verb>{_STEP_VERB.pattern}) (?P<rest>(?:je|jouw|uw|de|het|hem|ze) .+)"),
    ),
}
_ANOTHER = {
    "en": re.compile(r"\b(?:as well|too|also|once more|one more time|one last time|another|second|other)\b"),
    "nl": re.compile(r"\b(?:ook|nog een keer|nog eens|nogmaals|tweede|andere|ander)\b"),
}


@functools.lru_cache(maxsize=2)
def _patterns(language: str) -> tuple[tuple[re.Pattern[str], bool, str], ...]:
    """(pattern, asks whether it was done, a word it needs or "") in the order they are tried:
    a verb group and the words after it (English), or the clause after the subject (Dutch)."""
    if language == "nl":
        return (
            (re.compile(r"\b(?:heb|hebt|heeft) (?:je|u|jij)(?P<verb>) (?P<rest>.+)"), True, ""),
            (
                re.compile(
                    r"(?:\b(?:wil|wilt|kun|kunt|kan|zou|zoudt) (?:je|u|jij)|^probeer(?: eens| even| nu)?)(?P<verb>) (?P<rest>.+)"
                ),
                False,
                "",
            ),
            (
                re.compile(
                    r"^(?:graag |nu |dan |eerst |daarna )?(?P<verb>\w+) (?P<rest>(?:je|jouw|uw|de|het|even|in|op) .+)"
                ),
                False,
                "",
            ),
            # "... Zet je modem uit en weer aan."
            (re.compile(r"\b(?P<verb>herstart) (?P<rest>(?:je|jouw|uw|de|het) .+)"), False, "herstart "),
            # "Laten we (eerst) uw modem herstarten": the clause ends at its first infinitive
            (
                re.compile(r"\blaten we(?P<verb>) (?P<rest>(?:eerst |nu |even |samen )*(?:je|jouw|uw|de|het) .+)"),
                False,
                "laten we ",
            ),
        )
    return (
        (
            re.compile(
                r"\b(?:have|has) you (?:already |ever |yet |also )?(?:tried |try )?(?:to )?(?P<verb>\w+)(?: (?P<rest>.+))?"
            ),
            True,
            "",
        ),
        (re.compile(r"\bdid you (?:already |ever |also )?(?:try )?(?:to )?(?P<verb>\w+)(?: (?P<rest>.+))?"), True, ""),
        (
            re.compile(
                r"\b(?:can|could|would|will) you (?:please |kindly |just |also |now |quickly |first )*(?:try )?(?:to )?"
                r"(?P<verb>\w+)(?: (?P<rest>.+))?"
            ),
            False,
            "",
        ),
        (
            re.compile(
                r"\b(?:please|kindly)(?: now| also| just| first| then)*(?: try)?(?: to)? (?P<verb>\w+)(?: (?P<rest>.+))?"
            ),
            False,
            "",
        ),
        (
            re.compile(r"^(?:now |then |next |first |also )?(?:try )?(?P<verb>\w+) (?P<rest>(?:your|the|it|in|at) .+)"),
            False,
            "",
        ),
        # "Let's (try) restart(ing) your router", "To continue, first reset your display"
        (
            re.compile(r"\blet s (?:now |first |just |quickly )?(?:try )?(?P<verb>\w+) (?P<rest>(?:your|the|it)\b.*)"),
            False,
            "let s ",
        ),
        (
            re.compile(
                rf"\b(?:first|now|next|then) (?:try )?(?P<verb>{_STEP_VERB.pattern}(?:ing)?) (?P<rest>(?:your|the|it) .+)"
            ),
            False,
            "",
        ),
        (re.compile(r"\b(?P<verb>restart) (?P<rest>(?:your|the) .+)"), False, "restart "),
        (
            re.compile(r"\b(?P<verb>hold) (?P<rest>(?:down )?(?:your|the) .+)"),
            False,
            "hold ",
        ),  # "... Hold the A button"
    )


# Verbs that ask for a value, a wish or an answer, not a step to take.
_NOT_STEPS = frozenset(
    """like want wish tell let give provide enter type share confirm be have see know need help describe explain choose
    select pick say send fill input submit key reply answer hold wait get receive find think mean use name verify
    see seen saw watch hear heard like liked enjoy enjoyed visit visited read love loved hate try recommend
    geef vul voer typ deel bevestig vertel kies selecteer beschrijf laat wacht zeg stuur weet""".split()
)
_DETERMINERS = frozenset("your the my a an this that je jouw uw de het een mijn dit dat deze".split())
_PRONOUNS = frozenset({"it", "them", "hem", "het", "ze", "die", "dat"})
_PLACES = frozenset("in into at on to from of with for naar in op aan bij van voor met".split())
# A place, party or moment after the thing makes it another step: "the decoder in the
# bedroom", "the damage to the police", "de router na de reset".
_QUALIFYING = frozenset("in into at on to from of for after before naar in op aan bij van voor na".split())
_MEANS = frozenset("via using through by with door met".split())  # how: not part of the thing
_ENDS = frozenset(
    """and or but so if as once again please now then first before after when because until for while too also
    is are was were be been not isn doesn don didn has have had will can should that which who you
    en of maar dus als zodat om nu dan eerst voor na wanneer omdat tot even al nog weer opnieuw ook is zijn was niet
    heeft te graag alsjeblieft alstublieft aub svp""".split()
)
_NOT_COMPOUNDED = _DETERMINERS | _ENDS | _PLACES | _MEANS
_LOOK_PARTICLES = frozenset({"in", "at", "into", "on", "up", "out", "off", "down", "back", "over"})
_IRREGULAR = {
    "paid": "pay",
    "did": "do",
    "done": "do",
    "sent": "send",
    "made": "make",
    "taken": "take",
    "bought": "buy",
    "tried": "try",
    "gekeken": "kijk",
    "kijken": "kijk",
    "gedaan": "doe",
    "doen": "doe",
    "gezien": "zie",
    "gegeven": "geef",
    "betaald": "betaal",
}


_Found = tuple[str, tuple[str, ...], str, tuple[str, ...]]  # verb, thing, words, detail
_HOLDING = frozenset({"hold", "holding"})  # also "please hold" (wait): a step with a button only
_BUTTONS = frozenset({"button", "key", "knop", "toets"})


def _english_object(verb: str, rest: str) -> _Found | None:
    """(verb form, thing, words) of "restart your router", "look in your spam folder"."""
    if verb in _HOLDING:  # "hold the A button": a step only when a button or key is held
        found = _thing("hold", rest.split(), "en", verb)
        return found if found is not None and found[1] != IT and found[1][-1] in _BUTTONS else None
    if verb in _NOT_STEPS or _verb_form(verb, "en") in _NOT_STEPS:
        return None
    words = rest.split()
    if words and words[0] in _LOOK_PARTICLES and len(words) > 1 and (words[1] in _DETERMINERS or words[1] in _PRONOUNS):
        words = words[1:]
    return _thing(_verb_form(verb, "en"), words, "en", verb)


def _dutch_clause(clause: str, done: bool, imperative: bool = False) -> _Found | None:
    """(verb form, thing, words) of a Dutch clause: "je de factuur al betaald" (done), "de
    factuur betalen" (to do) or "betaal de factuur via de link" (a request: the verb first)."""
    words = clause.split()
    end = next((i for i, w in enumerate(words) if w in _CLAUSE_ENDS and i), len(words))
    words = words[:end]
    if imperative:
        if not words or words[0] in _NOT_STEPS or words[0] in _NO_IMPERATIVE:
            return None
        verb, rest = words[0], words[1:]
    else:
        # The verb ends the clause; a noun in -en after a determiner is none ("voor je facturen").
        tried = done and "geprobeerd" in words  # "heb je geprobeerd de app opnieuw te installeren"
        verbs = [
            i
            for i, w in enumerate(words)
            if _dutch_verb(w, done and not tried) and not (i and words[i - 1] in _DETERMINERS)
        ]
        if not verbs:
            return None
        verb, rest, after = words[verbs[-1]], words[: verbs[-1]], words[verbs[-1] + 1 :]
        if rest and rest[0] in ("je", "u", "jij") and len(rest) > 1 and rest[1] in ("je", "jouw", "uw"):
            rest = rest[1:]  # "heb je je modem ...": the first "je" is the subject
    rest = [w for w in rest if w not in _DUTCH_SKIPPED]
    if rest and rest[0] in _PLACES and len(rest) > 1:
        rest = rest[1:]  # "in je spammap kijken"
    found = _thing(_verb_form(verb, "nl"), rest, "nl", verb)
    if found is None or imperative:
        return found
    shown = f"{found[2].split(' ', 1)[-1]} {verb}"  # as the clause says it: "je spammap kijken"
    return found[0], found[1], shown, found[3] + _detail(after, "nl")  # "verlengen met een maand"


_DUTCH_SKIPPED = frozenset(
    {"al", "nog", "even", "eens", "geprobeerd", "proberen", "probeer", "wel", "toch", "eerst", "nu", "ook"}
)
_CLAUSE_ENDS = frozenset({"en", "of", "zodat", "omdat", "dan", "want", "maar"})
_NO_IMPERATIVE = frozenset(
    """je jij u ik we wij het de een dit dat er hier daar wat welke hoe waar waarom wanneer is zijn ben bent heb hebt
    heeft wil wilt kun kunt kan zou mag moet""".split()
)


def _dutch_verb(word: str, done: bool) -> bool:
    """A Dutch participle ("betaald", "gekeken", "herstart", "opgestart") or infinitive
    ("betalen", "kijken", "resetten")."""
    if word in _IRREGULAR or word in ("herstart", "restart", "relogin"):
        return True
    if done:
        return len(word) > 5 and (
            (word.startswith("ge") and word.endswith(("d", "t", "en")))
            or (word.startswith(("be", "ver", "her", "ont")) and word.endswith(("d", "t")))
            or ("ge" in word[2:7] and word.endswith(("d", "t")))
        )
    return len(word) > 4 and word.endswith("en")


def _verb_form(verb: str, language: str) -> str:
    """One form of a verb for its tenses and synonyms: "restarting" / "restarted" / "reboot"
    -> "restart", "paid" -> "pay", "gekeken" / "kijken" -> "kijk", "betaald" -> "betaal"."""
    form = _IRREGULAR.get(verb)
    if form is None:
        form = verb
        if language == "en":
            for ending in ("ing", "ed", "es", "s"):
                if form.endswith(ending) and len(form) - len(ending) >= 3:
                    form = form[: -len(ending)]
                    if len(form) > 3 and form[-1] == form[-2]:
                        form = form[:-1]  # "resetting" -> "reset"
                    elif content_form(form + "e", language) != form + "e":
                        form += "e"  # "updated" -> "update" (a synonym group's word)
                    break
        else:
            if form.startswith("ge") and len(form) > 5:
                form = form[2:]
            elif "ge" in form[2:7] and form.endswith(("d", "t")):  # "opgestart" -> "opstart"
                at = form.index("ge", 2)
                form = form[:at] + form[at + 2 :]
            form = dutch_stem(form)
            if form.endswith(("d", "t")) and not form.endswith(("rt", "st")) and len(form) > 5:
                form = form[:-1]  # "betaald" -> "betaal"
    form = _AGAIN.get(form, form)  # "reinstall the app" / "install the app again"
    return content_form(form, language)


# A verb that says "again" is the verb: "reinstall" / "install it again", "herinstalleer" /
# "installeer opnieuw" ("again" and "opnieuw" end the thing).
_AGAIN = {
    "reinstall": "install",
    "reinstal": "install",
    "reconnect": "connect",
    "herinstalleer": "installeer",
    "herverbind": "verbind",
}


def _thing(verb: str, words: list[str], language: str, written: str) -> _Found | None:
    """The verb and the thing it is done to: the noun phrase that starts ``words`` (after a
    determiner, or a pronoun), and a place or party after it."""
    if not words:
        return None
    if words[0] in _PRONOUNS and (len(words) == 1 or words[0] in _ONLY_PRONOUNS or words[1] in _ENDS):
        return verb, IT, f"{written} {words[0]}", _detail(words[1:], language)  # "restart it", "wil je het doen"
    if words[0] not in _DETERMINERS:
        return None
    head = _phrase(words[1:], compound=words[0] in _OWNING)
    if not head:
        return None
    used = 1 + len(head)
    if "s" in head[1:]:  # "the app s cache" (the app's cache) is "the cache of the app"
        at = head.index("s", 1)
        head = [*head[at + 1 :], *head[:at]] or head
    after = words[used:]
    if len(after) >= 3 and after[0] in _QUALIFYING and after[1] in _DETERMINERS:
        place = _phrase(after[2:])  # "the decoder in the bedroom", "the damage to the police"
        head, used = head + place, used + 2 + len(place) if place else used
    forms = tuple(content_form(word, language) for word in head)
    return verb, forms, f"{written} {' '.join(words[:used])}", _detail(words[used:], language)


def _detail(words: list[str], language: str) -> tuple[str, ...]:
    """The content forms of a phrase that starts with a preposition right after the thing or
    the verb ("via the link below", "by a month", "met een jaar") or of a clause that says
    what to check about it ("the cable is plugged in" / "is unplugged"); () for none."""
    if words and words[0] in _COPULAS:
        return tuple(content_form(w, language) for w in words[1:5] if w not in _DETERMINERS and w not in _COPULAS)
    if not words or words[0] not in _DETAIL_STARTS:
        return ()
    phrase = []
    for word in words[1:5]:
        if word in _ENDS or word in _DETAIL_STARTS:
            break
        if word not in _DETERMINERS:
            phrase.append(content_form(word, language))
    return tuple(phrase)


_COPULAS = frozenset("is are was were isn has works work still firmly properly correctly staat zit is werkt".split())
_DETAIL_STARTS = frozenset("via using through by with met door per tot".split())


_ONLY_PRONOUNS = frozenset({"it", "them", "hem"})  # not "het": also an article
# Verbs of a next step (and "here's how") that no noun phrase of a thing goes on with.
_NEXT_STEP = frozenset(
    "unplug wait restart reboot reload refresh reinstall reconnect delete press click try here let".split()
)


_OWNING = frozenset("your the je jouw uw de het".split())  # may open a hyphenated compound ("your in-home display")


def _phrase(words: list[str], compound: bool = False) -> list[str]:
    """The words of a noun phrase: up to three, to the first word that ends one (or says
    "another": "ook", "too")."""
    head: list[str] = []
    for index, word in enumerate(words[:3]):
        following = words[index + 1] if index + 1 < len(words) else ""
        if len(word) == 1 and following in _BUTTONS:
            head.append(word)  # "the A button": a label
            continue
        if not index and compound and word in _PLACES and following.isalpha() and following not in _NOT_COMPOUNDED:
            head.append(word)  # "your in-home display" (its hyphen dropped)
            continue
        if word in _ENDS or word in _PLACES or word in _MEANS or word in _DETERMINERS or word.isdigit():
            break
        if head and word in _NEXT_STEP:
            break  # "restart your modem: unplug it" (the norm lost the colon): the next step
        if word.endswith("ing") and head:
            break  # "your password using the link"
        head.append(word)
    return head


def compile_rules(languages: Iterable[str]) -> None:
    """Compile ahead of use the regexes this module builds on first use, the steps' patterns, for
    ``languages`` (lexicon languages): `analyze` does so before it forks its workers."""
    for language in languages:
        _patterns(language)
