"""Calm replies the fresh-eyes review of round 7 found flagged (benchmarks/README.md, "review
fixes"): a "no" after a bot wording with "confirm" is no mistake of the bot unless the bot
read details back and the customer gives other ones; one calm correction stays under the
flag; generic words of `complaint_words` do not flag calm questions."""

from __future__ import annotations

import pytest

from cxreview.signals.config import load_config
from tests.signals.dialogue import run

CONFIG = load_config()
FLAG = CONFIG["frustration"]["frustrated_at"]


def dialogue(turns: list[tuple[str, str]], language: str = "en"):  # noqa: ANN201
    return run(turns, language).messages


@pytest.mark.parametrize(
    ("bot", "reply", "language"),
    [
        ("Can you confirm that you've restarted the router?", "No, not yet. I'll do it now.", "en"),
        ("Please confirm whether you'd like us to call you back.", "No, email is fine.", "en"),
        ("Please confirm if you want to proceed with the cancellation.", "No, I changed my mind.", "en"),
        ("Could you confirm your date of birth?", "No, sorry, I'd rather not give that in the chat.", "en"),
        (
            "I can confirm your order has shipped. Is there anything else I can help with?",
            "No, that is all. Thanks!",
            "en",
        ),
        ("I can confirm your order has shipped. Is there anything else I can help with?", "Nope, all sorted.", "en"),
        ("I can confirm your order has shipped. Is it working right?", "No, it hasn't arrived yet.", "en"),
        (
            "I was able to confirm your booking. Your reference number is 8KX3PQ. Is there anything else?",
            "No. That is all I need. Thank you so much!",
            "en",
        ),
        ("Wil je de annulering bevestigen?", "Nee, toch maar niet.", "nl"),
        ("Kun je bevestigen dat je de router opnieuw hebt opgestart?", "Nee, nog niet.", "nl"),
    ],
)
def test_a_no_after_confirm_wording_that_is_no_read_back_is_calm(bot: str, reply: str, language: str) -> None:
    messages = dialogue([("customer", "Hello"), ("bot", bot), ("customer", reply)], language)
    assert "no_to_confirmation" not in messages[2].features
    assert messages[2].frustration < FLAG
    assert not any(flag.flag in ("frustrated", "emotion_spike") for flag in messages[2].flags)


@pytest.mark.parametrize(
    ("turns", "language"),
    [
        (
            [
                ("bot", "Hi! I'm the virtual assistant. How can I help?"),
                ("customer", "I'd like to change my delivery date please."),
                ("bot", "Sure. What is your order number?"),
                ("customer", "It's 55123."),
                ("bot", "Thanks. Please confirm: move order 55123 to Friday 5 March. Is that correct?"),
                ("customer", "No, the 12th of March please."),
                ("bot", "Please confirm: move order 55123 to Friday 12 March. Is that correct?"),
                ("customer", "Yes, that's right. Thanks!"),
                ("bot", "Done! Anything else?"),
                ("customer", "No, that's all, thank you."),
            ],
            "en",
        ),
        (
            [
                ("bot", "Hoi! Ik ben de digitale assistent. Waarmee kan ik helpen?"),
                ("customer", "Ik wil graag mijn bezorgdatum wijzigen."),
                ("bot", "Ter bevestiging: bestelling 55123 verplaatsen naar vrijdag 5 maart. Klopt dat?"),
                ("customer", "Nee, 12 maart graag."),
                ("bot", "Ter bevestiging: bestelling 55123 verplaatsen naar vrijdag 12 maart. Klopt dat?"),
                ("customer", "Ja, klopt. Dank je!"),
            ],
            "nl",
        ),
    ],
)
def test_one_calm_correction_of_a_read_back_counts_once_and_stays_under_the_flag(
    turns: list[tuple[str, str]], language: str
) -> None:
    messages = dialogue(turns, language)
    correction = next(m for m in messages if "no_to_confirmation" in m.features)
    # The leading "no" is the correction, not also a rejection, a "no" and a negation.
    assert not {"rejection", "negative_answer", "negations", "no_to_question"} & set(correction.features)
    for message, (role, _) in zip(messages, turns, strict=True):
        if role == "customer":
            assert message.frustration < FLAG
            assert not any(flag.flag in ("frustrated", "emotion_spike") for flag in message.flags)


def test_after_bad_news_a_new_choice_is_calm() -> None:
    messages = dialogue(
        [
            ("customer", "I need a 4 star hotel in the north with free parking."),
            (
                "bot",
                "Unfortunately there are no 4 star hotels in the north with free parking. Would you like to try something else?",
            ),
            ("customer", "Let's try 3 star hotels, instead."),
        ]
    )
    assert "after_failure" in messages[2].features
    assert messages[2].frustration < FLAG


@pytest.mark.parametrize(
    "text",
    [
        "my customer number is 12345",
        "I'm getting an error when I log in",
        "is my order being shipped today?",
        "what times are you open?",
        "why is the app asking for my postcode?",
    ],
)
def test_generic_complaint_words_do_not_flag_a_calm_question(text: str) -> None:
    messages = dialogue([("bot", "Hi! How can I help you today?"), ("customer", text)])
    assert messages[1].frustration < FLAG


def test_a_second_correction_in_a_row_crosses_the_flag() -> None:
    messages = dialogue(
        [
            ("bot", "Please confirm: move order 55123 to Friday 5 March. Is that correct?"),
            ("customer", "No, the 12th of March please."),
            ("bot", "Please confirm: move order 55123 to Friday 2 March. Is that correct?"),
            ("customer", "No, the 12th of March, I said."),
        ]
    )
    assert messages[1].frustration < FLAG <= messages[3].frustration
