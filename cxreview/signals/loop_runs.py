"""The loop rule's reading of a conversation: the runs of one bot question asked again while
the customer brings nothing new (`asked_again`), what a customer reply brings, and when a
bot text that looks like the question again is the next step of a form or asks to do what
the customer said was done.

Split from `conversation` (which calls these from its per-role steps); they read and update
its `_State`."""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from cxreview.signals.answers import given_before, says_done, says_nothing, values
from cxreview.signals.ascii_text import has_digit
from cxreview.signals.asked_steps import IT, Step, asked_step, asked_steps, same_step, with_thing
from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import asks_if_fixed, raw_cues, rejects_value
from cxreview.signals.near_misses import code_or_number, confirms, owners_apart
from cxreview.signals.repeats import tenses_differ
from cxreview.signals.requested import DAY, Request, asked_for, asks_a_number, denies, same_item, values_apart
from cxreview.signals.wording import content_form, rephrasing_words

if TYPE_CHECKING:
    from cxreview.signals.conversation import _State


def had_to_repeat(state: _State, f: TextFeatures, repeat_of: tuple[int, str] | None) -> bool:
    """Whether a customer message that repeats an earlier one says it again because the bot
    did not take it: it repeats the customer's previous message (or what that one repeated),
    the bot replied between, its reply was no new question or read-back to confirm, and a
    near-duplicate says the same numbers. The same answer to each new question or
    offer ("Yup, sounds good to me.", "I haven't seen it") is no loop."""
    if repeat_of is None or not state.positions or not state.bot_positions:
        return False
    previous = state.positions[-1]
    if state.bot_positions[-1] < previous:
        return False  # no bot reply between: a message sent twice ("doubled" transcripts)
    if repeat_of[0] not in (previous, state.last_customer_repeat_of):
        return False
    if other_numbers(state, f, repeat_of):
        return False  # "Book a table at 7 pm" / "... at 8 pm" is a new request
    # "Please confirm these details: ...", "Please confirm your new phone number."; a new step
    # to try ("Please reset the router with the pin button.") or a new value to give ("Please
    # enter your gas reading."): "still not working" / "the meter is broken" answers each.
    norm = state.bot_features[-1].norm
    new_ask = (
        state.last_question
        or state.last_confirm
        or confirms(norm)
        or asks_to_act(norm)
        or _asks_another_value(state, norm, repeat_of[0])
    )
    return not (new_ask and not state.last_bot_repeat and state.last_failure is None)


def _asks_another_value(state: _State, norm: str, answered: int) -> bool:
    """The bot now asks for another value than the ask that customer message ``answered``
    answered ("Please enter your gas reading." after "... your electricity reading.", "the
    recipient's name" after "your name"): the same reply gives it for the new field. When
    either ask is not read, or both ask for one item, the customer had to say it again."""
    language = state.result.language
    now = asked_for(norm, language)
    if now is None:
        return False
    index = bisect.bisect_left(state.bot_positions, answered) - 1
    earlier = asked_for(state.bot_features[index].norm, language) if index >= 0 else None
    if earlier is None:
        return False
    return set(now.item) - _FORMATS != set(earlier.item) - _FORMATS


_FORMATS = frozenset({"number", "numbers", "only", "cijfers"})  # "your meter reading (numbers only)"


def asks_to_act(norm: str) -> bool:
    """A normalised bot text that asks the customer to do something ("please restart the
    router", "unplug the modem for 30 seconds", "start je decoder opnieuw op", "probeer nu de
    app te openen"). A choice from a menu ("please choose payments or returns") is no step:
    a customer who says their request again to it had to repeat it."""
    match = _ACTING.search(norm)
    return match is not None and not _CHOOSING.search(norm)


# The verb of a step to try, at the start or after a courtesy or sequence word.
_ACT_VERBS = (
    "restart|reboot|reset|unplug|plug|reconnect|connect|disconnect|turn|switch|power|update|upgrade|reinstall|install|"
    "uninstall|clear|delete|remove|insert|log|sign|try|send|upload|attach|take|hold|press|wait|open|close|charge|"
    "check|test|herstart|start|trek|steek|sluit|verbind|koppel|zet|schakel|controleer|kijk|installeer|verwijder|"
    "wis|log|probeer|stuur|maak|neem|houd|druk|wacht|open|test"
)
_ACTING = re.compile(
    rf"(?:^|\b(?:please|kindly|now|then|next|also|first|graag|gelieve|nu|dan|daarna|eerst|ook) )(?:{_ACT_VERBS})\b"
)
_CHOOSING = re.compile(r"\b(?:choose|select|pick|kies|selecteer|one of|een van)\b")


