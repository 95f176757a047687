"""Credibility signals after the JAMA benchmarks (authorship, attribution, currency, disclosure),
plus a medical disclaimer, commercial intent and first-person anecdote. Each signal keeps the
offsets of the text that showed it."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator
from urllib.parse import urlparse

from ..fastmatch import find_all, fold_text, scanner
from ..models import Credibility, Page
from ..read.dates import find_date

__all__ = ["assess_credibility", "AUTHORITY_DOMAINS"]

AUTHORITY_DOMAINS = (
    "nih.gov",
    "cdc.gov",
    "fda.gov",
    "medlineplus.gov",
    "ncbi.nlm.nih.gov",
    "pubmed",
    "who.int",
    "nhs.uk",
    "nice.org.uk",
    "doi.org",
    "cochranelibrary.com",
    "thelancet.com",
    "nejm.org",
    "jamanetwork.com",
    "bmj.com",
    "nature.com",
    "sciencedirect.com",
    "springer.com",
    "wiley.com",
    "rheumatology.org",
    "aaaai.org",
    "acaai.org",
    "aad.org",
    "thyroid.org",
    "nationalmssociety.org",
    "arthritis.org",
    "lupus.org",
    "crohnscolitisfoundation.org",
    "celiac.org",
    "diabetes.org",
    "heart.org",
    "cancer.org",
    "aafa.org",
    "foodallergy.org",
    "autoimmune.org",
    "rarediseases.org",
    "kidney.org",
    "endocrine.org",
    "gastro.org",
    "acg.gi.org",
    "mayoclinic.org",
    "clevelandclinic.org",
    "hopkinsmedicine.org",
    ".gov",
    ".edu",
    "europepmc.org",
)
_NAME = r"(?:Dr\.?\s+)?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:\s+(?:[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)){1,3}"
_ORG = r"(?:the\s+)?[A-Z][\w&]+(?:\s+[A-Z][\w&]+){0,3}\s+(?:Team|Editors|Editorial Team|Editorial Board|Medical Team|Clinical Team)"
_AUTHOR = re.compile(
    r"(?i:\b(?:(?:written|posted|filed|answered|reviewed|medically reviewed|clinically reviewed|fact[- ]checked|authored|edited|compiled)\s+by|by|author)\b)\s*:?\s*"
    rf"({_NAME}|{_ORG})"
)
_GENERIC_AUTHORS = frozenset(
    {
        "staff writer",
        "staff",
        "admin",
        "administrator",
        "editor",
        "editors",
        "guest",
        "anonymous",
        "webmaster",
        "team",
    }
)
_DATE_CUE = re.compile(
    r"\b(published|posted|updated|last reviewed|reviewed|last updated|date)\b", re.I
)
_REFERENCES = re.compile(
    r"(?:^|\n)\s*(?:references|sources|bibliography|citations|works cited|further reading|literature|resources|"
    r"read more|learn more|more information|where to learn more|useful links)\b[^\n]{0,40}:?\s*(?:\n|$)",
    re.I,
)
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:gov|edu|int|org|nhs\.uk|ac\.uk)\b(?:/[^\s)]*)?", re.I)
_NAMED_STUDY = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w-]+\s+){1,5}(?:Registry|Study|Trial|Survey|Cohort|Consortium|Initiative)\b"
)
_CITATION = re.compile(
    r"\bdoi:\s*10\.\d{4,}|\b10\.\d{4,}/\S+|\bPMID:?\s*\d{5,}|\bet al\.?,?\s*\(?\d{4}|\[\d{1,3}\]|"
    r"\b(?:according to|per|as reported by|source:)\s+(?:the\s+)?(?:National Institutes? of Health|NIH|NIAMS|NIAID|NIDDK|NINDS|CDC|Centers for Disease Control|"
    r"World Health Organization|WHO|NHS|Mayo Clinic|Cleveland Clinic|MedlinePlus|American College of Rheumatology|American Academy of \w+|FDA)\b",
    re.I,
)
_URL = re.compile(r"https?://[^\s)\]>\"']+")
_DISCLAIMER = re.compile(
    r"not (?:intended |meant )?(?:to be |be )?(?:taken as |a substitute for |as |to replace |replace )?(?:professional )?medical advice|"
    r"for (?:general )?informational (?:and educational )?purposes only|for educational purposes only|"
    r"(?:always )?consult (?:with )?(?:a|your) (?:qualified )?(?:doctor|physician|healthcare|health care|medical)|"
    r"does not (?:constitute|provide) medical advice|talk to your (?:doctor|health care provider)|"
    r"not (?:been )?evaluated by the (?:Food and Drug Administration|FDA)",
    re.I,
)
_COMMERCIAL = re.compile(
    r"\b(add to cart|buy now|order now|shop now|in stock|free shipping|checkout|subscribe and save|discount code|"
    r"coupon|promo code|use code|limited time|special offer|money-back|our (?:supplement|formula|product|products|blend|capsules)|"
    r"best-?selling|\d{1,2}% off)\b|[$£€]\s?\d+(?:\.\d{2})?",
    re.I,
)
_DISCLOSURE = re.compile(
    r"\b(affiliate links?|sponsored|paid partnership|we may (?:earn|receive) (?:a )?commission|conflicts? of interest|"
    r"disclosure:|financial disclosure|funded by|this post contains affiliate|advertisement|advertising policy)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(I|I['’]m|I['’]ve|I['’]d|me|my|mine|myself)\b")
# patterns used on every page, compiled once
_SHOP_LINK = re.compile(r"/(cart|checkout|shop|store|product)s?\b", re.I)


def _signal(name: str, m: re.Match, offset: int = 0) -> dict:
    return {
        "signal": name,
        "text": m.group(0)[:120],
        "start": m.start() + offset,
        "end": m.end() + offset,
    }


_AUTHORITY = re.compile(
    "|".join(map(re.escape, AUTHORITY_DOMAINS))
)  # "d in host" for any d, in one pass


@lru_cache(maxsize=65536)  # site navigation repeats the same links on every page
def _is_authority(href: str) -> bool:
    # the host is part of the link, so a link without an authority domain has none in its host
    # (unless it holds tabs or line breaks, which urlparse drops and which can split a domain)
    if _AUTHORITY.search(href.lower()) is None and not any(ch in href for ch in "\t\r\n"):
        return False
    host = urlparse(href if "//" in href else f"//{href}").netloc.lower() or href.lower()
    return _AUTHORITY.search(host) is not None  # a ".gov" suffix is also a substring


# The three searches below give exactly what ``PATTERN.search(text)`` / ``finditer`` give, without
# running the pattern at every character of the page (each would cost a fifth of a millisecond).
_REF_LINE = re.compile(
    r"\n\s*[a-z]", re.I
)  # where a line's first word starts: the only places _REFERENCES can match


def _references(text: str) -> re.Match | None:
    """``_REFERENCES.search(text)``: the pattern starts at the text's start or at a newline
    followed by blanks and a word, so it is tried only there, in order."""
    m = _REFERENCES.match(text, 0)
    if m:
        return m
    for c in _REF_LINE.finditer(text):
        m = _REFERENCES.match(text, c.start())
        if m:
            return m
    return None


_TLDS = (".gov", ".edu", ".int", ".org", ".nhs.uk", ".ac.uk")
_SPACE = re.compile(r"\s")


def _domains(text: str) -> Iterator[str]:
    """``m.group(0) for m in _DOMAIN.finditer(text)``: a match holds no white space and ends
    its host with one of the _TLDS, so only the white-space-delimited words holding one are read."""
    hay = fold_text(text)
    if hay is None:  # lower-casing changed the length: read the whole text
        yield from (m.group(0) for m in _DOMAIN.finditer(text))
        return
    hits = sorted(i for tld in _TLDS for i in find_all(hay, tld))
    done = -1  # end of the last word read
    for i in hits:
        if i < done:
            continue
        start = i
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, i)
        done = space.start() if space else len(text)
        yield from (m.group(0) for m in _DOMAIN.finditer(text, start, done))


def _links_and_domains(links: Iterable[str], text: str) -> Iterator[str]:
    """The page's links, then the URLs and bare domains written in its text, in that order."""
    yield from links
    yield from (m.group(0) for m in _URL.finditer(text))
    yield from _domains(text)


