"""Validation helpers for the YAML files people write (rubrics, import mappings): file:line:col and "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

import yaml

from cxreview.errors import InputError

SHOWN_PROBLEMS = 50  # the first this many problems are listed; the count says how many more


def compose(text: str, name: str, error: type[InputError] = InputError, what: str = "file") -> yaml.Node | None:
    """The YAML node tree of ``text``; a syntax error becomes ``error`` with file:line:column.

    ``check_yaml`` runs first: a hostile file is refused before any node is built.
    """
    check_yaml(text, name, what, error)
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as exc:
        raise syntax_error(exc, name, error) from None


def syntax_error(exc: yaml.YAMLError, name: str, error: type[InputError] = InputError) -> InputError:
    """A YAML syntax error as one line with file:line:column."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
    problem = getattr(exc, "problem", None) or str(exc)
    return error(
        f"{where}: YAML syntax error: {problem}", "check indentation and quoting around that spot", problems=[]
    )


# Limits for YAML people write. A small file can still be hostile: an alias bomb
# (``a: &a [*b, *b, ...]``) expands to billions of values, 100,000 nested brackets overflow
# the recursive composer, and ``!!python/object`` tags ask for code. ``check_yaml`` reads the
# parser's flat event stream (nothing built, no recursion) and refuses such files.
MAX_BYTES = 1_000_000  # a rubric or mapping is a few kB; 1 MB leaves room for long guidance
MAX_NODES = 20_000  # counted with every alias expanded
MAX_DEPTH = 16  # a rubric nests 5 deep (criteria > criterion > anchors > level)
# Standard tags that only ever build plain data; anything else (python/object, custom !tags) is refused.
SAFE_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")} | {"!"}
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: fast


def check_yaml(text: str, name: str, what: str = "file", error: type[InputError] = InputError) -> None:
    """Raise ``error`` if ``text`` is too large, too deep, expands too far or uses unsafe tags."""
    if len(text) > MAX_BYTES:
        raise error(
            f"{name}: the {what} is {len(text):,} characters; the limit is {MAX_BYTES:,}",
            f"a {what} is a few kilobytes: check that this is the right file",
            problems=[],
        )
    expanded, depth = 0, 0
    sizes: dict[str, int] = {}  # anchor -> expanded value count
    open_starts: list[tuple[str | None, int]] = []
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            if isinstance(event, yaml.AliasEvent):
                expanded += sizes.get(event.anchor or "", 1)
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                _check_tag(event, name, what, error)
                expanded += 1
                if isinstance(event, yaml.ScalarEvent):
                    if event.anchor:
                        sizes[event.anchor] = 1
                else:
                    depth += 1
                    if depth > MAX_DEPTH:
                        raise error(
                            f"{_where(name, event)}: the {what} nests more than {MAX_DEPTH} levels deep",
                            "a rubric or mapping needs about 5; check the brackets and indentation",
                            problems=[],
                        )
                    open_starts.append((event.anchor, expanded))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, start = open_starts.pop()
                if anchor:
                    sizes[anchor] = expanded - start + 1
            if expanded > MAX_NODES:
                raise error(
                    f"{_where(name, event)}: the {what} holds more than {MAX_NODES:,} values "
                    "(counting every value an alias * repeats)",
                    f"a {what} needs a few hundred; do not nest aliases, and check that this is the right file",
                    problems=[],
                )
    except yaml.YAMLError as exc:  # libyaml also stops 1,000 levels deep here
        raise syntax_error(exc, name, error) from None


def _check_tag(event: Any, name: str, what: str, error: type[InputError]) -> None:
    tag = event.tag
    if tag is None or tag in SAFE_TAGS:
        return
    raise error(
        f'{_where(name, event)}: the YAML tag "{tag[:60]}" is not allowed',
        f"remove the tag: a {what} holds plain text, numbers, lists and mappings",
        problems=[],
    )


def _where(name: str, event: Any) -> str:
    mark = event.start_mark
    return f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name


def short(value: object) -> str:
    """A value for an error message, never the whole of a (possibly huge) structure."""
    if isinstance(value, (dict, list, tuple, set)):
        return f"a {type(value).__name__} of {len(value)}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def did_you_mean(word: str, choices: Iterable[object], what: str = "allowed keys") -> str:
    """'did you mean "x"?' for a near miss, else the choices (the first dozen)."""
    unique = dict.fromkeys(str(c) for c in choices)  # keeps the given order
    options = sorted(unique) if isinstance(choices, (set, frozenset)) else list(unique)
    guess = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if guess:
        return f'did you mean "{guess[0]}"?'
    shown = ", ".join(options[:20]) + (", ..." if len(options) > 20 else "")
    return f"{what}: {shown}" if options else "nothing to choose from"


class YamlChecker:
    """Collects every mistake of one file, each with the line and column of its node."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []

    def add(self, node: yaml.Node | None, message: str) -> None:
        if node is None:
            self.problems.append(f"{self.path}: {message}")
        else:
            self.problems.append(f"{self.path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: {message}")

    def mapping(
        self, node: yaml.Node, allowed: tuple[str, ...] | None, what: str
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Keys of a mapping node with their key and value nodes; flags unknown and repeated keys.

        ``allowed`` None accepts any key (user-chosen names such as meta fields).
        """
        if not isinstance(node, yaml.MappingNode):
            self.add(node, f"{what} must be a mapping of keys to values")
            return {}
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                self.add(key_node, f'"{key}" appears twice in {what}; keep one')
                continue
            if allowed is not None and key not in allowed:
                # Past the problems anyone reads, skip the (slow) fuzzy match: 9,000 keys took seconds.
                hint = did_you_mean(key, allowed) if len(self.problems) < SHOWN_PROBLEMS else "remove it"
                self.add(key_node, f'unknown key "{key}" in {what}; {hint}')
                continue
            result[key] = (key_node, value_node)
        return result
