"""The customer says again what they said earlier, in other words or louder: the same request,
complaint or value restated after the bot or agent did not take it up ("NO. REFUND. to my card"
after "I want a refund not a voucher", "OPZEGGEN" after "ik wil mijn abonnement opzeggen",
"i moved in march. MARCH."), a value already given typed again ("45123", "22 Marlow Street"),
and a menu's number chosen again when the menu comes back.

Read by `customer_repeats.said_again` after its stricter readings; only the flag is added. The
reading compares the message with each earlier customer message on content: words without
courtesy, function and answer words, synonyms merged (cues.yaml ``restated``: refund / geld
terug, person / medewerker, broken / werkt niet), simple stems and Dutch compounds
("afvalpas" / "pas"). Most of the message must have been said before: a follow-up question
brings new words ("will cancelling delete my playlists?"). And the bot must have left it: it
failed or repeated itself, the customer pushes back ("no", "nee", "I know", shouting, a word
said twice) or the bot's last message named none of it. A reply that opens with a yes or a
thanks answers; a value the bot read back is confirmed, not repeated."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from cxreview.signals.answers import given_before, values
from cxreview.signals.ascii_text import WORD_CHARACTERS, has_digit, runs
from cxreview.signals.evidence import quoted
from cxreview.signals.features import TextFeatures
from cxreview.signals.frustration import NO_WORDS
from cxreview.signals.lexicon import asks_if_fixed, raw_cues
from cxreview.signals.near_misses import confirms
from cxreview.signals.requested import asked_for
from cxreview.signals.wording import STEM_LETTERS, dutch_stem, filler_words, same_word

if TYPE_CHECKING:
    from cxreview.signals.conversation import _State


class Restated(NamedTuple):
    """A restatement found: the rule, the detail a supervisor reads and the earlier position."""

    rule: str
    detail: str
    earlier: int


# Most of the message was said before: three of five content words, or all of one or two.
COVERED = 0.6
VALUE_MESSAGE_WORDS = 8  # "45123 it's the same reading": a value with a few words, not an e-mail that cites it


def restated(state: _State, f: TextFeatures, own_values: frozenset[str]) -> Restated | None:
    """The first of the readings below that holds for customer message ``f``; ``own_values``
    are its long values (`customer_repeats._values`)."""
    reply = state.last_reply
    if reply is None:
        return None
    found = _value_said(state, f, own_values, reply[1]) or _menu_again(state, f)
    # A public thread with people only (tweets at a brand, agents replying): what the customer
    # says again in other words clarifies it for the agent ("It was a feature when you sold
    # from your computer" to "Was this in the Sell form?"): none of the four this reading found
    # on twcs20 dev was a repeat to either labeller, and tw19 had none (round 20).
    if found is None and not (f.public and not state.bot_turns):
        found = _content_again(state, f, reply[1])
    return found


def _value_said(state: _State, f: TextFeatures, given: frozenset[str], reply: str) -> Restated | None:
    """A short message that gives a value the customer gave before ("22 Marlow Street" to
    "Could you confirm your house number and street?" after "I live on 22 Marlow Street"; the
    order number to an agent after the bot had it). Not a value the bot just read back ("Is
    that 1234 AB?" / "yes 1234 AB"), nor a corrected one (another value is no match)."""
    if f.words > VALUE_MESSAGE_WORDS:
        return None  # before its codes are read: most messages
    given = given | _codes(f.norm)
    if not given or _CORRECTING.search(f.norm) is not None:
        return None
    shown = values(reply)
    if any(given_before({value}, shown) for value in given):
        return None  # the bot's own words: a read-back confirmed, a value quoted
    if state.last_confirm or (confirms(reply) and not state.last_bot_repeat and state.last_failure is None):
        return None  # "Please confirm your new phone number by typing it again.": a step of a form
    language = state.result.language
    asked = asked_for(reply, language) if state.last_failure is None and not state.last_bot_repeat else None
    for index in range(len(state.norms) - 1, -1, -1):
        before = values(state.norms[index]) | _codes(state.norms[index])
        if before and all(given_before({value}, before) for value in given):
            at = state.positions[index]
            question = earlier_reply(state, at)
            first = asked_for(question, language) if asked is not None else None
            if (asked is not None and first is not None and asked.words != first.words) or _another(reply, question):
                return None  # the same value for another item ("And the billing postcode?", "the next item")
            return Restated("value again", f"gives the same value again (first in message {at})", at)
    return None


@functools.lru_cache(maxsize=20_000)  # each earlier message is read again for every later one
def _codes(norm: str) -> frozenset[str]:
    """Codes typed in parts, joined: a run of words with digits and short letter groups
    ("xr 512 k" -> "xr512k", "sp5502 1187 3390" -> "sp550211873390"), five characters or more."""
    if not _has_digit(norm):
        return frozenset()
    found, run = set(), []
    for word in [*norm.split(), ""]:
        if word and (_digit_in(word) or (len(word) <= _CODE_LETTERS and word.isalpha())):
            run.append(word)
            continue
        while run and not _digit_in(run[-1]) and not _digit_in(run[0]):
            run.pop()
        joined = "".join(run)
        if len(run) > 1 and len(joined) >= _CODE_CHARS and _digit_in(joined):
            found.add(joined)
        run = []
    return frozenset(found)


def _has_digit(text: str) -> bool:
    """``any(c.isdigit() for c in text)``, in one C pass for an ASCII text (most texts)."""
    return has_digit(text) if text.isascii() else any(c.isdigit() for c in text)


def _digit_in(word: str) -> bool:
    """``any(c.isdigit() for c in word)`` for a word: a word of letters alone (most) has none
    (no character is both a letter and a digit, str.isalpha / str.isdigit), told in one C call."""
    return not word.isalpha() and _has_digit(word)


_CODE_LETTERS = 2
_CODE_CHARS = 5


def _another(reply: str, question: str) -> bool:
    """The bot's last message asks about another item than its question before ("the next
    item", "het volgende artikel"): a word of cues.yaml ``restated.modifiers`` only it has."""
    modifiers = _lists().modifiers
    before = question.split()
    return any(word in modifiers and word not in before for word in reply.split())


def earlier_reply(state: _State, position: int) -> str:
    """The norm of the bot's or agent's last message before ``position`` ("" if none)."""
    at = bisect.bisect_left(state.bot_positions, position) - 1
    return state.bot_features[at].norm if at >= 0 else ""


_CORRECTING = re.compile(
    r"\b(?:not|niet|sorry|oops|typo|mistake|wrong|fout|verkeerd|i mean|ik bedoel|should be|moet zijn|new|nieuwe?)\b"
)


def _menu_again(state: _State, f: TextFeatures) -> Restated | None:
    """A menu's option chosen again when the bot shows the same menu again (word for word,
    or as a repeat of its own) or did not understand ("3" ... "3!!! moving", "4 again. PAC code"): the same number, standing for the
    same option in the menu before each choice (a submenu's "4 Back" is another choice)."""
    reply = state.last_reply
    if reply is None or f.words > _CHOICE_WORDS:
        return None  # before the search: most messages are longer
    match = _CHOICE.search(f.norm)
    if match is None:
        return None
    number = match.group(1)
    option = _option(reply[1], number)
    for index in range(len(state.norms) - 1, -1, -1):
        norm = state.norms[index]
        earlier = _CHOICE.search(norm)
        if earlier is None or earlier.group(1) != number or len(norm.split()) > _CHOICE_WORDS:
            continue
        at = state.positions[index]
        menu = earlier_reply(state, at)
        if state.last_failure is None and not state.last_bot_repeat and menu != reply[1]:
            return None  # a new question, not the menu again
        shown = _option(menu, number)
        if option is not None and shown is not None and shown != option:
            return None  # another menu's option of that number
        return Restated("choice again", f'chooses "{number}" again (first in message {at})', at)
    return None


_CHOICE_WORDS = 4
# A menu number standing alone in a short text: "4", "4 again pac code", "other 4 change address".
_CHOICE = re.compile(r"(?:^|\s)(\d{1,2})(?:\s|$)(?!\s*(?:times|keer|x|days|dagen|weeks|weken|gb|euro|eur|pounds)\b)")


def _option(norm: str, number: str) -> str | None:
    """The words of option ``number`` in a menu ("4 other questions" -> "other questions")."""
    match = re.search(rf"(?:^|\s){number}\s+([a-z]+(?:\s[a-z]+)?)", norm)
    return None if match is None else match.group(1)


def _content_again(state: _State, f: TextFeatures, reply: str) -> Restated | None:
    """Most of the message's content was said in one earlier customer message, and the bot
    left it (see the module's docstring)."""
    language = "nl" if state.result.language == "nl" else "en"
    words = f.norm.split()
    if not words or words[0] in _lists().answer_starts:
        return None
    own = content_words(f.norm, language)
    if not own or _PERSON_GROUPS.issuperset(own):
        return None  # a person asked for again is `human_request`'s (writers rarely call it a repeat)
    loud = _loud(f, own)
    # A bare "no" to a question answers it; "no" to a statement or a loud "NO." pushes back.
    back = _pushes_back(f.norm) and (
        loud
        or not state.last_question
        or words[0] not in NO_WORDS
        or _pushes_back(" ".join(words[1:]), NO_WORDS)
        or asks_if_fixed(language).search(reply) is not None  # "No it didn't" to "Did that answer your question?"
    )
    pushed = loud or back or state.last_failure is not None or state.last_bot_repeat
    # "no, cancel" to "Would you like to pause instead?": the no turns the offer down and the
    # rest says the request again in full (not "no, not the hotel", "no, just the refund").
    declined = bool(state.last_question) and words[0] in NO_WORDS and _DECLINE_EXCEPT.isdisjoint(words[1:])
    numbers = _numbers(f.norm)
    if not pushed and not numbers and not declined and state.last_question:
        return None  # unpushed, only a value or a no said again in full would count (`again`, `value` below)
    told = _index(content_words(reply, language))
    from_reply = {word for word in own if _said(word, told)}  # the same for every earlier message
    if not pushed and sum(1 for word in own if word not in from_reply) > _FULL_WORDS:
        return None  # unpushed, only a message said again in full counts: more words of its own than that
    probe = _index(own)  # `_may_share` reads it as the earlier messages' (and it is theirs later)
    best: tuple[int, list[str]] | None = None
    for index in range(len(state.norms) - 1, -1, -1):
        earlier = content_words(state.norms[index], language)
        if not earlier:
            continue
        arranged = _index(earlier)
        if not _may_share(probe, arranged):
            continue  # no word said before: nothing shared (most earlier messages)
        before_said = {word for word in own if _said(word, arranged)}
        # A word the customer takes from the bot's last message ("no I don't want to rebook"
        # to "I can help you rebook") is the bot's, unless the customer had said it too.
        mine = [word for word in own if word in before_said or word not in from_reply]
        shared = [word for word in mine if word in before_said]
        if not _enough(shared, tuple(mine), f, language) or _PERSON_GROUPS.issuperset(shared):
            continue
        if any(word in _lists().modifiers and word not in state.norms[index].split() for word in words):
            continue  # "een hotel buiten het centrum dan", "another one": the request changed
        before = _numbers(state.norms[index])
        if numbers and before and not numbers <= before and not before <= numbers:
            continue  # a number of the earlier message replaced by another: another item
        full = len(shared) == len(mine) <= _FULL_WORDS
        if len(shared) == 1 and not pushed and not (declined and full):
            continue  # one word in common is a topic, unless the customer insists on it
        # A restatement the bot took up ("refund to my card please" to "the refund to your
        # card or as credit?") answers it, unless the customer pushes back.
        left = [word for word in shared if word not in from_reply]
        # Said again in full after a statement that named none of it ("GAS. SMELL. in the
        # street" after a reply about electricity meters); after a question it answers.
        again = full and (declined or (left and not state.last_question)) and asked_for(reply, language) is None
        # An address or other value in words and numbers given again in full ("22 Marlow
        # Street" after "I live on 22 Marlow Street"), even to a question asking for it.
        value = full and bool(numbers) and numbers <= before and len(mine) > 1
        if not (pushed or again or value):
            continue
        if best is None or len(shared) > best[0]:
            best = (len(shared), [state.norms[index], str(state.positions[index])])
    if best is None:
        return None
    first, at = best[1][0], int(best[1][1])
    earlier = content_words(first, language)
    said = [word for word, form in _surface(f.norm, language) if any(_same(form, o) for o in earlier)]
    words_said = quoted(" ".join(dict.fromkeys(said))) if said else ""
    detail = f'says again what they said in message {at}: "{words_said}"'
    return Restated("said again", detail, at)


_FULL_WORDS = 4
# After "no": a negation, a narrowing or a thanks makes it an answer, not the request again.
_DECLINE_EXCEPT = frozenset(
    {
        "not",
        "niet",
        "geen",
        "just",
        "only",
        "alleen",
        "enkel",
        "maar",
        "thanks",
        "thank",
        "bedankt",
        "dank",
        "nothing",
        "niks",
    }
)
_PERSON_GROUPS = frozenset({"person", "speak", "contact"})


def _numbers(norm: str) -> frozenset[str]:
    return frozenset(word for word in norm.split() if word.isdigit())


class _Index(NamedTuple):
    """A message's content words, arranged for `_said`."""

    words: frozenset[str]
    by_stem: dict[str, tuple[str, ...]]  # the first STEM_LETTERS letters -> the words (STEM_LETTERS or longer)
    heads: frozenset[str]  # the endings a word can be a compound's head of (see `_same`)


@functools.lru_cache(maxsize=20_000)
def _index(words: tuple[str, ...]) -> _Index:
    by_stem: dict[str, tuple[str, ...]] = {}
    for word in words:
        if len(word) >= STEM_LETTERS:
            by_stem[word[:STEM_LETTERS]] = (*by_stem.get(word[:STEM_LETTERS], ()), word)
    heads = frozenset(word[at:] for word in words for at in range(_HEAD_LETTERS, len(word) - _HEAD_LETTERS + 1))
    return _Index(frozenset(words), by_stem, heads)


def _said(word: str, index: _Index) -> bool:
    """Whether `_same` holds for ``word`` and a word of ``index``: the same form, a word of
    the same first letters that `same_word` takes, or a compound and its head either way
    (the word ends in one of them, or one of them ends in the word). A few set lookups
    instead of `_same` against every word: each message is compared with each earlier one."""
    if word in index.words:
        return True
    for other in index.by_stem.get(word[:STEM_LETTERS], ()):
        if same_word(word, other):
            return True
    if word in index.heads:  # the word is the head of one of them: "pas" / "afvalpas"
        return True
    words = index.words
    for at in range(_HEAD_LETTERS, len(word) - _HEAD_LETTERS + 1):  # one of them is its head
        if word[at:] in words:
            return True
    return False


def _may_share(probe: _Index, index: _Index) -> bool:
    """False only when `_said` holds for no word of ``probe`` on ``index``: each of its four
    ways (the same word, a word of the same first letters, a word that is the head of one of
    the index's, one of the index's that is a word's head) tested for all the words at once by
    set operations in C, instead of `_said` word by word against every earlier message. (Only
    words of STEM_LETTERS or more have first letters in ``by_stem``: a shorter word has none
    that `_said` reads.)"""
    return not (
        probe.words.isdisjoint(index.words)
        and probe.by_stem.keys().isdisjoint(index.by_stem)
        and probe.words.isdisjoint(index.heads)
        and probe.heads.isdisjoint(index.words)
    )


def _enough(shared: list[str], own: tuple[str, ...], f: TextFeatures, language: str) -> bool:
    """Enough of the message was said before: `COVERED` of its content words, one of at
    least four letters among them ("gas" counts as three); a shouted text by its shouted words."""
    if not shared or max(len(word) for word in shared) < _MIN_LETTERS:
        return False
    if len(shared) >= COVERED * len(own):
        return True
    loud = content_words(f.shouted.lower(), language) if f.shouted else ()
    return bool(loud) and all(word in shared for word in loud)


_MIN_LETTERS = 3


def _loud(f: TextFeatures, own: tuple[str, ...]) -> bool:
    """Shouted, with exclamation marks, or a content word said twice ("refund refund refund",
    "annuleren. niet volgen. annuleren")."""
    return bool(f.caps or f.emphasis or f.exclamation or f.shouted) or len(set(own)) < len(own)


def _pushes_back(norm: str, but: frozenset[str] = frozenset()) -> bool:
    """The text opens with a push back (cues.yaml ``restated``), other than the words ``but``."""
    match = _lists().pushback.match(norm)
    return match is not None and match.group(0) not in but


def _same(a: str, b: str) -> bool:
    """Two content words that are one: the same form, a stem (`same_word`), or a Dutch
    compound and its head ("afvalpas" / "pas", "bezorgadres" / "adres"). Remembered per
    pair: every message is compared word by word with each earlier one, and a customer's
    words come back in message after message."""
    if a == b:
        return True
    key = (a, b)
    found = _SAME.get(key)
    if found is None:
        if len(_SAME) >= _SAME_LIMIT:
            _SAME.clear()
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        found = _SAME[key] = same_word(a, b) or (
            len(short) >= _HEAD_LETTERS and len(long_) - len(short) >= _HEAD_LETTERS and long_.endswith(short)
        )
    return found


_SAME: dict[tuple[str, str], bool] = {}
_SAME_LIMIT = 200_000  # pairs of words remembered


_HEAD_LETTERS = 3


@functools.lru_cache(maxsize=20_000)
def content_words(norm: str, language: str) -> tuple[str, ...]:
    """The content words of a normalised text, in order (repeats kept): synonym phrases and
    words as their group's name, the rest stemmed; courtesy, function and answer words out."""
    return tuple(form for _, form in _surface(norm, language))


def _surface(norm: str, language: str) -> list[tuple[str, str]]:
    """The words of a text that carry content, each as written and as its form (a phrase of
    a synonym group is one word: "geld terug" -> "refund")."""
    lists = _lists()
    dropped = _dropped()
    found: list[tuple[str, str]] = []
    start = 0
    spans = (
        [(m.start(), m.end(), m.group(0)) for m in lists.phrases.finditer(norm)]
        if " " in norm and may_phrase(norm, lists.phrase_starts)
        else []
    )
    digits = _has_digit(norm)  # most texts have none: no word to test
    forms = _FORMS.get(language)
    if forms is None:
        forms = _FORMS[language] = {}
    for begin, end, phrase in [*spans, (len(norm), len(norm), "")]:
        for word in norm[start:begin].split():
            if word not in dropped and len(word) >= _MIN_LETTERS and not (digits and _digit_in(word)):
                form = forms.get(word)
                if form is None:
                    if len(forms) >= _FORMS_LIMIT:
                        forms.clear()
                    form = forms[word] = _form(word, language)
                found.append((word, form))
        if phrase:
            found.append((phrase, lists.phrase_names[phrase]))
        start = end
    return found


# A word's form (`_form`) per language, remembered: a customer's words come back text after text.
_FORMS: dict[str, dict[str, str]] = {}
_FORMS_LIMIT = 200_000  # words per language


@functools.lru_cache(maxsize=1)
def _dropped() -> frozenset[str]:
    """The words that never carry content (one set, not a union per text)."""
    return frozenset(_lists().empty | filler_words() | _NOT_CONTENT)


def _form(word: str, language: str) -> str:
    lists = _lists()
    if not word.isascii():  # "domiciliëring" / "DOMICILIERING"
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    name = lists.names.get(word)
    if name is not None:
        return name
    if language == "nl":
        if word.endswith(("tje", "je")) and len(word) > _DIMINUTIVE:  # "pasje" -> "pas"
            word = word[:-3] if word.endswith("tje") else word[:-2]
        stem = dutch_stem(word)
        return lists.names.get(word) or lists.names.get(stem) or stem
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= _STEM_LETTERS:
            return word[: -len(ending)]
    return word


_DIMINUTIVE = 4
_STEM_LETTERS = 4
# Function words and the verbs of wanting and saying that any two messages share.
_NOT_CONTENT = frozenset(
    """the and but not for with from that this there their they them then than have has had was were are
    want wanted need needs like would could should will can please help know just tell told said say says
    get got make made how what why when where which who its it's your you yours mine our out about over into
    nee niet geen wil wilt willen moet kan kun kunnen hoe wat waarom wanneer waar welke wie dit dat die deze
    hebben heb heeft was waren zijn ben bent het een van voor met maar alle mijn jullie jouw word wordt worden
    doen doe gedaan naar over uit bij door hij zij ons onze weet weten neen""".split()
)


class _Lists(NamedTuple):
    names: dict[str, str]  # word -> its synonym group's name
    phrases: re.Pattern[str]  # a synonym phrase of more than one word
    phrase_names: dict[str, str]
    phrase_starts: frozenset[tuple[str, str]] | None  # see `phrase_starts`
    empty: frozenset[str]
    answer_starts: frozenset[str]
    modifiers: frozenset[str]
    pushback: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _lists() -> _Lists:
    section = raw_cues()["restated"]
    names: dict[str, str] = {}
    phrase_names: dict[str, str] = {}
    for group in section["synonyms"]:
        name = group[0]
        for member in group:
            if " " in member:
                phrase_names[member] = name
            else:
                names[member] = name
    ordered = sorted(phrase_names, key=len, reverse=True)
    phrases = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")
    starts = sorted(section["pushback_starts"], key=len, reverse=True)
    pushback = re.compile(r"(?:" + "|".join(re.escape(s) for s in starts) + r")\b")
    return _Lists(
        names,
        phrases,
        phrase_names,
        phrase_starts(ordered),
        frozenset(section["empty"]),
        frozenset(section["answer_starts"]),
        frozenset(section["modifiers"]),
        pushback,
    )


def phrase_starts(phrases: list[str]) -> frozenset[tuple[str, str]] | None:
    """The first two words of each phrase, when every phrase is words of word characters
    with one space between them (else None: `may_phrase` then lets every text through)."""
    if not all(_PHRASE.fullmatch(phrase) for phrase in phrases):
        return None
    return frozenset((words[0], words[1]) for words in (phrase.split(" ") for phrase in phrases))


def may_phrase(text: str, starts: frozenset[tuple[str, str]] | None) -> bool:
    """False only when the phrases regex (`_Lists.phrases`: the phrases between word
    boundaries) finds nothing in ``text``: a phrase's first word is a whole run of word
    characters (a boundary before it, its space after it) and so is its second, next to it, so
    a match needs those two as neighbouring runs of the text. Most texts have no such pair
    (6% of the distinct corpus's customer texts do): a set test instead of the regex, which
    has no first character to skip ahead to."""
    if starts is None:
        return True
    words = runs(text, WORD_CHARACTERS) if text.isascii() else _WORD_RUN.findall(text)
    return not starts.isdisjoint(zip(words, words[1:], strict=False))


_PHRASE = re.compile(r"\w+(?: \w+)+")
_WORD_RUN = re.compile(r"\w+")


def said_in(word: str, words: tuple[str, ...]) -> bool:
    """``word`` is one of ``words`` (content words, `content_words`): the same form, a stem or
    a Dutch compound and its head (`_said` on the words' index)."""
    return _said(word, _index(words))


def compile_rules(languages: Iterable[str]) -> None:
    """Compile ahead of use the regexes this module builds on first use, the word lists, for
    ``languages`` (lexicon languages): `analyze` does so before it forks its workers."""
    del languages  # one set for every language
    _lists()
