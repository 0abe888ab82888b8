"""Near misses between two bot texts that share their content words: who acts ("Can you
send us a photo?" / "Can we send you a photo?"), which step of a form ("Please enter your
email" / "Please confirm your email"), a code against a number ("the code on the card" /
"the number on the card") and a qualifier added to a shared noun ("your email address" /
"your address", "a refund" / "a partial refund").

These read only the normalised texts, so `differs` is cached per pair of texts: bot texts are
templates that come back in conversation after conversation."""

from __future__ import annotations

import functools

from cxreview.signals.lexicon import raw_cues
from cxreview.signals.wording import content_form, filler_words, opened


def differs(norm_a: str, norm_b: str, language: str) -> str | None:
    """Why two normalised bot texts ask different things although their content words
    match, or None. ``language``: "en" or "nl"."""
    key = (norm_a, norm_b, language)
    found = _DIFFERS.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        if len(_DIFFERS) > _DIFFERS_LIMIT:
            _DIFFERS.clear()
        words_a, words_b = opened(norm_a).split(), opened(norm_b).split()
        found = _DIFFERS[key] = (
            _steps(words_a, words_b)
            or code_or_number(words_a, words_b, language)
            or _who_acts(words_a, words_b, language)
            or _qualifier(words_a, words_b, language)
            or owners_apart(words_a, words_b, language)
        )
    return found  # type: ignore[return-value]


def owners_apart(words_a: list[str], words_b: list[str], language: str) -> str | None:
    """The same thing of someone else: "What is the recipient's phone number?" / "What is
    your phone number?" / "the phone number of the sender", "your date of birth" / "the date of
    birth of the main driver", "je IBAN" / "het IBAN van je partner". A form asks each, and a
    customer who is all of them gives the same value to each. What the conversation is about
    anyway ("the order number of your parcel") names no owner."""
    owner_a, owner_b = _owner(words_a, language), _owner(words_b, language)
    if owner_a == owner_b:
        return None
    return f"differs in whose ({owner_a or 'yours'} / {owner_b or 'yours'})"


def _owner(words: list[str], language: str) -> str | None:
    """Whose value a text asks for, when it names someone: "recipient" for "the recipient s
    phone number" and "the phone number of the recipient", "partner" for "het iban van je
    partner"; None for the customer's own."""
    links, determiners = _OWNER_LINKS[language], _OWNER_DETERMINERS[language]
    for i, word in enumerate(words):
        owner = None
        if language == "en" and word == "s" and i and words[i - 1] not in _NOT_OWNERS:
            owner = words[i - 1]  # "the recipient's" split at the apostrophe
        elif word in _REACHING[language] and i + 2 < len(words) and words[i + 1] in determiners:
            owner = words[i + 2]  # "the phone number we can call the recipient on"
        elif word in links and i + 2 < len(words) and words[i + 1] in determiners:
            # "of the policy holder", "of the main driver": the noun ends the phrase.
            end = i + 2
            while end + 1 < len(words) and end < i + 4 and words[end + 1] not in _PHRASE_ENDS:
                end += 1
            owner = words[end]
        if owner is not None and _is_person(owner):
            return owner
    return None


def _is_person(owner: str) -> bool:
    """Whether an owner names a person or party, also as the end of a compound
    ("rekeninghouder", "policyholder"): only then is the value someone else's ("the tracking
    number of your shipment", "de reden van je opzegging" ask the customer's own)."""
    return owner in _PARTIES or owner.rstrip("s") in _PARTIES or owner.endswith(_PARTY_ENDS)


_OWNER_LINKS = {"en": frozenset({"of"}), "nl": frozenset({"van"})}
_REACHING = {"en": frozenset("call reach text contact ring email".split()), "nl": frozenset("bellen bereiken".split())}
_OWNER_DETERMINERS = {
    "en": frozenset({"the", "your", "a", "an", "his", "her", "their"}),
    "nl": frozenset({"je", "jouw", "uw", "de", "het", "een", "zijn", "haar", "hun"}),
}
_NOT_OWNERS = frozenset({"it", "that", "what", "there", "he", "she", "let", "who", "here", "where", "how"})
# Words that end the owner's phrase: "the phone number of the sender please", "... of the
# recipient so we can ...".
_PHRASE_ENDS = frozenset(
    """please so to for and or if as in on at with when that which who because it you we i they he she this
    these those is are was has have will can could should would do does did
    alsjeblieft graag zodat om voor en of als in op bij met wanneer die dat omdat het je jij we ik ze hij zij
    dit deze is zijn was heeft hebben wil kan kun moet""".split()
)
# The parties a form may ask about besides the customer.
_PARTIES = frozenset(
    """recipient sender partner holder driver owner payer beneficiary guarantor landlord tenant employer
    company business child son daughter wife husband spouse mother father parent friend neighbour neighbor
    contact person insured patient student buyer seller
    ontvanger afzender partner houder bestuurder eigenaar betaler begunstigde verhuurder huurder werkgever
    bedrijf kind zoon dochter vrouw man echtgenoot echtgenote moeder vader ouder vriend buurman buurvrouw
    contactpersoon persoon verzekerde patiënt student koper verkoper""".split()
)
_PARTY_ENDS = ("holder", "houder", "owner", "eigenaar", "persoon", "nemer", "ontvanger")


