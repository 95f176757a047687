"""The main text of an HTML page without the site around it, in one lxml parse.

Three steps, each on general signals only (no rule names a site):

1. **Boilerplate out.** Scripts, styles, embedded media, form controls, ``<nav>`` and ``<aside>``
   go first; then every element whose tag (``header``, ``footer``), ARIA role (navigation,
   banner, complementary, contentinfo, ...) or class/id tokens (nav, menu, sidebar, footer,
   comments, related, share, social, newsletter, cookie, promo, breadcrumbs, ads, ...) names it
   as part of the site rather than of the article, unless it holds most of the page's text
   (a wrapper whose class happens to say "has-sidebar" is not boilerplate).
2. **The main container by density.** Every paragraph-like block (``<p>``, ``<pre>``, a cell,
   a ``<div>`` holding text but no blocks) of at least ``MIN_PARAGRAPH`` characters scores by
   its length and commas; the score goes to its parent in full and to its ancestors in shrinking
   shares. Each candidate's total is scaled by how much of its text is *not* link text, and
   nudged by its tag and by content/boilerplate words in its class and id. The best candidate
   wins, widened to its parent when the parent holds the rest of the article (several
   paragraphs' containers side by side), and joined by siblings that score as article too.
3. **Clean inside.** Lists, tables, ``div``s and ``section``s inside the container that read as
   link lists, image galleries, forms or teasers (high link density, few words, more images
   or inputs than paragraphs) are dropped; lists and tables that read as text stay where they
   are. Headings stay in place, so each stays with its section.

The text keeps one line per block (paragraph, heading, list item as "- item", table cell),
which is what sentence splitting expects. ``read_html`` falls back to trafilatura when this
finds too little of the page's text.
"""

from __future__ import annotations

import re

from lxml import etree

from ..fastmatch import scanner

__all__ = [
    "main_text",
    "MainText",
    "MIN_WORDS",
    "is_boilerplate",
    "link_density",
    "text_content",
]

MIN_WORDS = 40  # below this the fast extractor's text is not trusted (see read_html)
MIN_PARAGRAPH = 25  # characters: shorter blocks do not vote for a container
KEEP_SHARE = 0.6  # a boilerplate-named element holding this share of the body's text stays
WRAPPER_SHARE = 0.4  # ... and one with this share and few links, unless it names comments
RIVAL_SHARE = 0.5  # a candidate this close to the best one, near it, is part of the article
TOP_CANDIDATES = 25  # candidates whose link density is weighed

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
    "dialog",
    "menu",
    "figcaption",
)
_CHROME_TAGS = frozenset({"header", "footer"})
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
_BLOCK_SET = frozenset(_BLOCKS) - {"br", "hr"}
# a short line that speaks for the site, not the article: a label, a share or follow prompt, a
# newsletter call, a pointer to another story
_SITE_LINE = re.compile(
    r"^(?:advertisement|sponsored( content)?|comments?|share( this( article| story| post)?)?|"
    r"sharing is caring!?|related( articles| stories| posts)?:?|you may also like\W*|"
    r"more( stories)?:|tags:?|filed under:?|recommended( for you)?|trending( now| news)?)$"
    r"|^\[?(?:read more|related|see also|also read|also see|more|also|recommended|watch|listen)\s*:"
    r"|\b(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b|\bnewsletters?\b.{0,80}\b(?:sign up|subscribe)\b"
    r"|^follow (?:us|me|\w+(?: \w+){0,4}) on (?:twitter|facebook|instagram|linkedin|youtube)"
    r"|\bshare (?:it|this) with a friend\b|^tell us what you think",
    re.I,
)
_SPLIT = re.compile(r"[\s_-]+")


