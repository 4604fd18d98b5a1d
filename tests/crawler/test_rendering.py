"""Pages drawn by scripts: detected in the page as fetched, rendered in headless Chromium within
a budget, the browser's own requests guarded; off with a setting, and said once when Chromium is
missing. Real sites on loopback, a real Chromium (the browser tests' own)."""
from __future__ import annotations

import asyncio
import json
import socket

import pytest

from prospect_intel.crawler import rendering
from prospect_intel.crawler.pages import read_page
from prospect_intel.crawler.scripted import drawn_by_script
from tests.support.cli import FAST, prospect, show
from tests.support.webserver import Route, TestSite, stop_all

TRACKER = "127.0.32.9"
VUE_HOME = """<html><head><title>恒安智能</title><script src="/app.js"></script><script src="/moved.js"></script></head>
<body><div id="app"></div></body></html>"""
VUE_APP = """document.addEventListener('DOMContentLoaded', function () {
  document.getElementById('app').innerHTML =
    '<h1>深圳市恒安智能科技有限公司</h1><p>公司成立于2009年，专业从事门禁系统与一卡通工程。</p>' +
    '<img src="/logo.png" alt="logo"><a href="/about.html">关于我们</a><a href="/cases.html">工程案例</a>';
  fetch('http://%(tracker)s/collect?site=hengan').catch(function () {});
});"""
SHELL_ABOUT = """<html><head><title>关于我们</title></head><body><div id="root"></div>
<script>document.getElementById('root').innerHTML = '<p>注册资本：1000万元。联系电话：0755-12345678</p>';</script>
</body></html>"""
JSON_HOME = """<html><head><title>Acme Access</title></head><body>
<noscript>You need to enable JavaScript to run this app.</noscript><div id="main"></div>
<script>fetch('/api/profile.json').then(function (r) { return r.json(); })
  .then(function (d) { document.getElementById('main').innerHTML = d.html; });</script></body></html>"""
PROFILE = {"html": "<h1>Acme Access Control Ltd</h1><p>Founded in 1998, we install access control systems "
                   "for offices across Leeds.</p>"}


def _vue(address: str, tracker: TestSite) -> TestSite:
    site = TestSite(address)
    site.page("/", VUE_HOME)
    site.routes["/app.js"] = Route(200, (VUE_APP % {"tracker": tracker.host}).encode(),
                                   {"Content-Type": "application/javascript"})
    site.redirect("/moved.js", f"http://{tracker.host}/redirected.js", status=302)  # followed by Chromium itself
    site.routes["/logo.png"] = Route(200, b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"})
    site.page("/about.html", SHELL_ABOUT)
    site.page("/cases.html", "<html><head><title>工程案例</title></head><body><p>万科城门禁改造工程</p></body></html>")
    return site.start()


LEAVING = """<html><head><title>Leaving</title></head><body><div id="app"></div>
<iframe src="http://%(tracker)s/framed"></iframe>
<script>window.open('http://%(tracker)s/popup');
setTimeout(function () { location.href = 'http://%(tracker)s/landing'; }, 50);</script>
</body></html>"""


def _leaving(address: str, tracker: TestSite) -> TestSite:
    site = TestSite(address)
    site.page("/", LEAVING % {"tracker": tracker.host})
    return site.start()


def _json(address: str) -> TestSite:
    site = TestSite(address)
    site.page("/", JSON_HOME)
    site.routes["/api/profile.json"] = Route(200, json.dumps(PROFILE).encode(), {"Content-Type": "application/json"})
    return site.start()


@pytest.fixture(scope="module")
def web():
    tracker = TestSite(TRACKER).start()
    sites = {"tracker": tracker, "vue": _vue("127.0.32.1", tracker), "json": _json("127.0.32.2"),
             "leaving": _leaving("127.0.32.3", tracker)}
    yield sites
    stop_all(sites.values())


def _crawl(web, tmp_path, *settings: str) -> tuple:
    for site in web.values():
        site.requests.clear()
    db, log = tmp_path / "render.db", tmp_path / "crawl.log"
    prospect(db, "add", "--allow-private", web["vue"].url, web["json"].url, web["leaving"].url)
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST, "--log-file", str(log), *settings, timeout=300)
    return db, log.read_text("utf-8")


@pytest.fixture(scope="module")
def rendered(web, tmp_path_factory):
    return _crawl(web, tmp_path_factory.mktemp("on"))


def test_a_vue_style_shell_is_rendered_and_its_evidence_read(web, rendered):
    db, _ = rendered
    found = show(db, web["vue"].url)
    assert found["evidence"]["founded_year"]["value"] == 2009
    assert found["evidence"]["company_name"]["value"] == "深圳市恒安智能科技有限公司"
    pages = {page["url"].rsplit("/", 1)[1]: page for page in found["pages"]}
    assert pages[""]["rendered"] and pages["about.html"]["rendered"]  # links the script drew were followed
    assert not pages["cases.html"]["rendered"]  # a page with text is read as fetched
    assert found["evidence"]["registered_capital_cny"]["value"] == 10_000_000


def test_a_page_that_fetches_its_text_from_a_json_endpoint_is_rendered(web, rendered):
    db, _ = rendered
    found = show(db, web["json"].url)
    assert found["evidence"]["founded_year"]["value"] == 1998 and found["pages"][0]["rendered"]
    assert "/api/profile.json" in web["json"].requests


