"""Round 18 review (rev18): harmless messages that round 18's readings of a request for a
person flagged: a hard time to reach the company looked back on, a call slot booked, a page
monitored for prices, an e-mail address or number to log in with, a document e-mailed by the
team just named, nobody answering at someone else's place, a call asked before a visit, the
staffing of a place on a day, the login e-mail of an account. The intended readings stay
(tests/signals/test_requests_round18.py)."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import asks_for_person

_HELP = {"en": "How can I help?", "nl": "Waarmee kan ik helpen?"}


@pytest.mark.parametrize(
    ("text", "language", "before"),
    [
        ("it was so hard to reach you last week, but the agent sorted it quickly, thanks!", "en", _HELP["en"]),
        ("I'd like to book a call slot for my delivery", "en", _HELP["en"]),
        ("Is this page monitored for price changes?", "en", _HELP["en"]),
        ("is there an email address I can use to log in?", "en", _HELP["en"]),
        ("is there a number I can use for the app's two-factor code?", "en", _HELP["en"]),
        ("any humans working at the weekend would need to sign for it, is that right?", "en", _HELP["en"]),
        ("great, can they email me the invoice when it's done?", "en", "I've passed this to the team."),
        ("er neemt niemand op bij de huisarts, maar goed, ik wil mijn adres wijzigen", "nl", _HELP["nl"]),
        ("graag bellen voordat de monteur komt, anders sta ik voor een dichte deur", "nl", _HELP["nl"]),
        ("werken er ook mensen op zondag in het magazijn? dan kan de bezorging eerder", "nl", _HELP["nl"]),
        ("wat is het e-mailadres dat ik moet gebruiken voor mijn account?", "nl", _HELP["nl"]),
    ],
)
def test_harmless_messages_ask_for_no_person(text: str, language: str, before: str) -> None:
    assert not asks_for_person(text, language, before)


@pytest.mark.parametrize(
    ("text", "language", "before"),
    [
        ("why is it impossible to contact a human at your company?", "en", _HELP["en"]),
        ("I'd like to request a call", "en", _HELP["en"]),
        ("is this account monitored by people?", "en", _HELP["en"]),
        ("is there an email address I can use to contact you?", "en", _HELP["en"]),
        ("any humans working at wizz?", "en", _HELP["en"]),
        ("can they contact me directly please?", "en", "I've passed this to the team."),
        ("er neemt niemand op", "nl", _HELP["nl"]),
        ("graag even bellen over mijn jaarnota", "nl", _HELP["nl"]),
        ("werken daar ook mensen?", "nl", _HELP["nl"]),
        ("mag ik een mailadres waar ik het naartoe kan sturen", "nl", _HELP["nl"]),
    ],
)
def test_the_requests_still_read(text: str, language: str, before: str) -> None:
    assert asks_for_person(text, language, before)