class _Words:
    """Whole words of a class/id string: tokens split at white space, "_" and "-", lower case.
    ``joined``: words written as one token or as two ("side-bar", "sidebar"); ``prefixes``:
    tokens that start so ("advertisement", "sponsored"). A set lookup per token: several times
    faster than one regular expression with every word as an alternative."""

    __slots__ = ("joined", "prefixes", "words")

    def __init__(self, words: str, joined: str = "", prefixes: tuple[str, ...] = ()) -> None:
        self.joined = frozenset(joined.split())
        self.words = frozenset(words.split()) | self.joined
        self.prefixes = prefixes

    def search(self, names: str) -> bool:
        words, joined, prefixes = self.words, self.joined, self.prefixes
        prev = ""
        for token in _SPLIT.split(names.lower()):
            if token in words or (prefixes and token.startswith(prefixes)):
                return True
            if prev and prev + token in joined:
                return True
            prev = token
        return False


_BOILERPLATE = _Words(
    "ad ads adv dfp cookie cookies consent gdpr banner newsletter subscribe subscription signup "
    "paywall sidebar rail related recommended trending popular share sharing social follow "
    "comment comments disqus respond replies breadcrumb breadcrumbs crumbs menu navbar nav "
    "navigation topnav masthead header footer popup modal overlay widget widgets toolbar "
    "pagination pager skip tags byline bio meta dateline timestamp caption credit hidden outbrain "
    "taboola teaser teasers tools utility author authors date dates time published updated "
    "kicker eyebrow label gallery slideshow carousel embed cta print email rating reactions likes "
    "emoji copyright more next prev previous",
    joined="adslot sidebar signup mostread taglist sronly visuallyhidden printonly jumplink "
    "postedon videoplayer disclaimerbox seealso alsoread sharebar screenreader readmore "
    "morestories authorinfo authorname authorbio commentlist photocredit imagecredit "
    "subscribebox signupform newslettersignup newsletterform",
    prefixes=("advert", "sponsor", "promo", "recirc", "screenreader"),
)
_COMMENTS = _Words("comment comments disqus respond replies", joined="commentlist")
_CONTENT_NAMES = _Words(
    "content article post entry story main body text blog prose",
    joined="articlebody postbody entrycontent storybody bodytext richtext",
)
_NEGATIVE_NAMES = _Words(
    "ad ads sidebar related share social comment comments footer header menu nav promo widget "
    "recommended trending popular teaser card cards list links tags meta",
    prefixes=("sponsor",),
)
_BOILERPLATE_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "complementary",
        "contentinfo",
        "search",
        "menu",
        "menubar",
        "dialog",
        "alertdialog",
        "toolbar",
        "tablist",
    }
)


def text_content(el) -> str:
    """An element's text content (its descendants' text, without its own tail): what the XPath
    ``string()`` gives, serialised by libxml2 without an XPath evaluation around it, which cost
    more than the serialising for the small elements (links, paragraphs) read most often."""
    return _tostring(el, method="text", encoding="unicode", with_tail=False)


_tostring = etree.tostring
_TEXT = text_content
_PARAGRAPHS = frozenset({"p", "pre", "td", "blockquote"})
_TAG_BONUS = {
    "article": 10,
    "main": 8,
    "div": 5,
    "section": 3,
    "td": 3,
    "pre": 3,
    "blockquote": 3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "li": -3,
    "table": -1,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "th": -5,
}
_CLEANED = ("ul", "ol", "dl", "table", "div", "section", "figure")


class MainText:
    __slots__ = ("body_words", "container", "text", "words")

    def __init__(self, text: str, words: int, body_words: int, container: str) -> None:
        self.text, self.words, self.body_words, self.container = text, words, body_words, container


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_boilerplate(el) -> bool:
    """Whether an element's tag, role or class/id tokens name it as site furniture rather than
    article (navigation, header, footer, sidebar, comments, related, share, ads, ...)."""
    return _boilerplate_by(el.tag, el.get("role"), el.get("class"), el.get("id"))


