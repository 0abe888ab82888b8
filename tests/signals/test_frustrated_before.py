"""Frustration carried from the customer's previous message (`frustrated_before`, round 14):
it lifts the next message, never flags one by itself, is carried one message at a time, stays
with the bot when an agent takes over, and shows as a reason in words."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from cxreview.signals.conversation import ConversationSignals
from cxreview.signals.features import text_features
from cxreview.signals.frustration import model
from tests.signals import dialogue

CONFIG = load_config()
FRUSTRATED_AT = CONFIG["frustration"]["frustrated_at"]
ANGRY = "This is ridiculous, I have asked THREE times and nobody helps me!!"


def run(turns: list[tuple[str, str]], language: str = "en") -> ConversationSignals:
    return dialogue.run(turns, language, clock=True)


def scores(result: ConversationSignals) -> list[float]:
    return [m.frustration for m in result.messages if m.frustration is not None]


def test_the_model_weighs_it_and_it_cannot_flag_alone() -> None:
    weight = model().weights["frustrated_before"]
    assert 0 < weight <= 1.75
    # A message with no feature of its own, after a message of frustration 1.0, stays under the flag.
    ceiling = 1 / (1 + 2.718281828 ** -(model().intercept + weight))
    assert ceiling < FRUSTRATED_AT


def test_a_plain_message_after_an_angry_one_scores_higher_than_alone() -> None:
    alone = scores(run([("bot", "What is your postcode?"), ("customer", "ok what do you need from me")]))
    after = run(
        [
            ("bot", "How can I help?"),
            ("customer", ANGRY),
            ("bot", "What is your postcode?"),
            ("customer", "ok what do you need from me"),
        ]
    )
    angry, plain = scores(after)
    assert angry >= FRUSTRATED_AT
    assert plain > alone[0] + 0.05
    assert plain < FRUSTRATED_AT  # carried, not flagged
    shown = after.messages[3]
    assert "frustrated_before" in shown.features
    assert "frustrated in their previous message" in shown.reasons


def test_it_is_carried_one_message_at_a_time() -> None:
    """The second calm message carries the first calm one's mood, not the angry one's again."""
    result = run(
        [
            ("bot", "How can I help?"),
            ("customer", ANGRY),
            ("bot", "Could you tell me the order number?"),
            ("customer", "it is on the invoice somewhere"),
            ("bot", "Thank you. And the e-mail address?"),
            ("customer", "the one I signed up with I think"),
        ]
    )
    angry, first, second = scores(result)
    assert first > second
    assert result.messages[5].features.get("frustrated_before", 0) < result.messages[3].features["frustrated_before"]


def test_a_value_sent_again_keeps_the_mood() -> None:
    """A bare value typed again has no tone: the message after it still carries the anger."""
    turns = [
        ("bot", "What is your order number?"),
        ("customer", "AC20419877"),
        ("bot", "Thanks. What is your order number?"),
        ("customer", ANGRY),
        ("bot", "What is your order number?"),
        ("customer", "AC20419877"),
        ("bot", "I'm checking that for you."),
        ("customer", "ok what do you need from me"),
    ]
    result = run(turns)
    resend, last = result.messages[5], result.messages[7]
    assert "frustrated_before" not in resend.features
    assert last.features.get("frustrated_before", 0) > 0.5


def test_an_agent_is_not_handed_the_bot_phase_mood() -> None:
    bot_phase = [
        ("bot", "How can I help?"),
        ("customer", ANGRY),
        ("bot", "I'll connect you to a colleague."),
    ]
    result = run(
        [*bot_phase, ("agent", "Hi, I'm Sam. What is your postcode?"), ("customer", "ok what do you need from me")]
    )
    assert "frustrated_before" not in result.messages[4].features
    same_phase = run([*bot_phase, ("customer", "ok what do you need from me")])
    assert "frustrated_before" in same_phase.messages[3].features


def test_calm_conversations_carry_almost_nothing() -> None:
    result = run(
        [
            ("agent", "Hi, how can I help?"),
            ("customer", "Hi, I'd like to change my delivery address please."),
            ("agent", "Sure, what is the new address?"),
            ("customer", "12 Mill Lane, Leeds"),
            ("agent", "Done!"),
            ("customer", "Great, thanks a lot!"),
        ]
    )
    assert all(s < 0.2 for s in scores(result))


@pytest.mark.parametrize(
    ("text", "language", "said_again"),
    [
        ("No, the 12th of March, I said.", "en", True),
        ("the blue one, like I said", "en", True),
        ("Nee, de 12e, zei ik toch!", "nl", True),
        ("de 12e, zei ik.", "nl", True),
        ("I said I would call them tomorrow", "en", False),
        ("zei ik dat goed?", "nl", False),
    ],
)
def test_a_trailing_i_said_says_it_again(text: str, language: str, said_again: bool) -> None:
    """The value said again with ", I said" at the end: the frustration the carried mood took
    over from "says no again" is read from the words themselves."""
    assert ("repetition" in text_features(text, language, True).cues) is said_again
