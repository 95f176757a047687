"""Schema-based fuzzing of the JSON API (schemathesis), bounded: a few examples per operation.

Whatever the generated body, the server answers without a 5xx; URL pages are never fetched
(the server runs with fetching off)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the webtest extra is not installed")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from healthlens.web import WebSettings, create_app  # noqa: E402

OPERATIONS = [
    ("/api/check", "POST"),
    ("/api/ask", "POST"),
    ("/api/feedback", "POST"),
    ("/api/feedback", "GET"),
]


@pytest.fixture(scope="module")
def fuzz_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "feedback.sqlite"
    app = create_app(
        WebSettings(
            db_url=f"sqlite:///{db}", allow_fetch=False, allowed_hosts=["testserver", "127.0.0.1"]
        )
    )
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_the_schema_lists_every_fuzzed_operation(fuzz_schema):
    listed = {(op.ok().path, op.ok().method.upper()) for op in fuzz_schema.get_all_operations()}
    assert listed == set(OPERATIONS)


@pytest.mark.parametrize("mode", ["positive", "negative"])
@pytest.mark.parametrize("path,method", OPERATIONS)
def test_api_never_answers_5xx(fuzz_schema, path, method, mode):
    """Valid bodies (positive) and bodies that break the schema (negative)."""
    operation = fuzz_schema[path][method]
    counts: dict[int, int] = {}

    @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        response = case.call()
        counts[response.status_code] = counts.get(response.status_code, 0) + 1
        assert response.status_code < 500, (
            f"{method} {path} {case.body!r} -> {response.status_code} {response.text[:300]}"
        )
        if response.status_code == 422:
            assert all({"loc", "msg", "type"} <= set(e) for e in response.json()["detail"])

    run()
    if mode == "negative" and method == "POST":  # broken bodies are refused, not accepted
        assert set(counts) <= {400, 404, 405, 413, 415, 422}, counts
    elif mode == "positive":  # valid requests get through
        assert any(code < 300 for code in counts), counts
    # a broken query string may be refused every time (422): that is the point of the check
