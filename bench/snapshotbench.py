"""Snapshots at recrawl: the store's growth when the same sites are crawled again and again.

The bundled fixture sites (tests/fixtures/sites, replayed from disk as `make demo` does) are
crawled once, then recrawled 11 more times; before each recrawl one page of every site changes
(its home page gets a news line with the round's date), so most pages are unchanged, as on a real
site between two monthly crawls. Growth is measured two ways: the bytes the crawls' content takes
(page bodies, snapshot page lists and evidence, each stored once by content hash; the snapshot
rows) and the database file after VACUUM; each after 12 crawls against after the first. The
baseline, in the same run: the same blobs each stored as a full compressed copy (no deltas).
The file holds the score of every crawl too (the grade history: about 9 KB a crawl of a site).
"""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.crawlrun import ROOT, _env
from prospect_intel.app.store.packing import pack, read_chain, row_reader

SITES = ROOT / "tests" / "fixtures" / "sites"
PROSPECTS = ROOT / "demo" / "prospects.csv"
CRAWLS = 12
# What a crawl's content takes in the store: bodies and snapshot parts (compressed), snapshot rows.
_CONTENT = ("SELECT (SELECT coalesce(sum(length(data)), 0) FROM bodies) + "
            "(SELECT coalesce(sum(length(data)), 0) FROM snapshot_parts) + "
            "(SELECT count(*) * 200 FROM snapshots)")


@dataclass(frozen=True)
class GrowthResult:
    crawls: int
    sites: int
    pages_per_crawl: int
    content_kb: tuple[float, ...]  # after each crawl
    file_kb_first: float
    file_kb_last: float
    full_copies_kb: float  # the same content after 12 crawls, each new blob a full copy (no deltas)

    @property
    def content_ratio(self) -> float:
        return self.content_kb[-1] / self.content_kb[0]

    @property
    def file_ratio(self) -> float:
        return self.file_kb_last / self.file_kb_first


def run(work: Path, crawls: int = CRAWLS) -> GrowthResult:
    work.mkdir(parents=True, exist_ok=True)
    replay = work / "sites"
    shutil.rmtree(replay, ignore_errors=True)
    shutil.copytree(SITES, replay)
    db = work / "snapshots.db"
    for old in work.glob(db.name + "*"):
        old.unlink()
    _cli(db, "add", "--file", str(PROSPECTS))
    content, files = [], []
    for round_ in range(1, crawls + 1):
        if round_ > 1:
            _change_home_pages(replay, round_)
            _cli(db, "recrawl", "--all")
        _cli(db, "crawl", "--quiet", "--replay", str(replay))
        content.append(_scalar(db, _CONTENT) / 1024)
        if round_ in (1, crawls):
            files.append(_vacuumed_kb(db))
    sites = _scalar(db, "SELECT count(*) FROM prospects WHERE status = 'done'")
    pages = _scalar(db, "SELECT count(*) FROM pages")
    return GrowthResult(crawls, sites, pages, tuple(content), files[0], files[-1], _full_copies_kb(db))


def _full_copies_kb(db: Path) -> float:
    """What the content would take stored without deltas: each blob compressed on its own."""
    total = _scalar(db, "SELECT count(*) * 200 FROM snapshots")
    with sqlite3.connect(db) as conn:
        for table in ("bodies", "snapshot_parts"):
            reader = row_reader(conn, table)
            for (sha256,) in conn.execute(f"SELECT sha256 FROM {table}").fetchall():
                total += len(pack(read_chain(sha256, reader) or b""))
    return total / 1024


def _change_home_pages(replay: Path, round_: int) -> None:
    """One changed page per site: the home page gains a dated news line."""
    line = f"<p>2026-{(round_ - 1) % 12 + 1:02d}-15 news of round {round_}</p></body>".encode("ascii")
    for home in replay.glob("*/files/index.html"):  # ASCII bytes: a GBK page stays GBK
        home.write_bytes(home.read_bytes().replace(b"</body>", line, 1))


def _cli(db: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "prospect_intel", "--db", str(db), *args], cwd=ROOT, env=_env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)


def _scalar(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def _vacuumed_kb(db: Path) -> float:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("VACUUM")
    finally:
        conn.close()
    return db.stat().st_size / 1024


def render(result: GrowthResult) -> list[str]:
    return [
        f"Snapshots: {result.sites} sites ({result.pages_per_crawl} pages a crawl) crawled {result.crawls} times, "
        "one page a site changed before each recrawl",
        f"  crawl content (bodies, snapshot parts and rows): {result.content_kb[0]:.0f} KB after 1 crawl, "
        f"{result.content_kb[-1]:.0f} KB after {result.crawls}: {result.content_ratio:.2f}x "
        f"(target < 1.2x; full copies instead of deltas: {result.full_copies_kb:.0f} KB, "
        f"{result.full_copies_kb / result.content_kb[0]:.2f}x)",
        f"  database file after VACUUM: {result.file_kb_first:.0f} KB -> {result.file_kb_last:.0f} KB: "
        f"{result.file_ratio:.2f}x",
    ]
