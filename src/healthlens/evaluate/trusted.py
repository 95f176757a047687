"""`healthlens eval trusted`: alarms raised on trusted NIH pages (MedQuAD), which should be none.

Each MedQuAD XML file is one page: the focus is its title, its answers are its text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..knowledge import get_knowledge
from ..models import Page, PageError
from ..pipeline import analyze_page
from ..read import read_text

__all__ = ["evaluate_trusted", "TrustedEval", "read_medquad", "ALARMS"]

ALARMS = ("abbreviation_conflict", "self_contradiction", "contradicts_knowledge")


def read_medquad(path: Path) -> Page:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        return Page(input=str(path), error=PageError("parse", f"{path}: not MedQuAD XML ({exc})"))
    focus = (root.findtext("Focus") or "").strip()
    answers = [" ".join((a.text or "").split(" ")).strip() for a in root.iter("Answer")]
    text = "\n".join([focus, *[a for a in answers if a]])
    return read_text(text, str(path), title=focus or None, url=root.get("url"))


def _files(root: Path, limit: int | None) -> Iterator[Path]:
    files = sorted(root.glob("*/*.xml"))
    if not files:
        raise InputError(f"{root}: no MedQuAD XML files (expected FOLDER/*/*.xml)")
    yield from files[:limit] if limit else files


@dataclass
class TrustedEval:
    pages: int = 0
    empty: int = 0
    with_alarm: int = 0
    alarms: Counter = field(default_factory=Counter)
    listed: list[dict] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.with_alarm / self.pages if self.pages else 0.0

    def to_dict(self) -> dict:
        return {
            "pages": self.pages,
            "skipped_empty": self.empty,
            "pages_with_alarm": self.with_alarm,
            "rate": self.rate,
            "alarms": dict(self.alarms),
            "list": self.listed,
        }


def evaluate_trusted(root: str | Path, limit: int | None = None) -> TrustedEval:
    kb = get_knowledge()
    ev = TrustedEval()
    for path in _files(Path(root), limit):
        page = read_medquad(path)
        if page.error is None and len(page.text) < 200:
            ev.empty += 1  # a focus with no answer text is not a page
            continue
        ev.pages += 1
        analyze_page(page, None, kb)
        hits = [f for f in page.findings if f.kind in ALARMS]
        if hits:
            ev.with_alarm += 1
        for f in hits:
            ev.alarms[f.kind] += 1
            ev.listed.append(
                {"file": str(path), "kind": f.kind, "message": f.message, "sentence": f.sentence}
            )
    return ev
