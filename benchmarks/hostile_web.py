"""`healthlens serve` while hostile requests run (issue 14): p99 of normal requests from 8 clients
while 8 other clients keep posting the worst pages we can build."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import web_load

NAME = "hostile_web"
TITLE = "Web: normal requests while hostile ones run"
CLIENTS = web_load.CLIENTS
HOSTILE = 8
TARGET_P99_MS = 250
ROUNDS = 2
HOSTILE_TEXT = (
    "Lupus is autoimmune and celiac disease is not autoimmune " * 20_000
)  # ~1.1 MB, no sentence end


def run() -> str:
    import httpx

    text, source = web_load.page_text()
    body = {"question": web_load.QUESTION, "pages": [{"text": text}]}
    hostile = {"question": web_load.QUESTION, "pages": [{"text": HOSTILE_TEXT}]}
    with tempfile.TemporaryDirectory() as tmp:
        proc, base = web_load._start(Path(tmp) / "feedback.sqlite", 1)
        counts = {"sent": 0, "503": 0, "200": 0, "other": 0}
        stop = threading.Event()

        def attacker():
            with httpx.Client(base_url=base, timeout=120) as c:
                while not stop.is_set():
                    try:
                        r = c.post("/api/check", json=hostile)
                        key = str(r.status_code) if r.status_code in (200, 503) else "other"
                    except httpx.HTTPError:
                        key = "other"
                    counts["sent"] += 1
                    counts[key] += 1
                    if key == "503":
                        stop.wait(float(r.headers.get("retry-after", "1")) / 5)

        results = []
        try:
            for _ in range(web_load.WARMUP):
                with httpx.Client(base_url=base, timeout=30) as c:
                    c.post("/api/check", json=body)
            for rnd in range(1, ROUNDS + 1):  # alternated: the machine's other load shows as noise
                alone = web_load._load(base, lambda c: c.post("/api/check", json=body))
                results.append((f"round {rnd}: 8 normal clients alone", alone))
                stop.clear()
                threads = [threading.Thread(target=attacker, daemon=True) for _ in range(HOSTILE)]
                for th in threads:
                    th.start()
                time.sleep(2)  # the hostile checks are running
                loaded = web_load._load(base, lambda c: c.post("/api/check", json=body))
                results.append((f"round {rnd}: 8 normal + {HOSTILE} hostile clients", loaded))
                stop.set()
                for th in threads:
                    th.join(60)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    load = (
        " / ".join(Path("/proc/loadavg").read_text().split()[:3])
        if Path("/proc/loadavg").exists()
        else "?"
    )
    rows = []
    for label, res in results:
        lat = [x * 1000 for x in res["latencies"]]
        p99 = web_load._pct(lat, 99)
        rows.append(
            f"| {label} | {len(lat)} | {web_load._pct(lat, 50):.0f} ms | **{p99:.0f} ms** | "
            f"{max(lat):.0f} ms | {len(res['errors'])} | "
            f"{'met' if p99 <= TARGET_P99_MS and not res['errors'] else 'missed'} |"
        )
    return "\n".join(
        [
            f"Command: `.venv/bin/python benchmarks/run.py {NAME}`. One server process "
            "(`healthlens serve --no-fetch`, default limits: 4 normal threads; 1 large-lane "
            "thread whose check runs in a child process at nice 19; 30 s per check) on "
            "127.0.0.1. Normal requests: "
            f"`POST /api/check` with {source}, {CLIENTS} closed-loop clients × "
            f"{web_load.PER_CLIENT} requests. Hostile: {HOSTILE} clients posting "
            f"{len(HOSTILE_TEXT) / 1e6:.1f} MB of condition names and claim words without a "
            "sentence end, over and over (a 503 is waited out for a fifth of its Retry-After).",
            "",
            f"| scenario | requests | p50 | p99 | max | errors | p99 ≤ {TARGET_P99_MS} ms |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"Hostile requests sent: {counts['sent']}; answered 200 (pages with `timeout` errors or a "
            f"report) {counts['200']}, shed with 503 {counts['503']}, other {counts['other']}. "
            "Each hostile check runs in the large lane's child process, at the lowest CPU priority, "
            "and is killed at its deadline; the other hostile requests get 503 before their body is "
            "read. The server, its child and the load generator share this machine's cores with "
            "whatever else runs on it (its load average is printed below), so compare each round's "
            "hostile row with the alone row next to it.",
            "",
            f"Load average while this ran: {load}.",
        ]
    )


if __name__ == "__main__":
    print(run())
