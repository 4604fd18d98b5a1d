"""`kill -9` during a recrawl: every earlier snapshot stays as it was, and the resumed crawl ends
with exactly one new snapshot per prospect (none lost, none twice)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.reliability.test_kills import CRAWL, _site
from tests.support.cli import prospect
from tests.support.webserver import stop_all

SITES = 12


@pytest.fixture(scope="module")
def web():
    sites = [_site(n, "127.0.7") for n in range(SITES)]
    for site in sites:
        site.delay = 0.25  # the recrawl is still going when it is killed
    yield sites
    stop_all(sites)


def _snapshots(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT id, prospect_id, crawled_at, status, pages_sha256, evidence_sha256, score_id "
                            "FROM snapshots ORDER BY id").fetchall()


def _queued(db) -> int:
    with sqlite3.connect(db, timeout=5) as conn:
        return conn.execute("SELECT count(*) FROM prospects WHERE status = 'queued'").fetchone()[0]


def test_a_recrawl_killed_midway_keeps_the_earlier_snapshots_and_resumes(web, tmp_path):
    db = tmp_path / "recrawl.db"
    prospect(db, "add", "--allow-private", *(site.url for site in web))
    prospect(db, *CRAWL, timeout=300)
    first = _snapshots(db)
    assert len(first) == SITES

    prospect(db, "recrawl", "--all")
    proc = subprocess.Popen([sys.executable, "-m", "prospect_intel", *CRAWL, "--set", "PROSPECT_CONCURRENT_SITES=2"],
                            env={**os.environ, "PROSPECT_DB": str(db)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    give_up = time.monotonic() + 120
    while len(_snapshots(db)) < SITES + 3 and proc.poll() is None and time.monotonic() < give_up:
        time.sleep(0.05)
    assert proc.poll() is None, "the recrawl finished before it could be killed: make the sites slower"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    killed = _snapshots(db)
    assert killed[:SITES] == first  # the earlier crawl's snapshots, untouched
    assert SITES < len(killed) < 2 * SITES and _queued(db) > 0  # killed midway: some done, some waiting

    prospect(db, *CRAWL, timeout=300)
    final = _snapshots(db)
    assert final[:len(killed)] == killed
    per_prospect: dict[int, int] = {}
    for row in final:
        per_prospect[row[1]] = per_prospect.get(row[1], 0) + 1
    assert sorted(per_prospect.values()) == [2] * SITES  # one recrawl each: none lost, none twice
