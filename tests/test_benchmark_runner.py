"""benchmarks/run.py rewrites docs/benchmarks.md: a run replaces its own sections and keeps the rest."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _runner(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_runner", ROOT / "benchmarks" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    for name, title in (("fake_a", "Fake A"), ("fake_b", "Fake B")):
        monkeypatch.delitem(sys.modules, name, raising=False)  # each test imports its own
        (tmp_path / f"{name}.py").write_text(
            f"NAME = {name!r}\nTITLE = {title!r}\ndef run():\n    return 'new {title}'\n"
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(run, "BENCHMARKS", ["fake_a", "fake_b"])
    monkeypatch.setattr(run, "OUT", tmp_path / "benchmarks.md")
    run.OUT.write_text(
        "# Benchmarks\n\n## Fake A\n\nold A\n\n## Fake B\n\nold B\n\n## Needs an extra\n\nold E\n"
    )
    return run


def test_a_full_run_keeps_sections_no_listed_benchmark_writes(tmp_path, monkeypatch):
    run = _runner(tmp_path, monkeypatch)
    assert run.main([]) == 0
    text = run.OUT.read_text()
    assert "new Fake A" in text and "new Fake B" in text and "old A" not in text
    assert "## Needs an extra\n\nold E" in text  # e.g. embedding_scorer, which needs torch


def test_a_partial_run_replaces_only_its_own_section(tmp_path, monkeypatch):
    run = _runner(tmp_path, monkeypatch)
    assert run.main(["fake_b"]) == 0
    text = run.OUT.read_text()
    assert "old A" in text and "new Fake B" in text and "old B" not in text and "old E" in text
    assert text.index("## Fake A") < text.index("## Fake B")  # the list's order is kept


def test_a_mistyped_name_is_refused_before_anything_runs(tmp_path, monkeypatch, capsys):
    run = _runner(tmp_path, monkeypatch)
    before = run.OUT.read_text()
    assert run.main(["fake_a", "fake_c"]) == 2
    assert "fake_c" in capsys.readouterr().err
    assert run.OUT.read_text() == before  # fake_a did not run either
