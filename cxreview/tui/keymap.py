"""The user's keymap: remap any key of the app by its binding id, as Posting and Harlequin do.

The file is ``keymap.yaml`` in the user's config folder (``~/.config/cxreview/`` on Linux,
the platform's equivalent elsewhere; ``XDG_CONFIG_HOME`` is honoured)::

    review.submit: ctrl+s        # binding id: key, or several keys separated by commas
    review.na: x,period
    queue.filter: f

Mistakes never stop the app: each is reported at start with file:line:column, and the
entries that are valid still apply.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from cxreview.errors import InputError

KEYMAP_FILE = "keymap.yaml"
# A key as Textual names it: a letter or other single character, or names joined with "+"
# ("ctrl+s", "shift+down", "f5", "question_mark").
_KEY = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[a-z0-9_]+|[^\s,+])$")


def keymap_path() -> Path:
    """Where the user's keymap lives (it need not exist): the folder ``click.get_app_dir``
    names, found here without importing click, which the app's start does not need
    otherwise (a test checks both agree)."""
    if sys.platform.startswith("win"):
        folder = os.environ.get("APPDATA", os.path.expanduser("~"))
    elif sys.platform == "darwin":
        folder = os.path.expanduser("~/Library/Application Support")
    else:
        folder = os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    return Path(folder) / "cxreview" / KEYMAP_FILE


def all_bindings() -> dict[str, Any]:
    """Every binding of the app by id (imported here: the screens load lazily elsewhere)."""
    from cxreview.tui.app import ReviewApp
    from cxreview.tui.screens.compare import CompareModal
    from cxreview.tui.screens.disputes import DisputesScreen
    from cxreview.tui.screens.drill import ConversationScreen, DrillScreen, SessionChoice
    from cxreview.tui.screens.help import HelpScreen
    from cxreview.tui.screens.insights import FilterModal, InsightsScreen
    from cxreview.tui.screens.long_message import LongMessageScreen
    from cxreview.tui.screens.modals import NoteModal, RootCauseModal
    from cxreview.tui.screens.picker import SessionPickerScreen
    from cxreview.tui.screens.queue import QueueScreen
    from cxreview.tui.screens.review_keys import REVIEW_BINDINGS

    found: dict[str, Any] = {}
    holders = (
        ReviewApp,
        SessionPickerScreen,
        QueueScreen,
        InsightsScreen,
        FilterModal,
        HelpScreen,
        NoteModal,
        RootCauseModal,
        CompareModal,
        LongMessageScreen,
        DisputesScreen,
        DrillScreen,
        ConversationScreen,
        SessionChoice,
    )
    for bindings in (REVIEW_BINDINGS, *(getattr(h, "BINDINGS", []) for h in holders)):
        for binding in bindings:
            binding_id = getattr(binding, "id", None)
            if binding_id:
                found.setdefault(str(binding_id), binding)
    return found


def load_keymap(path: Path) -> tuple[dict[str, str], list[str]]:
    """The valid entries of the keymap file and one line per mistake (file:line:col: what
    and how to fix it). A missing file is an empty keymap, not a mistake."""
    if not path.exists():
        return {}, []
    # YAML is imported only when there is a keymap to read: most people have none, and the
    # import is a measurable part of the app's start.
    import yaml

    from cxreview.yaml_check import YamlChecker, compose, did_you_mean

    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = compose(text, name, InputError, "keymap")
    except InputError as error:
        return {}, [error.one_line()]
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{name}: cannot read the keymap ({error}); save it as UTF-8 text"]
    if root is None:
        return {}, []
    check = YamlChecker(name)
    known = all_bindings()
    keymap: dict[str, str] = {}
    taken: dict[tuple[str, str], str] = {}  # (screen, key) -> binding id that has it
    for binding_id, (key_node, value_node) in check.mapping(root, None, "the keymap").items():
        if binding_id not in known:
            check.add(key_node, f'unknown binding id "{binding_id}"; {did_you_mean(binding_id, known, "ids")}')
            continue
        if not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            check.add(value_node, f'"{binding_id}" needs a key such as ctrl+s (several: "f,ctrl+f")')
            continue
        keys = [k.strip() for k in str(value_node.value).split(",")]
        bad = [k for k in keys if not _KEY.match(k)]
        if bad:
            check.add(value_node, f'"{bad[0]}" is not a key name; write keys like ctrl+s, shift+down, f5 or x')
            continue
        screen = binding_id.split(".")[0]
        clash = next((taken[(screen, k)] for k in keys if (screen, k) in taken), None)
        if clash:
            check.add(value_node, f'"{binding_id}" and "{clash}" both want the same key; give each its own')
            continue
        taken.update({(screen, k): binding_id for k in keys})
        keymap[binding_id] = ",".join(keys)
    return keymap, check.problems
