"""One prospect per company site (issue 16): the addresses of one site are one prospect, a second
address is reported as such and never queued; addresses that cannot be a company's public site
are refused with the reason unless --allow-private."""
from __future__ import annotations

import re

import pytest

from prospect_intel.app.store import Store
from prospect_intel.app.web import AppConfig, create_app
from prospect_intel.core.urls import normalise_url, site_identity
from tests.support.cli import prospect

LOCAL = {"Host": "127.0.0.1:8765"}


@pytest.mark.parametrize("url, site", [
    ("http://x.cn/index.html", "x.cn"), ("x.cn/", "x.cn"), ("www.x.cn", "x.cn"), ("https://x.cn", "x.cn"),
    ("http://www.x.cn/default.aspx", "x.cn"), ("http://x.cn/home", "x.cn"),
    ("http://x.cn/shop/", "x.cn/shop/"),  # another part of the site: its own prospect
    ("http://x.cn/?lang=en", "x.cn/?lang=en"),
    ("http://x.cn:8080/", "x.cn:8080"), ("http://www.cn/", "www.cn"),  # www.cn is a name, not a prefix
])
def test_site_identity(url, site):
    assert site_identity(normalise_url(url)) == site


def _urls(db):
    store = Store(db)
    try:
        return [row["url"] for row in store.prospects()]
    finally:
        store.close()


def test_the_addresses_of_one_site_are_one_prospect(tmp_path):
    db = tmp_path / "store.db"
    prospect(db, "add", "http://x-anfang.cn/index.html")
    again = prospect(db, "add", "www.x-anfang.cn", "https://x-anfang.cn", "x-anfang.cn/").stdout
    assert _urls(db) == ["http://x-anfang.cn/index.html"]
    assert again.count("the same site as http://x-anfang.cn/index.html (already queued)") == 3
    assert "added 0" in again


def test_a_file_listing_one_site_twice_queues_it_once(tmp_path):
    db, path = tmp_path / "store.db", tmp_path / "crm.csv"
    path.write_text("name,url\n恒安,www.hengan-anfang.cn\n恒安科技,https://hengan-anfang.cn/index.php\n",
                    encoding="utf-8")
    result = prospect(db, "add", "--file", str(path)).stdout
    assert _urls(db) == ["http://www.hengan-anfang.cn/"]
    assert "added 1" in result and "another address of a known site 1" in result


def test_the_web_queue_reports_another_address_of_a_known_site(tmp_path):
    db = tmp_path / "store.db"
    prospect(db, "add", "www.hengan-anfang.cn")
    client = create_app(AppConfig(db_path=str(db))).test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/", headers=LOCAL).get_data(as_text=True))
    form = {"csrf_token": token.group(1), "urls": "https://hengan-anfang.cn/\n127.0.0.1\nwww.baidu"}
    page = client.post("/queue", data=form, headers=LOCAL, follow_redirects=True).get_data(as_text=True)
    assert "Queued 0 new URL(s); 1 already known (1 as another address of a known site); 2 invalid" in page
    assert "is an IP address" in page and "names no company" in page
    assert _urls(db) == ["http://www.hengan-anfang.cn/"]


def test_a_prospect_is_found_by_its_name_or_another_address_of_its_site(sites_db, tmp_path):
    from tests.conftest import copy_store

    db = copy_store(sites_db, tmp_path / "names.db")
    prospect(db, "add", "--name", "宝兴县昱达石材有限公司", "www.baoxing-yuda-shicai.cn")
    prospect(db, "add", "--name", "宝兴县昱达石材二厂", "www.yuda-shicai2.cn")
    shown = prospect(db, "show", "宝兴县昱达石材有限公司", "--json").stdout
    assert '"url": "http://www.baoxing-yuda-shicai.cn/"' in shown
    assert '"http://www.yuda-shicai2.cn/"' in prospect(db, "show", "宝兴县昱达石材二", "--json").stdout
    several = prospect(db, "show", "宝兴县昱达", check=False)
    assert several.returncode == 3 and "several prospects are named '宝兴县昱达'" in several.stderr
    assert "宝兴县昱达石材二厂 (http://www.yuda-shicai2.cn/)" in several.stderr
    nobody = prospect(db, "show", "无此公司", check=False)
    assert nobody.returncode == 3 and "no prospect named or at '无此公司'" in nobody.stderr
    assert '"http://www.baoxing-yuda-shicai.cn/"' in prospect(db, "show", "https://baoxing-yuda-shicai.cn/index.html",
                                                              "--json").stdout
