"""Load the cue lists and word lists; match a text against the cues (through `cue_index`)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from cxreview.signals.cue_index import CueIndex, compile_patterns
from cxreview.signals.cue_search import affixes

LEXICON_DIR = Path(__file__).with_name("lexicons")
LANGUAGES = ("en", "nl")


@functools.lru_cache(maxsize=1)
def raw_cues() -> dict[str, Any]:
    # The shipped file, read by every analysis process: libyaml's safe loader when PyYAML
    # has it (ten times faster, the same data), else the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load((LEXICON_DIR / "cues.yaml").read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return data


CUSTOMER_CUES = (
    "human_request",
    "escalation",
    "profanity",
    "rejection",
    "not_listening",
    "repetition",
    "insistence",
    "sarcasm",
    "impatience",
    "giving_up",
    "grievance",
    "declines_human",
    "negative_answer",
    "confusion",
    "waiting",
    "broken_promise",
    "rhetorical",
    "relief",
    "emoji",
    "correction",
    "problem",
    "complaint_words",
    "duration",
    "exasperation",
    "demand",
    "contempt",
    "incredulous",
    "protest",
    "paid_for",
    "why_question",
    "no_rush",
    "resolved",
    "ironic_praise",
    "gratitude",
)
SYSTEM_CUES = (
    "failure",
    "bad_news",
    "disclosure",
    "handover_offer",
    "handover_done",
    "gives_contact",
    "uncertainty",
    "confirm",
    "read_back_details",
    "person_offered",
)
CUE_NAMES = CUSTOMER_CUES + SYSTEM_CUES


def lexicon_language(language: str) -> str:
    """The lexicon a conversation language's cues are in: "nl" for Dutch ("nl", "nl-BE", "NL"),
    "en" for everything else."""
    return "nl" if language.lower().startswith("nl") else "en"


def languages_read(language: str) -> tuple[str, ...]:
    """The lexicon languages a conversation's text is read in: Dutch conversations also
    match English cues (customers switch to English phrases like "wtf" or "agent please")."""
    return ("en",) if language != "nl" else ("nl", "en")


@functools.lru_cache(maxsize=4)
def cue_sources(language: str) -> dict[str, list[str]]:
    """Each cue's patterns for a language; Dutch conversations also match English cues
    (customers switch to English phrases like "wtf" or "agent please")."""
    cues = raw_cues()
    return {
        name: [_expanded(p, lang) for lang in languages_read(language) for p in cues[name].get(lang, [])]
        for name in CUE_NAMES
    }


_WORD_CLASS = re.compile(r"\{([a-z_]+)\}")  # letters only: "{0,25}" stays a quantifier


def expanded(patterns: list[str], language: str) -> list[str]:
    """Patterns of ``language`` with their ``{word_class}`` names replaced (`_expanded`)."""
    return [_expanded(pattern, language) for pattern in patterns]


def _expanded(pattern: str, language: str) -> str:
    """A pattern with its ``{word_class}`` names replaced by their alternatives (cues.yaml,
    ``word_classes``), so a request is written once as its parts rather than as every
    combination of them."""
    if "{" not in pattern:
        return pattern
    classes = raw_cues().get("word_classes", {}).get(language, {})

    def group(match: re.Match[str]) -> str:
        if match.group(1) not in classes:
            raise KeyError(f"cues.yaml: unknown word class {{{match.group(1)}}} in {pattern!r}")
        return f"({classes[match.group(1)]})"

    return _WORD_CLASS.sub(group, pattern)


@functools.lru_cache(maxsize=8)
def _index(language: str, names: tuple[str, ...]) -> CueIndex:
    sources = cue_sources(language)
    return CueIndex({name: sources[name] for name in names})


def match_cues(text: str, language: str, names: tuple[str, ...], lower: str | None = None) -> dict[str, str]:
    """The cues among ``names`` that ``text`` matches, with the words that matched.
    ``lower``: the text in lower case, when the caller has it already."""
    return _index(language, names).match(text, text.lower() if lower is None else lower)


def cue_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """Each cue as one alternation of all its patterns (what `match_cues` must agree with)."""
    return {name: compile_patterns(patterns) for name, patterns in cue_sources(language).items()}


@functools.lru_cache(maxsize=4)
def critical_words(language: str) -> frozenset[str]:
    """Words whose difference makes two bot messages different: dates, weekdays, negations."""
    cues = raw_cues()
    words: set[str] = set()
    for group in ("months", "negation_words"):
        for lang in LANGUAGES:
            words.update(w.lower() for w in cues[group].get(lang, []))
    return frozenset(words)


@functools.lru_cache(maxsize=2)
def read_back_details(language: str) -> re.Pattern[str]:
    """Concrete details in a text (a number, a date, a weekday, an amount): what makes a
    bot's "is that correct?" a read-back and a customer's "no" a correction."""
    return compile_patterns(cue_sources(language)["read_back_details"])


@functools.lru_cache(maxsize=2)
def closing_offer(language: str) -> re.Pattern[str]:
    """A bot's or agent's closing offer ("anything else?") at the end of a norm: cues.yaml
    ``closing_offer``, Dutch with the English ones."""
    return _per_language(raw_cues()["closing_offer"], language)


@functools.lru_cache(maxsize=2)
def open_question(language: str) -> re.Pattern[str]:
    """A bot's or agent's question that asks openly ("What can I do for you?", "Anything I can
    help with?") in a norm: cues.yaml ``open_question``, Dutch with the English ones."""
    return _per_language(raw_cues()["open_question"], language)


def _per_language(section: dict[str, list[str]], language: str) -> re.Pattern[str]:
    """A section's patterns for a language as one alternation; Dutch with the English ones."""
    return compile_patterns([p for lang in languages_read(language) for p in section[lang]])


@functools.lru_cache(maxsize=2)
def repeat_contact(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a bare count answer, a question about contacting before) for a message's norm:
    cues.yaml ``repeat_contact``. Dutch conversations also match the English ones."""
    return _sections("repeat_contact", ("answers", "questions"), language)


@functools.lru_cache(maxsize=4)
def reasks(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(asks again, turns the answer down for what they want) for a customer's norm: cues.yaml
    ``reasks``. Dutch conversations also match the English ones."""
    return _sections("reasks", ("asks", "wants"), language)


@functools.lru_cache(maxsize=4)
def told_before(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the same answer sent again, what the customer already knew) for a customer's norm:
    cues.yaml ``told_before``. Dutch conversations also match the English ones."""
    return _sections("told_before", ("resent", "known"), language)


@functools.lru_cache(maxsize=2)
def contacted_before(
    language: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a public post's telling of an earlier contact, an agent's ask to contact the company,
    an answer that says it was done before with no result, a message sent that counts only
    when no reply of the agent's came since the customer's last message) for a norm: cues.yaml
    ``contacted_before``. Dutch conversations also match the English ones."""
    section = raw_cues()["contacted_before"]
    said, asks, done, sent = (
        compile_patterns([_expanded(p, lang) for lang in languages_read(language) for p in section[part].get(lang, [])])
        for part in ("said", "contact_asks", "done", "sent")
    )
    return said, asks, done, sent


@functools.lru_cache(maxsize=2)
def contacted_before_vetoes(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(someone else named just before a telling of a contact, someone else or another channel
    named just after it, praise of the contact) for a norm: cues.yaml ``contacted_before``
    ``other_party`` and ``praise``. Dutch conversations also match the English ones."""
    section = raw_cues()["contacted_before"]
    parts = (section["other_party"]["before"], section["other_party"]["after"], section["praise"])
    before, after, praise = (
        compile_patterns([p for lang in languages_read(language) for p in part.get(lang, [])]) for part in parts
    )
    return before, after, praise


def _sections(name: str, parts: tuple[str, str], language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two pattern lists of one cues.yaml section, each compiled as one alternation."""
    section = raw_cues()[name]
    first, second = ([p for lang in languages_read(language) for p in section[part].get(lang, [])] for part in parts)
    return compile_patterns(first), compile_patterns(second)


@functools.lru_cache(maxsize=2)
def request_context(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a bare ask for a number or contact, a reply that named a place or third party):
    cues.yaml ``human_request_context``, Dutch with the English ones."""
    return _sections("human_request_context", ("weak_asks", "third_party"), language)


@functools.lru_cache(maxsize=2)
def opening_greeting(language: str) -> re.Pattern[str]:
    """A request's words that only ask whether anyone is there (cues.yaml
    ``human_request_context.greeting``): a greeting when no bot or agent has written yet."""
    greeting = raw_cues()["human_request_context"]["greeting"]
    return compile_patterns([p for lang in languages_read(language) for p in greeting.get(lang, [])])


@functools.lru_cache(maxsize=2)
def public_nudge(language: str) -> re.Pattern[str]:
    """A public post's opening that asks whether anyone is there (cues.yaml
    ``human_request_context.public_nudge``), matched against the norm."""
    nudge = raw_cues()["human_request_context"]["public_nudge"]
    return compile_patterns([p for lang in languages_read(language) for p in nudge.get(lang, [])])


@functools.lru_cache(maxsize=2)
def public_identity(language: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """(the words a norm needs one of, a question in a public post whether a bot or a person answers):
    cues.yaml ``human_request_context.public_identity``, matched against the norm."""
    context = raw_cues()["human_request_context"]
    found = context["public_identity"]
    words = frozenset(str(w) for w in context["public_identity_words"])
    return words, compile_patterns([p for lang in languages_read(language) for p in found.get(lang, [])])


@functools.lru_cache(maxsize=2)
def follow_up_nudge(language: str) -> re.Pattern[str]:
    """A public post's follow-up that is only a hello (cues.yaml
    ``human_request_context.follow_up_nudge``), matched against the norm."""
    nudge = raw_cues()["human_request_context"]["follow_up_nudge"]
    return compile_patterns([p for lang in languages_read(language) for p in nudge.get(lang, [])])


@functools.lru_cache(maxsize=2)
def person_offer(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a bot's offer of a person, a customer's reply that takes it): cues.yaml
    ``person_offer``, Dutch with the English ones."""
    return _sections("person_offer", ("offers", "accepts"), language)


