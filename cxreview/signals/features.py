"""Features of one message text: its tone (per shape of the text) and exact details."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from cxreview.signals.ascii_text import LETTERS_AND_APOSTROPHES, WORD_CHARACTERS, has_digit, runs, shouted_words
from cxreview.signals.language import reads_words
from cxreview.signals.lexicon import (
    CUSTOMER_CUES,
    SYSTEM_CUES,
    critical_words,
    known_words,
    match_cues,
    negation_words,
    undeclined,
    unreported,
    warm_sections,
)
from cxreview.signals.person_ask import (
    asked_person,
    detail_asked,
    pronoun_asked,
    someone_asked,
    someone_elses,
    without_identity,
)
from cxreview.signals.sentiment import scored, sentiment
from cxreview.signals.wording import rephrasing_words, semantic_key

# The words of a text's norm: runs of word characters. The same pieces as replacing every
# other non-space character by a space and splitting, in one pass.
_WORD_RUN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+")
_IDENTIFIER = re.compile(r"\b[a-z]{0,4}-?\d{5,}\b")
_WORD = re.compile(r"[A-Za-zÀ-ÿ']+")
_EXCLAIM = re.compile(r"(?=[!?]*!)[!?]{2,}")
_UPPER = re.compile(r"[A-ZÀ-Þ]")
_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_SHOUTED = re.compile(r"\b[A-ZÀ-Þ]{2,}\b")
# Redaction placeholders of exported or anonymised chats ("#EMAIL#", "[NAME]", "{ORDER_ID}",
# "<PHONE>", "XXXX"): capitals that nobody typed, so no shouting.
_PLACEHOLDER = re.compile(r"[#\[{<]+[A-Z][A-Z0-9_]*[#\]}>]+|\bX{2,}\b")


# A sentence ends and another starts: "... that. What ...", "... please? I need ...".
_SENTENCE_BREAK = re.compile(r"[.!?] +\S")
_SENTENCES = re.compile(r"(?<=[.!?]) +")
_RETRY_WORDS = 10  # a longer sentence around the question says more than that it failed


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A tweet's @handle names whom it is written to, not what it says: "Thanks @Delta for losing my
# bag" reads as "Thanks for losing my bag", "@AmazonHelp still no refund" as "still no refund".
# ".@Brand ..." at the start of a tweet is Twitter's way of making a reply public: a handle too.
_MENTION = re.compile(r"(?:(?<![\w@.])|(?<=^\.))@\w+")
# Runs of spaces (a removed handle, a pasted text) read as one: "Thanks  for losing".
_SPACES = re.compile(r" {2,}")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|nl|org|net|example)/\S*")
_DIGITS = re.compile(r"\d+")
# Numbers of four or more digits: order, phone and account numbers. Shorter ones are counts
# and durations ("the 3rd time", "2 weeks") that cues and their evidence read as written.
_LONG_NUMBER = re.compile(r"\d{4,}")
_ASCII_LONG_NUMBER = re.compile(r"[0-9]{4,}")  # the same in an ASCII text, without Unicode lookups


_EMPTY: frozenset[str] = frozenset()
_new_tuple = tuple.__new__


class Tone(NamedTuple):
    """What a text says about the writer's state: the expensive part, shared by all texts
    of the same shape (the same words with other numbers, e-mail addresses or links)."""

    sentiment: float
    caps: float  # 0..1: share of capitals when the text shouts, else 0
    exclamation: float  # 0..1: !! and ?! bursts
    emphasis: float  # 1 when a word is shouted ("NOW") in an otherwise normal message
    cues: dict[str, str]  # cue name -> the words that matched
    negations: int  # negation words ("not", "never", "niet", "n't")
    question: bool  # ends with a question mark
    # The evidence of shouting: the words in capitals ("NOW"), and the !! and ?! bursts.
    shouted: str
    bursts: str
    negative: tuple[str, ...]  # the words that made the sentiment negative (`sentiment.scored`)


class TextFeatures(NamedTuple):
    sentiment: float
    caps: float
    exclamation: float
    emphasis: float
    cues: dict[str, str]
    negations: int
    question: bool
    shouted: str
    bursts: str
    negative: tuple[str, ...]
    norm: str  # lower case, no punctuation, single spaces: for repeat checks
    critical: frozenset[str]  # numbers, dates, names, negations: differences veto a repeat
    identifiers: frozenset[str]  # order numbers and the like
    capitalised: frozenset[str]  # capitalised words anywhere: names when two texts differ in them
    words: int
    word_set: frozenset[str]  # the distinct words of norm (bot texts only: for repeats)
    semantic: tuple[str, ...]  # content words, synonyms merged (bot texts only): see semantic_key
    # The sentence of a bot text that asks, when another sentence around it only says that
    # the last answer did not work ("Sorry, I didn't get that. What is your postcode?"): see
    # asking_sentence. Empty for other texts.
    ask: str
    # A customer's text that names someone by @handle ("@AmazonHelp my parcel never came"): a
    # public post to the company, where a problem told is a complaint (`frustration`).
    public: bool = False


def shape_of(text: str) -> str:
    """The text with long numbers, e-mail addresses and links replaced by placeholders,
    @handles left out, runs of spaces made one and typographic apostrophes made plain.

    VADER and the cues read words, not order numbers: "it's NW-4411" and "it's NW-9020"
    have the same tone, so tone is computed once per shape. Numbers of up to three digits
    stay: "the 3rd time" and "for 2 weeks" are what a cue's evidence should show, and a
    pattern like "call me on \\d{3,}" still sees that a phone number ("000") was there.
    """
    # Phone keyboards type "doesn’t": cues and VADER read "doesn't" (isascii is a flag check).
    if not text.isascii() and ("\u2019" in text or "\u2018" in text):
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    if "@" in text:
        text = _EMAIL.sub("email", text)
        if "@" in text:
            text = _MENTION.sub("", text).strip(" ")
    if "/" in text or "www" in text:
        text = _URL.sub("link", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if text.isascii():
        # Most texts have no digit: a C pass finds that; \d is [0-9] in ASCII.
        return _ASCII_LONG_NUMBER.sub("000", text) if has_digit(text) else text
    return _LONG_NUMBER.sub("000", text)


def template_of(text: str) -> str:
    """The shape with every number hidden: answers that differ only in an amount or a
    count ("wait 5 minutes", "wait 10 minutes") are one template."""
    return _DIGITS.sub("0", shape_of(text))


def tone(text: str, language: str, customer: bool = True) -> Tone:
    """Tone of a customer message, or (``customer=False``) of a bot, agent or system one."""
    lower = text.lower()
    cues = match_cues(text, language, CUSTOMER_CUES if customer else SYSTEM_CUES, lower)
    asked_text, asked_lower = text, lower  # where a request for a person is looked for
    unasked = asked_lower  # before any identity question is blanked
    if "human_request" in cues:  # "r u a real person" asks what the customer talks to, not for one
        asked_text, asked_lower = without_identity(asked_text, asked_lower, language)
        if asked_lower is not unasked:
            again = match_cues(asked_text, language, ("human_request",), asked_lower).get("human_request", "")
            cues = {
                name: again if name == "human_request" else value
                for name, value in cues.items()
                if name != "human_request" or again
            }
    if "human_request" in cues:  # a story of what someone said is no ask ("they said I have to call you")
        cues = unreported(cues, text, lower, language)
        if "declines_human" in cues:  # "I don't want to talk to a person" asks for none
            cues = undeclined(cues, text, lower, language)
        if "human_request" in cues and someone_elses(asked_lower, cues["human_request"], language):
            cues = {name: value for name, value in cues.items() if name != "human_request"}  # "someone from my bank"
    caps = emphasis = 0.0
    plain = text.isascii()  # words of ASCII texts without regexes (see ascii_text)
    shouted = None
    typed = text
    if lower != text and ("#" in text or "[" in text or "{" in text or "<" in text or "XX" in text):
        typed = _PLACEHOLDER.sub(" ", text)
    if lower != text:  # a text without capitals (lower case is itself) shouts nothing: no search
        found = shouted_words(typed) if plain else _SHOUTED.findall(typed)
        shouted = [w for w in found if _is_shouted_word(w, language)]
    if shouted:
        letters = len(_LETTER.findall(typed))
        uppers = len(_UPPER.findall(typed))
        # Most letters in capitals is shouting only when real words are in capitals: a
        # message that is mostly product acronyms ("GTA BSOD") is not.
        caps = uppers / letters if letters >= 4 and uppers / letters > 0.6 else 0.0
        emphasis = 0.0 if caps else 1.0
    exclamation = 0.0
    burst_words = ""
    if "!" in text:
        bursts = _EXCLAIM.findall(text)
        if bursts:
            exclamation = min(1.0, 0.5 * len(bursts) + 0.1 * sum(len(b) for b in bursts))
            burst_words = " ".join(bursts)
    words = runs(lower, LETTERS_AND_APOSTROPHES) if plain else _WORD.findall(lower)
    if customer and "human_request" not in cues and "declines_human" not in cues:
        asked = asked_person(asked_text, asked_lower, language, words)  # a request read as its parts
        if asked and asked_lower is unasked:
            asked_text, asked_lower = without_identity(asked_text, asked_lower, language)
            if asked_lower is not unasked:
                asked = asked_person(asked_text, asked_lower, language, words)
        if asked:
            cues = {**cues, "human_request": asked}
        else:
            someone = someone_asked(asked_text, asked_lower, language, words)  # a request only with a bot (person_turn)
            if someone:
                cues = {**cues, "someone_asked": someone}
            elif detail := detail_asked(asked_text, asked_lower, language):  # "nummer?": in context (person_turn)
                cues = {**cues, "detail_asked": detail}
            elif they := pronoun_asked(asked_text, asked_lower, language):  # "can they contact me?" (person_turn)
                cues = {**cues, "they_asked": they}
    negatives = negation_words()
    if "n't" in lower:
        negations = sum(1 for w in words if w in negatives or w.endswith("n't"))
    elif negatives.isdisjoint(words):  # most texts: one pass in C, nothing to count
        negations = 0
    else:
        negations = sum(map(negatives.__contains__, words))
    question = text.rstrip().endswith("?")
    mood, negative = scored(text, language, customer)
    if not question and customer and mood >= 0 and "." not in text and "!" not in text:
        question = _asks_without_mark(lower)  # not "where the hell is my order"
    loud = " ".join(shouted) if shouted else ""
    return _new_tuple(Tone, (mood, caps, exclamation, emphasis, cues, negations, question, loud, burst_words, negative))


# A customer's one-sentence "Where is my order" / "waar blijft mijn pakket 🙂" asks as much as
# with its question mark (typed on a phone, or ended by an emoji); "why", "how" and "what" also
# start complaints ("why is this so hard", "what a joke") and need the mark.
_ASKING_STARTS = frozenset({"where", "where's", "wheres", "when", "which", "waar", "wanneer", "welke", "welk"})
_GREETINGS = frozenset(
    {"hi", "hello", "hey", "ok", "okay", "yes", "so", "and", "but", "hallo", "hoi", "ja", "dus", "en", "maar"}
)


def _asks_without_mark(lower: str) -> bool:
    words = lower.split(None, 2)
    if not words:
        return False
    first = words[0].rstrip(",")
    if first in _GREETINGS and len(words) > 1:
        first = words[1].rstrip(",")
    return first in _ASKING_STARTS


def reply_tone(text: str, language: str) -> Tone:
    """Tone of an agent or system message: its sentiment, cues and question mark. The
    shouting, exclamation and negation figures feed only the frustration of customer
    messages, so they are left at zero here (agents write many distinct texts)."""
    cues = match_cues(text, language, SYSTEM_CUES, text.lower())
    question = text.rstrip().endswith("?")
    return _new_tuple(Tone, (sentiment(text, language), 0.0, 0.0, 0.0, cues, 0, question, "", "", ()))


# Letters of any script, in runs: what a text in a language without word lists keeps out of
# its reading (`wordless_tone`).
_LETTERS = re.compile(r"[^\W\d_]+")
WORDLESS = "-"  # the lexicon key of a language without word lists (signals/analyze.py)


def wordless_tone(text: str, customer: bool = True) -> Tone:
    """The tone of a text in a language without word lists (Spanish, German, Japanese, ...):
    what needs no words (emoji, !! and ?! bursts, capitals of a word English shares) and none
    of what its words would mean read as English: German "die" and "war", Spanish "sin" are
    English words of anger. The cues and sentiment are read on the text without its letters."""
    bare = _LETTERS.sub(" ", text)
    if not customer:
        free = reply_tone(bare, "en")
        return free._replace(question=text.rstrip().endswith("?"))
    read, free = tone(text, "en", True), tone(bare, "en", True)
    return read._replace(sentiment=free.sentiment, cues=free.cues, negations=0, negative=free.negative)


def _is_shouted_word(word: str, language: str) -> bool:
    """A word in capitals is shouting when it is a word people say ("NOW", "NIET"), not an
    acronym ("GTA", "BSOD", "OTP") nor a name written in capitals ("NETFLIX", "VODAFONE",
    "PAYPAL", "ZIGGO"): a known word of the language, whatever its length."""
    return word.lower() in known_words(language)


def _words(lower: str, plain: bool) -> list[str]:
    """The words of a lower-cased text (runs of word characters; without a regex when ASCII)."""
    return runs(lower, WORD_CHARACTERS) if plain else _WORD_RUN.findall(lower)


def with_details(text: str, language: str, customer: bool, known: Tone) -> TextFeatures:
    """Add the cheap, exact-text details to a tone computed for the text's shape."""
    lower = text.lower()
    plain = text.isascii()
    # A customer's public post (an @handle): the handles name whom it is written to, not what
    # it says, so its words and numbers leave them out. Anonymised handles are numbers
    # ("@115911"), and every tweet of a thread names the same ones: read as words or an order
    # number they made each tweet "say again" the one before (round 20, real support threads).
    public = customer and "@" in text and _MENTION.search(lower) is not None
    if public:
        lower = _MENTION.sub(" ", lower)
    split = _words(lower, plain)
    norm = " ".join(split)
    # Names, dates and negations only matter when comparing bot texts; order numbers only
    # when comparing customer texts: skip what the role does not need.
    if customer:
        digit = has_digit(lower) if plain else _DIGITS.search(lower)
        identifiers = frozenset(_IDENTIFIER.findall(lower)) if digit else _EMPTY
        # tuple.__new__ on the joined fields: the same TextFeatures as TextFeatures(*known,
        # ...), without the generated __new__'s argument handling (one call per text).
        return _new_tuple(TextFeatures, known + (norm, _EMPTY, identifiers, _EMPTY, len(split), _EMPTY, (), "", public))
    capitalised = frozenset(w for w in _WORD.findall(text) if w[0].isupper() and not w.isupper())
    return TextFeatures(
        *known,
        norm,
        _critical_tokens(text, language),
        _EMPTY,
        capitalised,
        len(split),
        frozenset(split),
        semantic_key(norm, language),
        asking_sentence(text) if not _retry_words().isdisjoint(split) and _SENTENCE_BREAK.search(text) else "",
    )


