"""A value sent again because the bot asked again has no tone of its own: the loop is the
bot's flag, the customer's re-sent value is not a frustrated message."""

from __future__ import annotations

import pytest

from cxreview.signals.conversation import _plain_resend
from cxreview.signals.features import text_features
from tests.signals.test_loops import CONFIG, loop_flag, run


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("AC20419877", True),
        ("07700 900431", True),
        ("1234 AB", True),
        ("a.ferreira@outlook.com", True),
        ("The Matrix", False),  # an answer in words keeps its context
        ("I SAID AC20419877", False),
        ("AC20419877!!", False),
        ("i already gave it: AC20419877", False),
    ],
)
def test_plain_resend(text: str, plain: bool) -> None:
    assert _plain_resend(text_features(text, "en", True)) is plain


def test_value_sent_again_in_a_loop_is_not_frustrated() -> None:
    result = run(
        [
            ("bot", "Please enter your account number."),
            ("customer", "AC20419877"),
            ("bot", "Sorry, I didn't get that. What is your account number?"),
            ("customer", "AC20419877"),
            ("bot", "Could you please provide your account number?"),
            ("customer", "AC20419877"),
            ("bot", "What is your account number?"),
            ("customer", "I already gave it to you three times!! AC20419877"),
        ]
    )
    assert loop_flag(result) is not None
    threshold = CONFIG["frustration"]["frustrated_at"]
    resent = [result.messages[i].frustration or 0.0 for i in (3, 5)]
    assert max(resent) < threshold, resent
    assert (result.messages[7].frustration or 0.0) >= threshold
