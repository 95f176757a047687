"""Options shared by `healthlens check` and `healthlens audit`: where each page's question comes
from, and which files of a folder are pages; and the evaluation commands' default data folder.
Click only; the work is in pipeline.py and pathselect.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "question_from_option",
    "include_option",
    "exclude_option",
    "parse_question_from",
    "checkout_root",
    "shared_data",
]


def parse_question_from(value: str | None, *, column_ok: bool) -> tuple[str | None, str | None]:
    """'title' | 'heading' | 'column:NAME' -> (source, column name); raises click.BadParameter."""
    if value is None:
        return None, None
    v = value.strip()
    if v in ("title", "heading"):
        return v, None
    if v.startswith("column:"):
        name = v.split(":", 1)[1].strip()
        if not column_ok:
            raise click.BadParameter(
                "column:NAME reads a question from a column of JSONL or Parquet records: "
                "use it with `healthlens audit`; `check` takes title or heading",
                param_hint="--question-from",
            )
        if not name:
            raise click.BadParameter(
                "name the column, e.g. column:question", param_hint="--question-from"
            )
        return "column", name
    raise click.BadParameter(
        f"{value!r}: use title, heading or column:NAME", param_hint="--question-from"
    )


def question_from_option(column_ok: bool):
    what = "title|heading|column:NAME" if column_ok else "title|heading"
    extra = " column:NAME: the record's NAME column (JSONL/Parquet inputs)." if column_ok else ""
    return click.option(
        "--question-from",
        "question_from",
        metavar=what,
        help="Ask each page its own question instead of one for all: title: the page's title; "
        "heading: its first heading-like line that is a question." + extra + " A page whose "
        "title/heading is not a question healthlens answers is checked without one.",
    )


include_option = click.option(
    "--include",
    "include",
    multiple=True,
    metavar="GLOB",
    help="In folders, read only files whose name or relative path matches GLOB (repeatable).",
)
exclude_option = click.option(
    "--exclude",
    "exclude",
    multiple=True,
    metavar="GLOB",
    help="In folders, skip files whose name or relative path matches GLOB (repeatable), "
    "e.g. --exclude '*.py' --exclude '*.jsonl'.",
)


def checkout_root() -> Path | None:
    """The repository checkout the package runs from (src layout), or None when installed."""
    from pathlib import Path  # lazy: pathlib would slow every command's start, --help included

    here = Path(__file__).resolve().parent.parent  # .../src/healthlens
    root = here.parent.parent
    if here.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root
    return None


def shared_data(relative: str, metavar: str, command: str) -> str:
    """``../shared/<relative>`` beside the repository checkout, whatever the current folder;
    a clear error naming the argument to pass when there is no checkout or no such folder."""
    root = checkout_root()
    if root is not None:
        path = root.parent / "shared" / relative
        if path.exists():
            return str(path)
        where = f"{path} does not exist"
    else:
        where = "healthlens is not running from a repository checkout"
    raise click.ClickException(
        f"no default {metavar}: {where}; pass it, e.g. `healthlens {command} /path/to/shared/{relative}`"
    )
