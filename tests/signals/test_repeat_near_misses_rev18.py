"""Round 18 review (rev18): harmless messages that round 18's repeat readings flagged as a
customer repeat: what the customer knows now thanks to the answer, a device or the customer's
own try showing the same link or page, a doubt about one's own step ("haven't I sent it to the
wrong address?"), a login that fails on the same PIN, a first upload ("I just sent them, can you
confirm?"), a question whether the company sent something, an answer to "how often". The
intended readings stay (tests/signals/test_repeats_round18.py)."""

from __future__ import annotations

import pytest

from tests.signals.dialogue import after_opening


@pytest.mark.parametrize(
    ("text", "language", "before"),
    [
        ("Ok I know how to do it now, thanks!", "en", "You can reset your password via the link on the login page."),
        ("I know what to do now. Thanks a lot!", "en", "You can reset your password via the link on the login page."),
        ("ok I know where to find it now, cheers", "en", "Here is the link to the returns page."),
        ("I know I should have called earlier, sorry. It's 12 March 1980", "en", "What is your date of birth?"),
        ("I know the order number is somewhere in my email, one sec", "en", "Here is the link to the returns page."),
        ("I know the number is 55123", "en", "Could you give me your order number?"),
        ("the TV keeps showing the same message: no signal", "en", "Go to Settings > Update."),
        ("the app keeps showing the same page after I log in", "en", "Try logging in again."),
        ("I clicked the same link again and now it works", "en", "Try opening the link again."),
        ("haven't I sent it to the wrong address? I'm not sure", "en", "Have you sent the form?"),
        ("didn't I give it to the wrong person? oh no", "en", "Did you give the courier the code?"),
        ("I kept entering the same PIN and now my card is blocked", "en", "Please enter your PIN."),
        ("I just sent them, can you confirm you received them?", "en", "Please upload a photo of the damage."),
        ("I have just sent them, thanks", "en", "Please send the photos to claims@example.com."),
        ("how many times? every day basically", "en", "How often do you use the app?"),
        ("Ik heb opnieuw die link geprobeerd en nu werkt het", "nl", "Je kunt je wachtwoord resetten via de link."),
        ("Hebben jullie de factuur al eens gestuurd? Ik heb niets ontvangen", "nl", "Heb je de factuur ontvangen?"),
        ("ik blijf maar dezelfde code intypen en het lukt niet", "nl", "Vul je pincode in."),
        ("ik blijf het wachtwoord intypen maar hij accepteert het niet", "nl", "Vul je wachtwoord in."),
    ],
)
def test_harmless_messages_are_no_repeat(text: str, language: str, before: str) -> None:
    flags = after_opening(text, language, before).flags
    assert not any(flag.flag == "customer_repeat" for flag in flags)


@pytest.mark.parametrize(
    ("text", "language", "before"),
    [
        ("I know how to reset it. The link doesn't work", "en", "You can reset your password via the link."),
        ("I know where the menu is, but it is empty", "en", "Go to Menu > Billing."),
        ("the bot keeps showing me the same menu", "en", "Please choose an option from the menu."),
        ("I keep giving you the same number, 55123", "en", "Could you give me your order number?"),
        ("LK21 XRT, I just typed it", "en", "What is your registration number?"),
        ("didn't I already tell you? 55123", "en", "Could you give me your order number?"),
        ("ik heb het al eens gezegd, 55123", "nl", "Wat is je ordernummer?"),
        ("ik blijf hetzelfde nummer geven, 55123", "nl", "Wat is je ordernummer?"),
        ("dat is weer dezelfde pagina", "nl", "Alles lees je op stroomwijzer.nl/zonnepanelen."),
    ],
)
def test_the_readings_still_fire(text: str, language: str, before: str) -> None:
    flags = after_opening(text, language, before).flags
    assert any(flag.flag == "customer_repeat" for flag in flags)
