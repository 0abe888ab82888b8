"""A language guess for conversations imported without a language: scripts and function words.

Only English and Dutch have cue lexicons; Spanish, French, German, Portuguese and Italian are
recognised by their common words (cues.yaml ``language_hints`` and ``language_words``), so they
are named instead of read as Dutch, and a text mostly in another script is named by its script
(kana "ja", Hangul "ko", ...). Too little evidence, or two languages in about equal measure, is
"und" (undetermined, BCP 47). docs/signals.md "Languages" says what is read of each.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

UNDETERMINED = "und"  # BCP 47's "undetermined language": too short, only numbers or emoji, or mixed
# Common words (a shared one counts in part) before a Latin-script language is named: one for
# English and Dutch, the languages a team sets cxreview up for (as before: "dit is belachelijk!!!"
# is Dutch), two for the others, so one stray "y" or "gracias" in a wordless text names nothing.
MIN_EVIDENCE = 2.0
MIN_LEXICON_EVIDENCE = 1.0
DOMINANCE = 1.5  # the first language's evidence at least this times the second's, else mixed
# English and Dutch are both read with the English cues too (Dutch customers write "wtf" and
# "agent please"): between the two the larger count decides, as it always has.
_ALWAYS_APART = frozenset({"en", "nl"})
_ENOUGH_WORDS = 400  # enough evidence; long conversations need not be read to the end

_NOISE = re.compile(r"(?:https?://|www\.)\S+|[@#][\w.]+|\S+@\S+")  # links, @handles, #tags, e-mail addresses
_WORD = re.compile(r"[a-zß-öø-ÿœ]+(?:'[a-zà-ÿ]+)?")
# Letters of scripts other than Latin, each with the language it names. Kana before Han: Japanese
# writes both, Chinese no kana. CJK and Thai write no spaces: every two letters count as a word.
_SCRIPTS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]"), 2),
    ("ko", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"), 2),
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"), 2),
    ("ru", re.compile(r"[\u0400-\u04ff]"), 5),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]"), 5),
    ("he", re.compile(r"[\u0590-\u05ff]"), 5),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"), 5),
    ("th", re.compile(r"[\u0e00-\u0e7f]"), 2),
    ("hi", re.compile(r"[\u0900-\u097f]"), 5),
)
_VARIANTS = (("uk", re.compile(r"[іїєґ]")), ("fa", re.compile(r"[پچژگ]")))  # read on lower-cased text


@functools.lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """Function word -> the languages it is a function word of, each with its share of one."""
    # Here, not at the top: the review screen reads `reading_note` and starts without YAML.
    from cxreview.signals.lexicon import language_hints, raw_cues

    owners: dict[str, list[str]] = {}
    extra = raw_cues()["language_words"]
    for lang in sorted(set(language_hints()) | set(extra)):
        for word in set(language_hints().get(lang, ())) | set(extra.get(lang, ())):
            owners.setdefault(str(word), []).append(lang)
    return {word: tuple((lang, 1.0 / len(langs)) for lang in langs) for word, langs in owners.items()}


def conversation_language(messages: Iterable[tuple[str, str]]) -> str:
    """The language of a conversation given as (role, text): the customer's, when their own
    messages clearly name one (a German customer served in English is "de"), else that of all
    its messages. A customer's few words ("ok thanks") do not name one; nor does English in a
    Dutch conversation turn it (Dutch conversations are read with the English cues too)."""
    listed = list(messages)
    whole = detect_language(text for _, text in listed)
    customer = detect_language((text for role, text in listed if role == "customer"), strict=True)
    if customer == UNDETERMINED or (customer == "en" and whole == "nl"):
        return whole
    return customer


def detect_language(texts: Iterable[str], default: str = UNDETERMINED, strict: bool = False) -> str:
    """The language most of ``texts`` are in, or ``default`` ("und") when they say too little
    (a few words, numbers, emoji) or two languages in about equal measure. Short messages
    ("ok", "thanks", an emoji) weigh almost nothing, so they do not turn a conversation.
    ``strict``: English and Dutch need as many words as the other languages."""
    weights = _weights()
    counts: dict[str, float] = {}
    scripts: dict[str, float] = {}
    latin = seen = 0.0
    variants: set[str] = set()  # "uk", "fa": letters only Ukrainian or Persian write
    for raw in texts:
        text = _NOISE.sub(" ", raw.lower().replace("\u2019", "'"))
        if not text.isascii():
            for lang, letters, per_word in _SCRIPTS:
                found = letters.findall(text)
                if found:
                    scripts[lang] = scripts.get(lang, 0.0) + len(found) / per_word
                    seen += len(found) / per_word
            variants.update(lang for lang, letters in _VARIANTS if letters.search(text))
        for word in _WORD.findall(text):
            latin += 1
            seen += 1
            for lang, weight in weights.get(word, ()):
                counts[lang] = counts.get(lang, 0.0) + weight
        if seen > _ENOUGH_WORDS:
            break
    if scripts:
        script, words = max(scripts.items(), key=lambda item: item[1])
        others = [latin, *(v for k, v in scripts.items() if k != script)]
        if words >= MIN_EVIDENCE and words >= DOMINANCE * max(others):
            return next((v for base, v in (("ru", "uk"), ("ar", "fa")) if script == base and v in variants), script)
        if latin < DOMINANCE * words:
            return default  # about as much of another script as of Latin words: mixed
    return _latin_language(counts, default, strict)


def _latin_language(counts: dict[str, float], default: str, strict: bool = False) -> str:
    """The language of the most function words, when there are enough of them and the next
    language has clearly fewer (English and Dutch: simply fewer)."""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked:
        return default
    best, first = ranked[0]
    if first < (MIN_LEXICON_EVIDENCE if best in _ALWAYS_APART and not strict else MIN_EVIDENCE):
        return default
    if len(ranked) > 1:
        second, runner_up = ranked[1]
        if first == runner_up:
            return default
        if first < DOMINANCE * runner_up and {best, second} != _ALWAYS_APART:
            return default
    return best


def has_lexicon(language: str | None) -> bool:
    """Whether the signals have cue lexicons for ``language``: English and Dutch (any region)."""
    return bool(language) and re.split("[-_]", str(language).lower())[0] in ("en", "nl")


def reads_words(language: str | None) -> bool:
    """Whether a conversation's words are read: English and Dutch with their own lists, a
    language not determined ("und": short or mixed texts, most often English) with the
    English ones. Any other language's words are not read (`features.wordless_tone`)."""
    return not language or language == UNDETERMINED or has_lexicon(language)


