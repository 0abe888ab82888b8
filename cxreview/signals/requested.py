"""What a bot message asks the customer for: the item of a request for a value.

Bots re-ask for a value in other words and wrap it in other sentences: "Please enter your
account number (it starts with AC)." / "Thanks! To continue, could you please provide your
account number?" / "Sorry, I didn't get that. What is your account number?". As whole texts
these share too few words to be near-duplicates; what they ask for is one item, "account
number". `asked_for` finds that item in a normalised text ("norm": lower case, no
punctuation), in English and Dutch:

- a request verb or question before "your" / "the" / "je" / "uw" ...: "enter your X",
  "could you provide the X", "what is your X", "may I have your X", "I need your X",
  "wat is je X", "mag ik je X", "kun je je X invullen", "vul je X in", "heb ik je X nodig",
  "gelieve uw X in te geven"; and "your X please";
- the item is the words after the article up to the first word that is not part of a noun
  phrase ("your account number so I can look ..."), without sizes and formats ("the
  16-digit card number", "je boekingscode van 6 tekens"), with the synonyms of the rephrasing
  word lists merged ("booking reference" / "booking code"), a Dutch genitive made a compound
  ("het nummer van je bankkaart" -> "bankkaartnummer"), and a Dutch compound equal to its
  longer form ("kaartnummer" / "bankkaartnummer").

The step is kept apart: entering a value and confirming it ("Please enter your new phone
number" / "Please confirm your new phone number") ask for different things, as do two
qualifiers ("your phone number" / "your new phone number", "date of birth" / "date of
delivery").
"""

from __future__ import annotations

import functools
import re

from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import raw_cues
from cxreview.signals.wording import content_form, filler_words

