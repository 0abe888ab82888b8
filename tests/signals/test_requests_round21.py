"""Round 21 (req21): requests for a person or a channel with people as public support tweets word
them, by family, each with the false friends that must stay calm.

- a number or an e-mail address to reach the company by: one the customer can call or write to
  ("is there a uk number i can call", "do u guys have a number i can call"), one to reach the
  company ("what's the best number to reach you on", "an email to contact?"), the e-mail to
  send a complaint to, customer services' or the head office's number; not the customer's own
  number or e-mail, a number on an account, a promo or gift-card number, the activation line,
  a store's or a venue's number (round 10), nor "their contact number" in a task dialogue;
- a question for the channel itself, with a copula ("whats ur email", "what's the number for
  customer services"); not "what the hell ..." nor "what's the point of your helpline";
- who to contact, asked inside a sentence ("let us know who to contact", "any idea who i
  should call?"); not "I know who to call" nor "who to blame";
- where to call ("where do i call to cancel?"); the case asked to go higher ("can this be
  escalated?"), not told ("my case was escalated last week");
- tweet spellings: "ur", "ppl", "any1", "u guys";
- "is anyone else having this problem?" asks other customers, not for the company's people.
"""

from __future__ import annotations

import pytest

from tests.signals.dialogue import alone, run


def _asks(turns: list[tuple[str, str]]) -> list[int]:
    return [m.position for m in run(turns).messages if any(f.flag == "human_request" for f in m.flags)]


def _asks_alone(text: str) -> bool:
    return any(f.flag == "human_request" for f in alone(text).flags)


CHANNEL_ASKS = [
    "@ShopCoHelp is there a uk number i can call?",
    "@ShopCoHelp do u guys have a number i can call",
    "@FlyCoHelp what's the best number to reach you on",
    "@FlyCoHelp can you give me an email to contact?",
    "@ShopCoHelp what email do i send my complaint to",
    "@ShopCoHelp whats ur email",
    "@ShopCoHelp can I have the number for customer services",
    "@BankCoHelp what's the phone number for your head office?",
    "@ShopCoHelp ur phone number pls",
    "@PhoneCoCare do you guys have an email address i can write to about this",
]

CHANNEL_CALM = [
    "@ShopCoHelp I updated my contact number last week",
    "@ShopCoHelp can you update my contact number please",
    "@ShopCoHelp what is the email address you have on file for me",
    "@ShopCoHelp which email address is linked to my account",
    "@ShopCoHelp what's the tracking number",
    "@ShopCoHelp what's the point of your customer service number if nobody answers",
    "@ShopCoHelp what the hell is wrong with your customer service line",
    "@ShopCoHelp which number should I use for the gift card",
    "@ShopCoHelp what's the phone number for your Leeds store?",
    "@ShopCoHelp I called the number for customer services and waited an hour",
    "@ShopCoHelp your customer service number is useless",
    "@ShopCoHelp you have a great team",
    "@ShopCoHelp the email to confirm my order never came",
]


