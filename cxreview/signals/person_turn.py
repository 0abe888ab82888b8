"""Whether a customer's message asks for a person, read against the conversation around it.

The words of a message say most (the ``human_request`` cue, `person_ask`); the conversation
decides the rest:

- a bare ask for a number or a contact right after the bot or agent named a place or a third
  party ("Do you have any contact number?" after "your appointment with Dr Hale is at 1:30")
  asks for that place's number;
- "is anyone there" opening a first message that goes on, before anyone wrote, greets
  (`person_ask.greets`); a bare "anyone??" after "I'll connect you to an advisor" nudges the
  wait for the person promised (`person_ask.waits_for_promised`);
- a person word alone ("Agent.", "An advisor.") answers a question that named it ("Did you book
  through an agent or directly?"), unless that question offered a person; asked back ("Adviseur?"
  to "Ik heb het aan de adviseur voorgelegd.") it asks what the bot or agent meant (round 17);
- a bare ask for an address or number ("nummer?", "wat is het adres") asks for a channel with
  people when the message or the message before it names one ("ik bel de schadelijn wel.
  nummer?", "Wij zijn bereikbaar van 9 tot 17." / "op welk nummer dan?"; `person_ask.asks_channel_detail`);
- a bare "someone" asked to do the task ("kan er niet gewoon iemand op mijn naam zoeken?", the
  cue ``someone_asked``) asks for a person while the customer is with a bot and no person took
  over: the bot is no one (round 16). In the customer's first message only a wish for someone
  asks ("I need someone to look at my record"; "kan iemand mijn bestelling annuleren?" says what
  they want), with an agent it asks
  that person to act, and after "We aim to respond within 10 working days" it nudges the people
  promised.
"""

from __future__ import annotations

import re

from cxreview.signals.lexicon import follow_up_nudge, person_ask, public_identity, public_nudge, request_context
from cxreview.signals.person_ask import asks_channel_detail, greets, names_own_people, waits_for_promised
from cxreview.signals.person_offer import offers_person

# In the customer's first message only a wish for someone asks ("I need someone to look at my
# record"); "can someone cancel my order?" says what they want done.
_WISH = re.compile(
    r"(?:i|we|ik|wij) (?:really |just |urgently |simply )?(?:need|want|would like|'d like|d like|wil|zou|heb|hebben)\b"
)
_COURTESY = frozenset("please thanks again only then today graag alsjeblieft alstublieft meteen direct".split())

_QUESTION_WORDS = {"en": frozenset("who whom which or".split()), "nl": frozenset("wie welke welk of".split())}
# A yes or no first ("Yes, the manager." to "Did the manager call you?") answers a question that
# names the person, whatever its question words (round 17).
_WORD = re.compile(r"\w+")
_WHO = re.compile(r"\s*(?:\W*\w+\W+){0,2}?(?:who|wie)\b")  # "ok then who can?", "wie kan dat dan wel?"
_CONFIRM = frozenset("yes yeah yep no nope ja jawel nee".split())


