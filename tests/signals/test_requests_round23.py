"""Round 23 (req23): requests for a person or a channel staffed by people as customers write them on
Twitter, by family (tweet-speak: "u", "ur", "pls", no punctuation), each with the calm look-alikes
that must stay calm. The families, not single messages:

- reaching the company, said with "u" or bare ("how do i reach u", "where can i contact you", "how do
  i get in touch?", "how to contact customer service?", "can I call u guys"); not "how can I contact
  them?" (a venue in a task dialogue), "how do I reach the settings", "I know how to contact you";
- being contacted, with "u" or no object ("can u contact me pls", "could someone please get in
  touch", "contact me asap", "please reach out"); not "can u email me the receipt", a notice ("contact
  me when it's back in stock"), "told me they would get in touch";
- a contact at the company or its contact details ("can I get a contact for your PR team", "what's the
  contact for complaints", "your contact details please"); not a contact lens, the contact form, the
  customer's own details;
- another way in ("how else can I contact you", "can I contact you by phone?"), an e-mail address to
  write to ("email address please", "I need an email to send it to"), a call asked for as a thing
  ("I'd like a call");
- a channel with people said to be missing ("the lack of telephone support is ridiculous", "why no
  phone?", "you don't even have an 800 number"); not the customer's own ("I have no phone signal",
  "I don't have a phone number"), the phone app, support for a device ("no phone support for tablets");
- whether anyone will ever help ("can someone actually help", "is anyone going to help me"); a plain
  "can someone please help me?" asks for help (the tweets' labels), "is anyone going to the match" for
  nobody;
- "anyway" for "any way", a contact e-mail, the company wanted ("need to reach you"), help to reach it
  ("i need help contacting customer service"), a number not found, someone there to help, an answer
  asked ("will someone respond?"), a bare "contact me";
- a number sent by direct message to call ("DM a # and I'll call"); not "DM me the order number".
  A bare "can you dm me" / "DM me please" stays no request (the tweets' labels: the same social team
  answers either way);
- the same families in Dutch ("hoe kom ik in contact met jullie", "jullie hebben niet eens een
  telefoonnummer", "gaat er nog iemand reageren?", "kan iemand mij eindelijk eens helpen", "hoe bereik ik jullie", "hoe kan ik contact opnemen?").
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone


def _asks_alone(text: str, language: str = "en") -> bool:
    return any(f.flag == "human_request" for f in alone(text, language).flags)


ASKS = [
    # reaching the company
    "@Ask_Spectrum whats the best way to reach u guys",
    "@AmericanAir how do i get in touch",
    "@AmazonHelp how can i get in touch?",
    "@AskPlayStation how do u contact you guys",
    "@Ask_Spectrum where can i contact you",
    "@AmazonHelp how to contact customer service?",
    "@AmazonHelp how to contact you",
    "@AmazonHelp any way to contact u",
    "@AmazonHelp how do i reach u",
    "@AmazonHelp can I call u guys",
    # being contacted
    "@AmazonHelp can u contact me",
    "@AmazonHelp could someone please get in touch",
    "@AmazonHelp please get in touch asap",
    "@AmazonHelp contact me pls",
    "@AmazonHelp contact me asap",
    "@AmazonHelp reach out to me",
    "@AmazonHelp please reach out",
    # a contact at the company, its details
    "@AmazonHelp can I get a contact for your PR team",
    "@AmazonHelp i need a contact at amazon",
    "@AmazonHelp could you give me a contact",
    "@AmazonHelp what's the contact for complaints",
    "@AmazonHelp contact info for your corporate office?",
    "@AmazonHelp your contact details please",
    "@AmazonHelp what are your contact details",
    "@SpotifyCares What is the teams email so we can contact directly?",
    # another way in, an address, a call
    "@AmazonHelp how else can I contact you",
    "@AmazonHelp who else can I contact",
    "@AmazonHelp can i contact you via email",
    "@AmazonHelp can I contact you by phone",
    "@AmazonHelp can i get an email address",
    "@AmazonHelp email address please",
    "@AmazonHelp I need an email to send it to",
    "@AmazonHelp I'd like a call",
    # a channel missing
    "@SpotifyCares The lack of telephone support is ridiculous!",
    "@SpotifyCares why no phone support?",
    "@SpotifyCares Sent why no phone?",
    "@SpotifyCares It sucks that you don't have an 800 number",
    "@SpotifyCares why don't you have a phone number",
    "@SpotifyCares you dont even have a phone number??",
    # anyone ever helping
    "@British_Airways Help, Can someone actually help, have tried inputting info",
    "@AmazonHelp is anyone going to help me",
    "@AmazonHelp is anyone ever going to reply",
    "@AmazonHelp will anyone ever answer me",
    "@AmazonHelp can anybody actually help me",
    # a number by direct message
    "@SpotifyCares DM a # and I'll call.",
    "@SpotifyCares can you DM me your phone number",
    # second step: "anyway", a contact e-mail, the company wanted, help to reach it, a number not found
    "@VirginTrains is there anyway to contact you by phone?",
    "@ChipotleTweets Can I get a contact email?",
    "@AmazonHelp what's the contact email for press",
    "@Tesco Whats the best contact for a complaint?",
    "@SpotifyCares hey can you guys contact me",
    "@AskPayPal contact me",
    "@AmazonHelp need to reach you",
    "@AmazonHelp i need to speak with u",
    "@AmazonHelp i need help contacting customer service",
    "I need help contacting hr to unlock my account",
    "@AmazonHelp I can't find your phone number anywhere",
    "@AmazonHelp Anyone there to help?",
    "@AmazonHelp will someone respond?",
    "@AmazonHelp Need a call asap",
    # a specialist of the company
    "@SpotifyCares can i talk to a developer",
    "@SpotifyCares can i speak directly to an engineer",
]

CALM = [
    "@Brand I want to call you out on this, your app is great",  # rev23: calling out is no call
    "@AmazonHelp please help",
    "@AmazonHelp can you help me?",
    "@AmazonHelp can someone please help me??",
    "@AmazonHelp Can someone help me with a question I have please?",
    "@Delta sent you a DM",
    "@Delta can you DM me",
    "@Delta please DM me",
    "@AmazonHelp DM me the order number",
    "@AmazonHelp i will DM you my number",
    "@AmazonHelp I need a contact lens refill",
    "@AmazonHelp whats the contact form link",
    "@AmazonHelp my contact details are wrong how do i fix them",
    "@AmazonHelp how do i update my contact details",
    "@AmazonHelp contact me when its back in stock",
    "@AmazonHelp feel free to reach out",
    "@AmazonHelp thanks for reaching out to me",
    "@AmazonHelp to sign up i need an email",
    "@AmazonHelp can i get an email when it ships",
    "@AmazonHelp I'd like a call of duty skin",
    "@AmazonHelp I want a ring for christmas",
    "@SpotifyCares the lack of phone support for chromecast is annoying",
    "@SpotifyCares no phone support on the new app?",
    "@SpotifyCares why no phone app update",
    "@SpotifyCares I have no phone signal",
    "@SpotifyCares I don't have a phone number",
    "@SpotifyCares they don't have a phone number on file for me",
    "@SpotifyCares you don't have my email address",
    "@AmazonHelp how else can I fix this",
    "@AmazonHelp who else can use my account",
    "@AmazonHelp can i pay you by phone",
    "@AmazonHelp is anyone else going to get a refund",
    "@AmazonHelp is anyone going to the match",
    "@AmazonHelp how do i contact them",
    "@AmazonHelp how can i contact the seller",
    "@AmazonHelp how do i reach the settings",
    "@AmazonHelp I know how to contact you",
    "@AmazonHelp how to contact a seller",
    "@AmazonHelp can u email me the receipt",
    "@AmazonHelp can u call me a taxi",
    "@AmazonHelp can u email me when it ships",
    "@AmazonHelp please get in touch with the courier",
    "@AmazonHelp they said someone will get in touch",
    "@AmazonHelp what's the company's policy on refunds",
    "@SpotifyCares I spoke to an engineer yesterday",
    "How can I contact them and do they offer laundry service?",
    "@AmazonHelp is there a way to contact the seller",
    "@AmazonHelp is there anyway to track my order",
    "@AmazonHelp what's the contact email on my account",
    "@AmazonHelp can i get a contact lens prescription",
    "@AmazonHelp I don't need to call you",
    "@AmazonHelp i need help contacting my bank",
    "@AmazonHelp I can't find a phone case for my model",
    "@AmazonHelp anyone there to pick up my parcel?",
    "@AmazonHelp Need a call centre job",
    "@AmazonHelp i need a call of duty code",
    "I can't reach cust service to report a terrible experience",
]

ASKS_NL = [
    "@PostNL hoe kom ik in contact met jullie",
    "@PostNL ik moet jullie dringend spreken",
    "@PostNL jullie hebben niet eens een telefoonnummer",
    "@PostNL waarom geen telefonische klantenservice?",
    "@PostNL gaat er nog iemand reageren?",
    "@PostNL kan iemand mij eindelijk eens helpen",
    "@PostNL kan er nou eindelijk iemand reageren",
    "@PostNL hoe bereik ik jullie",
    "@PostNL hoe kan ik contact opnemen?",
]

CALM_NL = [
    "@PostNL kan iemand mij helpen?",
    "@PostNL ik heb een DM gestuurd",
    "@PostNL ik heb contact opgenomen met de verkoper",
    "@PostNL hoe kom ik in contact met de bezorger",
    "@PostNL ik moet de bezorger spreken",
    "@PostNL ik heb geen telefoonnummer",
    "@PostNL gaat er iemand mee naar het concert?",
    "@PostNL hoe bereik ik het station",
    "@PostNL hoe bel ik naar het buitenland",
]


@pytest.mark.parametrize("text", ASKS)
def test_a_person_or_a_staffed_channel_asked_for_in_a_tweet(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize("text", CALM)
def test_calm_tweets_that_look_like_those_asks_ask_for_nobody(text: str) -> None:
    assert not _asks_alone(text), text


@pytest.mark.parametrize("text", ASKS_NL)
def test_the_dutch_tweet_families_ask_for_a_person(text: str) -> None:
    assert _asks_alone(text, "nl"), text


@pytest.mark.parametrize("text", CALM_NL)
def test_calm_dutch_look_alikes_ask_for_nobody(text: str) -> None:
    assert not _asks_alone(text, "nl"), text