def test_the_browser_reaches_no_other_host_and_loads_no_images(web, rendered):
    _, log = rendered
    assert web["tracker"].requests == []
    assert f"blocked the browser's request to http://{web['tracker'].host}/collect" in log and "another site" in log
    assert "/logo.png" not in web["vue"].requests


def test_a_redirect_the_browser_follows_by_itself_is_judged_too(web, rendered):
    """Route interception never sees a redirect (Chromium's network stack follows it); the egress
    proxy every connection of the browser goes through does."""
    _, log = rendered
    assert "/moved.js" in web["vue"].requests and "/redirected.js" not in web["tracker"].requests
    assert f"blocked the browser's request to http://{web['tracker'].host}/redirected.js: another site" in log


def test_a_script_that_sends_the_page_to_another_site_is_stopped(web, rendered):
    """The browser never goes there; the page is kept as it was fetched, not as another site."""
    db, log = rendered
    found = show(db, web["leaving"].url)
    assert "/landing" not in web["tracker"].requests
    assert f"blocked the browser's request to http://{web['tracker'].host}/landing" in log
    assert [(p["url"], p["rendered"]) for p in found["pages"]] == [(web["leaving"].url, False)]
    assert f"rendering {web['leaving'].url} ended on" in log and "kept as fetched" in log


def test_a_frame_or_window_the_page_opens_reaches_no_other_site(web, rendered):
    """A frame's first request comes from a frame still at about:blank: it is judged by the site the
    page was sent to. A window is closed, and a request of it is refused (a page the crawl never opened)."""
    _, log = rendered
    assert not {"/framed", "/popup"} & set(web["tracker"].requests)
    tracker = f"http://{web['tracker'].host}"
    assert f"blocked the browser's request to {tracker}/framed: another site" in log
    # closed at once; whether its request comes first (and is refused) depends on Playwright's version
    assert "closed a window the page opened" in log


def test_rendering_off_keeps_the_shell_as_fetched(web, tmp_path):
    db, _ = _crawl(web, tmp_path, "--set", "PROSPECT_RENDER=false")
    found = show(db, web["vue"].url)
    assert "founded_year" not in found["evidence"] and not any(p["rendered"] for p in found["pages"])
    assert "/app.js" not in web["vue"].requests


def test_the_render_budget_bounds_the_pages_sent_to_the_browser(web, tmp_path):
    db, _ = _crawl(web, tmp_path, "--set", "PROSPECT_RENDER_PAGES_PER_SITE=1")
    pages = show(db, web["vue"].url)["pages"]
    assert [p["rendered"] for p in pages if p["url"].endswith(("/", "about.html"))] == [True, False]


def test_without_chromium_the_crawl_says_so_once_and_carries_on(web, tmp_path):
    db, log = _crawl(web, tmp_path, "--set", "PROSPECT_CHROMIUM=/nonexistent/chromium")
    assert log.count("no Chromium found") == 1
    assert show(db, web["json"].url)["status"] == "done"


@pytest.mark.parametrize("html, why", [
    ('<html><body><div id="app"></div><script src="/a.js"></script></body></html>', "mount point"),
    ("<html><body><app-root></app-root></body></html>", "mount point"),
    ('<html><body><noscript>请开启浏览器的JavaScript功能</noscript><div class="x"></div>'
     '<a href="/a">a</a></body></html>', "noscript"),
    ('<html><body><script>document.write("hi")</script><div></div></body></html>', "no links"),
    ('<html><body><div id="root"><h1>Acme</h1>' + "<p>Server-rendered text of a real page. " * 12
     + "</div></body></html>", ""),
    ('<html><body><p>Coming soon</p><a href="/contact">Contact</a></body></html>', ""),
])
def test_what_counts_as_a_page_drawn_by_scripts(html, why):
    facts = read_page(html, "http://www.example.cn/")
    found = drawn_by_script(facts.tree, facts.text)
    assert (why in found) if why else found == ""


@pytest.mark.parametrize("url, kind, page, blocked", [
    ("http://10.1.2.3/admin", "fetch", "", "private"),
    ("http://localhost:8080/", "document", "", "local machine"),
    ("http://www.example.cn/logo.png", "image", "http://www.example.cn/", "image not loaded"),
    ("https://tracker.example.net/t.js", "script", "http://www.example.cn/", "another site"),
    ("https://cdn.example.cn/app.js", "script", "http://www.example.cn/", ""),
    ("file:///etc/passwd", "document", "", "not fetched"),
])
def test_the_browsers_own_requests_are_guarded(url, kind, page, blocked, monkeypatch):
    monkeypatch.setitem(rendering._guard, "allow_private", False)
    monkeypatch.setitem(rendering._guard, "addresses", {"cdn.example.cn": ""})
    reason = asyncio.run(rendering.blocked_reason(url, kind, page))
    assert (blocked in reason) if blocked else reason == ""


def test_a_name_that_resolves_to_a_private_address_is_blocked(monkeypatch):
    """What the browser would reach by name is looked up first (DNS scripted here)."""
    answers = {"intranet.example.cn": "192.168.1.5", "www.example.cn": "93.184.216.34"}
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], 0))])
    monkeypatch.setitem(rendering._guard, "allow_private", False)
    monkeypatch.setitem(rendering._guard, "addresses", {})
    reason = asyncio.run(rendering.blocked_reason("http://intranet.example.cn/", "fetch", ""))
    assert "resolves to 192.168.1.5" in reason
    assert asyncio.run(rendering.blocked_reason("http://www.example.cn/", "document", "")) == ""
