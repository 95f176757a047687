"""Source URLs: only ones known to exist, each traced to the MedQuAD page it came from."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from healthlens.knowledge.records import Source, load_records
from healthlens.knowledge.validate import validate, verified_urls

MEDQUAD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "medquad"


def test_at_least_150_sources_carry_a_verified_url():
    with_url = [s for r in load_records().values() for s in r.sources if s.url]
    assert len(with_url) >= 150
    verified = verified_urls()
    assert all(verified[(s.publisher, s.title)][0] == s.url for s in with_url)


def test_a_url_not_in_the_verified_list_is_refused():
    records = load_records()
    rec = records["rheumatoid_arthritis"]
    bad = replace(
        rec,
        sources=[
            Source(
                publisher=rec.sources[0].publisher,
                title=rec.sources[0].title,
                year=None,
                url="https://example.org/made-up-page",
            )
        ],
    )
    problems = validate({rec.id: bad}, ["sources"])
    assert any("not in the list of verified URLs" in p.message for p in problems)


@pytest.mark.skipif(not MEDQUAD.is_dir(), reason=f"MedQuAD not found at {MEDQUAD}")
def test_every_verified_url_is_the_url_of_the_medquad_page_it_cites():
    doc = re.compile(r'<Document id="[^"]+" source="[^"]+" url="([^"]+)"')
    focus = re.compile(r"<Focus>(.*?)</Focus>", re.S)
    rows = verified_urls()
    assert rows
    for (_publisher, title), (url, provenance) in rows.items():
        path = MEDQUAD / provenance.removeprefix("medquad:")
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        assert doc.search(head)[1] == url, provenance
        assert " ".join(focus.search(head)[1].split()).lower() == " ".join(title.split()).lower()