_UNKNOWN = object()
_DIFFERS: dict[tuple[str, str, str], object] = {}
_DIFFERS_LIMIT = 100_000  # pairs remembered


def _steps(words_a: list[str], words_b: list[str]) -> str | None:
    """Typing a value in and confirming or checking it are two steps of a form: "Please enter
    your new password." / "Please confirm your new password." (both ask for a value, so both
    verbs are fillers for the content words)."""
    kinds_a, kinds_b = _step_kinds(words_a), _step_kinds(words_b)
    if kinds_a and kinds_b and kinds_a.isdisjoint(kinds_b):
        return f"differs in {min(kinds_a)} / {min(kinds_b)}"
    return None


def _step_kinds(words: list[str]) -> set[str]:
    """The form steps a text names; typing a value again ("re-enter", "re-type", split at
    the hyphen) confirms it."""
    steps = _step_words()
    kinds = set()
    for i, word in enumerate(words):
        step = steps.get(word)
        if step is not None:
            kinds.add(_CONFIRM if i and words[i - 1] == "re" else step)
    return kinds


def confirms(norm: str) -> bool:
    """Whether a normalised bot text asks to confirm or type again a value ("Please confirm
    your new phone number.", "Please re-enter it."), a step of a form after the value was
    given, not the question for it asked again."""
    return _CONFIRM in _step_kinds(opened(norm).split())


_CONFIRM = "confirm"  # the step of cues.yaml ``rephrasing.steps`` that checks a value typed before


def code_or_number(words_a: list[str], words_b: list[str], language: str) -> str | None:
    """ "code" and "number" name one thing only after the same word ("order number" /
    "order code", "booking code" / "booking number"): a bare "the code" is a one-time code or a
    PIN, "the number on the card" is not its security code, "the code we sent to your phone"
    is no phone number."""
    codes, numbers = _listed("codes"), _listed("numbers")
    before_a = _before(words_a, codes) or _before(words_a, numbers)
    before_b = _before(words_b, codes) or _before(words_b, numbers)
    code_a, code_b = bool(codes.intersection(words_a)), bool(codes.intersection(words_b))
    number_a, number_b = bool(numbers.intersection(words_a)), bool(numbers.intersection(words_b))
    if not ((code_a and number_b and not code_b) or (code_b and number_a and not code_a)):
        return None
    fillers = filler_words()
    if before_a and before_a == before_b and before_a not in fillers:
        return None
    return "differs in code / number"


def _before(words: list[str], heads: frozenset[str]) -> str | None:
    """The word before the first of ``heads`` in ``words``, if any."""
    return next((words[i - 1] for i, w in enumerate(words) if w in heads and i), None)


def _who_acts(words_a: list[str], words_b: list[str], language: str) -> str | None:
    """The same action done by someone else: "Can you send us the invoice?" / "Can we send you
    the invoice?", "Do you want us to call you?" / "Do you want to call us?", "Heb je de
    monteur gebeld?" / "Heeft de monteur jou gebeld?". Who acts is the subject of the verb
    ("me" in "Would you like me to transfer you?", as "I" in "Shall I connect you?")."""
    acts_a, acts_b = _actor(words_a, language), _actor(words_b, language)
    if acts_a is None or acts_b is None or acts_a[0] == acts_b[0]:
        return None
    if acts_a[1] != acts_b[1]:
        return None  # another verb: "Can you tell me ..." asks what "Can I have ..." asks
    return f"differs in who acts ({acts_a[0]} / {acts_b[0]})"


