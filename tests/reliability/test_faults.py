"""Faults from the web: one crawl over a queue of misbehaving loopback sites (tests/support/faultserver).

Every case says what the prospect's record shows afterwards (status, pages kept, error kind and a
readable reason), and the healthy sites queued around the faulty ones are crawled in full.
"""
from __future__ import annotations

import pytest

from prospect_intel.app.analysis import FAILURE_STATUS
from tests.reliability.memory import max_rss_kb
from tests.support import faultserver as fs
from tests.support.cli import FAST, prospect, show

TIMEOUT = 3  # DOWNLOAD_TIMEOUT for this crawl
PAGES = 12  # --pages-per-site
HOME = """<html><head><title>恒安科技 {n}</title></head><body>
<a href="/about.html">关于我们</a> <a href="/products.html">产品中心</a> <a href="/contact.html">联系我们</a>
{extra}</body></html>"""
ABOUT = "<html><head><title>公司简介</title></head><body>深圳市恒安科技有限公司成立于2009年，注册资本500万元。</body></html>"  # noqa: E501
GBK_ABOUT = "<html><head><title>公司简介</title></head><body>深圳市镕堃科技有限公司成立于2009年</body></html>"


def _site(n: int, extra: str = "", **routes) -> fs.FaultSite:
    site = fs.FaultSite(f"127.0.3.{n}")
    site.route("/", fs.page(HOME.format(n=n, extra=extra)))
    site.route("/about.html", fs.page(ABOUT))
    site.route(
        "/products.html", fs.page("<html><head><title>产品中心</title></head><body>联网门禁控制器</body></html>")
    )
    site.route(
        "/contact.html", fs.page("<html><head><title>联系我们</title></head><body>电话：0755-12345678</body></html>")
    )
    for path, handler in routes.items():
        site.route("/" + path.replace("__", ".").replace("_", "/"), handler)
    return site