@pytest.mark.parametrize("text", CHANNEL_ASKS)
def test_a_number_or_an_address_to_reach_the_company_is_asked_for(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize("text", CHANNEL_CALM)
def test_the_customers_own_number_or_one_talked_about_asks_for_nobody(text: str) -> None:
    assert not _asks_alone(text), text


def test_a_venues_contact_number_in_a_task_dialogue_is_no_channel() -> None:
    turns = [
        ("customer", "I'm looking for an apartment with 2 bedrooms in San Jose."),
        ("agent", "I found Cherry Orchard Apartments at 1 Main Street, rated 4.2."),
        ("customer", "Can you give me the phone number I can use to call them?"),
        ("customer", "May I have their contact number please?"),
    ]
    assert _asks(turns) == []


def test_the_activation_line_is_no_channel_with_people() -> None:
    turns = [
        ("agent", "Your new card is on the way."),
        ("customer", "thanks! what number do I call to activate it once it arrives?"),
    ]
    assert _asks(turns) == []


WHO_AND_WHERE = [
    "@MapCo Hi! Some of our information is wrong in your neighborhood guide. Can you please let us know who to contact to change it?",
    "@FlyCoHelp my points never showed up, any idea who i should call?",
    "@ShopCoHelp where do i call to cancel my membership?",
    "@ShopCoHelp where can I call?",
    "@BankCoHelp can this be escalated please",
    "@BankCoHelp i want this escalated",
]

WHO_AND_WHERE_CALM = [
    "@ShopCoHelp don't worry, I know who to call",
    "@ShopCoHelp no idea who to blame for this mess",
    "@BankCoHelp my case was escalated last week and still nothing",
    "@BankCoHelp it has been escalated twice already",
    "@ShopCoHelp where can I buy the new console?",
    "@ShopCoHelp where do I find my order number",
]


@pytest.mark.parametrize("text", WHO_AND_WHERE)
def test_who_to_contact_where_to_call_and_an_escalation_are_asked(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize("text", WHO_AND_WHERE_CALM)
def test_knowing_whom_to_call_or_a_case_escalated_before_asks_nothing(text: str) -> None:
    assert not _asks_alone(text), text


@pytest.mark.parametrize(
    "text",
    [
        "@PhoneCoCare is anyone else having problems with their phone since the update?",
        "is anybody else unable to reach your support line",
    ],
)
def test_anyone_else_asks_other_customers(text: str) -> None:
    assert not _asks_alone(text), text


@pytest.mark.parametrize("text", ["@PhoneCoCare is there any1 there", "@PhoneCoCare can ppl call me back"])
def test_tweet_spellings_are_read_as_the_words_meant(text: str) -> None:
    assert _asks_alone(text), text


# Families from twcs21 (dev, labelled by two readers): a line staffed by people closed or down, the
# channel missing said as a complaint, whom to write to or ask, the company asked to write to an
# address given, someone above asked to step in, and reaching someone as the one thing wanted.
TWCS21_ASKS = [
    "@PhoneCoCare hello are all the lines closed for tonight #help",
    "@PhoneCoCare are the call centres closed for the night?",
    "@ShopCoHelp is your live chat down?",
    "@RideCoSupport Why is there no phone number ?? I'm literally stranded",
    "Y'all really need to get a customer service phone # @FoodCo",
    "@GameCoSupport who would I message for game suggestions",
    "@ShopCoHelp who do i ask about a refund",
    "@PhoneCoCare @PhoneCoBiz Should I talk to @PhoneCoBiz team?",
    "@FlyCoHelp Can you please contact jo.bloggs@example.com and give her the details please",
    "@ShopCoHelp I have made many calls. No resolution. Need corporate involved.",
    "@ShopCoHelp can we get a supervisor involved",
    "@ShopCoHelp website impossible to navigate - all I want to do is email about a faulty item",
]

TWCS21_CALM = [
    "@PhoneCoCare are the lines down in my area? no signal since 6",
    "@ShopCoHelp is your app down",
    "@ShopCoHelp there's no tracking number on my order",
    "@ShopCoHelp there's no phone number field in the app",
    "@ShopCoHelp I don't want to get a manager involved, just fix it",
    "@ShopCoHelp do i talk to the seller",
    "who do i ask out to prom lol",
    "@ShopCoHelp all i want is a refund",
    "@ShopCoHelp my email is jo.bloggs@example.com",
    "@ShopCoHelp is the store closed today",
    "@PhoneCoCare customer service 👎! 4 different people said they have no idea how to help",
    "@FlyCo thanks for the offer, accepted. Please reply or direct message me if you need contact details.",
]


@pytest.mark.parametrize("text", TWCS21_ASKS)
def test_twcs21_families_ask_for_people(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize("text", TWCS21_CALM)
def test_twcs21_false_friends_ask_for_nobody(text: str) -> None:
    assert not _asks_alone(text), text


# The company named by its name, as tweets to a brand's handle do; the live chat found or started;
# trying to reach the company's people (not how to escalate: a process). Tweet shortenings "w" / "w/".
BRAND_NAMED_ASKS = [
    "@SpotifyCares how do I contact spotify",
    "@AppleSupport how do I get in contact with apple",
    "@ShopCoHelp I need to contact shopco about a charge",
    "@ShopCoHelp I want to talk to shopco about my order",
    "@ShopCoHelp help me contact shopco please",
    "@ShopCoHelp what is shopco's phone number",
    "@ShopCoHelp can you send me a link to live chat",
    "@ShopCoHelp how do I start a chat with you",
    "@ShopCoHelp I've been trying to reach you all day",
    "@ShopCoHelp been trying to call customer service for hours",
    "@ShopCoHelp need to speak w someone",
    "@ShopCoHelp can i speak w/ a supervisor",
]

BRAND_NAMED_CALM = [
    "@PhoneCoCare how do I talk to siri in the car",
    "@PhoneCoCare how do I call mexico from my phone",
    "@ShopCoHelp how do I contact the seller",
    "@ShopCoHelp I need to contact my bank about the charge",
    "@ShopCoHelp I need to talk to my wife about it first",
    "@GameCoSupport how do I start a party chat on my console",
    "@ShopCoHelp I've been trying to reach 100 followers lol",
    "@ShopCoHelp been trying to get through to my bank all day",
    "@MusicCoCares how can I reach more listeners",
    "@ShopCoHelp how do I contact them",
    # complaints dev (labelled 0): how to escalate asks for the process, not for a person.
    "@ShopCoHelp How do I escalate a complaint which has been outstanding for a month now?",
    "Something that makes me feel good, something that I want to talk to others about.",
    "What is it's phone number? Also are there any expensive British restaurants in town?",
]


@pytest.mark.parametrize("text", BRAND_NAMED_ASKS)
def test_the_company_by_its_name_the_live_chat_and_trying_to_reach_it(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize("text", BRAND_NAMED_CALM)
def test_a_product_feature_someone_elses_people_or_a_venue_asks_for_nobody(text: str) -> None:
    assert not _asks_alone(text), text


@pytest.mark.parametrize(
    "text",
    [
        "@ShopCoHelp please reach out to me",
        "@ShopCoHelp can you get in touch with me about this",
        "@ShopCoHelp could you call me about my bill",
    ],
)
def test_the_company_asked_to_contact_the_customer_in_other_words(text: str) -> None:
    assert _asks_alone(text), text


@pytest.mark.parametrize(
    "text",
    [
        "selling my old console, please reach out to me if you want to buy it",
        "they said they will reach out to me",
        "please call me Sam",
        "@ShopCoHelp can you dm me",  # twcs21: both readers label "dm me" 0
    ],
)
def test_an_advert_a_report_a_name_or_a_dm_asks_for_nobody(text: str) -> None:
    assert not _asks_alone(text), text
