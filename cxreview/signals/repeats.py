"""Repeats: a bot message that nearly repeats an earlier one, and the near misses that
make two similar texts different messages (another number, date, name or negation)."""

from __future__ import annotations

from rapidfuzz import fuzz

from cxreview.signals.features import TextFeatures
from cxreview.signals.lexicon import contrast_prefixes

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
    }
)


def contrast(a: TextFeatures, b: TextFeatures) -> str | None:
    """Why two near-identical texts are still different messages, or None."""
    only_a, only_b = a.critical - b.critical, b.critical - a.critical
    # A replaced number, date or name ("March 5th" / "March 12th"), or a negation added or
    # dropped ("do" / "do not"), changes the message; a date merely added ("... today?") does not.
    if (only_a and only_b) or any(w in _NEGATIONS or w.endswith("n't") for w in only_a | only_b):
        differing = sorted(only_a | only_b)
        return f"differs in {', '.join(differing[:3])}"
    names = {w for w in a.capitalised ^ b.capitalised if w.lower().split("'")[0] not in _NOT_NAMES}
    if names and not all(w.lower() in a.norm.split() and w.lower() in b.norm.split() for w in names):
        return f"differs in {', '.join(sorted(names)[:3])}"
    words_a, words_b = set(a.norm.split()), set(b.norm.split())
    for word in words_a - words_b:
        for other in words_b - words_a:
            for prefix in contrast_prefixes():
                if word == prefix + other or other == prefix + word:
                    return f"differs in {other} / {word}"
    return None


def candidates(f: TextFeatures, earlier: list[TextFeatures], cutoff: float) -> list[int]:
    """Earlier texts that nearly repeat ``f``: similar at or above the cutoff, or the same
    words with at most three added on one side ("... help you with today?")."""
    found = []
    words = f.word_set
    length = len(f.norm)
    for index, other in enumerate(earlier):
        # fuzz.ratio cannot reach the cutoff when the lengths differ too much.
        other_length = len(other.norm)
        if 200 * min(length, other_length) / (length + other_length) >= cutoff and fuzz.ratio(
            f.norm, other.norm, score_cutoff=cutoff
        ):
            found.append(index)
            continue
        other_words = other.word_set
        small, large = (words, other_words) if len(words) <= len(other_words) else (other_words, words)
        if len(small) >= 4 and len(large) - len(small) <= 3 and small <= large:
            found.append(index)
            continue
        # The same question in other words: "Could you tell me your order number?" /
        # "Can you please give me your order number?" have the same content words.
        if len(f.semantic) >= 2 and f.semantic == other.semantic:
            found.append(index)
    return found