_ARTICLES = r"(?:your|the|je|jouw|uw|het|de)"
_OBJECT = r"(?P<obj>\w+(?: \w+){0,7})"
# Request frames, on normalised text: the object follows the frame.
_EN_FRAMES = (
    rf"\b(?P<verb>enter|type|provide|give|share|send|tell|input|submit|key in|fill in|confirm|verify|re enter|reenter"
    rf"|retype|repeat)(?: in)?(?: me| us)?(?: again| once more)? {_ARTICLES} {_OBJECT}",
    rf"\bwhat (?:s|is|was|are) {_ARTICLES} {_OBJECT}",
    rf"\b(?:may|can|could) (?:i|we) (?:have|get|ask for|ask) {_ARTICLES} {_OBJECT}",
    rf"\b(?:i|we)(?: ll| will| would| still)? need {_ARTICLES} {_OBJECT}",
    r"^(?:\w+ ){0,2}?your (?P<obj>\w+(?: \w+){0,2}) please\b",
    # "Which city would you like?", not "... results which match your selection".
    r"\bwhich (?P<obj>\w+(?: (?!you\b|we\b|i\b)\w+)?) (?:would|do|did|does|should|is|are|was|can|could|will|have)\b",
)
_NL_FRAMES = (
    rf"\bwat (?:is|was|zijn) {_ARTICLES} {_OBJECT}",
    rf"\bmag ik(?: nog)?(?: even)? {_ARTICLES} {_OBJECT}",
    rf"\b(?:heb|hebben) (?:ik|we|wij)(?: nog)?(?: even)? {_ARTICLES} {_OBJECT}",
    # The verb ends a Dutch request: "kun je je klantnummer (nog een keer) invullen"; without
    # one it offers a choice ("Wil je het geld terug op je rekening?").
    rf"\b(?:kun|kan|kunt|wil|wilt|zou|zoudt) (?:je|u|jij)(?: nog)?(?: even)?(?: een keer| eens| nogmaals| opnieuw)?"
    rf" {_ARTICLES} (?P<obj>\w+(?: \w+){{0,3}}?)(?: nog een keer| nogmaals| opnieuw| even)?"
    rf" (?:invullen|ingeven|geven|doorgeven|sturen|opgeven|typen|intypen|noemen|delen|(?P<verb>bevestigen|controleren))\b",
    rf"\b(?P<verb>vul|geef|typ|stuur|noem|deel|bevestig|controleer)(?: nog)?(?: even)?(?: een keer)? {_ARTICLES}"
    rf" {_OBJECT}",
    rf"\bgelieve {_ARTICLES} {_OBJECT}",
    r"\bwelke? (?P<obj>\w+(?: \w+)?) (?:heb|hebt|heeft|wil|wilt|is|zijn|was|kan|kun|kunt|zou|gebruik|gebruikt)\b",
)
# The first word of these ends a noun phrase: what comes after says why or how.
_PHRASE_ENDS = frozenset(
    """of for to so that which who it in on at from with please again you we i and or but if as by about regarding
    because before after here there now first below above then when once this these your my our
    is are was be can could will would should did do does have has had
    van voor om zodat dat die wat het je jij u we wij ik in op aan bij uit met en of maar als nog
    nodig opnieuw nogmaals even eens een keer is zijn was te door zoals heb hebt heeft hebben over
    waarmee waarop waarin waarvan waarover""".split()
)
# Dutch verbs and particles that close a request after its object ("kun je je X invullen").
_NL_CLOSERS = frozenset(
    """invullen ingeven geven doorgeven sturen opgeven typen intypen bevestigen noemen delen controleren
    in door op""".split()
)
# Sizes and formats say how the value looks, not which value is asked.
_FORMAT_WORDS = frozenset(
    """digit digits character characters letter letters long valid correct full complete exact right
    cijfers cijfer tekens teken geldig geldige juiste volledige correcte dd mm yy yyyy jjjj""".split()
)
# "nummer van je bankkaart" is a "bankkaartnummer"; "date of birth" is no "date".
_GENITIVE_NL = re.compile(r"^(\w+) van (?:je |jouw |uw |de |het |een )?([a-z]\w*(?: [a-z]\w*)?)")
_GENITIVE_EN = re.compile(r"^(\w+) of (?:the |your |a )?([a-z]\w*)")
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|don t|dont|do not) (?:\w+ )?$")
_NEGATED_AFTER = frozenset({"niet", "nooit"})
# Items that say too little alone: "the code" / "your number" (one synonym group), "details".
# A time or date alone is told apart by what follows ("the time when you need the car" / "...
# plan to leave"), an opinion or "the following" by what it is about.
_RELATIVES = frozenset({"that", "which", "who", "die", "dat"})
_GENERIC = frozenset(
    (word,)
    for word in (
        "number",
        "details",
        "time",
        "date",
        "opinion",
        "following",
        "action",
        "information",
        "confirmation",
        "bevestiging",
        "money",
        "geld",
        "amount",
        "bedrag",
    )
)
_E_PREFIX = re.compile(r"\be (?=\w)")
_COMPOUND_MIN = 7  # letters of the shorter word for "kaartnummer" to equal "bankkaartnummer"


def asked_for(norm: str, language: str = "en") -> tuple[str, tuple[str, ...]] | None:
    """(step, item) that a normalised bot text asks the customer for, or None.

    ``step`` is "confirm" for a value read back or typed again to check it, else "give";
    ``item`` the item's content forms in order ("account", "number"). The first request
    in the text counts."""
    language = "nl" if language.lower().startswith("nl") else "en"
    key = (norm, language)
    if key in _CACHE:
        return _CACHE[key]
    if len(_CACHE) > _CACHE_LIMIT:
        _CACHE.clear()
    found = _CACHE[key] = _find(norm, language)
    return found


_CACHE: dict[tuple[str, str], tuple[str, tuple[str, ...]] | None] = {}
_CACHE_LIMIT = 100_000