def reading_note(language: str | None) -> str | None:
    """How a conversation's words were read, in plain words, when not with their own
    language's lists; None for English and Dutch."""
    if not language or has_lexicon(language):
        return None
    if language == UNDETERMINED:
        return "language not determined (too short or mixed): its words are read with the English lists"
    return (
        f"{language}: no word lists for this language, so its words are not read: frustration comes from "
        "emoji, !! and repeats alone; a request for a person or a repeat said in words is not found "
        "(timing, loops, texts sent again and the handover are read as usual)"
    )


def languages_note(counts: dict[str, int]) -> str:
    """What a report over conversations of these languages (language -> conversations) should
    say about how their words were read; empty when all are English or Dutch."""
    unread = {lang: n for lang, n in counts.items() if lang and not reads_words(lang)}
    undetermined = counts.get(UNDETERMINED, 0)
    parts = []
    if unread:
        named = ", ".join(f"{lang} {n:,}" for lang, n in unread.items())
        total = sum(unread.values())
        parts.append(
            f"{total:,} {'conversation is' if total == 1 else 'conversations are'} in a language without word lists "
            f"({named}): their words are not read, so their frustration comes from emoji, !! and repeats alone "
            "and requests for a person or repeats said in words are not counted."
        )
    if undetermined:
        parts.append(
            f"{undetermined:,} {'is' if undetermined == 1 else 'are'} of a language not determined (too short or "
            "mixed), read with the English word lists."
        )
    return " ".join(parts)