@functools.lru_cache(maxsize=1)
def _retry_words() -> frozenset[str]:
    """Every word that can make a sentence one that `asking_sentence` leaves out: most bot
    texts have none, and are not split into sentences at all."""
    return rephrasing_words("retry_words") | rephrasing_words("retry_negated")


def asking_sentence(text: str) -> str:
    """The sentence of a bot text that asks (its last question, else its last sentence) when
    every other sentence is short and says the last answer did not work or why the value is
    needed (cues.yaml ``rephrasing.retry_words``, or ``retry_negated`` with a negation): "Sorry, I didn't get that. What is your
    postcode?", "Dat klantnummer ken ik niet. Kun je het nog eens sturen?", "What is your
    order number, please? I need it to continue." Empty otherwise: "Your order has shipped.
    Anything else?" says something new before it asks."""
    sentences = [s for s in _SENTENCES.split(text.strip()) if s]
    if len(sentences) < 2:
        return ""
    asking = next((s for s in reversed(sentences) if s.endswith("?")), sentences[-1])
    retry, negated, negations = (rephrasing_words(n) for n in ("retry_words", "retry_negated", "retry_negations"))
    for sentence in sentences:
        if sentence is asking:
            continue
        words = _WORD_RUN.findall(sentence.lower())
        if len(words) > _RETRY_WORDS:
            return ""
        if retry.isdisjoint(words) and (negated.isdisjoint(words) or negations.isdisjoint(words)):
            return ""
    return asking


