"""Flag details read true and in plain words: the handover says what it is counted from, a
rephrased bot question is no "near-duplicate" (issue 12, audit defect 7 g, h)."""

from __future__ import annotations

from tests.signals.test_loops import run


def _detail(result, name: str) -> str:  # type: ignore[no-untyped-def]
    flags = [f for f in result.flags if f.flag == name] + [
        f for m in result.messages for f in m.flags if f.flag == name
    ]
    assert flags, name
    return flags[0].detail


def test_a_handover_without_a_request_is_counted_from_its_announcement() -> None:
    result = run(
        [
            ("bot", "Hi, I'm the virtual assistant. How can I help?"),
            ("customer", "My invoice is wrong"),
            ("bot", "Transferring you to an agent, please hold."),
            ("agent", "Hi, Sam here. Let me look at your invoice."),
        ]
    )
    assert _detail(result, "handover") == (
        "a person took over at message 4, 1 message after the handover was announced (message 3)"
    )


def test_a_handover_after_a_request_names_the_request() -> None:
    result = run(
        [
            ("bot", "Hi, I'm the virtual assistant. How can I help?"),
            ("customer", "I want to talk to a person"),
            ("bot", "What is your question about?"),
            ("customer", "a human please"),
            ("agent", "Hi, Sam here."),
        ]
    )
    assert _detail(result, "handover") == (
        "a person took over at message 5, 3 messages after the request for a person (message 2)"
    )


def test_a_rephrased_question_is_named_so() -> None:
    result = run(
        [
            ("bot", "Could you tell me your order number?"),
            ("customer", "I don't have it"),
            ("bot", "Can you tell me your order number please?"),
            ("customer", "I just said I don't have it"),
            ("bot", "What is your order number?"),
        ]
    )
    rules = [(f.rule, f.detail) for m in result.messages for f in m.flags if f.flag == "bot_repeat"]
    assert rules, "no bot repeat"
    for rule, detail in rules:
        if rule == "near-duplicate":
            assert int(detail.rsplit("similarity ", 1)[1].rstrip(")")) >= 88
    assert ("in other words", "asks the same question as message 1, in other words") in rules


def test_negative_emoji_are_quoted_as_written_not_as_their_description() -> None:
    from cxreview.signals.reasons import reasons_in_words
    from tests.signals.test_frustration import customer

    # A language without word lists: only the emoji say anything, and they are named so.
    japanese = customer("まだ届かない 😢", "ja")
    assert japanese.cues["negative_sentiment_match"] == "😢"
    assert reasons_in_words(japanese.cues) == ['negative emoji ("😢")']
    # An angry face the emoji reason quotes already is one reason, not two, in the flag too.
    german = customer("Das ist unmöglich 😡😡", "de")
    assert german.cues["negative_sentiment_match"] == "😡"
    assert reasons_in_words(german.cues) == ['angry or sad emoji ("😡")']
    assert [f.detail.split(": ", 1)[1] for f in german.flags if f.flag == "frustrated"] == ['angry or sad emoji ("😡")']
    assert reasons_in_words(customer("my order is late :(", "en").cues) == ['angry or sad emoji (":(")']
    # Dutch and English: the typed word and the emoji, each as written; a typed "angry" stays a word.
    assert customer("Waarom duurt dit zo lang 😡", "nl").cues["negative_sentiment_match"] == "😡"
    mixed = customer("this is awful 😡", "en")
    assert mixed.cues["negative_sentiment_match"] == "awful, 😡"
    assert 'negative words ("awful, 😡")' in reasons_in_words(mixed.cues)
    # Each as written: the typed "angry" and the emoji's own "angry" (rev25: the emoji was dropped).
    assert customer("I am so angry 😡", "en").cues["negative_sentiment_match"] == "angry, 😡"