@functools.lru_cache(maxsize=2)
def person_ask(language: str) -> _Parts:
    """The parts of a request for a person (cues.yaml ``person_ask``): each part's patterns as
    one alternation, Dutch with the English ones (``triggers``, ``words`` and ``typos`` are
    left to the caller; `person_anchors` reads the parts a request cannot do without). Each
    part is compiled on first use (`_Parts`)."""
    section = raw_cues()["person_ask"]
    return _Parts(
        {
            part: [p for lang in languages_read(language) for p in patterns[lang]]
            for part, patterns in section.items()
            if part not in ("triggers", "words", "typos")
        }
    )


class _Parts(dict[str, re.Pattern[str]]):
    """The compiled parts of `person_ask`, each compiled when first read. Compiling all of
    them was the largest fixed cost of an analysis in one process (~0.8e9 instructions for
    both languages, 40% of it parts a run may never read: a clause is read for most parts
    only after its anchors matched). `warm_sections` compiles every part, as before, in the
    parent process that forks the analysis workers."""

    def __init__(self, sources: dict[str, list[str]]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, part: str) -> re.Pattern[str]:
        compiled = self[part] = compile_patterns(self.sources[part])  # KeyError for an unknown part
        return compiled

    def compile_all(self) -> None:
        for part in self.sources:
            self[part]  # noqa: B018  # compiled and kept by __missing__


