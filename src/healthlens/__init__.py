"""healthlens: checks health web pages against curated, cited medical knowledge."""

from __future__ import annotations

import sys
import types

from .errors import HealthlensError, InputError, KnowledgeError
from .limits import Deadline, DeadlineExceeded
from .models import Answer, Finding, Page, Question, Report

# The page pipeline pulls in the HTML readers and every stage, and ``ask`` the knowledge base;
# each is imported on first use, so that a command starts with only what it needs (``healthlens
# ask`` no HTML readers, the main process of an audit neither).
_PIPELINE = frozenset({"analyze_page", "check_pages"})


class _Package(types.ModuleType):
    """This package's module type: ``healthlens.check`` is always the public function.

    The check stage is the subpackage ``healthlens.check`` (entry ``check_page``). Importing it
    makes Python bind the subpackage on this package under the same name; the setter below
    ignores that binding, so what ``healthlens.check`` is does not depend on which module was
    imported first. The subpackage itself is reached by import (it is in ``sys.modules``)."""

    @property
    def check(self):
        from .pipeline import check

        return check

    @check.setter
    def check(self, value) -> None:
        pass


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    if name in _PIPELINE:
        from . import pipeline  # binds the pipeline functions on this package (see pipeline.py)

        return getattr(pipeline, name)
    if name == "ask":
        from .answer import ask

        return ask
    raise AttributeError(f"module 'healthlens' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _PIPELINE | {"ask", "check"})


__version__ = "0.1.0"
REPORT_VERSION = "1.4"

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
    "Deadline",
    "DeadlineExceeded",
    "__version__",
    "REPORT_VERSION",
]
