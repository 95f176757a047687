"""`healthlens kb ...`: show, stats, check, import, clear."""

from __future__ import annotations

import json

from click.testing import CliRunner

from healthlens.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_kb_show_json_resolves_a_lay_name(kb):
    r = run("kb", "show", "hay", "fever", "--format", "json")
    assert r.exit_code == 0, r.output
    card = json.loads(r.output)[0]
    assert card["id"] == "allergic_rhinitis" and card["autoimmune"] == "no" and card["sources"]


def test_kb_show_terminal_lists_every_reading_of_ambiguous_letters():
    r = run("kb", "show", "CD")
    assert (
        r.exit_code == 0
        and "Crohn disease" in r.output
        and "Celiac disease" in r.output
        and "Also read as" in r.output
    )


def test_kb_show_unknown_condition_exits_non_zero_and_says_so():
    r = run("kb", "show", "flurbington", "syndrome")
    assert r.exit_code != 0 and "no condition" in r.output


def test_kb_stats_counts_add_up(kb):
    r = run("kb", "stats", "--format", "json")
    s = json.loads(r.output)
    assert s["records"] == len(kb.records) >= 300
    assert sum(s["by_verdict"].values()) == s["records"] == sum(s["by_mechanism"].values())
    text = run("kb", "stats").output
    assert "by autoimmune verdict" in text and "autoinflammatory" in text


def test_kb_check_passes_on_the_packaged_records_or_names_those_missing_property_data(kb):
    """Once the contagious / inherited / curable data is merged, every record has it and the
    check passes; until then, the only problems are records named as missing that data."""
    r = run("kb", "check", "--no-icd")
    complete = sum(1 for rid in kb.records if len(kb.properties.get(rid, {})) == 3)
    if complete == len(kb.records):
        assert r.exit_code == 0 and " 0 problem(s)" in r.output, r.output
    else:
        lines = [line for line in r.output.splitlines() if "[" in line]
        assert r.exit_code == 1 and lines
        assert all("[properties]: no property data for" in line for line in lines), lines[:5]
        assert f"{complete} of {len(kb.records)} records complete" in r.output


def test_kb_stats_counts_the_property_families(kb):
    s = json.loads(run("kb", "stats", "--format", "json").output)
    for family in ("contagious", "inherited", "curable"):
        assert sum(s["properties"]["by_family"][family].values()) == len(kb.records)
    assert "contagious:" in run("kb", "stats").output


def test_kb_import_reports_and_a_bad_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLENS_CACHE", str(tmp_path / "cache"))
    obo = tmp_path / "mini.obo"
    obo.write_text(
        "[Term]\nid: DOID:417\nname: autoimmune disease\n\n[Term]\nid: DOID:7148\nname: rheumatoid arthritis\n",
        encoding="utf-8",
    )
    r = run("kb", "import", str(obo))
    assert r.exit_code == 0, r.output
    assert "linked 1 curated records" in r.output and "Rheumatoid arthritis [yes]" in r.output
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n", encoding="utf-8")
    r = run("kb", "import", str(bad))
    assert r.exit_code != 0 and "notes.txt" in r.output and "not an ontology file" in r.output
    assert "removed" in run("kb", "clear").output
