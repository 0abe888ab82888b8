"""The review app's start path imports only what its first screen needs (issue 18's start-up
target): YAML, click and libphonenumber wait until something uses them, and so do the
record dataclasses and the AutoQA models' store (defining dataclasses costs start-up)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cxreview.signals.config import load_config, repeat_contact_days
from tests.conftest import PACKAGE_PARENT

START = """
import sys
from pathlib import Path
from pathlib import Path
from cxreview.tui.app import ReviewApp
from cxreview.tui.screens.review import ReviewScreen
from cxreview.tui.keymap import keymap_path, load_keymap
from cxreview.signals.config import repeat_contact_days
from cxreview.privacy import mask_pii
repeat_contact_days()
load_keymap(Path(sys.argv[1]) / "no-keymap.yaml")
keymap_path()
mask_pii("order 12 of 3 items, mail ana@example.com")
print(sorted(m for m in ("yaml", "click", "phonenumbers", "cxreview.records", "cxreview.store.autoqa") if m in sys.modules))
"""


def test_start_path_leaves_yaml_click_phonenumbers_and_records_unloaded(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path)], capture_output=True, text=True, cwd=PACKAGE_PARENT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_repeat_contact_window_read_without_yaml_equals_the_parsed_config() -> None:
    assert repeat_contact_days() == load_config()["repeat_contact"]["days"]
