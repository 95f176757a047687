"""The import direction the architecture promises (docs/architecture.md), read from the source.

The knowledge base is a package the stages query: it imports none of them. The stages (read,
understand, check, report) import neither the command line, the web app nor the audit, which sit on
top of them. The command line (the ``cli`` package) is the top: nothing imports it but
``__main__``, so the web app and the audit stay libraries with a front end in ``cli/``. Imports
inside functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "healthlens"
STAGES = ("read", "understand", "check", "report")
ABOVE = ("cli", "web", "audit", "__main__")


def _imports(path: Path) -> set[str]:
    """Top-level healthlens modules a file imports ("knowledge", "check", "web", ...)."""
    pkg = path.relative_to(SRC).parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this file's package
                base = list(pkg[: len(pkg) - (node.level - 1)])
                parts = base + (node.module.split(".") if node.module else [])
                if parts:
                    found.add(parts[0])
                else:  # "from . import x" at the package root
                    found.update(a.name.split(".")[0] for a in node.names)
            elif node.module and node.module.split(".")[0] == "healthlens":
                rest = node.module.split(".")[1:]
                found.update([rest[0]] if rest else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                if parts[0] == "healthlens" and len(parts) > 1:
                    found.add(parts[1])
    return found


def _files(package: str) -> list[Path]:
    root = SRC / package
    return sorted(root.rglob("*.py")) if root.is_dir() else [SRC / f"{package}.py"]


def test_the_import_reader_sees_relative_and_absolute_imports():
    # the rules are only as good as the reader: ".records" inside knowledge/ is knowledge itself,
    # "from .knowledge import ..." in answer.py reaches the knowledge package, and pipeline.py's
    # relative imports reach the stages
    assert _imports(SRC / "knowledge" / "__init__.py") == {"knowledge"}
    assert {"knowledge", "question", "models"} <= _imports(SRC / "answer.py")
    assert {"read", "understand", "check"} <= _imports(SRC / "pipeline.py")


@pytest.mark.parametrize("path", _files("knowledge"), ids=lambda p: p.name)
def test_the_knowledge_base_imports_no_stage(path):
    bad = _imports(path) & {*STAGES, *ABOVE, "pipeline", "answer", "question"}
    assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


@pytest.mark.parametrize(
    "path", [p for s in STAGES for p in _files(s)], ids=lambda p: str(p.relative_to(SRC))
)
def test_stages_import_neither_the_cli_nor_the_web_app_nor_the_audit(path):
    bad = _imports(path) & set(ABOVE)
    assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


@pytest.mark.parametrize(
    "path",
    [p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] not in ("cli", "__main__.py")],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_only_the_entry_point_imports_the_command_line(path):
    assert "cli" not in _imports(path), f"{path.relative_to(SRC)} imports the command line"


def test_the_command_line_is_one_package():
    assert (SRC / "cli" / "__init__.py").is_file()
    assert not [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*cli*.py")
        if p.relative_to(SRC).parts[0] != "cli"
    ]