def asks_a_value(state: _State) -> bool:
    """The bot's last message asks for a value ("Could you enter your first name?")."""
    return asked_for(state.bot_features[-1].norm, state.result.language) is not None


def other_numbers(state: _State, f: TextFeatures, repeat_of: tuple[int, str]) -> bool:
    """A near-duplicate that says other numbers than the message it repeats; a message that
    shares a group of digits with it gives a new value when its whole number is new
    ("07700 900456" after "07700 900123": one group is no number given before)."""
    earlier = state.norms[state.positions.index(repeat_of[0])]
    if repeat_of[1].startswith("similarity"):
        return _numbers(f.norm) != _numbers(earlier)
    given = values(f.norm)
    return bool(given) and not given_before(given, values(earlier))


def brings_nothing(state: _State, index: int) -> bool:
    """Customer turn ``index`` brings nothing new: it only gives values the customer gave
    before ("1012AB", "12", "AB-1234-XY is on my receipt!"; "1234ab" after "1234 AB"), or
    says it cannot give the value with no new value beside ("I don't have it"; not "I don't
    have it, but my postcode is 1234 AB"). The values of each turn are worked out once, when
    first needed."""
    said = state.values_said
    while len(said) <= index:
        said.append(values(state.norms[len(said)]))
    given = said[index]
    if given:
        return given_before(given, set().union(*said[:index]))
    return says_nothing(state.norms[index], state.result.language)


def _numbers(norm: str) -> set[str]:
    """The words of a norm that have a digit (str.isdigit: "²" too)."""
    if not norm.isascii():
        return {word for word in norm.split() if any(c.isdigit() for c in word)}
    # ASCII (most texts): digits are 0-9; most norms have none, found in one C pass, and a
    # word of letters alone needs no look at each character.
    if not has_digit(norm):
        return set()
    return {word for word in norm.split() if not word.isalpha() and has_digit(word)}


def done_since(state: _State, index: int, plainly: bool = False) -> bool:
    """A customer reply since bot turn ``index`` says the action it asked about was done;
    ``plainly``: not by a bare yes, which answers a request to act as "OK"."""
    start = bisect.bisect_right(state.positions, state.bot_positions[index])
    language = state.result.language
    short = rephrasing_words("short_answers") if plainly else frozenset()
    return any(says_done(norm, language) and norm not in short for norm in state.norms[start:])


def form_step(state: _State, f: TextFeatures, earlier: TextFeatures) -> bool:
    """The bot asks to confirm (or type again) a value the customer just gave, after asking
    for it: the next step of a form ("What is your new phone number?" / "0612345678" /
    "Please confirm your new phone number."), not the question asked again. A second
    "Please confirm ..." is asked again."""
    if not confirms(f.norm) or confirms(earlier.norm) or not state.positions:
        return False
    if state.positions[-1] < state.bot_positions[-1]:
        return False  # no reply since the bot's previous message
    # Unless the reply says the value cannot be given ("I don't have a new number"); a sigh
    # alone ("hmm", "???") says nothing about it, and the bot went on to the next step.
    reply = state.norms[-1]
    return len(reply.split()) < 2 or not says_nothing(reply, state.result.language)


def asked_again(state: _State, ask: int, position: int, norm: str) -> None:
    """A bot turn asks question ``ask`` again. It goes on with the question's run while the
    customer brought nothing new since its last ask (the same value again, "I already told
    you", a request for a person, no reply), whatever other bot messages came between
    ("What is your postcode?" / "And your house number?" asked in turn); when they gave
    something new (the first answer, another item for the cart, a second order, the next
    movie), the last ask is the first of a new run and this one its first repeat. An ask
    in other words with no customer message since the last one is the same turn sent in
    several bubbles (a menu: "Track a parcel: enter your order number." / "Start a return:
    enter your order number ..."): it neither goes on with a run nor starts one. The same
    text sent again and again (a near-duplicate of the bot's previous message) is a loop the
    customer sees ("May I suggest a movie for you?" three times in a row)."""
    run = state.current_runs.get(ask)
    last = state.last_asked.get(ask, ask)
    no_reply = not state.positions or state.positions[-1] < state.bot_positions[last]
    if no_reply and fuzz.ratio(state.bot_features[-1].norm, norm) < state.config["repeat"]["bot_similarity"]:
        return
    if run is not None and _nothing_new_since(state, last):
        state.ask_runs[run][1].append(position)
    else:
        state.current_runs[ask] = len(state.ask_runs)
        state.ask_runs.append((last, [position]))
    state.last_asked[ask] = len(state.bot_features)


