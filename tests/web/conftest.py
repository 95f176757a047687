from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient

from healthlens.web import WebSettings, create_app


@pytest.fixture
def web_settings(tmp_path):
    """A server with its own feedback database that never fetches (tests stay off the network)."""
    return WebSettings(db_url=f"sqlite:///{tmp_path / 'feedback.sqlite'}", allow_fetch=False)


@pytest.fixture
def app(web_settings):
    return create_app(web_settings)


@pytest.fixture
def client(app):
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
