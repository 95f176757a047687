"""benchmarks/answer_sentences.py: a label line whose page text is not cached is reported in one
line and left unchecked, never a traceback."""

import json

from benchmarks import answer_sentences as tool


def test_check_says_which_text_is_missing_and_goes_on(tmp_path, monkeypatch, capsys):
    row = {
        "id": "x1_lupus",
        "split": "dev",
        "family": "autoimmune",
        "page_answer": "yes",
        "question": "Is lupus autoimmune?",
    }
    monkeypatch.setattr(tool, "_rows", lambda: {row["id"]: row})
    monkeypatch.setattr(tool, "default_cache", lambda: tmp_path / "empty-cache")
    labels = tmp_path / "labels.jsonl"
    line = {"id": row["id"], "sha256": "0" * 64, "page_answer": "yes", "sentences": []}
    labels.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert tool.check([labels]) == 0  # nothing wrong with the label itself
    out = capsys.readouterr().out
    assert "x1_lupus: not checked" in out and "real_cache.py" in out
    assert "1 not checked (text not cached)" in out
