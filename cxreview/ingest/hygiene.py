"""Text hygiene for importers: the rules live in :mod:`cxreview.hygiene` (a bottom layer, so
rubrics, sampling and reviews clean names with the same rules); importers use them from here."""

from cxreview.hygiene import clean_for_terminal, clean_name, clean_optional, clean_text

__all__ = ["clean_for_terminal", "clean_name", "clean_optional", "clean_text"]
