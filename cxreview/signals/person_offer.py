"""A customer who takes the person a bot offers: "yes please" to "Would you like to speak to
someone from the council tax team?", "doorzetten" to "... of ik zet je door naar een
collega", "3" to "1) Rebook 2) Request a refund 3) Talk to an agent", "1" to "Wil je een
medewerker spreken? 1. Ja graag 2. Nee" (the option "ja graag" to a person offered), or the
words of an option ("chat now pls" to "... a call-back, or chat with an adviser now? 1.
Call-back 2. Chat now"). Such a reply asks for a person as much as "agent please" does; read
from the bot's message just before (cues.yaml ``person_offer``), or from the one before that
when the bot only asked for the menu's choice again ("Dat is geen geldige keuze. Antwoord met 1
(ja) of 2 (nee)."). A "yes" to anything else, or a number or words picking another option
("2. Nee", "track my order"), asks for nobody.

Round 15: an offer is also read as its parts (`_offered_by_parts`: an offering question with the
company's people or a contact with them after it, or an appointment or a pronoun asked about at
the end of a message that named a person), so wordings no list holds count ("Would you like to
chat with our membership team about it?", "Wilt ge met een medewerker spreken?", "Kan hij u
morgen terugbellen?", "Een gesprek met een hypotheekadviseur is gratis. Zal ik een afspraak
voor u inplannen?"); and a yes may go on ("yes please, I have a few questions about the
classes", "Ja, graag. Liefst op een zaterdag", "ja graag, na 17u"), unless it turns the offer
down or puts it off ("yes but not today", "ja, later misschien").

Round 17: a way of contact picked by name ("phone", "call back is better for me", "terugbellen is
beter") to an offer of people, or to a bot that named its people and the ways to reach them; a pick
that names the person offered and the call ("the specialist call"); an offer said last as what the
bot can do, without a question ("I can also connect you with a colleague in chat right now.")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from cxreview.signals import regex_code
from cxreview.signals.cue_index import compile_patterns
from cxreview.signals.lexicon import expanded, languages_read, person_offer, raw_cues
from cxreview.signals.lexicon import person_ask as person_ask_parts

_parser = regex_code._parser  # the regex parser of this Python (re._parser or sre_parse)
_NUMBER_ONLY = re.compile(r"^(?:option |optie |nummer |number |keuze |choice )?(\d)$")
_OPTION = re.compile(r"(?:^| )(\d) ")  # in a norm the option marks are bare digits ("3 talk to an agent")
_OR = re.compile(r" (?:or|of)$")  # "antwoord met 1 (ja) of 2 (nee)": the option "ja"
_COURTESY = frozenset("please pls plz thanks thank you thx graag aub alsjeblieft alstublieft svp dan maar".split())
# The last of the options a bot offered, picked by its place (round 16: "Het laatste" to "Dan kan ik
# je een tegoedbon aanbieden. Of wil je liever dat een reisadviseur met je meekijkt?").
_LATTER = re.compile(
    r"^(?:(?:ok|okay|oke|ja|yes|dan|then|graag|please|doe maar|liever|rather) )*(?:the latter|the last one|the last option"
    r"|the second one|the second option|the second|het laatste|de laatste|het tweede|de tweede|de tweede optie|die laatste"
    r"|dat laatste|laatste optie|de laatste optie)(?: (?:please|pls|graag|dan|aub|alsjeblieft|thanks|option|optie|one))*$"
)
# A way of contact picked by name (round 17: "phone" to "Our advisors are available by chat or phone. Which
# do you prefer?", "call back is better for me", "chat is fine, yes please", "terugbellen is beter").
_CHANNEL_PICK = re.compile(
    r"^(?:(?:ok|okay|oke|yes|yeah|ja|then|dan|um|doe maar|liever) )*(?:(?:the|a|by|via|over the|on the|de|een|per|via de) )?"
    r"(?:phone|telephone|phone call|call|call ?back|callback|chat|live chat|web ?chat|chat now|telefoon|telefonisch|bellen"
    r"|terugbellen|teruggebeld worden|gebeld worden|chatten|livechat|telefoontje)"
    r"(?: (?:is|would be|sounds|seems|lijkt me|is het|works|werkt) (?:fine|better|good|great|ok|okay|best|easier|perfect|prima"
    r"|beter|goed|fijn|makkelijker|handiger))?"
    r"(?: (?:please|pls|plz|for me|then|thanks|thank you|i think|preferably|yes please|yes|graag|dan|maar|aub|alsjeblieft"
    r"|ja graag|voor mij|liever))*$"
)
# An offer said as what the bot can do, at the end of its message, with no question after it ("I can also
# connect you with a colleague in chat right now."): taken by a yes (round 17).
_ABILITY = frozenset({"i can", "i could", "we can", "we could", "ik kan", "we kunnen", "wij kunnen", "kan ik"})
_ABILITY_WORDS = 12  # words from the frame to the end of the message
_MAX_WORDS = 6
_MAX_YES_WORDS = 25  # a yes that goes on: "yes please, someone who has actually read the policy"
_FRAME_WINDOW = 8  # words from an offering question to the person or contact it offers
# ... and from what the bot can do to it, past another option ("Ik kan je een tegoedbon van 10 euro geven, of
# een specialist laten bellen. Wat heeft je voorkeur?"; round 17)
_STATEMENT_WINDOW = 12


@functools.lru_cache(maxsize=1)
def _section() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the words that make a menu option one with people or a way to talk to them, a bot
    message that only asks for the menu's choice again): cues.yaml ``person_offer``."""
    section = raw_cues()["person_offer"]
    return re.compile(section["people"]), re.compile(section["asks_again"])


