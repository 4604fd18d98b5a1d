"""Signs of life from a real crawl: a site served over HTTPS with an expired certificate still
answers (the crawl does not verify certificates) and says so as its status; one with a current
certificate answers plainly. Real loopback servers with self-signed certificates."""
from __future__ import annotations

import datetime as dt
import sqlite3

from tests.support.cli import FAST, prospect, show
from tests.support.tls import server_context
from tests.support.webserver import TestSite

HOME = ("<html><head><title>恒安科技</title></head><body><p>恒安科技，专业门禁系统集成。</p>"
        "<ul><li><a href='/about.html'>公司简介</a></li><li><a href='/jobs.html'>人才招聘</a></li></ul>"
        "<footer>© 2016-2019 恒安科技 粤ICP备12345678号-1 统一社会信用代码 91440300708461136T</footer></body></html>")
NEWS = "<html><head><title>公司简介</title></head><body><ul>{}</ul></body></html>".format(
    "".join(f"<li>2019-0{m}-15 公司新闻 {m}</li>" for m in range(1, 5)))


def _site(tmp_path, address: str, until: dt.date) -> TestSite:
    site = TestSite(address, tls=server_context(tmp_path, address, dt.date(2018, 1, 1), until))
    site.page("/", HOME)
    site.page("/about.html", NEWS)
    return site.start()


def test_an_expired_certificate_and_the_footer_are_signs_of_life(tmp_path):
    expired = _site(tmp_path, "127.0.0.61", dt.date(2021, 3, 1))
    current = _site(tmp_path, "127.0.0.62", dt.date.today() + dt.timedelta(days=365))
    db = tmp_path / "life.db"
    try:
        prospect(db, "add", "--allow-private", expired.url, current.url)
        prospect(db, "crawl", "--quiet", "--allow-private", *FAST)
    finally:
        expired.stop()
        current.stop()
    old = show(db, expired.url)["evidence"]
    assert old["site_status"]["value"] == "certificate_expired"
    assert "expired on 2021-03-01" in old["site_status"]["method"]
    assert show(db, current.url)["evidence"]["site_status"]["value"] == "answers"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT tls_expires FROM pages WHERE role = 'home' ORDER BY url").fetchall() == [
            ("2021-03-01",), ((dt.date.today() + dt.timedelta(days=365)).isoformat(),)]
    values = {name: old[name]["value"] for name in
              ("copyright_year", "icp_number", "printed_registry_id", "hiring", "latest_dated_item")}
    assert values == {"copyright_year": 2019, "icp_number": "粤ICP备12345678号-1",
                      "printed_registry_id": "91440300708461136T", "hiring": True,
                      "latest_dated_item": "2019-04-15"}
    # news three or more years old: the site's other fields are stale
    assert "stale" in old["sells_access_control"]["flags"]