# What every request has one of (a person, a channel, a call, a presence question, "who"):
# a clause without any is not read further.
PERSON_ANCHORS = ("people", "kinds", "someone", "channels", "call_me", "presence", "who_frames")


@functools.lru_cache(maxsize=2)
def person_anchors(language: str) -> tuple[Any, ...]:
    """Searches of which one finds something in a clause exactly when the alternation of the
    `PERSON_ANCHORS` parts of `person_ask` does (see `anchor_searches`)."""
    return anchor_searches(anchor_patterns(language), [person_ask(language)[name] for name in PERSON_ANCHORS])


def anchor_patterns(language: str) -> list[list[str]]:
    """The patterns of each of the `PERSON_ANCHORS` parts, Dutch with the English ones."""
    section = raw_cues()["person_ask"]
    return [[p for lang in languages_read(language) for p in section[name][lang]] for name in PERSON_ANCHORS]


# The parts `person_ask._in_clause` searches a clause with (the asking frames, and the anchors that
# are frames or an imperative); most clauses with an anchor have none of the frames.
PERSON_FRAMES = ("frames", "give_frames", "who_frames", "presence", "call_me")


def frame_patterns(language: str) -> dict[str, list[str]]:
    """The patterns of each of the `PERSON_FRAMES` parts, Dutch with the English ones."""
    section = raw_cues()["person_ask"]
    return {name: [p for lang in languages_read(language) for p in section[name][lang]] for name in PERSON_FRAMES}


