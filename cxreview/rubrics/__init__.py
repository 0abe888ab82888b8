"""Rubrics: the YAML format QA teams write, its validation, and the score formula."""

from cxreview.rubrics.loader import load_rubric, resolve_rubric
from cxreview.rubrics.model import Criterion, Critical, Rubric

__all__ = ["Critical", "Criterion", "Rubric", "load_rubric", "resolve_rubric"]