def _boilerplate_by(tag, role: str | None, cls: str | None, id_: str | None) -> bool:
    """``is_boilerplate`` of an element with this tag and these attributes."""
    if tag in _CHROME_TAGS:
        return True
    if (role or "").strip().lower() in _BOILERPLATE_ROLES:
        return True
    names = f"{cls or ''} {id_ or ''}"
    if names == " ":
        return False
    found = _SEEN_NAMES.get(names)
    if found is None:
        found = bool(_BOILERPLATE.search(names)) and not _CONTENT_NAMES.search(names)
        if len(_SEEN_NAMES) >= 50_000:
            _SEEN_NAMES.clear()
        _SEEN_NAMES[names] = found
    return found


_SEEN_NAMES: dict[str, bool] = {}  # class/id strings repeat within a page and across a site


def link_density(el, length: int | None = None, links: dict | None = None) -> float:
    """The share of an element's text that sits in links (0 for an element without text).
    ``links``: each link's text length, kept across calls while the tree does not change (the
    candidates of ``_best`` are nested, and each would read the same links' text again)."""
    if length is None:
        length = len(_TEXT(el).strip())
    if not length:
        return 0.0
    if links is None:
        linked = sum(len(_TEXT(a).strip()) for a in el.iter("a"))
    else:
        linked = 0
        for a in el.iter("a"):
            n = links.get(a)
            if n is None:
                n = links[a] = len(_TEXT(a).strip())
            linked += n
    return min(1.0, linked / length)


def _class_weight(el) -> int:
    names = _names(el)
    weight = _WEIGHTS.get(names)
    if weight is None:  # (class/id strings repeat, as for _SEEN_NAMES)
        weight = 0
        if names.strip():
            if _CONTENT_NAMES.search(names):
                weight += 25
            if _NEGATIVE_NAMES.search(names):
                weight -= 25
        if len(_WEIGHTS) >= 50_000:
            _WEIGHTS.clear()
        _WEIGHTS[names] = weight
    return weight


_WEIGHTS: dict[str, int] = {}


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


def _named_boilerplate(body) -> list:
    """The elements under ``body`` (not itself) that have a class, id or role and that
    ``is_boilerplate`` holds, in document order: what the XPath ``.//*[@class or @id or @role]``
    selects, filtered, from one walk in Python that reads each element's attributes once
    (libxml2's XPath costs more per element than that; a test compares the two). A tag and its
    attributes do not change while step 1 drops elements, so they can be judged before it."""
    out = []
    walk = body.iter(etree.Element)
    next(walk)  # ``body`` itself
    for el in walk:
        attrib = el.attrib
        if not attrib:
            continue
        get = attrib.get
        cls, id_, role = get("class"), get("id"), get("role")
        if (cls is not None or id_ is not None or role is not None) and _boilerplate_by(
            el.tag, role, cls, id_
        ):
            out.append(el)
    return out


def _drop_boilerplate(body, total: int) -> None:
    """Step 1: drop what names itself as site furniture, unless it holds most of the text."""
    keep = KEEP_SHARE * total
    chrome = list(body.iter("header", "footer"))
    for el in chrome + _named_boilerplate(body):
        if el.getparent() is None or not _attached(el, body):
            continue
        length = len(_TEXT(el))
        if length >= keep:
            continue
        if (
            length >= WRAPPER_SHARE * total
            and link_density(el, length) < 0.3
            and not _COMMENTS.search(_names(el))
        ):
            continue  # a wrapper around the article whose name says "ad-column" or "with-rail"
        _drop(el)


def _attached(el, root) -> bool:
    """Whether ``el`` is still under ``root`` (not inside a subtree dropped already)."""
    parent = el.getparent()
    while parent is not None:
        if parent is root:
            return True
        parent = parent.getparent()
    return False


def _is_paragraph(el) -> bool:
    tag = el.tag
    if tag in _PARAGRAPHS:
        return True
    if tag == "div" or tag == "section":
        return all(child.tag not in _BLOCK_SET for child in el)
    return False


