"""Round 24 (req24): requests for a person or a staffed channel in the grammar many customers tweet,
written from how people ask (not from single dev misses), each family with its calm look-alikes:

- whether a bot or a person answers, asked in a public post ("is this a bot?", "am i talking to a real
  person", "is a computer answering my tweets", "praat ik met een bot?"): a request in both tweet
  sets' guides (whether a human reads this); in a chat it stays no request (round 16), and a bot in a
  game, a computer problem or a joke is none;
- tweet shortenings of the company's people ("cust service", "cs", "cust care", "cld u call me",
  "gimme a call");
- whom a kind of case goes to ("who handles complaints?", "whos the right person to contact");
  not blame ("who is responsible for this mess");
- a team's line by its work ("phone number for lost luggage?"); not an order's or a case's number;
- another line when one does not answer ("any other number?", "a number that actually gets
  answered"), the matter taken to the phone ("prefer to discuss this on the phone"), which address
  to use ("which email should i use to contact you"), the company's number asked to be sent ("dm me
  ur email address"; not "give me the phone number" of a venue in a task dialogue), trying to reach
  them said at the start, "are there any humans at ...", a bare "phone # pls", a complaints team;
- fixed false requests: "why is there no email confirmation" (a feature missing), "can anyone
  actually explain this" (the question itself, as round 20's "can someone explain?"; "explain this
  to me" still asks), "hoe kan ik contact opnemen met de verkoper" (a seller, a third party),
  "is there a human version of this game", "how do i call someone abroad";
- second step: a call wished for ("would love a call", "can we set up a call"), a country's line
  ("is there a uk number?"), the head's address ("ceo's email?"), "no bots please", an answer from a
  human, someone to be pointed to, the case passed to someone higher up, any line to use ("any number
  i can call?"), "any humans?", a call in, the company's people told to call ("have your team contact
  me"), and in Dutch the address to use ("naar welk mailadres kan ik dit sturen"), "mag ik een telefoonnummer?", "kan ik met jullie chatten?", "wie gaat er over klachten";
  not a call recording, "call in sick", being e-mailed in Dutch (round 14), "you need to contact me before charging", "X of moet ik bellen?";
- third step: the company named by its @handle, which the tone reads without ("does @BrandUK have a
  phone number?"), where to write, people at work today, "need 2 talk 2 someone", "what number can i
  call", any line to use inside a sentence; not "I do have a phone number", a venue's line, a task
  done by phone that asks for a feature ("can i take a payment over the phone?"); in Dutch another
  number ("is er nog een ander nummer?", "heb je een telefoonnummer voor me"), their address asked
  bare, "wie kan ik hiervoor benaderen"; not "heb je een ander nummer nodig?", their shop's number.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, run


def _asks_alone(text: str, language: str = "en") -> bool:
    return any(f.flag == "human_request" for f in alone(text, language).flags)


ASKS = [
    ("en", "@Brand is this a bot?"),
    ("en", "@Brand am i talking to a real person"),
    ("en", "@Brand is a computer answering my tweets"),
    ("en", "@Brand r u a bot or a human"),
    ("en", "@Brand Is this just a bot that replies automatically?"),
    ("en", "@Brand how do i contact cust service"),
    ("en", "@Brand need to speak to cs"),
    ("en", "@Brand whats ur cust service number"),
    ("en", "@Brand cld u call me"),
    ("en", "@Brand gimme a call"),
    ("en", "@Brand who handles complaints?"),
    ("en", "@Brand who deals with refunds"),
    ("en", "@Brand whos the best person to contact about a late delivery"),
    ("en", "@Brand phone number for lost luggage?"),
    ("en", "@Brand number for baggage claims?"),
    ("en", "@Brand ur customer service number doesnt work, any other number?"),
    ("en", "@Brand is there a number that actually gets answered"),
    ("en", "@Brand prefer to discuss this on the phone"),
    ("en", "@Brand which email should i use to contact you"),
    ("en", "@Brand dm me ur email address"),
    ("en", "@Brand trying to get in touch with someone"),
    ("en", "@Brand are there any humans at brand"),
    ("en", "@Brand do u have a phone number"),
    ("en", "@Brand ur phone # pls"),
    ("en", "@Brand toll free number?"),
    ("en", "@Brand how else can i get hold of you"),
    ("en", "@Brand i want to complain to someone"),
    ("en", "@Brand do you have a complaints department"),
    ("nl", "@Merk praat ik met een bot?"),
    ("nl", "@Merk is dit een bot of een mens"),
    # second step
    ("en", "@Brand would love a call"),
    ("en", "@Brand i'd like a call from someone"),
    ("en", "@Brand can we set up a call"),
    ("en", "@Brand is there a uk number?"),
    ("en", "@Brand ceo's email?"),
    ("en", "@Brand no bots please"),
    ("en", "@Brand can i get a response from a human"),
    ("en", "@Brand can you point me to someone who can help"),
    ("en", "@Brand looking for someone to talk to about my account"),
    ("en", "@Brand send this to someone higher up"),
    ("en", "@Brand any number i can call?"),
    ("en", "@Brand any contact number?"),
    ("en", "@Brand hello? any humans?"),
    ("en", "@Brand can i call in?"),
    ("en", "@Brand is it possible to call?"),
    ("en", "@Brand have your team contact me"),
    ("en", "@Brand u guys need to call me"),
    ("nl", "@Merk naar welk mailadres kan ik dit sturen"),
    ("nl", "@Merk mag ik een telefoonnummer?"),
    ("nl", "@Merk kan ik met jullie chatten?"),
    ("nl", "@Merk wie gaat er over klachten"),
    # third step
    ("en", "@Brand does @BrandUK have a phone number?"),
    ("en", "@Brand how do i reach @BrandSupport by phone?"),
    ("en", "@Brand where can i send an email"),
    ("en", "@Brand whats the address to send a complaint"),
    ("en", "@Brand any real humans working today?"),
    ("en", "@Brand need 2 talk 2 someone"),
    ("en", "@Brand what number can i call"),
    ("en", "is it any phone number that I could call now to get help"),
    ("nl", "@Merk is er nog een ander nummer?"),
    ("nl", "@Merk heb je een telefoonnummer voor me"),
    ("nl", "@Merk wat is het mailadres van jullie"),
    ("nl", "@Merk wie kan ik hiervoor benaderen"),
]

CALM = [
    ("en", "@Brand is this a bot account?"),
    ("en", "@Brand is it a computer problem"),
    ("en", "@Brand are you guys even human"),
    ("en", "@Brand is this a bot lol"),
    ("en", "@Brand why is there no email confirmation"),
    ("en", "@Brand can anyone actually explain this"),
    ("en", "@Brand is there a human version of this game"),
    ("en", "@Brand how do i call someone abroad"),
    ("en", "@Brand who is responsible for this mess?!"),
    ("en", "@Brand what's the tracking number for my refund"),
    ("en", "@Brand the customer care number is always busy"),
    ("en", "@Brand can i DM you?"),
    ("en", "Could you give me the phone number and address?"),
    ("en", "Can you give me the phone number for Primavera?"),
    ("en", "How do I escalate a complaint that has been open for a month?"),
    ("nl", "@Merk hoe kan ik contact opnemen met de verkoper"),
    ("nl", "@Merk kan iemand dit uitleggen?"),
    ("nl", "@Merk is dit een bot account?"),
    # second step
    ("en", "@Brand i'd love a call recording of that"),
    ("en", "@Brand call quality is bad"),
    ("en", "@Brand any people out there who had this issue?"),
    ("en", "@Brand can i call in sick to my own shift lol"),
    ("en", "@Brand you need to contact me before charging my card"),
    ("en", "@Brand which number do i use to log in"),
    ("en", "@Brand is there a number to track my order"),
    ("en", "@Brand do i need to call to cancel or can i do it online?"),
    ("en", "@Brand i was told someone would call me"),
    ("nl", "@Merk naar welk adres kan ik het pakket sturen"),
    ("nl", "@Merk kan ik ook online opzeggen of moet ik bellen?"),
    ("nl", "@Merk kunnen jullie mij mailen in plaats van bellen?"),
    # third step
    ("en", "@Brand i do have a phone number"),
    ("en", "Does the hotel have a phone number?"),
    ("en", "@Brand how do i reach the station by phone"),
    ("en", "@Brand anyone working on a fix?"),
    ("en", "@Brand i got 2 kids and no time"),
    ("en", "@SquareUK Hi can i take a payment over the phone?"),
    ("en", "Can I contact them via phone? Can I take my pets too?"),
    ("nl", "@Merk heb je een ander nummer nodig?"),
    ("nl", "@Merk is er een andere manier om te betalen"),
    ("nl", "@Merk wat is het nummer van jullie winkel"),
]


@pytest.mark.parametrize(("language", "text"), ASKS)
def test_tweet_families_ask_for_a_person(language: str, text: str) -> None:
    assert _asks_alone(text, language)


@pytest.mark.parametrize(("language", "text"), CALM)
def test_look_alikes_stay_calm(language: str, text: str) -> None:
    assert not _asks_alone(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "is this a bot?"), ("en", "am i talking to a real person"), ("nl", "praat ik met een bot?")],
)
def test_whether_a_bot_answers_in_a_chat_is_no_request(language: str, text: str) -> None:
    """In a chat the question asks what the customer talks to (round 16); only a public post asks whether a human reads it."""
    result = run(
        [("bot", "How can I help?" if language == "en" else "Waarmee kan ik je helpen?"), ("customer", text)], language
    )
    assert not any(f.flag == "human_request" for f in result.messages[-1].flags)


def test_explain_this_to_me_still_asks() -> None:
    assert _asks_alone("@Brand can someone explain this to me")
