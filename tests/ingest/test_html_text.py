"""HTML bodies to readable text, with lexbor: blocks, breaks, links, entities, hostile markup."""

from __future__ import annotations

from cxreview.ingest.html_text import html_to_text, html_to_text_many, looks_like_html


def test_paragraphs_breaks_links_and_entities() -> None:
    html = (
        "<p>Hi Jane,</p><p>it&#39;s   all\ngreat &amp; thanks! 😀<br>See <a href='https://x.example/a'>our page</a> "
        "or <a href='https://y.example'>https://y.example</a>, mail <a href='mailto:help@x.example'>us</a></p>"
        "<ul><li>one</li><li>two</li></ul>"
    )
    assert html_to_text(html) == (
        "Hi Jane,\nit's all great & thanks! 😀\nSee our page (https://x.example/a) or https://y.example, "
        "mail us (help@x.example)\none\ntwo"
    )


def test_scripts_styles_and_comments_disappear() -> None:
    html = "<style>p{color:red}</style><p>Hello<script>alert('x')</script></p><!-- internal --><p>Bye</p>"
    assert html_to_text(html) == "Hello\nBye"


def test_plain_text_is_left_alone() -> None:
    assert html_to_text("Thank you so much!!\nBye") == "Thank you so much!!\nBye"
    assert not looks_like_html("a < b and 3 > 2") and looks_like_html("it&#39;s") and looks_like_html("<p>x</p>")


def test_unclosed_markup_does_not_leak_into_the_next_body() -> None:
    bodies = [
        "<b>unclosed <a href='http://u.example'>link",
        "next &lt;3",
        "<table><tr><td>a<td>b",
        "after the table",
        "</template>closing a template",
        "<script>never closed",
        "still here",
        "<div>" * 3000 + "deep",
    ]
    assert html_to_text_many(bodies) == [
        "unclosed link (http://u.example)",
        "next <3",
        "a b",
        "after the table",
        "closing a template",
        "",
        "still here",
        "deep",
    ]