def accepts_person(language: str, reply_norm: str, norm: str, earlier_norm: str = "") -> bool:
    """Whether the customer's ``norm`` takes a person the bot's ``reply_norm`` offered
    (``earlier_norm``: the bot's message before the customer's last, read when ``reply_norm``
    only asks for the choice again)."""
    if not norm or norm.count(" ") >= _MAX_YES_WORDS:
        return False
    if _LATTER.match(norm) is not None:  # "the latter" to "... a voucher, or would you rather talk to an advisor?"
        last = max(reply_norm.rfind(" or "), reply_norm.rfind(" of "))
        parts = _parts(language)  # not a notice: "... or call you when the engineer comes"
        latter = reply_norm[last:]
        return last >= 0 and parts["targets"].search(latter) is not None and parts["notices"].search(latter) is None
    if norm.count(" ") >= _MAX_WORDS and not _says_yes(norm, language):
        return False
    offered, options, asks_again = _offer_in(language, reply_norm)
    if offered and _THANKS_ONLY.match(norm) and _announced(reply_norm, language):
        return False  # "ok dank je" to "Een moment, ik verbind je door met een medewerker.": thanks for the transfer
    if not offered and earlier_norm and asks_again:
        earlier_offered, earlier_options, _ = _offer_in(language, earlier_norm)
        offered, options = earlier_offered, options or earlier_options
    if not offered and not options:
        return _CHANNEL_PICK.match(norm) is not None and _offers_channels(reply_norm, language)
    if offered and (
        _CHANNEL_PICK.match(norm) is not None
        or _names_offered(norm, reply_norm, language)
        or _picks_alternative(norm, reply_norm, language)
    ):
        # "call back is better for me" to "... chat with an adviser or get a call back?"; not the way that
        # stays with the bot ("chat is fine" to "... an agent by phone, or would you rather continue here in the chat?")
        return not _stays(norm, reply_norm, language)
    accepts = person_offer(language)[1]
    people = _section()[0]
    number = _NUMBER_ONLY.match(norm)
    chosen = options.get(number.group(1)) if number is not None else _said(options, norm)
    if chosen is not None:
        return people.search(chosen) is not None or (offered and accepts.search(chosen) is not None)
    return number is None and offered and (accepts.search(norm) is not None or _says_yes(norm, language))


def _says_yes(norm: str, language: str) -> bool:
    """The reply opens with a yes and nothing after it turns the offer down or puts it off."""
    parts = _parts(language)
    agrees = parts["agrees"]
    # (The cue patterns are multi-line: a "^" after a line break too; a norm has none.)
    found = agrees.match(norm) if "\n" not in norm and _agrees_at_start(language) else agrees.search(norm)
    return found is not None and parts["but_not"].search(norm) is None


