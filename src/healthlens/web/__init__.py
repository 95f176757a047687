"""The local web page and JSON API: ``healthlens serve``. Needs the ``web`` extra.

``create_app`` is imported on first use, so ``healthlens`` commands that do not serve stay
usable without the web extra installed.
"""

from __future__ import annotations

from .settings import WebSettings

__all__ = ["create_app", "WebSettings"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app  # lazy: FastAPI and SQLAlchemy, the optional web extra

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
