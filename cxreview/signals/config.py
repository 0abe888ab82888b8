"""Signal thresholds and weights, read from YAML (the shipped default or the user's copy)."""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from cxreview.errors import InputError

DEFAULT_CONFIG_PATH = Path(__file__).with_name("default_config.yaml")
# The repeat-contact window as the shipped file writes it (see repeat_contact_days).
_REPEAT_DAYS = re.compile(r"^repeat_contact:[ \t]*(?:#.*)?\n[ \t]+days:[ \t]*(\d+)[ \t]*(?:#.*)?$", re.MULTILINE)


def default_config_text() -> str:
    return DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """The default config, with the values of ``path`` (if given) laid over it."""
    # YAML is imported here, not with the module: the review app needs only the
    # repeat-contact window at start, and the import is a measurable part of its start.
    import yaml

    from cxreview.yaml_check import check_yaml

    # The shipped file with libyaml's parser when there is one (a tenth of the time); a
    # user's file below goes through the checked safe_load.
    config = yaml.load(default_config_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if path is None:
        return config
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
        check_yaml(text, name, "signals config", InputError)  # alias bombs, deep nesting, tags: refused unbuilt
        override = yaml.safe_load(text)
    except FileNotFoundError:
        raise InputError(
            f"{name}: no such config file", "print the defaults with 'cxreview analyze --show-config'"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise InputError(f"{where}: YAML syntax error", "check indentation around that spot") from None
    if override is None:
        return config
    problems: list[str] = []
    _merge(config, override, name, "", problems)
    if problems:
        raise InputError(
            f"{name}: {len(problems)} unknown or invalid setting(s)",
            "compare with 'cxreview analyze --show-config'",
            problems=problems,
        )
    return config


def _merge(base: dict[str, Any], override: Any, name: str, prefix: str, problems: list[str]) -> None:
    if not isinstance(override, dict):
        problems.append(f"{name}: {prefix or 'the file'} must be a mapping")
        return
    for key, value in override.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if key not in base:
            problems.append(f"{name}: unknown setting {path}")
        elif isinstance(base[key], dict):
            _merge(base[key], value, name, path, problems)
        elif not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            problems.append(f"{name}: {path} must be a number of 0 or more (got {value!r})")
        else:
            base[key] = value


@functools.lru_cache(maxsize=1)
def repeat_contact_days() -> int:
    """The repeat-contact window of the shipped config (insights default, review screen).

    Read from the shipped file's text when it is written as usual (the review app needs only
    this number at start, and importing and running a YAML parser for it was a measurable
    part of that start); parsed in full otherwise. A test checks both give the same."""
    match = _REPEAT_DAYS.search(default_config_text())
    if match is not None:
        return int(match.group(1))
    return int(_default_config()["repeat_contact"]["days"])


@functools.lru_cache(maxsize=1)
def _default_config() -> dict[str, Any]:
    return load_config()


def config_hash(config: dict[str, Any]) -> str:
    """Changes when a threshold changes, so stale signals can be found."""
    return hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:12]


def copy_config(config: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(config)