@functools.lru_cache(maxsize=2)
def _agrees_at_start(language: str) -> bool:
    """Every ``agrees`` pattern is held to the start of the text (its parsed tree opens with
    "^", no alternative outside it): in a text of one line a search finds nothing a match at
    the start would not, and the match fails at once on most replies instead of trying every
    position."""
    section = raw_cues()["person_offer"]["agrees"]
    patterns = [p for lang in languages_read(language) for p in expanded(section[lang], lang)]
    return all(_opens_with_start(pattern) for pattern in patterns)


def _opens_with_start(pattern: str) -> bool:
    try:
        tree = _parser.parse(pattern)
    except re.error:
        return False
    return len(tree) > 0 and tree[0] == (_parser.AT, _parser.AT_BEGINNING)


def _stays(norm: str, reply_norm: str, language: str) -> bool:
    """Whether the way of contact named in ``norm`` is in an option of the bot's without people
    that stays with the bot ("continue here in the chat", "blijf je liever met mij chatten")."""
    named = set(_CHANNEL_WORD.findall(norm))
    options = _ALTERNATIVES.split(reply_norm)
    targets = _parts(language)["targets"]
    return len(options) > 1 and any(
        _STAY.search(o) and not targets.search(_CHANNEL_WORD.sub(" ", o)) and named & set(_CHANNEL_WORD.findall(o))
        for o in options
    )


_CHANNEL_WORD = re.compile(
    r"\b(?:phone|telephone|call|chat|callback|telefoon|telefonisch|bellen|chatten|livechat|webchat)\b"
)
_STAY = re.compile(r"\b(?:here|with me|continue|keep|stay|hier|met mij|blijf|blijven|verder)\b")


def _names_offered(norm: str, reply_norm: str, language: str) -> bool:
    """A short reply that names the person the bot offered ("the specialist call" / "de specialist
    laten bellen" to "... a voucher, or I can arrange for a specialist to call you. Which would you
    prefer?"), not a question about them nor a no ("who is the specialist?", "not the specialist")."""
    if norm.count(" ") >= _PICK_WORDS or not _ASKED.isdisjoint(norm.split()) or _CONTACT.search(norm) is None:
        return False  # "I need an ENT specialist" picks a doctor: the pick names the call or chat
    parts = _parts(language)
    named = parts["targets"].search(norm)
    return named is not None and named.group() in reply_norm and parts["but_not"].search(norm) is None


_PICK_WORDS = 5
_CONTACT = re.compile(
    r"\b(?:call|callback|chat|phone|talk|speak|email|bellen|terugbellen|chatten|spreken|praten|gesprek|gebeld|gemaild|mailen)\b"
)
_ASKED = frozenset("who what which why how when wie wat welke waarom hoe wanneer".split())


def _picks_alternative(norm: str, reply_norm: str, language: str) -> bool:
    """A short reply that picks, by a word of its own, one of the offer's alternatives that is a
    contact with the company's people ("now please" to "Would you like to speak to an advisor now,
    or book a call for later?", "a call, after 6pm" to "Would you prefer a call or an email from our
    team?", "gebeld, na 18 uur"); not an alternative without people ("track my parcel" to "... speak
    to an agent or track your parcel?", "Rates now please" to an agent's "I can book you an appointment
    with an advisor or talk through our rates now."), nor a no ("not now")."""
    words = norm.split()
    if len(words) > _PICK_WORDS or not _ASKED.isdisjoint(words) or _OR_SPLIT.search(reply_norm) is None:
        return False
    parts = _parts(language)
    if parts["but_not"].search(norm) is not None:
        return False
    own = {word for word in words if word not in _STOP and word not in _COURTESY and not word.isdigit()}
    for option in _OR_SPLIT.split(reply_norm):
        shared = own.intersection(option.split())
        if not shared or parts["notices"].search(option) is not None or _CONTACT.search(option) is None:
            continue  # "I need an ENT specialist" to "Would you like a gynecologist, an ENT specialist, ...?" (SGD)
        if parts["targets"].search(option) is not None or any(_CONTACT.fullmatch(word) for word in shared):
            return True  # the option names the people, or the pick is the way of contact ("a call")
    return False


