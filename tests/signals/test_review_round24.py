"""Round 24 review (rev24): calm look-alikes of the round's new requests for a person, found by
writing what real customers send to a telecom or a task bot, each fixed narrowly."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, run


def _asks(text: str, language: str = "en") -> bool:
    return any(f.flag == "human_request" for f in alone(text, language).flags)


@pytest.mark.parametrize(
    "text",
    [
        "Can we set up a call forwarding on my line?",  # a line's feature, not a call with someone
        "could we set up a call waiting on the second line",
        "can i call in to the conference from abroad",  # dialling in to a meeting
        "could i phone in to the webinar?",
    ],
)
def test_a_phone_feature_or_a_meeting_is_no_request(text: str) -> None:
    assert not _asks(text)


@pytest.mark.parametrize(
    "text", ["@Brand can we set up a call", "@Brand can i call in?", "can i call in to speak to someone"]
)
def test_the_call_itself_still_asks(text: str) -> None:
    assert _asks(text)


@pytest.mark.parametrize(
    ("language", "place", "text"),
    [
        ("en", "The museum is free to visit.", "whats the address to send a letter to them?"),
        ("nl", "Het Rijksmuseum ligt aan het Museumplein.", "naar welk mailadres kan ik dit sturen?"),
    ],
)
def test_an_address_asked_after_a_place_is_the_place_s(language: str, place: str, text: str) -> None:
    """An address asked bare right after the bot named a place is the place's (`weak_asks`), as a number is."""
    opening = ("Hi! How can I help?", "hi") if language == "en" else ("Hoi! Waarmee kan ik je helpen?", "hoi")
    result = run([("bot", opening[0]), ("customer", opening[1]), ("bot", place), ("customer", text)], language)
    assert not any(f.flag == "human_request" for f in result.messages[-1].flags)
    helped = run([("bot", opening[0]), ("customer", opening[1]), ("customer", text)], language)
    assert any(f.flag == "human_request" for f in helped.messages[-1].flags)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "@Dell is this computer still under warranty?"),
        ("en", "@AmazonHelp is this machine washable?"),
        ("en", "@AmazonHelp is it a machine wash?"),
        ("en", "@Spotify is this AI generated?"),
        ("en", "@Spotify are these ai songs?"),
        ("en", "@Brand is this a robot vacuum that works on carpet?"),
        ("en", "@Brand is it human readable?"),
        ("en", "@Brand is this chatbot feature available in the UK?"),
        ("nl", "@Merk is dit een robot stofzuiger?"),
        ("nl", "@Merk is het een computer met windows?"),
        ("nl", "@Merk zijn dit mensen die hier werken?"),
    ],
)
def test_a_thing_s_make_in_a_public_post_is_no_identity_question(language: str, text: str) -> None:
    """ "is this computer ..." asks about a product, not whether a bot or a person answers (round 24's `public_identity`)."""
    assert not _asks(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "@Brand is this a bot im so tired of this"),
        ("en", "@Brand is this a bot i'm talking to"),
        ("en", "@Brand is this a real person replying"),
        ("en", "@Brand is it a bot that replies to these?"),
        ("en", "@Brand is that a robot answering"),
        ("nl", "@Merk is dit een echte persoon die reageert?"),
    ],
)
def test_whether_this_is_a_bot_still_asks_before_more_words(language: str, text: str) -> None:
    assert _asks(text, language)


def test_the_rules_compiled_before_the_workers_fork_are_each_module_s_caches() -> None:
    """`analyze._warm_rules` asks each rule module to compile its regexes (its public `compile_rules`,
    no private names imported across modules): afterwards each cache holds them."""
    from cxreview.signals import answers, asked_steps, person_offer, requested, restated, step_phrases
    from cxreview.signals.analyze import _warm_rules

    _warm_rules({"en", "nl"})
    for cache in (
        answers._dates,
        answers._done,
        answers._nothing_new,
        asked_steps._patterns,
        person_offer._section,
        requested._frames,
        restated._lists,
        step_phrases._restarts,
    ):
        assert cache.cache_info().currsize >= 1, cache
    assert answers._done.cache_info().currsize == 2 and step_phrases._restarts.cache_info().currsize == 2


# rev24: frustration._NOT read "n't", which a norm writes "doesn t": praise beside a contracted
# negation counted in full. Fixed, and the model retrained with it (held figures within 0.002).
def test_praise_beside_a_contracted_negation_counts_half() -> None:
    from cxreview.signals.features import text_features
    from cxreview.signals.frustration import Context, feature_values

    f = text_features("@Music great app, but it doesn't show the lyrics on my tablet", "en")
    found = feature_values(f, Context())
    assert found["positive_sentiment"] == pytest.approx(f.sentiment / 2)
