"""Store at queue scale: `prospect add --file` of a large CSV, then `list`, `export` and the web app's
pages at sizes.

Every command runs as a user runs it (`python -m prospect_intel.app.cli` in a subprocess, output to a
file); seconds are wall time. Each size starts from an empty store; `list`/`export` at several sizes show
how they grow. The web pages are timed in process (Flask's test client, the app's own code and
queries, no network): the median of three requests each, on the store made to look researched
(scores, extracted and reviewed names: `as_if_researched`).
"""
from __future__ import annotations

import csv
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
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
    page_ms: dict[str, float] = field(default_factory=dict)  # web page -> median milliseconds

    @property
    def slowest_page(self) -> tuple[str, float]:
        return max(self.page_ms.items(), key=lambda item: item[1]) if self.page_ms else ("", 0.0)


def as_if_researched(db: Path) -> None:
    """Give the queued prospects what a researched store holds, so the web pages are timed on
    real joins: a score for each (grades A/B/C with ranges, some unscored, some with fields to
    review), an extracted company name for every second one and a rep's name for every tenth."""
    import sqlite3

    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "INSERT INTO scores (prospect_id, rubric, rubric_version, total, grade, grade_low, grade_high, unscored, "
            "needs_review, result, inputs, scored_at) SELECT id, 'default', '1', id % 17, "
            "CASE WHEN id % 10 = 0 THEN NULL ELSE char(65 + id % 3) END, char(65 + id % 3), "
            "char(65 + (id + id % 2) % 3), "
            "CASE WHEN id % 10 = 0 THEN 'no evidence' END, id % 4, '{}', '{}', '2026-12-01' FROM prospects")
        connection.execute(
            "UPDATE prospects SET score_id = (SELECT max(id) FROM scores WHERE prospect_id = prospects.id)")
        connection.execute(
            "INSERT INTO evidence (prospect_id, field, value, confidence) SELECT id, 'company_name', "
            "json_quote('深圳' || id || '安防有限公司'), 'medium' FROM prospects WHERE id % 2 = 0")
        connection.execute(
            "INSERT INTO review_facts (prospect_id, field, action, value, source, at) SELECT id, 'company_name', "
            "'corrected', json_quote('Rep name ' || id), 'phone', '2026-12-02' FROM prospects WHERE id % 10 = 0")
    connection.close()


def web_pages(db: Path, count: int) -> dict[str, float]:
    """Median milliseconds of each page a rep opens, on a store of `count` queued prospects."""
    from prospect_intel.app.web import AppConfig, create_app

    client = create_app(AppConfig(db_path=str(db))).test_client()
    middle = f"www.{CITIES[(count // 2) % len(CITIES)]}-anfang{count // 2}.cn"
    paths = ["/", f"/?page={max(1, count // 200)}", "/?sort=name", "/?sort=grade", "/?sort=uncertain&uncertain=1",
             "/?q=shenzhen", "/?q=安防", "/?grade=A&review=1", "/?review=1", "/progress.json", f"/prospect?url=http://{middle}/"]
    timings = {}
    for path in paths:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            response = client.get(path, headers={"Host": "127.0.0.1:8765"})
            runs.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path}: {response.status_code}")
        timings[path] = statistics.median(runs)
    return timings


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
        as_if_researched(db)
        results.append(StoreResult(size, add_s, list_s, csv_s, json_s, db_megabytes(db), web_pages(db, size)))
    return results
