"""SSRF: the guard holds in a real crawl, with DNS scripted by `fake_dns.ScriptedResolver`.

A loopback server plays a public site (its address is declared public to the fake resolver);
its pages redirect to the metadata address, [::1], IPv4-mapped IPv6 and loopback in decimal,
octal and hex notation, and link to a sub-domain that resolves to loopback. A second site's name
is rebound to loopback after its first lookup. A canary server on 127.0.0.1 (the same port) must
never see a request.
"""
from __future__ import annotations

import json
import os

import pytest

from tests.support import faultserver as fs
from tests.support.cli import CONTACT, FAST, prospect, show

RESOLVER = "tests.reliability.fake_dns.ScriptedResolver"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    shop = fs.FaultSite("127.0.5.1").start()
    port = shop.port
    canary = fs.FaultSite("127.0.0.1", port).start()
    canary.route("/", fs.page("<html><title>internal admin</title></html>"))
    targets = {
        "meta": "http://169.254.169.254/latest/meta-data/",
        "v6": f"http://[::1]:{port}/",
        "mapped": f"http://[::ffff:127.0.0.1]:{port}/",
        "dec": f"http://2130706433:{port}/",
        "oct": f"http://0177.0.0.1:{port}/",
        "hex": f"http://0x7f000001:{port}/",
        "intranet": f"http://intranet.shop.example:{port}/",
    }
    links = "".join(f'<a href="/{name}">{name} 关于我们</a>' for name in targets)
    shop.route("/", fs.page(f"<html><head><title>商店</title></head><body>{links}"
                            f'<a href="http://intranet.shop.example:{port}/contact">联系我们</a></body></html>'))
    for name, target in targets.items():
        shop.route(f"/{name}", fs.redirect(target))
    rebind = fs.FaultSite("127.0.5.2", port, keep_alive=False).start()  # a new connection, a new lookup
    rebind.route(
        "/", fs.page('<html><head><title>rebind</title></head><body><a href="/about.html">关于我们</a></body></html>')
    )
    rebind.route("/about.html", fs.page("<html><title>公司简介</title>成立于2009年</html>"))
    dns = {"shop.example": ["127.0.5.1"], "intranet.shop.example": ["127.0.0.1"],
           "rebind.example": ["127.0.5.2", "127.0.0.1"], "private.example": ["10.1.2.3"]}
    saved = {k: os.environ.get(k) for k in ("PROSPECT_TEST_DNS", "PROSPECT_TEST_DNS_PUBLIC")}
    os.environ["PROSPECT_TEST_DNS"] = json.dumps(dns)
    os.environ["PROSPECT_TEST_DNS_PUBLIC"] = json.dumps(["127.0.5.1", "127.0.5.2"])
    try:
        db = tmp_path_factory.mktemp("ssrf") / "ssrf.db"
        urls = {
            "shop": f"http://shop.example:{port}/",
            "rebind": f"http://rebind.example:{port}/",
            "private": f"http://private.example:{port}/",
            "loopback_name": f"http://intranet.shop.example:{port}/",
        }
        prospect(db, "add", "--allow-private", *urls.values())
        prospect(
            db, "crawl", "--quiet", *FAST, "--set", f"TWISTED_DNS_RESOLVER={RESOLVER}", "--set", "ROBOTSTXT_OBEY=false",
            env=CONTACT,
        )
        yield db, urls, shop, canary, rebind
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
        for site in (shop, canary, rebind):
            site.stop()


def test_canary_on_loopback_is_never_reached(crawled):
    _, _, _, canary, _ = crawled
    assert canary.hits == []


def test_every_private_redirect_was_refused_but_the_site_crawled(crawled):
    db, urls, shop, _, _ = crawled
    shape = show(db, urls["shop"])
    assert shape["status"] == "done"
    assert {p["url"] for p in shape["pages"]} == {urls["shop"]}
    asked = set(shop.paths())
    assert {"/meta", "/v6", "/mapped", "/dec", "/oct", "/hex", "/intranet"} <= asked  # the redirects were met


@pytest.mark.parametrize("name, shown", [("private", "10.1.2.3"), ("loopback_name", "127.0.0.1")])
def test_names_resolving_to_private_addresses_fail_with_ssrf(crawled, name, shown):
    db, urls, *_ = crawled
    shape = show(db, urls[name])
    assert (shape["status"], shape["error_kind"]) == ("failed", "ssrf")
    assert shown in shape["error"] and "--allow-private" in shape["error"]


def test_rebinding_after_the_first_lookup_is_refused(crawled):
    db, urls, _, canary, rebind = crawled
    shape = show(db, urls["rebind"])
    assert shape["status"] == "done"
    assert [p["role"] for p in shape["pages"]] == ["home"]  # /about.html came after the rebinding
    assert rebind.paths() == ["/"] and canary.hits == []
    assert "/about.html" not in rebind.paths()
