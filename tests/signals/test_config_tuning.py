"""The tuning values of bot repeats and of the trajectory come from the signals config, not
from the code (issue 12: every constant in the config): changing the value changes the result."""

from __future__ import annotations

import copy

from cxreview.signals.config import load_config
from cxreview.signals.features import text_features
from cxreview.signals.repeats import candidates
from tests.signals.dialogue import run

CONFIG = load_config()

# The same question in other words: not alike as strings, alike by the content words they share.
_FIRST = "Please send me the serial number of your device."
_SECOND = "Could you share the serial number printed on the device?"


def _alike(**repeat: float) -> bool:
    cfg = copy.deepcopy(CONFIG["repeat"])
    cfg.update(repeat)
    cfg["bot_similarity"] = 101  # never alike as strings: only the shared words decide
    first, second = (text_features(t, "en", False) for t in (_FIRST, _SECOND))
    return bool(candidates(second, [first], cfg))


def test_the_shipped_config_has_the_repeat_values() -> None:
    repeat = load_config()["repeat"]
    assert (repeat["min_shared_words"], repeat["shared_share"]) == (2, 0.6)
    trajectory = load_config()["trajectory"]
    assert (trajectory["end_messages"], trajectory["min_messages"]) == (2, 4)


def test_shared_share_and_min_shared_words_come_from_the_config() -> None:
    assert _alike()
    assert not _alike(shared_share=1.0)
    assert not _alike(min_shared_words=50)


def _start_and_end(**trajectory: float) -> tuple[float | None, float | None]:
    config = copy.deepcopy(CONFIG)
    config["trajectory"].update(trajectory)
    turns = [
        ("customer", "Thanks, this is great!"),
        ("agent", "Happy to help."),
        ("customer", "My parcel is late."),
        ("agent", "Let me check."),
        ("customer", "ok"),
        ("agent", "It arrives tomorrow."),
        ("customer", "This is terrible, I am so angry."),
    ]
    result = run(turns, "en", config)
    return result.sentiment_start, result.sentiment_end


def test_the_trajectory_windows_come_from_the_config() -> None:
    two = _start_and_end()
    one = _start_and_end(end_messages=1)
    assert one != two
    assert _start_and_end(min_messages=5) == one  # four messages: too few for two at each end
