"""cli/output.py: the one way every command turns a library error into a message and prints its
result as the terminal view, JSON or Markdown."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from healthlens.cli.output import all_formats, reported, show
from healthlens.errors import InputError


class Result:
    def to_dict(self) -> dict:
        return {"name": "Crohn’s", "n": 2}


def _command(body):
    @click.command()
    @all_formats
    def cmd(fmt: str) -> None:
        body(fmt)

    return cmd


def test_a_library_error_is_one_line_and_exit_status_1_never_a_traceback():
    def body(fmt):
        with reported():
            raise InputError("pages.jsonl: no such file")

    r = CliRunner().invoke(_command(body), [])
    assert r.exit_code == 1 and r.output == "Error: pages.jsonl: no such file\n"
    assert "Traceback" not in r.output


def test_other_errors_are_not_hidden_unless_named():
    def body(fmt):
        with reported():
            raise ValueError("a bug")

    r = CliRunner().invoke(_command(body), [])
    assert isinstance(r.exception, ValueError)  # a bug stays a bug, not a user message

    def named(fmt):
        with reported(ValueError):
            raise ValueError("bad ontology line 3")

    r = CliRunner().invoke(_command(named), [])
    assert r.exit_code == 1 and "Error: bad ontology line 3" in r.output


def test_a_missing_extra_is_named_only_where_the_command_says_which():
    def body(fmt):
        with reported(missing_extra=lambda exc: f"needs the web extra ({exc.name} is missing)"):
            raise ImportError("No module named 'uvicorn'", name="uvicorn")

    r = CliRunner().invoke(_command(body), [])
    assert r.exit_code == 1 and "needs the web extra (uvicorn is missing)" in r.output

    def plain(fmt):
        with reported():
            raise ImportError("No module named 'x'")

    with pytest.raises(ImportError):
        CliRunner().invoke(_command(plain), [], catch_exceptions=False)


@pytest.mark.parametrize(
    ("json_arg", "expected"),
    [
        (None, {"name": "Crohn’s", "n": 2}),  # to_dict()
        (lambda r: ["data"], ["data"]),  # data to dump
    ],
)
def test_json_is_indented_and_keeps_non_ascii_text(json_arg, expected):
    r = CliRunner().invoke(
        _command(lambda fmt: show(fmt, Result(), lambda r: click.echo("view"), json=json_arg)),
        ["-f", "json"],
    )
    assert r.exit_code == 0 and json.loads(r.output) == expected
    assert "\\u2019" not in r.output and "\n  " in r.output


def test_json_text_is_printed_as_given_and_each_format_gets_its_own_view():
    def body(fmt):
        show(
            fmt,
            Result(),
            lambda r: click.echo("terminal view"),
            json=lambda r: '{"as": "given"}',
            markdown=lambda r: "# markdown",
        )

    cmd = _command(body)
    assert CliRunner().invoke(cmd, ["-f", "json"]).output == '{"as": "given"}\n'
    assert CliRunner().invoke(cmd, ["-f", "markdown"]).output == "# markdown\n"
    assert CliRunner().invoke(cmd, []).output == "terminal view\n"
    assert CliRunner().invoke(cmd, ["-f", "xml"]).exit_code == 2