def reply_features(known: Tone, text: str = "") -> TextFeatures:
    """The features of an agent or system message: its tone and its norm (the words, which
    the rules that read the last reply need: an apology before ironic praise, an offer of a
    person, what the customer's answer answers). The other exact details (names, numbers)
    serve repeat checks of customer and bot messages alone."""
    norm = " ".join(_words(text.lower(), text.isascii()))
    return _new_tuple(TextFeatures, known + (norm, _EMPTY, _EMPTY, _EMPTY, 0, _EMPTY, (), ""))


def reading_key(language: str | None) -> str:
    """The word lists a conversation's texts are read with: Dutch, English (also a language
    not determined: short or mixed texts, most often English), or none (`WORDLESS`)."""
    if language and language.startswith("nl"):
        return "nl"
    return "en" if reads_words(language) else WORDLESS


def tone_of(shape: str, key: str, kind: str) -> Tone:
    """The tone of a text's shape read with the word lists ``key`` (`reading_key`) for its
    writer ``kind``: "customer", "bot", or "other" (an agent or the system)."""
    if key == WORDLESS:
        return wordless_tone(shape, kind == "customer")
    if kind == "other":
        return reply_tone(shape, key)
    return tone(shape, key, kind == "customer")


def message_features(role: str, text: str, language: str) -> TextFeatures:
    """The features of one message as an analysis computes them for its writer: every
    feature of a customer's and the bot's text, the tone and norm of an agent's or the
    system's (`reply_features`). ``language``: the word lists (`reading_key`), "en", "nl" or
    `WORDLESS` (the details are then those of English: names, numbers)."""
    kind = role if role in ("customer", "bot") else "other"
    return features_with_tone(text, language, kind, tone_of(shape_of(text), language, kind))


