"""The compiled code of the cue regexes, made once and shipped as data.

Python compiles a regex in two steps written in Python (the parser and the code
generator, `re._parser` and `re._compiler`) and a third in C (`_sre.compile`, which
takes the code, a list of integers, and checks it). The first two were about a fifth
of the analysis of 10,000 messages: the cue patterns met (each alone, and its faster
search of ASCII texts, see `cue_search`) and the alternations of the cues.yaml sections,
~900 regexes and ~200,000 characters of pattern text, parsed and compiled again in every
run (and the cue patterns in every worker). The code depends only on the pattern's text,
its flags and the Python that compiles it, so it is made ahead and shipped in
`regex_code.marshal`, and a pattern found there is made by `_sre.compile` alone:

- keyed by a digest of the pattern's exact text and flags (the ASCII searches by the
  pattern and its tail, see `cue_search.compile_ascii_search`): a pattern missing from the
  file (a cue edited since) is compiled as before, never guessed;
- the file names the Python that made it (version, `_sre.MAGIC`, code size): under any
  other Python it is not used at all, and everything is compiled as before;
- the compiled pattern is the same object re.compile makes (`==` compares the flags,
  the pattern text and the code): `tests/signals/test_regex_code.py` checks every entry.

Make it again after editing cue patterns (stale entries cost start-up time, not truth):
    python -m cxreview.signals.regex_code
"""

from __future__ import annotations

import _sre
import array
import hashlib
import importlib
import json
import marshal
import re
import sys
import zlib
from pathlib import Path
from typing import Any

_NEW_RE = sys.version_info >= (3, 11)
_parser: Any = importlib.import_module("re._parser" if _NEW_RE else "sre_parse")
_compiler: Any = importlib.import_module("re._compiler" if _NEW_RE else "sre_compile")

CODE_FILE = Path(__file__).with_name("regex_code.marshal")
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]} sre {_sre.MAGIC} {_sre.CODESIZE}"
_TYPECODE = "I" if array.array("I").itemsize == _sre.CODESIZE else "L"

# key -> (flags, code as zlib-compressed bytes, groups, groupindex, indexgroup): see `_entry`.
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
_table: dict[bytes, Any] | None = None
recording: dict[bytes, Any] | None = None  # set while the file is being made
sources: dict[bytes, tuple[str, ...]] = {}  # what each recorded key was made of


def _shipped() -> dict[bytes, Any]:
    global _table
    if recording is not None:  # making the file: everything compiled
        return {}
    if _table is None:
        _table = {}
        try:
            data = marshal.loads(CODE_FILE.read_bytes())
            if data.get("python") == PYTHON and array.array(_TYPECODE).itemsize == _sre.CODESIZE:
                _table = data["code"]
        except (OSError, ValueError, EOFError, TypeError, AttributeError):
            pass
    return _table


def key_of(*parts: str) -> bytes:
    """The file's key of a regex: a digest of what makes it (flags and pattern, or "ascii",
    the tail and the pattern), so that the file does not hold every pattern's text again."""
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def lookup(key: bytes) -> Any:
    """The shipped entry of ``key`` (None when there is none)."""
    return _shipped().get(key)


def record(key: bytes, entry: Any, *source: str) -> None:
    """Keep an entry made while the file is being made (``source``: what `key_of` read)."""
    if recording is not None:
        recording[key] = entry
        sources[key] = source


def build(pattern: str | None, entry: Entry) -> re.Pattern[str]:
    """The compiled pattern of a shipped entry (``pattern``: its text, None for a tree)."""
    flags, packed, groups, groupindex, indexgroup = entry
    code = array.array(_TYPECODE, zlib.decompress(packed)).tolist()
    return _sre.compile(pattern, flags, code, groups, dict(groupindex), indexgroup)


def compile_pattern(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` (``flags``: a plain int), from the shipped code
    when the file has it."""
    key = key_of(str(flags), pattern)
    entry = _shipped().get(key)
    if entry is not None:
        try:
            return build(pattern, entry)
        except (RuntimeError, TypeError, ValueError, zlib.error):  # not this Python's code after all
            pass
    if recording is not None:
        compiled, entry = compile_tree(pattern, flags)
        record(key, entry, str(flags), pattern)
        return compiled
    return re.compile(pattern, flags)


def compile_tree(tree: Any, flags: int) -> tuple[re.Pattern[str], Entry]:
    """``re._compiler.compile(tree, flags)`` (``tree``: a parsed pattern or its text), and
    its entry for the file: the same steps, with the code kept."""
    pattern = tree if isinstance(tree, str) else None
    if pattern is not None:
        tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[Any] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (
        flags | tree.state.flags,
        zlib.compress(array.array(_TYPECODE, code).tobytes(), 9),
        tree.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return build(pattern, entry), entry


def make() -> dict[bytes, Any]:
    """Every regex an analysis compiles from cues.yaml, in every language with a lexicon:
    each cue pattern alone and its ASCII search, every section the rules read (compiled
    before forking), and whatever else the analysis of the demo conversations compiles."""
    global recording
    from cxreview.signals import cue_index, cue_search, lexicon
    from cxreview.signals.config import load_config
    from cxreview.signals.conversation import analyze
    from cxreview.signals.cue_facts import all_patterns, facts_of
    from cxreview.signals.features import message_features, warm_up

    recording = {}
    sources.clear()
    _forget_compiled()
    try:
        for pattern in all_patterns():
            cue_index.compile_patterns([pattern])
            if facts_of(pattern).fast:
                cue_search.compile_ascii_search(pattern, cue_search.affixes(pattern)[1])
        warm_up(lexicon.LANGUAGES)
        for language in lexicon.LANGUAGES:
            for section in _SECTIONS:
                getattr(lexicon, section)(language)
        demo = Path(__file__).parents[2] / "samples" / "demo.jsonl"
        if demo.exists():
            config = load_config()
            for line in demo.read_text(encoding="utf-8").splitlines():
                conversation = json.loads(line)
                language = conversation.get("language") or "en"
                messages = [
                    (i, m["role"], m.get("at"), message_features(m["role"], m["text"], language))
                    for i, m in enumerate(conversation["messages"], start=1)
                ]
                analyze(conversation["id"], language, messages, config)
        return dict(recording)
    finally:
        recording = None


def _forget_compiled() -> None:
    """Empty the signal modules' caches (compiled sections, indexes, ASCII searches), so
    that making the file compiles everything again even in a process that compiled some
    of it already (the tests)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("cxreview.signals.") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


# The sections of cues.yaml compiled per language (lexicon.py), beside those warm_up compiles.
_SECTIONS = (
    "repeat_contact",
    "reasks",
    "told_before",
    "contacted_before",
    "contacted_before_vetoes",
    "public_nudge",
    "public_identity",
    "follow_up_nudge",
    "bot_fallback",
    "rejects_options",
    "loop_statement",
)


def main() -> None:
    from cxreview.signals import regex_code  # run as __main__, this module is another copy

    code = regex_code.make()
    CODE_FILE.write_bytes(marshal.dumps({"python": PYTHON, "code": dict(sorted(code.items()))}))
    print(f"{len(code)} regexes ({PYTHON}) -> {CODE_FILE} ({CODE_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
