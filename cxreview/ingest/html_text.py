"""HTML message bodies to readable text: paragraphs and line breaks kept, links as text + URL.

Helpdesks store replies as HTML (``<p>Thanks!</p>``, ``it&#39;s``). Stored verbatim, the tags
show up in the transcript and feed the signals; here they become the text a customer saw.
The parsing is lexbor's (through selectolax), a maintained HTML5 parser, never regular
expressions: real exports contain unclosed tags, comments and entities of every kind.

Creating a lexbor document costs far more than parsing a short reply, so
:func:`html_to_text_many` parses a whole batch as one document, each body inside its own
``<template>``. A template has its own content fragment and is a boundary for formatting
elements, so an unclosed ``<b>`` or ``<a>`` cannot leak into the next body. Bodies that could
still escape a template (raw-text elements such as an unclosed ``<script>``, comments,
foreign SVG/MathML content, a ``template`` tag of their own) are parsed on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose end starts a new line in the text a reader sees.
_BLOCKS = frozenset(
    "p div li tr h1 h2 h3 h4 h5 h6 blockquote pre table ul ol dl dt dd section article header footer "
    "hr address figure figcaption caption nav aside main form fieldset details summary".split()
)
_CELLS = frozenset(("td", "th"))
_SKIPPED = frozenset("script style head template noscript title iframe object embed svg math".split())
# Substrings (lower case) that mark a body as unsafe to share a document with others.
_ESCAPES_TEMPLATE = (
    "<!--",
    "template",
    "<script",
    "<style",
    "<textarea",
    "<title",
    "<xmp",
    "<iframe",
    "<noembed",
    "<noframes",
    "<noscript",
    "<plaintext",
    "<svg",
    "<math",
    "<frameset",
    "<![cdata[",
)
# One scan for all of them (a guard that picks the parsing route; the parsing is lexbor's).
_RISKY = re.compile("|".join(re.escape(marker) for marker in _ESCAPES_TEMPLATE))
_BREAK = "\x1e"  # stands for a line break the markup asks for, until source newlines are gone
_MARKUP = re.compile(r"<[A-Za-z!/]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+\d*);")
_BLANK_LINES = re.compile(r"\n{3,}")
BATCH = 500


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains a tag or an entity (used by ``body: auto``)."""
    return ("<" in text or "&" in text) and _MARKUP.search(text) is not None


def html_to_text(html: str) -> str:
    """Return the readable text of one HTML fragment (see :func:`html_to_text_many`)."""
    return html_to_text_many([html])[0]


def html_to_text_many(bodies: Sequence[str]) -> list[str]:
    """Return the readable text of each HTML body, in order.

    Block ends and ``<br>`` become newlines (at most one blank line in a row), a link
    becomes ``text (url)`` unless the text shows the URL already, entities are decoded,
    and scripts, styles and comments disappear.
    """
    result: list[str] = [""] * len(bodies)
    shared: list[int] = []
    for index, body in enumerate(bodies):
        if "<" not in body and "&" not in body:  # plain text: nothing to parse, newlines stay
            result[index] = body.strip()
        elif _RISKY.search(body.lower()) is not None:
            tree = LexborHTMLParser(body)
            root = tree.body
            result[index] = _tidy(_text_of(root)) if root is not None else ""
        else:
            shared.append(index)
    for start in range(0, len(shared), BATCH):
        chunk = shared[start : start + BATCH]
        document = "".join(f"<template>{bodies[i]}</template>" for i in chunk)
        fragments = LexborHTMLParser(document).template_fragments()
        if len(fragments) != len(chunk):  # cannot happen for bodies that passed the check above
            for i in chunk:
                root = LexborHTMLParser(bodies[i]).body
                result[i] = _tidy(_text_of(root)) if root is not None else ""
            continue
        for i, fragment in zip(chunk, fragments, strict=True):
            result[i] = _tidy(_text_of(fragment))
    return result


def _text_of(root: LexborNode) -> str:
    """Text of ``root``'s children, with a break marker after blocks and for ``<br>``.

    Iterative rather than recursive: a hostile export can nest elements thousands deep.
    """
    out: list[str] = []
    append = out.append
    pending: list[tuple[str | None, LexborNode | None]] = []  # (text after an element, its next sibling)
    node = root.child
    while True:
        while node is None:
            if not pending:
                return "".join(out)
            after, node = pending.pop()
            if after:
                append(after)
        tag = node.tag
        if tag == "-text":
            append(node.text_content or "")
            node = node.next
        elif tag == "br":
            append(_BREAK)
            node = node.next
        elif tag in _SKIPPED or tag is None or tag[0] == "-":  # comments, doctype, scripts, styles
            node = node.next
        else:
            if tag in _BLOCKS:
                after = _BREAK
            elif tag == "a":
                after = _link_target(node)
            else:
                after = " " if tag in _CELLS else None
            pending.append((after, node.next))
            node = node.child


def _link_target(link: LexborNode) -> str | None:
    """`` (url)`` after a link's text, unless the text already shows it."""
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return None
    target = href.removeprefix("mailto:").removeprefix("tel:")
    label = link.text(deep=True).strip()
    if not label:
        return target
    if target in label or label in (href, target):
        return None
    return f" ({target})"


def _tidy(text: str) -> str:
    # Source formatting (indentation, newlines inside a paragraph) is not what a reader sees:
    # only the breaks the markup asks for become lines. str.split() folds every kind of
    # white space (no-break spaces included) in C, which matters at a million bodies.
    joined = "\n".join([" ".join(line.split()) for line in text.split(_BREAK)]).strip()
    return _BLANK_LINES.sub("\n\n", joined) if "\n\n\n" in joined else joined
