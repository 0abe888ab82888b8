"""The customer says again what they said before, in a way the near-duplicate rule does not
see: the same value typed again because the bot or agent asked for it again, the same request
or complaint restated in other words after the bot failed to take it, and "I already did
that" / "I don't have one" said once more to a question asked again; and a count answering
a question about contacting before ("yes, twice already").

Called by `conversation` for a customer message that has no repeat flag yet; it reads the
walk's `_State` and returns the flag's rule, detail and the earlier position, or None. Only the
flag is added: what the message weighs for frustration stays as it was."""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from cxreview.records import Flag, MessageSignals
from cxreview.signals.answers import given_before, says_done, says_nothing, values
from cxreview.signals.asked_steps import asked_steps
from cxreview.signals.contacted_before import said_contacted
from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import asks_to_restate, repeat_contact
from cxreview.signals.near_misses import confirms
from cxreview.signals.reasked import asked_again
from cxreview.signals.requested import Request, asked_for, same_item
from cxreview.signals.restated import restated
from cxreview.signals.stuck_loop import THANKS, first_answer_again
from cxreview.signals.told_before import SAME_VALUE, told_again
from cxreview.signals.wording import filler_words, rephrasing_words, same_word, semantic_key

if TYPE_CHECKING:
    from cxreview.signals.conversation import _State


VALUE_AGAIN = "value again"
CONTACTED_BEFORE = "contacted before"


class Repeat(NamedTuple):
    """A repeat found: the rule, the detail a supervisor reads and the earlier position."""

    rule: str
    detail: str
    earlier: int


def flag_said_again(state: _State, ms: MessageSignals, f: TextFeatures) -> str | None:
    """Adds a ``customer_repeat`` flag to ``ms`` when `said_again` finds one; returns its rule
    (`VALUE_AGAIN`: a bare value typed again has no tone, as `conversation` reads it)."""
    if f.public:  # "I already DM'd you", "no one gets back to me": the company was told before
        reply = state.last_reply[1] if state.last_reply is not None else None
        words = said_contacted(f, state.result.language, reply)
        if words is not None:
            state.result.n_customer_repeats += 1
            detail = f'says they contacted the company before: "{words}"'
            ms.flags.append(Flag("customer_repeat", CONTACTED_BEFORE, detail, [ms.position]))
            return CONTACTED_BEFORE
    found = said_again(state, f)
    if found is None:
        return None
    state.result.n_customer_repeats += 1
    ms.flags.append(Flag("customer_repeat", found.rule, found.detail, [found.earlier, ms.position]))
    if found.rule == SAME_VALUE and state.bot_turns and not state.result.handover:
        state.repeats_with_bot.append(ms.position)  # "same one, priya.n@fastmail.com": had to say it again
    return found.rule


def said_again(state: _State, f: TextFeatures) -> Repeat | None:
    """The first of the readings below that holds for customer message ``f``; None when the
    bot or agent said nothing since the customer's last message (a message sent in two parts;
    a wait for a person asked for aside) or the customer said nothing before."""
    if not state.norms or not f.norm:
        return None
    if state.last_reply is None:
        return _waits_again(state, f)  # "15 minutes??" then "hello?? still waiting for someone"
    found = (
        _waits_again(state, f)
        or _value_again(state, f)
        or _request_again(state, f)
        or _answer_again(state, f)
        or _yes_again(state, f)
    )
    if found is None:
        again = restated(state, f, _values(f.norm)) or asked_again(state, f) or told_again(state, f)
        found = None if again is None else Repeat(*again)
    return found


def _waits_again(state: _State, f: TextFeatures) -> Repeat | None:
    """The customer asked for a person, no person has joined, and they say they are still
    waiting for one ("hello?? still waiting for someone", "is anyone there?", "hallo?? zit hier
    al 7 min te wachten op een medewerker"): the ask said again, promised or not. A wait for
    anything else ("still waiting for my refund") or before any ask is none."""
    if not state.person_asks or state.result.handover or _WAITS.search(f.norm) is None:
        return None
    if not THANKS.isdisjoint(f.norm.split()) or _WILL_WAIT.search(f.norm) is not None:
        return None  # "ok thanks, I'll wait for the agent then": the wait taken, not the ask again (rev17)
    replied = state.bot_positions[-1] if state.bot_positions else 0
    answered = [ask for ask in state.person_asks if ask[0] < replied]
    if not answered:
        return None  # nobody answered an ask yet
    at, words = answered[-1]
    return Repeat("person again", f'waits for the person asked for before: "{words}" (message {at})', at)


