"""Calm messages that share the words of round 19's frustration and request rules (rev19's
review): a count told of a success ("engineer number 3 fixed it"), a choice of something ("not
like I have a choice of colour"), relief or self-blame after "pfff" / "ugh", a joke about the day
counted, an appointment booked with a person of a kind. Each stays calm; the rules' own tests
(test_frustration_round19.py, test_requests_round19.py) keep their true positives."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import after_opening, alone, asks_for_person

CALM_BELOW = 0.4


def _asks(text: str, language: str) -> bool:
    """Whether ``text`` asks for a person after the bot's "anything else?"."""
    before = "Is there anything else I can help with?" if language == "en" else "Kan ik je nog ergens mee helpen?"
    return asks_for_person(text, language, before)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A count of a fact told of a success (word class not_solved_after).
        ("engineer number 3 fixed it, thanks a lot", "en"),
        ("ordered on the 2nd, it's the 4th and it's here already! thanks", "en"),
        ("same fix as Monday worked perfectly", "en"),
        ("monteur nummer drie heeft het opgelost, dank!", "nl"),
        ("om 10 uur besteld, nu is het 11 uur en het is al verzonden!", "nl"),
        ("het is nu dag 3 en alles werkt", "nl"),
        ("precies hetzelfde advies als gisteren werkte prima", "nl"),
        # A choice of something is no resignation.
        ("not like I have a choice of colour, it's fine they're all nice", "en"),
        ("niet dat ik een keus heb in kleur, maar ze zijn allemaal mooi", "nl"),
        ("ik heb toch geen keus qua levering, maar prima", "nl"),
        # Relief, self-blame or a joke after a sound or a day counted.
        ("ugh I forgot my password again, my bad", "en"),
        ("it's day 2 without coffee haha", "en"),
        ("pfff wat een opluchting", "nl"),
        ("zucht van opluchting", "nl"),
    ],
)
def test_calm_messages_stay_calm(text: str, language: str) -> None:
    score = alone(text, language).frustration
    assert score is not None and score < CALM_BELOW, (text, score)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("engineer number four and still nobody fixed it", "en"),
        ("ordered on the 2nd, it's the 20th and nothing has arrived", "en"),
        ("het is nu dag 22 en het werkt nog steeds niet", "nl"),
        ("monteur nummer vier en het is nog niet opgelost", "nl"),
        ("precies hetzelfde advies als gisteren. werkt weer niet.", "nl"),
        ("fine. not like I have a choice", "en"),
        ("niet dat ik een keus heb", "nl"),
        ("zucht. weer niks", "nl"),
    ],
)
def test_the_complaints_stay_frustrated(text: str, language: str) -> None:
    score = alone(text, language).frustration
    assert score is not None and score >= CALM_BELOW, (text, score)


@pytest.mark.parametrize(
    ("text", "language", "asks"),
    [
        ("can I make an appointment with an engineer?", "en", False),
        ("can I book an appointment with a doctor?", "en", False),
        ("kan ik een afspraak maken met een monteur?", "nl", False),
        ("kan ik een afspraak maken met een arts?", "nl", False),
        ("how do I speak to a nurse?", "en", True),
        ("kan ik een monteur spreken?", "nl", True),
    ],
)
def test_an_appointment_with_a_kind_is_no_request(text: str, language: str, asks: bool) -> None:
    assert _asks(text, language) is asks


@pytest.mark.parametrize(
    ("before", "text", "language"),
    [
        # A question about the options offered, an answer accepted, a choice that ends in a joke.
        ("We can deliver Thursday or you can pick it up at the store.", "ok, what other option do I have?", "en"),
        ("The fee is 5 euros, it's in your terms.", "ah ok fair enough, guess I'll pay it then.", "en"),
        ("Anything else?", "nope, not like I have a choice anyway haha, you've been great", "en"),
        # What is not needed.
        ("Sorry voor de vertraging.", "zelfs geen excuses nodig hoor, kan gebeuren", "nl"),
        # A day without a service that is over.
        ("It's fixed, you can use the internet again.", "phew. day 3 without internet is over", "en"),
        # A dry word alone after an answer that helped: thanks or relief.
        ("Het is opgelost, je kunt weer internetten.", "nou bedankt!", "nl"),
        ("Je pakket is onderweg en komt morgen.", "nou, bedankt hoor", "nl"),
        ("Het is opgelost, je kunt weer internetten.", "nou top dan", "nl"),
        ("Het is opgelost, je kunt weer internetten.", "pfff", "nl"),
    ],
)
def test_calm_in_context(before: str, text: str, language: str) -> None:
    score = after_opening(text, language, before).frustration
    assert score is not None and score < CALM_BELOW, (text, score)


