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
    # "Can you please give me your order number?" have the same content words.
    return len(f.semantic) >= 2 and f.semantic == other.semantic