# A wait taken calmly: "I'll wait for the agent then", "dan wacht ik wel op de medewerker" (rev17).
_WILL_WAIT = re.compile(
    r"\b(?:i ll|i will|we ll|we will|happy to|can) wait\b"
    r"|\bwacht (?:ik|we) (?:wel|gewoon|rustig)\b|\b(?:ik|we) wacht(?:en)? (?:wel|gewoon|rustig)\b"
)
# The norm has no punctuation: "hello?? anyone there" reads "hello anyone there".
_WAITS = re.compile(
    r"\b(?:waiting|wait|waited) (?:(?:so long |this long )?(?:for|on) )(?:someone|somebody|anyone|anybody|"
    r"an? (?:real |actual |live )?(?:person|human|agent|advisor|adviser|operator|representative|rep|colleague)|"
    r"the (?:agent|advisor|adviser|operator|representative|person|human|colleague|team))\b"
    r"|\b(?:is )?(?:any ?one|any ?body|some ?one|some ?body) (?:there|here|still there|available$|coming$)\b"
    r"|\b(?:wacht|wachten|wachtte|gewacht) (?:\w+ ){0,4}op (?:een |de |jullie )?(?:\w*medewerker|mens|iemand|collega|adviseur)\b"
    r"|\b(?:is )?(?:er )?(?:nog )?iemand (?:daar|aanwezig|die (?:reageert|antwoordt))\b"
)


def _value_again(state: _State, f: TextFeatures) -> Repeat | None:
    """A value the customer gave before (an order number, a postcode, a date, an e-mail
    address; spaces, case and separators aside) given again because it was asked again: the
    bot's last message repeated its question or said the value did not work, or the last
    message asks for the same item the value first answered ("Can you send me the PAC code?"
    after "Please send us your PAC code"). Not a value typed again to confirm it, nor a value
    given for another item ("And the billing postcode?"), nor a correction."""
    given = _values(f.norm)
    if not given:
        return None
    for index in range(len(state.norms) - 1, -1, -1):
        before = _values(state.norms[index])
        if before and any(given_before({value}, before) for value in given):
            return _asked_again(state, f, index)
    return None


def _asked_again(state: _State, f: TextFeatures, index: int) -> Repeat | None:
    """`_value_again` for a value first given in customer turn ``index``: whether it was
    asked again, and the flag."""
    reply = state.last_reply
    assert reply is not None
    if _CORRECTING.search(f.norm) is not None:
        return None
    if state.last_confirm or (confirms(reply[1]) and not state.last_bot_repeat and state.last_failure is None):
        return None  # "Please confirm your new phone number." / "Is 1234 AB correct?", not "Check your code"
    asked_now = asked_for(reply[1], state.result.language)
    if not (state.last_bot_repeat or state.last_failure is not None or _asked_before(state, index, asked_now)):
        return None
    what = "the same value" if asked_now is None else f"their {asked_now.words}"
    at = state.positions[index]
    return Repeat(VALUE_AGAIN, f"gives {what} again (first in message {at})", at)


def _asked_before(state: _State, index: int, asked: Request | None) -> bool:
    """The bot's last message before customer turn ``index`` asked for ``asked``'s item too,
    as a request or in its words ("... please send us your PAC code (9 characters)")."""
    at = bisect.bisect_left(state.bot_positions, state.positions[index]) - 1
    if asked is None or at < 0:
        return False
    norm = state.bot_features[at].norm
    first = asked_for(norm, state.result.language)
    return (first is not None and same_item(asked, first)) or f" {asked.words} " in f" {norm} "


@functools.lru_cache(maxsize=20_000)
def _values(norm: str) -> frozenset[str]:
    """The values of a customer text worth calling the same: long numbers and codes, dates,
    postcodes and e-mail addresses, not a menu's "2" or "12 items"."""
    found = {value for value in values(norm) if "/" in value or sum(c.isalnum() for c in value) >= _VALUE_CHARS}
    if " " in norm and _TLD.search(norm) is not None:
        found.update(_emails(norm))
    return frozenset(found)


_VALUE_CHARS = 5  # "Interstellar (2014)" names a film, not a value to give
_TLD = re.compile(r" (?:com|nl|be|net|org|de|eu|io|uk|info)\b")