def same_item(a: tuple[str, tuple[str, ...]], b: tuple[str, tuple[str, ...]]) -> bool:
    """Whether two requests ask for one item at one step."""
    (step_a, item_a), (step_b, item_b) = a, b
    # Confirming is reading a value back: two of them differ in the value read back ("Please
    # confirm your reservation for 2 / for 4"), which only the whole texts show.
    if step_a != step_b or step_a == "confirm":
        return False
    if item_a == item_b:
        return True
    # A Dutch compound and its longer form: "kaartnummer" / "bankkaartnummer".
    if len(item_a) == len(item_b) == 1:
        short, long = sorted((item_a[0], item_b[0]), key=len)
        return len(short) >= _COMPOUND_MIN and long.endswith(short)
    return False


def values_apart(a: TextFeatures, b: TextFeatures) -> bool:
    """Each text has a number the other lacks: another value read back ("Can you confirm your
    address is 12 Baker Street?" / "... 21 Baker Street?"), not the same request. A format said
    on one side only ("the 16-digit card number") is no other value."""
    numbers_a = {w for w in a.critical if any(c.isdigit() for c in w)}
    numbers_b = {w for w in b.critical if any(c.isdigit() for c in w)}
    return bool(numbers_a - numbers_b and numbers_b - numbers_a)


def _find(norm: str, language: str) -> tuple[str, tuple[str, ...]] | None:
    if "e " in norm:  # "e-mail", "e-mailadres" were split at the hyphen
        norm = _E_PREFIX.sub("e", norm)
    best: tuple[int, str, str] | None = None
    for frame in _frames():
        match = frame.search(norm)
        if match is not None and (_NEGATED_BEFORE.search(norm, 0, match.start()) or _negated_after(match.group("obj"))):
            match = None  # "never share your PIN", "deel je pincode nooit": a warning, no request
        if match is not None and (best is None or match.start() < best[0]):
            verb = match.groupdict().get("verb") or ""
            best = (match.start(), verb, match.group("obj"))
    if best is None:
        return None
    _, verb, phrase = best
    item = _item(phrase, language)
    if not item or item in _GENERIC:
        return None
    return ("confirm" if verb in _confirm_verbs() else "give"), item


def _negated_after(phrase: str) -> bool:
    """A Dutch negation right after the object: "deel je pincode nooit (met anderen)"."""
    words = phrase.split()
    end = next((i for i, w in enumerate(words) if w in _PHRASE_ENDS or w in _NL_CLOSERS), len(words))
    return not _NEGATED_AFTER.isdisjoint(words[: end + 1])


def _item(phrase: str, language: str) -> tuple[str, ...]:
    words: list[str] = []
    genitive = _GENITIVE_NL.match(phrase) if language == "nl" else _GENITIVE_EN.match(phrase)
    if genitive is not None and genitive.group(2).split()[0] not in _PHRASE_ENDS | _FORMAT_WORDS:
        modifier = genitive.group(2).split()
        if modifier[-1] in _PHRASE_ENDS or modifier[-1] in _NL_CLOSERS:
            modifier = modifier[:1]
        if language == "nl":  # "nummer van je ov chipkaart" -> "ovchipkaartnummer"
            words = ["".join(modifier) + genitive.group(1)]
        else:
            words = [genitive.group(1), *modifier]
        phrase = phrase[genitive.start(2) + len(" ".join(modifier)) :]
    rest = phrase.split()
    for index, word in enumerate(rest):
        if word in _RELATIVES:
            # The clause says which one: "the 2 things that you like / dislike about it".
            fillers = filler_words()
            words += [w for w in rest[index + 1 : index + 5] if w not in fillers and w not in _PHRASE_ENDS]
            break
        if word in _PHRASE_ENDS or word in _NL_CLOSERS:
            break
        if not (word.isdigit() or word in _FORMAT_WORDS):
            words.append(word)
    forms = (content_form(word, language) for word in words)
    return tuple(form for form in forms if not form.isdigit())


@functools.lru_cache(maxsize=1)
def _frames() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(frame) for frame in (*_EN_FRAMES, *_NL_FRAMES))


@functools.lru_cache(maxsize=1)
def _confirm_verbs() -> frozenset[str]:
    steps = raw_cues()["rephrasing"]["steps"]["confirm"]
    return frozenset(steps) | {"re enter"}
