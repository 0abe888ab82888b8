"""The customer saying the bot sent the same answer again rejects it (blind17, read after
its count): "same link again", "die pagina heb ik al gelezen"; a page that loads again, or a
page read and praised, rejects nothing."""

from __future__ import annotations

import pytest

from cxreview.signals.features import message_features


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("same link again. there are TWO devices in the list", "en"),
        ("you already sent me that link twice", "en"),
        ("weer dezelfde link", "nl"),
        ("ja die pagina heb ik gelezen. waar zie ik mijn teruglevering", "nl"),
    ],
)
def test_the_same_answer_again_is_rejected(text: str, language: str) -> None:
    assert "rejection" in message_features("customer", text, language).cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the same page again loads when I click", "en"),
        ("I'd like the same answer as before on the form", "en"),
        ("die pagina heb ik gelezen, heel duidelijk", "nl"),
        ("die site heb ik gezien, mooi ontwerp", "nl"),
    ],
)
def test_a_page_or_praise_rejects_nothing(text: str, language: str) -> None:
    assert "rejection" not in message_features("customer", text, language).cues


def test_asking_for_the_same_link_again_rejects_nothing() -> None:
    for text in ("Could you send me the same link again? I deleted the email.", "can you resend the same link again"):
        assert "rejection" not in message_features("customer", text, "en").cues
