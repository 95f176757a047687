"""One error base for everything healthlens raises on purpose."""

from __future__ import annotations

__all__ = ["HealthlensError", "InputError", "KnowledgeError"]


class HealthlensError(Exception):
    """Base of healthlens errors; the message says what went wrong and what to do next."""


class InputError(HealthlensError):
    """The input cannot be used (no paths, unknown format option, ...)."""


class KnowledgeError(HealthlensError):
    """The knowledge base or an import is broken."""
