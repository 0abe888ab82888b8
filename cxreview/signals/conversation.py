"""Per-conversation analysis: frustration per customer turn, flags with evidence, risk.

Pure functions over message features: no database, no processes. `analyze` walks the
messages once; each role has its own step (`_customer_step`, `_bot_step`, ...) that reads
and updates a small `_State`, and `summary.summarise` turns the state into conversation
flags and risk. Every flag carries the rule that raised it and a short, human-readable
detail naming the messages involved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from cxreview.records import ConversationSignals, Flag, MessageSignals
from cxreview.signals.answer_runs import AnswerRuns, answer_again
from cxreview.signals.answers import said_before, says_again, says_nothing
from cxreview.signals.customer_repeats import (
    COUNT_ANSWER_WORDS,
    VALUE_AGAIN,
    about_earlier_contacts,
    flag_said_again,
    opening_form_step,
    person_asked_again,
    repeat_contact_answer,
)
from cxreview.signals.evidence import quoted, value_kind
from cxreview.signals.features import TextFeatures
from cxreview.signals.frustration import (
    MESSAGE_CUES,
    Context,
    correction_reading,
    explain,
    feature_values,
    judged_sentiment,
    no_reading,
    own_frustration,
    praise_turned,
    read_opening,
)
from cxreview.signals.irony import apologises, read_dry, read_irony
from cxreview.signals.lexicon import closing_offer, finds, open_question, read_back_details
from cxreview.signals.loop_runs import (
    asked_again,
    asks_a_value,
    done_since,
    form_step,
    had_to_repeat,
    other_numbers,
    rejected_ask,
    request_repeated,
    resolved,
    step_repeated,
)
from cxreview.signals.person_offer import accepts_person, reply_norm
from cxreview.signals.person_turn import asked_in_turn
from cxreview.signals.phases import seconds_between
from cxreview.signals.reason_evidence import add_evidence, spike_and_frustrated
from cxreview.signals.repeats import TENSE, asked_in_sentences, asks_what_was_done, candidates, contrast
from cxreview.signals.requested import asked_for
from cxreview.signals.summary import summarise
from cxreview.signals.wording import rephrasing_words

_MATCHED_CUES = frozenset(MESSAGE_CUES)  # cues whose matched words are kept as evidence


@dataclass(slots=True)
class _State:
    """What the walk over the messages has seen so far."""

    result: ConversationSignals
    config: dict[str, Any]
    # Customer turns so far, in order.
    frustration: list[float] = field(default_factory=list)
    sentiment: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    identifiers: dict[str, int] = field(default_factory=dict)  # order number -> first position
    repeats_with_bot: list[int] = field(default_factory=list)  # customer repeats before any person took over
    # Bot turns so far.
    bot_features: list[TextFeatures] = field(default_factory=list)
    bot_positions: list[int] = field(default_factory=list)
    bot_failures: list[int] = field(default_factory=list)
    # Per bot turn, the index (into bot_features) of the first ask of the question it repeats,
    # or its own index. A loop is one question asked again and again while the customer
    # brings nothing new, not two unrelated repeats, nor a template question asked again
    # after each new answer ("What do you like about this movie?" after each "Do you like
    # the movie X?", "Added to your cart. Anything else?"): the runs of a question's asks,
    # as (index that started the run, positions of the turns that asked it again), per
    # question its current run and its last ask.
    bot_asks: list[int] = field(default_factory=list)
    sentence_asks: bool = False  # some bot text so far has an asking sentence (TextFeatures.ask)
    ask_runs: list[tuple[int, list[int]]] = field(default_factory=list)
    current_runs: dict[int, int] = field(default_factory=dict)  # question -> index into ask_runs
    last_asked: dict[int, int] = field(default_factory=dict)  # question -> index of its last ask
    answers: AnswerRuns = field(default_factory=AnswerRuns)  # the same answer given again (`answer_runs`)
    # Per customer turn (as `positions`): it brought something new (a value not given
    # before, an answer), not the same value again, "I already said", a request for a person,
    # "I don't have it". None: new unless its words say it cannot give the value, read only
    # when a bot repeat asks (most conversations have none).
    news: list[bool | None] = field(default_factory=list)
    values_said: list[frozenset[str]] = field(default_factory=list)  # per customer turn, `answers.values`, when needed
    questions: list[bool] = field(default_factory=list)  # per customer turn: it asks a question
    bot_turns: int = 0
    # The previous bot or agent message: failed ("I don't understand"), repeated an earlier
    # one, asked a question. The customer's next message reacts to it.
    last_failure: int | None = None
    last_bot_repeat: bool = False
    last_question: bool = False
    last_confirm: bool = False  # it read details back to be confirmed
    # A bot or agent has written; the last one apologised ("Sorry, it's delayed again"): the
    # setting in which ironic praise reads as sarcasm (`signals.irony`).
    replied: bool = False
    # A bot or agent wrote after a customer message, or said more than "How can I help?":
    # there is an answer to reject or correct.
    answered: bool = False
    last_apology: bool = False
    said_no: bool = False  # the customer's last message said no or rejected the answer
    mood: float = 0.0  # the customer's last message with a tone: its own frustration (0 after a handover)
    last_customer_repeat_of: int | None = None  # the position the customer's last message repeated
    last_reply: tuple[int, str] | None = None  # (position, norm) of a bot or agent message since the customer's last
    earlier_reply: str = ""  # the norm of the bot or agent message before the customer's last
    # Requests for a person and the handover.
    first_request: tuple[int, str | None] | None = None
    person_asks: list[tuple[int, str]] = field(default_factory=list)  # (position, words) since a person last wrote
    pending_request: int | None = None
    ignored_turns: int = 0
    handover_cue: tuple[int, str | None] | None = None


def analyze(
    conversation_id: str,
    language: str,
    messages: list[tuple[int, str, str | None, TextFeatures]],
    config: dict[str, Any],
    outcome: str | None = None,
    csat: float | None = None,
    csat_scale: float | None = None,
) -> ConversationSignals:
    """``messages``: (position, role, at, features) in order.

    ``csat_scale`` is the top of the survey scale (5, 10, 100); None takes it from the
    config, or guesses it from the value itself.
    """
    state = _State(ConversationSignals(conversation_id, language, [], []), config)
    add = state.result.messages.append
    step = _STEPS.get
    for position, role, at, f in messages:
        ms = MessageSignals(position, f.sentiment, None, {}, [], {}, [])
        step(role, _system_step)(state, ms, at, f)
        if role == "bot" or role == "agent":
            state.last_reply = (position, f.norm or reply_norm(f.norm, f.cues))  # a norm is its own reply
        add(ms)
    summarise(state, outcome, csat, csat_scale)
    return state.result


def _customer_step(state: _State, ms: MessageSignals, at: str | None, f: TextFeatures) -> None:
    config, result, position, cues = state.config, state.result, ms.position, f.cues
    if cues and "ironic_praise" in cues:  # rare: "Great service. Really great."
        opens = not state.replied and not _was_frustrated(state)  # sour only by opening
        cues = read_irony(cues, f, _sour_setting(state), opens)
        f = f._replace(cues=cues)
    if cues and ("sarcasm" in cues or "impatience" in cues):  # "nou bedankt" after a fix thanks
        cues = read_dry(cues, f.norm, _sour_setting(state))
        f = f._replace(cues=cues)
    if cues and "confusion" in cues and not state.answered and not state.norms:
        cues = read_opening(cues, f.norm)  # "is anyone there?" greets: nothing to be lost in yet
        f = f._replace(cues=cues)
    repeat_of = _customer_repeat(state, f)
    # What the customer is shown to repeat: the same short answer to a new question ("I don't
    # have it" to the order number, then to the e-mail address) answers it. The loop rules
    # below still read `repeat_of` (they judge the bot's question themselves).
    anew = repeat_of is not None and _answers_anew(state, f, repeat_of)
    shown_repeat = None if anew else repeat_of
    meta = cues.get("repetition") if cues else None  # most messages have no cue
    meta = None if meta and opening_form_step(state, f, meta) else meta  # "I already entered my code"
    # In the customer's first message a repeat is of earlier contacts ("I sent the photos on
    # Monday already"): nothing was said to this bot yet, so it is no turn of a loop.
    if (repeat_of is not None or meta) and state.bot_turns and not result.handover and state.norms:
        if (meta and not about_earlier_contacts(f.norm)) or had_to_repeat(state, f, repeat_of):
            state.repeats_with_bot.append(position)
    # A bare value sent again ("AC20419877", "3521 AB", an e-mail address) because the bot asked
    # again, or typed again in an enter/confirm step, is shown as no repeat of the customer's: a
    # supervisor reads "customer repeats" as the customer having to say it again in words; the
    # bot's repeat and loop carry the rest (it still counts for the loop rules above).
    if meta or (shown_repeat is not None and not _plain_resend(f)):
        result.n_customer_repeats += 1
        if shown_repeat is not None:
            rule = "near-duplicate" if "similarity" in shown_repeat[1] else "repeated identifier"
            flag = Flag(
                "customer_repeat",
                rule,
                f"repeats message {shown_repeat[0]} ({shown_repeat[1]})",
                [shown_repeat[0], position],
            )
        else:
            flag = Flag("customer_repeat", "says so", f'says they already said it: "{quoted(meta or "")}"', [position])
        ms.flags.append(flag)
    elif repeat_of is None and state.last_reply is not None and f.words <= COUNT_ANSWER_WORDS:
        repeat_contact_answer(state, ms, f)
    said_again = flag_said_again(state, ms, f) if not ms.flags else None
    cfg = config["frustration"]
    curt = False
    if state.words and f.sentiment <= 0:
        ordered = sorted(state.words)
        usual = ordered[len(ordered) // 2]
        curt = usual >= cfg["curt_min_usual_words"] and f.words <= usual * cfg["curt_ratio"]
    asks_person = says_no = False
    if cues or f.public:
        reply = state.last_reply[1] if state.last_reply is not None else None
        with_bot = state.bot_turns > 0 and not result.handover
        opening, asked_before = not state.positions, state.first_request is not None
        asked = asked_in_turn(
            cues, f.norm, result.language, reply, state.replied, with_bot, opening, asked_before, f.public
        )
        asks_person = asked is not None
        if asked is not None and cues.get("human_request") != asked:  # "someone" asked to act, with a bot
            cues = {**cues, "human_request": asked}
            f = f._replace(cues=cues)
        says_no = "negative_answer" in cues or "rejection" in cues
    again = asks_person and state.first_request is not None
    if asks_person:
        _human_request(state, ms, at, f)
    elif state.last_reply is not None and accepts_person(
        state.result.language, state.last_reply[1], f.norm, state.earlier_reply
    ):
        _human_request(state, ms, at, f, offer=state.last_reply[0])  # "yes please" to a person offered
    # A bare "no" answers; to a closing offer ("Thanks. Anything else?") it closes calmly, and
    # that offer said again after each finished task is no repeat the customer reacts to.
    bare_no = f.norm in _BARE_NO and not f.caps and not f.exclamation
    closing = (bare_no or state.last_bot_repeat) and _after(state, closing_offer)
    context = Context(
        state.last_failure is not None,  # after_failure
        state.last_bot_repeat and not closing,  # after_bot_repeat
        state.last_question,  # after_question
        # repeats_self: a yes or no said again to each new question still weighs (raters of the
        # movie chats mark such turns down), "I don't have it" to each new question does not.
        shown_repeat is not None or (anew and not says_nothing(f.norm, state.result.language)),
        state.said_no and says_no,  # no_again
        curt,
        asks_person,  # human_request
        again,  # human_request_repeat
        # A "no" to a read-back counts only as a correction that gives other details ("No,
        # the 12th"): "No, not yet", "No, that's all" and refusals are no mistake of the bot.
        state.last_confirm and (says_no or "correction" in cues) and _has_details(state, f),  # no_to_confirmation
        state.mood,  # frustrated_before
        state.last_question and _after(state, open_question),  # open_question
    )
    toneless = (repeat_of is not None or said_again == VALUE_AGAIN) and _plain_resend(f)
    if toneless:
        # The same value sent again ("AC20419877", an e-mail address) because the bot asked
        # again is compliance, not a mood: the loop is the bot's flag, the message has no tone.
        context = _NO_CONTEXT
    mood = judged_sentiment(f)  # sarcastic praise is not positive
    if bare_no and closing:
        context, mood = _NO_CONTEXT, 0.0
    ms.features = feature_values(f, context, mood, state.answered)
    said_no = no_reading(f) if says_no else None
    correction_as = correction_reading(cues.get("correction"), state.answered) if cues else None
    frustration, shown, ms.reasons = explain(
        ms.features, 3, praise_turned(f), context.open_question, not state.answered, said_no, correction_as
    )
    if bare_no and state.last_question:
        mood = 0.0  # an answer, not a mood: a calm "no" at the end makes no trend "worse"
    ms.frustration = round(frustration, 4)
    if not toneless:  # a value sent again leaves the mood as it was
        own = own_frustration(frustration, ms.features)
        state.mood = own if own >= cfg["carry_from"] else 0.0
    ms.cues = shown
    if cues:
        for cue, words in cues.items():  # in the order of the cues, as _MATCHED_CUES has them
            if cue in _MATCHED_CUES:
                shown[f"{cue}_match"] = quoted(words)  # the customer's words, not the values in them
    if shown:  # the evidence of the other reasons, only for the messages that have them
        add_evidence(state, shown, f, shown_repeat or repeat_of, again, asks_person)
    # The message's tone as frustration judges it: a frustrated message is not "fine"
    # because its words are polite.
    if frustration >= cfg["frustrated_at"]:
        mood = min(mood, -frustration)
    ms.sentiment = round(mood, 4)
    spike_and_frustrated(state, ms, frustration, mood)
    state.frustration.append(frustration)
    state.sentiment.append(mood)
    state.words.append(f.words)
    # A text sent again word for word ("Jansen") is the same value again when the bot asked
    # again; after a new question it answers that ("Yes I do" to each "Do you like X?").
    again_word_for_word = state.last_bot_repeat and (
        said_before(f.norm, state.norms) or (says_again(f.norm, state.norms) and asks_a_value(state))
    )
    # A near-duplicate with the same numbers gives the same value again. Values said before
    # and "I don't have it" are read only when a bot repeat asks (`_nothing_new_since`).
    same_numbers = repeat_of is not None and not other_numbers(state, f, repeat_of)
    nothing_new = meta or asks_person or again_word_for_word or same_numbers
    state.news.append(False if nothing_new else None)
    state.norms.append(f.norm)
    state.questions.append(f.question)
    state.positions.append(position)
    if f.identifiers:
        for ident in f.identifiers:
            state.identifiers.setdefault(ident, position)
    state.last_failure = None
    state.last_bot_repeat = state.last_question = state.last_confirm = False
    state.said_no = says_no
    state.last_customer_repeat_of = None if repeat_of is None else repeat_of[0]
    state.earlier_reply = "" if state.last_reply is None else state.last_reply[1]
    state.last_reply = None


_NO_CONTEXT = Context(*(False for _ in Context._fields))
# The failure cue's words that say the bot did not understand (not that it could not do something).
_NOT_UNDERSTOOD = re.compile(
    r"understand|catch|rephras|say it|another way|begr|snap|anders|verstaan|formuleren|verwoorden"
)
_BARE_NO = frozenset({"no", "nope", "nah", "no no", "nee", "neen", "nee nee", "no sorry", "nee sorry"})


def _after(state: _State, pattern: Callable[[str], re.Pattern[str]]) -> bool:
    """The bot's or agent's message just before ends in a closing offer ("Anything else?",
    "Kan ik je nog ergens mee helpen?"; cues.yaml ``closing_offer``) or asks openly ("What can
    I do for you?"; ``open_question``): ``pattern`` is one of those, for the language."""
    reply = state.last_reply
    return reply is not None and finds(pattern, state.result.language, reply[1])


_EMAIL_END = re.compile(r"^\w+(?: \w+){0,2} (?:com|nl|be|net|org|de|eu|io|uk|info)$")


def _plain_resend(f: TextFeatures) -> bool:
    """A value and nothing else: every word has a digit ("AC20419877", "07700 900431",
    "1234 AB" has its letters with it) or it is an e-mail address; no cue, no shouting.
    (A repeated answer in words, "The Matrix" again after the bot asked again, keeps its
    context: raters mark those turns down.)"""
    if f.cues or f.caps or f.exclamation or f.words > 4:
        return False
    words = f.norm.split()
    if _EMAIL_END.search(f.norm) is not None:
        return True
    with_digit = sum(1 for word in words if any(c.isdigit() for c in word))
    return bool(words) and with_digit >= len(words) - (1 if with_digit else 0) and with_digit > 0


def _answers_anew(state: _State, f: TextFeatures, repeat_of: tuple[int, str]) -> bool:
    """A near-duplicate that answers a new question: the bot or agent asked a question that
    repeated none of its own and reported no failure, and the reply is a short answer ("I
    don't have it", "weet ik niet", "yes that is correct", "yes please"), which says the same
    to each new question. A request said again ("I want to cancel my subscription") is no
    such answer: the customer had to repeat it."""
    if "similarity" not in repeat_of[1] or not state.last_question or state.last_bot_repeat:
        return False
    if state.last_failure is not None or f.words > _SHORT_ANSWER_WORDS:
        return False
    first = f.norm.split(" ", 1)[0]
    return first in _YES_NO or says_nothing(f.norm, state.result.language)


_SHORT_ANSWER_WORDS = 6
_YES_NO = frozenset(w for w in rephrasing_words("short_answers") if " " not in w)


def _has_details(state: _State, f: TextFeatures) -> bool:
    """The customer's message names concrete details (a number, a date, a weekday, an
    amount): the system cue `read_back_details`, read from the customer's words."""
    language = state.result.language
    return read_back_details(language if language == "nl" else "en").search(f.norm) is not None


def _customer_repeat(state: _State, f: TextFeatures) -> tuple[int, str] | None:
    """(earlier position, why) when the customer says again what they said before."""
    repeat_cfg = state.config["repeat"]
    if len(f.norm) >= repeat_cfg["min_chars"] and state.norms:
        match = process.extractOne(
            f.norm, state.norms, scorer=fuzz.ratio, score_cutoff=repeat_cfg["customer_similarity"]
        )
        if match is not None:
            return state.positions[match[2]], f"similarity {match[1]:.0f}"
    for ident in f.identifiers:
        if ident in state.identifiers:
            return state.identifiers[ident], f"gives the same {value_kind(f.norm, ident)} again"
    return None


def _human_request(
    state: _State, ms: MessageSignals, at: str | None, f: TextFeatures, offer: int | None = None
) -> None:
    state.result.n_human_requests += 1
    if offer is None:
        words = quoted(f.cues["human_request"])
        ms.flags.append(Flag("human_request", "phrase", f'asks for a person: "{words}"', [ms.position]))
    else:
        words = f.norm if f.norm.isdigit() else quoted(f.norm)  # a menu option's number is no value
        detail = f'takes the person message {offer} offered: "{words}"'
        ms.flags.append(Flag("human_request", "accepts offer", detail, [offer, ms.position]))
    person_asked_again(state, ms, words, None if offer is not None else f.norm)
    if state.first_request is None:
        state.first_request = (ms.position, at)
    if not state.result.handover and state.pending_request is None:
        state.pending_request = ms.position
        state.ignored_turns = 0


def _asks_what(state: _State, f: TextFeatures) -> bool:
    """A bot's or agent's opening that only asks what the customer wants ("Hi! How can I
    help?", "Waarmee kan ik je helpen?"): no answer a customer could reject or correct."""
    return f.question and finds(open_question, state.result.language, f.norm)


def _sour_setting(state: _State) -> bool:
    """The customer opens, or the bot or agent just failed, repeated itself, gave bad news or
    apologised, or the customer's previous message was frustrated."""
    return (
        not state.replied
        or state.last_failure is not None
        or state.last_bot_repeat
        or state.last_apology
        or _was_frustrated(state)
    )


def _was_frustrated(state: _State) -> bool:
    """The customer's previous message was frustrated."""
    return bool(state.frustration and state.frustration[-1] >= state.config["frustration"]["frustrated_at"])


def _bot_step(state: _State, ms: MessageSignals, at: str | None, f: TextFeatures) -> None:
    result, position, cues = state.result, ms.position, f.cues
    state.bot_turns += 1
    state.replied = True
    state.answered = state.answered or bool(state.positions) or not _asks_what(state, f)
    state.last_apology = apologises(f.norm)
    state.last_bot_repeat = False
    state.last_question = f.question
    state.last_confirm = "confirm" in cues and "read_back_details" in cues
    ask = len(state.bot_features)
    index, whole = _repeated(state, f)
    if index is not None:
        earlier = state.bot_features[index]
        result.n_bot_repeats += 1
        if whole:
            score = fuzz.ratio(f.norm, earlier.norm)
            if score >= state.config["repeat"]["bot_similarity"]:
                rule, detail = (
                    "near-duplicate",
                    f"nearly repeats message {state.bot_positions[index]} (similarity {score:.0f})",
                )
            else:  # alike by their content words and synonyms, not by their letters
                rule, detail = (
                    "in other words",
                    f"asks the same question as message {state.bot_positions[index]}, in other words",
                )
        else:
            asked = f.ask or earlier.ask
            rule, detail = "same question", f'asks again what message {state.bot_positions[index]} asked ("{asked}")'
        ms.flags.append(Flag("bot_repeat", rule, detail, [state.bot_positions[index], position]))
        state.last_bot_repeat = True
        ask = state.bot_asks[index]  # a repeat of a repeat asks the first question again
        asked_again(state, ask, position, f.norm)
    elif state.bot_features and len(f.norm) >= state.config["repeat"]["min_chars"]:
        ask = _same_request(state, ms, f, ask)
        if not state.last_bot_repeat:
            ask = _same_step(state, ms, f, ask)
    state.sentence_asks = state.sentence_asks or bool(f.ask)
    answer_again(state, f)
    # Bad news ("there are no hotels in the east") is a failed answer for the customer too, but
    # the bot understood: it reads the next message as after a failure, never as a loop, also
    # when it says so with failure words ("I was unable to book that", "I could not find any
    # hotels matching those requirements"). Not understanding stays a failure with a polite
    # "unfortunately" ("Dat begreep ik helaas niet.", "Unfortunately I didn't understand that.").
    if "failure" in cues and ("bad_news" not in cues or _NOT_UNDERSTOOD.search(cues["failure"]) is not None):
        state.bot_failures.append(position)
    state.last_failure = position if "failure" in cues or "bad_news" in cues else None
    if "disclosure" in cues and state.bot_turns <= state.config["transparency"]["disclosure_within_bot_turns"]:
        result.bot_disclosed = True
    if "uncertainty" in cues:
        result.uncertainty_admitted = True
    handing = "handover_done" in cues
    offering = "handover_offer" in cues
    if offering or handing:
        result.handover_offered = True
    if handing and state.handover_cue is None:
        state.handover_cue = (position, at)
    if state.pending_request is not None:
        if handing or offering or "gives_contact" in cues:  # a number or opening hours answer it
            state.pending_request = None
        else:
            state.ignored_turns += 1
            turns = state.ignored_turns
            result.max_ignored_bot_turns = max(result.max_ignored_bot_turns, turns)
            ms.flags.append(
                Flag(
                    "ignored_human_request",
                    "bot continues",
                    f"the bot goes on after the request for a person in message {state.pending_request}"
                    f" ({turns} bot turn{'s' * (turns > 1)} so far)",
                    [state.pending_request, position],
                )
            )
    state.bot_features.append(f)
    state.bot_positions.append(position)
    state.bot_asks.append(ask)


def _same_request(state: _State, ms: MessageSignals, f: TextFeatures, ask: int) -> int:
    """A bot text that asks again for the item an earlier one asked for, in other words and
    other sentences ("Please enter your account number." / "Sorry, I didn't get that. What
    is your account number?"): a repeat of that question. Returns the question it asks."""
    asked = resolved(state, asked_for(f.norm, state.result.language), len(state.bot_features))
    index = None if asked is None else request_repeated(state, f, asked)
    if asked is None and (rejected := rejected_ask(state, f)) is not None:
        index, asked = rejected  # "Hmm, that doesn't look right." after "Please share your booking code."
    if asked is None or index is None:
        return ask
    detail = f'asks again for what message {state.bot_positions[index]} asked for ("{asked.words}")'
    return _flag_repeat(state, ms, index, "same request", detail, f.norm)


def _same_step(state: _State, ms: MessageSignals, f: TextFeatures, ask: int) -> int:
    """A bot text that asks about a step an earlier one asked about, in other words ("Have
    you restarted your router?" / "Please switch the router off and on."): a repeat of that
    question (`loop_runs.step_repeated`). Returns the question it asks."""
    found = step_repeated(state, f)
    if found is None:
        return ask
    index, step = found
    detail = f'asks again about the step message {state.bot_positions[index]} asked about ("{step.words}")'
    return _flag_repeat(state, ms, index, "same step", detail, f.norm)


def _flag_repeat(state: _State, ms: MessageSignals, index: int, rule: str, detail: str, norm: str) -> int:
    """Flags a bot repeat of bot turn ``index`` and goes on with its question's run; returns
    the question it asks (the first ask of the question ``index`` asked)."""
    state.result.n_bot_repeats += 1
    ms.flags.append(Flag("bot_repeat", rule, detail, [state.bot_positions[index], ms.position]))
    state.last_bot_repeat = True
    ask = state.bot_asks[index]
    asked_again(state, ask, ms.position, norm)
    return ask


def _repeated(state: _State, f: TextFeatures) -> tuple[int | None, bool]:
    """The earlier bot message (index into bot_features) that a bot text nearly repeats, or
    None, and whether the whole texts are alike (else their asking sentences are: "Sorry, I
    didn't get that. What is your postcode?" / "What is your postcode?")."""
    repeat_cfg, language = state.config["repeat"], state.result.language
    if len(f.norm) < repeat_cfg["min_chars"] or not state.bot_features:
        return None, True
    for index in candidates(f, state.bot_features, repeat_cfg):
        earlier = state.bot_features[index]
        why = contrast(f, earlier, language)
        if why == TENSE and done_since(state, index) and asks_what_was_done(f, earlier, language):
            why = None  # "Have you restarted the router?" / "yes, twice" / "Can you restart it?"
        if why is None and not form_step(state, f, earlier):
            return index, True
    if f.ask or state.sentence_asks:
        for index in asked_in_sentences(f, state.bot_features, repeat_cfg, language):
            if not form_step(state, f, state.bot_features[index]):
                return index, False
    return None, True


def _agent_step(state: _State, ms: MessageSignals, at: str | None, f: TextFeatures) -> None:
    result, position = state.result, ms.position
    if not result.handover and state.bot_turns:
        result.handover = True
        result.handover_position = position
        state.mood = 0.0  # the agent is judged on what the customer says to them, not to the bot
        start = state.first_request or state.handover_cue
        if start is not None:
            result.handover_latency_turns = position - start[0]
            result.handover_latency_seconds = seconds_between(start[1], at)
    state.pending_request = None
    state.person_asks.clear()  # a person wrote: a later ask has a new reason
    state.last_failure = position if "failure" in f.cues or "bad_news" in f.cues else None
    state.replied = True
    state.answered = state.answered or bool(state.positions) or not _asks_what(state, f)
    state.last_apology = apologises(f.norm)
    state.last_bot_repeat = False
    state.last_question = f.question
    state.last_confirm = "confirm" in f.cues and "read_back_details" in f.cues


def _system_step(state: _State, ms: MessageSignals, at: str | None, f: TextFeatures) -> None:
    if "handover_done" in f.cues:
        if state.handover_cue is None:
            state.handover_cue = (ms.position, at)
        state.pending_request = None


_STEPS: dict[str, Callable[[_State, MessageSignals, str | None, TextFeatures], None]] = {
    "customer": _customer_step,
    "bot": _bot_step,
    "agent": _agent_step,
}
