"""The spider as a Scrapy user runs it: `scrapy crawl prospect` with `-s`, `-O`, `list` and `check`,
the operator's contact in the user agent, the usual settings that work, and a crawl that refuses
to start without a contact."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import FAST, prospect, show
from tests.support.webserver import Route, TestSite, slowed, stop_all

ROOT = Path(__file__).resolve().parents[2]
CONTACT = "https://ops.example.org/crawler"
LOCAL = ["-s", "PROSPECT_ALLOW_PRIVATE=1", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
         "-s", "PROSPECT_RETRY_BASE_DELAY=0"]


def _site(address: str, n: int) -> TestSite:
    site = TestSite(address)
    site.page("/", f"<html><head><title>恒安科技{n}</title></head><body><a href='/about.html'>关于我们</a>"
                   f"<a href='/contact.html'>联系我们</a><a href='/private/x.html'>内部</a></body></html>")
    site.page("/about.html", f"<html><head><title>公司简介</title></head><body>深圳市恒安{n}科技有限公司成立于2009年"
                             "</body></html>")
    site.page("/contact.html", "<html><head><title>联系我们</title></head><body>电话：0755-12345678</body></html>")
    site.page("/private/x.html", "<html><title>内部资料</title><body>robots.txt forbids it</body></html>")
    site.routes["/robots.txt"] = Route(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
    return site.start()


@pytest.fixture(scope="module")
def web():
    sites = [_site(f"127.0.31.{n}", n) for n in range(1, 4)]
    yield sites
    stop_all(sites)


@pytest.fixture
def fresh(web):
    for site in web:
        site.requests.clear()
        site.request_times.clear()
        site.user_agents.clear()
    return web


def scrapy(db: Path, *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`scrapy ARGS` in the project (scrapy.cfg) with $PROSPECT_DB = db."""
    environ = {**os.environ, "PROSPECT_DB": str(db), **(env or {})}
    return subprocess.run([sys.executable, "-m", "scrapy", *args], env=environ, cwd=cwd, capture_output=True,
                          text=True, timeout=180)


def _queued(db: Path, sites: list[TestSite]) -> None:
    prospect(db, "add", "--allow-private", *(site.url for site in sites))


def test_scrapy_crawl_writes_into_prospect_db_and_a_feed_gets_one_contract_line_per_prospect(fresh, tmp_path):
    db, feed = tmp_path / "store.db", tmp_path / "prospects.jsonl"
    _queued(db, fresh)
    result = scrapy(db, "crawl", "prospect", *LOCAL, "-O", str(feed))
    assert result.returncode == 0, result.stderr
    assert not (ROOT / "prospects.db").exists()  # $PROSPECT_DB, not ./prospects.db
    lines = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == sorted(site.url for site in fresh)
    for line in lines:
        assert line == show(db, line["url"])  # the contract's shape, as `prospect show --json` gives it
        assert line["evidence"]["founded_year"]["value"] == 2009 and line["score"] is not None
    assert "body" not in feed.read_text("utf-8")


def test_the_operators_contact_and_user_agent_are_read_when_the_crawl_starts(fresh, tmp_path):
    db = tmp_path / "ua.db"
    _queued(db, fresh[:1])
    assert scrapy(db, "crawl", "prospect", *LOCAL, "-s", f"PROSPECT_CONTACT_URL={CONTACT}").returncode == 0
    assert fresh[0].user_agents == {f"ProspectResearchBot/0.1 (+{CONTACT})"}
    prospect(db, "recrawl", "--all")
    own = "AcmeResearch/2.0 (+mailto:x@acme.example)"
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST, "--set", f"USER_AGENT={own}")
    assert own in fresh[0].user_agents


def test_a_crawl_of_public_sites_refuses_to_start_without_a_contact(tmp_path):
    db = tmp_path / "public.db"
    prospect(db, "add", "http://www.example-anfang.cn/")
    env = {"PROSPECT_CONFIG": str(tmp_path / "none.ini"), "PROSPECT_CONTACT_URL": ""}
    result = prospect(db, "crawl", "--quiet", check=False, env=env)
    assert result.returncode == 2 and "no operator contact" in result.stderr and "Traceback" not in result.stderr
    result = scrapy(db, "crawl", "prospect", env=env)
    assert "no operator contact" in result.stderr and "finish_reason': 'no_contact'" in result.stderr
    assert show(db, "http://www.example-anfang.cn/")["status"] == "queued"  # the queue untouched