def features_with_tone(text: str, key: str, kind: str, known: Tone) -> TextFeatures:
    """The features of a text of writer ``kind`` ("customer", "bot" or "other") whose shape's
    tone ``known`` (`tone_of`) is already there: what `message_features` and an analysis (which
    keeps each shape's tone) both compute."""
    if kind == "other":
        return reply_features(known, text)
    return with_details(text, "en" if key == WORDLESS else key, kind == "customer", known)


def text_features(text: str, language: str, customer: bool = True) -> TextFeatures:
    """All features of one text (tone of its shape plus exact details)."""
    return with_details(text, language, customer, tone(shape_of(text), language, customer))


def warm_up(languages: Iterable[str]) -> None:
    """Load what the features of a text need in each of ``languages`` ("en", "nl"): the
    sentiment lexicons, the cue indexes of customers and of the other roles, the word
    lists. They are built on first use; a parent process calls this before forking its
    workers, so they share one copy instead of each building its own."""
    for language in sorted(languages):
        for customer in (True, False):
            text_features("Hi THERE", language, customer)
        reply_tone("Hi", language)
        warm_sections(language)  # the cues.yaml sections the per-conversation rules read


def _critical_tokens(text: str, language: str) -> frozenset[str]:
    """Tokens whose change turns a near-duplicate into a different message."""
    if "’" in text:  # "didn’t" with a typographic apostrophe is "didn't"
        text = text.replace("’", "'")
    tokens = set(_NUMBER.findall(text))
    special = critical_words(language)
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = word.lower()
        if low in special or low.endswith("n't"):
            tokens.add(low)
        elif word[0].isupper() and not word.isupper() and match.start() > 0:
            # A capitalised word that does not start a sentence is probably a name.
            before = text[: match.start()].rstrip()
            if before and before[-1] not in ".!?:\n":
                tokens.add(word)
    return frozenset(tokens)
