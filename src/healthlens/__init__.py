"""healthlens: checks health web pages against curated, cited medical knowledge."""

from __future__ import annotations

from .errors import HealthlensError, InputError, KnowledgeError
from .models import Answer, Finding, Page, Question, Report
from .pipeline import analyze_page, ask, check, check_pages

__version__ = "0.1.0"
REPORT_VERSION = "1.0"

__all__ = [
    "check",
    "check_pages",
    "analyze_page",
    "ask",
    "Report",
    "Page",
    "Finding",
    "Question",
    "Answer",
    "HealthlensError",
    "InputError",
    "KnowledgeError",
    "__version__",
    "REPORT_VERSION",
]
