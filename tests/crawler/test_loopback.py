"""The real spider against real HTTP servers on loopback: one crawl, many kinds of site."""
from __future__ import annotations

import socket

import pytest

from tests.support.cli import CONTACT, FAST, prospect, show
from tests.support.webserver import TestSite, stop_all

HOME = """<html><head><title>{title}</title></head><body>
<a href="/about.html">关于我们</a> <a href="/products.html">产品中心</a> <a href="/contact.html">联系我们</a>
<a href="/private/report.html">内部资料</a> {extra}</body></html>"""


def _company(address: str, title: str = "恒安科技", extra: str = "") -> TestSite:
    site = TestSite(address)
    site.page("/", HOME.format(title=title, extra=extra))
    site.page("/about.html", "<html><head><title>公司简介</title></head><body>成立于2009年</body></html>")
    site.page("/products.html", "<html><head><title>产品中心</title></head><body>联网门禁控制器</body></html>")
    site.page("/contact.html", "<html><head><title>联系我们</title></head><body>电话：0755-12345678</body></html>")
    return site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def web():
    sites = {}
    gbk = _company("127.0.0.11")
    gbk.page(
        "/about.html",
        "<html><head><title>公司简介</title></head><body>深圳市镕堃科技有限公司成立于2009年</body></html>",
        charset="gbk",
    )
    sites["gbk"] = gbk
    robots = _company("127.0.0.12")
    robots.routes["/robots.txt"] = robots.routes["/"].__class__(200, b"User-agent: *\nDisallow: /private/\n",
                                                                  {"Content-Type": "text/plain"})
    robots.page("/private/report.html", "<html><title>secret</title></html>")
    sites["robots"] = robots
    new_home = _company("127.0.0.14")
    moved = TestSite("127.0.0.13")
    moved.redirect("/", new_home.url)
    sites["moved"], sites["new_home"] = moved, new_home
    offsite = _company("127.0.0.15", extra='<a href="/go">合作伙伴</a>')
    offsite.redirect("/go", "http://127.0.0.99:9/elsewhere")
    sites["offsite"] = offsite
    slow = _company("127.0.0.16")
    slow.page("/", HOME.format(title="slow", extra=""), delay=4)
    sites["slow"] = slow
    missing = TestSite("127.0.0.17")
    sites["missing"] = missing
    wall = TestSite("127.0.0.18")
    wall.page("/", "<html><title>Just a moment...</title><body>Checking your browser before accessing</body></html>",
              status=503, headers={"cf-mitigated": "challenge"})
    sites["wall"] = wall
    for site in sites.values():
        site.start()
    yield sites
    stop_all(sites.values())


@pytest.fixture(scope="module")
def crawled(web, tmp_path_factory):
    db = tmp_path_factory.mktemp("loopback") / "loop.db"
    closed = f"http://127.0.0.19:{_free_port()}/"
    urls = [web[name].url for name in ("gbk", "robots", "moved", "offsite", "slow", "missing", "wall")] + [closed]
    prospect(db, "add", "--allow-private", *urls)
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST, "--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=1")
    return db, closed


def test_decodes_charset_from_http_header(web, crawled):
    from prospect_intel.app.store import Store

    db, _ = crawled
    store = Store(db)
    about = next(p for p in store.pages(store.prospect_row(web["gbk"].url)["id"]) if p["role"] == "about")
    assert about["encoding"] == "gb18030"
    assert "深圳市镕堃科技有限公司成立于2009年" in about["text"]


def test_keeps_key_pages_with_roles(web, crawled):
    shape = show(crawled[0], web["gbk"].url)
    assert shape["status"] == "done"
    assert sorted(p["role"] for p in shape["pages"]) == ["about", "contact", "home", "products"]


def test_obeys_robots_txt(web, crawled):
    assert "/private/report.html" not in web["robots"].requests
    assert "/private/report.html" in web["gbk"].requests  # the same link is followed where allowed
    assert show(crawled[0], web["robots"].url)["status"] == "done"


def test_follows_start_redirect_to_new_domain(web, crawled):
    shape = show(crawled[0], web["moved"].url)
    assert shape["status"] == "done"
    assert shape["final_url"] == web["new_home"].url
    assert shape["redirects"] == [web["moved"].url, web["new_home"].url]
    assert {p["url"] for p in shape["pages"]} >= {web["new_home"].url, web["new_home"].url + "about.html"}


def test_does_not_keep_pages_that_redirect_off_site(web, crawled):
    shape = show(crawled[0], web["offsite"].url)
    assert shape["status"] == "done"
    assert all(p["url"].startswith(web["offsite"].url) for p in shape["pages"])


@pytest.mark.parametrize(
    "name, kind",
    [("slow", "timeout"), ("missing", "http_error"), ("wall", "blocked")],
)
def test_failures_carry_a_readable_reason(web, crawled, name, kind):
    shape = show(crawled[0], web[name].url)
    assert shape["status"] == "failed"
    assert shape["error_kind"] == kind and shape["error"]


def test_refused_connection_fails_only_that_site(crawled):
    db, closed = crawled
    shape = show(db, closed)
    assert (shape["status"], shape["error_kind"]) == ("failed", "connection")


def test_bot_wall_is_not_retried(web, crawled):
    assert web["wall"].requests.count("/") == 1


def test_user_agent_names_the_tool_and_a_local_crawl_says_it_has_no_contact(web, crawled):
    assert web["gbk"].user_agents == {"ProspectResearchBot/0.1 (+no contact set)"}


def test_ssrf_guard_refuses_loopback_without_allow_private(tmp_path):
    site = _company("127.0.0.21").start()
    try:
        db = tmp_path / "guard.db"
        prospect(db, "add", "--allow-private", site.url)
        prospect(db, "crawl", "--quiet", *FAST, env=CONTACT)
        shape = show(db, site.url)
    finally:
        site.stop()
    assert (shape["status"], shape["error_kind"]) == ("failed", "ssrf")
    assert "--allow-private" in shape["error"]
    assert site.requests == []
