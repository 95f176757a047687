"""The `healthlens` command: a thin layer over the library functions.

One module per command or command group (check, ask, eval, kb, serve, audit), the options they
share in ``options`` and, in ``output``, the one way every command prints its result (terminal,
JSON or Markdown) and turns a library error into a message and exit status 1. Each module imports
Click at the top and the library only inside its command, so ``healthlens --help`` stays quick.
"""

from __future__ import annotations

import click

from .. import __version__
from .ask import ask_cmd
from .audit import audit_group
from .check import check_cmd
from .evaluate import eval_group
from .kb import kb_group
from .serve import serve

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="healthlens")
def main() -> None:
    """Check health web pages against curated, cited medical knowledge."""


for _command in (check_cmd, ask_cmd, eval_group, kb_group, serve, audit_group):
    main.add_command(_command)