@pytest.mark.parametrize(
    ("before", "text", "language"),
    [
        ("Helaas kunnen we je pakket pas volgende week bezorgen.", "nou bedankt", "nl"),
        ("Sorry, daar kan ik je niet mee helpen.", "nou top dan", "nl"),
        ("Sorry, je monteur komt pas vrijdag.", "pfff", "nl"),
        ("Unfortunately the fee can't be waived.", "what choice do I have", "en"),
    ],
)
def test_dry_words_after_bad_news_stay_frustrated(before: str, text: str, language: str) -> None:
    score = after_opening(text, language, before).frustration
    assert score is not None and score >= CALM_BELOW, (text, score)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A failure counted told with praise, a service missing that came back, an answer that worked.
        ("@BahnCo 2nd delayed train this week but the staff were lovely about it", "en"),
        ("@PowerCo no power since 7am but your team kept us updated, fixed by 10. thanks!", "en"),
        ("same advice as last time, thanks, that worked", "en"),
        # A sound about the day, not the service.
        ("ugh, mondays. quick question about my bill", "en"),
        ("sigh, mondays. quick question about my bill", "en"),
        # A choice not needed or not made yet.
        ("ik heb toch geen keus nodig, doe maar de standaard", "nl"),
        ("niet dat ik een keus heb gemaakt, help me kiezen?", "nl"),
    ],
)
def test_more_calm_messages_stay_calm(text: str, language: str) -> None:
    score = alone(text, language).frustration
    assert score is not None and score < CALM_BELOW, (text, score)


@pytest.mark.parametrize(
    ("text", "language"),
    [("still nobody has beaten your prices", "en"), ("nog steeds niemand die zulke goede service heeft", "nl")],
)
def test_still_nobody_better_is_no_impatience(text: str, language: str) -> None:
    assert "impatience" not in alone(text, language).cues


@pytest.mark.parametrize(
    ("text", "language", "asks"),
    [
        # One of the customer's own, or one the customer calls: no request for the company's people.
        ("can I talk to an engineer friend first and get back to you?", "en", False),
        ("do I need to call a technician or will you send one?", "en", False),
        ("kan ik eerst met een monteur overleggen die ik ken?", "nl", False),
        ("kan ik beter zelf een monteur bellen?", "nl", False),
        ("mag ik zelf een monteur bellen en de rekening opsturen?", "nl", False),
        ("can I talk to an engineer?", "en", True),
        ("ik wil graag een monteur spreken", "nl", True),
    ],
)
def test_a_kind_of_the_customers_own_is_no_request(text: str, language: str, asks: bool) -> None:
    assert _asks(text, language) is asks


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("@ShopCo hello? anybody home? just wanted to say the new app is brilliant", "en"),
        ("@ShopCo anyone home? lol my parrot keeps saying that since your ad", "en"),
        ("@Courier hi, is anybody home at the depot on Sundays? want to collect a parcel", "en"),
        ("@PostNL hallo? iemand thuis? zei de bezorger, terwijl ik gewoon thuis was haha", "nl"),
    ],
)
def test_a_public_post_that_jokes_or_asks_of_a_place_nudges_nobody(text: str, language: str) -> None:
    assert not any(flag.flag == "human_request" for flag in alone(text, language).flags)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("2nd email today, forgot to attach the photo, sorry!", "en"),
        ("second call today, just to confirm the time", "en"),
        ("tweede mail vandaag, vergeten de foto toe te voegen, sorry!", "nl"),
    ],
)
def test_a_contact_counted_with_the_customers_own_reason_is_no_impatience(text: str, language: str) -> None:
    assert "impatience" not in alone(text, language).cues