def _score_candidates(body) -> dict:
    """Step 2's votes: each candidate element's score (before link density)."""
    scores: dict = {}
    for el in body.iter("p", "pre", "td", "blockquote", "div", "section", "article"):
        if _is_paragraph(el):
            if el.tag == "article":
                continue
            text = _TEXT(el)
            first = el.getparent()
        else:
            # text written straight into a block among other blocks (text, <br>, <p>, <img>)
            if el.tag in ("p", "pre", "blockquote"):
                continue
            text = (el.text or "") + "".join(child.tail or "" for child in el)
            first = el
        length = len(text.strip())
        if length < MIN_PARAGRAPH:
            continue
        vote = 1 + text.count(",") + min(length // 100, 3)
        parent = first
        level = 0
        while parent is not None and level < 5:
            if parent.tag in ("html", "body"):
                break
            share = vote if level == 0 else vote / 2 if level == 1 else vote / (level * 3)
            if parent not in scores:
                scores[parent] = _TAG_BONUS.get(parent.tag, 0) + _class_weight(parent)
            scores[parent] += share
            parent = parent.getparent()
            level += 1
    return scores


def _best(body) -> list:
    """The main container (and its article-like siblings), in document order."""
    scores = _score_candidates(body)
    if not scores:
        return [body]
    # link density (a walk of each candidate's links) only for the best-scoring ones: scaling by
    # it never lifts a candidate, so one far down the raw ranking cannot come out on top
    raw = sorted(scores.items(), key=lambda pair: -pair[1])[:TOP_CANDIDATES]
    links: dict = {}  # the tree does not change in here: each link's text is read once
    ranked = [(score * (1 - link_density(el, links=links)), el) for el, score in raw]
    ranked.sort(key=lambda pair: -pair[0])
    top_score, top = ranked[0]
    if top_score <= 0:
        return [body]
    # the article split over near-best candidates (several, or ones of the same class as the
    # best): their closest common ancestor, a few levels up at most, is the container
    top_class = top.get("class")
    rivals = [
        el
        for score, el in ranked[1:10]
        if score >= 0.75 * top_score
        or (score >= RIVAL_SHARE * top_score and top_class and el.get("class") == top_class)
    ]
    if len(rivals) >= 2 or (rivals and top_class and rivals[0].get("class") == top_class):
        ancestor, level = top.getparent(), 1
        while ancestor is not None and ancestor.tag not in ("body", "html") and level <= 3:
            if sum(1 for el in rivals if _is_inside(el, ancestor)) >= min(2, len(rivals)):
                top = ancestor
                break
            ancestor, level = ancestor.getparent(), level + 1
    # a parent that adds only a little to the top candidate's text is the same container
    parent = top.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        if len(parent) != 1:
            break
        top = parent
        parent = top.getparent()
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, 0.4 * top_score)
    top_class = top.get("class")
    parts = []
    for sibling in parent:
        if sibling is top:
            parts.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        bonus = 0.2 * top_score if top_class and sibling.get("class") == top_class else 0.0
        score = scores.get(sibling)
        if (
            score is not None
            and score * (1 - link_density(sibling, links=links)) + bonus >= threshold
        ):
            parts.append(sibling)
        elif sibling.tag == "p" or (
            sibling.tag in _SIBLING_BLOCKS and _is_paragraph_block(sibling)
        ):
            text = _TEXT(sibling).strip()
            density = link_density(sibling, len(text), links)
            if (len(text) > 80 and density < 0.25) or (
                0 < len(text) <= 80 and density == 0 and text[-1:] in ".!?"
            ):
                parts.append(sibling)
    return parts


_ABSOLUTE = re.compile(r"^\s*https?://(?:www\.)?([^/:?#\s]+)", re.I)
_SIBLING_BLOCKS = frozenset({"div", "section"})


def _is_paragraph_block(el) -> bool:
    """A block that holds one paragraph of text (and perhaps its heading): a question above its
    answer, a lead above the body."""
    paragraphs = 0
    for child in el:
        tag = child.tag
        if tag == "p":
            paragraphs += 1
        elif tag in _BLOCK_SET and tag not in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return False
    return paragraphs == 1


