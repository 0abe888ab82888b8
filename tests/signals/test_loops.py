"""Each documented loop rule, the handover case, and the config values that used to be
constants in code (curt length, disclosure window, csat scale)."""

from __future__ import annotations

from cxreview.signals.config import copy_config, load_config
from cxreview.signals.conversation import ConversationSignals
from tests.signals.dialogue import run

CONFIG = load_config()


def loop_flag(result: ConversationSignals) -> tuple[str, list[int]] | None:
    flag = next((f for f in result.flags if f.flag == "bot_loop"), None)
    return None if flag is None else (flag.rule, flag.positions)


def test_loop_rule_bot_failures() -> None:
    result = run(
        [
            ("customer", "where is my refund"),
            ("bot", "Sorry, I didn't understand that."),
            ("customer", "my refund"),
            ("bot", "Sorry, I didn't understand that. Could you rephrase?"),
        ]
    )
    assert loop_flag(result) == ("bot failures", [2, 4])
    once = run([("customer", "where is my refund"), ("bot", "Sorry, I didn't understand that.")])
    assert loop_flag(once) is None


REPEATING = [
    ("bot", "Hello, how can I help?"),
    ("customer", "I want to change the delivery address of my parcel"),
    ("bot", "I can help with payments and returns."),
    ("customer", "I want to change the delivery address of my parcel"),
    ("bot", "Please choose payments or returns."),
    ("customer", "I want to change the delivery address of my parcel!"),
]


def test_loop_rule_customer_repeats_to_the_bot() -> None:
    result = run(REPEATING)
    assert loop_flag(result) == ("customer repeats", [4, 6])
    assert loop_flag(run(REPEATING[:4])) is None  # one repeat is not a loop


def test_customer_repeats_to_the_bot_survive_the_handover() -> None:
    result = run([*REPEATING, ("bot", "I'm transferring you to a colleague."), ("agent", "Hi, Sanne here.")])
    assert result.handover and loop_flag(result) == ("customer repeats", [4, 6])


def test_customer_repeats_to_a_person_are_no_bot_loop() -> None:
    to_agent = [("bot", "Hi, I'm a virtual assistant."), ("agent", "Hi, Sanne here.")] + REPEATING[1::2]
    assert loop_flag(run(to_agent)) is None
    no_bot = [("agent", "Hi, Sanne here.")] + REPEATING[1::2]
    assert loop_flag(run(no_bot)) is None


def test_loop_thresholds_come_from_the_config() -> None:
    config = copy_config(CONFIG)
    config["loop"]["customer_repeats"] = 3
    assert loop_flag(run(REPEATING, config=config)) is None


def test_curt_length_comes_from_the_config() -> None:
    config = copy_config(CONFIG)
    chatty = [
        ("customer", "Hello there, I ordered a blue jacket last week and it has not arrived yet"),
        ("agent", "Let me check that for you."),
        ("customer", "ok no"),
    ]
    assert "curt" in run(chatty).messages[2].cues
    config["frustration"]["curt_min_usual_words"] = 50
    assert "curt" not in run(chatty, config=config).messages[2].cues


def test_disclosure_window_comes_from_the_config() -> None:
    late = [
        ("bot", "Hello!"),
        ("bot", "How can I help?"),
        ("bot", "I'm a virtual assistant, by the way."),
    ]
    assert run(late).bot_disclosed is False
    config = copy_config(CONFIG)
    config["transparency"]["disclosure_within_bot_turns"] = 3
    assert run(late, config=config).bot_disclosed is True


def test_low_csat_respects_the_scale() -> None:
    turns = [("customer", "When does my parcel come?"), ("agent", "Tomorrow.")]

    def low(csat: float, scale: float | None = None, config: dict | None = None) -> bool:
        result = run(turns, config=config, csat=csat, csat_scale=scale)
        return any(r.startswith("csat") for r in result.risk_reasons)

    assert low(2) and not low(3)  # 1..5, guessed from the value
    assert low(3, scale=10) and low(4, scale=10) and not low(5, scale=10)
    assert low(7) is False  # a 7 is on a 0..10 scale: not low
    assert low(40, scale=100) and not low(60, scale=100)
    config = copy_config(CONFIG)
    config["csat"]["scale"] = 10  # the config wins over the data's guess
    assert low(4, scale=5, config=config) and not low(5, scale=5, config=config)


def test_a_rephrased_question_asked_three_times_is_a_loop() -> None:
    """The same ask in other words counts as a repeat; three asks are a loop."""
    result = run(
        [
            ("bot", "Could you tell me your order number?"),
            ("customer", "I don't have one"),
            ("bot", "Can you tell me your order number please?"),
            ("customer", "I just said I don't have it"),
            ("bot", "Could you please give me your order number?"),
        ]
    )
    assert result.n_bot_repeats == 2 and loop_flag(result) == ("bot repeats", [3, 5])
    assert any(f.flag == "customer_repeat" for f in result.messages[3].flags)
    near_miss = run(
        [
            ("bot", "Can we deliver your parcel on Monday?"),
            ("customer", "No"),
            ("bot", "Could we deliver your parcel on Tuesday then?"),
            ("customer", "No"),
            ("bot", "Can we deliver your parcel on Wednesday?"),
        ]
    )
    assert not near_miss.bot_loop


