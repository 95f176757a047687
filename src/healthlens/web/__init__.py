"""The local web page and JSON API: ``healthlens serve``. Needs the ``web`` extra.

``create_app`` and ``WebSettings`` are imported on first use, so ``healthlens`` commands that do
not serve stay usable without the web extra installed.
"""

from __future__ import annotations

__all__ = ["create_app", "WebSettings"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "WebSettings":
        from .settings import WebSettings

        return WebSettings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
