"""Validation helpers for the YAML files people write (rubrics, import mappings): file:line:col and "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import yaml

from cxreview.errors import InputError


def compose(text: str, name: str, error: type[InputError] = InputError) -> yaml.Node | None:
    """The YAML node tree of ``text``; a syntax error becomes ``error`` with file:line:column."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(
            f"{where}: YAML syntax error: {problem}", "check indentation and quoting around that spot", problems=[]
        ) from None


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
                self.add(key_node, f'unknown key "{key}" in {what}; {did_you_mean(key, allowed)}')
                continue
            result[key] = (key_node, value_node)
        return result