def _nothing_new_since(state: _State, last: int) -> bool:
    """Whether no customer message after bot turn ``last`` brought something new. A message
    that gives no value brings nothing to an ask for a value when it says the value is not
    there ("no bill. no account number"), or when it answers an ask for a number without one
    ("Ik heb geen polisblad, ik ben nog geen klant")."""
    position = state.bot_positions[last]
    start = bisect.bisect_right(state.positions, position)
    news = state.news
    asked: Request | None | bool = False  # read when first needed
    for index in range(start, len(news)):
        if news[index] is None:
            news[index] = not brings_nothing(state, index)
        if news[index]:
            if asked is False:
                asked = request_at(state, last)
            if isinstance(asked, Request) and _withholds(state, index, asked, last):
                continue
            if asked is None and (_says_done_again(state, index, last) or _not_fixed(state, index)):
                continue
            return False
    return True


def _says_done_again(state: _State, index: int, last: int) -> bool:
    """Customer turn ``index`` says once more that the step bot turn ``last`` asked about was
    done ("yes I did" after "did that, still nothing"): nothing new to a step asked again. A
    bare "yes" is no such reply."""
    norm = state.norms[index]
    if norm in rephrasing_words("short_answers") or not says_done(norm, state.result.language):
        return False
    return bool(_steps_at(state, last))


def _not_fixed(state: _State, index: int) -> bool:
    """Customer turn ``index`` says no to the bot's question whether the step helped ("Did
    that solve your issue?" / "no", "nee, nog steeds niet"; cues.yaml ``asks_if_fixed``):
    nothing new to the step asked again after it."""
    norm = state.norms[index]
    if norm.split(" ", 1)[0] not in _NO_WORDS or len(norm.split()) > _NOT_FIXED_WORDS or has_digit(norm):
        return False
    at = bisect.bisect_left(state.bot_positions, state.positions[index]) - 1
    if at < 0 or (index and state.positions[index - 1] > state.bot_positions[at]):
        return False  # its direct answer only
    return asks_if_fixed(state.result.language).search(state.bot_features[at].norm) is not None


_NO_WORDS = frozenset({"no", "nope", "nah", "not", "still", "nee", "neen", "niet", "nog"})
_NOT_FIXED_WORDS = 6  # "no, still the same"; a longer reply may tell something new


def _withholds(state: _State, index: int, asked: Request, last: int) -> bool:
    """Customer turn ``index`` gives no value for ``asked`` (bot turn ``last``): see
    `_nothing_new_since`."""
    if state.values_said[index] if index < len(state.values_said) else values(state.norms[index]):
        return False
    norm, language = state.norms[index], state.result.language
    if denies(norm, asked, language):
        return True
    if state.questions[index] or _ASKING.match(norm):
        return False  # a question of their own is a new request ("and how do I order a card?")
    # The direct reply to the ask: before any later bot turn.
    following = state.bot_positions[last + 1] if last + 1 < len(state.bot_positions) else None
    direct = following is None or state.positions[index] < following
    return direct and asks_a_number(asked)


def step_repeated(state: _State, f: TextFeatures) -> tuple[int, Step] | None:
    """(index of the earlier bot turn, the step) when bot text ``f`` asks about a step to take
    that an earlier bot turn asked about (`asked_steps`; any of the steps each text asks
    about, "reset the display by holding the A button" / "Hold the A button"; of this text, a
    step after "and" only when it is done to the thing of its main step, "Delete the app and
    install it again"): to do it again
    ("Please pay the invoice." after "Can you pay the invoice?"), or whether it was done
    again. To do what the bot asked whether was done ("Have you restarted the router?" /
    "Please restart the router.") is the question asked again only after the customer said
    it was done (after a no it is the next step); whether it was done after asking to do it
    is a check. A qualifier on one side names the same thing when the conversation named it
    before ("reset the display" after "my in-home display is blank")."""
    language = state.result.language
    own = asked_steps(f.norm, language)
    if not own or asked_for(f.norm, language) is not None:
        return None
    # The main step decides: a step after "and" on another thing is part of a new
    # instruction ("Please update the network driver and restart your laptop." after "...
    # unplug the router cable and restart your laptop."), not the old one asked again.
    own = tuple(step for step in own if not step.joined or step.thing == own[0].thing)
    steps = [_steps_at(state, index) for index in range(len(state.bot_features))]
    before = next((s[0] for s in reversed(steps) if s), None)
    own = tuple(step for step in (with_thing(s, before) for s in own) if step is not None)
    said = functools.cache(lambda: _said_forms(state, language))
    for index in range(len(steps) - 1, -1, -1):
        earlier = state.bot_features[index]
        if not steps[index] or _values_apart(f, earlier) or _days_apart(f, earlier):
            continue
        for step in own:
            for other in steps[index]:
                if not same_step(step, other, said):
                    continue
                if step.done and not other.done and not done_since(state, index, plainly=True):
                    continue  # asked to do it, then whether it was done: a check (unless they said so)
                if other.done and not step.done and not done_since(state, index):
                    continue
                if _held_apart(f.norm, step, earlier.norm, other):
                    continue  # "hold the button for 5 seconds" / "... for 30 seconds"
                return index, step
    return None


