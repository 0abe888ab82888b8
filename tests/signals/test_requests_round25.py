"""Round 25 (req25): requests for a person or a staffed channel in public posts, by families, each with its calm
look-alikes (English and Dutch):

- a way to reach the company's people asked as a complaint ("how am i supposed to contact you", "how do you expect
  people to reach you"); not a level in a game or a third party;
- a channel with people gone or missing ("where did the live chat go?", "bring back phone support", "is there really no
  phone number", "No customer service number. No live chat."); not a telecom's own phone line, an app's chat feature;
- a place, a person or a department to call or write ("is there anywhere i can call", "where do i call about a refund",
  "who's the contact for returns", "a phone # to the refunds department", "how do i contact head office");
- an e-mail address in the forms tweets use ("do y'all have an email?", "don't you guys have an email address?", "is
  there not an email address i can send my issue to?", "direct email?", "can you please provide the email address?");
  not an e-mail confirmation or notification, nor a venue's number in a task dialogue ("give me the number");
- whether anyone is there or answers ("on hold for an hour. anyone there?", "is anyone answering phones",
  "is anyone behind your twitter account?", "do you have anyone working???", "is the 24/7 phone line open?");
- a call asked for with no object ("sent you my number, please call"), "are you able to call me?", help from a human,
  someone who is not a bot, "can we hop on a call";
- the customer told to be contacted ("Contact me.", "no you call me.", "have him call me", "feel free to email me",
  "how about someone calling me", "need ph # for human", "you need to provide a phone number"); not "call me crazy",
  "contact me when it ships", "email me the receipt", "you call me a valued customer but ...";
- more forms read in the airline tweets: "Is there a chat?", "got a number for me to call?", "what is contact info to
  upgrade", "How do I get through?", "isn't there anyone monitoring your cust serve?", "does anyone actually work at the
  refunds department?", "should I be emailing someone?"; not "is there a chat in the app", a taxi's "contact information
  and car type", "how do i get through security";
- a line or address to be given ("give me email address to let u know", "send me your name and contact info", "what's
  yall corporate number", "PM me the number where I can lodge formal complaints", "I would like the actual email
  address so I can follow up"); not a taxi's "provide me with a contact number and the car type";
- Dutch: a chat or line asked after ("is er nog een chatfunctie?", "hebben jullie geen klantenservice meer?"), a way to
  call ("is er een mogelijkheid om te bellen?"), how they must be reached now ("hoe moet ik jullie dan bereiken"),
  "ik word graag gebeld"; not calling abroad or via wifi.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone


def _asks_alone(text: str, language: str = "en") -> bool:
    return any(f.flag == "human_request" for f in alone(text, language).flags)


ASKS = [
    ("en", "@Brand how am i supposed to contact you"),
    ("en", "@Brand how is anyone supposed to get hold of you"),
    ("en", "@Brand how do you expect people to contact you"),
    ("en", "@Brand where did the live chat go?"),
    ("en", "@Brand please bring back phone support"),
    ("en", "@Brand did you get rid of the customer service line?"),
    ("en", "@Brand is there really no phone number"),
    ("en", "@Brand No customer service number. No live chat. Just a bot."),
    ("en", "@Brand can we hop on a call"),
    ("en", "@Brand is there anywhere i can call"),
    ("en", "@Brand where do i call about a refund"),
    ("en", "@Brand who's the contact for returns"),
    ("en", "@Brand why can't i call you"),
    ("en", "@Brand how do i contact head office"),
    ("en", "@Brand sent you my number, please call"),
    ("en", "@Brand are you able to call me?"),
    ("en", "@Brand i need help from a human"),
    ("en", "@Brand Can someone who isn't a bot help me"),
    ("en", "@Brand I have an issue that needs more than a tweet, do y'all have an email?"),
    ("en", "@Brand don't you guys have an email address?"),
    ("en", "@Brand is there not an email address I can send my issue to?"),
    ("en", "@Brand hi, do you have a general enquiries email address please?"),
    ("en", "@Brand the form is too short. Direct email?"),
    ("en", "@Brand I need to email customer service, can you please provide the email address?"),
    ("en", "@Brand could you please send me a phone # to the refunds department?"),
    ("en", "@Brand do you have a phone nbr for refund dept?"),
    ("en", "@Brand your line is down. what other number can i use?"),
    ("en", "@Brand on hold for an hour. anyone there?"),
    ("en", "@Brand is anyone answering phones today?"),
    ("en", "@Brand HELLO!! Is anyone behind your twitter account?"),
    ("en", "@Brand on hold over an hour. Do you have anyone working???"),
    ("en", "@Brand on hold 2 hrs. How do you reach a person?"),
    ("en", "@Brand is the 24/7 phone line open?"),
    ("en", "@Brand this is the worst service. Wtf. Contact me."),
    ("en", "@Brand no you call me."),
    ("en", "@Brand Have him call me. Your service sucks."),
    ("en", "@Brand feel free to email me jane@x.com"),
    ("en", "@Brand How about someone picking up the phone and calling me"),
    ("en", "@Brand terrible. How about an actual helpful person?"),
    ("en", "@Brand I need help from somebody other than a robot. PLEASE!!!"),
    ("en", "@Brand Need ph # for human. Not automated."),
    ("en", "@Brand it isn't good enough. You need to provide a phone number."),
    ("en", "@Brand does anyone know the UK customer service number for Brand"),
    ("en", "@Brand pls send me private msg with phone number or email address"),
    ("en", "@Brand Phone wait time is crazy. Is there a chat?"),
    ("en", "@Brand left my bag on the plane -- got a number for me to call?"),
    ("en", "@Brand what is contact info to upgrade using miles?"),
    ("en", "@Brand No one answers your phone line. How do I get through?!!!"),
    ("en", "@Brand Isn't there anyone actively monitoring your cust serve?"),
    ("en", "@Brand does anyone actually work at the refunds department?"),
    ("en", "@Brand will my thanks be passed on or should I be emailing someone?"),
    ("en", "@Brand refund my ticket and give me email address to let u know what happened"),
    ("en", "@Brand too much to share via tweet. Please send me your name and contact info."),
    ("en", "@Brand what's yall corporate number"),
    ("en", "@Brand please PM me the number where I can lodge formal complaints. Thx"),
    ("en", "@Brand I would like the actual email address so I can follow up. thank you."),
    ("nl", "@Merk is er nog een chatfunctie?"),
    ("nl", "@Merk hebben jullie geen klantenservice meer?"),
    ("nl", "@Merk kan ik ergens naartoe bellen?"),
    ("nl", "@Merk is er een mogelijkheid om te bellen?"),
    ("nl", "@Merk is er een manier om jullie te bereiken"),
    ("nl", "@Merk hoe moet ik jullie dan bereiken"),
    ("nl", "@Merk waar is de chat gebleven?"),
    ("nl", "@Merk ik word graag gebeld"),
]

CALM = [
    ("en", "@Brand how am i supposed to reach level 10 with this lag"),
    ("en", "@Brand how am i supposed to contact the seller if the page is gone"),
    ("en", "@Brand how do you expect customers to stay loyal"),
    ("en", "@Brand what happened to the phone line at my house, it's dead"),
    ("en", "@Brand why did you remove the chat feature from the app"),
    ("en", "@Brand bring back the shuffle button"),
    ("en", "@Brand is there really no dark mode"),
    ("en", "@Brand no phone number on my account, how do i add one"),
    ("en", "@Brand is there anywhere i can buy this in london"),
    ("en", "@Brand where do i find the call log"),
    ("en", "@Brand why can't i call my friends since the update"),
    ("en", "@Brand is there an email notification when my order ships?"),
    ("en", "@Brand can you send me a confirmation email"),
    ("en", "@Brand I didn't get the confirmation email"),
    ("en", "Can you give me the number of stars and whether they have internet?"),
    ("en", "give me the number"),
    ("en", "@Brand is anyone else having trouble with the app?"),
    ("en", "@Brand is the phone line working in my area?"),
    ("en", "@Brand what happened to my phone number"),
    ("en", "@Brand call me crazy but i love the new update"),
    ("en", "@Brand contact me when it ships"),
    ("en", "@Brand Email me a copy of the invoice."),
    ("en", "@Brand you call me a valued customer but treat me like this"),
    ("en", "@Brand have them call me when it's ready"),
    ("en", "@Brand how about a refund?"),
    ("en", "@Brand does anyone know the phone number of the hotel"),
    ("en", "@Brand you need to provide a better service"),
    ("en", "@Brand I sent you a message with my phone number"),
    ("en", "@Brand is there a chat in the app to talk to friends"),
    ("en", "I need a taxi at 23:00. What is the contact information and car type please?"),
    ("en", "@Brand how do i get through security faster"),
    ("en", "I would like to leave at 16:00. Please provide me with a contact number and the car type."),
    ("en", "@Brand please send me a confirmation email"),
    ("nl", "@Merk is er een mogelijkheid om te bellen naar het buitenland"),
    ("nl", "@Merk is er een manier om te bellen via wifi"),
    ("nl", "@Merk hoe kan ik mijn moeder bellen met dit abonnement"),
    ("nl", "@Merk hebben jullie geen korting meer?"),
    ("nl", "@Merk waar is de knop gebleven"),
]


@pytest.mark.parametrize(("language", "text"), ASKS)
def test_public_families_ask_for_a_person(language: str, text: str) -> None:
    assert _asks_alone(text, language)


@pytest.mark.parametrize(("language", "text"), CALM)
def test_look_alikes_stay_calm(language: str, text: str) -> None:
    assert not _asks_alone(text, language)