_OR_SPLIT = re.compile(r" (?:or|of) ")
_TO_THEM = frozenset({"them", "him", "her", "hen", "hem", "haar"})  # the people named before, passed the case
# Words that pick nothing ("now" and "nu" do: "now please" to "... an advisor now, or a call for later?").
_STOP = frozenset(
    """a an the to of or and for with you your me my i we it is be would like want do please yes ok okay
    de het een te van en voor met je jij u jouw uw mij ik wil wilt graag ja oke""".split()
)


def _offers_channels(reply_norm: str, language: str) -> bool:
    """The bot's norm names the company's people and asks which way of contact the customer
    prefers, or names the ways to reach them ("Our advisors are available by chat or phone. Which
    do you prefer?", "Ons team is bereikbaar van 8 tot 20 uur via 088-1234567 of via de chat.")."""
    parts = _parts(language)
    if parts["targets"].search(reply_norm) is None:
        return False
    return parts["confirm_end"].search(reply_norm) is not None or _WAYS.search(reply_norm) is not None


_WAYS = re.compile(
    r"\b(?:by|via|over|per|through|on) (?:the |de )?(?:chat|live ?chat|phone|telephone|telefoon|whatsapp)\b"
)


def _offered_by_parts(reply_norm: str, language: str) -> bool:
    """The bot's norm offers a person by its parts (cues.yaml ``person_offer``: an offering
    question, a target within `_FRAME_WINDOW` words after it, no notice; or an appointment or
    a pronoun asked about at the end after a target named before it)."""
    parts = _parts(language)
    confirmed = parts["confirm_end"].search(reply_norm) is not None
    for frame in parts["statement_frames"].finditer(reply_norm):  # "I can put you through now. OK?"
        if _DENIED.match(reply_norm, frame.end()) is not None:
            continue  # "Sorry, I can't connect you with a colleague right now.", "ik kan je helaas niet doorverbinden"
        # without a question only what the bot can do, said last ("I can also connect you with a colleague")
        if confirmed or (
            frame.group() in _ABILITY
            and reply_norm.count(" ", frame.end()) <= _ABILITY_WORDS
            and not _conditional(reply_norm, frame.start())
        ):
            window = " ".join(reply_norm[frame.end() :].split()[:_STATEMENT_WINDOW])
            for option in _ALTERNATIVES.split(window):  # "een monteur inplannen of je doorzetten naar een collega"
                if parts["statement_targets"].search(option) is not None and parts["notices"].search(option) is None:
                    return True
    for frame in parts["frames"].finditer(reply_norm):
        if _conditional(reply_norm, frame.start()):
            continue
        if parts["targets"].search(frame.group()) is not None:
            return True  # "can someone call you back", "kan hij u morgen terugbellen"
        after = reply_norm[frame.end() :].split()
        window = " ".join(after[:_FRAME_WINDOW])
        if parts["notices"].search(window) is not None:
            continue
        if parts["targets"].search(window) is not None:
            return True
        rest: str | None = " ".join(after)
        if len(after) > _FRAME_WINDOW:  # "... pass your request to them? They reply by e-mail within 24 hours."
            end = next((i for i, word in enumerate(after[:_FRAME_WINDOW]) if word in _TO_THEM), None)
            rest = " ".join(after[: end + 1]) if end is not None else None
        if rest is not None and parts["objects"].search(rest) is not None:
            if parts["targets"].search(reply_norm[: frame.start()]) is not None:
                return True
    return False


@functools.lru_cache(maxsize=2)
def _parts(language: str) -> dict[str, re.Pattern[str]]:
    """The offer's parts and the open yes of cues.yaml ``person_offer``, Dutch with the English."""
    section = raw_cues()["person_offer"]
    names = (
        *("frames", "targets", "objects", "notices", "agrees", "but_not"),
        *("statement_frames", "statement_targets", "confirm_end"),
    )
    return {
        name: compile_patterns([p for lang in languages_read(language) for p in expanded(section[name][lang], lang)])
        for name in names
    }


# A bare thanks or ok ("ok dank je", "ok thanks") to a transfer announced, not offered (round 18).
_THANKS_ONLY = re.compile(
    r"^(?:(?:ok|okay|oke|oké|top|prima|great|fine|cool|alright|thanks|thank you|thx|ty|cheers|dank je|dank je wel"
    r"|dankjewel|dank u|dank u wel|bedankt|merci|wel)(?: |$))+$"
)
_OFFER_QUESTION = re.compile(
    r"\b(?:would you like|do you want|shall i|should i|want me to|is that ok|okay|wil je|wilt u|zal ik|is dat goed|akkoord)\b"
)