def asked_in_turn(
    cues: dict[str, str],
    norm: str,
    language: str,
    reply: str | None,
    replied: bool,
    with_bot: bool,
    opening: bool,
    asked_before: bool = False,
    public: bool = False,
) -> str | None:
    """The words of the customer's message that ask for a person, or None. ``cues``: its cues;
    ``norm``: its norm; ``reply``: the norm of the bot's or agent's message just before it (None
    when none came since the customer's last); ``replied``: a bot or agent has written;
    ``with_bot``: the customer is with a bot and no person took over; ``opening``: it is the
    customer's first message (where "can someone cancel my order?" says what they want);
    ``asked_before``: the customer asked for a person earlier (a bare "A phone number." then asks
    for the company's); ``public``: a public post to the company (an @handle), where "hello?
    anybody home?" opening it nudges the company's people, not greets a chat (round 19)."""
    if "declines_human" in cues:
        return None
    words = cues.get("human_request")
    if public and words is None and (nudge := public_nudge(language).match(norm)) is not None:
        return nudge.group()[len(nudge.group(1) or "") :]  # the handles left out
    if public and words is None and not opening and reply is None and follow_up_nudge(language).match(norm):
        return norm  # "@AppleSupport ? hello" after their own unanswered tweet (round 20)
    if public and words is None and (identity := _identity_asked(norm, language)) is not None:
        return identity  # "@Brand is this a bot?": whether a human reads this (round 24)
    detail = cues.get("detail_asked")  # "nummer?" after "ik bel de schadelijn wel", "Wij zijn bereikbaar ..."
    they = cues.get("they_asked")  # "can they contact me directly please?" after "I've passed this to the team."
    if words is None and they is not None:
        return they if reply is not None and names_own_people(reply, language) else None
    if words is None and detail is not None:  # after their own ask for a person: "Please. A phone number."
        return detail if asked_before or asks_channel_detail(norm, detail, reply, language) else None
    if words is None:  # "someone" asked to act, with a bot; not when people were promised ("We aim to respond ...")
        someone = cues.get("someone_asked")
        if someone is None or not with_bot or not replied or (opening and _WISH.match(someone.lower()) is None):
            return None
        parts = person_ask("nl" if language == "nl" else "en")
        if reply is not None and _WHO.match(someone.lower()) and parts["who_named"].search(reply):
            return None  # "who can cancel it?" after "Only the account holder can cancel ...": who qualifies
        return someone if reply is None or parts["promised"].search(reply) is None else None
    if reply is not None and (_about_a_place(words, reply, language) or _answers_question(words, reply, language)):
        return None
    if not replied and not public and greets(words, norm, language):
        return None  # "hi is anyone there. my boiler ..." before anyone has written: a greeting
    if reply is not None and waits_for_promised(words, reply, language):
        return None  # "anyone??" after "I'll connect you": a wait
    return words


def _identity_asked(norm: str, language: str) -> str | None:
    """The words of a public post that ask whether a bot or a person answers ("is this a bot", "am i talking to
    a real person", "praat ik met een bot"), or None; most norms have none of the gate words (one set look-up)."""
    words, pattern = public_identity(language)
    if words.isdisjoint(norm.split()):
        return None
    found = pattern.search(norm)
    return found.group() if found is not None else None


def _about_a_place(words: str, reply: str, language: str) -> bool:
    """A bare ask for a number or contact ("Do you have any contact number?") right after the
    bot or agent named a place or third party ("Yup, you've to pay to visit this place.",
    "your appointment with Hale Robert H is at 1:30 pm"): the place's number, not the
    company's people."""
    weak_asks, third_party = request_context(language)
    return weak_asks.search(words) is not None and third_party.search(reply) is not None


def _answers_question(words: str, reply: str, language: str) -> bool:
    """A person word alone ("Agent.", "a manager") that answers the bot's or agent's question
    naming it ("Did you book through an agent or directly?", "Who did you speak to, an advisor
    or the shop?"), when that question offered no person."""
    parts = person_ask("nl" if language == "nl" else "en")
    if parts["bare_sentence"].search(words.lower().strip()) is None:
        return False
    named = set(_WORD.findall(reply.lower()))  # "manager?" ends a question: the word, not its mark
    said = words.lower().replace(".", " ").replace(",", " ").replace("?", " ").split()
    if parts["asked_who"].search(reply) is not None:
        return True  # "Customer service." to "Who did you speak to?"
    head = next((word for word in reversed(said) if len(word) > 3 and word not in _COURTESY), None)
    echo = words.rstrip().endswith("?")  # "Adviseur?" to "Ik heb het aan de adviseur voorgelegd." asks what it is
    confirms = said[0] in _CONFIRM  # the norm has no question mark left to tell a question by
    if (
        head is None
        or head not in named
        or (not echo and not confirms and _QUESTION_WORDS["nl" if language == "nl" else "en"].isdisjoint(named))
    ):
        return False
    return not offers_person(language, reply)
