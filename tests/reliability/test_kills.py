"""`kill -9` a crawl of 100+ fixture-like loopback sites at random moments, ten times and more.

After restarts the store must equal an uninterrupted crawl's: the same prospects done, the same
pages (URL, role, status, body), the same evidence and grades, no duplicates, and
`PRAGMA integrity_check` ok.
"""
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

SITES = 104
KILLS = 12
ABOUT = ("<html><head><title>公司简介</title></head><body><h1>深圳市{name}科技有限公司</h1>"
         "<p>{name}科技成立于{year}年，注册资本{capital}万元，现有员工{staff}人，专业从事门禁系统、联网门禁控制器的"
         "销售与工程安装。</p></body></html>")
CONTACT = ("<html><head><title>联系我们</title></head><body>地址：深圳市南山区科技园{name}大厦{n}楼"
           "<br>电话：0755-8{n:03d}1234 传真：0755-8{n:03d}5678</body></html>")


def _site(n: int, net: str = "127.0.4") -> TestSite:
    name = "恒安鑫盛嘉信华泰"[n % 8] + "安达"[n % 2]
    site = TestSite(f"{net}.{n + 1}", delay=0.02)
    cases = "".join(f'<a href="/case{i}.html">案例{i}</a>' for i in range(3))
    site.page("/", f'<html><head><title>{name}科技</title></head><body><a href="/about.html">关于我们</a>'
                   f'<a href="/products.html">产品中心</a><a href="/contact.html">联系我们</a>{cases}</body></html>')
    site.page("/about.html", ABOUT.format(name=name, year=1995 + n % 25, capital=50 + n * 10, staff=5 + n % 40))
    site.page(
        "/products.html",
        "<html><head><title>产品中心</title></head><body>ZKTeco 联网门禁控制器 一体机门禁</body></html>",
        charset="gbk" if n % 3 == 0 else "utf-8",
    )
    site.page("/contact.html", CONTACT.format(name=name, n=n))
    for i in range(3):
        site.page(
            f"/case{i}.html",
            f"<html><head><title>工程案例</title></head><body>{name}承接某市人民医院门禁工程{i}</body></html>",
        )
    return site.start()


@pytest.fixture(scope="module")
def web():
    sites = [_site(n) for n in range(SITES)]
    yield sites
    stop_all(sites)


CRAWL = ["crawl", "--quiet", "--allow-private", *FAST, "--set", "PROSPECT_CONCURRENT_SITES=6"]


def snapshot(db) -> dict[str, list[tuple]]:
    """What a crawl leaves, without run ids and timestamps (which differ between any two crawls)."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tables = {
        "prospects": "SELECT url, status, error_kind, final_url FROM prospects ORDER BY url",
        "pages": "SELECT p.url, pg.url, pg.role, pg.status, pg.body_sha256, pg.text FROM pages pg "
                 "JOIN prospects p ON p.id = pg.prospect_id ORDER BY 1, 2",
        "evidence": "SELECT p.url, e.field, e.value, e.confidence, e.source_url, e.snippet, e.flags FROM evidence e "
                    "JOIN prospects p ON p.id = e.prospect_id ORDER BY 1, 2",
        "scores": "SELECT p.url, s.total, s.grade FROM scores s JOIN prospects p ON p.id = s.prospect_id ORDER BY 1",
    }
    result = {name: conn.execute(sql).fetchall() for name, sql in tables.items()}
    conn.close()
    return result


def _done(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM prospects WHERE status IN ('done','failed')").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_crawl_killed_a_dozen_times_ends_equal_to_an_uninterrupted_one(web, tmp_path):
    urls = [site.url for site in web]
    reference, killed = tmp_path / "reference.db", tmp_path / "killed.db"
    for db in (reference, killed):
        prospect(db, "add", "--allow-private", *urls)
    prospect(reference, *CRAWL, timeout=600)

    rng = random.Random(7)
    env = {**os.environ, "PROSPECT_DB": str(killed)}
    kills = 0
    for _ in range(KILLS):
        # never the last sites: a run that overshoots its target (six sites in flight) must not
        # finish the queue before the kills are done (the later ones then hit a crawl starting up)
        target = min(_done(killed) + rng.randint(1, 8), SITES - 2 * KILLS)
        proc = subprocess.Popen([sys.executable, "-m", "prospect_intel", *CRAWL], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        give_up = time.monotonic() + 90
        while _done(killed) < target and proc.poll() is None and time.monotonic() < give_up:
            time.sleep(rng.uniform(0.0, 0.15))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= KILLS - 1, "the crawl finished before it could be killed: make the sites slower"
    assert 0 < _done(killed) < SITES
    prospect(killed, *CRAWL, timeout=600)

    expected, actual = snapshot(reference), snapshot(killed)
    assert len(expected["prospects"]) == SITES and all(row[1] == "done" for row in expected["prospects"])
    assert len(expected["pages"]) == SITES * 7 and expected["evidence"]
    for table in expected:
        assert actual[table] == expected[table], table
    conn = sqlite3.connect(killed)
    dupes = conn.execute("SELECT count(*) FROM (SELECT prospect_id, url FROM pages GROUP BY 1, 2 HAVING count(*) > 1)")
    assert dupes.fetchone()[0] == 0
    runs = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    assert runs >= kills + 1