def _emails(norm: str) -> set[str]:
    """An e-mail address as the last three or four of its normalised words ("priya n fastmail
    com"), without function words ("staat zo in de mail" names no address)."""
    words = norm.split()
    found = set()
    for at, word in enumerate(words):
        if word in _TLDS and at >= _EMAIL_WORDS - 1:
            for size in (_EMAIL_WORDS, _EMAIL_WORDS + 1):
                run = words[max(0, at + 1 - size) : at + 1]
                if len(run) == size and not any(w in _NOT_ADDRESS for w in run[:-1]):
                    found.add(" ".join(run))
    return found


_TLDS = frozenset("com nl be net org de eu io uk info".split())
_EMAIL_WORDS = 3
_NOT_ADDRESS = frozenset(
    """is my the a an at in on of to and or same one it its this that here there mail email address adres
    mijn het de een in op van naar en of zelfde die dit dat hier daar staat zo""".split()
)


_CORRECTING = re.compile(
    r"\b(?:not|niet|sorry|oops|typo|mistake|wrong|fout|verkeerd|i mean|ik bedoel|should be|moet zijn)\b"
)


def _request_again(state: _State, f: TextFeatures) -> Repeat | None:
    """The customer restates an earlier request or complaint of theirs in other words after
    the bot failed to understand, or asked its question again: "car damage claim" after "I
    want to make a claim for damage to my car", "orthodontie vergoeding" after "wordt een
    orthodontist ... vergoed". Two content words at least, half of the shorter text's, are
    shared; other numbers make it another request."""
    language = state.result.language
    if state.last_failure is None and not state.last_bot_repeat:
        return None
    reply = state.last_reply
    if reply is None or not _restate_asked(reply[1], language):
        return None  # a new question or bad news: the customer's answer to it is no restatement
    own = _content(f.norm, language)
    if len(own) < _SHARED:
        return None
    numbers = values(f.norm)
    for index in range(len(state.norms) - 1, -1, -1):
        norm = state.norms[index]
        other = _content(norm, language)
        if len(other) < _SHARED:
            continue
        shared = sum(1 for word in own if any(same_word(word, o) for o in other))
        if shared < _SHARED or shared * 2 < min(len(own), len(other)):
            continue
        if numbers and not given_before(numbers, values(norm)):
            continue  # "cancel order 1234" / "cancel order 5678"
        at = state.positions[index]
        return Repeat("request again", f"says again what they asked in message {at}", at)
    return None


_SHARED = 2


@functools.lru_cache(maxsize=20_000)
def _restate_asked(norm: str, language: str) -> bool:
    """`asks_to_restate` for a bot text, remembered: the same bot texts come back."""
    return asks_to_restate(language).search(norm) is not None


@functools.lru_cache(maxsize=20_000)
def _says(norm: str, language: str, done: bool) -> bool:
    """`says_done` (``done``) or `says_nothing` of a customer text, remembered: each earlier
    message is read again for each later one."""
    return says_done(norm, language) if done else says_nothing(norm, language)


_AGAIN = re.compile(r"\b(?:already|twice|\w+ times|al|\w+ keer)\b")  # "yes, twice now", "ja, voor de derde keer"


def _content(norm: str, language: str) -> tuple[str, ...]:
    """The content words of a customer text: `semantic_key` without function words, wishes,
    short words and digits."""
    return _content_cached(norm, "nl" if language == "nl" else "en")


@functools.lru_cache(maxsize=20_000)
def _content_cached(norm: str, language: str) -> tuple[str, ...]:
    dropped = filler_words() | _NOT_CONTENT[language]
    return tuple(
        word
        for word in semantic_key(norm, language)
        if len(word) > _SHORT and word not in dropped and not any(c.isdigit() for c in word)
    )


_SHORT = 2
# Words of wishes, asking and talk that any two requests share.
_NOT_CONTENT = {
    "en": frozenset(
        """want wanted need make made how what why when where which who will would could can please help know get
        got just still again this that there their they them then than with from have has had was were are is the
        for and but not all any some one ways many much say said tell told ask asked you your yours our mine""".split()
    ),
    "nl": frozenset(
        """wil wilt willen moet kan kun kunnen graag hoe wat waarom wanneer waar welke wie nog weer dit dat die deze
        hebben heb heeft was waren zijn ben bent het een van voor met maar niet alle iets zeggen gezegd vraag mijn
        jullie jouw word wordt worden doen doe gedaan""".split()
    ),
}


