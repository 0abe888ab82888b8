"""The core never imports textual: each core module is imported in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import cxreview
from tests.conftest import PACKAGE_PARENT

CORE = sorted(
    m.name
    for m in pkgutil.walk_packages(cxreview.__path__, "cxreview.")
    if not m.name.startswith("cxreview.tui") and m.name not in ("cxreview.__main__",)
)


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_load_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE_PARENT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False", f"{module} imports textual"
