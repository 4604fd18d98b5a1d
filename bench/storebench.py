"""Store at queue scale: `prospect add --file` of a large CSV, then `list` and `export` at sizes.

Every command runs as a user runs it (`python -m prospect_intel.app.cli` in a subprocess, output to a
file); seconds are wall time. Each size starts from an empty store; `list`/`export` at several sizes show
how they grow.
"""
from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.crawlrun import ROOT, _env

CITIES = ("shenzhen", "guangzhou", "shanghai", "beijing", "hangzhou", "nanjing", "chengdu", "wuhan")
NAMES = ("安防科技有限公司", "智能科技有限公司", "电子工程有限公司", "Security Systems Ltd")


@dataclass(frozen=True)
class StoreResult:
    prospects: int
    add_s: float
    list_s: float
    export_csv_s: float
    export_json_s: float
    db_mb: float


def write_csv(path: Path, count: int, start: int = 0) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "url", "city"])
        for i in range(start, start + count):
            city = CITIES[i % len(CITIES)]
            writer.writerow([f"{city}{i}{NAMES[i % len(NAMES)]}", f"www.{city}-anfang{i}.cn", city])


def _timed(db: Path, *args: str, output: Path | None = None) -> float:
    started = time.perf_counter()
    with open(output or os.devnull, "wb") as sink:
        subprocess.run([sys.executable, "-m", "prospect_intel", "--db", str(db), *args], cwd=ROOT, env=_env(),
                       stdout=sink, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - started


def db_megabytes(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20


def run(work: Path, sizes: tuple[int, ...]) -> list[StoreResult]:
    """For each size: a fresh store, one `add --file` of that many prospects, then list and export."""
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sorted(sizes):
        db = work / f"store-{size}.db"
        for stale in work.glob(db.name + "*"):
            stale.unlink()
        batch = work / f"add-{size}.csv"
        write_csv(batch, size)
        add_s = _timed(db, "add", "--file", str(batch))
        list_s = _timed(db, "list", output=work / "list.txt")
        csv_s = _timed(db, "export", "--format", "csv", "-o", str(work / "export.csv"))
        json_s = _timed(db, "export", "--format", "json", "-o", str(work / "export.json"))
        results.append(StoreResult(size, add_s, list_s, csv_s, json_s, db_megabytes(db)))
    return results