def _actor(words: list[str], language: str) -> tuple[str, str] | None:
    """Who does what a text is about and the verb: ("bot", "send") for "can we send you the
    invoice", ("customer", "gebeld") for "heb je de monteur gebeld", ("monteur", "gebeld") for
    "heeft de monteur jou gebeld"; None when no subject is found among the first words."""
    persons = _persons(language)
    skipped = _listed("skipped_before_verb")
    subject = None
    # "want / like X to ...", "wil je dat X ...": X acts ("Do you want us to call you?").
    for i, word in enumerate(words[:-2]):
        if word in _WANTING and words[i + 2] == "to" and words[i + 1] in _OBJECTS:
            subject = i + 1
            break
        if word == "dat" and i and words[i + 1] in persons and any(w in _WANTING for w in words[:i]):
            subject = i + 1
            break
    else:
        starts = _listed("open_starts")
        for i, word in enumerate(words[:3]):
            if word in persons and (i == 0 or words[i - 1] not in _NO_SUBJECT_AFTER):
                subject = i
                break
            if word in _ARTICLES[language] and i + 1 < len(words) and (i == 0 or words[0] not in starts):
                subject = i  # "Heeft de monteur ...", "Has the technician ..."
                break
    if subject is None:
        return None
    # Another clause after the subject has its own subject and verb: "Heb je nog een vraag
    # waarmee ik je kan helpen?" ends in the verb of "ik".
    if not _CLAUSES.isdisjoint(words[subject + 1 :]):
        return None
    who = persons.get(words[subject]) or _OBJECTS.get(words[subject]) or words[subject + 1]
    if language == "nl":
        verb = words[-1]
    else:
        rest = [w for w in words[subject + 1 + (words[subject] in _ARTICLES[language]) :] if w not in skipped]
        verb = rest[0] if rest else ""
    if not verb or verb in _NO_VERBS or verb in persons:
        return None
    return who, verb


# Who acts after "want ... to": "like me to", "want us to".
_OBJECTS = {"me": "bot", "us": "bot", "you": "customer"}
# Not verbs: what follows "Would you like" in "Would you like a callback?".
# ("Do you need any other help?" / "Can I do any other help for you?" share "any").
_NO_VERBS = frozenset(
    {"a", "an", "the", "your", "my", "our", "it", "any", "some", "anything", "something", "other", "more", "else"}
    | {"de", "het", "een", "jouw", "uw", "ons", "mijn", "iets", "nog", "meer", "andere", "mee"}
)
# Subjects that are never objects, and Dutch words that start a clause.
_CLAUSES = frozenset({"i", "we", "ik", "wij", "jij", "waarmee", "waarvoor", "waarover", "omdat", "zodat", "die"})
_WANTING = frozenset({"want", "like", "wish", "need", "wil", "wilt", "willen"})
_ARTICLES = {"en": frozenset({"the"}), "nl": frozenset({"de", "het"})}
# "Wat is je adres?": after "is" a "je" is a possessive, no subject.
_NO_SUBJECT_AFTER = frozenset({"is", "are", "was", "zijn", "of", "van", "for", "voor", "about", "over"})


@functools.lru_cache(maxsize=2)
def _persons(language: str) -> dict[str, str]:
    """Subject pronouns -> "bot" or "customer" (cues.yaml ``rephrasing.persons``)."""
    table = raw_cues()["rephrasing"]["persons"][language]
    return {word: side for side, words in table.items() for word in words}


def _qualifier(words_a: list[str], words_b: list[str], language: str) -> str | None:
    """A word on one side only between a determiner and a content word both texts say right
    after a determiner: "your email address" / "your address", "a partial refund" / "a
    refund", "je nieuwe wachtwoord" / "je wachtwoord". A Dutch qualifier has the inflected
    ending of an adjective ("nieuwe", "papieren"): "je vraag anders" is no noun phrase."""
    return _added_before(words_a, words_b, language) or _added_before(words_b, words_a, language)


def _added_before(words: list[str], other: list[str], language: str) -> str | None:
    determiners = _listed("determiners")
    other_forms = {content_form(w, language) for w in other}
    other_before: dict[str, str] = {}
    for i, word in enumerate(other):
        other_before.setdefault(content_form(word, language), other[i - 1] if i else "")
    fillers = filler_words()
    for i in range(2, len(words)):
        word, before = words[i], words[i - 1]
        if words[i - 2] not in determiners or word in fillers or before in fillers or before.isdigit():
            continue
        if language == "nl" and (len(before) < 4 or not before.endswith(("e", "en"))):  # not "mee"
            continue
        form = content_form(word, language)
        if other_before.get(form) in determiners and content_form(before, language) not in other_forms:
            return f"differs in {before} {word} / {word}"
    return None


@functools.lru_cache(maxsize=1)
def _step_words() -> dict[str, str]:
    """Words of a form step -> the step (cues.yaml ``rephrasing.steps``)."""
    return {word: step for step, words in raw_cues()["rephrasing"]["steps"].items() for word in words}


@functools.lru_cache(maxsize=8)
def _listed(name: str) -> frozenset[str]:
    return frozenset(raw_cues()["rephrasing"][name])