def test_two_questions_asked_twice_each_are_no_loop() -> None:
    """A loop is one question asked three times; an ordinary flow that asks for a value and
    then for its confirmation, twice, repeats itself twice without looping."""
    password = run(
        [
            ("bot", "Please enter your email address."),
            ("customer", "sam@example.com"),
            ("bot", "Please confirm your email address."),
            ("customer", "sam@example.com"),
            ("bot", "Please enter your new password."),
            ("customer", "********"),
            ("bot", "Please confirm your new password."),
            ("customer", "********"),
        ]
    )
    # Typing a value in and confirming it are two steps of a form (round 8): no repeats.
    assert password.n_bot_repeats == 0 and not password.bot_loop
    asked_twice = run(
        [
            ("bot", "What is your email address?"),
            ("customer", "hmm"),
            ("bot", "Could you tell me your email address?"),
            ("customer", "sam@example.com"),
            ("bot", "What is your date of birth?"),
            ("customer", "why"),
            ("bot", "Could you please give me your date of birth?"),
        ]
    )
    assert asked_twice.n_bot_repeats == 2 and not asked_twice.bot_loop
    router = run(
        [
            ("bot", "Kun je de router herstarten?"),
            ("customer", "Nee"),
            ("bot", "Wil je de router herstarten?"),
            ("customer", "Ok, gedaan"),
            ("bot", "Zet de modem uit en weer aan."),
            ("customer", "gedaan"),
            ("bot", "Zet de modem uit en dan weer aan."),
        ],
        language="nl",
    )
    assert router.n_bot_repeats == 2 and not router.bot_loop


def test_a_repeat_of_a_repeat_asks_the_first_question_again() -> None:
    """The third ask counts for the first question even when it is only like the second."""
    result = run(
        [
            ("bot", "What is your order number?"),
            ("customer", "I don't know"),
            ("bot", "What is your order number please?"),
            ("customer", "I told you, I don't have it"),
            ("bot", "Could you please tell me your order number?"),
        ]
    )
    flag = next(f for f in result.flags if f.flag == "bot_loop")
    assert (flag.rule, flag.positions) == ("bot repeats", [3, 5])
    assert "asking message 1 again" in flag.detail


def test_near_miss_wordings_make_no_loop() -> None:
    """A perfect, then a modal of the same verb, then another modal: one question asked
    twice (the last two), not three times."""
    billing = run(
        [
            ("bot", "Heb je de factuur betaald?"),
            ("customer", "Nee nog niet"),
            ("bot", "Wil je de factuur betalen?"),
            ("customer", "Nee"),
            ("bot", "Kun je de factuur betalen?"),
        ],
        language="nl",
    )
    assert billing.n_bot_repeats == 1 and not billing.bot_loop


def test_a_question_asked_again_after_other_questions_is_no_loop() -> None:
    """A loop is one question asked three times while the customer brings nothing new: a
    template question asked again after each new topic (real movie chats, CCPE) repeats
    itself without looping, and a new value ("yes, another order") starts a new run; a
    failure between the asks ("Sorry, I can't find that order number.") changes nothing."""
    movies = []
    for title in ("Interstellar", "Forrest Gump", "Rambo", "Avengers"):
        movies += [("bot", f"Do you like the movie {title}?"), ("customer", "Yes I do")]
        movies += [("bot", "What do you like about this movie? 2 reasons please"), ("customer", "The story")]
    result = run(movies)
    assert result.n_bot_repeats == 3 and not result.bot_loop
    stuck = run(
        [
            ("bot", "What is your order number?"),
            ("customer", "12"),
            ("bot", "Sorry, I can't find that order number."),
            ("bot", "Could you tell me your order number?"),
            ("customer", "I just said 12"),
            ("bot", "What is your order number please?"),
        ]
    )
    assert loop_flag(stuck) == ("bot repeats", [4, 6])
    # A new order starts a new run: its number asked three times from there.
    again = run(
        [
            ("bot", "What is your order number?"),
            ("customer", "12"),
            ("bot", "Is there anything else?"),
            ("customer", "yes, another order"),
            ("bot", "What is your order number?"),
            ("customer", "34"),
            ("bot", "Could you tell me your order number?"),
            ("customer", "34!"),
            ("bot", "What is your order number please?"),
        ]
    )
    flag = next(f for f in again.flags if f.flag == "bot_loop")
    assert (flag.rule, flag.positions) == ("bot repeats", [7, 9]) and "asking message 5 again" in flag.detail


def test_the_same_answer_to_new_questions_is_no_loop() -> None:
    """A customer who answers each new question or offer alike (real task and movie chats,
    SGD and CCPE) repeats themselves without having to; a message sent twice with no bot reply
    between (doubled transcripts, ReDial) is no loop either."""
    answers = []
    for title in ("Mission Impossible", "Venom", "Dunkirk"):
        answers += [("bot", f"Do you like the movie {title}?"), ("customer", "I haven't seen it.")]
    assert loop_flag(run(answers)) is None
    offers = []
    for offer in ("a bus at 8 am for $37", "a table at 7 pm", "a room at the Sutter House"):
        offers += [("bot", f"Please confirm these details: {offer}."), ("customer", "Yes, that works for me.")]
    assert loop_flag(run(offers)) is None
    doubled = [("bot", "Hi, what movies do you like?")]
    for text in ("I like zombie movies a lot", "that I might like", "thank you good night"):
        doubled += [("customer", text), ("customer", text), ("bot", "Nice.")]
    assert loop_flag(run(doubled)) is None


def test_bad_news_in_failure_words_is_no_bot_failure_loop() -> None:
    """Failed bookings said with failure words (MWOZ, SGD) are bad news, not "I don't
    understand": no `bot failures` loop; and the customer's requests for another time are
    no repeats they had to make."""
    turns = []
    for time in ("7 pm", "8 pm", "9 pm"):
        turns += [("customer", f"Book a table at {time} please")]
        turns += [("bot", "I'm sorry but I was unable to book you for that time. Would you like another time?")]
    assert loop_flag(run(turns)) is None
