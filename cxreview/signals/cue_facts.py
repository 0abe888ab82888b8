"""What the cue index needs to know of each cue pattern, made once and shipped as data.

Filing a pattern in the cue index (`cue_index.py`) needs what its parsed regex says about
its matches (`cue_patterns.py`: required words, trigger, punctuation keys) and whether it
has a faster search of ASCII texts (`cue_search.py`). Working that out parses every one
of the ~850 distinct patterns with the regex parser, which is written in Python: about
0.2 s of CPU before an analysis can start, serial, as the analysis builds it before its
workers fork. The answers depend only on the pattern's text and on the code that works
them out, so they are worked out ahead and shipped in `cue_facts.json`:

- keyed by the pattern's text: a pattern missing from the file (a cue edited since) is
  worked out when the index is built, as before, never guessed;
- the file names a fingerprint of the code that made it (those three modules and this
  one): when that code changes, the file is not used at all until it is made again;
- `tests/signals/test_cue_facts.py` checks that every pattern in the file has the facts
  a fresh computation gives, and that the file holds the patterns of `cues.yaml` (a few
  added or removed since it was made are tolerated: they cost start-up time, not truth).

Make it again after editing cue patterns:
    python -m cxreview.signals.cue_facts
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from cxreview.signals.cue_patterns import (
    LETTER,
    Trigger,
    gate_of,
    matches_without_letters,
    parse_pattern,
    possible_keys,
    required_characters,
    required_words,
    trigger_of,
)
from cxreview.signals.cue_search import affixes, has_ascii_search

FACTS_FILE = Path(__file__).with_name("cue_facts.json")
# The code whose answers the file holds; any change to it makes the file unusable.
_CODE = ("cue_patterns.py", "cue_search.py", "cue_facts.py")
_ESCAPE = re.compile(r"\\[a-zA-Z]")
_NONE: frozenset[str] = frozenset()


class PatternFacts(NamedTuple):
    """How the cue index files one pattern (see `CueIndex.__init__`)."""

    clauses: tuple[frozenset[str], ...]  # required_words
    wordless: bool  # no letter outside escapes ("??", ":(", emoji): found by characters only
    letterless: bool  # wordless, or some match may have no letter (matches_without_letters)
    needed: frozenset[str]  # characters every match has (wordless patterns only)
    keys: frozenset[str] | None  # possible_keys (letterless patterns only, else None)
    trigger: Trigger | None  # trigger_of, for patterns with letters
    fast: bool  # has_ascii_search
    gate: str = ""  # gate_of, for patterns without a trigger


def work_out(pattern: str) -> PatternFacts:
    """The facts of one pattern, from its parsed regex."""
    wordless = not LETTER.search(_ESCAPE.sub(" ", pattern.lower()))
    letterless = wordless or matches_without_letters(pattern)
    needed, keys, covered = _NONE, None, False
    if letterless:
        needed = required_characters(pattern) if wordless else _NONE
        keys = possible_keys(pattern)
        # Matches without letters are found by their characters when no character is
        # required and some can be keys (CueIndex files the pattern under each of them).
        covered = not needed and bool(keys)
    trigger = None if wordless else trigger_of(pattern, covered)
    fast = has_ascii_search(parse_pattern(pattern), bool(affixes(pattern)[0]))
    gate = gate_of(pattern) if trigger is None else ""
    return PatternFacts(required_words(pattern), wordless, letterless, needed, keys, trigger, fast, gate)


def facts_of(pattern: str) -> PatternFacts:
    """The facts of a pattern: from the shipped file when it has them, else worked out."""
    found = shipped().get(pattern)
    return work_out(pattern) if found is None else found


def fingerprint() -> str | None:
    """A hash of the code that works the facts out (None when its source is not readable,
    as in a build that ships bytecode only: the file is then not used)."""
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    try:
        for name in _CODE:
            # Line endings normalised: a checkout with CRLF holds the same code.
            digest.update((folder / name).read_bytes().replace(b"\r\n", b"\n"))
    except OSError:
        return None
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def shipped() -> dict[str, PatternFacts]:
    """The facts in the shipped file, when it was made by the code that runs (else none)."""
    try:
        data = json.loads(FACTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    code = fingerprint()
    if not isinstance(data, dict) or code is None or data.get("fingerprint") != code:
        return {}
    try:
        return {pattern: _decoded(row) for pattern, row in data["patterns"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):  # not a file this code wrote
        return {}


def _decoded(row: list[Any]) -> PatternFacts:
    clauses, wordless, letterless, needed, keys, trigger, fast, *gate = row  # a gate only where there is one
    return PatternFacts(
        tuple(frozenset(clause) for clause in clauses),
        wordless,
        letterless,
        frozenset(needed),
        None if keys is None else frozenset(keys),
        None if trigger is None else (frozenset(trigger[0]), frozenset(trigger[1])),
        fast,
        *gate,
    )


def _encoded(facts: PatternFacts) -> list[Any]:
    trigger = facts.trigger
    return [
        [sorted(clause) for clause in facts.clauses],  # the clauses' order kept, as worked out
        facts.wordless,
        facts.letterless,
        sorted(facts.needed),
        None if facts.keys is None else sorted(facts.keys),
        None if trigger is None else [sorted(trigger[0]), sorted(trigger[1])],
        facts.fast,
    ] + ([facts.gate] if facts.gate else [])


def all_patterns() -> list[str]:
    """Every distinct pattern of every cue, in every language's index, and of the anchors of
    a request for a person (`lexicon.person_anchors`, also a cue index) and of its asking frames
    (`lexicon.person_frames`, one more), sorted."""
    from cxreview.signals.lexicon import (  # lexicon imports this module
        LANGUAGES,
        anchor_patterns,
        cue_sources,
        frame_patterns,
    )

    patterns = {p for language in LANGUAGES for patterns in cue_sources(language).values() for p in patterns}
    patterns.update(p for language in LANGUAGES for part in anchor_patterns(language) for p in part)
    patterns.update(p for language in LANGUAGES for part in frame_patterns(language).values() for p in part)
    return sorted(patterns)


def render(patterns: list[str]) -> str:
    """The file's text for ``patterns``: one pattern a line (small diffs, easy merges)."""
    lines = [json.dumps(p, ensure_ascii=False) + ": " + json.dumps(_encoded(work_out(p))) for p in patterns]
    body = ",\n".join("    " + line for line in lines)
    return f'{{\n  "fingerprint": "{fingerprint()}",\n  "patterns": {{\n{body}\n  }}\n}}\n'


def main() -> None:
    patterns = all_patterns()
    FACTS_FILE.write_text(render(patterns), encoding="utf-8")
    print(f"{len(patterns)} cue patterns' facts written to {FACTS_FILE}")


if __name__ == "__main__":
    main()