def _is_inside(el, ancestor) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _host(href: str) -> str | None:
    """The host of an absolute http(s) link, lower case without "www."; None for a relative one."""
    m = _ABSOLUTE.match(href)
    return m.group(1).lower() if m else None


def _own_host(tree) -> str | None:
    """The page's own host, from its canonical link or og:url, when it names one."""
    head = tree.find("head")
    if head is None:
        return None
    for el in head.iter("link", "meta"):
        if el.tag == "link":
            if (el.get("rel") or "").lower() != "canonical":
                continue
            url = el.get("href")
        elif (el.get("property") or "").lower() == "og:url":
            url = el.get("content")
        else:
            continue
        host = _host(url or "")
        if host:
            return host
    return None


def _cites_elsewhere(el, own: str | None) -> bool:
    """Whether a block links to another site (a source it cites, not a teaser of its own site)."""
    for a in el.iter("a"):
        host = _host(a.get("href") or "")
        if host and host != own:
            return True
    return False


def _clean(container, own: str | None = None) -> None:
    """Step 3: drop link lists, galleries, forms and teasers inside the container. ``own``: the
    page's host; a short linked line that cites another site stays (a source, not a teaser)."""
    for el in list(container.iter("p", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "div")):
        if el.getparent() is None or (el.tag == "div" and not _is_paragraph(el)):
            continue
        text = _TEXT(el).strip()
        length = len(text)
        if (
            length
            and length < 200
            and (
                (link_density(el, length) > 0.6 and not _cites_elsewhere(el, own))
                # (its scanner: re tries the \b-led alternatives at every character of every
                # short block, and most blocks hold none of the pattern's words)
                or scanner(_SITE_LINE).search(text)
            )
        ):
            _drop(el)
    for el in list(container.iter(*_CLEANED)):
        if el is container or el.getparent() is None:
            continue
        text = _TEXT(el)
        length = len(text.strip())
        weight = _class_weight(el)
        if weight < 0 and length < 1000:
            _drop(el)
            continue
        if text.count(",") >= 10:
            continue
        density = link_density(el, length)
        if (weight < 25 and density > 0.33 and length > 0) or (weight >= 25 and density > 0.5):
            _drop(el)  # a link list
            continue
        tag = el.tag
        if length < 200 or tag not in ("ul", "ol"):  # (the counts below only where they decide)
            images = sum(1 for _ in el.iter("img"))
            if length < 25 and (images == 0 or images > 2) and tag != "td":
                _drop(el)  # an empty shell or a gallery
                continue
            items = sum(1 for _ in el.iter("li")) - 100 if tag not in ("ul", "ol") else 0
            if (images > 1 and length < 200) or items > 0:
                paragraphs = sum(1 for _ in el.iter("p"))
                if (images > 1 and length < 200 and paragraphs / images < 0.5) or (
                    items > paragraphs
                ):
                    _drop(el)  # images with no text, or a long list of items with no text


def _lines(parts: list) -> list[str]:
    raws = []
    for container in parts:
        # (each of lxml's .text and .tail reads makes a new string: each is read once)
        for el in container.iter(*_BLOCKS):
            tail = el.tail
            el.tail = "\n" + tail if tail else "\n"
            text = el.text
            if el.tag == "li":
                el.text = "\n- " + text if text else "\n- "
            else:
                el.text = "\n" + text if text else "\n"
        raws.append(etree.tostring(container, method="text", encoding="unicode", with_tail=False))
    raw = "\n".join(raws)
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
    _drop_boilerplate(body, len(body_text))
    parts = _best(body)
    own = _own_host(tree)
    for part in parts:
        _clean(part, own)
    kind = "body" if parts == [body] else parts[0].tag
    text = "\n".join(_lines(parts))
    # words are counted only as far as MIN_WORDS: all the callers ask is whether there are that many
    words = len(text.split(None, MIN_WORDS))
    body_words = words if words >= MIN_WORDS else len(body_text.split(None, MIN_WORDS))
    return MainText(text, words, body_words, kind)