def _announced(reply_norm: str, language: str) -> bool:
    """The bot's norm says a person is on the way (cues.yaml ``person_ask.promised``: "Een moment,
    ik verbind je door met een medewerker.") and asks nothing about it."""
    promised = person_ask_parts("nl" if language == "nl" else "en")["promised"]
    return promised.search(reply_norm) is not None and _OFFER_QUESTION.search(reply_norm) is None


# An offer for later, on a condition ("If it hasn't arrived by Friday, I can put you through to a colleague."):
# a thanks for it takes nothing now (round 18).
_CONDITION_BEFORE = re.compile(
    r"\b(?:if|unless|in case|once|als|mocht|indien|zodra)\b(?! (?:you|u|je|jij|ge) (?:d |would |ll )?(?:like|want"
    r"|wish|prefer|need|wil|wilt|dat wil|dat wilt|wenst)\b)(?: \w+){0,8} $"
)


def _conditional(reply_norm: str, start: int) -> bool:
    """An offer at ``start`` of the bot's norm on a condition, within a few words after it ("If it
    hasn't arrived by Friday, I can put you through ..."; not "if you'd like, I can ...")."""
    return _CONDITION_BEFORE.search(reply_norm, 0, start) is not None


_DENIED = re.compile(r"(?: \w+){0,2}? (?:t|not|never|niet|nooit|geen)\b")
_WORDS = re.compile(r"\w+")
_ALTERNATIVES = re.compile(r" (?:or|of) ")


def reply_norm(norm: str, cues: dict[str, str]) -> str:
    """What a bot's or agent's message says, for the customer's reply to be read against: its
    norm, or, for an agent's message (whose norm an analysis does not keep), the words of the
    person it offers (the system cue ``person_offered``), normalised."""
    if norm or "person_offered" not in cues:
        return norm
    return " ".join(_WORDS.findall(cues["person_offered"].lower()))


def offers_person(language: str, reply_norm: str) -> bool:
    """Whether the bot's or agent's norm offers a person (by its words or its parts)."""
    return _offer_in(language, reply_norm)[0]


@functools.lru_cache(maxsize=16_384)
def _offer_in(language: str, reply_norm: str) -> tuple[bool, dict[str, str], bool]:
    """(the bot's norm offers a person, its menu's options, it only asks for the menu's
    choice again): remembered per text, as bot texts are mostly templates met in
    conversation after conversation. The options are only read."""
    offers = person_offer(language)[0]
    asks_again = _section()[1]
    return (
        any(not _conditional(reply_norm, found.start()) for found in offers.finditer(reply_norm))
        or _offered_by_parts(reply_norm, language),
        _options(reply_norm),
        asks_again.search(reply_norm) is not None,
    )


def _options(reply_norm: str) -> dict[str, str]:
    """The words of each numbered option of a menu in the bot's norm, by number (none when the
    norm has fewer than two numbers: "press 3 to continue" is no menu)."""
    text = " " + reply_norm
    marks = list(_OPTION.finditer(text))
    if len(marks) < 2:
        return {}
    options: dict[str, str] = {}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        options.setdefault(mark.group(1), _OR.sub("", text[mark.end() : end].strip()))
    return options


def _said(options: dict[str, str], norm: str) -> str | None:
    """The option whose words the customer's norm says, courtesies aside ("chat now pls" for
    "chat now", "ja graag" for "ja graag"), or None."""
    words = _plain(norm)
    for option in options.values():
        plain = _plain(option)
        if plain and (words == plain or (len(plain.split()) > 1 and plain in words)):
            return option
    return None


def _plain(norm: str) -> str:
    return " ".join(word for word in norm.split() if word not in _COURTESY)


def compile_rules(languages: Iterable[str]) -> None:
    """Compile ahead of use the regexes this module builds on first use, the offer's section, for
    ``languages`` (lexicon languages): `analyze` does so before it forks its workers."""
    del languages  # one section for every language
    _section()
