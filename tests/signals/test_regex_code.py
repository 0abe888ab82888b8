"""The shipped compiled regex code (regex_code.marshal) makes the patterns re.compile makes, and is
never used under another Python."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from cxreview.signals import regex_code
from cxreview.signals.cue_facts import all_patterns
from cxreview.signals.cue_index import compile_patterns

REMAKE = "run `python -m cxreview.signals.regex_code` and commit cxreview/signals/regex_code.marshal"
_DRIFT = 30  # cue patterns the file may lack (compiled as before: start-up time, not truth)


def _entries() -> dict:
    data = marshal.loads(regex_code.CODE_FILE.read_bytes())
    if data["python"] != regex_code.PYTHON:
        pytest.skip(f"the file was made by Python {data['python']}, not this one ({regex_code.PYTHON})")
    return data["code"]


def test_every_shipped_pattern_is_what_re_compile_makes() -> None:
    entries = _entries()
    fresh = regex_code.make()  # the file made again: every key with what it was made of
    sources = dict(regex_code.sources)
    known = [key for key in entries if key in fresh]
    assert len(entries) > 2000
    assert len(entries) - len(known) <= _DRIFT, f"{len(entries) - len(known)} entries are no regex now: {REMAKE}"
    assert len(fresh) - len(known) <= _DRIFT, f"{len(fresh) - len(known)} regexes are not in the file: {REMAKE}"
    wrong = []
    for key in known:
        head, *rest = sources[key]
        if head == "ascii":  # the compiled parts of an ASCII search, and how they are put together
            entry, made = entries[key], fresh[key]
            same = entry[0] == made[0] and [regex_code.build(None, e) for e in entry[1:]] == [
                regex_code.build(None, e) for e in made[1:]
            ]
        else:
            # Pattern equality compares the flags, the pattern's text and the compiled code.
            pattern, flags = rest[0], int(head)
            built, compiled = regex_code.build(pattern, entries[key]), re.compile(pattern, flags)
            same = built == compiled and built.groupindex == compiled.groupindex and built.groups == compiled.groups
        if not same:
            wrong.append(sources[key])
    assert not wrong, f"{len(wrong)} shipped patterns differ from a fresh compile ({wrong[0]!r}): {REMAKE}"


def test_the_file_holds_the_cue_patterns() -> None:
    entries = _entries()
    flags = str(int(re.IGNORECASE | re.MULTILINE))
    missing = [p for p in all_patterns() if regex_code.key_of(flags, compile_patterns([p]).pattern) not in entries]
    assert len(missing) <= _DRIFT, f"{len(missing)} cue patterns are not in the file ({missing[0]!r}): {REMAKE}"


def test_a_file_of_another_python_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = r"(?<!\w)(?:not (working|fixed))(?!\w)", int(re.IGNORECASE)
    key = regex_code.key_of(str(flags), pattern)
    _, entry = regex_code.compile_tree(pattern, flags)
    wrong = (entry[0], b"not code", *entry[2:])  # a damaged entry
    path = tmp_path / "regex_code.marshal"
    monkeypatch.setattr(regex_code, "CODE_FILE", path)
    for python, table_entry, used in (("2.7 sre 0 4", wrong, False), (regex_code.PYTHON, entry, True)):
        path.write_bytes(marshal.dumps({"python": python, "code": {key: table_entry}}))
        monkeypatch.setattr(regex_code, "_table", None)
        assert (regex_code.lookup(key) is not None) is used
        assert regex_code.compile_pattern(pattern, flags) == re.compile(pattern, flags)
    # A damaged entry is compiled again.
    path.write_bytes(marshal.dumps({"python": regex_code.PYTHON, "code": {key: wrong}}))
    monkeypatch.setattr(regex_code, "_table", None)
    assert regex_code.compile_pattern(pattern, flags) == re.compile(pattern, flags)
