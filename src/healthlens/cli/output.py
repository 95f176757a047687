"""What every command shares: a library error becomes Click's one-line ``Error: ...`` with exit
status 1 (never a traceback), and one switch prints a result as the terminal view, JSON or
Markdown. Click only; the work is in the library."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..errors import HealthlensError

__all__ = [
    "FORMATS",
    "format_option",
    "all_formats",
    "terminal_or_json",
    "echo_json",
    "show",
    "reported",
]

FORMATS = ("terminal", "json", "markdown")


def format_option(*choices: str) -> Callable:
    """``-f/--format`` with these choices, the first the default."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
    )


# the reports (check, ask): for people, for scripts, for a wiki or an issue
all_formats = format_option(*FORMATS)
# the evaluation and knowledge-base commands: a table for people, or JSON for scripts
terminal_or_json = format_option("terminal", "json")


def echo_json(data: Any, default: Callable[[Any], Any] | None = None) -> None:
    """``data`` as indented JSON that keeps non-ASCII text readable."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=default))


def show(
    fmt: str,
    result: Any,
    terminal: Callable[[Any], None],
    *,
    json: Callable[[Any], Any] | None = None,
    markdown: Callable[[Any], str] | None = None,
) -> None:
    """The one format switch. ``json``: ``json(result)`` is the JSON text, or data to print as JSON
    (default: ``result.to_dict()``, or ``result`` itself when it has no ``to_dict``);
    ``markdown``: ``markdown(result)`` is the Markdown text; otherwise ``terminal(result)`` prints
    the terminal view."""
    if fmt == "json":
        if json is not None:
            data = json(result)
        else:
            data = result.to_dict() if hasattr(result, "to_dict") else result
        if isinstance(data, str):
            click.echo(data)
        else:
            echo_json(data)
    elif fmt == "markdown" and markdown is not None:
        click.echo(markdown(result))
    else:
        terminal(result)


@contextmanager
def reported(
    *also: type[Exception], missing_extra: Callable[[ImportError], str] | None = None
) -> Iterator[None]:
    """Inside the block, a ``HealthlensError`` (or one of ``also``) becomes Click's ``Error:
    MESSAGE`` and exit status 1; with ``missing_extra``, so does an ``ImportError`` (an optional
    dependency not installed), worded by ``missing_extra(exc)``."""
    caught: tuple[type[Exception], ...] = (HealthlensError, *also)
    try:
        yield
    except ImportError as exc:
        if missing_extra is None:
            raise
        raise click.ClickException(missing_extra(exc)) from exc
    except caught as exc:
        raise click.ClickException(str(exc)) from exc
