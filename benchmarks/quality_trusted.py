"""False alarms on trusted NIH pages (MedQuAD): pages with any abbreviation_conflict,
self_contradiction or contradicts_knowledge finding."""

from __future__ import annotations

from pathlib import Path

NAME = "quality_trusted"
TITLE = "Quality: alarms on trusted NIH pages (MedQuAD)"
MEDQUAD = Path(__file__).resolve().parents[2] / "shared" / "data" / "medquad"


def run() -> str:
    from healthlens.evaluate import evaluate_trusted

    if not MEDQUAD.exists():
        return "Skipped: ../shared/data/medquad is not beside the checkout."
    ev = evaluate_trusted(MEDQUAD)
    lines = [
        "Command: `.venv/bin/healthlens eval trusted ../shared/data/medquad`",
        "",
        f"{ev.pages} pages (focus as title, answers as text; {ev.empty} files without answer text skipped): "
        f"**{ev.with_alarm} with an alarm ({ev.rate:.2%})**, goal ≤ 1%. By kind: "
        + (", ".join(f"{k} {v}" for k, v in sorted(ev.alarms.items())) or "none")
        + ".",
        "",
    ]
    if ev.listed:
        lines += ["| file | kind | sentence |", "|---|---|---|"]
        for a in ev.listed:
            sentence = (a["sentence"] or "").replace("|", "\\|")[:160]
            lines.append(
                f"| {Path(a['file']).parent.name}/{Path(a['file']).name} | {a['kind']} | {sentence} |"
            )
    return "\n".join(lines)