@functools.lru_cache(maxsize=2)
def person_frames(language: str) -> CueIndex:
    """A cue index of the `PERSON_FRAMES` parts, one cue each: ``match(clause, clause)`` names
    the parts whose alternation finds something in a clause (the index's leftmost match per cue
    is the alternation's), and the clause is searched only with those (each part is an
    alternation with no literal prefix, tried at every position)."""
    return CueIndex(frame_patterns(language))


def anchor_searches(patterns: list[list[str]], compiled: list[re.Pattern[str]]) -> tuple[Any, ...]:
    """The alternation of some parts (``compiled``, each `compile_patterns` of its
    ``patterns``), as searches of which one finds something exactly where the alternation does.
    When every pattern of the parts is held to word boundaries at both ends (`affixes`), the
    boundaries `compile_patterns` puts around each part again hold wherever the part matches,
    so the alternation matches where one of the parts matches, which is where one of their
    patterns does: a cue index of those patterns serves (`AnchorIndex`: the patterns a clause's
    words allow, each searched fast in an ASCII clause). Else the alternation itself."""
    bounded = all(affixes(pattern) == _BOUNDED for part in patterns for pattern in part)
    if bounded:
        return (AnchorIndex([pattern for part in patterns for pattern in part]),)
    return (compile_patterns([part.pattern for part in compiled]),)


class AnchorIndex:
    """Patterns in a cue index, searched as one: `search` finds something (True) in a text
    exactly when one of the patterns, held to word boundaries, does, else None. The patterns
    whose words a text lacks are not searched; the others fast in ASCII (`cue_search`). Their
    facts and compiled code ship with the cue patterns' (`cue_facts.all_patterns`)."""

    def __init__(self, patterns: list[str]) -> None:
        self.index = CueIndex({"anchor": patterns})

    def search(self, text: str) -> bool | None:
        return True if self.index.match(text, text.lower()) else None


_BOUNDED = (r"(?<!\w)", r"(?!\w)")


@functools.lru_cache(maxsize=2)
def person_ask_triggers(language: str) -> frozenset[str]:
    """The words a text needs one of to be read for a request by its parts."""
    return _words(raw_cues()["person_ask"]["triggers"], language)


@functools.lru_cache(maxsize=2)
def person_ask_words(language: str) -> dict[str, frozenset[str]]:
    """The word lists of ``person_ask.words`` (cues.yaml), Dutch with the English ones."""
    return {name: _words(lists, language) for name, lists in raw_cues()["person_ask"]["words"].items()}


