"""Packaging: CI tests the installed package, and the declared dependency floors are real."""

from __future__ import annotations

import inspect
import os
import re
from importlib.metadata import version
from pathlib import Path

import pytest

import cxreview
from tests.conftest import REPO


def _floor(package: str) -> tuple[int, ...]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(rf'"{re.escape(package)}>=([\d.]+)', text)
    assert found, f"pyproject.toml declares no floor for {package}"
    return _parse(found.group(1))


def _parse(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_ci_imports_the_installed_package_not_the_checkout() -> None:
    """.ci/run sets CI=true and runs pytest in importlib mode without the checkout on sys.path,
    so a file left out of the wheel fails the suite instead of being found in the checkout."""
    if os.environ.get("CI") != "true":
        pytest.skip("only in CI (CI=true): a developer's run tests the checkout")
    location = Path(cxreview.__file__).resolve()
    assert "site-packages" in location.parts, f"cxreview was imported from {location}, not from the installed wheel"
    assert location.parent != REPO / "cxreview", "the checkout's cxreview was imported"


def test_installed_textual_meets_the_declared_floor() -> None:
    """The floor is the oldest release the suite passed on (benchmarks/README.md, packaging);
    the review app passes markup=False to notify(), which older releases do not accept."""
    from textual.app import App

    assert _parse(version("textual")) >= _floor("textual")
    assert "markup" in inspect.signature(App.notify).parameters


# Distribution name -> the module it is imported as.
IMPORT_NAMES = {"PyYAML": "yaml", "vaderSentiment": "vaderSentiment", "scikit-learn": "sklearn"}


def test_every_runtime_dependency_is_imported_by_the_package() -> None:
    """No unused runtime dependency: each one in [project] dependencies is imported somewhere
    in cxreview/ (sqlite-utils, used only by a benchmark, lives in the benchmark extra)."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    names = re.findall(r'^\s*"([A-Za-z0-9_.-]+)', block, flags=re.MULTILINE)
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "cxreview").rglob("*.py"))
    for name in names:
        module = IMPORT_NAMES.get(name, name.replace("-", "_"))
        assert re.search(rf"^\s*(?:import|from) {re.escape(module)}\b", source, flags=re.MULTILINE), (
            f"{name} is a runtime dependency that nothing in cxreview/ imports"
        )
    assert "sqlite-utils" not in block