def _done_again(state: _State, norm: str) -> bool:
    """A reply that says the step was done says it again when it says so ("already", "twice
    now", "voor de derde keer") or the bot just asked again for a step to take ("did it" to
    "Could you try clearing your cache?" after "done. same")."""
    if _AGAIN.search(norm) is not None:
        return True
    reply = state.last_reply
    return state.last_bot_repeat and reply is not None and bool(asked_steps(reply[1], state.result.language))


def _answer_again(state: _State, f: TextFeatures) -> Repeat | None:
    """The customer says again that the step was done ("I just did that" after "done, still
    dropping") or that they cannot give the value ("I don't have a bill or the app" after "I
    don't have one") when the bot asked again; a bare yes or no answers."""
    if not state.last_bot_repeat and state.last_failure is None:
        return None
    if f.norm in rephrasing_words("short_answers"):
        return None
    language = state.result.language
    done = _says(f.norm, language, True)
    if not (done and _done_again(state, f.norm)) and not _says(f.norm, language, False):
        return None  # "yes I did" answers; "already did", "I just did that", "twice now" say it again
    short = rephrasing_words("short_answers")
    for index in range(len(state.norms) - 1, -1, -1):
        norm = state.norms[index]
        if norm not in short and _says(norm, language, done):
            at = state.positions[index]
            what = "it was done" if done else "they cannot give it"
            return Repeat("answer again", f"says again {what} (first in message {at})", at)
    return None


def _yes_again(state: _State, f: TextFeatures) -> Repeat | None:
    """A short yes or no given again to a yes/no question the bot just asked again, the same
    yes or no as the first time ("YES" after "yes whole street is out since 6am", "JA" after
    "ja"; `stuck_loop.first_answer_again`): the customer had to answer it twice."""
    reply = state.last_reply
    messages = state.result.messages
    if not state.last_bot_repeat or reply is None or len(f.norm.split()) > _BARE_WORDS or not messages:
        return None
    bot = messages[-1]
    if bot.position != reply[0] or not state.bot_positions or state.bot_positions[-1] != reply[0]:
        return None  # the bot's question, not an agent's
    loud = bool(f.caps or f.exclamation or f.emphasis)
    first = first_answer_again(state, bot, f.norm, len(state.norms), loud)
    if first is None:
        return None
    at = state.positions[first]
    return Repeat(
        "answer again", f"gives the same answer again to the question asked again (first in message {at})", at
    )


_BARE_WORDS = 3  # "ja", "YES", "yes!! yes": a longer reply says more


def person_asked_again(state: _State, ms: MessageSignals, words: str, norm: str | None) -> None:
    """Flags a request for a person (``words``: the ask as quoted; ``norm``: the message's,
    None for "yes please" to a person offered) as a ``customer_repeat`` when an earlier
    ask since a person last wrote was not met: the bot or agent replied since, and that reply
    neither hands over nor offers to ("I'll connect you now" / "ok, an agent then" confirms).

    A decision of the project, not a reading of the words: the customer had to say it again,
    which is what the flag reports to a supervisor. The first ask, an ask after a person
    joined and left (a new reason), "yes please" to an offer and "how long?" after a promise
    are no repeat; an ask after a promise the bot did not keep (it went on with its questions)
    is one. The ask is remembered either way (`_State.person_asks`)."""
    asks = state.person_asks
    # A yes to the bot's question takes what it offered ("yes please. call me back on ...").
    own = norm is not None and not (state.last_question and norm.split(" ", 1)[0] in _YES)
    if own and asks and state.last_reply is not None and not _promised(state):
        if not any(flag.flag == "customer_repeat" for flag in ms.flags):
            at, earlier = asks[-1]
            state.result.n_customer_repeats += 1
            detail = f'asked for a person before: "{earlier}" (message {at})'
            ms.flags.append(Flag("customer_repeat", "person again", detail, [at, ms.position]))
    asks.append((ms.position, words))


_YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "ja", "jawel", "graag", "oke", "prima"})


def _promised(state: _State) -> bool:
    """The last reply is the bot's and hands over or offers to (cues.yaml ``handover_done``,
    ``handover_offer``)."""
    reply = state.last_reply
    if reply is None or not state.bot_positions or state.bot_positions[-1] != reply[0]:
        return False
    cues = state.bot_features[-1].cues
    return "handover_done" in cues or "handover_offer" in cues


