"""Find the rubrics and demo corpus shipped with cxreview, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the shipped folder ``name`` ("rubrics" or "samples").

    A wheel carries them under ``cxreview/_bundled``; a source checkout or an
    editable install has them at the top of the repository.
    """
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
