"""The same answer given again and again: a bot that meets each reply of the customer with
the answer it gave before, in the same or other words ("You can check the status of your
claim in the app." / "Claim updates are shown in the app.", "For refund questions, please
visit example.com/refunds." after "You can find everything about refunds on our Refunds
page: example.com/refunds", a form that says "that postcode isn't valid" to each try).

The loop rule reads the runs this module keeps: the answer given a third time while the
customer brought nothing the bot took up is a loop. Near misses stay apart: an answer with
other numbers (another order, amount or date), a negation on one side only ("has been" /
"has not been processed"), the same template filled with what the customer just said ("Got
it: Chino trousers. What's the reason ...?" after "yes the chinos"), a new value given since
the last time ("1", "2": the next choice from a menu), and a closing offer ("Anything else?")
or check ("Did this help?"), which says nothing about the answer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxreview.signals.answers import given_before, values
from cxreview.signals.ascii_text import has_digit
from cxreview.signals.lexicon import asks_if_fixed, closing_offer, lexicon_language, rejects_value
from cxreview.signals.wording import (
    STEM_LETTERS,
    Forms,
    first_word,
    has_form,
    rephrasing_words,
    semantic_key,
    word_forms,
)

if TYPE_CHECKING:
    from cxreview.signals.conversation import _State
    from cxreview.signals.features import TextFeatures

MIN_SHARED = 3  # content words an answer and its repeat share, at least
MIN_WORDS = 4  # content words of an answer: "You're welcome, have a great day!" is none
SHARE = 0.6  # of the content words of the shorter of the two


@dataclass(slots=True)
class AnswerRuns:
    """Per bot turn the first letters of its content words (a cheap bound on what it shares
    with another text), its answer's content words and their forms when needed (empty: no
    answer to compare), the answer it gives again (index of the turn that first gave it)
    and, per answer, its current run: the indexes of the turns that gave it again with
    nothing new from the customer between."""

    stems: list[frozenset[str]] = field(default_factory=list)
    keys: list[tuple[tuple[str, ...], Forms | None, frozenset[str]] | None] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    runs: dict[int, list[int]] = field(default_factory=dict)
    last: dict[int, int] = field(default_factory=dict)  # answer -> index of the turn that gave it last
    longest: list[int] = field(default_factory=list)  # the longest run so far


_STEMS: dict[tuple[str, ...], frozenset[str]] = {}  # a text's content words -> their first letters
_STEMS_LIMIT = 100_000


def answer_again(state: _State, f: TextFeatures) -> None:
    """Reads bot text ``f`` (not yet in ``state.bot_features``) as a give of an earlier answer
    or a new one, and goes on with that answer's run. Most bot texts share too few content
    words with every earlier one to give its answer again: only those that might are read."""
    answers = state.answers
    index = len(state.bot_features)
    stems = _STEMS.get(f.semantic)
    if stems is None:  # bot texts are templates: their stems come back conversation after conversation
        if len(_STEMS) >= _STEMS_LIMIT:
            _STEMS.clear()
        stems = _STEMS[f.semantic] = frozenset([word[:STEM_LETTERS] for word in f.semantic])
    answers.stems.append(stems)
    answers.keys.append(None)
    answers.first.append(index)
    answers.last[index] = index
    if len(stems) < MIN_SHARED:
        return
    replied = state.positions[-1] if state.positions else -1
    near = [
        i
        for i in range(index - 1, -1, -1)
        if state.bot_positions[i] < replied and len(stems & answers.stems[i]) >= MIN_SHARED
    ]
    if not near:
        return
    language = lexicon_language(state.result.language)
    key, _, _ = _key_at(state, index, f, language)
    found = _given_before(state, f, index, near, language) if key else None
    if found is None:
        return
    answers.first[index] = found
    del answers.last[index]
    last = answers.last[found]
    run = answers.runs.setdefault(found, [last])
    if _news(state, f, key, last, language):
        run = answers.runs[found] = [index]  # a new round: the answer given anew
    else:
        run.append(index)
    answers.last[found] = index
    if len(run) > len(answers.longest):
        answers.longest = list(run)


def _key_at(
    state: _State, index: int, f: TextFeatures, language: str
) -> tuple[tuple[str, ...], Forms | None, frozenset[str]]:
    """(content words, their forms, numbers) of bot turn ``index`` (text ``f``), worked out
    once, when first needed. A question is no answer: asks again are the ask rules' ("Why
    did you like this movie?" / "Why did you not like this movie?" ask two things); a closing
    offer or "Did this help?" ends many an answer with its question mark."""
    found = state.answers.keys[index]
    if found is None:
        key = answer_key(f.norm, language, f.question, f.semantic)
        forms, numbers = (word_forms(key), _numbers(f)) if key else (None, frozenset())
        found = state.answers.keys[index] = (key, forms, numbers)
    return found


def _given_before(state: _State, f: TextFeatures, index: int, near: list[int], language: str) -> int | None:
    """The answer (index of the turn that first gave it) bot text ``f`` (turn ``index``) gives
    again, or None; ``near``: the earlier turns, latest first, that share enough first letters
    of content words with it and the customer wrote after (bubbles of one turn repeat
    nothing)."""
    key, _, numbers = _key_at(state, index, f, language)
    for other in near:
        earlier = state.bot_features[other]
        other_key, forms, other_numbers = _key_at(state, other, earlier, language)
        if forms is None or other_numbers != numbers:
            continue  # the cheap test first: answers of a booking bot mostly differ in their numbers
        needed = max(MIN_SHARED, SHARE * min(len(key), len(other_key)))
        shared = sum([has_form(word, forms) for word in key])
        if (shared < needed and not _same_opening(f.norm, earlier.norm, key, other_key, language)) or apart(f, earlier):
            continue
        return state.answers.first[other]
    return None


def _same_opening(norm_a: str, norm_b: str, key_a: tuple[str, ...], key_b: tuple[str, ...], language: str) -> bool:
    """Two answers that open with the same words, holding at least `OPENING_WORDS` content words
    and a third of the shorter answer's, where one goes on only with a pointer to read more: the
    answer given again with another tail ("E-tickets zijn geldig op de gekozen reisdag. Je kunt
    ... reizen." / "E-tickets zijn geldig op de gekozen reisdag. Bekijk voor meer informatie onze
    voorwaarden."; round 19, blind17). Two answers of one template that go on with news ("Thanks
    for waiting, I have checked your account. Your refund ..." / "... Your new card ...") stay
    apart."""
    words_a, words_b = norm_a.split(), norm_b.split()
    same = 0
    for word_a, word_b in zip(words_a, words_b, strict=False):
        if word_a != word_b:
            break
        same += 1
    if same < OPENING_WORDS:
        return False
    tails = (" ".join(words_a[same:]), " ".join(words_b[same:]))
    if not any(not tail or _POINTER.fullmatch(tail) for tail in tails):
        return False
    opening = semantic_key(" ".join(words_a[:same]), language)
    return len(opening) >= OPENING_WORDS and 3 * len(opening) >= min(len(key_a), len(key_b))


# A tail that only points to more to read: "Bekijk voor meer informatie onze voorwaarden.", "Read
# more on our help page.", "See our FAQ for details."
_POINTER = re.compile(
    r"(?:(?:please )?(?:see|read|check|visit|have a look at|bekijk|lees|kijk (?:op|in|bij)|zie)\b.{0,60}"
    r"\b(?:more|details|information|info|terms|conditions|faq|help page|help centre|help center|website|page|"
    r"meer|informatie|info|voorwaarden|veelgestelde vragen|website|pagina|site)\b.{0,40}"
    r"|(?:for|voor) (?:more|meer) (?:information|info|details|informatie)\b.{0,60})"
)


OPENING_WORDS = 4


def apart(a: TextFeatures, b: TextFeatures) -> bool:
    """Each text names something the other does not, or one says "not" where the other does
    not (unless in its own "I'm not sure I understood"). (Other numbers, `_given_before` reads
    first: another time, date, amount or count, "at 5:45 pm on March 11th" / "on March 5th at
    5:45 pm", or a number on one side only, the details of a booking after the restaurant's
    name.)"""
    names_a, names_b = _names(a), _names(b)
    if names_a - names_b and names_b - names_a:
        return True  # another film, product or place: "a film called "Annihilation"" / ""Winchester""
    # Only when the negation is all that differs: "Lukt het niet? Probeer het later nog eens."
    # added to an answer gives it again.
    negated, plain = (a, b) if _negated(a) else (b, a)
    if _negated(plain) == _negated(negated):
        return False
    return set(negated.semantic) - _NEGATIONS <= set(plain.semantic)


def _numbers(f: TextFeatures) -> frozenset[str]:
    if f.norm.isascii() and not has_digit(f.norm):
        return frozenset()  # most texts: one C pass
    return frozenset(w for w in f.critical if any(c.isdigit() for c in w))


def _names(f: TextFeatures) -> frozenset[str]:
    return frozenset(w for w in f.critical if w[:1].isupper())


def _negated(f: TextFeatures) -> bool:
    if "failure" in f.cues or "uncertainty" in f.cues:
        return False
    return any(w in _NEGATIONS or w.endswith("n't") for w in f.critical)


_NEGATIONS = frozenset({"not", "no", "never", "cannot", "niet", "geen", "nooit"})


def _news(state: _State, f: TextFeatures, key: tuple[str, ...], last: int, language: str) -> bool:
    """Whether the customer brought something new since bot turn ``last`` gave the answer: a
    short reply with a value not given before (the next choice from a menu, "2 also too big";
    not when this text rejects the value or finds nothing for it: a form that rejects each try
    loops), or words new in the conversation that the bot took up since (the next item of a
    template: "Got it: Canvas belt." after "and the belt"): in a loop the bot takes up nothing."""
    start = _first_reply(state, last)
    said = state.norms[start:]
    if not said:
        return False
    if not _rejects(f, language):
        before = set().union(*(values(norm) for norm in state.norms[:start]))
        for norm in said:
            given = values(norm)
            if given and len(norm.split()) <= _SHORT_REPLY and not given_before(given, before):
                return True
            before |= given
    # Words the customer said since the last give that nobody said before it, taken up by
    # this text or a bot text between ("Got it: Chino trousers." after "yes the chinos").
    said_before = [w for norm in state.norms[:start] for w in semantic_key(norm, language)]
    said_before += [w for other in state.bot_features[: last + 1] for w in other.semantic]
    known = word_forms(said_before)
    new = word_forms(
        [w for norm in said for w in semantic_key(norm, language) if _a_thing(w) and not has_form(w, known)]
    )
    if not new[0]:
        return False
    between = (other.semantic for other in state.bot_features[last + 1 :])
    return any(has_form(w, new) and not has_form(w, known) for words in (key, *between) for w in words)


@functools.lru_cache(maxsize=1)
def _asking_starts() -> frozenset[str]:
    """First words (after an acknowledgement) of a text that asks: a question or auxiliary
    word, a polite modal, or an interviewer's "name a movie you like", "tell me why"."""
    lists = ("open_starts", "yes_no_starts", "modal_starts", "nl_modal_starts")
    return frozenset().union(*(rephrasing_words(name) for name in lists)) | _INTERVIEW


_INTERVIEW = frozenset({"name", "tell", "give", "describe", "explain", "noem", "vertel", "geef", "beschrijf"})
_SHORT_REPLY = 4  # words: a choice or a value typed, not a story with an amount in it


def _a_thing(word: str) -> bool:
    """A word that can name a new item ("belt", "chinos"): no number (the value rule reads
    those), no negation or function word ("not", "else", "over")."""
    return len(word) >= 4 and word.isalpha() and word not in _NEGATIONS and word not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(
    "over else with from also then than more other others another same here there about what which "
    "ander andere anders voor ook meer nog hier daar zelfde welke".split()
)


def _first_reply(state: _State, last: int) -> int:
    position = state.bot_positions[last]
    for index, at in enumerate(state.positions):
        if at > position:
            return index
    return len(state.positions)


def _rejects(f: TextFeatures, language: str) -> bool:
    cues = f.cues
    return "failure" in cues or "bad_news" in cues or rejects_value(language).search(f.norm) is not None


def answer_key(
    norm: str, language: str, question: bool = False, semantic: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    """The content words of a bot text without its closing offer or its check whether it
    helped; empty for a question of its own. ``question``: the text ends with a question mark
    (only then is a closing offer looked for: "Anything else?", "Did this help?"; "(yes/no)"
    after it leaves its words in the key, which both gives of an answer have). ``semantic``:
    the text's `semantic_key` when known."""
    if first_word(norm) in _asking_starts():
        return ()  # also an unpunctuated one: "why do u like that type of movie", "please name a movie"
    bare = _bare(norm, language) if question else None
    if question and bare is None:
        return ()
    if bare is not None or semantic is None:
        semantic = semantic_key(bare or norm, language)
    return semantic if len(semantic) >= MIN_WORDS else ()


@functools.lru_cache(maxsize=8192)
def _bare(norm: str, language: str) -> str | None:
    """``norm`` without its closing offer and check whether it helped, None when it has
    neither (bot texts are templates: each is read once per process). Both end the text: only
    its last words are searched."""
    cut = norm.rfind(" ", 0, max(0, len(norm) - _TAIL)) + 1
    head, tail = norm[:cut], norm[cut:]
    bare = asks_if_fixed(language).sub(" ", closing_offer(language).sub(" ", tail))
    return None if len(bare) == len(tail) else " ".join((head + bare).split())


_TAIL = 70  # characters: "is there anything else i can help you with today" and some words before
