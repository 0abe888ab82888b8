"""Conversation rules, each with its evidence, including the near misses."""

from __future__ import annotations

import pytest

from cxreview.signals.conversation import ConversationSignals
from tests.signals.dialogue import run


def flags_at(result: ConversationSignals, position: int) -> dict[str, str]:
    return {f.flag: f.detail for f in result.messages[position - 1].flags}


@pytest.mark.parametrize(
    ("first", "second", "repeat"),
    [
        (
            "Could you give me your order number? It starts with NW.",
            "Could you please give me your order number? It starts with NW.",
            True,
        ),
        ("Is there anything else I can help you with?", "Is there anything else I can help you with today?", True),
        ("Your parcel will be delivered on March 5th.", "Your parcel will be delivered on March 12th.", False),
        ("You will like the new plan.", "You will dislike the new plan.", False),
        ("You do need to return the item.", "You do not need to return the item.", False),
        ("Tom from billing will call you back.", "Anna from billing will call you back.", False),
        ("Je pakket wordt op 5 maart bezorgd.", "Je pakket wordt op 12 maart bezorgd.", False),
        ("Ik kan je bezorgadres wijzigen.", "Ik kan je bezorgadres niet wijzigen.", False),
    ],
)
def test_bot_repeat_and_its_near_misses(first: str, second: str, repeat: bool) -> None:
    language = "nl" if " je " in first else "en"
    result = run([("bot", first), ("customer", "hmm"), ("bot", second)], language)
    assert ("bot_repeat" in flags_at(result, 3)) is repeat
    if repeat:
        assert flags_at(result, 3)["bot_repeat"].startswith("nearly repeats message 1")


def test_bot_loop_needs_two_repeats_and_names_them() -> None:
    ask = "Could you give me your order number? It starts with NW."
    result = run(
        [
            ("bot", ask),
            ("customer", "NW-1234567"),
            ("bot", ask),
            ("customer", "I just gave it: NW-1234567"),
            ("bot", ask),
        ]
    )
    assert result.n_bot_repeats == 2 and result.bot_loop
    loop = next(f for f in result.flags if f.flag == "bot_loop")
    assert loop.rule == "bot repeats" and loop.positions == [3, 5]
    assert "customer_repeat" in flags_at(result, 4)
    once = run([("bot", ask), ("customer", "NW-1234567"), ("bot", ask)])
    assert not once.bot_loop


def test_ignored_human_request_and_stuck_in_bot() -> None:
    result = run(
        [
            ("bot", "Hi! How can I help?"),
            ("customer", "I want to talk to a human"),
            ("bot", "I can help with deliveries, billing or cancellations. Which one?"),
            ("customer", "A PERSON PLEASE"),
            ("bot", "What is your order number?"),
            ("bot", "I'm transferring you to a colleague now."),
            ("agent", "Hi, Sanne here, sorry for the wait."),
        ]
    )
    assert flags_at(result, 2)["human_request"].startswith("asks for a person")
    assert "ignored_human_request" in flags_at(result, 3) and "ignored_human_request" in flags_at(result, 5)
    assert "ignored_human_request" not in flags_at(result, 6)  # the handover itself
    assert result.max_ignored_bot_turns == 2 and result.stuck_in_bot
    assert result.handover and result.handover_position == 7 and result.handover_latency_turns == 5


def test_prompt_handover_is_not_stuck() -> None:
    result = run(
        [
            ("bot", "Hi, I'm a virtual assistant."),
            ("customer", "agent please"),
            ("bot", "Of course, I'll connect you with a colleague."),
            ("agent", "Hello!"),
        ]
    )
    assert not result.stuck_in_bot and result.max_ignored_bot_turns == 0
    assert result.bot_disclosed and result.handover_offered


def test_handover_latency_in_seconds() -> None:
    result = run(
        [
            ("bot", "Hi!", "2026-03-05T10:00:00Z"),
            ("customer", "Can I speak to someone?", "2026-03-05T10:00:30Z"),
            ("bot", "Let me transfer you.", "2026-03-05T10:00:31Z"),
            ("agent", "Hi there", "2026-03-05T10:04:30Z"),
        ]
    )
    assert result.handover_latency_turns == 2 and result.handover_latency_seconds == 240


def test_emotion_spike_rise_and_absolute() -> None:
    result = run(
        [
            ("customer", "Hi, my parcel is late"),
            ("agent", "Please wait 10 working days."),
            ("customer", "Are you serious? This is ridiculous!! I want to file a complaint"),
        ]
    )
    spike = flags_at(result, 3)["emotion_spike"]
    assert "frustration" in spike
    assert result.peak_frustration is not None and result.peak_frustration >= 0.6
    calm = run(
        [("customer", "Hi, my parcel is late"), ("agent", "Sorry! I've sent a new one."), ("customer", "Great, thanks")]
    )
    assert calm.n_spikes == 0 and calm.trajectory_label == "better"


def test_sarcasm_counts_as_negative() -> None:
    sarcastic = run([("customer", "Oh great, another week of waiting. Just perfect.")]).messages[0]
    plain = run([("customer", "Great, another week is fine for me.")]).messages[0]
    assert sarcastic.frustration > 0.4 > (plain.frustration or 0)


def test_transparency_cues_none_without_bot() -> None:
    assert run([("customer", "hi"), ("agent", "hello")]).bot_disclosed is None
    result = run(
        [
            ("bot", "Hello! How can I help?"),
            ("customer", "refund"),
            ("bot", "I'm not sure I can answer this; a colleague can."),
        ]
    )
    assert result.bot_disclosed is False and result.uncertainty_admitted is True


def test_risk_with_reasons() -> None:
    risky = run(
        [
            ("bot", "Hello! How can I help?"),
            ("customer", "I want a human"),
            ("bot", "Choose a topic please."),
            ("customer", "HUMAN NOW!!"),
            ("bot", "What is your order number?"),
            ("customer", "forget it"),
        ],
        outcome="abandoned",
        csat=1,
    )
    assert risky.risk > 0.8
    for reason in ("stuck in bot", "outcome abandoned", "csat 1 of 5", "bot did not say it is a bot"):
        assert reason in risky.risk_reasons
    calm = run(
        [
            ("bot", "Hi, I'm a virtual assistant."),
            ("customer", "When will my parcel arrive?"),
            ("bot", "Tomorrow between 9 and 12."),
            ("customer", "Thanks!"),
        ],
        outcome="resolved",
        csat=5,
    )
    assert calm.risk < 0.2 and calm.risk_reasons == []