def test_a_contact_from_prospect_config_is_used_and_checked(fresh, tmp_path):
    env = {"PROSPECT_CONFIG": str(tmp_path / "config.ini")}
    db = tmp_path / "config.db"
    bad = prospect(db, "config", "set", "contact", "call me maybe", check=False, env=env)
    assert bad.returncode == 2 and "contact must be a web address" in bad.stderr
    prospect(db, "config", "set", "contact", CONTACT, env=env)
    _queued(db, fresh[:1])
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST, env=env)
    assert fresh[0].user_agents == {f"ProspectResearchBot/0.1 (+{CONTACT})"}


def test_closespider_itemcount_stops_after_that_many_sites_and_the_rest_wait(fresh, tmp_path):
    db = tmp_path / "close.db"
    _queued(db, fresh)
    result = scrapy(db, "crawl", "prospect", *LOCAL, "-s", "CLOSESPIDER_ITEMCOUNT=1", "-s",
                    "PROSPECT_CONCURRENT_SITES=1")
    assert "finish_reason': 'closespider_itemcount'" in result.stderr
    statuses = [show(db, site.url)["status"] for site in fresh]
    assert statuses.count("done") == 1 and statuses.count("queued") == 2  # the next run takes them
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST)
    assert [show(db, site.url)["status"] for site in fresh] == ["done"] * 3


@pytest.mark.parametrize("setting, reason", [("CLOSESPIDER_PAGECOUNT=2", "closespider_pagecount"),
                                             ("CLOSESPIDER_TIMEOUT=1", "closespider_timeout")])
def test_closespider_limits_end_the_crawl_and_put_the_sites_in_flight_back(fresh, tmp_path, setting, reason):
    db = tmp_path / "limits.db"
    _queued(db, fresh)
    with slowed(fresh, 0.4):
        result = scrapy(db, "crawl", "prospect", *LOCAL, "-s", setting)
    assert f"finish_reason': '{reason}'" in result.stderr
    assert {show(db, site.url)["status"] for site in fresh} <= {"done", "queued"}  # none left `crawling`


def test_concurrent_requests_bounds_the_requests_in_flight_across_sites(fresh, tmp_path):
    db = tmp_path / "concurrency.db"
    _queued(db, fresh)
    with slowed(fresh, 0.3):
        scrapy(db, "crawl", "prospect", *LOCAL, "-s", "CONCURRENT_REQUESTS=1")
    starts = sorted(t for site in fresh for t in site.request_times)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert len(gaps) >= 8 and min(gaps) >= 0.25  # one at a time: each waited for the last answer


def test_robotstxt_obey_and_the_idle_settings_warning(fresh, tmp_path):
    db = tmp_path / "robots.db"
    _queued(db, fresh[:1])
    result = scrapy(db, "crawl", "prospect", *LOCAL, "-s", "ROBOTSTXT_OBEY=False", "-s", "DEPTH_LIMIT=2")
    assert "/private/x.html" in fresh[0].requests and "/robots.txt" not in fresh[0].requests
    assert "DEPTH_LIMIT has no effect here: use PROSPECT_MAX_DEPTH" in result.stderr


def test_download_delay_spaces_a_sites_requests(fresh, tmp_path):
    db = tmp_path / "delay.db"
    _queued(db, fresh[:1])
    scrapy(db, "crawl", "prospect", *LOCAL, "-s", "DOWNLOAD_DELAY=0.6", "-s", "RANDOMIZE_DOWNLOAD_DELAY=0")
    times = fresh[0].request_times
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) >= 3 and min(gaps) >= 0.5  # a lower bound: never faster than asked


@pytest.mark.parametrize("command, expected", [(["list"], "prospect"), (["check"], "OK")])
def test_scrapy_list_and_check(tmp_path, command, expected):
    result = scrapy(tmp_path / "none.db", *command)
    assert result.returncode == 0 and expected in result.stdout + result.stderr
