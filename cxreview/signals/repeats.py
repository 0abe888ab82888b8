"""Repeats: a bot message that nearly repeats an earlier one, and the near misses that
make two similar texts different messages (another number, date, name or negation)."""

from __future__ import annotations

from rapidfuzz import fuzz

from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import contrast_prefixes
from cxreview.signals.wording import STEM_LETTERS, filler_words, has_form, shared_words, word_forms

_NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "nothing",
        "none",
        "without",
        "cannot",
        "dont",
        "niet",
        "geen",
        "nooit",
        "niks",
        "niets",
        "nergens",
    }
)
# Capitalised words that start sentences, not names.
_NOT_NAMES = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "sorry",
        "thanks",
        "thank",
        "please",
        "ok",
        "okay",
        "great",
        "sure",
        "yes",
        "no",
        "welcome",
        "could",
        "can",
        "what",
        "which",
        "is",
        "i",
        "the",
        "your",
        "you",
        "to",
        "hoi",
        "hallo",
        "dag",
        "bedankt",
        "graag",
        "ja",
        "nee",
        "goedendag",
        "welkom",
        "kun",
        "kan",
        "wat",
        "welk",
        "welke",
        "je",
        "jouw",
        "uw",
        "de",
        "het",
        "om",
        "ik",
        # question and modal words that start a bot's question: "May I have ..." / "Would you ..."
        "may",
        "might",
        "would",
        "should",
        "shall",
        "will",
        "do",
        "does",
        "did",
        "are",
        "how",
        "where",
        "when",
        "who",
        "why",
        "mag",
        "wil",
        "wilt",
        "kunt",
        "zou",
        "gaat",
        "heeft",
        "heb",
        "ben",
        "bent",
        "hoe",
        "waar",
        "waarmee",
        "wanneer",
        "wie",
        "waarom",
        "on",
        "op",
    }
)


def contrast(a: TextFeatures, b: TextFeatures) -> str | None:
    """Why two near-identical texts are still different messages, or None."""
    critical_a, critical_b = _negations_merged(a.critical), _negations_merged(b.critical)
    only_a, only_b = critical_a - critical_b, critical_b - critical_a
    # A replaced number, date or name ("March 5th" / "March 12th"), or a negation added or
    # dropped ("do" / "do not"), changes the message; a date merely added ("... today?") does not.
    if (only_a and only_b) or _NOT in only_a | only_b:
        differing = sorted(w for w in only_a | only_b if w != _NOT) or ["not"]
        return f"differs in {', '.join(differing[:3])}"
    fillers = filler_words()
    words_a, words_b = set(a.norm.split()), set(b.norm.split())
    # A capitalised word on one side only is a name ("Tom" / "Anna from billing will call you
    # back"), unless the other text has the word too, in any form ("Beschrijf wat er misging"
    # / "Kun je beschrijven wat er misging?").
    names = {
        w
        for w in a.capitalised ^ b.capitalised
        if w.lower().split("'")[0] not in _NOT_NAMES | fillers
        and not (_has_form(w.lower(), words_a) and _has_form(w.lower(), words_b))
    }
    if names:
        return f"differs in {', '.join(sorted(names)[:3])}"
    for word in words_a - words_b:
        for other in words_b - words_a:
            for prefix in contrast_prefixes():
                if word == prefix + other or other == prefix + word:
                    return f"differs in {other} / {word}"
    # A question or modal word on one side only asks something else: "Do you want to cancel
    # your order?" / "Why do you want to cancel your order?", "Did you restart the router?" /
    # "Should I restart the router?".
    asked = (set(a.semantic) ^ set(b.semantic)) & _QUESTION_WORDS
    if asked:
        return f"differs in {sorted(asked)[0]}"
    # One content word swapped for another: "delivery" / "billing address", "first" / "last
    # name", "cancel" / "keep your subscription", "email" / "text message".
    forms_a, forms_b = word_forms(a.semantic), word_forms(b.semantic)
    swapped_a = [w for w in a.semantic if not has_form(w, forms_b)]
    swapped_b = [w for w in b.semantic if not has_form(w, forms_a)]
    if swapped_a and swapped_b:
        return f"differs in {swapped_a[0]} / {swapped_b[0]}"
    return None


_NOT = "not"
_QUESTION_WORDS = frozenset(
    {
        "why",
        "how",
        "where",
        "who",
        "should",
        "shall",
        "must",
        "waarom",
        "hoe",
        "waar",
        "wie",
        "waarmee",
        "waarvoor",
        "moet",
        "moeten",
    }
)


def _has_form(word: str, words: set[str]) -> bool:
    # A capitalised word is a form of a word of the other text only when one starts with the
    # other ("Upload" / "uploaden"): "Christina" / "Christine" are two people.
    return any(other.startswith(word) or word.startswith(other) for other in words if len(other) >= STEM_LETTERS)


def _negations_merged(tokens: frozenset[str]) -> set[str]:
    """Critical tokens with every negation as "not": "don't" and "didn't" say the same."""
    return {_NOT if w in _NEGATIONS or w.endswith("n't") else w for w in tokens}


def candidates(f: TextFeatures, earlier: list[TextFeatures], cutoff: float) -> list[int]:
    """Earlier texts that nearly repeat ``f``: similar at or above the cutoff, or the same
    words with at most three added on one side ("... help you with today?")."""
    found = []
    norm = f.norm
    for index, other in enumerate(earlier):
        # Bot texts are mostly templates: the same pairs come back in conversation after
        # conversation, and the answer depends on their normalised texts alone.
        key = (norm, other.norm, cutoff)
        similar = _SIMILAR.get(key)
        if similar is None:
            if len(_SIMILAR) > _SIMILAR_LIMIT:
                _SIMILAR.clear()
            similar = _SIMILAR[key] = _similar(f, other, cutoff)
        if similar:
            found.append(index)
    return found


_SIMILAR: dict[tuple[str, str, float], bool] = {}
_SIMILAR_LIMIT = 200_000  # pairs remembered


def _similar(f: TextFeatures, other: TextFeatures, cutoff: float) -> bool:
    # fuzz.ratio cannot reach the cutoff when the lengths differ too much.
    length, other_length = len(f.norm), len(other.norm)
    if 200 * min(length, other_length) / (length + other_length) >= cutoff and fuzz.ratio(
        f.norm, other.norm, score_cutoff=cutoff
    ):
        return True
    words, other_words = f.word_set, other.word_set
    small, large = (words, other_words) if len(words) <= len(other_words) else (other_words, words)
    if len(small) >= 4 and len(large) - len(small) <= 3 and small <= large:
        return True
    # The same question in other words: "Could you tell me your order number?" /
    # "Can you please give me your order number?" have the same content words; "I didn't
    # quite get that, can you say it differently?" / "Sorry, I didn't understand that. Could
    # you say it in a different way?" nearly the same (a share of the content words both
    # texts have, at least two of them shared).
    key, other_key = f.semantic, other.semantic
    if key == other_key:
        return len(key) >= 2 or (len(key) == 1 and len(key[0]) >= STEM_LETTERS)
    shared = shared_words(key, other_key)
    return shared >= _MIN_SHARED and shared >= _SHARED_SHARE * (len(key) + len(other_key) - shared)


_MIN_SHARED = 2
_SHARED_SHARE = 0.6  # of the content words either text has ("by email" / "by post": 0.5)