_STUDY_WORDS = ("Registry", "Study", "Trial", "Survey", "Cohort", "Consortium", "Initiative")


def _named_study(text: str) -> re.Match | None:
    """``_NAMED_STUDY.search(text)``. A match ends with one of the _STUDY_WORDS (then a word
    boundary) and spans at most seven white-space-delimited words ("the" and five names before
    it), so it can only start in the seven words before the first such ending that matches: the
    pattern is tried at each word start there ("the" or a capital), in order."""
    ends = sorted(
        i for w in _STUDY_WORDS for i in find_all(text, w) if not _word_char_at(text, i + len(w))
    )
    tried = 0
    for end in ends:
        lo = end
        for _ in range(7):  # back over up to seven words and their white space
            # (no further back than what was tried: a page of "Study.Study..." without a space
            # made each ending scan back to the start of the page)
            while lo > tried and text[lo - 1].isspace():
                lo -= 1
            while lo > tried and not text[lo - 1].isspace():
                lo -= 1
        for p in range(max(lo, tried), end + 1):
            ch = text[p]
            if (ch == "t" or "A" <= ch <= "Z") and not _word_char_at(text, p - 1):
                m = _NAMED_STUDY.match(text, p)
                if m:
                    return m
        tried = end + 1
    return None


def _word_char_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def assess_credibility(page: Page) -> Credibility:
    text = page.text
    cred = Credibility(author=page.author, date=page.date)
    signals = cred.signals
    if cred.author and cred.author.strip().lower() in _GENERIC_AUTHORS:
        cred.author = None
    if not cred.author:
        for offset, chunk in ((0, text[:1200]), (max(0, len(text) - 1200), text[-1200:])):
            m = scanner(_AUTHOR).search(chunk)
            if m and m.group(1).strip().lower() not in _GENERIC_AUTHORS:
                cred.author = m.group(1).strip().rstrip(".,")
                signals.append(
                    {
                        "signal": "author",
                        "text": m.group(0)[:120],
                        "start": m.start() + offset,
                        "end": m.end() + offset,
                    }
                )
                break
    if cred.date:
        cred.date = cred.date[:10]
    else:
        lines = text.split("\n")
        pos = 0
        for i, line in enumerate(lines):
            if i < 6 or scanner(_DATE_CUE).search(line):
                found = find_date(line)
                if found:
                    cred.date = found[0]
                    signals.append(
                        {
                            "signal": "date",
                            "text": line[found[1] : found[2]],
                            "start": pos + found[1],
                            "end": pos + found[2],
                        }
                    )
                    break
            pos += len(line) + 1
    ref = _references(text) or scanner(_CITATION).search(text)
    if ref:
        cred.cites_sources = True
        signals.append(_signal("sources", ref))
    else:
        research = next((h for h in _links_and_domains(page.links, text) if _is_authority(h)), None)
        if research is not None:
            cred.cites_sources = True
            signals.append(
                {"signal": "sources", "text": research[:120], "start": None, "end": None}
            )
        elif named := _named_study(
            text
        ):  # a named study or registry is a citation, even when its claims are overstated
            cred.cites_sources = True
            signals.append(_signal("sources", named))
    cred.references = bool(ref) or any(
        s["signal"] == "sources" and s["start"] is None for s in signals
    )
    for name, pattern in (
        ("disclaimer", _DISCLAIMER),
        ("commercial", _COMMERCIAL),
        ("disclosure", _DISCLOSURE),
    ):
        m = scanner(pattern).search(text)
        if m:
            setattr(cred, name, True)
            signals.append(_signal(name, m))
    if not cred.commercial and any(_SHOP_LINK.search(h) for h in page.links):
        cred.commercial = True
        signals.append(
            {"signal": "commercial", "text": "links to a shop or cart", "start": None, "end": None}
        )
    firsts = list(
        islice(
            (
                m
                for m in scanner(_FIRST_PERSON).finditer(text)
                if m.group(0) != "I" or not text[max(0, m.start() - 1) : m.start()].isalpha()
            ),
            2,
        )
    )
    if len(firsts) >= 2:
        cred.first_person = True
        signals.append(_signal("first_person", firsts[0]))
    return cred
