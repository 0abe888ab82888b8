"""A customer who gets nowhere with a bot that keeps coming back to the same thing: the loop
rule that reads both sides of the conversation.

The other loop rules each need one shape said often enough (a question asked three times, an
answer given three times, two "I didn't understand"s). Many loops mix them: a menu shown again,
then the question after it again; an answer sent back in other words, then a fallback
("Could you tell me a bit more?"); the same link or place in the app offered in wordings that
share few words. What makes them a loop is the customer's side: after each of these bot turns
they do not progress. They say it again, reject the answer, ask for a person, complain or
give up. A customer who picks a new option from a menu shown again, or asks the next
question and gets the next answer, progresses: no loop.

A bot turn comes back (`came_back`) when it repeats an earlier one (a `bot_repeat` flag), gives
an earlier answer again (`answer_runs`), fails to understand, answers with a fallback prompt
after the customer said what they wanted, or sends the customer to a place in the app or a
link an earlier answer sent them to. It counts when the customer's reply to it gets nowhere
(`gets_nowhere`); ``loop.stuck_turns`` such turns before any person took over are a loop.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from cxreview.signals.answer_runs import MIN_WORDS, answer_key, apart
from cxreview.signals.answers import values
from cxreview.signals.asked_steps import asked_steps
from cxreview.signals.lexicon import asks_if_fixed, bot_fallback, closing_offer, finds, lexicon_language, loop_statement
from cxreview.signals.loop_runs import brings_nothing
from cxreview.signals.requested import asked_for
from cxreview.signals.wording import semantic_key, shared_words

if TYPE_CHECKING:
    from cxreview.records import Flag, MessageSignals
    from cxreview.signals.conversation import _State
    from cxreview.signals.features import TextFeatures

# The customer's reply gets nowhere: a flag or a cue that says so. A bare "no" to a question is
# an answer ("Is it the 12th?" / "No, the 13th"); a "no" to an answer rejects it (`_rejects`).
NOWHERE_CUES = frozenset(
    {"rejection", "repetition", "giving_up", "escalation", "profanity", "sarcasm", "impatience", "grievance"}
)
_YES_WORDS = frozenset(
    {"yes", "yeah", "yep", "yup", "sure", "ok", "okay", "ja", "jawel", "oke", "oké", "prima", "goed"}
)
_NO_WORDS = frozenset({"no", "nope", "nah", "not", "nee", "neen", "niet", "nop"})
# Link endings as they stand in a norm ("greenbank com cards", "praktijk nl afspraak").
_LINK = re.compile(r"\b([a-z0-9-]{3,} (?:com|nl|org|net|eu|io|co uk))\b")
# A text that sends the customer somewhere: only there do capitalised words name a place
# ("under Account > Payments", "via Mijn Account"), not a venue, a film or a flight.
_NAVIGATES = re.compile(
    r"\b(?:under|go to|log in|login|in the app|in our app|page|menu|tab|section|website|onder|ga naar|in de app|"
    r"pagina|tabblad|website|via mijn|in mijn|in my)\b"
)
_PLACE_WORDS = 2  # capitalised words two answers share to send the customer to one place


def stuck_loop(state: _State, turns: int) -> tuple[str, str, list[int]] | None:
    """(rule, detail, positions) when at least ``turns`` bot turns before any person took over
    came back to something (`came_back`) and the customer's reply to each got nowhere
    (`gets_nowhere`); positions: those bot turns. None otherwise."""
    result = state.result
    end = result.handover_position if result.handover_position is not None else float("inf")
    by_position = {ms.position: ms for ms in result.messages}
    found: list[tuple[int, str, int]] = []  # (bot position, what it came back to, the reply)
    backs: list[str | None] = []  # per bot turn up to the end: what it came back to (read again below)
    for index, position in enumerate(state.bot_positions):
        if position > end:
            break
        back = came_back(state, index, by_position[position], by_position)
        backs.append(back)
        if back is None:
            continue
        reply = gets_nowhere(state, index, by_position)
        if reply is not None:
            found.append((position, back, reply))
    if len(found) == turns - 1 and result.handover_position is None:
        left = _left(state, by_position, backs)
        if left is not None and all(left[0] != position for position, _, _ in found):
            found.append(left)
    if len(found) < turns:
        # Fewer turns came back than the customer's words would need: no message is searched.
        if len(backs) - backs.count(None) < turns:
            return None
        return _said_circles(state, turns, end, backs)
    where = "; ".join(f"message {position} {back}" for position, back, _ in found)
    replies = ", ".join(str(reply) for _, _, reply in found)
    detail = f"the bot came back to the same thing {len(found)} times ({where}) and the customer got nowhere"
    detail += f" (messages {replies})"
    return "no progress", detail, [position for position, _, _ in found]


def _left(
    state: _State, by_position: dict[int, MessageSignals], backs: list[str | None]
) -> tuple[int, str, int] | None:
    """(bot position, what it came back to, the customer's last message) when the bot's last
    turn came back to something and the customer left after it with words of no thanks, no
    yes and no good mood ("jezus", "ik bel jullie wel"). ``backs``: `came_back` of every bot
    turn (no person took over)."""
    if not state.bot_positions:
        return None
    position = state.bot_positions[-1]
    back = backs[-1]
    if back is None:
        return None
    after = [(at, norm) for at, norm in zip(state.positions, state.norms, strict=True) if at > position]
    if not after:
        return None  # a transcript may end on any bot turn: silence says nothing
    for at, norm in after:
        words = norm.split()
        if not words or words[0] in _YES_WORDS or not THANKS.isdisjoint(words) or by_position[at].sentiment > 0:
            return None
    return position, back, after[-1][0]


def _said_circles(state: _State, turns: int, end: float, backs: list[str | None]) -> tuple[str, str, list[int]] | None:
    """The loop when the customer says they go round in circles (cues.yaml ``loop_statement``)
    after at least ``turns`` bot turns came back to something, whatever the replies between
    ("1", "4": a new option each time from a menu shown again and again). ``backs``: `came_back`
    of each bot turn up to ``end``."""
    pattern = loop_statement(state.result.language)
    for at, norm in zip(state.positions, state.norms, strict=True):
        if at > end:
            break
        if pattern.search(norm) is None:
            continue
        back = [
            (position, what)
            for position, what in zip(state.bot_positions, backs, strict=False)
            if position < at and what is not None
        ]
        if len(back) >= turns:
            where = "; ".join(f"message {position} {what}" for position, what in back)
            detail = f"the bot came back to the same thing {len(back)} times ({where})"
            detail += f" and the customer says they go round in circles (message {at})"
            return "no progress", detail, [position for position, _ in back]
    return None


def came_back(state: _State, index: int, ms: MessageSignals, by_position: dict[int, MessageSignals]) -> str | None:
    """What bot turn ``index`` came back to, in words ("repeats message 4", "fails to
    understand", "answers something else than message 2 asked"), or None when it brings
    something new."""
    f = state.bot_features[index]
    language = state.result.language
    if f.question and finds(closing_offer, language, f.norm) and not is_answer(state, index):
        return None  # "Do you need any other help?" after each finished task
    for flag in ms.flags:
        if flag.flag == "bot_repeat":
            return f"repeats message {flag.positions[0]}"
    first = state.answers.first[index]
    if first != index:
        return f"gives the answer of message {state.bot_positions[first]} again"
    position = state.bot_positions[index]
    if position in state.bot_failures:
        return "fails to understand"
    replied = range(_replied_before(state, index))
    if replied and _fallback(f.norm, language):
        return "answers with a fallback prompt"
    if not is_answer(state, index) or asked_steps(f.norm, language):
        # A question asked again in other words is the ask rules' (`bot_repeat`), and so is a
        # step to take: "sign out of the app on your phone" / "... on your TV" are two steps.
        return None
    places = _places(f)
    for earlier in reversed(replied):
        other = state.bot_features[earlier]
        if not is_answer(state, earlier):
            continue
        if places and _same_place(places, _places(other)):  # nowhere to send the customer: no place shared
            return f"sends the customer where message {state.bot_positions[earlier]} did"
        if _alike(f, other):
            return f"says what message {state.bot_positions[earlier]} said, in other words"
    return _answered_otherwise(state, index, by_position)


def _answered_otherwise(state: _State, index: int, by_position: dict[int, MessageSignals]) -> str | None:
    """Answer turn ``index`` answered something else than the customer asked: their first
    reply to it asks again what they asked before it (a ``customer_repeat`` of rule `asked
    again`: "No. I asked about the maximum length of a trip"), or says no and says it again
    (`said again`, `request again`). A bot that misreads the question again and again answers
    something new each time."""
    position = state.bot_positions[index]
    start = bisect.bisect_right(state.positions, position)
    following = state.bot_positions[index + 1] if index + 1 < len(state.bot_positions) else float("inf")
    if start >= len(state.positions) or state.positions[start] >= following:
        return None
    # Said again after a "no" ("No. Bicycles. On the train."): a request said again with no
    # "no" asks for the next one as often ("Could you search for some other events?").
    rules = _ASKED_AGAIN if state.norms[start].split(" ", 1)[0] in _NO_WORDS else _ASKED_AGAIN[:1]
    for flag in by_position[state.positions[start]].flags:
        if flag.flag == "customer_repeat" and flag.rule in rules and flag.positions[0] < position:
            return f"answers something else than message {flag.positions[0]} asked"
    return None


_ASKED_AGAIN = ("asked again", "said again", "request again")  # customer_repeat rules; the first says so


def _numbers_apart(a: TextFeatures, b: TextFeatures) -> bool:
    """Both texts say numbers, and not the same ("7 days" and "7-day" say the same)."""
    numbers_a, numbers_b = set(_DIGITS.findall(a.norm)), set(_DIGITS.findall(b.norm))
    return bool(numbers_a and numbers_b and numbers_a != numbers_b)


_DIGITS = re.compile(r"\d+")


def is_answer(state: _State, index: int) -> bool:
    """Bot turn ``index`` answers (`answer_runs.answer_key`: not a question of its own, a
    closing offer or "Did this help?" after it aside): a reply that says no to it or says the
    request again gets nowhere; to a question it answers ("Do you like Thor?" / "No, I don't").
    Remembered per text (bot texts are templates, and each turn is asked again for every
    later one): the answer reads nothing of the text's features but those in the key."""
    f = state.bot_features[index]
    language = lexicon_language(state.result.language)
    return _remembered(_ANSWERS, (f.norm, f.question, f.semantic, "confirm" in f.cues, language), _answers, f, language)


_ANSWERS: dict[tuple[object, ...], bool] = {}
_MEMO_LIMIT = 100_000  # answers remembered per memo


def _remembered(memo: dict[tuple[object, ...], bool], key: tuple[object, ...], answer: Any, *args: Any) -> bool:
    """``memo[key]``, made by ``answer(*args)`` the first time (the memo emptied when full)."""
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[key] = answer(*args)
    return found


def _answers(f: TextFeatures, language: str) -> bool:
    if "confirm" in f.cues or _CONFIRMS.search(f.norm):
        return False  # a read-back to confirm asks: "No, my group has four people" answers it
    if not f.question and len(f.semantic) >= MIN_WORDS:
        if _EXCLAIMS.match(f.norm):
            return True  # "Wat vervelend dat je bestelling nog niet binnen is! Bestellingen worden ..."
        if _INSTRUCTS.match(f.norm):
            # advice to follow ("Please make sure the charger is plugged in"), not an ask for
            # a value ("Please enter your account number.")
            return asked_for(f.norm, language) is None
    return bool(answer_key(f.norm, language, f.question, f.semantic))


def _alike(a: TextFeatures, b: TextFeatures) -> bool:
    """Two bot answers that share at least half the content words of the shorter (at least
    ``_ALIKE_WORDS``), numbers aside: "Your parcel is in transit and will arrive soon." /
    "Your parcel PP88 is in transit and should arrive soon." Looser than `answer_runs`: it
    counts only where the customer's reply gets nowhere. Remembered per pair of texts (bot
    texts are templates: the same pairs meet in conversation after conversation), keyed by
    everything `_alike_now` reads of their features (`ALIKE_READS`; a test checks that the
    answer depends on nothing else)."""
    return _remembered(_ALIKE, (*_alike_key(a), *_alike_key(b)), _alike_now, a, b)


# The features `_alike_now` reads (`answer_runs.apart` reads the cues only for "failure" and
# "uncertainty"): `_alike_key`.
ALIKE_READS = ("norm", "semantic", "critical", "cues")
_ALIKE: dict[tuple[object, ...], bool] = {}


def _alike_key(f: TextFeatures) -> tuple[str, tuple[str, ...], frozenset[str], bool, bool]:
    return f.norm, f.semantic, f.critical, "failure" in f.cues, "uncertainty" in f.cues


def _alike_now(a: TextFeatures, b: TextFeatures) -> bool:
    if apart(a, b) or _numbers_apart(a, b):
        return False  # the next option: "A bus departs at 8:10 am for $36" / "... 8:20 am for $39"
    words_a = tuple(w for w in a.semantic if w.isalpha())
    words_b = tuple(w for w in b.semantic if w.isalpha())
    needed = max(_ALIKE_WORDS, _ALIKE_SHARE * min(len(words_a), len(words_b)))
    return shared_words(words_a, words_b) >= needed


# An exclamation that starts like a question ("What a pity!", "Wat vervelend!"): with no
# question mark the text answers.
_EXCLAIMS = re.compile(r"(?:what an? |wat (?:vervelend|jammer|fijn|leuk|goed|naar|rot|balen|een|ontzettend|enorm)\b)")
_CONFIRMS = re.compile(r"\b(?:confirm|confirmation|bevestig|bevestigen|bevestiging)\b")
_INSTRUCTS = re.compile(r"(?:please|kindly|graag|gelieve) ")
_ALIKE_WORDS = 3
_ALIKE_SHARE = 0.5


def _replied_before(state: _State, index: int) -> int:
    """How many bot turns before bot turn ``index`` the customer replied to before it: the
    turns before the customer's last message before it."""
    stop = state.bot_positions[index]
    last = bisect.bisect_left(state.positions, stop) - 1
    if last < 0:
        return 0
    return bisect.bisect_left(state.bot_positions, state.positions[last], 0, index)


def gets_nowhere(state: _State, index: int, by_position: dict[int, MessageSignals]) -> int | None:
    """The position of the customer's reply to bot turn ``index`` (any of their messages
    before the next bot turn) that shows they get nowhere, or None."""
    position = state.bot_positions[index]
    following = state.bot_positions[index + 1] if index + 1 < len(state.bot_positions) else float("inf")
    answer = is_answer(state, index)
    start = bisect.bisect_right(state.positions, position)
    for customer in range(start, len(state.positions)):
        at, norm = state.positions[customer], state.norms[customer]
        if at >= following:
            break
        ms = by_position[at]
        if answer and norm.split(" ", 1)[0] in _NO_WORDS and _asks_if_helped(state, index):
            # "No it didn't. How many days ...?" to "Did that answer your question?": the answer
            # failed, however long the reply and whoever takes over after it
            return at
        asks_person = any(flag.flag == "human_request" for flag in ms.flags)
        if asks_person and answer:
            # "yes, a person who can actually look at my account please" to the same link sent a
            # third time: the handover it gets answers the ask, not the loop before it (round 19)
            return at
        if _taken_up(state, at):
            return None  # a person took over, or the bot hands over: the customer got somewhere
        if NOWHERE_CUES & ms.features.keys() or asks_person:
            return at
        if not answer and _answers_again(state, by_position[position], customer, bool(_LOUD & ms.features.keys())):
            return at  # "NEE ik ga niet verhuizen" to "Gaat u verhuizen?" asked again after "nee, ..."
        if values(norm) and not brings_nothing(state, customer):
            continue  # a value not given before ("I don't have it, my postcode is 1234 AB")
        if any(had_to_repeat(state, customer, flag, answer) for flag in ms.flags):
            return at
        # A question of their own asks something new ("Is that expensive?", "How much will
        # this one cost?"), unless a cue or flag above says they get nowhere.
        if answer and (_rejects(norm, ms) or (not state.questions[customer] and _says_again(state, customer, index))):
            return at
        if len(norm.split()) <= _SHORT_VALUE and brings_nothing(state, customer):
            return at  # the same value again ("4 AGAIN" to a menu shown again), "I don't have it"
    return None


def _answers_again(state: _State, bot: MessageSignals, customer: int, loud: bool) -> bool:
    """`first_answer_again` for customer turn ``customer`` of the walk."""
    return first_answer_again(state, bot, state.norms[customer], customer, loud) is not None


def first_answer_again(state: _State, bot: MessageSignals, norm: str, customer: int, loud: bool) -> int | None:
    """The customer's reply ``norm`` (their turn ``customer``) gives a question the bot asks
    again (a ``bot_repeat`` of bot message ``bot``) the yes or no they gave it the first time
    ("YES" after "yes whole street is out"): they answered it, and the bot asks it anyway; the
    index of that first answer, or None. Only when the first answer said more than yes or no,
    or the reply is ``loud`` (capitals, "!"): the same bare "Yeah." to "Have you heard of this
    movie?" asked about each new film answers a new question."""
    first = norm.split(" ", 1)[0]
    kind = _BARE_YES if first in _BARE_YES else _NO_WORDS if first in _NO_WORDS else None
    asking = state.bot_features[bisect.bisect_left(state.bot_positions, bot.position)]
    if kind is None or (asking.ask or asking.norm).lower().split(" ", 1)[0] in _REQUEST_OPENERS:
        return None  # "Can you give me a couple of reasons why you like this movie?": a request
    for flag in bot.flags:
        if flag.flag == "bot_repeat":
            reply = bisect.bisect_right(state.positions, flag.positions[0])
            first_answer = state.norms[reply].split() if reply < customer else []
            if first_answer and first_answer[0] in kind and (loud or len(first_answer) >= _EXPLAINED):
                return reply
    return None


_LOUD = frozenset({"caps", "exclamation", "emphasis"})
_REQUEST_OPENERS = frozenset(
    {"can", "could", "would", "will", "may", "please", "kun", "kunt", "kan", "wil", "wilt", "zou", "mag"}
)
_EXPLAINED = 4  # words of a first answer that says more than yes or no
# A yes that answers a question, not one that takes a request ("Sure, ..." to "Can you say a
# little more?" asked after each new film).
_BARE_YES = frozenset({"yes", "yeah", "yep", "yup", "ja", "jawel", "jazeker"})


def _asks_if_helped(state: _State, index: int) -> bool:
    """Bot turn ``index`` asks whether its answer helped ("Did that answer your question?",
    "Heeft dit je vraag beantwoord?"; cues.yaml ``asks_if_fixed``): a no to it says the answer
    failed, whatever follows it."""
    return asks_if_fixed(state.result.language).search(state.bot_features[index].norm) is not None


def had_to_repeat(state: _State, customer: int, flag: Flag, answer: bool) -> bool:
    """A customer_repeat ``flag`` of customer turn ``customer`` that says they had to say it
    again: not the same yes to each new read-back ("yes that works"); to a question, only
    "I said so" or their previous message again, not the same answer to a template question
    asked again about a new topic ("I have heard of this movie" to each "Have you heard of
    this movie?")."""
    if flag.flag != "customer_repeat" or state.norms[customer].split(" ", 1)[0] in _YES_WORDS:
        return False
    return answer or len(flag.positions) < 2 or (customer > 0 and flag.positions[0] == state.positions[customer - 1])


def _taken_up(state: _State, at: int) -> bool:
    """The next message after customer message ``at`` that is not the customer's is a
    person's, or the bot handing over or offering to ("I'm handing you over to a member of our
    team now"): the customer got somewhere."""
    handover = state.result.handover_position
    later = next((i for i, p in enumerate(state.bot_positions) if p > at), None)
    if handover is not None and handover > at and (later is None or state.bot_positions[later] > handover):
        return True
    return later is not None and not _HANDING.isdisjoint(state.bot_features[later].cues)


_HANDING = frozenset({"handover_done", "handover_offer"})


def _says_again(state: _State, index: int, bot: int) -> bool:
    """Customer turn ``index`` says again what their earlier messages said, in other words,
    with little new ("yes!! refund the double charge" after "I was charged twice ... I want
    one refunded"; its "yes" answers bot turn ``bot``'s "Anything else?"): at least half its
    content words (and at least two) are forms of theirs. A thank-you is no request ("That's
    perfect, thanks" after "Sounds perfect, thanks")."""
    language = state.result.language
    norm = state.norms[index]
    words = norm.split()
    if index == 0 or not words or not THANKS.isdisjoint(words):
        return False
    if words[0] in _YES_WORDS and closing_offer(language).search(state.bot_features[bot].norm) is None:
        return False  # "Yes, that sounds good" after "That flight sounds good": it accepts
    content = tuple(w for w in semantic_key(norm, language) if _content(w))
    said = tuple(w for earlier in state.norms[:index] for w in semantic_key(earlier, language) if _content(w))
    return shared_words(content, said) >= max(_SAID_AGAIN, _ALIKE_SHARE * len(content))


def _content(word: str) -> bool:
    return len(word) >= _CONTENT_LETTERS and word.isalpha()


_CONTENT_LETTERS = 4
_SAID_AGAIN = 2  # content words said before, at least
_SHORT_VALUE = 4  # words of a reply that only gives a value


def _rejects(norm: str, ms: MessageSignals) -> bool:
    """A short customer message that says no to an answer ("nee ik wil hem ANNULEREN", "no I
    want my money back", "that's not an answer", "the website doesn't tell me how") or corrects
    it ("I'm saying the amount is wrong"). A longer one tells something new ("OK, I don't need
    a table right now, but I do need the address"); a thank-you closes ("No, I'm all set,
    thanks")."""
    words = norm.split()
    if len(words) > _SHORT_REPLY or not THANKS.isdisjoint(words):
        return False
    return words[0] in _NO_WORDS or not _REJECTING.isdisjoint(ms.features)


_REJECTING = frozenset({"correction", "negative_answer", "negations"})
THANKS = frozenset({"thanks", "thank", "thx", "cheers", "bedankt", "dank", "dankjewel", "dankuwel", "merci"})
_SHORT_REPLY = 10  # words


def _places(f: TextFeatures) -> frozenset[str]:
    """Where a bot text sends the customer: its links ("greenbank com") and, when it says to
    go somewhere, the capitalised words inside its sentences ("Account", "Payments", "Mijn",
    "Bestellingen"). Remembered per text (bot texts are templates), keyed by all it reads."""
    key = (f.norm, f.critical)
    found = _PLACES.get(key)
    if found is None:
        if len(_PLACES) >= _MEMO_LIMIT:
            _PLACES.clear()
        found = _PLACES[key] = _places_now(f)
    return found


_PLACES: dict[tuple[str, frozenset[str]], frozenset[str]] = {}


def _places_now(f: TextFeatures) -> frozenset[str]:
    links = frozenset(_LINK.findall(f.norm)) if " " in f.norm else frozenset()
    if _NAVIGATES.search(f.norm) is None:
        return links
    named = frozenset(word.lower() for word in f.critical if word[:1].isupper() and word.isalpha() and len(word) > 1)
    return links | named


def _same_place(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return any(" " in word for word in shared) or len(shared) >= _PLACE_WORDS


def _fallback(norm: str, language: str) -> bool:
    """A bot text that only asks the customer to say what they want ("I'm here to help!
    Could you tell me a bit more about what you'd like to discuss?")."""
    return finds(bot_fallback, language, norm)
