"""`kill -9` a crawl at random moments; after restarts the store equals an uninterrupted crawl's."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.support.cli import FAST, prospect
from tests.support.webserver import TestSite, stop_all

SITES = 30
KILLS = 4


def _site(n: int) -> TestSite:
    site = TestSite(f"127.0.1.{n + 1}", delay=0.03)
    links = "".join(f'<a href="/p{i}.html">第{i}页</a>' for i in range(4))
    site.page("/", f'<html><title>公司{n}</title><a href="/about.html">关于我们</a>{links}</html>')
    site.page("/about.html", f"<html><title>公司简介</title>公司{n}成立于2009年</html>")
    for i in range(4):
        site.page(f"/p{i}.html", f"<html><title>页面{i}</title>内容{n}-{i}</html>")
    return site.start()


@pytest.fixture(scope="module")
def web():
    sites = [_site(n) for n in range(SITES)]
    yield sites
    stop_all(sites)


def _crawl_args():
    return ["crawl", "--quiet", "--allow-private", *FAST, "--set", "PROSPECT_CONCURRENT_SITES=4"]


def _snapshot(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute(
        "SELECT p.url, p.status, pg.url, pg.role, pg.status, pg.body_sha256 FROM prospects p "
        "LEFT JOIN pages pg ON pg.prospect_id = p.id ORDER BY p.url, pg.url"
    ).fetchall()
    conn.close()
    return rows


def _done(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        return conn.execute("SELECT count(*) FROM prospects WHERE status IN ('done','failed')").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_crawl_resumes_to_the_same_store(web, tmp_path):
    urls = [site.url for site in web]
    reference, killed = tmp_path / "reference.db", tmp_path / "killed.db"
    for db in (reference, killed):
        prospect(db, "add", "--allow-private", *urls)
    prospect(reference, "crawl", *_crawl_args()[1:])

    rng = random.Random(20261123)
    env = {**os.environ, "PROSPECT_DB": str(killed)}
    kills = 0
    for _ in range(KILLS):
        target = _done(killed) + rng.randint(1, 4)
        proc = subprocess.Popen([sys.executable, "-m", "prospect_intel", *_crawl_args()], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while _done(killed) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(rng.uniform(0.01, 0.1))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= KILLS - 1, "the crawl finished before it could be killed: make the sites slower"
    assert 0 < _done(killed) < SITES
    prospect(killed, "crawl", *_crawl_args()[1:])

    assert _snapshot(killed) == _snapshot(reference)
    conn = sqlite3.connect(killed)
    assert conn.execute("SELECT count(*) FROM prospects WHERE status != 'done'").fetchone()[0] == 0
    assert (
        conn.execute(
            "SELECT count(*) FROM (SELECT prospect_id, url FROM pages GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
        == 0
    )


def test_second_crawl_on_the_same_store_is_refused(tmp_path):
    slow = [TestSite(f"127.0.2.{n + 1}", delay=1.5) for n in range(2)]
    for site in slow:
        site.page("/", '<html><title>慢</title><a href="/about.html">关于我们</a></html>')
        site.page("/about.html", "<html><title>公司简介</title></html>")
        site.start()
    db = tmp_path / "busy.db"
    prospect(db, "add", "--allow-private", *[site.url for site in slow])
    env = {**os.environ, "PROSPECT_DB": str(db)}
    first = subprocess.Popen([sys.executable, "-m", "prospect_intel", *_crawl_args()], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while _crawling(db) == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _crawling(db) > 0, "the first crawl never started"
        second = prospect(db, *_crawl_args(), check=False)
    finally:
        first.wait(timeout=60)
        for site in slow:
            site.stop()
    assert second.returncode == 5
    assert "another crawl" in second.stderr and "Traceback" not in second.stderr


def _crawling(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        return conn.execute("SELECT count(*) FROM prospects WHERE status = 'crawling'").fetchone()[0]
    except sqlite3.Error:
        return 0
