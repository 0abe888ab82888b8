"""The demo shows masking at work: every IBAN the demo customers give is a valid one (the
masker masks valid IBANs only), and the review screen's masking hides each of them."""

from __future__ import annotations

import re

from cxreview.demo.generator import generate
from cxreview.privacy import iban_valid, mask_pii
from tests.conftest import REPO


def test_every_demo_iban_is_valid_and_masked() -> None:
    text = (REPO / "samples" / "demo.jsonl").read_text(encoding="utf-8")
    ibans = re.findall(r"IBAN is ([A-Z0-9]+)", text)
    assert len(ibans) > 20 and all(iban_valid(i) for i in ibans)
    assert all(i not in mask_pii(f"mijn IBAN is {i}") for i in ibans)
    generated = [m["text"] for c in generate(120) for m in c["messages"] if "IBAN is" in m["text"]]
    assert generated and all(iban_valid(t.split("IBAN is ")[1].split()[0]) for t in generated)
