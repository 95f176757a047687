"""Title, author and date of an HTML page from its markup: meta tags, JSON-LD, <time>, <h1>, and
then visible text (a byline element, an element whose class names a date).

The fast reader's metadata; cheap lookups only (the full trafilatura/htmldate search costs
several milliseconds a page). A date written in the page text is left to the credibility
check, which reads the page's first lines and dated lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from lxml import etree

from .dates import find_date, parse_date
from .html_main import text_content

__all__ = ["page_meta", "PageMeta", "elements_by_tag", "META_TAGS"]

_AUTHOR_NAMES = frozenset(
    {
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "parsely-author",
        "sailthru.author",
        "byl",
        "creator",
    }
)
_PUBLISHED_NAMES = (  # in order of preference: the original publication date first
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dcterms.date",
    "citation_date",
)
_MODIFIED_NAMES = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
)
_TITLE_NAMES = ("og:title", "twitter:title", "citation_title", "dc.title", "headline")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:]\s+|\s+-\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BY = re.compile(r"^\s*(?:by|written by|posted by|author:)\s+", re.I)
_TEXT = text_content  # (html_main: what XPath string() gives, without an XPath evaluation)
_BYLINE_CLASSES = ("author", "author-name", "byline-author")


# The two lookups below walk the elements in Python: libxml2's XPath pays far more per element
# than a walk that reads two or three attributes, and these select by attribute alone. Each
# gives what its XPath gives (tests/read/test_html_fast.py compares them):
#   (//*[@rel or @itemprop or @class][@rel='author' or @itemprop='author' or @class='author'
#     or @class='author-name' or @class='byline-author'])[1]
#   //*[@class or @itemprop][contains(@class, 'date') or contains(@class, 'time')
#     or contains(@class, 'published') or contains(@class, 'posted') or @itemprop='datePublished']
def _named(tree, author: bool, date: bool) -> Iterator[tuple[object, bool, bool]]:
    """(element, names the author, names a date) for the elements of the document that name
    themselves the author (when ``author``) or a date (when ``date``), in document order: one
    walk for both (a page without metadata asks for both, and a walk costs the same whatever it
    yields)."""
    for el in tree.getroottree().getroot().iter(etree.Element):
        attrib = el.attrib
        if not attrib:
            continue  # (half a page's elements have no attribute: none names itself)
        get = attrib.get
        cls = get("class")
        itemprop = get("itemprop")
        by = author and (get("rel") == "author" or itemprop == "author" or cls in _BYLINE_CLASSES)
        dated = date and (
            (
                cls is not None
                and ("date" in cls or "time" in cls or "published" in cls or "posted" in cls)
            )
            or itemprop == "datePublished"
        )
        if by or dated:
            yield el, by, dated


def byline_author(tree):
    """The first element of the document that names itself the author (rel or itemprop
    "author", or an author class), or None."""
    return next((el for el, _by, _dated in _named(tree, True, False)), None)


def visible_dates(tree) -> Iterator:
    """The elements of the document named for a date (class "date", "time", "published" or
    "posted", or itemprop datePublished), in document order: a date shown on the page (the
    reader drops such elements from the main text, so the date is taken here, before pruning)."""
    return (el for el, _by, _dated in _named(tree, False, True))


def _byline_and_shown_date(tree, author: bool, date: bool) -> tuple[object | None, str | None]:
    """``byline_author(tree)`` when ``author``, and the date of the first of the first three
    ``visible_dates(tree)`` that holds one when ``date``, from one walk that ends when both
    are settled."""
    byline, shown, tried = None, None, 0
    for el, by, dated in _named(tree, author, date):
        if by and byline is None:
            byline = el
        if dated and shown is None and tried < 3:
            tried += 1
            found = find_date(_TEXT(el)[:200])
            if found:
                shown = found[0]
        if (not author or byline is not None) and (not date or shown is not None or tried >= 3):
            break
    return byline, shown


META_TAGS = ("meta", "time", "script", "h1", "title")  # the elements ``page_meta`` reads


def elements_by_tag(tree, tags: tuple[str, ...]) -> dict[str, list]:
    """The elements with each of ``tags``, in document order, from one walk of the tree. A walk
    costs about the same whatever it yields (a page's five lookups took five walks)."""
    out: dict[str, list] = {tag: [] for tag in tags}
    for el in tree.iter(*tags):
        bucket = out.get(el.tag)
        if bucket is not None:
            bucket.append(el)
    return out


class PageMeta:
    __slots__ = ("author", "date", "title")

    def __init__(self, title: str | None, author: str | None, date: str | None) -> None:
        self.title, self.author, self.date = title, author, date


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text or None


def _iso(value: str | None) -> str | None:
    """yyyy-mm-dd from an ISO timestamp or a written date, within the plausible years."""
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    if m:
        found = parse_date(m.group(0))
        if found:
            return found
    return parse_date(value)


def _ld_name(value) -> str | None:
    """A schema.org person or organisation as a name: a string, ``{"name": ...}`` or a list."""
    if isinstance(value, list):
        return next((n for n in map(_ld_name, value) if n), None)
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _ld_items(data) -> list:
    """The objects of a JSON-LD document: a list, a ``@graph``, or one object."""
    if isinstance(data, list):
        return [x for d in data for x in _ld_items(d)]
    if isinstance(data, dict):
        return [x for d in data["@graph"] for x in _ld_items(d)] if "@graph" in data else [data]
    return []


def _json_ld(scripts: list) -> tuple[str | None, str | None, str | None]:
    """(headline, author name, datePublished) from the page's JSON-LD scripts, if any: each the
    first any object gives (a page's graph often puts the date on the WebPage and the author on
    the Article); a medical reviewer and the last review date stand in for a missing author and date."""
    headline = author = published = reviewer = reviewed = None
    for script in scripts:
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            if not isinstance(item, dict):
                continue
            if headline is None and isinstance(item.get("headline"), str):
                headline = item["headline"]
            author = author or _ld_name(item.get("author")) or _ld_name(item.get("creator"))
            reviewer = reviewer or _ld_name(item.get("reviewedBy"))
            for key in ("datePublished", "dateCreated"):
                if published is None and isinstance(item.get(key), str):
                    published = item[key]
            if reviewed is None and isinstance(item.get("lastReviewed"), str):
                reviewed = item["lastReviewed"]
    return headline, author or reviewer, published or reviewed


def _title_from_head(head_title: str | None) -> str | None:
    """The <title> without the site name: the first part before a separator, unless that part
    is too short to be a title."""
    if not head_title:
        return None
    parts = _TITLE_SEPARATORS.split(head_title)
    if len(parts) > 1 and len(parts[0].split()) >= 2:
        return parts[0]
    return head_title


def page_meta(tree, elements: dict[str, list] | None = None) -> PageMeta:
    """Title, author and date of a parsed page (an lxml HTML tree), before any pruning.
    ``elements``: ``elements_by_tag(tree, tags)`` for tags that include ``META_TAGS``, when the
    caller has walked the tree already."""
    if elements is None:
        elements = elements_by_tag(tree, META_TAGS)
    metas: dict[str, str] = {}
    for el in elements["meta"]:
        key = (
            (
                el.get("name")
                or el.get("property")
                or el.get("itemprop")
                or el.get("http-equiv")
                or ""
            )
            .strip()
            .lower()
        )
        content = el.get("content")
        if key and content and key not in metas:
            metas[key] = content
    for el in elements["time"]:  # <time datetime> and itemprop="datePublished" on any element
        if el.get("datetime") and "time:first" not in metas:
            metas["time:first"] = el.get("datetime")
    ld_title, ld_author, ld_date = _json_ld(elements["script"])

    h1s = [t for t in (_clean(_TEXT(h)) for h in elements["h1"]) if t]
    head_title = next((_clean(_TEXT(t)) for t in elements["title"]), None)
    title: str | None
    if len(h1s) == 1:
        title = h1s[0]
    else:
        title = next((_clean(metas[k]) for k in _TITLE_NAMES if metas.get(k)), None) or _clean(
            ld_title
        )
        title = title or _title_from_head(head_title) or (h1s[0] if h1s else None)

    author = next((metas[k] for k in metas if k in _AUTHOR_NAMES), None) or ld_author
    date = None
    for value in (
        [metas.get(k) for k in _PUBLISHED_NAMES]
        + [ld_date, metas.get("time:first")]
        + [metas.get(k) for k in _MODIFIED_NAMES]
    ):
        date = _iso(value)
        if date:
            break
    if not author or not date:
        # the page's byline element and the date it shows, where the metadata has none
        byline, shown = _byline_and_shown_date(tree, not author, not date)
        if not author:
            author = _TEXT(byline) if byline is not None else None
        date = date or shown
    author = _clean(_BY.sub("", author)) if author else None
    if author and (len(author) > 120 or author.startswith("http")):
        author = None
    return PageMeta(title, author, date)
