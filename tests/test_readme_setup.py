"""The README's set-up, followed literally: `make demo` in a fresh copy of the repository (a new
.venv with the package alone, no extras), then the README's first commands from that venv.

The commands are read from the README's "Set-up" section, so the README cannot drift from what
works. (`make test` is this test suite itself and is not rerun.) Takes about 30-60 s: pip installs
from the local tree; the dependencies come from pip's configured index or cache."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {".venv", ".git", ".pytest_cache", "__pycache__", "build", ".mypy_cache", ".ruff_cache"}


def setup_commands() -> list[str]:
    """The commands of the README's set-up section's code blocks, in order, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", section, re.S):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            if line:
                commands.append(line)
    return commands


def _copy_tree(dest: Path) -> None:
    """The repository as a fresh clone has it: tracked and new files, no venv, no caches."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        files = [f for f in listed.split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not SKIP_DIRS & set(p.relative_to(ROOT).parts)
        ]
    for f in files:
        src = ROOT / f
        if src.is_file():
            (dest / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / f)


def test_readme_commands_are_the_ones_this_test_runs():
    commands = setup_commands()
    assert commands[:2] == ["make demo", "make test"]
    assert "python -m healthlens --version" in " ".join(commands)
    assert any(c.startswith(".venv/bin/healthlens ask ") for c in commands)


def test_readme_setup_works_as_written_in_a_fresh_copy(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    repo = tmp_path / "healthlens"
    repo.mkdir()
    _copy_tree(repo)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["HEALTHLENS_CACHE"] = str(tmp_path / "cache")
    # the venv this suite runs in must not be what the copy's commands find first
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(ROOT))
    )
    outputs = {}
    for command in setup_commands():
        if command == "make test":  # this suite
            continue
        r = subprocess.run(
            command, shell=True, cwd=repo, env=env, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0, f"{command!r} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
        outputs[command] = r.stdout
    version = outputs[".venv/bin/healthlens --version"]
    assert version.startswith("healthlens, version ")
    assert outputs[".venv/bin/python -m healthlens --version"] == version
    ask = next(out for c, out in outputs.items() if c.startswith(".venv/bin/healthlens ask "))
    assert "Verdict: No" in ask
    # the package was installed from the copy, with no extra: no web, audit or Ray stack
    site = next((repo / ".venv" / "lib").glob("python3*/site-packages"))
    assert not [
        p.name for p in site.iterdir() if p.name in ("fastapi", "ray", "pyarrow", "playwright")
    ]
    size = sum(p.stat().st_size for p in (repo / ".venv").rglob("*") if p.is_file())
    assert size < 400 * 2**20, f".venv is {size / 2**20:.0f} MB"
