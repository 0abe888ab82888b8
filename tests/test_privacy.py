"""mask_pii on its own: what must be masked, and what must stay readable."""

from __future__ import annotations

import pytest

from cxreview.privacy import iban_valid, luhn_valid, mask_pii


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("+31 6 12 34 56 78", "[phone]"),  # the whole number, no prefix left behind
        ("bel me op 06-12345678 aub", "bel me op [phone] aub"),
        ("mijn nummer is 0612345678.", "mijn nummer is [phone]."),
        ("call 020 123 4567 or +44 20 7946 0958", "call [phone] or [phone]"),
        ("ring 07911 123456 please", "ring [phone] please"),
        # Ranges libphonenumber does not know as assigned: still a number when written as one.
        ("ring 07911 654321 please", "ring [phone] please"),
        ("or +44 7911 654321", "or [phone]"),
        ("card 4111 1111 1111 1111 and", "card [card] and"),  # the space before "and" stays
        ("paid with 5500-0000-0000-0004", "paid with [card]"),
        ("IBAN NL91 ABNA 0417 1643 00 please", "IBAN [iban] please"),
        ("rekening NL91ABNA0417164300", "rekening [iban]"),
        ("GB82 WEST 1234 5698 7654 32.", "[iban]."),
        ("mail jan.jansen@example.nl now", "mail [email] now"),
        ("DM me @jan_jansen or (@Sanne.dV)", "DM me [handle] or ([handle])"),
        ("@jan_j hi", "[handle] hi"),
    ],
)
def test_personal_data_is_masked(text: str, masked: str) -> None:
    assert mask_pii(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "invoice 1234567890123 paid",  # 13 digits, fails Luhn: not a card
        "invoice 4111 1111 1111 1112",  # one digit off a valid card
        "see https://shop.example.com/item/0612345678?ref=4111111111111111 ok",  # numbers inside a URL
        "www.example.nl/artikel/31612345678",
        "NL91 ABNA 0417 1643 01 is not an IBAN",  # wrong check digits: no [iban] (and not half a phone)
        "order NW-4411 of 12345 items",
        "order 12345678 arrived",  # a bare digit run that is no valid number stays readable
        "Opgezegd per 09-09-2026.",  # a date, not a phone number
        "on 2026-03-05 at 10:00",
        "email me at the address on file",
        "price 1.299,00 euro, 12 x 3",
        "[@click=app.quit]x[/] and a@b",
    ],
)
def test_other_text_stays(text: str) -> None:
    masked = mask_pii(text)
    assert "[card]" not in masked and "[iban]" not in masked and "[phone]" not in masked, masked
    if "NL91" not in text:
        assert masked == text


def test_checksums() -> None:
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert iban_valid("NL91 ABNA 0417 1643 00") and not iban_valid("NL91 ABNA 0417 1643 01")
    assert not iban_valid("NL91")