def _words(lists: dict[str, list[str]], language: str) -> frozenset[str]:
    return frozenset(str(w) for lang in languages_read(language) for w in lists[lang])


@functools.lru_cache(maxsize=2)
def rejects_value(language: str) -> re.Pattern[str]:
    """A bot text that says the value typed is not accepted ("that doesn't look right", "dat
    is geen geldig kaartnummer"): cues.yaml ``rejects_value``, Dutch with the English ones."""
    return _per_language(raw_cues()["rejects_value"], language)


@functools.lru_cache(maxsize=2)
def asks_to_restate(language: str) -> re.Pattern[str]:
    """A bot text that did not understand or asks what the request is ("could you rephrase?",
    "waar gaat je vraag over?"): cues.yaml ``asks_to_restate``, Dutch with the English ones."""
    return _per_language(raw_cues()["asks_to_restate"], language)


@functools.lru_cache(maxsize=2)
def asks_if_fixed(language: str) -> re.Pattern[str]:
    """A bot text that asks whether the step helped ("Did that solve your issue?"): cues.yaml
    ``asks_if_fixed``, Dutch with the English ones."""
    return _per_language(raw_cues()["asks_if_fixed"], language)


@functools.lru_cache(maxsize=2)
def bot_fallback(language: str) -> re.Pattern[str]:
    """A bot text that only asks the customer to say what they want ("Could you tell me a bit
    more about what you'd like to discuss?", "Waarmee kan ik je nog meer helpen?"): cues.yaml
    ``bot_fallback``, Dutch with the English ones."""
    return _per_language(raw_cues()["bot_fallback"], language)


@functools.lru_cache(maxsize=4)
def rejects_options(language: str) -> re.Pattern[str]:
    """A customer's norm that takes none of the bot's options ("none of those", "geen van
    drieën"): cues.yaml ``rejects_options``, Dutch with the English ones."""
    return _per_language(raw_cues()["rejects_options"], language)


# Compiled once per language: without the cache it was compiled again whenever the cue
# patterns compiled meanwhile had pushed it out of re's own cache (512 patterns).
@functools.lru_cache(maxsize=4)
def loop_statement(language: str) -> re.Pattern[str]:
    """A customer's norm that says they go round in circles with the bot ("I've been going
    round this menu", "ik draai hier rondjes"): cues.yaml ``loop_statement``, Dutch with the
    English ones."""
    return _per_language(raw_cues()["loop_statement"], language)


@functools.lru_cache(maxsize=2)
def reported_speech(language: str) -> re.Pattern[str]:
    """The end of a clause that makes a request's words a report or an expectation:
    cues.yaml ``human_request_context.reported``, Dutch with the English ones."""
    return _per_language(raw_cues()["human_request_context"]["reported"], language)


def warm_sections(language: str) -> None:
    """Compile every section of cues.yaml that the per-conversation rules read, for
    ``language``: each is compiled on first use, and every analysis worker needs all of
    them whatever its texts, so a parent process compiles them once before forking
    (each worker compiled its own: ~0.03-0.05 s of CPU per worker)."""
    for section in (
        read_back_details,
        closing_offer,
        open_question,
        repeat_contact,
        request_context,
        opening_greeting,
        person_offer,
        person_anchors,
        rejects_value,
        asks_to_restate,
        asks_if_fixed,
        reported_speech,
    ):
        section(language)
    person_ask(language).compile_all()  # each part is otherwise compiled on first use


_FOUND: dict[tuple[Any, str, str], bool] = {}
_FOUND_LIMIT = 100_000  # (section, language, text) answers remembered


def finds(section: Any, language: str, norm: str) -> bool:
    """Whether ``section(language)`` (one of the compiled sections above) finds something in
    ``norm``, remembered per text: the rules ask it of bot and agent texts, which are
    mostly templates met again in conversation after conversation."""
    key = (section, language, norm)
    found = _FOUND.get(key)
    if found is None:
        if len(_FOUND) >= _FOUND_LIMIT:
            _FOUND.clear()
        found = _FOUND[key] = section(language).search(norm) is not None
    return found


