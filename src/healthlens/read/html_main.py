"""The main text of an HTML page without the site around it, in one lxml pass.

What is dropped: scripts, styles, embedded media and form controls; navigation and asides;
outside the main container also the page header and footer; inside it, blocks whose class or
id names them as ads, cookie banners, newsletters, share bars, related links, comments and the
like. The main container is the page's longest <article>, else its <main>, else the element
whose class or id says content/article/post/entry/story holds most text, else <body>.

The text keeps one line per block (paragraph, heading, list item as "- item", table cell),
which is what sentence splitting expects, and follows trafilatura's text output in form.
``read_html`` falls back to trafilatura when this finds too little of the page's text.
"""

from __future__ import annotations

import re
from operator import itemgetter

from lxml import etree

__all__ = ["main_text", "MainText", "MIN_WORDS"]

MIN_WORDS = 40  # below this the fast extractor's text is not trusted (see read_html)
CONTAINER_SHARE = 0.25  # a container must hold at least this share of the body's text

_JUNK = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "aside",
)
_CHROME = ("header", "footer")
_BLOCKS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "hr",
    "br",
)
_TOKENS = r"(?:^|[\s_-])({})(?=$|[\s_-])"
_BOILERPLATE = re.compile(
    _TOKENS.format(
        r"ads?|adv|advert\w*|sponsor\w*|promo\w*|cookies?|consent|banner|newsletter|subscribe|subscription|signup|"
        r"sidebar|related|share|sharing|social|comments?|breadcrumbs?|menu|navbar|nav|navigation|popup|modal|"
        r"widgets?|masthead|toolbar|pagination|pager|skip"
    ),
    re.I,
)
_CHROME_CLASS = re.compile(_TOKENS.format(r"header|footer"), re.I)
_CONTENT_HINT = re.compile(_TOKENS.format(r"content|article|post|entry|story|main|body|text"), re.I)
_CLASSED = etree.XPath(".//*[@class or @id]")
_TEXT = etree.XPath("string()")  # an element's text content, in C
_MAIN = etree.XPath(".//main|.//*[@role='main']")


class MainText:
    __slots__ = ("text", "words", "body_words", "container")

    def __init__(self, text: str, words: int, body_words: int, container: str) -> None:
        self.text, self.words, self.body_words, self.container = text, words, body_words, container


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _length(el) -> int:
    return len(_TEXT(el))


def _container(body, total: int) -> tuple[object, str]:
    """The main container and how it was found; ``total``: the length of the body's text."""
    floor = CONTAINER_SHARE * total
    articles = [(_length(a), a) for a in body.iter("article")]
    if articles:
        best_len, best = max(articles, key=itemgetter(0))  # (the first of the longest)
        if best_len >= floor:
            return best, "article"
    mains = [m for m in _MAIN(body) if _length(m) >= floor]
    if mains:
        return max(mains, key=_length), "main"
    hinted = [
        el
        for el in _CLASSED(body)
        if _CONTENT_HINT.search(_names(el)) and not _BOILERPLATE.search(_names(el))
    ]
    best, best_len = None, floor
    for el in hinted:
        n = _length(el)
        if n >= best_len:
            best, best_len = el, n
    if best is not None:
        # prefer a tighter hinted element inside that still holds most of the text
        for el in hinted:
            if el is not best and 0.7 * best_len <= _length(el) < best_len and _is_inside(el, best):
                best, best_len = el, _length(el)
        return best, "hint"
    return body, "body"


def _is_inside(el, ancestor) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _drop(el) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _prune(container, is_body: bool) -> None:
    if is_body:
        for el in list(container.iter(*_CHROME)):
            _drop(el)
    size = _length(container)
    for el in list(_CLASSED(container)):
        names = _names(el)
        chrome = is_body and _CHROME_CLASS.search(names)
        if (chrome or _BOILERPLATE.search(names)) and _length(el) < 0.5 * size:
            _drop(el)


def _lines(container) -> list[str]:
    for el in container.iter(*_BLOCKS):
        el.tail = "\n" + el.tail if el.tail else "\n"
        if el.tag == "li":
            el.text = "\n- " + el.text if el.text else "\n- "
        else:
            el.text = "\n" + el.text if el.text else "\n"
    raw = etree.tostring(container, method="text", encoding="unicode", with_tail=False)
    lines: list[str] = []
    dash = False  # a list item whose text sits in a nested block: "- " then the block's line
    for line in raw.split("\n"):
        if not line or line.isspace():
            continue
        if "  " in line or not line.isprintable() or line[0] == " " or line[-1] == " ":
            line = " ".join(line.split())  # (a printable line has no white space but single spaces)
        if line == "-":
            dash = True
            continue
        lines.append(f"- {line}" if dash and not line.startswith("- ") else line)
        dash = False
    return lines


def main_text(tree) -> MainText:
    """The page's main text. Changes ``tree`` (drops what is not main text)."""
    etree.strip_elements(tree, *_JUNK, with_tail=False)
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    body = tree.find("body")
    if body is None:
        body = tree
    body_text = _TEXT(body)
    container, kind = _container(body, len(body_text))
    _prune(container, container is body)
    text = "\n".join(_lines(container))
    # words are counted only as far as MIN_WORDS: all the callers ask is whether there are that many
    words = len(text.split(None, MIN_WORDS))
    body_words = words if words >= MIN_WORDS else len(body_text.split(None, MIN_WORDS))
    return MainText(text, words, body_words, kind)