def _values_apart(a: TextFeatures, b: TextFeatures) -> bool:
    """`values_apart` for steps: how long to wait or hold is no value ("Haal de stekker er 10
    seconden uit." / "Herstart uw modem en wacht 2 minuten."; "hold for 5 s")."""
    if not values_apart(a, b):
        return False
    return values_apart(
        a._replace(critical=a.critical - _durations(a.norm)), b._replace(critical=b.critical - _durations(b.norm))
    )


def _held_apart(norm: str, step: Step, other_norm: str, other: Step) -> bool:
    """Each step says for how long right after its thing, and they differ: a duration of
    the step itself, not of another one in the text ("Haal de stekker er 10 seconden uit."
    beside "Herstart uw modem")."""
    held, other_held = _held_for(norm, step), _held_for(other_norm, other)
    return held is not None and other_held is not None and held != other_held


def _held_for(norm: str, step: Step) -> str | None:
    at = norm.find(step.words)
    if at < 0:
        return None
    match = _HELD.match(norm, at + len(step.words) + 1)
    return None if match is None else match.group(1)


_HELD = re.compile(r"(?:for |during |voor )?(\d+ \w+)")


def _durations(norm: str) -> frozenset[str]:
    return frozenset(match.group(1) for match in _DURATION.finditer(norm))


_DURATION = re.compile(r"\b(\d+) (?:s|sec|secs|seconds?|seconden|min|mins|minutes?|minuten|minuutjes?|hours?|uur)\b")


def _said_forms(state: _State, language: str) -> frozenset[str]:
    """The content forms of every word said before bot text ``f`` (what a qualifier of a
    step may name without naming another thing)."""
    texts = [*state.norms, *(b.norm for b in state.bot_features)]
    return frozenset(content_form(word, language) for text in texts for word in text.split())


def _days_apart(a: TextFeatures, b: TextFeatures) -> bool:
    """Each text names a month or day the other does not: "the invoice for March / for April"."""
    days = _day_names()
    words_a, words_b = set(a.norm.split()) & days, set(b.norm.split()) & days
    return bool(words_a - words_b and words_b - words_a)


@functools.lru_cache(maxsize=1)
def _day_names() -> frozenset[str]:
    return frozenset(name for names in raw_cues()["months"].values() for name in names)


def _steps_at(state: _State, index: int) -> tuple[Step, ...]:
    """The steps bot turn ``index`` asks about ("it" read as the thing of the step before)."""
    language = state.result.language
    norm = state.bot_features[index].norm
    steps = asked_steps(norm, language)
    if not steps or asked_for(norm, language) is not None:
        return ()
    if any(step.thing == IT for step in steps):
        earlier = (asked_step(state.bot_features[i].norm, language) for i in range(index - 1, -1, -1))
        before = next((s for s in earlier if s is not None), None)
        return tuple(step for step in (with_thing(s, before) for s in steps) if step is not None)
    return steps


def request_repeated(state: _State, f: TextFeatures, asked: Request) -> int | None:
    """The index of the earlier bot turn whose ask bot text ``f`` (asking for ``asked``) asks
    again, or None: the same item in other words, unless a number, the tense, the owner or a
    code against a number sets them apart. When a later ask named the same item with a
    qualifier ("Could you check your order number for the second order?") the re-ask is of
    that one, the last the conversation was about, not of the first match."""
    language = state.result.language
    words = f.norm.split()
    found: tuple[int, tuple[str, ...]] | None = None  # the earlier turn, its item
    for index, earlier in enumerate(state.bot_features):
        other = request_at(state, index)
        if other is None or values_apart(f, earlier):
            continue
        qualified = found is not None and _qualifies(asked, other)
        if not (qualified or same_item(asked, other) or qualified_by_context(state, asked, other, index)):
            continue
        if tenses_differ(f, earlier, language, about_done=True):
            continue  # "Which plan did you have before?" / "Which plan would you like?"
        earlier_words = earlier.norm.split()
        if owners_apart(words, earlier_words, language) or code_or_number(words, earlier_words, language):
            continue  # "your date of birth" / "... of the main driver", "the code / the number on your card"
        # The first match stays, unless a later ask names the item with a qualifier, or in
        # the same words where the first did not.
        if found is None or qualified or other.item == asked.item != found[1]:
            found = index, other.item
    return None if found is None else found[0]