_CLAUSE_END = re.compile(r"[.!?;:\n]")


def unreported(cues: dict[str, str], text: str, lower: str, language: str) -> dict[str, str]:
    """``cues`` without a ``human_request`` that only reports what someone said or what will
    happen ("the shop said I have to contact you", "I was told to speak to a manager", "he
    said an advisor would ring me", "the assessor will call me on the number I gave"): the
    cue's leftmost match is blanked when the clause before it ends in such words, and the
    text is matched again, since a real ask can follow the story ("They told me to call
    you. Can someone call me back?")."""
    reported = reported_speech(language)
    for _ in range(3):  # a few quoted matches at most; each pass blanks one
        words = cues.get("human_request")
        if words is None:
            return cues
        start = lower.find(words.lower())
        if start < 0:
            return cues
        clause = _CLAUSE_END.split(lower[:start])[-1]
        if reported.search(clause) is None:
            return cues
        end = start + len(words)
        text, lower = text[:start] + " " * (end - start) + text[end:], lower[:start] + " " * (end - start) + lower[end:]
        again = match_cues(text, language, ("human_request",), lower).get("human_request", "")
        # The same order of cues (shown in it), with the new words or without the cue.
        cues = {
            name: again if name == "human_request" else value
            for name, value in cues.items()
            if name != "human_request" or again
        }
    return cues


def undeclined(cues: dict[str, str], text: str, lower: str, language: str) -> dict[str, str]:
    """``cues`` when they have both ``human_request`` and ``declines_human``: a request whose
    words sit inside the decline ("I don't want to *talk to a person*", "ik wil geen *mens
    spreken*") is dropped; one elsewhere in the text stays ("I don't want a callback, put me
    through to a person"), and then the decline is dropped so the request counts. The
    decline's words are blanked and the text matched again, as `unreported` does."""
    for _ in range(3):  # a few declines at most; each pass blanks one
        words = cues.get("declines_human")
        if words is None or "human_request" not in cues:
            return cues
        start = lower.find(words.lower())
        if start < 0:
            return cues
        end = start + len(words)
        text, lower = text[:start] + " " * (end - start) + text[end:], lower[:start] + " " * (end - start) + lower[end:]
        found = match_cues(text, language, ("human_request", "declines_human"), lower)
        if "human_request" not in found:
            return {name: value for name, value in cues.items() if name != "human_request"}
        # A request outside the decline: the same order of cues, with the new words.
        cues = {
            name: found[name] if name in ("human_request", "declines_human") else value
            for name, value in cues.items()
            if name != "declines_human" or "declines_human" in found
        }
    return cues


@functools.lru_cache(maxsize=1)
def negation_words() -> frozenset[str]:
    """Negations of both languages, lower case ("not", "never", "niet", "geen")."""
    cues = raw_cues()
    return frozenset(w.lower() for lang in LANGUAGES for w in cues["negation_words"].get(lang, []))


@functools.lru_cache(maxsize=2)
def known_words(language: str) -> frozenset[str]:
    """Ordinary words of a language (sentiment lexicon, function words, shouted words):
    a word in capitals that is one of these is shouted, anything else is an acronym."""
    from cxreview.signals.sentiment import lexicon_words  # sentiment imports this module

    cues = raw_cues()
    words = set(lexicon_words(language)) | set(negation_words())
    for lang in LANGUAGES:
        words.update(cues["language_hints"].get(lang, []))
        words.update(cues["shouted_words"].get(lang, []))
    return frozenset(words - set(cues["acronyms"]))


@functools.lru_cache(maxsize=1)
def language_hints() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in raw_cues()["language_hints"].items()}


def contrast_prefixes() -> tuple[str, ...]:
    return tuple(raw_cues()["contrast_prefixes"])
