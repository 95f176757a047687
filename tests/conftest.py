from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_bea4d09e0a6b8c66.txt"
SEED_004 = SEEDS / "004_ccfdefb0989081e1.txt"


@pytest.fixture(scope="session")
def kb():
    from healthlens.knowledge import get_knowledge

    return get_knowledge()


@pytest.fixture(scope="session")
def seeds():
    if not SEED_000.exists():
        pytest.skip("../shared/seeds is not beside the checkout")
    return [SEED_000, SEED_004]


def make_page(text: str, kb, title: str | None = None, question: str | None = None):
    """A checked Page from text, built by hand (no files)."""
    from healthlens.pipeline import analyze_page
    from healthlens.question import parse_question
    from healthlens.read import read_text

    page = read_text(text, "<test>", title=title)
    q = parse_question(question, kb) if question else None
    return analyze_page(page, q, kb)
