"""A request for a person read as its parts (issue 12, round 13), behind the phrase list of
the ``human_request`` cue.

Each new set of customer messages brings wordings a phrase list misses ("Please make sure
someone actually calls me this time", "can I chat with your mortgage team?", "kan iemand het
gewoon voor me doen", "is er ook een mens die dit leest"). They are made of the same parts:

- an asking frame ("can I", "could someone", "I'd like", "please", "is there", "make sure",
  "kan ik", "kan iemand", "ik wil", "graag", "is er", "zorg dat"), a frame that names what it
  asks for ("I want", "get me", "put me through to", "geef me", "verbind me door met"), a
  frame that is the person ("who can I ...", "wie kan ik ..."), or the start of a clause for
  an imperative ("call me back", "bel me terug");
- a contact act ("speak to", "chat with", "call", "reach", "get through to", "spreken",
  "bellen", "te woord staan", "aan de lijn") or a person doing the work ("someone to explain
  this", "iemand die dit leest", "kan iemand het voor me doen");
- the company's people or a channel with people ("an agent", "your mortgage team", "customer
  service", "your phone number", "a callback", "een medewerker", "de klantenservice").

A whole message that only names a channel or a person ("NS klantenservice telefoonnummer",
"agent") asks too. The party is checked: someone else's people ("my bank", "the police",
"iemand van mijn bank"), a report ("they told me I need to speak to a manager"), a decline or
a negation ("no need for an agent", "ik wil niet gebeld worden") and what a person is talked
about ("a complaint about your agent", "the wait to speak to an agent") are no requests.

The words live in cues.yaml (``person_ask``); this module only composes them. A text with
none of the trigger words (most texts) is not searched at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from cxreview.signals.cue_patterns import parse_pattern
from cxreview.signals.lexicon import (
    opening_greeting,
    person_anchors,
    person_ask,
    person_ask_triggers,
    person_ask_words,
    person_frames,
    reported_speech,
    request_context,
)
from cxreview.signals.person_typos import corrected

_AT, _AT_BEGINNING = parse_pattern("^")[0]
_CLAUSE = re.compile(r"[^.!?;,:\n()]+")
_SENTENCE_STOPS = ".!?\n"
_CLAUSE_START = re.compile(r"[.!?;,:\n()]")
_CLAUSE_STOPS = ".!?;,:\n()"
# Words from a frame's start to the request's last word; a Dutch clause puts its verb last ("ik
# zou graag willen dat iemand van de afdeling X dit nu corrigeert en mij even belt").
_WINDOW = {"en": 12, "nl": 16}
_BARE_WORDS = 6  # a message that only names a channel or a person is this short
_NEAR = 5  # words between a person and the work they are asked to do
Span = tuple[int, int]
Parts = dict[str, re.Pattern[str]]
Words = dict[str, frozenset[str]]
_BACK = re.compile(r"\b(?:back|terug\w*)\b")
_OBJECT_WORDS = 6
_TRANSFER = re.compile(r"(?:put|connect|transfer|pass|forward|hand|verbind|zet|stuur)\b")
_TO_ME = re.compile(r"\b(?:mij|me|ons)$")  # "kunde gij mij nen mens geven": the person is given to the customer
_PLAIN_WORD = re.compile(r"\w+")
_GREETING_CHARS = 16  # where the presence question may start in the norm: after "hello", "goedemiddag"
_RELATIVE = frozenset({"who", "that", "to", "die", "wie", "om"})
_ASKING_NEGATION = re.compile(r"^(?:(?:is|are) there not|(?:isn'?t|aren'?t) there)\b")


def asked_person(text: str, lower: str, language: str, words: Sequence[str]) -> str | None:
    """The words of ``text`` that ask for a person, read as parts, or None. ``lower``: the
    text in lower case; ``words``: its words (to see whether it has a trigger word). Misspelt
    words are read as the words meant (`person_typos`); the request is quoted as typed."""
    language = "nl" if language == "nl" else "en"
    fixed = corrected(lower, words, language)
    span = _asked(fixed.lower, language, fixed.words) if fixed is not None else _asked(lower, language, words)
    if span is None:
        return None
    start, end = span if fixed is None else fixed.typed(*span)
    shown = text if len(text) == len(lower) else lower
    return shown[start:end].strip()


def _asked(lower: str, language: str, words: Sequence[str]) -> Span | None:
    """The span of ``lower`` that asks for a person, or None."""
    triggers = person_ask_triggers(language)
    if triggers.isdisjoint(words):
        return None
    parts, lists, anchors = person_ask(language), person_ask_words(language), person_anchors(language)
    if len(words) <= _BARE_WORDS and parts["bare"].search(lower.strip()) is not None:
        return 0, len(lower)
    for clause in _CLAUSE.finditer(lower):
        if triggers.isdisjoint(clause.group().split()) or not _anchored(clause.group(), anchors):
            continue  # no person, channel, call or presence in this clause: no frame is looked for
        opening = not lower[: clause.start()].rstrip() or lower[: clause.start()].rstrip()[-1] in ".!?\n"
        found = _in_clause(clause.group(), parts, lists, language, opening)
        if found is None:
            continue
        start, end = clause.start() + found[0], clause.start() + found[1]
        if _others_in(lower, start, parts):
            continue
        return start, end
    return _bare_sentence(lower, parts, language)


def _anchored(clause: str, anchors: tuple[re.Pattern[str], ...]) -> bool:
    for anchor in anchors:
        if anchor.search(clause) is not None:
            return True
    return False


_SENTENCE = re.compile(r"[^.!?;:\n]+")
# A name opens no article or yes, and a title is no "now" ("...\n\nA human\nNow." asks; round 18).
_SIGNATURE = re.compile(
    r"\n[ \t]*\n(?!\W*(?:a|an|the|een|de|het|yes|no|ja|nee|just|gewoon)\b)[^\n.!?:]{1,40}\n"
    r"(?!\W*(?:now|please|pls|asap|immediately|nu|graag|aub|alsjeblieft|meteen)\W*$)[^\n]{1,60}$"
)
_END = re.compile(r"$")


def _bare_sentence(lower: str, parts: Parts, language: str) -> Span | None:
    """The span of a sentence that is only the person asked for ("An advisor. A human being.",
    "EMPLOYED. ADVISER. PLEASE.", "ADVISEUR. Een mens.": cues.yaml ``person_ask.bare_sentence``),
    not after a closing ("Kind regards, ... Manager", "Thanks\nJane Doe\nClaims Handler") nor a
    title under a name after a blank line (a signature), or None."""
    closing = parts["closing"].search(lower)
    signed = _SIGNATURE.search(lower)  # "...\n\nTom Baker\nAccount Manager": a name and a title after a blank line
    end = min(at.start() for at in (closing, signed, _END.search(lower)) if at is not None)
    for sentence in _SENTENCE.finditer(lower, 0, end):
        words = sentence.group().strip()
        if lower[: sentence.start()].rstrip().endswith("?"):
            continue  # "Who booked it? An agent." answers the question
        if lower[sentence.end() : sentence.end() + 1] == ":":
            continue  # "agent: 12345", "Manager: J. Smith" label a value
        if words and _bare_search(language)(words) is not None:
            start = sentence.start() + sentence.group().index(words)
            asked_back = lower.startswith("?", sentence.end())  # "Adviseur?": kept, for an echo (person_turn)
            return start, start + len(words) + asked_back
    return None


@functools.lru_cache(maxsize=2)
def _bare_search(language: str) -> Callable[[str], re.Match[str] | None]:
    """``person_ask.bare_sentence``'s search in a sentence: its ``match`` when every pattern
    starts with "^" (a sentence has no newline, so "^" holds only at its start and the match
    is where the search finds it; the engine's search tries every position)."""
    parts = person_ask(language)
    anchored = all(_starts_anchored(pattern) for pattern in parts.sources["bare_sentence"])
    return parts["bare_sentence"].match if anchored else parts["bare_sentence"].search


def _starts_anchored(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts where "^" holds (its first item is "^", so it
    has no top-level alternative)."""
    parsed = parse_pattern(pattern)
    return parsed is not None and len(parsed) > 0 and parsed[0] == (_AT, _AT_BEGINNING)


def without_identity(text: str, lower: str, language: str) -> tuple[str, str]:
    """``text`` and ``lower`` with each question whether the bot or agent is a person blanked
    ("r u a real person", "is this a bot or a real agent?", "ben jij een echt persoon",
    "praat ik nu met een mens?"; cues.yaml ``person_ask.identity``), up to the end of its
    sentence or an ask after it (``identity_end``: "are you a bot? I want a human" still asks).
    The same strings when there is none (most texts)."""
    parts = person_ask("nl" if language == "nl" else "en")
    spans: list[Span] = []
    for match in parts["identity"].finditer(lower):
        stop = parts["identity_end"].search(lower, match.end())
        spans.append((match.start(), stop.start() if stop is not None else len(lower)))
    for start, end in spans:
        blank = " " * (end - start)
        text, lower = text[:start] + blank + text[end:], lower[:start] + blank + lower[end:]
    return text, lower


def someone_asked(text: str, lower: str, language: str, words: Sequence[str]) -> str | None:
    """The words of ``text`` that ask a bare "someone" to do the task ("kan er niet gewoon iemand
    op mijn naam zoeken?", "I need someone to look at my record": cues.yaml
    ``person_ask.someone_frames``), or None: a request for a person only with a bot
    (person_turn.py). Not with a question for an answer, help, a visit or someone else
    (``someone_not``, `_others_in`)."""
    if _SOMEONE.isdisjoint(words):
        return None
    parts = person_ask("nl" if language == "nl" else "en")
    for clause in _CLAUSE.finditer(lower):
        frame = parts["someone_frames"].search(clause.group())
        if frame is None or parts["someone_not"].search(clause.group(), frame.start()) is not None:
            continue
        start = clause.start() + frame.start()
        if _others_in(lower, start, parts):
            continue
        rest = clause.group()[frame.start() :].split(" ")
        end = start + len(" ".join(rest[: _WINDOW[language if language == "nl" else "en"]]).rstrip())
        return text[start:end].strip() if len(text) == len(lower) else lower[start:end].strip()
    return None


_SOMEONE = frozenset({"someone", "somebody", "anyone", "anybody", "iemand", "who", "wie"})  # "who can?" (round 17)


def detail_asked(text: str, lower: str, language: str) -> str | None:
    """The words at the end of ``text`` that ask bare for a channel's address or number ("wat
    is het adres", "nummer?", "the number to call?", "naar welk mailadres kan ik mijn klacht
    sturen?": cues.yaml ``person_ask.detail_ask``), or None: a request for a person only when
    the conversation names a channel with people (`asks_channel_detail`, person_turn.py)."""
    if not _has_detail_word(lower):  # most texts
        return None
    if language != "nl" and lower.isascii() and not _detail_at_line_end(lower):
        return None  # "my account number is 123, ...": no "number" near a line's end
    found = person_ask("nl" if language == "nl" else "en")["detail_ask"].search(lower)
    if found is None:
        return None
    start = found.start() + len(found.group()) - len(found.group().lstrip(" .!?,"))
    return (text if len(text) == len(lower) else lower)[start : found.end()].strip()


# Every English ``detail_ask`` match has "number", "address" or "line" followed by at most this many words
# (split at whitespace) up to the line's end ("... number do i send my form to about my old bill ?": 11;
# "$" holds at a line's end, and what the match may take after it is space and "?.!").
_DETAIL_TAIL = 11
_DETAIL_KEYS = ("number", "address", "line")


def _detail_at_line_end(lower: str) -> bool:
    """Whether an ASCII ``lower`` has "number", "address" or "line" with at most `_DETAIL_TAIL`
    words after it on its line, as every English ``detail_ask`` match has (IGNORECASE finds no
    other spelling in ASCII): a text without is not searched with them (no prefix: every position)."""
    for key in _DETAIL_KEYS:
        at = lower.find(key)
        while at >= 0:
            end = at + len(key)
            stop = lower.find("\n", end)
            if len(lower[end : stop if stop >= 0 else len(lower)].split(None, _DETAIL_TAIL)) <= _DETAIL_TAIL:
                return True
            at = lower.find(key, at + 1)
    return False


def asks_channel_detail(norm: str, words: str, reply: str | None, language: str) -> bool:
    """Whether a bare ask for an address or number (``words``, the cue ``detail_asked``) in a
    message (``norm``) asks for a channel with people: the message or the bot's or agent's
    message before it (``reply``, a norm) names one (``detail_context``: a call, a line, the
    customer service, "per mail"), and neither names the customer's own or a third party's
    (``detail_not``, ``third_party``: "Which number should we call you on?", "what's their number")."""
    parts = person_ask("nl" if language == "nl" else "en")
    said = [norm] if reply is None else [norm, reply]
    if any(parts["detail_not"].search(text) or _third_party(text, text is reply, parts) for text in said):
        return False
    if reply is not None and request_context(language)[1].search(reply) is not None:
        return False  # "Benissimo Restaurant & Bar is located in Corte Madera." / "What's the phone number?"
    plain = " ".join(_PLAIN_WORD.findall(words.lower()))
    at = norm.rfind(plain) if plain else -1
    if at >= 0 and parts["detail_self"].search(plain) is not None:
        return True  # "what number do I ring for leaks?"
    said[0] = norm[:at] if at >= 0 else norm  # the ask's own "phone number" names no channel with people
    if parts["detail_fed_up"].search(said[0]) is not None:
        return True  # "this bot is useless, give me a number" (the customer's words only, round 22)
    return any(parts["detail_context"].search(text) for text in said)


def pronoun_asked(text: str, lower: str, language: str) -> str | None:
    """The words of ``text`` that ask people named by a pronoun to contact the customer ("can they
    contact me directly please?": cues.yaml ``person_ask.pronoun_ask``), or None: a request only
    when the bot's or agent's message before it names the company's people (`names_own_people`)."""
    if lower.isascii() and not any(pronoun in lower for pronoun in _SPACED_PRONOUNS):
        return None  # most texts: ``pronoun_ask`` names a pronoun between spaces ("can they call me")
    if _PRONOUNS.search(lower) is None:
        return None
    found = person_ask("nl" if language == "nl" else "en")["pronoun_ask"].search(lower)
    return None if found is None else (text if len(text) == len(lower) else lower)[found.start() : found.end()]


def names_own_people(reply: str, language: str) -> bool:
    """Whether the bot's or agent's norm names the company's people ("I've passed this to the
    team.", "een collega") and no third party."""
    parts = person_ask("nl" if language == "nl" else "en")
    return parts["people"].search(reply) is not None and not _third_party(reply, True, parts)


_PRONOUNS = re.compile(r"\b(?:they|he|she|ze|zij|hij)\b")
# Each ``pronoun_ask`` pattern has one of these between spaces; in an ASCII text IGNORECASE finds no other
# spelling, so a text without any is not searched (substring tests: the regexes above have no prefix).
_SPACED_PRONOUNS = (" they ", " he ", " she ", " ze ", " zij ", " hij ")


def _third_party(text: str, replied: bool, parts: Parts) -> bool:
    """Someone else's people named in ``text``; in the bot's or agent's reply (``replied``) "our
    team" is the company's own ("Our team will reply to your email within 5 working days.")."""
    return any(not (replied and found.group().startswith(_OURS)) for found in parts["third_party"].finditer(text))


_OURS = ("our ", "onze ", "ons ")
_LINE = re.compile(r"\bline\b")


def _has_detail_word(lower: str) -> bool:
    """Whether ``lower`` has "numm", "number", "adres", "address", "contactgegevens" or the word
    "line" (substring tests; one regex of them has no prefix and tries every position)."""
    return (
        "numm" in lower
        or "number" in lower
        or "adres" in lower
        or "address" in lower
        or "contactgegevens" in lower
        or ("line" in lower and _LINE.search(lower) is not None)
    )


def _in_clause(clause: str, parts: Parts, lists: Words, language: str, opening: bool) -> Span | None:
    """The span of a request in one clause, or None. ``opening``: the clause starts a
    sentence (a bare "call me" there is an imperative; after a comma only "call me back" is:
    "I'm online, call me" is an advert)."""
    found = person_frames(language).match(clause, clause)  # the parts with a match: most clauses, none
    frames = [(m, kind) for part, kind in _FRAME_KINDS if part in found for m in parts[part].finditer(clause)]
    frames.sort(key=lambda pair: pair[0].start())
    for frame, kind in frames:
        end = _after_frame(clause, (frame.start(), frame.end()), kind, parts, lists, _WINDOW[language])
        if end is not None and _holds(clause, frame.start(), end, parts, language):
            return frame.start(), end
    call = parts["call_me"].search(clause) if "call_me" in found else None  # an imperative: "call me back"
    if (
        call is not None
        and lists["imperative_lead"].issuperset(clause[: call.start()].split())
        and (opening or _BACK.search(call.group()) or _TRANSFER.match(call.group()))
    ):
        end = _call_end(clause, call, parts)
        if end is not None and _holds(clause, call.start(), end, parts, language):
            return call.start(), end
    return None


_FRAME_KINDS = (("frames", "ask"), ("give_frames", "give"), ("who_frames", "who"), ("presence", "presence"))


def _after_frame(clause: str, frame: Span, kind: str, parts: Parts, lists: Words, window: int) -> int | None:
    """Where the request that a frame (its span) opens ends, or None when the words after
    it name no person, channel or act it needs."""
    start, frame_end = frame
    if kind == "presence":
        return frame_end  # "Reageert er nog iemand?": the question is the request
    segment = _window(clause, start, window)
    call = parts["call_me"].search(segment)
    if call is not None:
        end = _call_end(clause, call, parts, start)
        if end is not None:
            return end
    act = parts["acts"].search(segment, frame_end - start)
    if kind == "who":
        return None if act is None else start + act.end()
    person = _first_target(segment, parts["people"], parts, lists)
    if person is None and kind == "ask":  # "how do I speak to a nurse?", "kan er een apotheker naar kijken?" (round 19)
        person = _kind_asked(segment, frame_end - start, act, parts, lists)
    someone = _first_target(segment, parts["someone"], parts, lists)
    channel = parts["channels"].search(segment)
    if channel is not None and (
        _owned(segment[: channel.start()]) or parts["not_a_venue"].search(segment[channel.end() :])
    ):
        channel = None
    if kind == "give" and person is not None and not _object_of(segment[frame_end - start : person.start()], lists):
        person = None  # "I need a room for 3 nights for one person": the person is no object of the wish
    if kind == "give" and person is not None and act is None:
        after = segment[person.end() :]
        given = _TO_ME.search(segment[: frame_end - start]) is not None and after.rstrip().endswith(" geven")
        if (_other_verb(after, lists) and not given) or parts["job_after"].search(after) is not None:
            person = None  # "mag ik een medewerker complimenteren?", "I need a person to sign for it"
    if person is None and someone is not None and kind == "give" and _TRANSFER.match(segment):
        person = someone  # "pass me to someone who can actually help": a transfer names whom
    ends: list[int] = []
    if person is not None and (act is not None or kind == "give"):
        ends = [person.end()] + ([act.end()] if act is not None else [])
    elif person is not None and (work := _work(segment, person.end(), parts)) is not None:
        ends = [work]
    elif someone is not None and act is not None:
        ends = [someone.end(), act.end()]
    elif someone is not None and (work := _work(segment, someone.end(), parts, "someone_work")) is not None:
        ends = [work]
    elif channel is not None:
        ends = [channel.end()]
    return start + max(ends) if ends else None


def _kind_asked(
    segment: str, frame_end: int, act: re.Match[str] | None, parts: Parts, lists: Words
) -> re.Match[str] | None:
    """A person of a kind the company employs (cues.yaml ``person_ask.kinds``) asked for after an
    asking frame ending at ``frame_end``: with a contact act ("how do I speak to a nurse?", "can a
    pharmacist call me"), or as the one asked to do the work right after the frame ("kan er een
    apotheker naar kijken?"). Not an appointment booked ("Could you make me an appointment with a
    doctor?", "kan ik een afspraak maken met een diëtist?": a booking assistant's task), a visit
    ("hoe krijg ik een monteur?") nor one to be found ("Can you find a doctor to check ...?")."""
    person = _first_target(segment, parts["kinds"], parts, lists)
    if person is None:
        return None
    if act is not None and _BOOKED.match(act.group()) is None:
        return person
    right_after = segment[frame_end : person.start()].split() in ([], ["er"])
    return person if right_after and _work(segment, person.end(), parts) is not None else None


_BOOKED = re.compile(r"(?:appointment|meeting|afspraak)\b")


def _work(segment: str, after: int, parts: Parts, kind: str = "work") -> int | None:
    """The end of the work a person is asked to do, when it starts within `_NEAR` words
    after them ("a person to check it", "iemand het gewoon voor me doen"), or None. ``kind``:
    "work" for the company's people, "someone_work" for a bare "someone", whose work must
    make the ask one for a person ("someone to explain this to me"; not "someone to check
    it": cues.yaml ``person_ask.someone_work``)."""
    work = parts[kind].search(segment, after)
    if work is None or len(segment[after : work.start()].split()) > _NEAR:
        return None
    if parts["question_after"].search(segment[work.end() :]) is not None:
        return None  # "could someone explain why ...": a question for an answer
    if (
        kind == "someone_work"
        and work.group().rsplit(" ", 1)[-1] in _EXPLAINS
        and _ASKED_OF.search(segment, 0, after)
        and _ASKED_REST.fullmatch(segment[work.end() :].strip(" ?!."))
    ):
        # "my bill went up £40, can someone explain?", "can anyone actually explain this": the question itself
        return None
    return work.end()


# "can someone" asking the question itself, with nothing after the work ("can someone explain?").
_EXPLAINS = frozenset({"explain", "answer", "respond", "reply", "uitleggen", "verklaren"})
_ASKED_OF = re.compile(
    r"\b(?:(?:can|could|will|would) (?:someone|somebody|anyone|anybody)(?: (?:please|pls|plz|actually|even|ever|really|just))*"
    r"|(?:kan|kunnen|wil) (?:er )?iemand(?: (?:even|eens|nou|toch|misschien|eigenlijk|alsjeblieft|aub))*(?: (?:dit|dat|het))?)$"
)
# Nothing after the work, or only what it is about (round 24: "can anyone actually explain this"); "explain this to
# me" asks someone to talk the customer through it and stays a request.
_ASKED_REST = re.compile(r"(?:(?:this|that|it|this one|that one)(?: (?:please|pls|plz|lol|haha))?)?")


def _call_end(clause: str, call: re.Match[str], parts: Parts, offset: int = 0) -> int | None:
    """The end of "call me (back)" at ``offset`` + its span, unless a notice of an event
    follows ("call me when it ships", "bel me maar als het pakket er is")."""
    end = offset + call.end()
    return None if parts["notice"].search(clause[end:]) is not None else end


def _window(clause: str, start: int, window: int) -> str:
    """The clause from ``start`` on, cut after ``window`` words."""
    words = clause[start:].split(" ")
    return " ".join(words[:window])


def _first_target(segment: str, pattern: re.Pattern[str], parts: Parts, lists: Words) -> re.Match[str] | None:
    """The first person in ``segment`` that is not what the words are about
    ("a complaint about your agent", "the agent's name", "the wait to speak to an agent")."""
    for match in pattern.finditer(segment):
        before = segment[: match.start()]
        if (
            parts["about_person"].search(before)
            or parts["cost"].search(before)
            or segment.startswith("'s", match.end())
        ):
            continue  # "a complaint about your agent", "the wait to speak to an agent", "the agent's name"
        previous = before.split()[-1:]
        if previous and (previous[0] in lists["counts"] or previous[0].isdigit()):
            continue  # "for 6 people", "voor twee personen"
        if parts["other_firm"].search(segment[match.end() :]) is None:
            return match  # not "the customer service of Bol", "de klantenservice van Bol"
    return None


def _other_verb(rest: str, lists: Words) -> bool:
    """The Dutch clause after a person ends in a verb that is no contact act, or has a verb
    that does something else with a person (`other_verbs`: add, remove, authorise)."""
    words = rest.split()
    if not lists["other_verbs"].isdisjoint(words):
        return True  # "ik wil een persoon toevoegen aan mijn polis"
    return bool(words) and words[-1].endswith("en") and words[-1] not in lists["courtesy"]


def _object_of(between: str, lists: Words) -> bool:
    """The words between a wish and a person are only articles, adverbs and a verb of
    contact ("I want (to speak to) a human", "geef me (gewoon) een collega"), so the person
    is what is wished for."""
    return len(between.split()) <= _OBJECT_WORDS and lists["links"].issuperset(between.split())


def _owned(before: str) -> bool:
    """A channel of the customer's own ("my phone number", "mijn telefoonnummer")."""
    return before.split()[-1:] in (["my"], ["mijn"], ["m'n"])


def _holds(clause: str, start: int, end: int, parts: Parts, language: str) -> bool:
    """The request at ``clause[start:end]`` is one: no decline or negation in it (nor in the
    word before it) and no report before it (someone else's people: `_others_in`)."""
    before = clause[:start]
    previous = before.split()[-1:]
    words = _ASKING_NEGATION.sub("", clause[start:end], count=1)  # "is there not a phone line ...?" asks
    if parts["declines"].search(" ".join(previous) + " " + words) is not None:
        return False
    return reported_speech(language).search(before) is None


def someone_elses(lower: str, words: str, language: str) -> bool:
    """Whether the request ``words`` the phrase list found in ``lower`` are about someone
    else's people or about a person rather than for one: the same party checks as the parts
    get ("can someone from my bank call me", "is there a fee to speak to an agent?"), and a
    customer saying they are a person ("I'm a real person, not a bot")."""
    start = lower.find(words.lower())
    if start < 0:
        return False
    parts = person_ask("nl" if language == "nl" else "en")
    if _others_in(lower, start, parts) or lower.startswith("'s", start + len(words)):
        return True  # "can someone from my bank call me", "I want the agent's name"
    sentence = max(lower.rfind(stop, 0, start) for stop in _SENTENCE_STOPS) + 1
    if parts["self_described"].search(lower[sentence:start]) or parts["praised_access"].search(lower[sentence:start]):
        return True  # "I'm a real person, not a bot", "love that I can talk to a real person in the app"
    clause = _CLAUSE_START.split(lower[:start])[-1]
    return parts["cost"].search(clause) is not None


def _others_in(lower: str, start: int, parts: Parts) -> bool:
    """Someone else's people in the clause where a request starts (at ``start``) and the rest
    of its sentence, up to a condition or a reason: "can the courier call me", "who should I
    contact, the landlord or the contractor?", "een telefoontje van de bezorger"; not "kan ik
    iemand spreken als mijn vrouw thuis is"."""
    opening = max(lower.rfind(stop, 0, start) for stop in _CLAUSE_STOPS) + 1
    ends = [at for at in (lower.find(stop, start) for stop in _SENTENCE_STOPS) if at >= 0]
    rest = lower[start : min(ends, default=len(lower))]
    condition = parts["conditions"].search(rest)
    sentence = lower[opening:start] + (rest[: condition.start()] if condition is not None else rest)
    return parts["third_party"].search(sentence) is not None


def greets(words: str, norm: str, language: str) -> bool:
    """Whether a request's ``words`` only ask whether anyone is there, open the message
    (``norm``, its normalised text) and the message goes on: "hi is anyone there. my boiler
    ...", "hallo, is daar iemand? mijn internet ..."; not "... in augustus is er iemand komen
    kijken", nor a bare "Is anyone there?". A greeting when no bot or agent has written yet
    (conversation.py)."""
    if opening_greeting(language).search(words) is None:
        return False
    plain = " ".join(_PLAIN_WORD.findall(words.lower()))
    at = norm.find(plain)
    after = norm[at + len(plain) :].split()[:1]
    if after and after[0] in _RELATIVE:
        return False  # "is anybody there who can actually help me?" asks for them
    return at in range(_GREETING_CHARS) and len(norm) > at + len(plain)  # a bare "Is anyone there?" asks


def waits_for_promised(words: str, reply_norm: str, language: str) -> bool:
    """Whether a request's ``words`` only ask whether anyone is there ("anyone??", "hallo?
    iemand?") right after the bot or agent said a person is on the way (``reply_norm``: its
    norm; cues.yaml ``person_ask.promised``): the customer nudges a wait for the person
    promised and asks for nobody new (round 15)."""
    if opening_greeting(language).search(words.strip()) is None:
        return False
    return person_ask("nl" if language == "nl" else "en")["promised"].search(reply_norm) is not None
