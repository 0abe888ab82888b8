"""What a bot message asks the customer for: the item of a request for a value.

Bots re-ask for a value in other words and wrap it in other sentences: "Please enter your
account number (it starts with AC)." / "Thanks! To continue, could you please provide your
account number?" / "Sorry, I didn't get that. What is your account number?". As whole texts
these share too few words to be near-duplicates; what they ask for is one item, "account
number". `asked_for` finds that item in a normalised text ("norm": lower case, no
punctuation), in English and Dutch:

- a request for a value before "your" / "the" / "je" / "uw" ...: "enter your X", "could you
  provide the X", "what is your X", "may I have your X", "I need your X", "let me know your
  X", "your X please", "which X did you ...", "wat is je X", "mag ik je X", "kun je je X
  invullen", "zou je je X willen doorgeven", "vul / voer je X in", "ik heb je X nodig",
  "gelieve uw X in te geven", "graag je X", "welk X heb je ...";
- the item is the words after the article up to the first word that is not part of a noun
  phrase ("your account number so I can look ..."), without sizes and formats ("the
  16-digit card number", "je boekingscode van 6 tekens"), with the synonyms of the rephrasing
  word lists merged ("booking reference" / "booking code"). A qualifier after the noun is
  part of it ("the phone number of the recipient", "het klantnummer van je partner", "the
  address for the invoice", "the things that you like about it"), unless it names what the
  conversation is about anyway ("the tracking number of your shipment", "the order number
  of the item"); "date of birth" is no "date"; "het nummer van je bankkaart" is a
  "bankkaartnummer", and a Dutch compound equals its longer form ("kaartnummer" /
  "bankkaartnummer").

What a meter shows is its reading ("What does the display of your meter show?", "Wat staat er
op je meter?"), and "Could you check your account number?" asks for it again.

Not a request: a warning or a statement ("Never share your PIN", "we will never ask you to
share your password", "Deel je pincode nooit", "We'll send you the invoice"), an instruction
for a website or app ("enter your account number on our website to see your balance"), a
Dutch choice without a giving verb ("Wil je het geld terug op je rekening?"), an item of one
generic word ("the code", "your number", "the time", "your patience").

The step is kept apart: entering a value and confirming it ("Please enter your new phone
number" / "Please confirm your new phone number", "Please type your email address again to
confirm it") ask for different things.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from cxreview.signals.day_asks import BOT_SUBJECT_BEFORE, DAY, day_asked, same_event
from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import lexicon_language, raw_cues
from cxreview.signals.problem_asks import asks_the_problem
from cxreview.signals.value_asks import ABBREVIATIONS, asked_by_meaning
from cxreview.signals.wording import content_form, filler_words


class Request(NamedTuple):
    """What a bot text asks for: its step ("give" or "confirm"), the item's content forms (to
    compare) and its words as written (to show)."""

    step: str
    item: tuple[str, ...]
    words: str

    @property
    def pronoun(self) -> bool:
        """An ask by pronoun ("Please enter it below.", "Vul het hieronder in."): its item is
        the one the bot asked for before."""
        return self.item == PRONOUN


PRONOUN = ("<asked before>",)

_ARTICLES = r"(?:your|the|je|jouw|uw|het|de)"
_OBJECT = r"(?P<obj>\w+(?: \w+){0,7})"
# Request frames, on normalised text: the object follows the frame.
_EN_FRAMES = (
    # "Could you check your track & trace code?" after a failed look-up asks for the value
    # again (only for a value written with digits: "check your email" is the inbox).
    r"\b(?P<verb>enter|type|provide|give|share|send|tell|input|submit|key in|fill in|confirm|verify|re enter|reenter"
    r"|check|double check|recheck"
    rf"|retype|repeat|reply with|let me know)(?: in)?(?: me| us)?(?: again| once more)? {_ARTICLES} {_OBJECT}",
    # "enter a valid postcode" (not "give me a couple of reasons": a value is entered)
    rf"\b(?P<verb>enter|type|provide|input|fill in|key in) (?:a|an) {_OBJECT}",
    rf"\b(?:what (?:s|is|was|are)|tell me what(?: s| is)?) {_ARTICLES} {_OBJECT}",
    rf"\b(?:may|can|could) (?:i|we) (?:have|get|ask for|ask) {_ARTICLES} {_OBJECT}",
    rf"\b(?:i|we)(?: ll| will| would| still)? need {_ARTICLES} {_OBJECT}",
    # "Your postcode please." (the item has no word that ends a noun phrase: "your order is
    # ready, please collect it" asks nothing)
    r"\byour (?P<strict>\w+(?: \w+){0,2}) please\b",
    # "Which city would you like?", not "... results which match your selection"; "What email
    # address did you use?" (a "what" asks for a value only when a value's noun ends the phrase:
    # not "What movie did you watch?").
    r"\b(?P<which>which|what) (?P<obj>\w+(?: (?!you\b|we\b|i\b)\w+)?)"
    r" (?:would|do|did|does|should|is|are|was|can|could|will|have)\b",
    # "Please enter it below.": the item is the one asked before (`Request.pronoun`).
    r"\b(?P<verb>enter|type|provide|give|share|send|input|submit|fill in|key in) (?P<pronoun>it|them)"
    r"(?= (?:below|here|again|now|please|there|in|to (?:me|us))\b|$)",  # not "give them a ring"
)
_NL_GIVING = r"(?:invullen|invoeren|ingeven|geven|doorgeven|sturen|opgeven|typen|intypen|noemen|delen)"
_NL_FRAMES = (
    # "Vul het hieronder in.", "Wil je het hier invullen?": the item asked before (first: "het" is
    # also an article).
    r"\b(?P<verb>vul|voer|geef|typ|stuur)(?: (?P<pronoun>het|hem|die|dat))(?: (?:hier|hieronder|even|nog|nu|alsnog|graag))*"
    r" (?:in|door|op)\b",
    r"\b(?:kun|kan|kunt|wil|wilt|zou|zoudt) (?:je|u|jij) (?P<pronoun>het|hem|die|dat)(?: (?:hier|hieronder|even|nog|nu|alsnog))*"
    rf"(?: willen)? {_NL_GIVING}\b",
    rf"\bwat (?:is|was|zijn) {_ARTICLES} {_OBJECT}",
    rf"\bmag ik(?: nog)?(?: even)? {_ARTICLES} {_OBJECT}",
    rf"\b(?:heb|hebben) (?:ik|we|wij)(?: nog)?(?: even)? {_ARTICLES} {_OBJECT}",
    rf"\b(?:ik|we|wij) (?:heb|hebben)(?: nog)?(?: even)? {_ARTICLES} (?P<obj>\w+(?: \w+){{0,3}}?) nodig\b",
    # The verb ends a Dutch request: "kun je (mij) je klantnummer (nog een keer) (willen)
    # invullen"; without one it offers a choice ("Wil je het geld terug op je rekening?").
    r"\b(?:kun|kan|kunt|wil|wilt|zou|zoudt) (?:je|u|jij)(?: mij| me)?(?: ook)?(?: nog)?(?: even)?"
    rf"(?: een keer| eens| nogmaals| opnieuw)? {_ARTICLES} (?P<obj>\w+(?: \w+){{0,3}}?)"
    rf"(?: nog een keer| nogmaals| opnieuw| even)?(?: willen)? (?:{_NL_GIVING}|(?P<verb>bevestigen|controleren))\b",
    rf"\b(?P<verb>vul|voer|geef|typ|stuur|noem|deel|bevestig|controleer)(?: nog)?(?: even)?(?: een keer)?(?: ter verificatie)? {_ARTICLES}"
    rf" {_OBJECT}",
    rf"\b(?:gelieve|graag) {_ARTICLES} {_OBJECT}",
    r"\bwelke? (?P<obj>\w+(?: \w+)?) (?:heb|hebt|heeft|wil|wilt|is|zijn|was|kan|kun|kunt|zou|gebruik|gebruikt)\b",
    # "Welk e-mailadres hoort bij je bestelling?": a compound alone before any verb.
    r"\b(?P<which>welke?) (?P<obj>\w{6,}) (?:\w+)\b",
)
# The first word of these ends a noun phrase: what comes after says why or how.
_PHRASE_ENDS = frozenset(
    """of for to so that which who it in on at from with please again you we i and or but if as by about regarding
    because before after here there now first last below above then when once this these your my our
    is are was be can could will would should did do does have has had linked registered used associated
    van voor om zodat dat die wat het je jij u we wij ik in op aan bij uit met en of maar als nog graag
    nodig opnieuw nogmaals even eens een keer is zijn was te door zoals heb hebt heeft hebben over willen
    waarmee waarop waarin waarvan waarover gekoppeld gebruikt following volgende only no without alleen zonder
    geen""".split()
)
# Dutch verbs and particles that close a request after its object ("kun je je X invullen").
_NL_CLOSERS = frozenset(
    """invullen invoeren ingeven geven doorgeven sturen opgeven typen intypen bevestigen noemen delen controleren
    in door op""".split()
)
# Sizes and formats say how the value looks, not which value is asked.
_FORMAT_WORDS = frozenset(
    """digit digits character characters letter letters long valid correct full complete exact right
    cijfers cijfer tekens teken geldig geldige juiste volledige correcte dd mm yy yyyy jjjj current huidige""".split()
)
# "first" / "last" qualify a noun that follows ("your first name", "the last 4 digits"),
# else they end the phrase ("enter your postcode first").
_ORDINALS = frozenset({"first", "last", "eerste", "laatste"})
# Participles after a noun say where the value is, not which: "the number shown on your bill".
_PARTICIPLES = frozenset(
    "shown printed listed mentioned stated displayed given written found vermeld vermelde getoond staat".split()
)
_QUALIFIER_LINKS = frozenset({"of", "for", "on", "van", "voor"})  # "the reading on your electricity meter"
_RELATIVES = frozenset({"that", "which", "who", "why", "die", "dat", "waarom"})
_DUTCH_HEADS_OF = frozenset({"nummer", "adres", "datum", "code", "naam", "gegevens"})
_NEGATED_BEFORE = re.compile(r"\b(?:(?:not|don t|dont|do not) |never (?:\w+ ){0,3})$")
_NEGATED_AFTER = frozenset({"niet", "nooit"})
_PURPOSE_BEFORE = re.compile(r"\bto \w+ $")  # "to check your delivery please": the object of a purpose
_PREPOSITIONS = tuple(f"{word} " for word in "for in on at to from with of about into near".split())
# Who is verified, then the value that verifies it: "Please verify your identity by entering
# your date of birth" asks for the date (read as "Please enter your date of birth").
_VERIFIED_BY = re.compile(
    r"\b(?:verify|confirm|prove) (?:your )?(?:identity|yourself|who you are) by (?P<verb>enter|typ|provid|giv|shar|send)(?:ing)\b"
)
_EMBEDDED_BEFORE = re.compile(r"\b(?:check|see|know|find|show|look up)(?: out)? $")
_PLACE_AFTER = re.compile(
    r"^(?:\w+ ){0,2}?(?:on|in|via|at|op|in) (?:our|the|onze|de|je|your|mijn|my)? ?"
    r"(?:website|site|app|portal|web page|account page|mijn omgeving|webpagina)\b"
)
_CONFIRMING = re.compile(r"\b(?:again to (?:confirm|verify|check)|to confirm it|ter (?:bevestiging|controle))\b")
# Items that say too little alone: "the code" / "your number" (one synonym group), "details";
# a time or date alone is told apart by what follows ("the time when you need the car" / "...
# plan to leave"), an opinion or "the following" by what it is about; courtesies.
_GENERIC = frozenset(
    (word,)
    for word in """number details time date opinion following action information confirmation bevestiging money
    geld amount bedrag patience understanding cooperation geduld begrip
    reason reden problem probleem question vraag""".split()
)
# A qualifier that names what the conversation is about anyway says nothing new: "the
# tracking number of your shipment", "the order number of the item you want to return".
_CONTEXT_FORMS = frozenset(
    {"order", "product", "delivery", "account", "problem", "question", "request"}
    | {"car", "vehicle", "auto", "voertuig", "parcel", "zending"}  # "the registration number of the car"
)
_E_PREFIX = re.compile(r"\be (?=\w)")
_EXAMPLE = re.compile(r"\b(?:e g|eg|for example|for instance|such as|bijv|bv|b v|bijvoorbeeld|zoals)\b")
_COMPOUND_MIN = 7  # letters of the shorter word for "kaartnummer" to equal "bankkaartnummer"
_CACHED_LENGTH = 400  # longer texts are not remembered (they are rarely bot templates)


def asked_for(norm: str, language: str = "en") -> Request | None:
    """The request a normalised bot text makes of the customer, or None. The first request
    in the text that is no warning, statement or instruction for elsewhere counts."""
    language = lexicon_language(language)
    if len(norm) > _CACHED_LENGTH:
        return _another_one(
            norm,
            _by_meaning(norm, language) or _find(norm, language) or _day_asked(norm, language) or _problem_asked(norm),
        )
    key = (norm, language)
    if key in _CACHE:
        return _CACHE[key]
    if len(_CACHE) > _CACHE_LIMIT:
        _CACHE.clear()
    found = _CACHE[key] = _another_one(
        norm, _by_meaning(norm, language) or _find(norm, language) or _day_asked(norm, language) or _problem_asked(norm)
    )
    return found


# "Which item would you like to return next?" after "... return first?", "the next item", "nog een
# artikel": the same template for the next of several things asks for another one, not again.
_NEXT_ONE = re.compile(
    r"\b(?:(?:the )?next (?:one|item|product|parcel|package|order)|\w+ next$|another (?:one|item|product|parcel|package|order)"
    r"(?! (?:number|id|code|reference))|(?:second|other) (?:one|item|product|parcel|package)|nog een (?:artikel|product|pakket)"
    r"|volgende (?:artikel|product|pakket|bestelling)|een ander (?:artikel|product|pakket))\b"
)
NEXT_ONE = "<next one>"


def _another_one(norm: str, found: Request | None) -> Request | None:
    if found is None or _NEXT_ONE.search(norm) is None:
        return found
    return found._replace(item=(*found.item, NEXT_ONE))


_CACHE: dict[tuple[str, str], Request | None] = {}
_CACHE_LIMIT = 50_000


def same_item(a: Request, b: Request) -> bool:
    """Whether two requests ask for one item at one step."""
    # Confirming is reading a value back: two of them differ in the value read back ("Please
    # confirm your reservation for 2 / for 4"), which only the whole texts show.
    if a.step != b.step or a.step == "confirm":
        return False
    if a.item == b.item or sorted(a.item) == sorted(b.item):
        return True  # "electricity meter reading" / "reading on your electricity meter"
    if a.item[0] == DAY == b.item[0]:
        return same_event(a.item[1:], b.item[1:])
    if _canonical(a.item) == _canonical(b.item):
        return True  # "email address" / "email", "customer ID" / "customer number", "user name" / "username"
    # A Dutch compound and its longer form: "kaartnummer" / "bankkaartnummer", also after a
    # word the norm split off ("kaartnummer" / "OV-chipkaartnummer").
    if len(a.item) == len(b.item) == 1:
        short, long = sorted((a.item[0], b.item[0]), key=len)
        return len(short) >= _COMPOUND_MIN and long.endswith(short)
    if min(len(a.item), len(b.item)) == 1:
        # (the content forms of compounds differ: "pasnummer", "bankpasnumber")
        short, long = sorted((a.item[-1].replace("nummer", "number"), b.item[-1].replace("nummer", "number")), key=len)
        return len(short) >= _COMPOUND_MIN and len(long) > len(short) and long.endswith(short)
    return False


def _canonical(item: tuple[str, ...]) -> str:
    """An item written one way: an "ID" is a number ("customer ID" / "customer number"); a
    zip, postal or post code is a postcode; an "address" or "number" after a word that names
    the value alone adds nothing ("email address" / "email", "IBAN number" / "IBAN",
    "e-mailadres" / "e-mail"; not "account number" / "account"); the words are joined
    ("user name" / "username", "klant ID" / "klantnummer")."""
    words = ["number" if word == "id" else word for word in item]
    if len(words) > 2 and words[0] in _CONTEXT_FORMS:
        words.pop(0)  # "the parcel tracking reference" is its tracking number
    same = _SAME_VALUE.get(tuple(words))
    if same is not None:
        return same  # "registration number" / "number plate" / "kenteken"
    if len(words) == 2 and words[0] in _POSTAL and words[1] == "number":
        return "postcode"
    if len(words) == 2 and words[0] in _POSTCODES and words[1] in _PLACES:
        return words[0]  # "the postcode of the address", "which postcode area"
    if len(words) > 1 and words[-1] in _GENERIC_HEADS and words[-2].endswith(_VALUE_HEADS):
        words.pop()
    joined = "".join(words)
    for head in _GENERIC_HEADS:
        if joined.endswith(head) and joined[: -len(head)].endswith(_VALUE_HEADS):
            return joined[: -len(head)]
    return joined


_GENERIC_HEADS = ("address", "adres", "number")
# One value under names that share no word, as content forms: a car's registration, a
# parcel's tracking code.
_SAME_VALUE = {
    **dict.fromkeys(
        [("registration", "number"), ("number", "plate"), ("licence", "plate"), ("license", "plate"), ("kenteek",)],
        "registration",
    ),
    **dict.fromkeys(
        [
            ("tracking", "number"),
            ("trackingnumber",),
            ("zendingnumber",),
            ("volgnummer",),
            ("track", "trace", "number"),
        ],
        "tracking",
    ),
}
_POSTAL = frozenset({"zip", "postal", "post"})
# A postcode is of a place anyway: "postcode area", "the postcode of the address" (not "of
# your new address": another address, another postcode).
_POSTCODES = frozenset({"postcode", "zipcode"})
_PLACES = frozenset({"area", "address", "home", "house", "adres", "gebied", "woning", "huis"})
_CHECKING = frozenset({"check", "double check", "recheck"})
# Whom a number or address reaches, said after it: "the phone number we can call the recipient on".
_REACHED = re.compile(
    r"^(?:that |where )?(?:we|i) (?:can|could|should|may|will|ll) (?:call|reach|text|contact|ring|email) "
    r"(?:the|your|a) (\w+)"
)
# After "check your X": X is looked at, not given again ("... is correct", "... against your
# bill", "... on your statement", "... matches the one in the app").
_LOOKED_UP = frozenset(
    "is are isn matches match against on in with from shown printed listed corresponds agrees looks".split()
)
# A phrase whose noun (in its first four words) is written with digits: "track trace code"
_NUMERIC_ITEM = re.compile(r"^(?:\w+ ){0,3}?(?:\w*(?:number|nummer|code|iban|postcode|zipcode|reading|stand|pin))\b")


def values_apart(a: TextFeatures, b: TextFeatures) -> bool:
    """Each text has a number the other lacks: another value read back ("Can you confirm your
    address is 12 Baker Street?" / "... 21 Baker Street?"), not the same request. A format said
    on one side only ("the 16-digit card number") is no other value."""
    numbers_a = {w for w in a.critical if any(c.isdigit() for c in w)}
    numbers_b = {w for w in b.critical if any(c.isdigit() for c in w)}
    return bool(numbers_a - numbers_b and numbers_b - numbers_a)


def _find(norm: str, language: str) -> Request | None:
    if "e " in norm:  # "e-mail", "e-mailadres" were split at the hyphen
        norm = _E_PREFIX.sub("e", norm)
    if " by " in norm and ("identity" in norm or "yourself" in norm or "who you are" in norm):
        norm = _VERIFIED_BY.sub(_verified_by, norm)
    best: tuple[int, str, str, dict[str, str | None]] | None = None
    for frame in _frames():
        for match in _overlapping(frame, norm):
            if best is not None and match.start() >= best[0]:
                break
            groups = match.groupdict()
            strict = groups.get("strict")
            phrase = groups.get("obj") or strict or ""
            verb = groups.get("verb") or ""
            if _not_a_request(norm, match, phrase, verb, strict):
                continue
            if verb in _CHECKING and not _NUMERIC_ITEM.match(phrase):
                continue  # "check your spam folder", "check the cable": steps to take
            best = (match.start(), verb, phrase, groups)
            break
    if best is None:
        return None
    start, verb, phrase, groups = best
    confirming = verb in _confirm_verbs() or _CONFIRMING.search(norm) is not None
    step = "confirm" if confirming else "give"
    if groups.get("pronoun"):
        return _antecedent(norm[:start], step, language, groups["pronoun"] or "")
    example = _EXAMPLE.search(phrase)
    if example is not None:  # "your postcode, e.g. BS1 6AA": a format, not what is asked
        phrase = phrase[: example.start()]
    item, words, rest = _item(phrase, language)
    item = ABBREVIATIONS.get(item, item)  # "your DOB"
    if not item or item in _GENERIC or _PLACE_AFTER.match(" ".join(rest)):
        return None
    if groups.get("which") and groups["which"] != "which" and not _names_a_value(item):
        return None  # "What movie did you watch?" asks for an opinion, not a value
    reached = _REACHED.match(" ".join(rest))
    if reached is not None:  # "the phone number we can call the recipient on"
        item, words = (*item, content_form(reached.group(1), language)), f"{words} ({reached.group(1)})"
    if verb in _CHECKING:
        if not any(form.endswith(_NUMERIC_HEADS) for form in item) or (rest and rest[0] in _LOOKED_UP):
            return None  # "check your account number is correct on your bank statement": a look
        step = "give"  # the number again, not a read-back to confirm
    return Request(step, item, words)


def _overlapping(frame: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """The frame's matches, each from one word further on: a match turned down may cover the
    request ("To check your delivery, please give me your order number": "check your
    delivery please give me ..." is a step, "give me your order number" the ask)."""
    at = 0
    while (match := frame.search(norm, at)) is not None:
        yield match
        at = match.start() + 1


def _verified_by(match: re.Match[str]) -> str:
    """ "verify your identity by entering" -> "enter", "... by providing" -> "provide"."""
    verb = match.group("verb")
    return {"typ": "type", "provid": "provide", "giv": "give", "shar": "share"}.get(verb, verb)


def _antecedent(before: str, step: str, language: str, pronoun: str) -> Request | None:
    """What an ask by pronoun asks for when the same text named a value before it ("Your
    account number is 8 digits. Please enter it below.", "Je klantnummer ... Vul het hieronder
    in."): that value; a generic one ("We've sent a code to that number. Please enter it.") is
    none; `PRONOUN` (the bot's ask before) when the text names no value."""
    for match in _NOUN_PHRASE.finditer(before):
        item, words, _ = _item(match.group(1), language)
        for end in range(1, len(item) + 1):  # "je klantnummer bestaat uit ...": its first word
            if item[:end] in _GENERIC:
                return None
            if item[end - 1].endswith(_VALUE_HEADS):
                return Request(step, item[:end], " ".join(words.split()[:end]))
    return Request(step, PRONOUN, pronoun)


_NOUN_PHRASE = re.compile(r"\b(?:a|an|the|your|je|jouw|uw|de|het|een) (\w+(?: \w+){0,3})")


def _names_a_value(item: tuple[str, ...]) -> bool:
    """The item's last word names a value a customer types ("email address", "e-mailadres",
    "klantnummer", "postcode"), not a thing talked about ("movie", "manier")."""
    return item[-1].endswith(_VALUE_HEADS)


def _day_asked(norm: str, language: str) -> Request | None:
    """An ask for the day of an event (`day_asks.day_asked`)."""
    found = day_asked(norm, language)
    return None if found is None else Request("give", *found)


def _by_meaning(norm: str, language: str) -> Request | None:
    """An ask for a value named by what it means rather than by its noun (`value_asks`)."""
    found = asked_by_meaning(norm, language)
    return None if found is None else Request("give", *found)


def _problem_asked(norm: str) -> Request | None:
    """An ask to describe the problem (`problem_asks`): the item "problem", which alone is too
    generic for `_find`."""
    return Request("give", ("problem",), "the problem") if asks_the_problem(norm) else None


def asks_a_number(request: Request) -> bool:
    """The item is written with digits ("account number", "klantnummer", "IBAN", "postcode",
    "meter reading"): a reply without a digit does not give it."""
    return request.item[-1].endswith(_NUMERIC_HEADS)


def denies(norm: str, request: Request, language: str) -> bool:
    """The customer's normalised text says the item is not there ("no bill. no account
    number", "geen factuur, geen klantnummer", "I have no policy number")."""
    words = norm.split()
    head = request.item[-1]
    for index, word in enumerate(words):
        if word in _DENYING:
            for after in words[index + 1 : index + 4]:
                form = content_form(after, language)
                if form == head or (len(head) >= _COMPOUND_MIN and form.endswith(head)):
                    return True
    return False


_DENYING = frozenset({"no", "not", "without", "never", "geen", "niet", "zonder", "nooit"})
_NUMERIC_HEADS = ("number", "iban", "postcode", "zipcode", "reading", "stand", "pin")
# The ends of the nouns of values, as content forms ("nummer" is "number", "code" too).
_VALUE_HEADS = tuple(
    """number address adres name naam email mail iban postcode zipcode reading stand password wachtwoord kenteken
    kenteek plate pin username gebruikersnaam birth""".split()
)


def _not_a_request(norm: str, match: re.Match[str], phrase: str, verb: str, strict: str | None) -> bool:
    """A warning ("never share your PIN", "deel je pincode nooit"), the bot saying what it
    does ("we'll send you the invoice"), an embedded question ("let me check which orders
    ..."), or "your order is ready, please ..."."""
    before = norm[max(0, match.start() - 40) : match.start()]
    if _NEGATED_BEFORE.search(before) or _negated_after(phrase):
        return True
    if verb and BOT_SUBJECT_BEFORE.search(before):
        return True
    if match.group(0).startswith("which") and _EMBEDDED_BEFORE.search(before):
        return True
    if strict is not None and (before.endswith(_PREPOSITIONS) or _PURPOSE_BEFORE.search(before)):
        return True  # "For your privacy, please enter ...", "To check your delivery, please give ...": not what
    return strict is not None and not _PHRASE_ENDS.isdisjoint(strict.split())


def _negated_after(phrase: str) -> bool:
    """A Dutch negation right after the object: "deel je pincode nooit (met anderen)"."""
    words = phrase.split()
    end = next((i for i, w in enumerate(words) if w in _PHRASE_ENDS or w in _NL_CLOSERS), len(words))
    return not _NEGATED_AFTER.isdisjoint(words[: end + 1])


def _item(phrase: str, language: str) -> tuple[tuple[str, ...], str, list[str]]:
    """(the item's content forms, its words as written, the words after it)."""
    rest = [w for w in phrase.split() if len(w) > 1 or w.isdigit()]  # "<b>" leaves a "b"
    head: list[str] = []
    shown: list[str] = []  # as written, with the qualifier's link: "date of birth"
    index, qualified = 0, False
    while index < len(rest):
        word = rest[index]
        following = rest[index + 1] if index + 1 < len(rest) else ""
        if word in _ORDINALS and following and following not in _PHRASE_ENDS:
            head.append(word)
            shown.append(word)
        elif word in _RELATIVES and head:
            # The clause says which one: "the 2 things that you like / dislike about it".
            fillers = filler_words()
            head += [w for w in rest[index + 1 : index + 5] if w not in fillers and w not in _PHRASE_ENDS]
            shown += rest[index : index + 5]
            index = len(rest)
            break
        elif word in _QUALIFIER_LINKS and head and following and not qualified:
            after = _qualified(head, rest, index, language)
            shown += rest[index:after]
            if after == index:
                break
            index, qualified = after, True
            continue
        elif qualified:
            break  # after a qualifier only a relative clause goes on
        elif word == "and" and head and _joins_a_name(head[-1], rest[index + 1 : index + 3], language):
            pass  # "your track and trace code" ("track & trace" lost its "&"), not "name and address"
        elif head and word in ("no", "nr") and (not following or following in _PHRASE_ENDS):
            head.append("number")  # "your account no." / "je klant nr."
            shown.append(word)
            break
        elif word in _PHRASE_ENDS or word in _NL_CLOSERS or (head and word in _PARTICIPLES):
            break
        elif head and word in ("numbers", "cijfers") and following in ("only", "alleen"):
            break  # "your meter reading (numbers only)": a format  # "the account number shown on your bill"
        elif not (word.isdigit() or word in _FORMAT_WORDS):
            head.append(word)
            shown.append(word)
        index += 1
    forms = [content_form(word, language) for word in head]
    return tuple(form for form in forms if not form.isdigit()), " ".join(shown), rest[index:]


def _joins_a_name(before: str, after: list[str], language: str) -> bool:
    """An "and" inside one value's name: the words after it end in a value's noun within two
    words and the word before it names no value itself ("track and trace code"; not "your
    name and address")."""
    if content_form(before, language).endswith(_VALUE_HEADS):
        return False
    if not after or after[0] in _PHRASE_ENDS:
        return False
    return any(content_form(word, language).endswith(_VALUE_HEADS) for word in after[:2] if word not in _PHRASE_ENDS)


def _qualified(head: list[str], rest: list[str], index: int, language: str) -> int:
    """Adds the qualifier after ``head`` ("of the recipient", "van je partner", "for the
    invoice") to it, in place; returns the index after it."""
    link = rest[index]
    position = index + 1
    if position < len(rest) and rest[position] in {"the", "your", "a", "je", "jouw", "uw", "de", "het", "een"}:
        position += 1
    noun: list[str] = []
    while position < len(rest) and len(noun) < 2 and rest[position] not in _PHRASE_ENDS:
        if rest[position] in _FORMAT_WORDS or rest[position].isdigit():
            if noun:
                break  # "date of birth (DD-MM-YYYY)"
        else:
            noun.append(rest[position])
        position += 1
    if not noun:
        return index
    if language == "nl" and link == "van" and len(head) == 1 and head[0] in _DUTCH_HEADS_OF:
        head[0] = "".join(noun) + head[0]  # "nummer van je bankkaart" -> "bankkaartnummer"
    elif language == "en" and link == "of" and len(head) == 1:
        head += noun  # "date of birth", "name of the movie", "number of guests"
    elif not _CONTEXT_FORMS.issuperset(content_form(word, language) for word in noun):
        head += noun  # "the phone number of the recipient", "het klantnummer van je partner"
    return position


@functools.lru_cache(maxsize=1)
def _frames() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(frame) for frame in (*_EN_FRAMES, *_NL_FRAMES))


@functools.lru_cache(maxsize=1)
def _confirm_verbs() -> frozenset[str]:
    steps = raw_cues()["rephrasing"]["steps"]["confirm"]
    return frozenset(steps) | {"re enter"}


def compile_rules(languages: Iterable[str]) -> None:
    """Compile ahead of use the regexes this module builds on first use, the request frames, for
    ``languages`` (lexicon languages): `analyze` does so before it forks its workers."""
    del languages  # one set for every language
    _frames()
