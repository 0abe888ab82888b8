"""Frustration readings of round 18: complaint wordings of real support tweets (a tweet's
@handle, complaint hashtags, "smh", "you had one job", rhetorical "is this your policy?",
sarcastic thanks, a change made without notice, contacts counted without an answer), each
with the near misses that must stay calm."""

from __future__ import annotations

import pytest

from cxreview.signals.features import shape_of
from tests.signals.dialogue import alone

FRUSTRATED_AT = 0.4


def test_a_handle_and_runs_of_spaces_are_left_out_of_the_shape() -> None:
    assert shape_of("Thanks @Delta for losing my bag") == "Thanks for losing my bag"
    assert shape_of("@AmazonHelp still no refund") == "still no refund"
    assert shape_of("Thanks   for losing my bag") == "Thanks for losing my bag"
    # An e-mail address is still an address, and an "@" before a space is no handle.
    assert shape_of("mail me at jan@example.com") == "mail me at email"
    assert shape_of("meet me @ the store") == "meet me @ the store"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A tweet to a brand: the handle between the words of a cue.
        ("Thanks @Delta for losing my bag", "en"),
        ("just want to thank @brand for ignoring me for three days", "en"),
        # Complaint hashtags and "smh".
        ("Thanks for selling expired beer #fail", "en"),
        ("Bought these less than 4 weeks ago and they are falling apart! #nothappy", "en"),
        ("they want to add $2.99 for nothing #ripoff", "en"),
        ("game crashes every single time I load the second map, PS5, reinstalled twice. smh", "en"),
        # Plain complaint wordings of the tweets.
        ("you had one job", "en"),
        ("Iphone battery sucks since the update", "en"),
        ("TOTALLY not cool.", "en"),
        ("been a loyal customer for years but honestly this is the last straw", "en"),
        ("absolute nonsense that i have to log in every time", "en"),
        ("10 years a customer and this is what I get.", "en"),
        ("I'm out the money and the shoes", "en"),
        ("so I pay for premium and get ads anyway", "en"),
        ("can someone explain why my bill went up £14 with zero notice", "en"),
        ("cancelled my order without telling me", "en"),
        # Rhetorical questions.
        ("Still, no progress being made. Is this your customer satisfaction policy?", "en"),
        ("Is this really what you call a large milkshake", "en"),
        ("what in your right mind possessed you to replace the menu?", "en"),
        ("tonight was logged out WHILE WATCHING. what are you doing?", "en"),
        ("charged me twice for the same month, again. how is this still happening", "en"),
        ("why does every update break the controller pairing", "en"),
        ("any chance someone actually reads these?", "en"),
        # Sarcasm and time counted.
        ("thanks for sending me the wrong size again", "en"),
        ("the fix you told me to do wiped all my saves, thanks for ruining my weekend", "en"),
        ("sure, I'll just wait another two weeks then", "en"),
        ("Wow just wow", "en"),
        ('my parcel has been "out for delivery" since Tuesday. It\'s Friday.', "en"),
        ('"we\'ll call you back within 24 hours" that was Monday', "en"),
        # Dutch.
        ("dank je voor niks", "nl"),
        ("hoe kan het dat mijn factuur ineens 30 euro hoger is zonder enig bericht", "nl"),
        ("en nu is mijn bestelling ineens geannuleerd? zonder uitleg?", "nl"),
        ("dit was echt de laatste druppel", "nl"),
        ("ik betaal voor glasvezel en krijg de snelheid van 2005", "nl"),
        ("zo ga je dus met je klanten om", "nl"),
        ("I'm never ordering from you again", "en"),
        ("I dont think im ever using your company again.", "en"),
        ("requested a return but courier never appeared. You're not answering the phone. What should I do?", "en"),
        ("24 hours - nothing back on my support ticket", "en"),
        ("website is maddeningly slow. Chat won't load. Cmon", "en"),
        ("unhappy with the media volume of the new phone", "en"),
        ("I'm a huge Nike fan too. A bit let down and it killed my run.", "en"),
        ("Surprised and embarrassed by impolite service at the mall store.", "en"),
        ("when i went out to ask him about it he was really rude and drove off", "en"),
        ("ik ben erg ontevreden over de service", "nl"),
        ("de conducteur was echt onbeschoft tegen een oudere mevrouw", "nl"),
    ],
)
def test_support_tweet_complaints_are_frustrated(text: str, language: str) -> None:
    assert alone(text, language).frustration >= FRUSTRATED_AT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("DM'd you on Monday, nothing. DM'd again Wednesday, nothing.", "en"),
        ("I emailed you twice, still nothing", "en"),
        ("three emails, zero replies. what's the point of the support address", "en"),
    ],
)
def test_contacts_without_an_answer_are_a_wait(text: str, language: str) -> None:
    assert "waiting" in alone(text, language).features


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A faulty thing named next to sincere thanks for a replacement or a label.
        ("Thanks for sending a replacement for the broken one!", "en"),
        ("Thanks for sending the label for the damaged item", "en"),
        ("thanks for deleting my old account as I asked", "en"),
        # "sucks" of a machine, "cool" said of something good.
        ("this vacuum sucks up all the dust, can I get a spare filter?", "en"),
        ("It's been cool working with you", "en"),
        ("the remake of Halloween sucked, but the original is great", "en"),
        ("That one sucked", "en"),
        # Notice asked about, or nothing taken away.
        ("Can I cancel without notice?", "en"),
        ("I cancelled my plan without any problem, thanks", "en"),
        ("kan ik zonder opgave van reden opzeggen?", "nl"),
        ("mijn abonnement is afgesloten zonder reden, ik kan niet meer bellen", "nl"),
        # Paid and got what was paid for.
        ("I paid for the order and got a confirmation email", "en"),
        ("I pay for premium and get early access, nice", "en"),
        ("ik betaal voor het pakket en krijg een bevestiging per mail?", "nl"),
        # Questions that ask.
        ("How does this happen? Is it a setting I changed?", "en"),
        ("Is this the kind of thing you can help with?", "en"),
        ("Is this your customer service number?", "en"),
        ("what are you doing for Black Friday this year?", "en"),
        ("why does every order need a signature?", "en"),
        ("does anyone actually read the terms? just curious haha", "en"),
        # Calm waits and plans.
        ("ok, I'll just wait for the email then", "en"),
        ("sure, I'll just restart it", "en"),
        ("I'm never using the old charger again, the new one is great", "en"),
        ("come on in, the door is open", "en"),
        ("Really? Thanks so much!", "en"),
        ("Really? That sounds good.", "en"),
        ("really? i thought it was pretty good", "en"),
        ("I'm not unhappy with it, just curious about the options", "en"),
        ("I'm unhappy to hear that you're leaving, Sam was great", "en"),
        ("don't let me down now haha", "en"),
        ("sorry if I was rude earlier", "en"),
        ("ik ben niet ontevreden hoor, vraagje", "nl"),
        ("was de bezorger onvriendelijk? nee hoor", "nl"),
        ("still waiting for the courier but the tracking says today, so fine", "en"),
        ("I'm out the door now, can the driver leave it with a neighbour?", "en"),
        ("that was Monday", "en"),
        ("I have two emails on my account, can I remove one?", "en"),
        # Praise and thanks.
        ("zo ga je met je klanten om, echt top service, dank jullie wel!", "nl"),
        ("bedankt voor het wachten, niks aan de hand", "nl"),
        ("#thankyou for the quick fix", "en"),
    ],
)
def test_near_misses_stay_calm(text: str, language: str) -> None:
    assert alone(text, language).frustration < FRUSTRATED_AT