# "Yes, I think about three times already this month": longer answers say what they count.
COUNT_ANSWER_WORDS = 10


def repeat_contact_answer(state: _State, ms: MessageSignals, f: TextFeatures) -> None:
    """A bare count ("yes, twice already", "ja, al twee keer") answering a bot's or agent's
    question about contacting before is a repeat contact; after any other question ("Have you
    restarted it?") it counts restarts or failures, and the customer repeats nothing."""
    if state.last_reply is None or not _asks_about_contact(state.result.language, state.last_reply[1]):
        return  # most replies ask nothing about contacting before: no search of the answer
    answer = repeat_contact(state.result.language)[0].search(f.norm)
    if answer is None:
        return
    state.result.n_customer_repeats += 1
    ms.flags.append(
        Flag(
            "customer_repeat",
            "repeat contact",
            f'answers message {state.last_reply[0]}, a question about contacting before: "{answer.group(0)}"',
            [state.last_reply[0], ms.position],
        )
    )


_CONTACT_QUESTIONS: dict[tuple[str, str], bool] = {}  # (language, reply's norm) -> asks about contacting before


def _asks_about_contact(language: str, norm: str) -> bool:
    """Whether a bot's or agent's reply (its norm) asks about contacting before, remembered:
    the same reply templates come back in conversation after conversation."""
    key = (language, norm)
    found = _CONTACT_QUESTIONS.get(key)
    if found is None:
        if len(_CONTACT_QUESTIONS) > 100_000:  # bounded: agents write many distinct replies
            _CONTACT_QUESTIONS.clear()
        found = _CONTACT_QUESTIONS[key] = repeat_contact(language)[1].search(norm) is not None
    return found


def about_earlier_contacts(norm: str) -> bool:
    """A customer's "I said it before" that counts earlier contacts by phone, mail, visit or
    report, not turns of this chat: "this is the third time I've reported this since
    september", "I already called twice", "dit is de derde keer dat ik het meld". It is a
    repeat, but no turn of a loop with this bot ("I sent the receipt last week already" to
    the bot that asks for it again is one)."""
    return _EARLIER_CONTACTS.search(norm) is not None


_EARLIER_CONTACTS = re.compile(
    r"\b(?:reported|rang|phoned|called|emailed|e mailed|messaged|contacted|complained|visited"
    r"|meld|gemeld|belde|gebeld|gemaild|geklaagd|gechat|telefonisch|gesprek|gesprekken)\b"
)


def opening_form_step(state: _State, f: TextFeatures, words: str) -> bool:
    """Whether the ``repetition`` cue's ``words`` in a chat's first customer message speak of a
    form or a device, not of the company told before (round 23, rep23: rsics22, messages typed
    to chatbots): "I have already entered my promo code and it did not apply", "I've entered my
    card details twice", "Again the website won't load", "Once again the page is down". With
    nothing said in this chat yet, typing or entering was done on a website or in an app (a step
    done, LABELS.md), and a bare "again" counts an event. Public posts and later messages keep
    the cue ("LK21 XRT, I already typed it" to a bot that asks again). In a public post a bare
    "again" first counts an event in any tweet ("@Brand Again", after an outage told)."""
    words = words.lower()
    # The cue's own words are the "again" that opens the message: not a repeat told after it
    # ("More than a week now. I have told you this three times already").
    again = (
        ":" not in words
        and words.startswith(("again", "once again", "once more", "nogmaals"))
        and _AN_EVENT_AGAIN.match(f.norm) is not None
    )
    if f.public:
        return again  # "@Brand Again", "Again, shows albums saved but not downloaded" (twcs21, spot22: 0)
    return not state.norms and (again or _FORM_STEP.search(words) is not None)


# "I already entered my promo code", "ik heb het al ingevuld"; not "I've typed it twice now" (in this chat).
_FORM_STEP = re.compile(
    r"\b(?:already|al|reeds) (?:\w+ ){0,2}?(?:typed|entered|filled in|put in|input|inputted|keyed in"
    r"|ingevuld|ingetypt|ingetikt|ingevoerd)\b"
)
# "Again the website won't load", not "Again, I don't have a reservation yet" nor "Once again: the parcel
# never arrived" (the customer's words again: a colon or a person after it).
_AN_EVENT_AGAIN = re.compile(
    r"(?:(?:once )?(?:again|nogmaals)|once more)(?:$| (?!(?:i|we|my question|please|pls|ik|wij|mijn vraag)\b))"
)
