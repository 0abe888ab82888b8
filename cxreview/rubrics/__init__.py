"""Rubrics: the YAML format QA teams write, its validation, and the score formula.

The YAML loader is imported on first use (PEP 562): the review app only needs the model of
rubrics stored in the database, and importing YAML cost a tenth of its start.
"""

from typing import Any

from cxreview.rubrics.model import Criterion, Critical, Rubric

__all__ = ["Critical", "Criterion", "Rubric", "load_rubric", "resolve_rubric"]


def __getattr__(name: str) -> Any:
    if name in ("load_rubric", "resolve_rubric"):
        from cxreview.rubrics import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