def _build() -> dict[str, fs.FaultSite]:
    s: dict[str, fs.FaultSite] = {}
    s["healthy_first"] = _site(1)
    s["drip_home"] = _site(2)
    s["drip_home"].route("/", fs.drip())
    s["drip_page"] = _site(3)
    s["drip_page"].route("/products.html", fs.drip())
    s["reset_home"] = _site(4)
    s["reset_home"].route("/", fs.reset())
    s["reset_page"] = _site(5)
    s["reset_page"].route("/contact.html", fs.reset())
    s["hang_home"] = _site(6)
    s["hang_home"].route("/", fs.hang())
    s["burst_short"] = _site(7)  # 503 twice, then fine: retries get through
    s["burst_short"].route("/", fs.burst(2, fs.page(HOME.format(n=7, extra=""))))
    s["burst_long"] = _site(8)  # 500 forever: the home page fails after the retries
    s["burst_long"].route("/", fs.burst(10**6, fs.page("never"), status=500))
    s["too_many"] = _site(9)
    s["too_many"].route("/", fs.burst(1, fs.page(HOME.format(n=9, extra="")), status=429, headers={"Retry-After": "2"}))
    s["redirect_loop"] = _site(10)
    s["redirect_loop"].route("/", fs.redirect("/a")).route("/a", fs.redirect("/b")).route("/b", fs.redirect("/"))
    s["redirect_chain_long"] = _site(11)
    s["redirect_chain_long"].route(
        "/", fs.redirect(fs.chain(s["redirect_chain_long"], 20, fs.page(HOME.format(n=11, extra=""))))
    )
    s["redirect_chain_ok"] = _site(12)
    s["redirect_chain_ok"].route("/", fs.redirect(fs.chain(s["redirect_chain_ok"], 4, fs.page(HOME.format(n=12, extra="")))))  # noqa: E501
    s["link_trap"] = _site(13, extra='<a href="/trap/">案例</a><a href="/trap/cal?year=2026&month=1">活动日历</a>')
    s["link_trap"].prefix("/trap", fs.link_trap())
    s["gzip_bomb_home"] = _site(14)
    s["gzip_bomb_home"].route("/", fs.bomb("gzip"))
    s["deflate_bomb_page"] = _site(15)
    s["deflate_bomb_page"].route("/about.html", fs.bomb("deflate"))
    s["huge_declared"] = _site(16)
    s["huge_declared"].route("/", fs.huge(400 << 20, declare_length=True))
    s["huge_streamed"] = _site(17)
    s["huge_streamed"].route("/products.html", fs.huge(400 << 20, declare_length=False))
    s["binary_as_html"] = _site(18)
    s["binary_as_html"].route("/", fs.page(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, content_type="text/html"))
    s["pdf_home"] = _site(19)
    s["pdf_home"].route("/", fs.page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", content_type="application/pdf"))  # noqa: E501
    s["pdf_page"] = _site(20, extra='<a href="/brochure">产品手册</a>')
    s["pdf_page"].route("/brochure", fs.page(b"%PDF-1.4\n1 0 obj<<>>endobj\n", content_type="text/html"))
    s["truncated"] = _site(21)  # cut mid-tag, connection closed: what arrived is kept
    s["truncated"].route("/about.html", fs.truncated(ABOUT.encode()[:-40]))
    s["truncated_length"] = _site(22)  # Content-Length promises more than is sent
    s["truncated_length"].route("/about.html", fs.truncated(ABOUT.encode()[:-40], claim=5000))
    s["malformed"] = _site(23)
    s["malformed"].route("/about.html", fs.page(
        "<html><head><title>公司简介</title><body><div><p>成立于2009年<table><tr><td>注册资本500万元</div></span>"
        "<<<>>><!-- unterminated <script>var x = '</p>"))
    s["wrong_charset"] = _site(24)  # header says utf-8, bytes are GBK
    s["wrong_charset"].route("/about.html", fs.page(GBK_ABOUT, charset="gbk", content_type="text/html; charset=utf-8"))
    s["no_charset"] = _site(25)
    s["no_charset"].route("/about.html", fs.page(GBK_ABOUT, charset="gbk", content_type="text/html"))
    s["robots_error"] = _site(26)
    s["robots_error"].route("/robots.txt", fs.page("oops", status=500, content_type="text/plain"))
    s["robots_hang"] = _site(27)
    s["robots_hang"].route("/robots.txt", fs.hang())
    s["healthy_last"] = _site(28)
    return s


@pytest.fixture(scope="module")
def web():
    sites = {name: site.start() for name, site in _build().items()}
    yield sites
    for site in sites.values():
        site.stop()


UNRESOLVABLE = "http://no-such-prospect.invalid/"


@pytest.fixture(scope="module")
def crawled(web, tmp_path_factory):
    db = tmp_path_factory.mktemp("faults") / "faults.db"
    names = list(web)
    urls = [web[n].url for n in names[:-1]] + [UNRESOLVABLE, web[names[-1]].url]
    prospect(db, "add", "--allow-private", *urls)
    result, peak_kb = max_rss_kb(db, "crawl", "--quiet", "--allow-private", "--pages-per-site", str(PAGES), *FAST,
                                 "--set", f"DOWNLOAD_TIMEOUT={TIMEOUT}", "--set", "PROSPECT_SITE_TIME_BUDGET=60")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    PEAK_KB.append(peak_kb)
    return db


PEAK_KB: list[int] = []


def test_crawl_memory_stays_bounded(crawled):
    """Two 512 MB bombs and two 400 MB responses in the queue; a page is at most DOWNLOAD_MAXSIZE (10 MB)."""
    assert PEAK_KB[0] < 300 * 1024, f"peak {PEAK_KB[0] // 1024} MiB"


def _record(web, crawled, name: str) -> dict:
    return show(crawled, web[name].url)


def _roles(shape: dict) -> list[str]:
    return sorted(p["role"] for p in shape["pages"])


def test_whole_queue_is_finished_and_healthy_sites_crawled(web, crawled):
    from prospect_intel.app.store import Store

    store = Store(crawled)
    assert set(store.status_counts()) <= {"done", "failed"}
    for name in ("healthy_first", "healthy_last"):
        assert _roles(_record(web, crawled, name)) == ["about", "contact", "home", "products"]


# (site, status, error kind or None, roles kept) -- the record each fault leaves
EXPECTED = [
    ("drip_home", "failed", "timeout", []),
    ("drip_page", "done", None, ["about", "contact", "home"]),
    ("reset_home", "failed", "connection", []),
    ("reset_page", "done", None, ["about", "home", "products"]),
    ("hang_home", "failed", "timeout", []),
    ("burst_short", "done", None, ["about", "contact", "home", "products"]),
    ("burst_long", "failed", "http_error", []),
    ("too_many", "done", None, ["about", "contact", "home", "products"]),
    ("redirect_loop", "failed", "redirect_loop", []),
    ("redirect_chain_long", "failed", "redirect_loop", []),
    ("redirect_chain_ok", "done", None, ["about", "contact", "home", "products"]),
    ("gzip_bomb_home", "failed", "too_large", []),
    ("deflate_bomb_page", "done", None, ["contact", "home", "products"]),
    ("huge_declared", "failed", "too_large", []),
    ("huge_streamed", "done", None, ["about", "contact", "home"]),
    ("binary_as_html", "failed", "not_html", []),
    ("pdf_home", "failed", "not_html", []),
    ("pdf_page", "done", None, ["about", "contact", "home", "products"]),
    ("truncated", "done", None, ["about", "contact", "home", "products"]),
    ("truncated_length", "done", None, ["about", "contact", "home", "products"]),
    ("malformed", "done", None, ["about", "contact", "home", "products"]),
    ("wrong_charset", "done", None, ["about", "contact", "home", "products"]),
    ("no_charset", "done", None, ["about", "contact", "home", "products"]),
    ("robots_error", "done", None, ["about", "contact", "home", "products"]),
    ("robots_hang", "done", None, ["about", "contact", "home", "products"]),
]


@pytest.mark.parametrize("name, status, kind, roles", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_fault_leaves_a_readable_record(web, crawled, name, status, kind, roles):
    shape = _record(web, crawled, name)
    assert (shape["status"], shape["error_kind"]) == (status, kind), shape["error"]
    assert _roles(shape) == roles
    if status == "failed":
        assert shape["error"] and len(shape["error"]) < 300 and "Traceback" not in shape["error"]
        # No evidence but the site's status, where the failure says whether the site lives.
        expected = {"site_status": FAILURE_STATUS[kind]} if kind in FAILURE_STATUS else {}
        assert {name: item["value"] for name, item in shape["evidence"].items()} == expected


def test_truncated_pages_keep_what_arrived(web, crawled):
    from prospect_intel.app.store import Store

    store = Store(crawled)
    for name in ("truncated", "truncated_length"):
        about = [p for p in store.pages(store.prospect_row(web[name].url)["id"]) if p["role"] == "about"]
        assert "恒安科技有限公司成立于2009年" in about[0]["text"]


def test_unresolvable_host_fails_with_dns_reason(crawled):
    shape = show(crawled, UNRESOLVABLE)
    assert (shape["status"], shape["error_kind"]) == ("failed", "dns")
    assert "does not resolve" in shape["error"]


def test_slow_drip_is_cut_by_the_download_timeout(web):
    assert web["drip_home"].settle()
    drips = [h for h in web["drip_home"].hits if h.path == "/"]
    assert drips and all(h.ended is not None and h.ended - h.at < TIMEOUT + 2 for h in drips)


def test_retry_after_is_honoured(web):
    home = [h.at for h in web["too_many"].hits if h.path == "/"]
    assert len(home) == 2 and home[1] - home[0] >= 1.9


def test_5xx_burst_is_retried_then_given_up(web):
    assert [h.path for h in web["burst_short"].hits].count("/") == 3
    assert [h.path for h in web["burst_long"].hits].count("/") == 3  # 1 + RETRY_TIMES, then the record says why


def test_link_trap_stays_within_the_page_budget(web, crawled):
    shape = _record(web, crawled, "link_trap")
    assert shape["status"] == "done"
    assert len(shape["pages"]) <= PAGES
    sent = [h.path for h in web["link_trap"].hits if h.path != "/robots.txt"]
    assert len(sent) <= PAGES + 8  # page budget plus redirect hops and retries at most
    assert not any("month=" in p or "sid=" in p for p in sent)


def test_huge_responses_are_abandoned_early(web):
    for name, path in (("huge_declared", "/"), ("huge_streamed", "/products.html")):
        hits = [h for h in web[name].hits if h.path == path]
        assert hits and all(h.bytes_sent < 64 << 20 for h in hits), [h.bytes_sent for h in hits]


def test_wrong_or_missing_charset_is_decoded_right(web, crawled):
    from prospect_intel.app.store import Store

    store = Store(crawled)
    for name in ("wrong_charset", "no_charset"):
        about = [p for p in store.pages(store.prospect_row(web[name].url)["id"]) if p["role"] == "about"]
        assert "镕堃科技有限公司成立于2009年" in about[0]["text"]


def test_malformed_html_still_gives_evidence(web, crawled):
    shape = _record(web, crawled, "malformed")
    assert shape["evidence"]["founded_year"]["value"] == 2009
