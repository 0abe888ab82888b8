"""`person_offer._says_yes`: the agrees patterns matched at the start of a norm."""

from __future__ import annotations


def test_says_yes_matches_at_the_start_as_the_search_finds() -> None:
    """`person_offer._says_yes` matches the ``agrees`` patterns at the start of a norm (all of
    them open with "^"): the same answers as a search, on replies that open with a yes, have one
    later or none."""
    from cxreview.signals.person_offer import _agrees_at_start, _parts, _says_yes

    assert _agrees_at_start("en") and _agrees_at_start("nl")
    texts = [
        "yes please",
        "ok yes please put me through",
        "no not now",
        "i said yes please",
        "well ok that would be great",
        "ja graag",
        "nou ja doe maar",
        "ik wil ja zeggen",
        "yes but not today",
        "",
    ]
    for language in ("en", "nl"):
        parts = _parts(language)
        for text in texts:
            searched = parts["agrees"].search(text) is not None and parts["but_not"].search(text) is None
            assert _says_yes(text, language) == searched, (language, text)