def _qualifies(asked: Request, other: Request) -> bool:
    """``other`` asks for ``asked``'s item with a qualifier after it ("your order number for
    the second order" after "your order number")."""
    return (
        asked.step == other.step and len(other.item) > len(asked.item) and other.item[: len(asked.item)] == asked.item
    )


def qualified_by_context(state: _State, asked: Request, other: Request, index: int) -> bool:
    """``asked`` and ``other`` (the ask of bot turn ``index``) ask for one item, one of them
    with a qualifier that names what the bot talked about up to ``index`` anyway: "Wat is het
    kenteken van het voertuig?" / "Vul het kenteken in." after "Voor welk voertuig wil je een
    vergunning?", "Wil je je meterstand doorgeven? Wat is je meterstand voor stroom?" / "Vul je
    meterstand voor stroom in.". Not "your address" / "your address for the invoice" with no
    invoice said before."""
    if asked.step != other.step or asked.step == "confirm" or asked.item[0] == DAY:
        return False
    short, long = sorted((asked.item, other.item), key=len)
    if len(short) == len(long) or long[: len(short)] != short:
        return False
    # The earlier ask's own text counts when it asked without the qualifier (its other
    # sentence may say it), not when the qualifier is part of what it asked for.
    end = index + 1 if other.item == short else index
    before = " ".join(f.norm for f in state.bot_features[:end])
    return all(form in before for form in long[len(short) :])


def rejected_ask(state: _State, f: TextFeatures) -> tuple[int, Request] | None:
    """(index of the bot turn, what it asked for) when bot text ``f`` asks for nothing itself
    but says the value the customer gave is not accepted ("Hmm, that doesn't look right.
    Your booking code has 6 letters and numbers."; cues.yaml ``rejects_value``): the bot's
    last ask for a value, within two bot turns, asked again. The customer must have replied
    since that ask."""
    language = state.result.language
    if not state.positions or not any(word in f.norm for word in REJECT_WORDS):
        return None  # most bot texts: a few substring checks, no search
    if rejects_value(language).search(f.norm) is None:
        return None
    for index in range(len(state.bot_features) - 1, max(-1, len(state.bot_features) - 1 - _PRONOUN_REACH), -1):
        asked = request_at(state, index)
        if asked is not None:
            return (index, asked) if state.positions[-1] > state.bot_positions[index] else None
    return None


def request_at(state: _State, index: int) -> Request | None:
    """What bot turn ``index`` asks for, an ask by pronoun ("Please enter it below.", "Vul het
    hieronder in.") read as the item of the bot's last ask for a value before it."""
    return resolved(state, asked_for(state.bot_features[index].norm, state.result.language), index)


def resolved(state: _State, asked: Request | None, index: int) -> Request | None:
    """``asked``, the ask of bot turn ``index``, with an ask by pronoun read as the item of
    the bot's last ask for a value before it; None when there is none."""
    if asked is None or not asked.pronoun:
        return asked
    language = state.result.language
    for earlier in reversed(state.bot_features[max(0, index - _PRONOUN_REACH) : index]):
        before = asked_for(earlier.norm, language)
        if before is not None and not before.pronoun:
            return before._replace(step=asked.step)
    return None


_ASKING = re.compile(
    r"^(?:(?:and|but|so|ok|okay|en|maar|ok|oke|dus) )?(?:how|what|where|when|why|who|which|can|could|do|does|is|are"
    r"|hoe|wat|waar|wanneer|waarom|wie|welke?|kan|kun|mag|moet)\b"
)
_PRONOUN_REACH = 2  # bot turns back an "it" may point to
# A word each pattern of cues.yaml ``rejects_value`` has (test_loop_rejections checks them).
REJECT_WORDS = ("valid", "right", "correct", "match", "exist", "recogni", "geldig", "overeen", "klop", "bestaat")
