"""`PROSPECT_SITE_TIME_BUDGET` ends a stuck site, even while one response is still dripping in.

The download timeout is set far above the budget, so only the budget can end these sites; the
server notes when the crawler hung up, which must be within the budget (plus slack) of the
site's first request.
"""
from __future__ import annotations

import pytest

from tests.reliability.test_faults import HOME, _site
from tests.support import faultserver as fs
from tests.support.cli import FAST, prospect, show

BUDGET = 4
SLACK = 4  # start-up of the request, the reactor's timer granularity, a loaded CI machine


@pytest.fixture(scope="module")
def web():
    sites = {
        "drip_home": _site(41).route("/", fs.drip()),
        "drip_page": _site(42).route("/products.html", fs.drip()),
        "hang_home": _site(43).route("/", fs.hang()),
        "robots_hang": _site(44).route("/robots.txt", fs.hang()),
        "retry_after_long": _site(45).route("/", fs.burst(9, fs.page(HOME.format(n=45, extra="")), status=503,
                                                          headers={"Retry-After": "3600"})),
        "healthy": _site(46),
    }
    for site in sites.values():
        site.start()
    yield sites
    for site in sites.values():
        site.stop()


@pytest.fixture(scope="module")
def crawled(web, tmp_path_factory):
    db = tmp_path_factory.mktemp("budget") / "budget.db"
    prospect(db, "add", "--allow-private", *[site.url for site in web.values()])
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST, "--set", "DOWNLOAD_TIMEOUT=120",
             "--set", f"PROSPECT_SITE_TIME_BUDGET={BUDGET}", "--set", "RETRY_TIMES=5", timeout=200)
    return db


def _held(site: fs.FaultSite) -> float:
    """Seconds from the site's first request until the crawler let go of its last one."""
    assert site.settle(), "a connection is still open"
    return max(hit.ended for hit in site.hits) - min(hit.at for hit in site.hits)


@pytest.mark.parametrize("name", ["drip_home", "drip_page", "hang_home", "robots_hang", "retry_after_long"])
def test_site_is_let_go_within_its_budget(web, crawled, name):
    assert _held(web[name]) < BUDGET + SLACK


@pytest.mark.parametrize("name", ["drip_home", "hang_home", "robots_hang", "retry_after_long"])
def test_home_never_arriving_in_time_fails_with_the_budget_as_reason(web, crawled, name):
    shape = show(crawled, web[name].url)
    assert (shape["status"], shape["error_kind"]) == ("failed", "timeout")
    assert "budget" in shape["error"]


def test_pages_kept_before_the_budget_ran_out_are_stored(web, crawled):
    shape = show(crawled, web["drip_page"].url)
    assert shape["status"] == "done"
    assert "home" in {p["role"] for p in shape["pages"]} and "products" not in {p["role"] for p in shape["pages"]}


def test_other_sites_are_crawled_in_full(web, crawled):
    shape = show(crawled, web["healthy"].url)
    assert sorted(p["role"] for p in shape["pages"]) == ["about", "contact", "home", "products"]
