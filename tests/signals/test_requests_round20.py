"""Round 20 (req20): requests for a person in public support threads (tweets at a brand).

- a follow-up that is only a hello right after the customer's own unanswered tweet ("@Brand ?
  hello", "@Brand hello??") nudges the company's people; a first tweet's "hi" greets, and a
  hello after the agent wrote answers them;
- another way to reach the company, the company left out at the end ("... is there any other
  way to contact?"); the best way to reach lost and found;
- someone asked to write to the customer ("Someone DM me.", "can somebody email me"), not what
  someone did ("someone messaged me");
- a contact told is no ask ("I already talked to someone this morning and they know");
- tw19: "can someone explain?" with nothing after asks the question itself, as "could someone
  explain why ..." does (a plea for help, not for a person; "can someone explain this to me"
  and "can someone just do it for me" still ask); "is there really no number I can ring?" and
  "can someone talk to us?" ask.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, run


def _asks(turns: list[tuple[str, str]]) -> list[int]:
    return [m.position for m in run(turns).messages if any(f.flag == "human_request" for f in m.flags)]


@pytest.mark.parametrize(
    "nudge", ["@PhoneCoCare ? hello", "@PhoneCoCare hello??", "@PhoneCoCare hellooo", "@PhoneCoCare anyone?"]
)
def test_a_bare_hello_after_an_unanswered_tweet_nudges_for_a_person(nudge: str) -> None:
    turns = [
        ("customer", "@PhoneCoCare my speaker keeps cutting out when I stream from my laptop"),
        ("customer", nudge),
    ]
    assert _asks(turns) == [2]


def test_a_hello_opening_a_thread_or_answering_the_agent_greets() -> None:
    assert _asks([("customer", "@PhoneCoCare hello")]) == []
    turns = [
        ("customer", "@PhoneCoCare my speaker keeps cutting out"),
        ("agent", "@48213 Hi there! Which model do you have? ^MK"),
        ("customer", "@PhoneCoCare hi"),
    ]
    assert _asks(turns) == []


def test_a_hello_after_a_chat_message_is_no_public_nudge() -> None:
    assert _asks([("customer", "my speaker keeps cutting out"), ("customer", "hello?")]) == []


ASKS = [
    "@ShopCoHelp I'd have to change my account's country to get support and I have no time for that, is there any other way to contact?",
    "@FlyCoHelp what's the quickest way to reach lost &amp; found? left my earbuds on the plane",
    "@FlyCoHelp best way to get in touch with lost and found please",
    "@ShopCoHelp your store rang the wrong person about my start date! Someone DM me. Nobody picks up the phone",
    "@ShopCoHelp can somebody email me about this order please",
    "@ParcelCoUK websites aren't my thing. is there honestly no number we can call?",
    "@FlyCoHelp stuck at the gate for 5 hours, can someone please talk to us",
    "@BankCoHelp is there a real number I can phone? the app keeps logging me out",
]

NOT_ASKS = [
    "@ShopCoHelp still no internet after 12 hours. I already talked to someone this morning and they know about it",
    "@ShopCoHelp someone messaged me saying my account was locked, is that you?",
    "@ShopCoHelp there's no way to contact the seller through the app??",
    "@ShopCoHelp I don't want somebody to email me, just fix the app",
    "@MobileCoHelp my bill jumped by £30 this month, could someone explain? haven't been abroad",
]


@pytest.mark.parametrize("text", ASKS)
def test_asks_for_the_company_s_people(text: str) -> None:
    assert any(f.flag == "human_request" for f in alone(text).flags)


@pytest.mark.parametrize("text", NOT_ASKS)
def test_tells_or_asks_something_else(text: str) -> None:
    assert not any(f.flag == "human_request" for f in alone(text).flags)
